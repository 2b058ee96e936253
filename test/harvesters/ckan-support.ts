/** Shared set-up of the CKAN harvester tests: a fast HTTP client and a listing that collects pages. */
import { createHttpClient, type HttpOptions } from '../../src/harvest/http.js';
import { silentLogger } from '../../src/log.js';
import { ckan, type CkanPackage } from '../../harvesters/ckan.js';
import type { RawPage } from '../../src/harvest/types.js';
import type { PortalConfig } from '../../src/config-types.js';
import { testPortal } from '../support/portal-config.js';

/** Short timeouts and backoffs so that retries and failures take milliseconds. */
export function fastHttpOptions(overrides: Partial<HttpOptions> = {}): HttpOptions {
  return {
    timeoutMs: 1000,
    maxResponseBytes: 5_000_000,
    retries: 2,
    backoffLimitMs: 20,
    maxRetryAfterMs: 2000,
    userAgent: 'Cosecha-test/0.1',
    insecure: false,
    politeness: { concurrency: 4, intervalMs: 0 },
    ...overrides,
  };
}

export interface ListOptions {
  portal?: Partial<PortalConfig>;
  http?: Partial<HttpOptions>;
  since?: Date;
  signal?: AbortSignal;
  /** Called with each page as it is yielded. */
  onPage?: (page: RawPage<CkanPackage>) => void;
}

/** Runs `ckan.list` against `url` to the end and returns every page. */
export async function listAll(url: string, options: ListOptions = {}): Promise<RawPage<CkanPackage>[]> {
  const ctx = {
    portal: testPortal({ url, ...options.portal }),
    http: createHttpClient(fastHttpOptions(options.http)),
    since: options.since,
    log: silentLogger,
    signal: options.signal ?? new AbortController().signal,
  };
  const pages: RawPage<CkanPackage>[] = [];
  for await (const page of ckan.list(ctx)) {
    pages.push(page);
    options.onPage?.(page);
  }
  return pages;
}

/** The error `promise` rejects with; fails when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string; url?: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('Expected a rejection, but the promise resolved.');
}

/** The query parameters of every request to an action. */
export function actionParams(requests: string[], action = 'package_search'): URLSearchParams[] {
  return requests.filter((url) => new URL(url).pathname.endsWith(`/${action}`)).map((url) => new URL(url).searchParams);
}

/** `count` packages with ids that sort in creation order. */
export function packages(count: number, modified = '2024-01-01T00:00:00.000000'): CkanPackage[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `pkg-${String(i).padStart(4, '0')}`,
    name: `conjunto-${i}`,
    title: `Conjunto ${i}`,
    metadata_modified: modified,
  }));
}

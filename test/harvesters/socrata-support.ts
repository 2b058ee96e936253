/** Shared set-up of the Socrata harvester tests: a listing that collects pages, and request readers. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHttpClient, type HttpOptions } from '../../src/harvest/http.js';
import { silentLogger } from '../../src/log.js';
import { socrata, type SocrataRaw, type SocrataRecord } from '../../harvesters/socrata.js';
import type { RawPage } from '../../src/harvest/types.js';
import type { PortalConfig } from '../../src/config-types.js';
import { testPortal } from '../support/portal-config.js';
import { fastHttpOptions } from './ckan-support.js';

export { rejection } from './ckan-support.js';

/** The domain of the recorded-shape fixtures and of the fake server's default. */
export const DOMAIN = 'www.datos.gov.co';

const fixtures = fileURLToPath(new URL('../fixtures/socrata/', import.meta.url));
export const fixturePath = (name: string) => `${fixtures}${name}`;
export const readFixture = <T>(name: string): T => JSON.parse(readFileSync(fixturePath(name), 'utf8')) as T;

export interface ListOptions {
  portal?: Partial<PortalConfig>;
  /** Portal options besides `domain` (which defaults to DOMAIN). */
  options?: Record<string, unknown>;
  http?: Partial<HttpOptions>;
  signal?: AbortSignal;
  onPage?: (page: RawPage<SocrataRaw>) => void;
}

/** A portal served by the fake at `url`, naming the fixtures' domain. */
export function socrataTestPortal(url: string, options: ListOptions = {}): PortalConfig {
  return testPortal({ platform: 'socrata', url, ...options.portal, options: { domain: DOMAIN, ...options.options } });
}

/** Runs `socrata.list` against `url` to the end and returns every page. */
export async function listAll(url: string, options: ListOptions = {}): Promise<RawPage<SocrataRaw>[]> {
  const ctx = {
    portal: socrataTestPortal(url, options),
    http: createHttpClient(fastHttpOptions(options.http)),
    log: silentLogger,
    signal: options.signal ?? new AbortController().signal,
  };
  const pages: RawPage<SocrataRaw>[] = [];
  for await (const page of socrata.list(ctx)) {
    pages.push(page);
    options.onPage?.(page);
  }
  return pages;
}

/** The query parameters of every Discovery API request. */
export function catalogParams(requests: string[]): URLSearchParams[] {
  return requests.filter((url) => new URL(url).pathname === '/api/catalog/v1').map((url) => new URL(url).searchParams);
}

/** The source ids of every record listed, in order. */
export function listedIds(pages: RawPage<SocrataRaw>[]): (string | undefined)[] {
  return pages.flatMap((page) => page.records.map((record) => socrata.sourceId(record)));
}

/** Small Discovery records with ids that sort in creation order. */
export function records(count: number, domain = DOMAIN): SocrataRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    resource: { id: `r${String(i).padStart(3, '0')}-test`, name: `Conjunto ${i}`, type: 'dataset', updatedAt: '2024-01-01T00:00:00.000Z' },
    classification: { domain_category: 'Educación', domain_tags: [], domain_metadata: [] },
    metadata: { domain },
    link: `https://${domain}/d/r${String(i).padStart(3, '0')}-test`,
  }));
}

/** Shared set-up of the data.json and ArcGIS Hub harvester tests: listings, catalogs, goldens. */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { createHttpClient, type HttpOptions } from '../../src/harvest/http.js';
import { silentLogger } from '../../src/log.js';
import { isRecordError } from '../../src/errors.js';
import type { Harvester, RawPage } from '../../src/harvest/types.js';
import type { PortalConfig } from '../../src/config-types.js';
import type { DataJsonRecord } from '../../harvesters/datajson.js';
import { testPortal } from '../support/portal-config.js';
import { fastHttpOptions } from './ckan-support.js';

export { rejection } from './ckan-support.js';

export interface ListOptions {
  portal?: Partial<PortalConfig>;
  http?: Partial<HttpOptions>;
  signal?: AbortSignal;
  /** Called with each page as it is yielded. */
  onPage?: (page: RawPage<DataJsonRecord>) => void;
}

/** Runs `harvester.list` against a portal at `url` to the end and returns every page. */
export async function listAll(harvester: Harvester<DataJsonRecord>, url: string, options: ListOptions = {}): Promise<RawPage<DataJsonRecord>[]> {
  const ctx = {
    portal: testPortal({ url, platform: harvester.platform, ...options.portal }),
    http: createHttpClient(fastHttpOptions(options.http)),
    log: silentLogger,
    signal: options.signal ?? new AbortController().signal,
  };
  const pages: RawPage<DataJsonRecord>[] = [];
  for await (const page of harvester.list(ctx)) {
    pages.push(page);
    options.onPage?.(page);
  }
  return pages;
}

/** The ids of every record listed, in order. */
export function listedIds(harvester: Harvester<DataJsonRecord>, pages: RawPage<DataJsonRecord>[]): (string | undefined)[] {
  return pages.flatMap((page) => page.records.map((record) => harvester.sourceId(record)));
}

/** `count` small DCAT-US datasets with ids that sort in listing order. */
export function datasets(count: number, prefix = 'conjunto'): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({
    identifier: `${prefix}-${String(i).padStart(4, '0')}`,
    title: `Conjunto de datos ${i}`,
    modified: '2024-01-01',
    distribution: [],
  }));
}

/** A catalog document with a `dataset` list. */
export const catalogOf = (list: unknown[]): Record<string, unknown> => ({ '@type': 'dcat:Catalog', conformsTo: 'https://project-open-data.cio.gov/v1.1/schema', dataset: list });

export function readFixture(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

/** What a record's golden file is named after: the last part of its source id. */
function goldenName(harvester: Harvester<DataJsonRecord>, record: DataJsonRecord, index: number): string {
  const id = harvester.sourceId(record);
  const name = id?.split(/[/=:]/).filter(Boolean).pop();
  return name ? name.replace(/[^\w.-]+/g, '-') : `registro-${index}`;
}

/**
 * Maps every record with `harvester.toDcat` and compares each draft with its golden under
 * `expectedDir` (one file per record, plus `_record-errors.json`).
 * `UPDATE_GOLDEN=1` rewrites the goldens instead (review the diff).
 */
export function assertGoldens(harvester: Harvester<DataJsonRecord>, records: DataJsonRecord[], portal: PortalConfig, expectedDir: URL): { mapped: number; errors: unknown[] } {
  const drafts = new Map<string, unknown>();
  const errors: unknown[] = [];
  records.forEach((record, index) => {
    const name = goldenName(harvester, record, index);
    try {
      drafts.set(name, JSON.parse(JSON.stringify(harvester.toDcat(record, portal))));
    } catch (error) {
      if (!isRecordError(error)) throw error;
      errors.push({ record: name, code: error.code, sourceId: error.sourceId ?? null, message: error.message });
    }
  });
  const dir = expectedDir.pathname;
  if (process.env.UPDATE_GOLDEN === '1') {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const [name, draft] of drafts) writeFileSync(`${dir}${name}.json`, `${JSON.stringify(draft, null, 2)}\n`);
    writeFileSync(`${dir}_record-errors.json`, `${JSON.stringify(errors, null, 2)}\n`);
  }
  const read = (file: string): unknown => JSON.parse(readFileSync(`${dir}${file}`, 'utf8'));
  const files = [...drafts.keys()].map((name) => `${name}.json`);
  assert.deepEqual(readdirSync(dir).sort(), [...files, '_record-errors.json'].sort(), 'one golden per mapped record');
  for (const [name, draft] of drafts) assert.deepEqual(draft, read(`${name}.json`), `golden ${name}.json`);
  assert.deepEqual(errors, read('_record-errors.json'));
  return { mapped: drafts.size, errors };
}

/** Shared set-up of the DKAN harvester tests: fixtures, a listing that collects pages, golden files. */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { createHttpClient, type HttpOptions } from '../../src/harvest/http.js';
import { silentLogger } from '../../src/log.js';
import { isRecordError } from '../../src/errors.js';
import { dkan, type DkanRecord } from '../../harvesters/dkan.js';
import type { Harvester, HarvestContext, RawPage } from '../../src/harvest/types.js';
import type { PortalConfig } from '../../src/config-types.js';
import type { FakeDkanRecord } from '../../src/demo/dkan-server.js';
import { testPortal } from '../support/portal-config.js';
import { fastHttpOptions } from './ckan-support.js';

export { rejection } from './ckan-support.js';

const fixtures = fileURLToPath(new URL('../fixtures/dkan/', import.meta.url));

/** A fresh copy of a fixture catalog (tests may change it). */
export function fixture(name: 'dkan7-packages' | 'dkan2-datasets'): FakeDkanRecord[] {
  return JSON.parse(readFileSync(`${fixtures}${name}.json`, 'utf8')) as FakeDkanRecord[];
}

export interface ListOptions {
  harvester?: Harvester<DkanRecord>;
  portal?: Partial<PortalConfig>;
  http?: Partial<HttpOptions>;
  signal?: AbortSignal;
}

/** A harvest context for `url`: pages of 4, a fast HTTP client, a silent log. */
export function contextFor(url: string, options: ListOptions = {}): HarvestContext {
  return {
    portal: testPortal({ url, platform: 'dkan', pageSize: 4, ...options.portal }),
    http: createHttpClient(fastHttpOptions(options.http)),
    log: silentLogger,
    signal: options.signal ?? new AbortController().signal,
  };
}

/** Runs the harvester's `list` against `url` to the end and returns every page. */
export async function listAll(url: string, options: ListOptions = {}): Promise<RawPage<DkanRecord>[]> {
  const pages: RawPage<DkanRecord>[] = [];
  for await (const page of (options.harvester ?? dkan).list(contextFor(url, options))) pages.push(page);
  return pages;
}

/** One expected draft of `expected/<dir>/`. */
export const golden = (dir: string, name: string): unknown => JSON.parse(readFileSync(`${fixtures}expected/${dir}/${name}.json`, 'utf8'));

export const recordsOf = (pages: RawPage<DkanRecord>[]): DkanRecord[] => pages.flatMap((page) => page.records);

/** The paths (with query) of the requests a fake server received. */
export const paths = (requests: string[]): string[] => requests.map((url) => new URL(url).pathname + new URL(url).search);

/** The golden name of a record: its DKAN 7 name, its DKAN 2 title as a slug, else its id or position. */
function goldenName(record: DkanRecord, index: number): string {
  const field = (value: unknown, key: string): string | undefined => {
    const found = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    return typeof found === 'string' && found.trim() ? found.trim() : undefined;
  };
  const slug = (text: string | undefined) => text?.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const name =
    record.api === 'dkan7' ? (field(record.package, 'name') ?? field(record.package, 'id'))
    : record.api === 'dkan2' ? (slug(field(record.dataset, 'title')) ?? field(record.dataset, 'identifier'))
    : record.api === 'unfetched' ? record.id
    : undefined;
  return name || `registro-${index}`;
}

/**
 * Maps every record with `toDcat` and compares the drafts with `expected/<dir>/`, and the record
 * errors with `_record-errors.json`. `UPDATE_GOLDEN=1` rewrites the files (review the diff).
 */
export function assertGoldens(dir: string, records: DkanRecord[], portal: PortalConfig, harvester: Harvester<DkanRecord> = dkan): { drafts: number; errors: unknown[] } {
  const expectedDir = `${fixtures}expected/${dir}/`;
  const drafts = new Map<string, unknown>();
  const errors: unknown[] = [];
  records.forEach((record, index) => {
    const name = goldenName(record, index);
    try {
      drafts.set(name, JSON.parse(JSON.stringify(harvester.toDcat(record, portal))));
    } catch (error) {
      if (!isRecordError(error)) throw error;
      // The fake server's port changes from run to run.
      const message = error.message.replace(/http:\/\/127\.0\.0\.1:\d+/g, 'http://127.0.0.1:PUERTO');
      errors.push({ record: name, code: error.code, sourceId: error.sourceId ?? null, message });
    }
  });
  if (process.env.UPDATE_GOLDEN === '1') {
    rmSync(expectedDir, { recursive: true, force: true });
    mkdirSync(expectedDir, { recursive: true });
    for (const [name, draft] of drafts) writeFileSync(`${expectedDir}${name}.json`, `${JSON.stringify(draft, null, 2)}\n`);
    writeFileSync(`${expectedDir}_record-errors.json`, `${JSON.stringify(errors, null, 2)}\n`);
  }
  const read = (file: string): unknown => JSON.parse(readFileSync(expectedDir + file, 'utf8'));
  assert.deepEqual(readdirSync(expectedDir).sort(), [...[...drafts.keys()].map((name) => `${name}.json`), '_record-errors.json'].sort(), 'one golden per mapped record');
  for (const [name, draft] of drafts) assert.deepEqual(draft, read(`${name}.json`), `golden ${dir}/${name}.json`);
  assert.deepEqual(errors, read('_record-errors.json'));
  return { drafts: drafts.size, errors };
}

/** `count` small DKAN 7 packages, as package_show gives them. */
export function packages7(count: number): FakeDkanRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `5a1d0000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `conjunto-${i}`,
    title: `Registro municipal ${i}`,
    notes: '<p>Datos de la Municipalidad.</p>',
    metadata_created: 'lun, 09/07/2018 - 10:00',
    metadata_modified: 'mar, 25/04/2023 - 08:55',
    groups: [{ name: 'secretaria-general', title: 'Secretaría General' }],
    resources: [{ id: `r-${i}`, name: 'Datos', format: 'csv', url: `https://datos.example.gov.py/files/conjunto-${i}.csv` }],
  }));
}

/** `count` small DKAN 2 datasets, as the search gives them. */
export function datasets2(count: number): FakeDkanRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    '@type': 'dcat:Dataset',
    identifier: `d2000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    title: `Conjunto municipal ${i}`,
    modified: '2023-04-25',
    publisher: { '@type': 'org:Organization', name: 'Alcaldía Municipal' },
    distribution: [{ '@type': 'dcat:Distribution', downloadURL: `https://datos.example.bo/files/${i}.csv`, format: 'csv' }],
  }));
}

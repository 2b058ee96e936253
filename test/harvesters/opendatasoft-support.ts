/** Shared set-up of the OpenDataSoft harvester tests: listing against the fake portal, request reading, small catalogs. */
import { createHttpClient, type HttpOptions } from '../../src/harvest/http.js';
import { silentLogger } from '../../src/log.js';
import { opendatasoft, type OdsDataset } from '../../harvesters/opendatasoft.js';
import type { RawPage } from '../../src/harvest/types.js';
import type { PortalConfig } from '../../src/config-types.js';
import { testPortal } from '../support/portal-config.js';
import { fastHttpOptions } from './ckan-support.js';

export { rejection } from './ckan-support.js';

export interface ListOptions {
  portal?: Partial<PortalConfig>;
  http?: Partial<HttpOptions>;
  /** Set for an incremental listing. */
  since?: Date;
  signal?: AbortSignal;
  /** Called with each page as it is yielded. */
  onPage?: (page: RawPage<OdsDataset>) => void;
}

/** Runs `opendatasoft.list` against `url` to the end and returns every page. */
export async function listAll(url: string, options: ListOptions = {}): Promise<RawPage<OdsDataset>[]> {
  const ctx = {
    portal: testPortal({ url, platform: 'opendatasoft', ...options.portal }),
    http: createHttpClient(fastHttpOptions(options.http)),
    since: options.since,
    log: silentLogger,
    signal: options.signal ?? new AbortController().signal,
  };
  const pages: RawPage<OdsDataset>[] = [];
  for await (const page of opendatasoft.list(ctx)) {
    pages.push(page);
    options.onPage?.(page);
  }
  return pages;
}

/** The ids of every record listed, in order. */
export const idsOf = (pages: RawPage<OdsDataset>[]): (string | undefined)[] => pages.flatMap((page) => page.records.map((r) => r.dataset_id));

/** The query parameters of every request to the paged catalog. */
export function pageParams(requests: string[]): URLSearchParams[] {
  return requests.filter((url) => new URL(url).pathname.endsWith('/catalog/datasets')).map((url) => new URL(url).searchParams);
}

/** The query parameters of every request to the catalog export. */
export function exportParams(requests: string[]): URLSearchParams[] {
  return requests.filter((url) => new URL(url).pathname.endsWith('/catalog/exports/json')).map((url) => new URL(url).searchParams);
}

const TITLES = ['Presupuesto participativo', 'Recolección de residuos', 'Patentes municipales', 'Calidad del agua potable', 'Espacios públicos', 'Accidentes de tránsito'];

/** A small valid dataset with an id that sorts by `i`. */
export function odsDataset(i: number, modified = '2024-01-01T00:00:00+00:00'): OdsDataset {
  return {
    dataset_id: `conjunto-${String(i).padStart(5, '0')}`,
    has_records: true,
    features: ['analyze'],
    fields: [],
    metas: { default: { title: `${TITLES[i % TITLES.length]} ${i}`, modified, publisher: 'GAD Municipal', records_count: 10 } },
  };
}

export function odsDatasets(count: number, modified?: string): OdsDataset[] {
  return Array.from({ length: count }, (_, i) => odsDataset(i, modified));
}

/** A synthetic catalog page for catalogs too big to hold as fixtures. */
export const syntheticPage = (offset: number, limit: number): OdsDataset[] => Array.from({ length: limit }, (_, k) => odsDataset(offset + k));

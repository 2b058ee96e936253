/** Shared set-up of the DCAT harvester tests: listing against the fake server, fixtures, mapping helpers. */
import { readFileSync } from 'node:fs';
import { createHttpClient, type HttpOptions } from '../../src/harvest/http.js';
import { silentLogger } from '../../src/log.js';
import { isRecordError } from '../../src/errors.js';
import { dcat, type RdfNode } from '../../harvesters/dcat.js';
import { parseRdf } from '../../harvesters/dcat-parse.js';
import { readCatalogPage } from '../../harvesters/dcat-record.js';
import type { RawPage } from '../../src/harvest/types.js';
import type { PortalConfig } from '../../src/config-types.js';
import type { DatasetDraft } from '../../src/dcat/types.js';
import { testPortal } from '../support/portal-config.js';
import { fastHttpOptions } from './ckan-support.js';

export { rejection } from './ckan-support.js';

export const fixture = (name: string): string => readFileSync(new URL(`../fixtures/dcat/${name}`, import.meta.url), 'utf8');

export interface DcatListOptions {
  portal?: Partial<PortalConfig>;
  http?: Partial<HttpOptions>;
  signal?: AbortSignal;
  /** Called with each page as it is yielded. */
  onPage?: (page: RawPage<RdfNode>) => void;
}

/** Runs `dcat.list` from `url` to the end and returns every page. */
export async function listDcat(url: string, options: DcatListOptions = {}): Promise<RawPage<RdfNode>[]> {
  const ctx = {
    portal: testPortal({ url, platform: 'dcat', ...options.portal }),
    http: createHttpClient(fastHttpOptions(options.http)),
    log: silentLogger,
    signal: options.signal ?? new AbortController().signal,
  };
  const pages: RawPage<RdfNode>[] = [];
  for await (const page of dcat.list(ctx)) {
    pages.push(page);
    options.onPage?.(page);
  }
  return pages;
}

/** A record error as the goldens list it. */
export interface MappedError {
  sourceId: string | null;
  code: string;
  message: string;
}

/** Maps records with the portal's real address: drafts sorted by source id, record errors apart. */
export function mapRecords(records: RdfNode[], portal: PortalConfig = testPortal({ platform: 'dcat' })): { drafts: DatasetDraft[]; errors: MappedError[] } {
  const drafts: DatasetDraft[] = [];
  const errors: MappedError[] = [];
  for (const record of records) {
    try {
      drafts.push(JSON.parse(JSON.stringify(dcat.toDcat(record, portal))) as DatasetDraft);
    } catch (error) {
      if (!isRecordError(error)) throw error;
      errors.push({ sourceId: error.sourceId ?? null, code: error.code, message: error.message });
    }
  }
  drafts.sort((a, b) => (a.sourceId < b.sourceId ? -1 : 1));
  return { drafts, errors };
}

/** The records of one document given inline (no server): parsed and grouped as `list` does. */
export async function recordsOf(body: string, contentType = 'text/turtle', url = 'https://datos.gob.ec/catalog.ttl'): Promise<RdfNode[]> {
  const { quads } = await parseRdf({ url, status: 200, contentType, body });
  return readCatalogPage(quads).records;
}

/** The draft of the only dataset of an inline Turtle document (prefixes added), as JSON. */
export async function draftOf(turtle: string, portal: Partial<PortalConfig> = {}): Promise<DatasetDraft> {
  const records = await recordsOf(PREFIXES + turtle);
  if (records.length !== 1) throw new Error(`Expected one dataset, found ${records.length}.`);
  // Through JSON, as the goldens: properties left undefined vanish.
  return JSON.parse(JSON.stringify(dcat.toDcat(records[0], testPortal({ platform: 'dcat', ...portal })))) as DatasetDraft;
}

export const PREFIXES = `@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <http://schema.org/> .
@prefix locn: <http://www.w3.org/ns/locn#> .
@prefix gsp: <http://www.opengis.net/ont/geosparql#> .
@prefix spdx: <http://spdx.org/rdf/terms#> .
@prefix adms: <http://www.w3.org/ns/adms#> .
@prefix hydra: <http://www.w3.org/ns/hydra/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
`;

/** A minimal valid dataset in Turtle, for paging documents. */
export const datasetTtl = (slug: string, title = `Conjunto ${slug}`) =>
  `<https://datos.gob.ec/dataset/${slug}> a dcat:Dataset ; dct:title "${title}"@es ; dct:identifier "${slug}" .\n`;

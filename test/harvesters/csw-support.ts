/** Shared set-up of the CSW harvester tests: fixtures, synthetic records and a listing that collects pages. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHttpClient } from '../../src/harvest/http.js';
import { silentLogger } from '../../src/log.js';
import { csw, type CswRecord } from '../../harvesters/csw.js';
import type { RawPage } from '../../src/harvest/types.js';
import { testPortal } from '../support/portal-config.js';
import { fastHttpOptions, type ListOptions as CkanListOptions } from './ckan-support.js';

export { rejection } from './ckan-support.js';

const fixtures = fileURLToPath(new URL('../fixtures/csw/', import.meta.url));
export const expectedDir = `${fixtures}expected/`;

/** The recorded-shape ISO 19139 records, by file name (`01-limites-municipales`), in file order. */
export function fixtureRecords(): { name: string; xml: string }[] {
  const dir = `${fixtures}records/`;
  return readdirSync(dir)
    .filter((file) => file.endsWith('.xml'))
    .sort()
    .map((file) => ({ name: file.replace(/^\d+-/, '').replace(/\.xml$/, ''), xml: readFileSync(dir + file, 'utf8') }));
}

/** A small valid ISO 19139 record. */
export function isoRecord(id: string, title = `Capa ${id}`): string {
  return `<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:gco="http://www.isotc211.org/2005/gco">
  <gmd:fileIdentifier><gco:CharacterString>${id}</gco:CharacterString></gmd:fileIdentifier>
  <gmd:identificationInfo><gmd:MD_DataIdentification><gmd:citation><gmd:CI_Citation>
    <gmd:title><gco:CharacterString>${title}</gco:CharacterString></gmd:title>
  </gmd:CI_Citation></gmd:citation></gmd:MD_DataIdentification></gmd:identificationInfo>
</gmd:MD_Metadata>`;
}

/** `count` records with ids that sort in creation order: `capa-000` … */
export function isoRecords(count: number): string[] {
  return Array.from({ length: count }, (_, i) => isoRecord(`capa-${String(i).padStart(3, '0')}`));
}

export type ListOptions = Omit<CkanListOptions, 'onPage'> & { onPage?: (page: RawPage<CswRecord>) => void };

/** Runs `csw.list` against `url` to the end and returns every page. */
export async function listAll(url: string, options: ListOptions = {}): Promise<RawPage<CswRecord>[]> {
  const ctx = {
    portal: testPortal({ url, platform: 'csw', ...options.portal }),
    http: createHttpClient(fastHttpOptions(options.http)),
    since: options.since,
    log: silentLogger,
    signal: options.signal ?? new AbortController().signal,
  };
  const pages: RawPage<CswRecord>[] = [];
  for await (const page of csw.list(ctx)) {
    pages.push(page);
    options.onPage?.(page);
  }
  return pages;
}

/** The fileIdentifiers of every listed record, in order. */
export function listedIds(pages: RawPage<CswRecord>[]): (string | undefined)[] {
  return pages.flatMap((page) => page.records.map((record) => csw.sourceId(record)));
}

/** The query parameters of every GetRecords request, keys as sent. */
export function getRecordsParams(requests: string[]): URLSearchParams[] {
  return requests.map((url) => new URL(url).searchParams).filter((params) => params.get('request') === 'GetRecords');
}

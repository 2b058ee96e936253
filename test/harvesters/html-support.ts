/** Shared set-up of the HTML harvester tests: a fast client that records what it fetched, and a listing that collects pages. */
import { createHttpClient, type HttpClient, type HttpOptions } from '../../src/harvest/http.js';
import { silentLogger } from '../../src/log.js';
import { html, type HtmlRecord } from '../../harvesters/html.js';
import type { RawPage } from '../../src/harvest/types.js';
import type { PortalConfig } from '../../src/config-types.js';
import { testPortal } from '../support/portal-config.js';
import { fastHttpOptions } from './ckan-support.js';

export { rejection } from './ckan-support.js';

/** The address the goldens use for the fake site, so that they do not depend on the test server's port. */
export const SITE = 'https://www.villaesperanza.gob.ec';

/** The options that read the site's open-data listing (three pages of repeated blocks). */
export const LISTING_OPTIONS = {
  listing: ['/datos-abiertos/conjuntos'],
  next: 'a.siguiente',
  selectors: { dataset: 'article.conjunto', title: 'h2', description: '.resumen', files: 'ul.descargas a', modified: 'time.actualizado' },
};

export interface HtmlListOptions {
  portal?: Partial<PortalConfig>;
  /** The portal's `options`. */
  options?: Record<string, unknown>;
  http?: Partial<HttpOptions>;
  signal?: AbortSignal;
}

export interface Listing {
  pages: RawPage<HtmlRecord>[];
  /** Every URL the harvester asked its HTTP client for, in order. */
  fetched: string[];
}

/** An HTTP client that records every URL asked for before asking. */
export function recordingClient(inner: HttpClient, fetched: string[]): HttpClient {
  return {
    getText: (url, options) => (fetched.push(url), inner.getText(url, options)),
    getJson: (url, options) => (fetched.push(url), inner.getJson(url, options)),
    streamJson: (url, options) => (fetched.push(url), inner.streamJson(url, options)),
  };
}

/** Runs `html.list` for a portal at `url` to the end; pages and fetched URLs go to `into` as they come. */
export async function listAll(url: string, options: HtmlListOptions = {}, into: Listing = { pages: [], fetched: [] }): Promise<Listing> {
  const ctx = {
    portal: testPortal({ id: 'ec-villa-esperanza', platform: 'html', level: 'municipal', url, options: options.options ?? {}, ...options.portal }),
    http: recordingClient(createHttpClient(fastHttpOptions(options.http)), into.fetched),
    log: silentLogger,
    signal: options.signal ?? new AbortController().signal,
  };
  for await (const page of html.list(ctx)) into.pages.push(page);
  return into;
}

/** The records with the test server's address replaced by SITE, as the goldens have them. */
export function onSite<T>(value: T, serverUrl: string): T {
  return JSON.parse(JSON.stringify(value).replaceAll(serverUrl, SITE)) as T;
}

/** Source ids of every record of the pages that has one, in order. */
export function idsOf(pages: RawPage<HtmlRecord>[]): string[] {
  return pages.flatMap((page) => page.records.flatMap((record) => (record.sourceId === undefined ? [] : [record.sourceId])));
}

/**
 * CKAN Action API v3 harvester (HARVESTING.md, "CKAN Action API"). `list` pages `package_search`
 * sorted by `id asc`; `toDcat` maps one package as declared, leaving codes to normalization.
 */
import { HarvestError, RecordError } from '../src/errors.js';
import type { DatasetDraft, Theme } from '../src/dcat/types.js';
import type { PortalConfig } from '../src/config-types.js';
import { fetchShrinking } from '../src/harvest/shrinking-page.js';
import type { Harvester, HarvestContext, RawPage } from '../src/harvest/types.js';
import { firstSighting } from '../src/harvest/first-sighting.js';
import { withParams } from '../src/harvest/url-params.js';
import { callAction, ckanSite, searchResult } from './ckan-api.js';
import { readExtras } from './ckan-extras.js';
import { toDistributions } from './ckan-resources.js';
import { isObject, text } from './values.js';
import type { CkanGroup, CkanPackage } from './ckan-types.js';

export type { CkanPackage, CkanResource, CkanExtra, CkanGroup, CkanTag } from './ckan-types.js';

/**
 * Incremental runs ask for everything modified since one hour before the last good run: clocks
 * drift and CKAN indexes a change some time after it is written, so the overlap costs a few
 * records seen twice (change detection makes them no-ops) and loses none.
 */
const INCREMENTAL_OVERLAP_MS = 3_600_000;

export const ckan: Harvester<CkanPackage> = {
  platform: 'ckan',
  incremental: true,
  list: listPackages,
  sourceId: (pkg) => (isObject(pkg) ? (text(pkg.id) ?? text(pkg.name)) : undefined),
  toDcat,
};

/** `fq` of an incremental run: `metadata_modified:[2024-03-01T11:00:00Z TO *]`. */
export function incrementalFilter(since: Date): string {
  const from = new Date(since.getTime() - INCREMENTAL_OVERLAP_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `metadata_modified:[${from} TO *]`;
}

/**
 * Pages `package_search`. `start` advances by the number of results actually returned, because
 * servers cap `rows` silently. Stops at an empty page, or when `start` reaches `count` on a page
 * shorter than asked for; a full page there may mean a `count` that says too little, so one more
 * page is asked for, and the listing goes on while pages bring datasets not listed yet. Every
 * page's `count` is declared to the run, which withdraws nothing after a listing short of it.
 * Throws the signal's reason when aborted, so an interrupted listing is never taken for a complete one.
 */
async function* listPackages(ctx: HarvestContext): AsyncGenerator<RawPage<CkanPackage>> {
  const searchUrl = `${ckanSite(ctx.portal.url).actions}package_search`;
  const fq = ctx.since ? incrementalFilter(ctx.since) : undefined;
  const seen = new Set<string>();
  let rows = Math.max(1, ctx.portal.pageSize);
  let start = 0;
  let previousIds: string | undefined;
  for (;;) {
    ctx.signal.throwIfAborted();
    const page = await fetchPage(ctx, searchUrl, { start, rows, fq });
    rows = page.rows;
    ctx.listing?.declare(page.count, page.url);
    if (page.results.length === 0) return;
    const sourceIds = page.results.map((record) => ckan.sourceId(record as CkanPackage));
    const ids = sourceIds.join('\n');
    // Past the count, a page that brings nothing new is the end of the listing, not a loop.
    const beyond = start >= page.count;
    if (beyond && sourceIds.every((id) => id === undefined || seen.has(id))) return;
    if (ids === previousIds) {
      throw new HarvestError('paging_loop', `The portal answered the same page twice (start=${start}) at ${page.url}.`, { url: page.url });
    }
    if (beyond) ctx.log.warn({ url: page.url, count: page.count }, 'The portal lists more datasets than its count says.');
    previousIds = ids;
    const records = page.results.filter((record, i) => firstSighting(ctx, seen, sourceIds[i], page.url)) as CkanPackage[];
    if (records.length) yield { url: page.url, records };
    start += page.results.length;
    if (start >= page.count && page.results.length < rows) return;
  }
}

interface PageRequest {
  start: number;
  rows: number;
  fq?: string;
}

interface Page {
  url: string;
  /** The rows asked for, after any shrinking. */
  rows: number;
  count: number;
  results: unknown[];
}

/**
 * One page. The HTTP client has already retried a 5xx; when it still fails, the same `start` is
 * asked for with half the rows (CKAN's Solr often fails on big pages), down to ten (harvest/shrinking-page.ts).
 */
async function fetchPage(ctx: HarvestContext, searchUrl: string, request: PageRequest): Promise<Page> {
  // A 5xx comes as `http_status`, or as `api_error` when CKAN sent its JSON error body with it.
  const { page, size } = await fetchShrinking(ctx, request.rows, async (rows) => {
    const url = pageUrl(searchUrl, { ...request, rows });
    return { url, result: searchResult(url, await callAction(ctx, url)) };
  });
  return { url: page.url, rows: size, count: page.result.count ?? Infinity, results: page.result.results };
}

function pageUrl(searchUrl: string, { start, rows, fq }: PageRequest): string {
  return withParams(searchUrl, { rows, start, sort: 'id asc', fq: fq || undefined });
}

/** Pure mapping of one package, values as declared. Throws RecordError for a package that cannot be a dataset. */
export function toDcat(pkg: CkanPackage, portal: PortalConfig): DatasetDraft {
  if (!isObject(pkg)) throw new RecordError('bad_record', 'The CKAN package is not an object.');
  const sourceId = ckan.sourceId(pkg);
  const name = text(pkg.name);
  if (!sourceId) throw new RecordError('bad_record', 'The CKAN package has neither "id" nor "name".');
  // CKAN's own schema fills an empty title with the name: a package without one is broken.
  const title = text(pkg.title);
  if (!title) throw new RecordError('bad_record', `The CKAN package ${sourceId} has no title.`, sourceId);
  if (pkg.resources !== undefined && pkg.resources !== null && !Array.isArray(pkg.resources)) {
    throw new RecordError('bad_record', `The CKAN package ${sourceId} has "resources" that are not a list.`, sourceId);
  }
  const extras = readExtras(pkg);
  const issued = extras.issued ?? text(pkg.metadata_created);
  const modified = extras.modified ?? text(pkg.metadata_modified);
  const site = ckanSite(portal.url).root;
  return {
    sourceId,
    identifier: extras.identifier ?? sourceId,
    title,
    description: text(pkg.notes),
    keywords: unique(listOf(pkg.tags).map((tag) => (isObject(tag) ? (text(tag.display_name) ?? text(tag.name)) : text(tag)))),
    themes: themesOf(listOf(pkg.groups), extras.themes),
    publisher: publisherOf(pkg.organization, extras.publisherUri),
    contactPoint: contactOf(pkg),
    issued: issued ? { raw: issued } : undefined,
    modified: modified ? { raw: modified } : undefined,
    accrualPeriodicity: extras.accrualPeriodicity,
    temporal: extras.temporal,
    spatial: extras.spatial,
    language: extras.language,
    license: licenseOf(pkg),
    accessRights: extras.accessRights,
    landingPage: httpUrl(pkg.url) ?? (name ? `${site}/dataset/${encodeURIComponent(name)}` : undefined),
    conformsTo: extras.conformsTo,
    version: text(pkg.version),
    distributions: toDistributions(listOf(pkg.resources)),
    source: extras.source,
    sourceModified: ckanTimestamp(text(pkg.metadata_modified)),
  };
}

function themesOf(groups: unknown[], extraThemes: string[]): Theme[] {
  const labels = groups.map((group) => (isObject(group) ? (text(group.display_name) ?? text(group.title) ?? text(group.name)) : undefined));
  return unique([...labels, ...extraThemes]).map((label) => ({ label }));
}

function publisherOf(org: CkanGroup | null | undefined, uri: string | undefined): DatasetDraft['publisher'] {
  if (!isObject(org)) return uri ? { uri } : undefined;
  const name = text(org.title) ?? text(org.display_name) ?? text(org.name);
  return { name, id: text(org.name), uri };
}

function contactOf(pkg: CkanPackage): DatasetDraft['contactPoint'] {
  const maintainer = { name: text(pkg.maintainer), email: text(pkg.maintainer_email) };
  const contact = maintainer.name || maintainer.email ? maintainer : { name: text(pkg.author), email: text(pkg.author_email) };
  return contact.name || contact.email ? contact : undefined;
}

function licenseOf(pkg: CkanPackage): DatasetDraft['license'] {
  const license = { raw: text(pkg.license_id), title: text(pkg.license_title), url: text(pkg.license_url) };
  return license.raw || license.title || license.url ? license : undefined;
}

/** CKAN stores UTC without a zone designator: `2023-05-02T14:03:11.123456` → `2023-05-02T14:03:11.123Z`. */
function ckanTimestamp(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const utc = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?$/.test(value) ? `${value.slice(0, 23)}Z` : value;
  const time = Date.parse(utc);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

function httpUrl(value: unknown): string | undefined {
  const url = text(value);
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function unique(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== undefined))];
}

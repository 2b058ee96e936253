/**
 * OpenDataSoft Explore API v2.1 harvester (HARVESTING.md, "OpenDataSoft Explore v2.1").
 *
 * Full runs read the whole catalog from `/catalog/exports/json` in one request, while it
 * downloads (within the portal's size cap), and hand it to the driver in pages of `pageSize`; when
 * the export fails or is refused they page `/catalog/datasets` instead. Incremental runs page `/catalog/datasets` with
 * `where=modified > date'…'`. Paging always asks `order_by=dataset_id`, `limit` ≤ 100 and keeps
 * `offset + limit` < 10 000, so at most 9 999 datasets can be paged. Past that window:
 * - an incremental run reads the export with the same `where` (and fails if it cannot);
 * - a full run, whose export already failed, yields the 9 999 it can reach and then fails with
 *   `api_error`: the driver keeps them and withdraws nothing.
 */
import { HarvestError, isHarvestError, type HarvestErrorCode } from '../src/errors.js';
import { fetchShrinking } from '../src/harvest/shrinking-page.js';
import type { Harvester, HarvestContext, RawPage } from '../src/harvest/types.js';
import { firstSighting } from '../src/harvest/first-sighting.js';
import { withParams } from '../src/harvest/url-params.js';
import { apiErrorFromStatus, callApi, catalogPage, EXPORT_PATHS, exportItems, MAX_LIMIT, odsSite, PAGING_WINDOW, type OdsSite } from './opendatasoft-api.js';
import { toDcat } from './opendatasoft-map.js';
import { isObject, text } from './values.js';
import type { OdsDataset } from './opendatasoft-types.js';

export type { OdsDataset, OdsDefaultMetas, OdsDcatMetas, OdsFile, OdsField } from './opendatasoft-types.js';

/**
 * Incremental runs ask for everything modified since one hour before the last good run, as the
 * CKAN harvester does: clocks drift, and a few records seen twice cost nothing (change detection).
 */
const INCREMENTAL_OVERLAP_MS = 3_600_000;
/** The largest offset + limit sent: the API wants the sum strictly below PAGING_WINDOW. */
const LAST_REACHABLE = PAGING_WINDOW - 1;

export const opendatasoft: Harvester<OdsDataset> = {
  platform: 'opendatasoft',
  incremental: true,
  list: listDatasets,
  sourceId: (dataset) => (isObject(dataset) ? text(dataset.dataset_id) : undefined),
  toDcat,
};

/** `where` of an incremental run: `modified > date'2024-03-01T11:00:00Z'`. */
export function modifiedSince(since: Date): string {
  const from = new Date(since.getTime() - INCREMENTAL_OVERLAP_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `modified > date'${from}'`;
}

/** Ids already yielded by this listing, so that a dataset met twice is yielded once. */
type Seen = Set<string>;

async function* listDatasets(ctx: HarvestContext): AsyncGenerator<RawPage<OdsDataset>> {
  const site = odsSite(ctx.portal.url);
  const seen: Seen = new Set();
  if (ctx.since) {
    yield* pageCatalog(ctx, site, seen, { where: modifiedSince(ctx.since) });
    return;
  }
  try {
    yield* exportPages(ctx, site, seen);
  } catch (error) {
    ctx.signal.throwIfAborted();
    if (!isHarvestError(error)) throw error;
    // Datasets the export gave before failing are in `seen`: paging skips them.
    ctx.log.warn({ url: error.url, code: error.code }, `The catalog export failed; paging the catalog instead: ${error.message}`);
    yield* pageCatalog(ctx, site, seen, { exportFailure: error });
  }
}

/**
 * The whole catalog (or what `where` selects) from one export request, ordered by id and read
 * while it downloads, in pages of `pageSize` so the driver stores it batch by batch.
 */
async function* exportPages(ctx: HarvestContext, site: OdsSite, seen: Seen, where?: string): AsyncGenerator<RawPage<OdsDataset>> {
  const url = new URL(site.exportJson);
  if (where) url.searchParams.set('where', where);
  url.searchParams.set('order_by', 'dataset_id');
  const href = url.toString();
  const batches = ctx.http.streamJson(href, { signal: ctx.signal, paths: EXPORT_PATHS, batchSize: Math.max(1, ctx.portal.pageSize) });
  try {
    for await (const batch of batches) {
      const records = firstSightings(ctx, seen, exportItems(href, batch), href);
      if (records.length) yield { url: href, records };
    }
  } catch (error) {
    throw apiErrorFromStatus(error, href) ?? error;
  }
}

interface PagingOptions {
  /** The ODSQL filter of an incremental run. */
  where?: string;
  /** Why the export of a full run failed: paging is then the only way left. */
  exportFailure?: HarvestError;
}

/**
 * Pages `/catalog/datasets`. `offset` advances by the number of results returned; the listing
 * stops at an empty page or when `offset` reaches `total_count`. Throws the signal's reason when
 * aborted, so an interrupted listing is never taken for a complete one.
 */
async function* pageCatalog(ctx: HarvestContext, site: OdsSite, seen: Seen, options: PagingOptions): AsyncGenerator<RawPage<OdsDataset>> {
  let limit = Math.min(MAX_LIMIT, Math.max(1, ctx.portal.pageSize));
  let offset = 0;
  let previousIds: string | undefined;
  for (;;) {
    ctx.signal.throwIfAborted();
    const page = await fetchPage(ctx, site.datasets, { offset, limit: Math.min(limit, LAST_REACHABLE - offset), where: options.where });
    if (page.shrunk) limit = page.limit;
    // An incremental run's total counts the changed datasets, a full run's the catalog: only a full run withdraws.
    ctx.listing?.declare(page.total, page.url);
    if (offset === 0 && options.where && Number.isFinite(page.total) && page.total > LAST_REACHABLE) {
      yield* exportPastWindow(ctx, site, seen, options.where, page.total);
      return;
    }
    if (page.results.length === 0) return;
    const ids = page.results.map((record) => opendatasoft.sourceId(record as OdsDataset) ?? '').join('\n');
    if (ids === previousIds) {
      throw new HarvestError('paging_loop', `The portal answered the same page twice (offset=${offset}) at ${page.url}.`, { url: page.url });
    }
    previousIds = ids;
    const records = firstSightings(ctx, seen, page.results, page.url);
    if (records.length) yield { url: page.url, records };
    offset += page.results.length;
    if (offset >= page.total) return;
    if (offset >= LAST_REACHABLE) throw pastWindow(page.url, page.total, options.exportFailure);
  }
}

/** An incremental listing too big to page: the export with the same filter, or a clear failure. */
async function* exportPastWindow(ctx: HarvestContext, site: OdsSite, seen: Seen, where: string, total: number): AsyncGenerator<RawPage<OdsDataset>> {
  ctx.log.info({ total, where }, 'More datasets changed than the API can page: reading them from the catalog export.');
  try {
    yield* exportPages(ctx, site, seen, where);
  } catch (error) {
    ctx.signal.throwIfAborted();
    if (!isHarvestError(error)) throw error;
    const message = `${total} datasets changed, more than the ${LAST_REACHABLE} the Explore API pages, and the catalog export failed: ${error.message}`;
    throw new HarvestError(error.code as HarvestErrorCode, message, { url: error.url, status: error.status, cause: error });
  }
}

function pastWindow(url: string, total: number, exportFailure: HarvestError | undefined): HarvestError {
  const why = exportFailure ? ` and the catalog export failed (${exportFailure.message})` : '';
  const of = Number.isFinite(total) ? `the ${total} datasets of this catalog` : 'the datasets of this catalog';
  const message = `The Explore API pages only the first ${LAST_REACHABLE} of ${of} (offset + limit < ${PAGING_WINDOW})${why}: the listing is incomplete at ${url}.`;
  return new HarvestError('api_error', message, { url, cause: exportFailure });
}

interface PageRequest {
  offset: number;
  limit: number;
  where?: string;
}

interface Page {
  url: string;
  /** The limit asked for, after any shrinking. */
  limit: number;
  shrunk: boolean;
  total: number;
  results: unknown[];
}

/**
 * One page. The HTTP client has already retried a 5xx; when it still fails, the same offset is
 * asked for with half the limit, down to ten (harvest/shrinking-page.ts).
 */
async function fetchPage(ctx: HarvestContext, datasetsUrl: string, request: PageRequest): Promise<Page> {
  const { page, size, shrunk } = await fetchShrinking(ctx, request.limit, async (limit) => {
    const url = pageUrl(datasetsUrl, { ...request, limit });
    return { url, catalog: catalogPage(url, await callApi(ctx, url)) };
  });
  return { url: page.url, limit: size, shrunk, total: page.catalog.total_count ?? Infinity, results: page.catalog.results };
}

function pageUrl(datasetsUrl: string, { offset, limit, where }: PageRequest): string {
  return withParams(datasetsUrl, { limit, offset, order_by: 'dataset_id', where: where || undefined });
}

/** The records whose id no earlier record of this listing had (the others are logged). */
function firstSightings(ctx: HarvestContext, seen: Seen, records: unknown[], url: string): OdsDataset[] {
  return records.filter((record) => firstSighting(ctx, seen, opendatasoft.sourceId(record as OdsDataset), url)) as OdsDataset[];
}

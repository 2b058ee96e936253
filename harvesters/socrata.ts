/**
 * Socrata harvester (HARVESTING.md, "Socrata Discovery API"). `list` pages the Discovery API
 * (`/api/catalog/v1?domains=<domain>&only=datasets`) with `offset` while `offset + limit` stays
 * within the API's 10,000-result window, then with `scroll_id`; it keeps only the portal's own
 * records (a portal also lists the federated copies of other domains). When the API is not there
 * (404 or an HTML page on the first request) it reads the portal's `/data.json` instead; when the
 * API lists no dataset of the domain at all, data.json is read to confirm.
 *
 * Every run is a full listing: the Discovery API has no filter on modification time, and ordering
 * by `updatedAt` cannot be combined with `scroll_id`, so an incremental listing could not be
 * complete past the first 10,000 records.
 */
import { HarvestError, RecordError, type HarvestErrorCode } from '../src/errors.js';
import type { DatasetDraft } from '../src/dcat/types.js';
import type { PortalConfig } from '../src/config-types.js';
import { fetchShrinking } from '../src/harvest/shrinking-page.js';
import type { Harvester, HarvestContext, RawPage } from '../src/harvest/types.js';
import { firstSighting } from '../src/harvest/first-sighting.js';
import { discoveryUnavailable, getDiscoveryPage, pageUrl, socrataSite, type Cursor, type SocrataSite } from './socrata-api.js';
import { discoveryId, discoveryToDcat, recordDomain } from './socrata-map.js';
import { dataJsonId, listDataJson } from './socrata-datajson.js';
import { dataJsonToDcat, looksLikeDataJson } from './socrata-datajson-map.js';
import type { SocrataRaw, SocrataRecord } from './socrata-types.js';
import { isObject } from './values.js';

export type { SocrataRaw, SocrataRecord, DataJsonDataset } from './socrata-types.js';

/** `offset + limit` may not exceed this; past it the API pages only with `scroll_id`. */
export const OFFSET_WINDOW = 10_000;

export const socrata: Harvester<SocrataRaw> = {
  platform: 'socrata',
  incremental: false,
  list: listSocrata,
  sourceId,
  toDcat,
};

function sourceId(raw: SocrataRaw): string | undefined {
  if (!isObject(raw)) return undefined;
  return 'resource' in raw ? discoveryId(raw as SocrataRecord) : dataJsonId(raw);
}

/** Pure mapping of a Discovery record, or of a data.json dataset read by the fallback. */
export function toDcat(raw: SocrataRaw, portal: PortalConfig): DatasetDraft {
  if (isObject(raw) && 'resource' in raw) return discoveryToDcat(raw as SocrataRecord, portal);
  if (looksLikeDataJson(raw)) return dataJsonToDcat(raw);
  throw new RecordError('bad_record', 'The record is neither a Socrata Discovery API result nor a data.json dataset.');
}

/**
 * The Discovery listing, or data.json when the API is not there. A Discovery listing with no
 * dataset of the domain at all is confirmed against data.json too: the API answers an unknown or
 * misspelt domain with an empty list and HTTP 200, and a full run that took that for an empty
 * catalog would withdraw the whole portal.
 */
async function* listSocrata(ctx: HarvestContext): AsyncGenerator<RawPage<SocrataRaw>> {
  const site = socrataSite(ctx.portal);
  const pages = listDiscovery(ctx, site);
  let first: IteratorResult<RawPage<SocrataRecord>>;
  try {
    first = await pages.next();
  } catch (error) {
    if (!discoveryUnavailable(error)) throw error;
    ctx.log.warn({ url: error.url, status: error.status, code: error.code }, 'The Discovery API is not available: reading data.json instead.');
    yield* fallback(ctx, site, `The Discovery API is not available (${error.message})`);
    return;
  }
  if (first.done) {
    ctx.log.warn({ domain: site.domain }, 'The Discovery API lists no dataset of the domain: reading data.json to confirm.');
    yield* fallback(ctx, site, `The Discovery API lists no dataset of ${site.domain}`);
    return;
  }
  yield first.value;
  yield* pages;
}

/** The data.json listing; when it fails too, the error also says what the Discovery API did. */
async function* fallback(ctx: HarvestContext, site: SocrataSite, discovery: string): AsyncGenerator<RawPage<SocrataRaw>> {
  try {
    yield* listDataJson(ctx, site);
  } catch (error) {
    if (!(error instanceof HarvestError)) throw error;
    const message = `${discovery}, and data.json could not be read either: ${error.message}`;
    throw new HarvestError(error.code as HarvestErrorCode, message, { url: error.url, status: error.status, cause: error });
  }
}

/** Where the listing stands. */
interface Position {
  cursor: Cursor;
  limit: number;
  /** Results received so far, federated copies and repeats included. */
  received: number;
}

/**
 * Pages the Discovery API to the end: an empty page, or as many results as `resultSetSize`
 * declared. Throws `paging_loop` when a page repeats the previous one, when a page brings no
 * record not seen before, or when a scroll id comes back.
 */
async function* listDiscovery(ctx: HarvestContext, site: SocrataSite): AsyncGenerator<RawPage<SocrataRecord>> {
  const seen = new Set<string>();
  const scrolls = new Set<string>();
  const position: Position = { cursor: { offset: 0 }, limit: Math.max(1, ctx.portal.pageSize), received: 0 };
  let previousIds: string | undefined;
  let federated = 0;
  let total: number;
  for (;;) {
    ctx.signal.throwIfAborted();
    const page = await fetchPage(ctx, site, position);
    total = page.total;
    ctx.listing?.declare(total, page.url);
    if (page.results.length === 0) break;
    const ids = page.results.map((record) => discoveryId(record as SocrataRecord));
    const key = ids.join('\n');
    if (key === previousIds) throw loop(page.url, 'answered the same page twice');
    previousIds = key;
    const fresh = page.results.filter((record, i) => firstSighting(ctx, seen, ids[i], page.url)) as SocrataRecord[];
    if (fresh.length === 0) throw loop(page.url, 'answered a page of records it had already listed');
    const own = fresh.filter((record) => (recordDomain(record) ?? site.domain) === site.domain);
    federated += fresh.length - own.length;
    ctx.listing?.skip(fresh.length - own.length);
    if (own.length) yield { url: page.url, records: own };
    position.received += page.results.length;
    if (position.received >= total) break;
    advance(position, page.results.length, ids.filter((id): id is string => id !== undefined).at(-1), page.url, scrolls);
  }
  if (federated) ctx.log.info({ federated }, 'Skipped the federated copies of other domains\' datasets.');
  if (position.received < total && Number.isFinite(total)) {
    ctx.log.warn({ received: position.received, declared: total }, 'The Discovery API declared more results than it served.');
  }
}

/** The next page: `offset` while the page stays within the window, then `scroll_id` after the last id. */
function advance(position: Position, count: number, lastId: string | undefined, url: string, scrolls: Set<string>): void {
  const { cursor, limit } = position;
  if ('offset' in cursor && cursor.offset + count + limit <= OFFSET_WINDOW) {
    position.cursor = { offset: cursor.offset + count };
    return;
  }
  if (lastId === undefined) {
    throw new HarvestError('bad_response', `No record of the page has an id to scroll from at ${url}.`, { url });
  }
  if (scrolls.has(lastId)) throw loop(url, `came back to scroll_id=${lastId}`);
  scrolls.add(lastId);
  position.cursor = { scrollId: lastId };
}

/**
 * One page. The HTTP client has already retried a 5xx; when it still fails, the same page is asked
 * for with half the limit, down to ten (harvest/shrinking-page.ts). The smaller limit is kept for the pages after it.
 */
async function fetchPage(ctx: HarvestContext, site: SocrataSite, position: Position) {
  const { page, size } = await fetchShrinking(ctx, position.limit, async (limit) => {
    const url = pageUrl(site, position.cursor, limit);
    return { url, ...(await getDiscoveryPage(ctx, url, site.headers)) };
  });
  position.limit = size;
  return page;
}

function loop(url: string, what: string): HarvestError {
  return new HarvestError('paging_loop', `The Discovery API ${what} at ${url}.`, { url });
}

/**
 * DKAN 2: `/api/1/search` pages the catalog (`page` from 1, `page-size` capped at 100 by the
 * server, `results` an object keyed `dkan_dataset/<uuid>`, `total` a number or a numeric string);
 * `/api/1/metastore/schemas/dataset/items` gives the whole list in one answer. The search is
 * read first (it streams); the metastore list serves when the search is not there, and completes
 * a search that came up short (its order is relevance, which is not stable, and it counts
 * datasets it cannot load).
 */
import { HarvestError, messageOf } from '../src/errors.js';
import type { HarvestContext, RawPage } from '../src/harvest/types.js';
import { firstSighting } from '../src/harvest/first-sighting.js';
import { isObject } from './values.js';
import { badResponse, getJson, notServed, type DkanSite } from './dkan-api.js';
import { withParams } from '../src/harvest/url-params.js';
import { dkan2SourceId } from './dkan-dcat-us.js';
import type { DkanRecord } from './dkan-types.js';

/** The server's own cap on `page-size`. */
export const SEARCH_MAX_PAGE_SIZE = 100;
/** The smallest page asked for when a portal keeps failing on bigger ones. */
const MIN_PAGE_SIZE = 10;

type Pages = AsyncGenerator<RawPage<DkanRecord>>;

interface SearchPage {
  url: string;
  total: number;
  datasets: unknown[];
}

/** Reads the first search page (or the metastore list); a HarvestError when DKAN 2 is not served. */
export async function openDkan2(ctx: HarvestContext, site: DkanSite): Promise<Pages> {
  const size = Math.min(SEARCH_MAX_PAGE_SIZE, Math.max(1, ctx.portal.pageSize));
  try {
    const first = await searchPage(ctx, site, { offset: 0, size });
    return listBySearch(ctx, site, first.page, first.size);
  } catch (error) {
    if (ctx.signal.aborted || !notServed(error)) throw error;
    ctx.log.info({ url: site.search, error: messageOf(error) }, 'The DKAN 2 search is not served: reading the metastore list.');
    const items = await itemsList(ctx, site);
    return inChunks(ctx, items, new Set());
  }
}

async function* listBySearch(ctx: HarvestContext, site: DkanSite, first: SearchPage, firstSize: number): Pages {
  const seen = new Set<string>();
  let listed = 0; // datasets yielded, those without an id included
  let page = first;
  let size = firstSize;
  let offset = 0;
  let stalled: boolean;
  for (;;) {
    ctx.listing?.declare(page.total, page.url);
    const fresh = page.datasets.filter((dataset) => firstSighting(ctx, seen, dkan2SourceId(dataset), page.url));
    listed += fresh.length;
    if (fresh.length) yield { url: page.url, records: fresh.map((dataset) => ({ api: 'dkan2', dataset })) };
    // A page that brings nothing new: the server ignores `page`, or its order moved under us.
    stalled = page.datasets.length > 0 && fresh.length === 0;
    offset += size;
    if (page.datasets.length === 0 || stalled || offset >= page.total) break;
    ctx.signal.throwIfAborted();
    ({ page, size } = await searchPage(ctx, site, { offset, size }));
  }
  if (listed >= page.total) return;
  // The search came up short: the metastore list has everything, and says which were missed.
  ctx.log.warn({ listed, total: page.total }, 'The DKAN search listed fewer datasets than it counts: completing from the metastore list.');
  let items: { url: string; items: unknown[] };
  try {
    items = await itemsList(ctx, site);
  } catch (error) {
    ctx.signal.throwIfAborted();
    const why = stalled ? 'answered a page with nothing new' : `listed ${listed} of the ${page.total} datasets it counts`;
    throw new HarvestError(stalled ? 'paging_loop' : 'bad_response', `The DKAN search ${why} at ${page.url}, and the metastore list could not complete it: ${messageOf(error)}`, { url: page.url, cause: error });
  }
  yield* inChunks(ctx, items, seen);
}

/**
 * One search page at `offset`. The HTTP client has already retried a 5xx; when it still fails
 * (or the answer is over the size cap), the same offset is asked for with half the page size.
 */
async function searchPage(ctx: HarvestContext, site: DkanSite, request: { offset: number; size: number }): Promise<{ page: SearchPage; size: number }> {
  let size = request.size;
  for (;;) {
    const url = withParams(site.search, { page: Math.floor(request.offset / size) + 1, 'page-size': size });
    try {
      return { page: readSearch(url, await getJson(ctx, url)), size };
    } catch (error) {
      const smaller = Math.max(MIN_PAGE_SIZE, Math.floor(size / 2));
      const failing = error instanceof HarvestError && ((error.status ?? 0) >= 500 || error.code === 'too_large');
      // Pages are numbered: a smaller size must still start exactly at `offset`.
      if (!failing || smaller >= size || request.offset % smaller !== 0) throw error;
      ctx.log.warn({ url, status: error.status, size: smaller }, 'The portal keeps failing on this page: asking for fewer datasets.');
      size = smaller;
    }
  }
}

function readSearch(url: string, body: unknown): SearchPage {
  if (!isObject(body)) throw badResponse(url, 'the search answer is not an object');
  const total = typeof body.total === 'string' && /^\d+$/.test(body.total.trim()) ? Number(body.total) : body.total;
  if (typeof total !== 'number' || !Number.isFinite(total)) throw badResponse(url, '"total" is not a number');
  // `results` is keyed by `dkan_dataset/<uuid>`; an empty one comes as a list.
  const results = Array.isArray(body.results) ? body.results : isObject(body.results) ? Object.values(body.results) : undefined;
  if (!results) throw badResponse(url, '"results" is neither an object nor a list');
  return { url, total, datasets: results };
}

async function itemsList(ctx: HarvestContext, site: DkanSite): Promise<{ url: string; items: unknown[] }> {
  const body = await getJson(ctx, site.items);
  if (!Array.isArray(body)) throw badResponse(site.items, 'the metastore list is not a list');
  return { url: site.items, items: body };
}

/**
 * The metastore list in pages of `pageSize`. When it completes a search, the datasets the search
 * already gave (and those without an id, already reported) are left out.
 */
async function* inChunks(ctx: HarvestContext, list: { url: string; items: unknown[] }, seen: Set<string>): Pages {
  const completing = seen.size > 0;
  ctx.listing?.declare(list.items.length, list.url);
  const fresh = list.items.filter((dataset) => {
    const id = dkan2SourceId(dataset);
    if (id === undefined) return !completing;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const size = Math.max(1, ctx.portal.pageSize);
  for (let start = 0; start < fresh.length; start += size) {
    ctx.signal.throwIfAborted();
    yield { url: list.url, records: fresh.slice(start, start + size).map((dataset) => ({ api: 'dkan2', dataset })) };
  }
}


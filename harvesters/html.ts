/**
 * HTML harvester (HARVESTING.md, "HTML"): custom portals and municipal transparency (LOTAIP) and
 * open-data pages that publish files without an API. Pages come from the sitemap (indexes
 * included) or from configured listing pages; each page gives its schema.org Dataset JSON-LD,
 * else the configured selectors and its file links. One page read is one RawPage.
 *
 * A page that cannot be read is recorded against the page and the run goes on. A page that is
 * gone (404, 410, a "not found" page) is just that; any other (5xx after retries, 429 beyond
 * Retry-After, timeout, oversized, an error page served with 200) leaves the listing incomplete:
 * after every other page has been read and stored, the run fails, so nothing is withdrawn.
 */
import { HarvestError, isHarvestError, type HarvestErrorCode } from '../src/errors.js';
import type { Harvester, HarvestContext, RawPage } from '../src/harvest/types.js';
import { listingPages } from './html-listing.js';
import { toDcat } from './html-mapping.js';
import { readHtmlOptions } from './html-options.js';
import { readPage } from './html-page.js';
import type { FailedPage, HtmlRecord } from './html-records.js';
import { sitemapPages } from './html-sitemap.js';
import { isObject, pageKey } from './html-values.js';
import { createWalk, fetchDocument, isHtml, type PageTarget, type Walk } from './html-walk.js';

export type { HtmlRecord, JsonLdRecord, BlockRecord, FailedPage, FileLink } from './html-records.js';
export { readHtmlOptions, type HtmlOptions, type HtmlSelectors } from './html-options.js';

export const html: Harvester<HtmlRecord> = {
  platform: 'html',
  incremental: false,
  list: listPages,
  sourceId: (raw) => (isObject(raw) && typeof raw.sourceId === 'string' ? raw.sourceId : undefined),
  toDcat: (raw) => toDcat(raw),
};

/** What one listing has met so far. */
interface Tally {
  /** Pages that could not be read, other than gone ones: the listing is incomplete. */
  unread: HarvestError[];
  pagesRead: number;
  datasets: number;
}

async function* listPages(ctx: HarvestContext): AsyncGenerator<RawPage<HtmlRecord>> {
  const options = readHtmlOptions(ctx.portal);
  const tally: Tally = { unread: [], pagesRead: 0, datasets: 0 };
  const walk = createWalk(ctx, options, (error) => {
    tally.unread.push(error);
    ctx.log.warn({ url: error.url, code: error.code }, `${error.message} The listing is incomplete: nothing will be withdrawn.`);
  });
  const visited = new Set<string>();
  const ids = new Set<string>();
  const taken = new Set<string>();
  for await (const target of discover(walk)) {
    ctx.signal.throwIfAborted();
    if (visited.has(target.url)) continue;
    visited.add(target.url);
    const page = await readTarget(walk, target, taken, tally);
    const records = page.records.filter((record) => firstSighting(ctx, ids, record, page.url));
    tally.datasets += records.filter((record) => record.kind !== 'failure').length;
    if (records.length) yield { url: page.url, records };
  }
  finish(ctx, tally);
}

async function* discover(walk: Walk): AsyncGenerator<PageTarget> {
  const { options, ctx } = walk;
  try {
    if (options.sitemap.length) yield* sitemapPages(walk);
  } catch (error) {
    // Only the default sitemap has a fallback, and its 404 comes before any page.
    const missing = isHarvestError(error) && error.status === 404 && error.url === options.sitemap[0];
    if (!options.fallbackPage || !missing) throw error;
    ctx.log.info({ sitemap: options.sitemap[0] }, 'The site has no sitemap: the page the portal URL names is read.');
    yield { url: pageKey(options.fallbackPage), listing: true };
  }
  if (options.listing.length) yield* listingPages(walk);
}

/** Fetches (unless discovery did) and reads one page; its failure becomes a record of it. */
async function readTarget(walk: Walk, target: PageTarget, taken: Set<string>, tally: Tally): Promise<RawPage<HtmlRecord>> {
  const { ctx, options } = walk;
  let url = target.url;
  let body = target.body;
  if (body === undefined) {
    try {
      const response = await fetchDocument(walk, target.url, 'page');
      url = pageKey(response.url);
      if (response.body.trim() !== '' && !isHtml(response)) {
        ctx.log.debug({ url, contentType: response.contentType }, 'Skipped an address that is not a web page.');
        return { url, records: [] };
      }
      body = response.body;
    } catch (error) {
      ctx.signal.throwIfAborted();
      if (!isHarvestError(error)) throw error;
      const gone = error.status === 404 || error.status === 410;
      // A page gone, or moved off the site, is settled: the listing stays complete without it.
      return failedPage(walk, target, gone ? 'page_gone' : error.code, error, gone || error.code === 'unsafe_url');
    }
  }
  tally.pagesRead++;
  if (body.trim() === '') {
    const error = new HarvestError('empty_body', `The portal answered an empty body at ${url}, where a page was expected.`, { url });
    return failedPage(walk, target, error.code, error, false);
  }
  const reading = readPage({ body, url, idBase: target.idBase ?? url, lastmod: target.lastmod, selectors: options.selectors, taken });
  if (reading.errorPage) {
    const { gone, title } = reading.errorPage;
    const error = new HarvestError('bad_response', `The page ${url} answered an error page with HTTP 200 ("${title}").`, { url });
    return failedPage(walk, { ...target, url }, gone ? 'page_gone' : 'error_page', error, gone);
  }
  if (reading.records.length === 0) ctx.log.debug({ url }, 'The page holds no dataset.');
  return { url, records: reading.records };
}

/**
 * A page that could not be read. A listing page fails the run (what it lists is unknown); any
 * other is recorded, and unless its failure is `settled` (the page is gone) the listing is
 * incomplete.
 */
function failedPage(walk: Walk, target: PageTarget, code: string, error: HarvestError, settled: boolean): RawPage<HtmlRecord> {
  if (target.listing) throw error;
  if (!settled) walk.incomplete(error);
  const record: FailedPage = { kind: 'failure', sourceId: settled ? undefined : target.url, pageUrl: target.url, lastmod: target.lastmod, code, message: error.message };
  return { url: target.url, records: [record] };
}

/** False (and logged) for a dataset whose id an earlier page already gave (a dataset listed on two pages). */
function firstSighting(ctx: HarvestContext, ids: Set<string>, record: HtmlRecord, url: string): boolean {
  if (record.kind === 'failure') return true;
  if (ids.has(record.sourceId)) {
    ctx.log.info({ id: record.sourceId, url }, 'Skipped a dataset already read on another page.');
    return false;
  }
  ids.add(record.sourceId);
  return true;
}

/** An incomplete listing, or one that found nothing at all, fails the run: nothing is withdrawn. */
function finish(ctx: HarvestContext, tally: Tally): void {
  const [first] = tally.unread;
  if (first) {
    const count = tally.unread.length === 1 ? 'One part of the site' : `${tally.unread.length} parts of the site`;
    throw new HarvestError(first.code as HarvestErrorCode, `${count} could not be read, so the listing of ${ctx.portal.id} is incomplete and nothing is withdrawn. First: ${first.message}`, {
      url: first.url,
      status: first.status,
      cause: first,
    });
  }
  if (tally.datasets === 0) {
    throw new HarvestError('bad_response', `No dataset was found on the ${tally.pagesRead} pages read from ${ctx.portal.url}: check the portal's options (sitemap, listing, selectors).`, {
      url: ctx.portal.url,
    });
  }
}

/**
 * CSW 2.0.2 harvester (HARVESTING.md, "CSW 2.0.2"): GeoNetwork, GeoNode, pycsw. `list` pages
 * `GetRecords` (KVP GET, ISO 19139 output, full element set) sorted by identifier where the
 * server accepts it; `toDcat` maps one `gmd:MD_Metadata` GeoDCAT-AP style (csw-iso.ts).
 *
 * Paging follows the server's `nextRecord` and stops when it is 0, greater than
 * `numberOfRecordsMatched`, or not past the page just read, and when a page holds no records:
 * servers over-declare what they hold, and some wrap `nextRecord` back to 1 on the last page.
 */
import { HarvestError } from '../src/errors.js';
import { fetchShrinking } from '../src/harvest/shrinking-page.js';
import type { Harvester, HarvestContext, RawPage } from '../src/harvest/types.js';
import { isoToDcat, isServiceRecord, recordId } from './csw-iso.js';
import { exceptionFromStatus, readGetRecords, type CswRecord, type SearchResults } from './csw-response.js';
import { cswSite, GMD_NAMESPACE } from './csw-site.js';

export type { CswRecord } from './csw-response.js';

const ACCEPT_XML = 'application/xml, text/xml;q=0.9, */*;q=0.1';

export const csw: Harvester<CswRecord> = {
  platform: 'csw',
  // CSW can filter on `Modified`, but support for constraints varies by server; a full listing
  // is also the only way to see deleted records.
  incremental: false,
  list: listRecords,
  sourceId: recordId,
  toDcat: isoToDcat,
};

interface PageRequest {
  /** `startPosition`, from 1. */
  start: number;
  /** `maxRecords`, after any shrinking. */
  max: number;
  /** Whether `sortBy=Identifier:A` is sent; dropped when the server refuses it. */
  sorted: boolean;
}

interface Page extends PageRequest {
  url: string;
  results: SearchResults;
}

/**
 * Pages `GetRecords`. Throws the signal's reason when aborted, so an interrupted listing is never
 * taken for a complete one.
 */
async function* listRecords(ctx: HarvestContext): AsyncGenerator<RawPage<CswRecord>> {
  const { endpoint } = cswSite(ctx.portal.url);
  const seen = new Set<string>();
  let request: PageRequest = { start: 1, max: Math.max(1, ctx.portal.pageSize), sorted: true };
  let previousIds: string | undefined;
  for (;;) {
    ctx.signal.throwIfAborted();
    const page = await fetchPage(ctx, endpoint, request);
    const { records, matched, nextRecord } = page.results;
    if (matched !== undefined) ctx.listing?.declare(matched, page.url);
    if (records.length === 0) return;
    const ids = records.map((record) => recordId(record) ?? '').join('\n');
    if (ids === previousIds) {
      throw new HarvestError('paging_loop', `The CSW server answered the same records twice (startPosition=${page.start}) at ${page.url}.`, { url: page.url });
    }
    previousIds = ids;
    const wanted = records.filter((record) => keep(ctx, seen, record, page.url));
    if (wanted.length) yield { url: page.url, records: wanted };
    const next = nextRecord ?? page.start + records.length;
    if (next === 0 || (matched !== undefined && next > matched)) return;
    if (next <= page.start) {
      ctx.log.warn({ url: page.url, nextRecord: next }, 'The CSW server sent a nextRecord that does not move forward: the listing ends here.');
      return;
    }
    request = { start: next, max: page.max, sorted: page.sorted };
  }
}

/**
 * One page. A 5xx the HTTP client has already retried is asked for again with half the records
 * (full ISO records are heavy to build), down to ten (harvest/shrinking-page.ts); the smaller size
 * is kept for the pages after it. Within that, a first page refused because of `sortBy` is asked
 * for again unsorted at the same size, and every request after it is unsorted (the listing stays
 * unsorted); a refusal is not a shrink.
 */
async function fetchPage(ctx: HarvestContext, endpoint: string, request: PageRequest): Promise<Page> {
  let { sorted } = request;
  const { page } = await fetchShrinking(ctx, request.max, async (max) => {
    try {
      return await getPage(ctx, endpoint, { start: request.start, max, sorted });
    } catch (error) {
      if (!(sorted && request.start === 1 && refusesSort(error))) throw error;
      sorted = false;
      ctx.log.warn({ url: error.url }, 'The CSW server refuses sortBy=Identifier:A: listing in its own order.');
      return getPage(ctx, endpoint, { start: request.start, max, sorted });
    }
  });
  return page;
}

/** One `GetRecords` request; a failure whose body is an ExceptionReport becomes an `api_error`. */
async function getPage(ctx: HarvestContext, endpoint: string, request: PageRequest): Promise<Page> {
  const url = pageUrl(endpoint, request);
  try {
    const response = await ctx.http.getText(url, { signal: ctx.signal, headers: { accept: ACCEPT_XML } });
    return { ...request, url, results: readGetRecords(response) };
  } catch (caught) {
    ctx.signal.throwIfAborted();
    throw exceptionFromStatus(caught) ?? caught;
  }
}

function refusesSort(error: unknown): error is HarvestError {
  return error instanceof HarvestError && error.code === 'api_error' && /sort/i.test(error.body ?? '');
}

function pageUrl(endpoint: string, { start, max, sorted }: PageRequest): string {
  const url = new URL(endpoint);
  const params = url.searchParams;
  params.set('service', 'CSW');
  params.set('version', '2.0.2');
  params.set('request', 'GetRecords');
  params.set('typeNames', 'gmd:MD_Metadata');
  params.set('namespace', `xmlns(gmd=${GMD_NAMESPACE})`);
  params.set('outputSchema', GMD_NAMESPACE);
  params.set('elementSetName', 'full');
  params.set('resultType', 'results');
  params.set('startPosition', String(start));
  params.set('maxRecords', String(max));
  if (sorted) params.set('sortBy', 'Identifier:A');
  return url.toString();
}

/**
 * False for a service record (a WMS or WFS described in the catalog: a service, not a dataset;
 * its data sets carry its addresses as distributions) and for a record whose id an earlier record
 * of this listing already had (logged).
 */
function keep(ctx: HarvestContext, seen: Set<string>, record: CswRecord, url: string): boolean {
  const id = recordId(record);
  if (isServiceRecord(record)) {
    ctx.log.debug({ id, url }, 'Skipped a service record: it describes a service, not a dataset.');
    ctx.listing?.skip(1);
    return false;
  }
  if (id === undefined) return true; // toDcat reports it as a bad record
  if (seen.has(id)) {
    ctx.log.warn({ id, url }, 'Skipped a record whose fileIdentifier was already listed.');
    ctx.listing?.skip(1);
    return false;
  }
  seen.add(id);
  return true;
}

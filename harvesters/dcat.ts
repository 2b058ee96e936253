/**
 * DCAT RDF harvester (HARVESTING.md, "DCAT RDF"): CKAN's `/catalog.ttl`, piveau hubs and national
 * portals that publish their catalog as Turtle, RDF/XML or JSON-LD. `list` reads the configured
 * catalog document and follows its Hydra paging (`hydra:next`, or the older `hydra:nextPage`)
 * with a visited-URL guard; each page yields its dcat:Datasets as raw records (dcat-terms.ts).
 * `toDcat` (dcat-map.ts) maps a record alone, so `cosecha rescore` needs no network.
 *
 * Portal options: `language` (BCP 47 primary tag, default `es`), the language whose texts are kept;
 * `maxPages` (default 10000), the most pages one listing reads.
 */
import { HarvestError } from '../src/errors.js';
import type { Harvester, HarvestContext, RawPage } from '../src/harvest/types.js';
import type { TextResponse } from '../src/harvest/http.js';
import { firstSighting } from '../src/harvest/first-sighting.js';
import { parseRdf, RDF_ACCEPT } from './dcat-parse.js';
import { readCatalogPage } from './dcat-record.js';
import { datasetSourceId, toDcat } from './dcat-map.js';
import type { RdfNode } from './dcat-terms.js';

export type { RdfNode, RdfLiteral, RdfValue } from './dcat-terms.js';
export { toDcat } from './dcat-map.js';

const DEFAULT_MAX_PAGES = 10_000;

export const dcat: Harvester<RdfNode> = {
  platform: 'dcat',
  // DCAT documents cannot be asked for "modified since": every run reads the whole catalog.
  incremental: false,
  list: listDatasets,
  sourceId: datasetSourceId,
  toDcat,
};

/**
 * Pages of datasets, following next links until a page has none. A next link already read is a
 * `paging_loop` naming it, thrown after the pages before it were yielded; so is a page whose
 * datasets were all listed before (a server that ignores the page asked for).
 */
async function* listDatasets(ctx: HarvestContext): AsyncGenerator<RawPage<RdfNode>> {
  const start = new URL(ctx.portal.url);
  const maxPages = positiveInteger(ctx.portal.options?.maxPages) ?? DEFAULT_MAX_PAGES;
  const visited = new Set<string>();
  const seen = new Set<string>();
  let url: string | undefined = start.toString();
  for (let pages = 0; url !== undefined; pages++) {
    ctx.signal.throwIfAborted();
    if (visited.has(visitKey(url))) {
      throw new HarvestError('paging_loop', `The catalog's paging leads back to ${url}, a page already read.`, { url });
    }
    if (pages >= maxPages) {
      throw new HarvestError('paging_loop', `The catalog has more than ${maxPages} pages; stopped before ${url}.`, { url });
    }
    visited.add(visitKey(url));
    const response = await fetchDocument(ctx, url);
    visited.add(visitKey(response.url));
    const { quads } = await parseRdf(response);
    const page = readCatalogPage(quads);
    if (!page.isCatalog) {
      throw new HarvestError('bad_response', `The document at ${response.url} holds no DCAT catalog nor dataset.`, { url: response.url });
    }
    if (page.totalItems !== undefined) ctx.listing?.declare(page.totalItems, response.url);
    const fresh = page.records.filter((record) => firstSighting(ctx, seen, datasetSourceId(record), response.url));
    if (page.records.length > 0 && fresh.length === 0 && pages > 0) {
      throw new HarvestError('paging_loop', `The catalog page ${response.url} repeats datasets already listed.`, { url: response.url });
    }
    if (fresh.length) yield { url: response.url, records: fresh };
    url = nextUrl(page.next, response.url, start);
  }
}

async function fetchDocument(ctx: HarvestContext, url: string): Promise<TextResponse> {
  try {
    return await ctx.http.getText(url, { headers: { accept: RDF_ACCEPT }, signal: ctx.signal });
  } catch (error) {
    ctx.signal.throwIfAborted();
    throw error;
  }
}

/**
 * The next page's URL, resolved against the page. Paging comes from harvested content, so it may
 * only lead to the configured portal's host (invariant 7). A portal configured with `https:` is
 * read with it throughout: CKAN behind a TLS proxy writes its own links with `http:`.
 */
function nextUrl(links: string[], pageUrl: string, start: URL): string | undefined {
  const link = links.find((candidate) => URL.canParse(candidate, pageUrl));
  if (link === undefined) return undefined;
  const next = new URL(link, pageUrl);
  next.hash = '';
  if (next.hostname !== start.hostname || !/^https?:$/.test(next.protocol)) {
    throw new HarvestError('unsafe_url', `The catalog page ${pageUrl} links its next page to ${next}, outside the portal's host ${start.hostname}.`, {
      url: next.toString(),
    });
  }
  if (start.protocol === 'https:') next.protocol = 'https:';
  return next.toString();
}

/** Visited pages compare without scheme and fragment. */
function visitKey(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.toString().replace(/^https?:/, '');
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

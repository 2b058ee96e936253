/**
 * Pages from sitemaps (sitemaps.org 0.9): `<urlset>` lists pages, `<sitemapindex>` lists more
 * sitemaps. Entries off the portal's site are not followed; a sitemap met twice is read once.
 * A sitemap that cannot be read fails the run: the listing could not be completed.
 */
import * as cheerio from 'cheerio';
import type { CheerioAPI, Cheerio } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { HarvestError, isHarvestError } from '../src/errors.js';
import { fetchDocument, type PageTarget, type Walk } from './html-walk.js';
import { absoluteUrl, pageKey, text } from './html-values.js';

/** Sitemap indexes are not meant to nest; some do, a little. */
const MAX_DEPTH = 3;

interface SitemapEntry {
  url: string;
  lastmod?: string;
}

interface Sitemap {
  sitemaps: SitemapEntry[];
  pages: SitemapEntry[];
}

export async function* sitemapPages(walk: Walk): AsyncGenerator<PageTarget> {
  const { options, ctx } = walk;
  const seen = new Set<string>();
  let read = 0;

  async function* visit(url: string, depth: number, configured: boolean): AsyncGenerator<PageTarget> {
    if (seen.has(url)) return;
    seen.add(url);
    if (/\.gz$/i.test(new URL(url).pathname)) {
      walk.incomplete(new HarvestError('bad_response', `The compressed sitemap ${url} cannot be read (only plain XML sitemaps are).`, { url }));
      return;
    }
    if (read >= options.maxSitemaps) {
      walk.incomplete(new HarvestError('paging_loop', `The sitemaps go on past ${options.maxSitemaps} files (option 'maxSitemaps') at ${url}.`, { url }));
      return;
    }
    read++;
    const sitemap = await fetchSitemap(walk, url, configured);
    const offSite: string[] = [];
    for (const child of sitemap.sitemaps) {
      if (!walk.onSite(child.url)) offSite.push(child.url);
      else if (depth < MAX_DEPTH) yield* visit(child.url, depth + 1, false);
    }
    for (const page of sitemap.pages) {
      if (!walk.onSite(page.url)) offSite.push(page.url);
      else if (walk.wanted(page.url)) yield { url: pageKey(page.url), lastmod: page.lastmod };
    }
    if (offSite.length) ctx.log.info({ sitemap: url, offSite: offSite.slice(0, 5), count: offSite.length }, 'The sitemap lists addresses off the portal\'s site: they are not fetched.');
  }

  for (const url of options.sitemap) yield* visit(url, 0, true);
}

async function fetchSitemap(walk: Walk, url: string, configured: boolean): Promise<Sitemap> {
  let body: string;
  let contentType: string;
  try {
    ({ body, contentType } = await fetchDocument(walk, url, 'sitemap'));
  } catch (error) {
    walk.ctx.signal.throwIfAborted();
    const missing = configured && isHarvestError(error) && error.status === 404 && walk.options.listing.length === 0;
    if (!missing) throw error;
    throw new HarvestError('http_status', `The portal has no sitemap at ${url} (HTTP 404): name its pages with the option 'listing' or 'sitemap'.`, { url, status: 404, cause: error });
  }
  const xml = body.replace(/^\uFEFF/, '').trim();
  if (xml === '') throw new HarvestError('empty_body', `The portal answered an empty body at ${url}, where a sitemap was expected.`, { url });
  if (/^(<!doctype html|<html)/i.test(xml) || (/text\/html/i.test(contentType) && !xml.startsWith('<?xml'))) {
    throw new HarvestError('not_xml', `The portal answered an HTML page instead of a sitemap at ${url}.`, { url });
  }
  const $ = cheerio.load(xml, { xml: true });
  const root = $.root().children().first();
  const kind = localName(root);
  if (kind !== 'urlset' && kind !== 'sitemapindex') {
    throw new HarvestError('not_xml', `The document at ${url} is not a sitemap (its root is <${kind || '?'}>, not <urlset> or <sitemapindex>).`, { url });
  }
  const entries = childrenNamed($, root, kind === 'urlset' ? 'url' : 'sitemap').flatMap((entry) => {
    const loc = absoluteUrl(text(childrenNamed($, entry, 'loc')[0]?.text()), url);
    return loc ? [{ url: loc, lastmod: text(childrenNamed($, entry, 'lastmod')[0]?.text()) }] : [];
  });
  return kind === 'urlset' ? { pages: entries, sitemaps: [] } : { pages: [], sitemaps: entries };
}

/** `url` for `<url>` and `<sm:url>` alike. */
function localName(el: Cheerio<AnyNode>): string {
  return (el.prop('tagName') ?? '').toLowerCase().replace(/^.*:/, '');
}

function childrenNamed($: CheerioAPI, el: Cheerio<AnyNode>, name: string): Cheerio<AnyNode>[] {
  return el
    .children()
    .toArray()
    .map((child) => $(child))
    .filter((child) => localName(child) === name);
}

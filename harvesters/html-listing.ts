/**
 * Pages from configured listing pages, each followed through its `next` link. A `next` that
 * leads back to a page already read ends the listing (CMSs link the last page to the first); a
 * listing longer than `maxPages`, or whose `next` leaves the site, is left incomplete. A listing
 * page that cannot be read fails the run.
 */
import * as cheerio from 'cheerio';
import { HarvestError } from '../src/errors.js';
import { errorPageOf } from './html-page.js';
import { fetchDocument, isHtml, type PageTarget, type Walk } from './html-walk.js';
import { absoluteUrl, pageKey } from './html-values.js';

export async function* listingPages(walk: Walk): AsyncGenerator<PageTarget> {
  const { options, ctx } = walk;
  const read = new Set<string>();
  for (const start of options.listing) {
    let url: string | undefined = pageKey(start);
    for (let pages = 0; url !== undefined; pages++) {
      if (read.has(url)) {
        ctx.log.info({ listing: start, url }, 'The listing leads back to a page already read: it ends here.');
        break;
      }
      if (pages >= options.maxPages) {
        walk.incomplete(new HarvestError('paging_loop', `The listing ${start} goes on past ${options.maxPages} pages (option 'maxPages') at ${url}.`, { url }));
        break;
      }
      read.add(url);
      const page = await fetchListingPage(walk, url);
      const $ = cheerio.load(page.body);
      if (options.items) {
        const links = $(options.items)
          .toArray()
          .map((el) => absoluteUrl($(el).attr('href') ?? $(el).find('a[href]').attr('href'), page.url))
          .filter((link): link is string => link !== undefined);
        const errorPage = links.length === 0 ? errorPageOf($) : undefined;
        if (errorPage) throw new HarvestError('bad_response', `The listing page ${url} answered an error page ("${errorPage.title}").`, { url });
        for (const link of links) {
          if (!walk.onSite(link)) ctx.log.info({ listing: url, link }, 'The listing links to a page off the portal\'s site: it is not fetched.');
          else if (walk.wanted(link)) yield { url: pageKey(link) };
        }
      } else {
        yield { url: page.url, body: page.body, idBase: pageKey(start), listing: true };
      }
      const next = options.next ? absoluteUrl($(options.next).first().attr('href'), page.url) : undefined;
      if (next !== undefined && !walk.onSite(next)) {
        walk.incomplete(new HarvestError('unsafe_url', `The listing page ${url} leads off the portal's site, to ${next}; the listing stops there.`, { url }));
        break;
      }
      url = next === undefined ? undefined : pageKey(next);
    }
  }
}

async function fetchListingPage(walk: Walk, url: string): Promise<{ url: string; body: string }> {
  const response = await fetchDocument(walk, url, 'page').catch((error: unknown) => {
    walk.ctx.signal.throwIfAborted(); // an interrupted listing ends with the abort reason
    throw error;
  });
  if (response.body.trim() === '') throw new HarvestError('empty_body', `The portal answered an empty body at ${url}, where a listing page was expected.`, { url });
  if (!isHtml(response)) throw new HarvestError('bad_response', `The listing page ${url} is not HTML (${response.contentType}).`, { url });
  return { url: pageKey(response.url), body: response.body };
}

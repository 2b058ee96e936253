/**
 * What the HTML harvester's discovery shares: the pages found, which addresses may be fetched,
 * how a document is fetched, and how a part of the site that could not be listed is noted.
 *
 * Addresses found in harvested content (sitemap entries, listing links, `next` links, redirects)
 * are fetched only on the portal's own site (DESIGN.md, invariant 7); the configured addresses
 * are the operator's and are trusted.
 */
import { HarvestError } from '../src/errors.js';
import type { HarvestContext } from '../src/harvest/types.js';
import type { TextResponse } from '../src/harvest/http.js';
import type { HtmlOptions } from './html-options.js';
import { namesFile, siteOf } from './html-values.js';

/** A page to read. */
export interface PageTarget {
  /** Its address, without fragment. */
  url: string;
  /** Its `<lastmod>` in the sitemap. */
  lastmod?: string;
  /** Its body, when discovery already fetched it (a listing page read as a dataset page). */
  body?: string;
  /** What ids derived for its blocks start with; default the page's own address. */
  idBase?: string;
  /** A listing page: a failure to read it fails the run instead of being recorded. */
  listing?: boolean;
}

export interface Walk {
  ctx: HarvestContext;
  options: HtmlOptions;
  /** True for an address on the portal's own site or a configured one's. */
  onSite(url: string): boolean;
  /** True for a page address the options let through (`include`, `exclude`) that is not a file. */
  wanted(url: string): boolean;
  /** Notes that part of the site could not be listed or read: the listing is then incomplete. */
  incomplete(error: HarvestError): void;
}

export function createWalk(ctx: HarvestContext, options: HtmlOptions, incomplete: (error: HarvestError) => void): Walk {
  const sites = new Set([ctx.portal.url, ...options.sitemap, ...options.listing].map(siteOf));
  return {
    ctx,
    options,
    incomplete,
    onSite: (url) => {
      const site = siteOf(url);
      return site !== undefined && sites.has(site);
    },
    wanted: (url) => !namesFile(url) && (options.include?.test(url) ?? true) && !(options.exclude?.test(url) ?? false),
  };
}

const ACCEPT = {
  page: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
  sitemap: 'application/xml,text/xml;q=0.9,*/*;q=0.1',
};

/** GETs a document through the portal's client. A redirect that leaves the site is refused before it is followed (`unsafe_url`). */
export function fetchDocument(walk: Walk, url: string, kind: keyof typeof ACCEPT): Promise<TextResponse> {
  return walk.ctx.http.getText(url, { signal: walk.ctx.signal, headers: { accept: ACCEPT[kind] }, redirectAllowed: walk.onSite });
}

/** True when the body is HTML (or a body with no declared type that starts like markup). */
export function isHtml(response: TextResponse): boolean {
  if (/html|xml/i.test(response.contentType)) return true;
  return response.contentType === '' && /^\s*</.test(response.body);
}

/**
 * The options of an `html` portal (`options:` of its entry in config/portals.yaml), validated with
 * zod. A bad option is a ConfigError that names the portal and the option.
 *
 * ```yaml
 * options:
 *   listing: [/transparencia/lotaip]       # else the sitemap is read
 *   next: a[rel=next]
 *   items: table.meses a
 *   selectors: { dataset: article.conjunto, title: h2, description: .resumen, files: a.descarga }
 * ```
 */
import * as cheerio from 'cheerio';
import { z } from 'zod';
import { ConfigError } from '../src/errors.js';
import type { PortalConfig } from '../src/config-types.js';
import { absoluteUrl } from './html-values.js';

/** CSS selectors read with cheerio. */
export interface HtmlSelectors {
  /** A repeated block, each one a dataset. Default: the whole page is one dataset when it links files. */
  dataset?: string;
  /** The title, inside the block. Default (no `selectors`): `h1`, else `og:title`, else `<title>`. */
  title: string;
  /** The description (its HTML is kept). Default (no `selectors`): `<meta name="description">`. */
  description?: string;
  /** The file links (every link matched is a file). Default: links whose address ends in a file extension. */
  files?: string;
  /** The modification date (its `datetime` or `content`, else its text). Default none. */
  modified?: string;
}

export interface HtmlOptions {
  /** Sitemaps or sitemap indexes. Default `<site>/sitemap.xml` when `listing` is not given. */
  sitemap: string[];
  /** Listing pages: each is followed through `next`. Default none. */
  listing: string[];
  /** The link to a listing's next page (the first match's `href`). Default none: one page per listing. */
  next?: string;
  /** Links from a listing page to dataset pages. Default none: the listing page is itself read as a dataset page. */
  items?: string;
  /** Only page addresses matching this pattern are read. Default: every address. */
  include?: RegExp;
  /** Page addresses matching this pattern are not read. Default: none excluded. */
  exclude?: RegExp;
  /** Most pages followed through `next` from one listing; more leaves the listing incomplete. Default 100. */
  maxPages: number;
  /** Most sitemap files read. Default 100. */
  maxSitemaps: number;
  /**
   * Read when the default sitemap is missing (404): the page the portal URL names, when it names
   * one (`https://municipio.gob.ec/transparencia/lotaip-2024`), so that a bare URL is enough.
   */
  fallbackPage?: string;
  selectors?: HtmlSelectors;
}

const DEFAULT_MAX_PAGES = 100;
const DEFAULT_MAX_SITEMAPS = 100;

function isSelector(value: string): boolean {
  try {
    cheerio.load('<p></p>')(value);
    return true;
  } catch {
    return false;
  }
}

function isPattern(value: string): boolean {
  try {
    new RegExp(value);
    return true;
  } catch {
    return false;
  }
}

const selector = z.string().trim().min(1, { error: 'is empty' }).refine(isSelector, { error: 'is not a valid CSS selector' });
const pattern = z.string().refine(isPattern, { error: 'is not a valid regular expression' });
const address = z.string().trim().min(1, { error: 'is empty' });
const ADDRESSES = { error: 'must be a URL or a list of URLs' };
const addresses = z.union([address, z.array(address).min(1, ADDRESSES)], ADDRESSES);
const LIMIT = { error: 'must be a whole number from 1 to 100000' };
const limit = z.number(LIMIT).int(LIMIT).min(1, LIMIT).max(100_000, LIMIT);

const schema = z.strictObject({
  sitemap: addresses.optional(),
  listing: addresses.optional(),
  next: selector.optional(),
  items: selector.optional(),
  include: pattern.optional(),
  exclude: pattern.optional(),
  maxPages: limit.optional(),
  maxSitemaps: limit.optional(),
  selectors: z
    .strictObject({
      dataset: selector.optional(),
      title: selector,
      description: selector.optional(),
      files: selector.optional(),
      modified: selector.optional(),
    })
    .optional(),
});

/** Reads and checks a portal's options. Throws ConfigError naming the portal and the option. */
export function readHtmlOptions(portal: PortalConfig): HtmlOptions {
  const parsed = schema.safeParse(portal.options ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]].join('.') : issue.path.join('.');
    const what = issue.code === 'unrecognized_keys' ? 'is not an option of the html harvester' : describe(issue.message);
    throw new ConfigError(`Portal ${portal.id}: the option '${key}' ${what}.`);
  }
  const options = parsed.data;
  const urls = (name: 'sitemap' | 'listing'): string[] => {
    const values = options[name] === undefined ? [] : [options[name]].flat();
    return values.map((value) => {
      const url = absoluteUrl(value, portal.url);
      if (!url) throw new ConfigError(`Portal ${portal.id}: the option '${name}' has "${value}", which is not an http(s) URL.`);
      return url;
    });
  };
  const listing = urls('listing');
  const sitemap = urls('sitemap');
  for (const name of ['next', 'items'] as const) {
    if (options[name] !== undefined && listing.length === 0) {
      throw new ConfigError(`Portal ${portal.id}: the option '${name}' needs the option 'listing' (the pages it is read on).`);
    }
  }
  const configured = sitemap.length > 0 || listing.length > 0;
  const fallbackPage = configured || /^\/?$|\.xml$/i.test(new URL(portal.url).pathname) ? undefined : portal.url;
  return {
    sitemap: configured ? sitemap : [defaultSitemap(portal.url)],
    fallbackPage,
    listing,
    next: options.next,
    items: options.items,
    include: options.include === undefined ? undefined : new RegExp(options.include),
    exclude: options.exclude === undefined ? undefined : new RegExp(options.exclude),
    maxPages: options.maxPages ?? DEFAULT_MAX_PAGES,
    maxSitemaps: options.maxSitemaps ?? DEFAULT_MAX_SITEMAPS,
    selectors: options.selectors,
  };
}

/** The portal URL when it names a sitemap, else `/sitemap.xml` of its site. */
function defaultSitemap(portalUrl: string): string {
  const url = new URL(portalUrl);
  return /\.xml$/i.test(url.pathname) ? url.toString() : `${url.origin}/sitemap.xml`;
}

/** zod's wording of a wrong or missing value, in the sentence of a ConfigError. */
function describe(message: string): string {
  if (/received undefined/.test(message)) return 'is missing';
  const expected = /expected (\w+), received (\w+)/.exec(message);
  return expected ? `must be a ${expected[1]}, not a ${expected[2]}` : message;
}

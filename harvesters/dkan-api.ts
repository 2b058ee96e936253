/**
 * Where a DKAN portal's APIs live, and how to tell "this API is not served here" (try the next
 * door) from "the portal is failing" (the run fails).
 */
import { ConfigError, HarvestError } from '../src/errors.js';
import type { HarvestContext } from '../src/harvest/types.js';

export interface DkanSite {
  /** The site root, without a trailing slash: `https://datos.gov.py`, or with Drupal's path prefix. */
  root: string;
  /** DKAN 7's CKAN-like action base, with a trailing slash. */
  actions: string;
  dataJson: string;
  /** DKAN 2's search (`page`, `page-size`). */
  search: string;
  /** DKAN 2's whole list of datasets, in one answer. */
  items: string;
  /** The DKAN version the configured URL points at (`/api/3` → 7, `/api/1` → 2), if it says. */
  hint?: 7 | 2;
}

// `…/data.json`, `…/api`, `…/api/3/action/package_list`, `…/api/1/search`, `…/api/1/metastore/…`.
const API_PATH = /\/(?:data\.json|api(?:\/.*)?)$/;

/** Reads a configured portal URL: a site root, its data.json or any of its API URLs name the same site. */
export function dkanSite(portalUrl: string): DkanSite {
  if (!URL.canParse(portalUrl)) throw new ConfigError(`The portal URL "${portalUrl}" is not a valid URL.`);
  const url = new URL(portalUrl);
  const path = url.pathname.replace(/\/+$/, '');
  const root = `${url.origin}${path.replace(API_PATH, '').replace(/\/dataset$/, '')}`;
  const hint = /\/api\/1(\/|$)/.test(path) ? 2 : /\/api\/(3|action)(\/|$)/.test(path) ? 7 : undefined;
  return {
    root,
    actions: `${root}/api/3/action/`,
    dataJson: `${root}/data.json`,
    search: `${root}/api/1/search`,
    items: `${root}/api/1/metastore/schemas/dataset/items`,
    hint,
  };
}

/**
 * True when an error says the API asked for is not there (4xx, HTML or another JSON shape
 * instead of the API's answer), as opposed to a portal that is down, slow or refusing us
 * (5xx, 429, timeouts, TLS), which ends the run.
 */
export function notServed(error: unknown): boolean {
  if (!(error instanceof HarvestError)) return false;
  switch (error.code) {
    case 'not_json':
    case 'empty_body':
    case 'bad_response':
    case 'html_instead_of_data':
      return true;
    case 'http_status':
    case 'api_error':
      return error.status === undefined || (error.status >= 400 && error.status < 500 && error.status !== 408);
    default:
      return false;
  }
}

/** GETs JSON, rethrowing the abort reason when the run was stopped meanwhile. */
export async function getJson(ctx: HarvestContext, url: string): Promise<unknown> {
  try {
    return (await ctx.http.getJson(url, { signal: ctx.signal })).body;
  } catch (error) {
    ctx.signal.throwIfAborted();
    throw error;
  }
}

export function badResponse(url: string, what: string): HarvestError {
  return new HarvestError('bad_response', `The DKAN API answered an unexpected shape (${what}) at ${url}.`, { url });
}


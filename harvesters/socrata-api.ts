/**
 * Talking to the Socrata Discovery API: where it lives for a configured portal, the app token,
 * and reading its replies, including the `{"error": …}` bodies it sends with a 4xx.
 */
import { ConfigError, HarvestError } from '../src/errors.js';
import { parseJson, type TextResponse } from '../src/harvest/http.js';
import type { HarvestContext } from '../src/harvest/types.js';
import type { PortalConfig } from '../src/config-types.js';
import type { DiscoveryReply } from './socrata-types.js';
import { isObject, parseJsonText, text } from './values.js';

/** Where one portal's catalog is read from. */
export interface SocrataSite {
  /** The portal's Socrata domain: sent as `domains`, compared with each record's `metadata.domain`. */
  domain: string;
  /** The Discovery API endpoint: `https://www.datos.gov.co/api/catalog/v1`. */
  catalog: string;
  /** The portal's DCAT-US document, read when the Discovery API is not available. */
  dataJson: string;
  /** `X-App-Token` when `options.appToken` is set. */
  headers: Record<string, string>;
}

/** The central Discovery hosts; any other host is a Socrata domain serving the API itself. */
const CENTRAL_HOST = /^api\.(us|eu)\.socrata\.com$/i;
const DOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;

/**
 * Reads a configured portal: a site root (`https://www.datos.gov.co`), its `/api/catalog/v1`, or
 * the central API with the domain in the query (`https://api.us.socrata.com/api/catalog/v1?domains=www.datos.gov.co`).
 * `options.domain` names the domain when the configured host is not it (a proxy, a test server).
 */
export function socrataSite(portal: PortalConfig): SocrataSite {
  if (!URL.canParse(portal.url)) throw new ConfigError(`The portal URL "${portal.url}" of ${portal.id} is not a valid URL.`);
  const url = new URL(portal.url);
  const central = CENTRAL_HOST.test(url.hostname);
  const configured = option(portal, 'domain') ?? text(url.searchParams.get('domains') ?? undefined);
  if (central && !configured) {
    throw new ConfigError(`Portal ${portal.id}: the central Discovery API needs the portal's domain (?domains=… in the URL or options.domain).`);
  }
  const domain = (configured ?? url.hostname).toLowerCase();
  if (!DOMAIN.test(domain)) throw new ConfigError(`Portal ${portal.id}: "${domain}" is not one Socrata domain name.`);
  const token = option(portal, 'appToken');
  return {
    domain,
    catalog: `${url.origin}/api/catalog/v1`,
    dataJson: central ? `https://${domain}/data.json` : `${url.origin}/data.json`,
    headers: token ? { 'x-app-token': token } : {},
  };
}

/** The portal's domain without validation, for the pure mapping (records normally name their own). */
export function portalDomain(portal: PortalConfig): string | undefined {
  try {
    return socrataSite(portal).domain;
  } catch {
    return undefined;
  }
}

function option(portal: PortalConfig, name: string): string | undefined {
  const value = portal.options[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !value.trim()) throw new ConfigError(`Portal ${portal.id}: options.${name} must be a non-empty string.`);
  return value.trim();
}

/** One Discovery page as asked for: `offset` paging, or `scroll_id` paging past the offset window. */
export type Cursor = { offset: number } | { scrollId: string };

/**
 * The URL of one page. Offset pages ask for `order=dataset_id`, the order `scroll_id` pages come
 * in, so the listing goes on where the offset pages stopped; scroll pages send no `order` (the API
 * refuses it) and no `offset`.
 */
export function pageUrl(site: SocrataSite, cursor: Cursor, limit: number): string {
  const url = new URL(site.catalog);
  url.searchParams.set('domains', site.domain);
  url.searchParams.set('only', 'datasets');
  url.searchParams.set('limit', String(limit));
  if ('offset' in cursor) {
    url.searchParams.set('offset', String(cursor.offset));
    url.searchParams.set('order', 'dataset_id');
  } else {
    url.searchParams.set('scroll_id', cursor.scrollId);
  }
  return url.toString();
}

export interface DiscoveryPage {
  results: unknown[];
  /** `resultSetSize`; Infinity when the reply leaves it out. */
  total: number;
}

/** GETs one Discovery page and checks its shape. An HTML answer is `html_instead_of_data`. */
export async function getDiscoveryPage(ctx: HarvestContext, url: string, headers: Record<string, string>): Promise<DiscoveryPage> {
  let response: TextResponse;
  try {
    response = await ctx.http.getText(url, { headers: { accept: 'application/json', ...headers }, signal: ctx.signal });
  } catch (error) {
    ctx.signal.throwIfAborted();
    throw apiErrorFromStatus(error, url) ?? error;
  }
  if (/^\s*</.test(response.body) || response.contentType.includes('text/html')) {
    throw new HarvestError('html_instead_of_data', `The portal answered an HTML page instead of the Discovery API at ${url}.`, { url, status: response.status });
  }
  const reply = parseJson<unknown>(response);
  if (!isObject(reply)) throw badResponse(url, 'the reply is not a JSON object');
  const { results, resultSetSize, error } = reply as DiscoveryReply;
  if (error !== undefined && results === undefined) throw apiError(url, error, undefined);
  if (!Array.isArray(results)) throw badResponse(url, '"results" is not a list');
  if (resultSetSize !== undefined && (typeof resultSetSize !== 'number' || !Number.isFinite(resultSetSize))) {
    throw badResponse(url, '"resultSetSize" is not a number');
  }
  return { results, total: resultSetSize ?? Infinity };
}

/** True when the first Discovery request shows the API is not there: a 404 or an HTML page. */
export function discoveryUnavailable(error: unknown): error is HarvestError {
  return error instanceof HarvestError && (error.status === 404 || error.code === 'html_instead_of_data');
}

/** A 4xx/5xx whose body is Discovery's JSON error becomes `api_error` with its message (status kept). */
function apiErrorFromStatus(error: unknown, url: string): HarvestError | undefined {
  if (!(error instanceof HarvestError) || error.body === undefined || error.status === 404) return undefined;
  const reply = parseJsonText(error.body);
  if (!isObject(reply) || (reply.error === undefined && reply.message === undefined)) return undefined;
  return apiError(url, reply.error ?? reply.message, error);
}

function apiError(url: string, detail: unknown, cause: HarvestError | undefined): HarvestError {
  const message = isObject(detail) ? (text(detail.message) ?? JSON.stringify(detail)) : (text(detail) ?? String(detail));
  const status = cause?.status;
  const http = status ? `HTTP ${status}: ` : '';
  const code = status === 429 ? 'rate_limited' : 'api_error';
  return new HarvestError(code, `The Socrata Discovery API refused the request (${http}${message.slice(0, 300)}) at ${url}.`, { url, status, body: cause?.body, cause });
}

function badResponse(url: string, what: string): HarvestError {
  return new HarvestError('bad_response', `The Socrata Discovery API answered an unexpected shape (${what}) at ${url}.`, { url });
}

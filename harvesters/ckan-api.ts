/**
 * Talking to a CKAN Action API: where it lives, and reading its `{success, result}` envelope,
 * including the error bodies CKAN sends with 200, 403, 409 or 500.
 */
import { ConfigError, HarvestError } from '../src/errors.js';
import type { HarvestContext } from '../src/harvest/types.js';
import type { CkanEnvelope, CkanSearchResult } from './ckan-types.js';
import { isObject, parseJsonText } from './values.js';

/** Where a portal's API and web pages live. */
export interface CkanSite {
  /** The site root, without a trailing slash: `https://datos.gob.mx/busca`. */
  root: string;
  /** The action base, with a trailing slash: `https://datos.gob.mx/busca/api/3/action/`. */
  actions: string;
}

// `…/api`, `…/api/3`, `…/api/3/action`, `…/api/3/action/package_search` (and `/api/action/…`).
const API_PATH = /\/api(?:\/\d+)?(?:\/action(?:\/[^/]*)?)?\/?$/;

/**
 * Reads a configured portal URL: a site root, a path prefix (`/busca`), an `/api/3` base or a full
 * action URL all name the same API. A query string or fragment in the configured URL is dropped.
 */
export function ckanSite(portalUrl: string): CkanSite {
  if (!URL.canParse(portalUrl)) throw new ConfigError(`The portal URL "${portalUrl}" is not a valid URL.`);
  const url = new URL(portalUrl);
  const path = url.pathname.replace(API_PATH, '').replace(/\/dataset\/?$/, '').replace(/\/+$/, '');
  const root = `${url.origin}${path}`;
  return { root, actions: `${root}/api/3/action/` };
}

/** Calls an action and returns its `result`, or throws a HarvestError that names the URL. */
export async function callAction(ctx: HarvestContext, url: string): Promise<unknown> {
  let envelope: unknown;
  try {
    envelope = (await ctx.http.getJson(url, { signal: ctx.signal })).body;
  } catch (error) {
    ctx.signal.throwIfAborted();
    throw apiErrorFromStatus(error, url) ?? error;
  }
  if (!isObject(envelope)) throw badResponse(url, 'the reply is not a JSON object');
  const reply = envelope as CkanEnvelope;
  if (reply.success === false) throw apiError(url, reply, undefined);
  if (reply.result === undefined) throw badResponse(url, 'the reply has no "result"');
  return reply.result;
}

/** Checks the shape of a `package_search` result. */
export function searchResult(url: string, result: unknown): CkanSearchResult {
  if (!isObject(result)) throw badResponse(url, '"result" is not an object');
  if (!Array.isArray(result.results)) throw badResponse(url, '"result.results" is not a list');
  const count = result.count;
  if (count !== undefined && (typeof count !== 'number' || !Number.isFinite(count))) throw badResponse(url, '"result.count" is not a number');
  return result as CkanSearchResult;
}

/**
 * For a non-2xx answer the HTTP client throws `http_status`/`rate_limited` with the start of
 * the body, where CKAN puts its own error.
 */
function apiErrorFromStatus(error: unknown, url: string): HarvestError | undefined {
  if (!(error instanceof HarvestError) || (error.code !== 'http_status' && error.code !== 'rate_limited')) return undefined;
  if (error.body === undefined) return undefined;
  const reply = parseJsonText(error.body);
  if (!isObject(reply) || reply.success !== false) return undefined;
  return apiError(url, reply as CkanEnvelope, error);
}

function apiError(url: string, reply: CkanEnvelope, cause: HarvestError | undefined): HarvestError {
  const status = cause?.status;
  const http = status ? `HTTP ${status}, ` : '';
  return new HarvestError('api_error', `The CKAN API refused the request (${http}${describe(reply.error)}) at ${url}.`, { url, status, cause });
}

/** `Validation Error: rows: Must be less than or equal to 1000`, from CKAN's error object. */
function describe(error: CkanEnvelope['error']): string {
  if (!isObject(error)) return 'success:false';
  const type = typeof error.__type === 'string' ? error.__type : 'error';
  const details = Object.entries(error)
    .filter(([key]) => key !== '__type')
    .map(([key, value]) => (key === 'message' ? String(value) : `${key}: ${Array.isArray(value) ? value.join('; ') : String(value)}`));
  return details.length ? `${type}: ${details.join(', ').slice(0, 300)}` : type;
}

function badResponse(url: string, what: string): HarvestError {
  return new HarvestError('bad_response', `The CKAN API answered an unexpected shape (${what}) at ${url}.`, { url });
}

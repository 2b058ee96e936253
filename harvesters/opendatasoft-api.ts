/**
 * Talking to an OpenDataSoft Explore API v2.1: where it lives, its paging limits, and reading its
 * replies, including the `{error_code, message}` bodies it sends with 4xx and 5xx answers.
 */
import { ConfigError, HarvestError } from '../src/errors.js';
import type { StreamedBatch } from '../src/harvest/http.js';
import type { HarvestContext } from '../src/harvest/types.js';
import { isObject, parseJsonText, text } from './values.js';
import type { OdsCatalogPage, OdsErrorBody } from './opendatasoft-types.js';

/** The largest `limit` the catalog accepts: `limit=101` is a 400 InvalidRESTParameterError. */
export const MAX_LIMIT = 100;
/**
 * `offset + limit` must stay below this: the catalog cannot be paged past its first 9 999
 * datasets. Past it a run reads the catalog export instead, or fails (see `opendatasoft.ts`).
 */
export const PAGING_WINDOW = 10_000;

/** Where a portal's API and web pages live. */
export interface OdsSite {
  /** The site root, without a trailing slash: `https://datos.example.opendatasoft.com`. */
  root: string;
  /** `…/api/explore/v2.1/catalog/datasets`: the paged catalog. */
  datasets: string;
  /** `…/api/explore/v2.1/catalog/exports/json`: the whole catalog in one JSON array. */
  exportJson: string;
}

// `/api/…` (any Explore version), `/explore/…` (catalog and dataset pages), `/pages/…` (home).
const NON_ROOT_PATH = /\/(?:api|explore|pages)(?:\/.*)?$/;

/**
 * Reads a configured portal URL: a site root, an `/api/explore/v2.1` base, a full catalog URL or
 * a web page of the portal all name the same API. A query string or fragment is dropped.
 */
export function odsSite(portalUrl: string): OdsSite {
  if (!URL.canParse(portalUrl)) throw new ConfigError(`The portal URL "${portalUrl}" is not a valid URL.`);
  const url = new URL(portalUrl);
  const path = url.pathname.replace(NON_ROOT_PATH, '').replace(/\/+$/, '');
  const root = `${url.origin}${path}`;
  const api = `${root}/api/explore/v2.1/catalog`;
  return { root, datasets: `${api}/datasets`, exportJson: `${api}/exports/json` };
}

/** A dataset id as a path segment: ODS keeps the `@` of federated ids (`poblacion@inec`) as is. */
export function idSegment(datasetId: string): string {
  return encodeURIComponent(datasetId).replace(/%40/g, '@');
}

/** GETs JSON from the API, or throws a HarvestError that names the URL and ODS's own error. */
export async function callApi(ctx: HarvestContext, url: string): Promise<unknown> {
  let body: unknown;
  try {
    body = (await ctx.http.getJson(url, { signal: ctx.signal })).body;
  } catch (error) {
    ctx.signal.throwIfAborted();
    throw apiErrorFromStatus(error, url) ?? error;
  }
  // Some proxies in front of ODS answer its error body with 200.
  if (isErrorBody(body)) throw apiError(url, body, undefined);
  return body;
}

/** Checks the shape of a `/catalog/datasets` reply. */
export function catalogPage(url: string, body: unknown): OdsCatalogPage {
  if (!isObject(body)) throw badResponse(url, 'the reply is not a JSON object');
  if (!Array.isArray(body.results)) throw badResponse(url, '"results" is not a list');
  const total = body.total_count;
  if (total !== undefined && (typeof total !== 'number' || !Number.isFinite(total))) throw badResponse(url, '"total_count" is not a number');
  return body as OdsCatalogPage;
}

/** What is read of a `/catalog/exports/json` reply: each dataset of its list, or an error object's words. */
export const EXPORT_PATHS = { array: ['$.*'], object: ['$.error_code', '$.message'] };

/**
 * The datasets of one batch of a `/catalog/exports/json` reply, which is one JSON list; an ODS
 * error object (some proxies answer it with 200) or anything else is an error.
 */
export function exportItems(url: string, batch: StreamedBatch): unknown[] {
  if (batch.shape.root === 'array') return batch.values.map((v) => v.value);
  const body = Object.fromEntries(batch.values.map((v) => [v.keys[0], v.value]));
  throw isErrorBody(body) ? apiError(url, body, undefined) : badResponse(url, 'the catalog export is not a JSON list');
}

function isErrorBody(body: unknown): body is OdsErrorBody {
  return isObject(body) && typeof body.error_code === 'string' && !('results' in body);
}

/** For a non-2xx answer the HTTP client keeps the start of the body, where ODS puts its error. */
export function apiErrorFromStatus(error: unknown, url: string): HarvestError | undefined {
  if (!(error instanceof HarvestError) || error.code !== 'http_status' || error.body === undefined) return undefined;
  const body = parseJsonText(error.body);
  return isErrorBody(body) ? apiError(url, body, error) : undefined;
}

function apiError(url: string, body: OdsErrorBody, cause: HarvestError | undefined): HarvestError {
  const status = cause?.status;
  const http = status ? `HTTP ${status}, ` : '';
  const message = text(body.message)?.slice(0, 300);
  const what = message ? `${body.error_code}: ${message}` : String(body.error_code);
  return new HarvestError('api_error', `The OpenDataSoft API refused the request (${http}${what}) at ${url}.`, { url, status, cause });
}

function badResponse(url: string, what: string): HarvestError {
  return new HarvestError('bad_response', `The OpenDataSoft API answered an unexpected shape (${what}) at ${url}.`, { url });
}

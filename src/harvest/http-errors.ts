/** Every failure of a request as a HarvestError naming the URL (and the status and body an error answer had). */
import { CancelError, HTTPError, RequestError, TimeoutError, type BeforeRedirectHook } from 'got';
import { HarvestError } from '../errors.js';
import { decodeBody } from './http-body.js';
import { PRIVATE_ADDRESS_CODE } from '../links/address-policy.js';

/** The `code` of the error a redirect the caller's `redirectAllowed` refuses fails with. */
const REDIRECT_REFUSED_CODE = 'ERR_COSECHA_REDIRECT_REFUSED';
/** Requests Cosecha itself refused (invariant 7, or the caller's redirect rule). */
const REFUSALS = new Set([PRIVATE_ADDRESS_CODE, REDIRECT_REFUSED_CODE]);

/** How much of an error answer's body is kept for the harvester to read. */
const ERROR_BODY_CHARS = 8192;

/** A non-2xx answer: `rate_limited` for a 429, else `http_status`, keeping the start of its body. */
export function statusError(status: number, url: string, body: string, cause?: unknown): HarvestError {
  const code = status === 429 ? 'rate_limited' : 'http_status';
  return new HarvestError(code, `The portal answered HTTP ${status} at ${url}.`, { url, status, body: body.slice(0, ERROR_BODY_CHARS), cause });
}

export function toHarvestError(error: unknown, url: string, cap: number): HarvestError {
  if (error instanceof CancelError) {
    return new HarvestError('too_large', `The response from ${url} is larger than the ${cap}-byte cap.`, { url, cause: error });
  }
  if (error instanceof HTTPError) {
    const raw = error.response.body;
    const body = raw instanceof Uint8Array ? decodeBody(raw, String(error.response.headers['content-type'] ?? '')) : String(raw ?? '');
    return statusError(error.response.statusCode, url, body, error);
  }
  if (error instanceof TimeoutError) {
    return new HarvestError('timeout', `The request to ${url} timed out.`, { url, cause: error });
  }
  if (error instanceof RequestError && REFUSALS.has(error.code)) {
    const advice = error.code === PRIVATE_ADDRESS_CODE ? ' Harvested and redirected addresses must be public unless their host is the portal\'s own or is listed in linkAllowHosts.' : '';
    return new HarvestError('unsafe_url', `The request to ${url} was refused: ${error.message}${advice}`, { url, cause: error });
  }
  if (error instanceof RequestError) {
    const tls = /CERT|SSL|TLS|self[- ]signed/i.test(`${error.code} ${error.message}`);
    if (tls) return new HarvestError('tls_error', `The TLS certificate of ${url} was refused (${error.code}).`, { url, cause: error });
    return new HarvestError('unreachable', `The portal at ${url} could not be reached (${error.code}).`, { url, cause: error });
  }
  return new HarvestError('bad_response', `The request to ${url} failed: ${String(error)}.`, { url, cause: error });
}


/** Per-request hooks: the caller's say on where a redirect may lead (RequestOptions.redirectAllowed). */
export function redirectHooks(allowed: ((to: string) => boolean) | undefined) {
  if (!allowed) return undefined;
  const check: BeforeRedirectHook = (options) => {
    const to = String(options.url);
    if (!allowed(to)) throw coded(`The answer redirects to ${to}, which this request may not follow.`, REDIRECT_REFUSED_CODE);
  };
  return { beforeRedirect: [check] };
}

/** An Error with a `code`, which got keeps on the RequestError it wraps it in. */
export function coded(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

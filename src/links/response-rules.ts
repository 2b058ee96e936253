/**
 * How one HTTP answer or one transport error reads as an attempt (QUALITY.md, link checks, 2–4).
 * Pure: the probe does the I/O and hands its answers here.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { FORMATS } from '../dcat/vocabularies/formats.js';
import { PRIVATE_ADDRESS_CODE } from './address-policy.js';
import type { LinkErrorCode, Observation } from './types.js';

/** One final (non-redirect) answer as the probe saw it. */
export interface HttpAnswer {
  method: 'HEAD' | 'GET';
  status: number;
  headers: IncomingHttpHeaders;
  /** The URL that gave this answer (after redirects). */
  url: string;
  /** The first bytes of the body (GET only), enough to recognise a firewall page. */
  bodyStart?: string;
}

/** HEAD answers that say more about the server's HEAD handling than about the file. */
const GET_AFTER_HEAD = new Set([403, 404, 405, 501]);

export const isRedirect = (status: number): boolean => [301, 302, 303, 307, 308].includes(status);
const isSuccess = (status: number): boolean => status >= 200 && status < 300;

/** True when a HEAD answer should be checked again with a ranged GET. */
export function needsGet(answer: HttpAnswer): boolean {
  if (GET_AFTER_HEAD.has(answer.status)) return true;
  const useless = answer.headers['content-type'] === undefined && answer.headers['content-length'] === undefined;
  return isSuccess(answer.status) && useless;
}

/**
 * Bot walls and captchas. Headers first (Cloudflare's and AWS WAF's own); body markers only on
 * error answers, because an ordinary page may well carry a captcha in a contact form.
 */
const FIREWALL_HEADERS = ['cf-mitigated', 'x-amzn-waf-action'];
const FIREWALL_BODY =
  /captcha|challenge-platform|cf-chl-|<title>just a moment|attention required!|_incapsula_resource|incapsula incident|request unsuccessful\. incapsula|sucuri website firewall|the requested url was rejected|ddos-guard|verify you are human|access denied[\s\S]{0,400}reference #/i;

export function isFirewallAnswer(answer: HttpAnswer): boolean {
  if (FIREWALL_HEADERS.some((name) => answer.headers[name] !== undefined)) return true;
  return answer.status >= 400 && answer.bodyStart !== undefined && FIREWALL_BODY.test(answer.bodyStart);
}

/** Declared formats whose files have a media type other than HTML (services and HTML itself excluded). */
const FILE_FORMATS: ReadonlySet<string> = new Set(
  FORMATS.filter((f) => f.mediaType !== undefined && !isHtmlType(f.mediaType)).map((f) => f.code),
);

function isHtmlType(contentType: string): boolean {
  const type = contentType.split(';')[0].trim().toLowerCase();
  return type === 'text/html' || type === 'application/xhtml+xml';
}

/** `html_instead_of_<format>` when HTML came where a file format was declared. */
export function htmlInsteadOf(declaredFormat: string | undefined, contentType: string | undefined): string | undefined {
  const code = declaredFormat?.trim().toUpperCase();
  if (code === undefined || contentType === undefined || !FILE_FORMATS.has(code) || !isHtmlType(contentType)) return undefined;
  return `html_instead_of_${code.toLowerCase()}`;
}

const nonNegativeInteger = (text: string | undefined): number | undefined =>
  text !== undefined && /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;

/** The size of the whole file: a ranged answer carries it in Content-Range, not Content-Length. */
export function contentLengthOf(answer: HttpAnswer): number | undefined {
  if (answer.status === 206 || answer.status === 416) {
    return nonNegativeInteger(/\/\s*(\d+)\s*$/.exec(answer.headers['content-range'] ?? '')?.[1]);
  }
  return nonNegativeInteger(answer.headers['content-length']);
}

/** Retry-After in ms from `nowMs`: delay-seconds or an HTTP date; undefined when unreadable. */
export function retryAfterMs(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const seconds = nonNegativeInteger(value);
  if (seconds !== undefined) return seconds * 1000;
  // Every HTTP-date form starts with the day's name; V8 would read "-5" or "1.5" as dates too.
  const date = /^\s*[a-z]{3}/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The attempt a final answer makes, with the response fields to store. */
export function observeAnswer(answer: HttpAnswer, declaredFormat: string | undefined): Observation {
  const contentType = header(answer.headers, 'content-type');
  const fields: Observation = {
    outcome: 'failed',
    httpStatus: answer.status,
    finalUrl: answer.url,
    contentType,
    contentLength: contentLengthOf(answer),
    lastModified: header(answer.headers, 'last-modified'),
    etag: header(answer.headers, 'etag'),
  };
  // 416 to a ranged GET: the file exists but is shorter than the range (empty).
  if (isSuccess(answer.status) || (answer.status === 416 && answer.method === 'GET')) {
    const flag = htmlInsteadOf(declaredFormat, contentType);
    return { ...fields, outcome: 'ok', flags: flag === undefined ? [] : [flag] };
  }
  if (answer.status === 429) return { ...fields, outcome: 'unknown', error: 'rate_limited' };
  if (answer.status === 408) return { ...fields, outcome: 'unknown', error: 'timeout' };
  if (isFirewallAnswer(answer)) return { ...fields, outcome: 'unknown', error: 'firewall' };
  return { ...fields, error: 'http_status' };
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'ENODATA', 'ESERVFAIL', 'EREFUSED', 'ENOTIMP']);
const TLS_CODE = /^(CERT_|UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|ERR_TLS_|ERR_SSL_|HOSTNAME_MISMATCH|EPROTO$)/;

/**
 * The attempt a transport error makes. Only a refused connection is a failure: DNS, TLS,
 * timeouts, resets and unreachable networks may be the checker's own trouble, so they are unknown.
 */
export function observeError(code: string | undefined): Observation {
  const unknown = (error: LinkErrorCode): Observation => ({ outcome: 'unknown', error });
  if (code === PRIVATE_ADDRESS_CODE) return { outcome: 'refused', error: 'private_address' };
  if (code === 'ECONNREFUSED') return { outcome: 'failed', error: 'connection_refused' };
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') return unknown('timeout');
  if (code !== undefined && DNS_CODES.has(code)) return unknown('dns_failure');
  if (code !== undefined && TLS_CODE.test(code)) return unknown('tls_error');
  return unknown('network_error');
}

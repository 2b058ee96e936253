/**
 * The HTTP client a harvester receives: one got instance per portal (timeouts, retries on 429/5xx
 * honouring Retry-After, User-Agent naming Cosecha, TLS override) and one p-queue per host
 * (concurrency and interval). Every failure becomes a HarvestError naming the URL.
 */
import got, { type Got, RequestError, HTTPError, TimeoutError, CancelError } from 'got';
import PQueue from 'p-queue';
import { HarvestError } from '../errors.js';
import type { Politeness } from '../config-types.js';

export interface HttpOptions {
  /** Per-request timeout in ms. */
  timeoutMs: number;
  /** Largest body accepted, in bytes. */
  maxResponseBytes: number;
  /** Retries after the first attempt for 408/429/5xx and network errors. */
  retries: number;
  /** Upper bound of the exponential backoff between retries, in ms. */
  backoffLimitMs: number;
  /** Longest Retry-After honoured, in ms; a longer one fails the request. */
  maxRetryAfterMs: number;
  userAgent: string;
  /** Accept invalid TLS certificates. */
  insecure: boolean;
  politeness: Politeness;
}

export interface TextResponse {
  /** The final URL after redirects. */
  url: string;
  status: number;
  contentType: string;
  body: string;
}

export interface JsonResponse<T = unknown> {
  url: string;
  body: T;
}

export interface RequestOptions {
  searchParams?: Record<string, string | number>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface HttpClient {
  /** GET a text body (any 2xx). */
  getText(url: string, options?: RequestOptions): Promise<TextResponse>;
  /** GET and parse JSON; HTML or an empty body where JSON was asked for is a HarvestError. */
  getJson<T = unknown>(url: string, options?: RequestOptions): Promise<JsonResponse<T>>;
}

/** One p-queue per host, shared by every client of a process so that portals on one host share the limit. */
export class HostQueues {
  private readonly queues = new Map<string, PQueue>();
  forHost(host: string, politeness: Politeness): PQueue {
    let queue = this.queues.get(host);
    if (!queue) {
      queue = new PQueue({ concurrency: politeness.concurrency, interval: politeness.intervalMs, intervalCap: 1 });
      this.queues.set(host, queue);
    }
    return queue;
  }
}

export function createHttpClient(options: HttpOptions, queues = new HostQueues()): HttpClient {
  const instance: Got = got.extend({
    timeout: { request: options.timeoutMs },
    retry: {
      limit: options.retries,
      methods: ['GET', 'HEAD'],
      backoffLimit: options.backoffLimitMs,
      maxRetryAfter: options.maxRetryAfterMs,
    },
    headers: { 'user-agent': options.userAgent, accept: 'application/json, text/html;q=0.5, */*;q=0.1' },
    https: { rejectUnauthorized: !options.insecure },
    throwHttpErrors: true,
    followRedirect: true,
    decompress: true,
  });

  async function getText(url: string, request: RequestOptions = {}): Promise<TextResponse> {
    const queue = queues.forHost(new URL(url).host, options.politeness);
    return queue.add(() => fetchText(instance, url, request, options.maxResponseBytes));
  }

  async function getJson<T>(url: string, request: RequestOptions = {}): Promise<JsonResponse<T>> {
    const response = await getText(url, { ...request, headers: { accept: 'application/json', ...request.headers } });
    return { url: response.url, body: parseJson<T>(response) };
  }

  return { getText, getJson };
}

async function fetchText(instance: Got, url: string, request: RequestOptions, cap: number): Promise<TextResponse> {
  const promise = instance.get(url, { searchParams: request.searchParams, headers: request.headers, signal: request.signal, responseType: 'buffer' });
  promise.on('downloadProgress', (progress) => {
    if (progress.transferred > cap || (progress.total ?? 0) > cap) promise.cancel();
  });
  try {
    const response = await promise;
    const contentType = String(response.headers['content-type'] ?? '');
    return { url: response.url, status: response.statusCode, contentType, body: decodeBody(response.body, contentType) };
  } catch (error) {
    throw toHarvestError(error, fullUrl(url, request.searchParams), cap);
  }
}

/**
 * The body as text in the encoding it declares: the Content-Type charset, else an XML
 * declaration's or an HTML meta's, else UTF-8. Municipal sites and SDIs still serve ISO-8859-1.
 */
export function decodeBody(bytes: Uint8Array, contentType: string): string {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const label =
    /charset=["']?([\w.:-]+)/i.exec(contentType)?.[1] ??
    /^\s*<\?xml[^>]*encoding=["']([\w.:-]+)/i.exec(head)?.[1] ??
    /<meta[^>]+charset=["']?([\w.:-]+)/i.exec(head)?.[1];
  try {
    return new TextDecoder(label ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes); // an encoding name no decoder knows
  }
}

function fullUrl(url: string, params?: Record<string, string | number>): string {
  if (!params) return url;
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, String(v));
  return u.toString();
}

/** Reads a JSON body, naming what came instead when it is not JSON. */
export function parseJson<T>(response: TextResponse): T {
  const text = response.body.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    throw new HarvestError('empty_body', `The portal answered an empty body at ${response.url}.`, { url: response.url });
  }
  if (/^\s*</.test(text) || response.contentType.includes('text/html')) {
    throw new HarvestError('not_json', `The portal answered HTML instead of JSON at ${response.url}.`, { url: response.url });
  }
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    throw new HarvestError('not_json', `The portal answered malformed JSON at ${response.url}.`, { url: response.url, cause });
  }
}

/** How much of an error answer's body is kept for the harvester to read. */
const ERROR_BODY_CHARS = 8192;

function toHarvestError(error: unknown, url: string, cap: number): HarvestError {
  if (error instanceof CancelError) {
    return new HarvestError('too_large', `The response from ${url} is larger than the ${cap}-byte cap.`, { url, cause: error });
  }
  if (error instanceof HTTPError) {
    const status = error.response.statusCode;
    const code = status === 429 ? 'rate_limited' : 'http_status';
    const raw = error.response.body;
    const body = (raw instanceof Uint8Array ? decodeBody(raw, String(error.response.headers['content-type'] ?? '')) : String(raw ?? '')).slice(0, ERROR_BODY_CHARS);
    return new HarvestError(code, `The portal answered HTTP ${status} at ${url}.`, { url, status, body, cause: error });
  }
  if (error instanceof TimeoutError) {
    return new HarvestError('timeout', `The request to ${url} timed out.`, { url, cause: error });
  }
  if (error instanceof RequestError) {
    const tls = /CERT|SSL|TLS|self[- ]signed/i.test(`${error.code} ${error.message}`);
    if (tls) return new HarvestError('tls_error', `The TLS certificate of ${url} was refused (${error.code}).`, { url, cause: error });
    return new HarvestError('unreachable', `The portal at ${url} could not be reached (${error.code}).`, { url, cause: error });
  }
  return new HarvestError('bad_response', `The request to ${url} failed: ${String(error)}.`, { url, cause: error });
}

/**
 * The HTTP client a harvester receives: one got instance per portal (timeouts, retries on 429/5xx
 * honouring Retry-After, User-Agent naming Cosecha, TLS override) and one p-queue per host
 * (concurrency and interval). Every failure becomes a HarvestError naming the URL.
 *
 * With a `guard` (the container always sets one), a request or redirect to a private, loopback or
 * link-local address is refused unless its host is allowed (DESIGN.md, invariant 7): harvesters
 * follow URLs that harvested content and API answers name, and a portal decides where it redirects.
 */
import got, { type BeforeRequestHook, type Got } from 'got';
import PQueue from 'p-queue';
import type { Politeness } from '../config-types.js';
import { decodeBody, parseJson } from './http-body.js';
import { coded, redirectHooks, toHarvestError } from './http-errors.js';
import { withParams } from './url-params.js';
import { streamJsonValues, type StreamedBatch, type StreamRequest } from './json-stream.js';
import { guardedLookup, hostnameOf, isRefusedLiteral, PRIVATE_ADDRESS_CODE, systemResolver, type Resolver } from '../links/address-policy.js';

export { decodeBody, parseJson } from './http-body.js';
export type { DocumentShape, StreamedBatch, StreamedValue, StreamRequest } from './json-stream.js';

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
  /** Refuse non-public addresses (invariant 7); left out only by tests and benchmarks. */
  guard?: AddressGuard;
}

export interface AddressGuard {
  /** Hosts that may resolve to a private address: the portal's own, and `linkAllowHosts`. */
  allowHosts: readonly string[];
  /** Resolves host names; default: the system's resolver. */
  resolver?: Resolver;
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
  /** Whether a redirect to this URL may be followed; a refused one fails with `unsafe_url` before it is requested. */
  redirectAllowed?: (to: string) => boolean;
}


export interface HttpClient {
  /** GET a text body (any 2xx). */
  getText(url: string, options?: RequestOptions): Promise<TextResponse>;
  /** GET and parse JSON; HTML or an empty body where JSON was asked for is a HarvestError. */
  getJson<T = unknown>(url: string, options?: RequestOptions): Promise<JsonResponse<T>>;
  /**
   * GET a JSON document and read it while it downloads: the values at `options.paths`, in
   * batches, in document order (harvest/json-stream.ts). For catalogs too big to hold whole. The
   * host's slot is held until the generator ends, so finish or `return()` it.
   */
  streamJson(url: string, options: StreamRequest): AsyncGenerator<StreamedBatch>;
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
    ...(options.guard && guarded(options.guard)),
  });

  async function getText(url: string, request: RequestOptions = {}): Promise<TextResponse> {
    const queue = queues.forHost(new URL(url).host, options.politeness);
    return queue.add(() => fetchText(instance, url, request, options.maxResponseBytes));
  }

  async function getJson<T>(url: string, request: RequestOptions = {}): Promise<JsonResponse<T>> {
    const response = await getText(url, { ...request, headers: { accept: 'application/json', ...request.headers } });
    return { url: response.url, body: parseJson<T>(response) };
  }

  async function* streamJson(url: string, request: StreamRequest): AsyncGenerator<StreamedBatch> {
    const queue = queues.forHost(new URL(url).host, options.politeness);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await new Promise<void>((started) => void queue.add(() => (started(), held)));
    try {
      const limits = { ...options, cap: options.maxResponseBytes };
      yield* streamJsonValues(instance, url, request, limits);
    } finally {
      release();
    }
  }

  return { getText, getJson, streamJson };
}

/** got options that refuse non-public addresses outside `allowHosts`: names at connection time, IP literals before each request and redirect. */
function guarded({ allowHosts, resolver = systemResolver }: AddressGuard) {
  const refuseLiteral: BeforeRequestHook = (options) => {
    const url = new URL(String(options.url));
    if (isRefusedLiteral(url, allowHosts)) throw coded(`${hostnameOf(url)} is a non-public address.`, PRIVATE_ADDRESS_CODE);
  };
  return { dnsLookup: guardedLookup(resolver, allowHosts), hooks: { beforeRequest: [refuseLiteral] } };
}

async function fetchText(instance: Got, url: string, request: RequestOptions, cap: number): Promise<TextResponse> {
  const promise = instance.get(url, {
    searchParams: request.searchParams,
    headers: request.headers,
    signal: request.signal,
    responseType: 'buffer',
    hooks: redirectHooks(request.redirectAllowed),
  });
  promise.on('downloadProgress', (progress) => {
    if (progress.transferred > cap || (progress.total ?? 0) > cap) promise.cancel();
  });
  try {
    const response = await promise;
    const contentType = String(response.headers['content-type'] ?? '');
    return { url: response.url, status: response.statusCode, contentType, body: decodeBody(response.body, contentType) };
  } catch (error) {
    throw toHarvestError(error, withParams(url, request.searchParams), cap);
  }
}

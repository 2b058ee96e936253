/**
 * One look at a URL (QUALITY.md, link checks, 1–3): HEAD, then a ranged GET when HEAD says little,
 * each following redirects itself so that every hop passes the address policy and the host gate.
 * Never throws for a network problem; only an abort rejects.
 */
import { once } from 'node:events';
import got, { type Got, type Response } from 'got';
import { guardedLookup, hostnameOf, isRefusedLiteral } from './address-policy.js';
import type { HostGate } from './host-gate.js';
import type { ResolvedLinkCheckOptions } from './options.js';
import { isRedirect, needsGet, observeAnswer, observeError, retryAfterMs, type HttpAnswer } from './response-rules.js';
import type { LinkTarget, Observation } from './types.js';

/** Bytes of a GET body read (and asked for with Range): enough to recognise a firewall page. */
const BODY_BYTES = 1024;

/** Looks at one target; `signal` (default: the options' signal) stops it. */
export type Probe = (target: LinkTarget, signal?: AbortSignal) => Promise<Observation>;

/** Where a chain of requests ended: a final answer, or an attempt that needs no answer to judge. */
type Ending = { answer: HttpAnswer } | { observation: Observation };

/**
 * A URL the checker may request: http(s), a host, no whitespace. The WHATWG parser would repair
 * `http:///x` or `http:x` into `http://x/`; as written they have no host, so they are refused.
 */
export function parseTargetUrl(text: string, base?: URL): URL | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return undefined;
  const absolute = /^[a-z][a-z\d+.-]*:/i.test(trimmed);
  if ((absolute || base === undefined) && !/^https?:\/\/[^/\\?#]/i.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed, base);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? url : undefined;
  } catch {
    return undefined;
  }
}

export function createProbe(options: ResolvedLinkCheckOptions, gate: HostGate): Probe {
  const client = got.extend({
    timeout: { request: options.timeoutMs },
    retry: { limit: 0 },
    followRedirect: false,
    throwHttpErrors: false,
    // The identity encoding keeps Content-Length the file's size and lets a ranged GET mean bytes.
    decompress: false,
    dnsLookup: guardedLookup(options.resolver, options.allowHosts),
    headers: { 'user-agent': options.userAgent, accept: '*/*', 'accept-encoding': 'identity' },
  });

  /** Sends one request when the host's turn comes; a Retry-After holds the host's later requests. */
  async function send(url: URL, method: HttpAnswer['method'], signal: AbortSignal | undefined): Promise<Ending> {
    const host = hostnameOf(url);
    return gate.run(
      host,
      async () => {
        try {
          const answer = await request(client, url, method, signal);
          const wait = retryAfterMs(headerText(answer.headers['retry-after']), Date.now());
          if (wait !== undefined) gate.defer(host, wait);
          return { answer };
        } catch (error) {
          if (signal?.aborted) throw signal.reason;
          return { observation: { ...observeError((error as { code?: string }).code), finalUrl: url.href } };
        }
      },
      signal,
    );
  }

  async function follow(start: URL, method: HttpAnswer['method'], signal: AbortSignal | undefined): Promise<Ending> {
    let url = start;
    for (let redirects = 0; ; redirects++) {
      if (isRefusedLiteral(url, options.allowHosts)) return { observation: { outcome: 'refused', error: 'private_address', finalUrl: url.href } };
      const ending = await send(url, method, signal);
      if (!('answer' in ending) || !isRedirect(ending.answer.status)) return ending;
      const status = ending.answer.status;
      const location = headerText(ending.answer.headers.location);
      const next = location === undefined ? undefined : parseTargetUrl(location, url);
      if (next === undefined) return { observation: { outcome: 'failed', error: 'bad_redirect', httpStatus: status, finalUrl: url.href } };
      if (redirects >= options.maxRedirects) {
        return { observation: { outcome: 'failed', error: 'too_many_redirects', httpStatus: status, finalUrl: url.href } };
      }
      url = next;
    }
  }

  const observe = (ending: Ending, format: string | undefined): Observation =>
    'answer' in ending ? observeAnswer(ending.answer, format) : ending.observation;

  return async (target, signal = options.signal) => {
    const start = parseTargetUrl(target.url);
    if (start === undefined) return { outcome: 'failed', error: 'invalid_url' };
    const head = await follow(start, 'HEAD', signal);
    const retry = 'answer' in head ? needsGet(head.answer) : head.observation.error === 'timeout';
    if (!retry) return observe(head, target.format);
    // The GET starts over from the target: servers often redirect GET elsewhere than HEAD.
    const get = observe(await follow(start, 'GET', signal), target.format);
    const headSaid = observe(head, target.format);
    // A HEAD that answered 2xx already proved the file is there; the GET was for its headers.
    return headSaid.outcome === 'ok' && get.outcome !== 'ok' ? headSaid : get;
  };
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** One request without redirects: the status and headers, and for a GET that failed the first bytes of the body. */
async function request(client: Got, url: URL, method: HttpAnswer['method'], signal?: AbortSignal): Promise<HttpAnswer> {
  const headers = method === 'GET' ? { range: `bytes=0-${BODY_BYTES - 1}` } : {};
  const stream = client.stream(url, { method, headers, signal });
  try {
    const [response] = (await once(stream, 'response')) as [Response];
    const answer: HttpAnswer = { method, status: response.statusCode, headers: response.headers, url: response.url };
    // Only an error page's body is read, to tell a firewall from the server; a file's is left unread.
    if (method === 'GET' && answer.status >= 400) answer.bodyStart = await readStart(stream);
    return answer;
  } finally {
    // A stream destroyed early may still report the interruption: nobody needs to hear it.
    stream.on('error', () => undefined);
    stream.destroy();
  }
}

/** Reads at most BODY_BYTES (a server may ignore Range and send the whole file); a read error keeps what came. */
async function readStart(stream: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= BODY_BYTES) break;
    }
  } catch {
    // The status and headers already answer the check.
  }
  return Buffer.concat(chunks).subarray(0, BODY_BYTES).toString('latin1');
}

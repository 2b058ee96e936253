/**
 * Reading a big JSON document while it downloads (HARVESTING.md: "Large: stream and cap its size").
 * A data.json or an OpenDataSoft export can hold tens of thousands of datasets in one body; here
 * the values at the asked-for paths are handed over in batches as they arrive, and each is dropped
 * from the parser once handed over, so memory holds one batch whatever the document's size. The
 * size cap still bounds the whole body, and the batches wait for the reader (backpressure).
 *
 * Until the first batch is handed over, a failure that may pass (408, 429, 5xx, a timeout, a
 * dropped connection) is retried as the buffered requests are: Retry-After honoured up to its
 * limit, else an exponential backoff. After that a failure ends the listing with a HarvestError.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { RequestError, type Got, type Request } from 'got';
import { Tokenizer, TokenizerError, TokenParser, TokenParserError, TokenType, type ParsedTokenInfo } from '@streamparser/json';
import { HarvestError } from '../errors.js';
import { redirectHooks, statusError, toHarvestError } from './http-errors.js';
import { withParams } from './url-params.js';
import type { RequestOptions } from './http.js';

/** One value found at one of the paths asked for. */
export interface StreamedValue {
  value: unknown;
  /** Where it was: the keys from the document's root, e.g. `['dataset', 12]`. */
  keys: (string | number)[];
}

export interface StreamedBatch {
  /** The final URL, after redirects. */
  url: string;
  values: StreamedValue[];
  /** Bytes of the body received so far (all of it, in the last batch). */
  bytes: number;
  /** What the document is, as far as it has been read. */
  shape: DocumentShape;
}

export type JsonKind = 'object' | 'array' | 'scalar';

/** The outline of a document: enough to tell a catalog from an error object. */
export interface DocumentShape {
  /** The kind of the top-level value, once its first token is read. */
  root?: JsonKind;
  /** The kind of each member of a top-level object, by name, as far as read. */
  members: Record<string, JsonKind>;
}

export interface StreamRequest extends RequestOptions {
  /**
   * The values wanted, as JSONPath (`$.dataset.*`: each dataset; `$.*`: each item), by the kind
   * of the top-level value. Ask for leaves only: a value whose container is also asked for stays
   * in memory until the container ends.
   */
  paths: { object?: string[]; array?: string[] };
  /** Values per batch; default 100. */
  batchSize?: number;
}

export interface StreamLimits {
  /** Largest body accepted, in bytes. */
  cap: number;
  /** Idle time allowed, in ms: before the answer starts, and between two chunks of it. */
  timeoutMs: number;
  retries: number;
  backoffLimitMs: number;
  maxRetryAfterMs: number;
}

const DEFAULT_BATCH = 100;
/** Statuses worth asking again for, as for the buffered requests (got's defaults). */
const RETRIED_STATUSES = new Set([408, 413, 429, 500, 502, 503, 504, 521, 522, 524]);

export async function* streamJsonValues(instance: Got, url: string, request: StreamRequest, limits: StreamLimits): AsyncGenerator<StreamedBatch> {
  const address = withParams(url, request.searchParams);
  for (let attempt = 0; ; attempt++) {
    const stream = instance.stream(url, {
      searchParams: request.searchParams,
      headers: { accept: 'application/json', ...request.headers },
      signal: request.signal,
      throwHttpErrors: false,
      retry: { limit: 0 },
      timeout: { request: undefined, response: limits.timeoutMs, socket: limits.timeoutMs },
      hooks: redirectHooks(request.redirectAllowed),
    });
    try {
      const answer = await answerOf(stream, address, limits.cap);
      if ('error' in answer) {
        const wait = retryDelay(answer, attempt, limits);
        if (wait === undefined) throw answer.error;
        await sleep(wait, undefined, { signal: request.signal });
        continue;
      }
      yield* readValues(stream, answer, address, request, limits.cap);
      return;
    } finally {
      stream.destroy();
    }
  }
}

interface Answer {
  /** The final URL, after redirects. */
  url: string;
  contentType: string;
}

/** A failure before the body, which another attempt might not meet. */
interface Refusal {
  error: HarvestError;
  retryAfter?: string;
}

/** The answer's head once it arrives, or why there is none. */
async function answerOf(stream: Request, url: string, cap: number): Promise<Answer | Refusal> {
  let response;
  try {
    response = await new Promise<NonNullable<Request['response']>>((resolve, reject) => {
      stream.once('response', resolve);
      stream.once('error', reject);
    });
  } catch (error) {
    return { error: toHarvestError(error, url, cap) };
  }
  const contentType = String(response.headers['content-type'] ?? '');
  if (response.statusCode >= 300) {
    const body = await prefix(stream, 8192);
    const error = statusError(response.statusCode, url, new TextDecoder().decode(body));
    return { error, retryAfter: String(response.headers['retry-after'] ?? '') || undefined };
  }
  if (Number(response.headers['content-length'] ?? 0) > cap) {
    throw new HarvestError('too_large', `The response from ${url} is larger than the ${cap}-byte cap.`, { url });
  }
  return { url: response.url, contentType };
}

/**
 * Parses the body chunk by chunk, handing over a batch whenever one is full; the last batch,
 * possibly empty, is handed over when the document ends.
 */
async function* readValues(stream: Request, answer: Answer, url: string, request: StreamRequest, cap: number): AsyncGenerator<StreamedBatch> {
  const size = request.batchSize ?? DEFAULT_BATCH;
  const parser = new DocumentParser(request.paths);
  const decoder = new TextDecoder(charsetOf(answer.contentType));
  let received = 0;
  let started = false;
  const batch = (values: StreamedValue[]): StreamedBatch => ({ url: answer.url, values, bytes: received, shape: parser.shape });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      received += chunk.length;
      if (received > cap) throw new HarvestError('too_large', `The response from ${url} is larger than the ${cap}-byte cap.`, { url });
      const text = decoder.decode(chunk, { stream: true });
      if (!started && text.trim() !== '') {
        started = true;
        refuseNonJson(text, answer, url);
      }
      if (started) parser.write(text);
      while (parser.pending.length >= size) yield batch(parser.take(size));
    }
    if (!started) throw new HarvestError('empty_body', `The portal answered an empty body at ${url}.`, { url });
    parser.end(decoder.decode());
  } catch (error) {
    if (error instanceof RequestError && !request.signal?.aborted) throw toHarvestError(error, url, cap);
    if (!(error instanceof TokenizerError || error instanceof TokenParserError)) throw error;
    throw new HarvestError('not_json', `The portal answered malformed JSON at ${url} (after ${received} bytes).`, { url, cause: error });
  }
  while (parser.pending.length > size) yield batch(parser.take(size));
  yield batch(parser.take(size));
}

/**
 * A tokenizer that notes the document's shape, feeding a token parser made once the root's kind
 * is known (so the paths asked for can depend on it). Emitted values wait in `pending`.
 */
class DocumentParser {
  readonly shape: DocumentShape = { members: {} };
  readonly pending: StreamedValue[] = [];
  private readonly tokenizer = new Tokenizer();
  private parser?: TokenParser;
  private depth = 0;
  /** The top-level member whose name was read and whose value comes next. */
  private member?: string;
  private awaitingValue = false;

  constructor(private readonly paths: StreamRequest['paths']) {
    this.tokenizer.onToken = (token) => this.onToken(token);
  }

  write(text: string): void {
    this.tokenizer.write(text);
  }

  /** Ends the document; throws when it is incomplete. */
  end(rest: string): void {
    if (rest) this.tokenizer.write(rest);
    if (this.depth !== 0 || this.shape.root === undefined) throw new TokenParserError('Unexpected end of the JSON document.');
    if (!this.tokenizer.isEnded) this.tokenizer.end();
  }

  /** The first `count` values waiting, removed. */
  take(count: number): StreamedValue[] {
    return this.pending.splice(0, count);
  }

  private onToken(info: ParsedTokenInfo): void {
    const { token } = info;
    if (this.shape.root === undefined) this.begin(kindOf(token));
    else if (this.depth === 1 && this.shape.root === 'object') this.noteMember(info);
    if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) this.depth += 1;
    if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) this.depth -= 1;
    this.parser?.write(info);
  }

  /** Inside the top-level object: `name : value , …`. */
  private noteMember({ token, value }: ParsedTokenInfo): void {
    if (token === TokenType.COLON) this.awaitingValue = true;
    else if (this.awaitingValue && this.member !== undefined) {
      this.shape.members[this.member] = kindOf(token);
      this.member = undefined;
      this.awaitingValue = false;
    } else if (token === TokenType.STRING) this.member = value as string;
  }

  private begin(root: JsonKind): void {
    this.shape.root = root;
    const paths = root === 'scalar' ? undefined : this.paths[root];
    if (!paths?.length) return;
    this.parser = new TokenParser({ paths, keepStack: false });
    this.parser.onValue = ({ value, key, stack }) => {
      this.pending.push({ value, keys: [...stack.slice(1).map((s) => s.key as string | number), key as string | number] });
    };
    this.parser.onError = (error) => {
      throw error;
    };
  }
}

function kindOf(token: TokenType): JsonKind {
  return token === TokenType.LEFT_BRACE ? 'object' : token === TokenType.LEFT_BRACKET ? 'array' : 'scalar';
}

/** HTML (an error page, a login wall) where JSON was asked for. */
function refuseNonJson(start: string, answer: Answer, url: string): void {
  if (/^\s*</.test(start) || answer.contentType.includes('text/html')) {
    throw new HarvestError('not_json', `The portal answered HTML instead of JSON at ${url}.`, { url });
  }
}

/** The declared charset when it is one TextDecoder knows, else UTF-8 (JSON's own encoding). */
function charsetOf(contentType: string): string {
  const label = /charset=["']?([\w.:-]+)/i.exec(contentType)?.[1];
  try {
    return label ? new TextDecoder(label).encoding : 'utf-8';
  } catch {
    return 'utf-8';
  }
}

/** The first `max` bytes of a body (an error answer's, to name what the portal said). */
async function prefix(stream: Request, max: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    length += chunk.length;
    if (length >= max) break;
  }
  return Buffer.concat(chunks).subarray(0, max);
}

/** How long to wait before the next attempt, or undefined when the failure is final. */
function retryDelay({ error, retryAfter }: Refusal, attempt: number, limits: StreamLimits): number | undefined {
  const passing = error.status === undefined ? ['timeout', 'unreachable'].includes(error.code) : RETRIED_STATUSES.has(error.status);
  if (!passing || attempt >= limits.retries) return undefined;
  const asked = retryAfterMs(retryAfter);
  if (asked !== undefined) return asked <= limits.maxRetryAfterMs ? asked : undefined;
  return Math.min(limits.backoffLimitMs, 1000 * 2 ** attempt);
}

/** Retry-After in seconds or as an HTTP date, in ms from now. */
function retryAfterMs(value: string | undefined): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

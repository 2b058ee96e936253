/**
 * A small fake Socrata portal on 127.0.0.1 for tests and the offline demo: the Discovery API
 * (`/api/catalog/v1`) as a portal's own host serves it, and `/data.json`. It keeps the API's
 * paging rules strictly: `offset + limit` may not pass 10,000; `scroll_id` returns the records
 * after that id in id order and refuses `order` (and, in this fake, `offset`); without
 * `order=dataset_id` offset pages come in another order (here: descending id), so a client that
 * mixes the two orders loses records. Only `domains=<its domain>` matches anything. Federated
 * copies are in the catalog, as a domain's own search lists them. Faults can be injected per request.
 */
import type { Request, Response } from 'express';
import type { AddressInfo } from 'node:net';
import { recordingApp, closeServer, listen, sendJson, queryParams, integer, sleep, statusFault, type JsonApiFault } from './fake-http.js';
import type { FakeRecord, SyntheticCatalog } from './socrata-synthetic.js';

export type { FakeRecord, SyntheticCatalog } from './socrata-synthetic.js';
export { syntheticCatalog, syntheticRecord, syntheticId } from './socrata-synthetic.js';

/** The API's offset window. */
export const OFFSET_WINDOW = 10_000;

/**
 * What to do with one request instead of answering it normally:
 * - `html`: 200 with an HTML page (a maintenance page, or a host that is not Socrata).
 * - `status:N` / `status:N:retry-after=S`: status N with Discovery's `{"error": …}` body (and a Retry-After).
 * - `empty`: 200 with an empty body. `bad_json`: 200 with truncated JSON.
 * - `results_not_array`: 200, `results` is a string. `error_200`: 200 with only `{"error": …}`.
 * - `timeout`: never answers. `delay:MS`: answers normally after MS milliseconds.
 * - `repeat_previous_page`: the catalog answers the body it sent last.
 * - `scroll_restart`: a `scroll_id` request is answered from the start of the catalog (the scroll goes back).
 */
export type SocrataFault = JsonApiFault | 'results_not_array' | 'error_200' | 'scroll_restart';

export interface SocrataFaultRequest {
  /** `catalog` (the Discovery API) or `data.json`. */
  path: 'catalog' | 'data.json';
  url: string;
  /** Query parameters (first value of each). */
  params: Record<string, string>;
}

/** Decides the fault of one request; `n` counts requests to the same path, from 1. */
export type SocrataFaultHook = (request: SocrataFaultRequest, n: number) => SocrataFault | undefined;

export interface SocrataServerOptions {
  /** The portal's domain: the only `domains` value that matches. Default `www.datos.gov.co`. */
  domain?: string;
  /** A list (served sorted by `resource.id`) or a synthetic catalog whose ids grow with the index. */
  records: readonly FakeRecord[] | SyntheticCatalog;
  /** False: `/api/catalog/v1` answers 404 with an HTML page, as a portal without the API does. Default true. */
  discovery?: boolean;
  /** The document served at `/data.json`; absent: 404. */
  dataJson?: unknown;
  faults?: SocrataFaultHook;
}

export interface SocrataServer {
  /** The site root: `http://127.0.0.1:PORT`. */
  url: string;
  /** Full URL of every request received, in order. */
  requests: string[];
  /** The `X-App-Token` header of every request, in the same order. */
  appTokens: (string | undefined)[];
  close(): Promise<void>;
}

interface Catalog {
  size: number;
  /** The record at a position of the id order. */
  at(position: number): FakeRecord;
  /** The position of the first record whose id sorts after `id`. */
  after(id: string): number;
}

export async function startSocrataServer(options: SocrataServerOptions): Promise<SocrataServer> {
  const catalog = createCatalog(options.records);
  const domain = options.domain ?? 'www.datos.gov.co';
  const requests: string[] = [];
  const appTokens: (string | undefined)[] = [];
  const counts = new Map<string, number>();
  let origin = '';
  let lastBody: string | undefined;

  const app = recordingApp(requests, () => origin);
  app.use((req, _res, next) => {
    appTokens.push(req.get('x-app-token'));
    next();
  });
  const faultOf = (path: SocrataFaultRequest['path'], req: Request) => {
    const n = (counts.get(path) ?? 0) + 1;
    counts.set(path, n);
    return options.faults?.({ path, url: origin + req.originalUrl, params: queryParams(req) }, n);
  };

  app.get('/api/catalog/v1', async (req, res) => {
    const fault = faultOf('catalog', req);
    if (fault === 'repeat_previous_page' && lastBody) return sendJson(res, lastBody);
    if (fault?.startsWith('delay:')) await sleep(Number(fault.slice('delay:'.length)));
    else if (fault && fault !== 'scroll_restart' && fault !== 'repeat_previous_page') return sendFault(res, fault);
    if (options.discovery === false) return void res.status(404).type('html').send(page('Página no encontrada'));
    const reply = search(catalog, domain, queryParams(req), fault === 'scroll_restart');
    const body = JSON.stringify(reply.body);
    if (reply.status === 200) lastBody = body;
    sendJson(res.status(reply.status), body);
  });

  app.get('/data.json', async (req, res) => {
    const fault = faultOf('data.json', req);
    if (fault?.startsWith('delay:')) await sleep(Number(fault.slice('delay:'.length)));
    else if (fault) return sendFault(res, fault);
    if (options.dataJson === undefined) return void res.status(404).type('html').send(page('Página no encontrada'));
    sendJson(res, JSON.stringify(options.dataJson));
  });

  app.get('/', (_req, res) => void res.type('html').send(page('Datos Abiertos (simulado)')));

  const server = await listen(app);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: origin, requests, appTokens, close: () => closeServer(server) };
}

/** Answers one Discovery query as the API does, or with its 400 error body. */
function search(catalog: Catalog, domain: string, params: Record<string, string>, restart: boolean): { status: number; body: object } {
  const limit = integer(params.limit, 100);
  const offset = integer(params.offset, 0);
  if (limit === undefined || limit < 1 || limit > OFFSET_WINDOW) return badRequest(`Invalid limit: ${params.limit}`);
  if (offset === undefined) return badRequest(`Invalid offset: ${params.offset}`);
  let positions: number[];
  if ('scroll_id' in params) {
    if ('order' in params) return badRequest('The order parameter cannot be combined with scroll_id');
    if ('offset' in params) return badRequest('The offset parameter cannot be combined with scroll_id');
    const start = restart || params.scroll_id === '' ? 0 : catalog.after(params.scroll_id);
    positions = range(start, Math.min(catalog.size, start + limit));
  } else {
    if (offset + limit > OFFSET_WINDOW) return badRequest(`offset + limit must not exceed ${OFFSET_WINDOW}; use scroll_id to page further`);
    const order = (params.order ?? 'relevance').trim().toLowerCase();
    if (!/^(relevance|dataset_id( asc)?)$/.test(order)) return badRequest(`Invalid order: ${params.order}`);
    const byId = order.startsWith('dataset_id');
    positions = range(offset, Math.min(catalog.size, offset + limit)).map((p) => (byId ? p : catalog.size - 1 - p));
  }
  const matches = (params.domains ?? '').toLowerCase() === domain;
  return {
    status: 200,
    body: {
      results: matches ? positions.map((p) => catalog.at(p)) : [],
      resultSetSize: matches ? catalog.size : 0,
      timings: { serviceMillis: 4, searchMillis: [1, 2] },
      warnings: [],
    },
  };
}

function createCatalog(records: readonly FakeRecord[] | SyntheticCatalog): Catalog {
  if (!Array.isArray(records)) {
    const synthetic = records as SyntheticCatalog;
    return { size: synthetic.total, at: synthetic.record, after: (id) => firstAfter(synthetic.total, (p) => idOf(synthetic.record(p)), id) };
  }
  const sorted = [...records].sort((a, b) => compare(idOf(a), idOf(b)));
  return { size: sorted.length, at: (p) => sorted[p], after: (id) => firstAfter(sorted.length, (p) => idOf(sorted[p]), id) };
}

/** Binary search over ids in ascending order. */
function firstAfter(size: number, idAt: (position: number) => string, id: string): number {
  let low = 0;
  let high = size;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compare(idAt(mid), id) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

function idOf(record: FakeRecord): string {
  const resource = record.resource as { id?: unknown } | undefined;
  return typeof resource?.id === 'string' ? resource.id : '';
}

function sendFault(res: Response, fault: SocrataFault): void {
  const code = statusFault(res, fault);
  if (code !== undefined) {
    return sendJson(res.status(code), JSON.stringify({ error: `Simulated failure (HTTP ${code})` }));
  }
  switch (fault) {
    case 'html':
      return void res.type('html').send(page('Sitio en mantenimiento'));
    case 'empty':
      return void res.type('application/json').send('');
    case 'bad_json':
      return sendJson(res, '{"results": [{"resource": {"name": "Matrícula');
    case 'results_not_array':
      return sendJson(res, JSON.stringify({ results: 'sin resultados', resultSetSize: 3 }));
    case 'error_200':
      return sendJson(res, JSON.stringify({ error: 'Search context not found' }));
    case 'timeout':
      return; // the request stays open until the server closes
    default:
      throw new Error(`Unknown Socrata fault: ${fault}`);
  }
}

function badRequest(message: string): { status: number; body: object } {
  return { status: 400, body: { error: message } };
}

function page(title: string): string {
  return `<!DOCTYPE html><html lang="es"><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;
}




function range(start: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - start) }, (_, k) => start + k);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}


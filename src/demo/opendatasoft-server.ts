/**
 * A small fake OpenDataSoft Explore API v2.1 on 127.0.0.1 for tests and the offline demo. It
 * answers like ODS does: `{total_count, results}` pages of `/catalog/datasets` with the real
 * limits enforced (`limit` ≤ 100, `offset + limit` < 10 000, or a 400 with ODS's
 * `{error_code, message}` body), `order_by` on `dataset_id` or `modified`, `where` on `modified`
 * (`modified > date'…'`), the whole catalog from `/catalog/exports/json`, and each dataset's page
 * at `/explore/dataset/<id>/`. Faults can be injected per request (see OdsFault).
 */
import type { Request, Response } from 'express';
import type { AddressInfo } from 'node:net';
import { recordingApp, closeServer, listen, sendJson, queryParams, escapeHtml, sleep, statusFault, type JsonApiFault } from './fake-http.js';

/** A dataset as served: any JSON object (an OdsDataset fits). */
export type FakeOdsDataset = Record<string, unknown>;

/** The datasets at positions `offset … offset+limit-1` of a synthetic catalog, in `dataset_id` order. */
export type OdsDatasetPage = (offset: number, limit: number) => FakeOdsDataset[];

/**
 * What to do with one request instead of answering it normally:
 * - `html`: 200 with an HTML page (a portal's maintenance page).
 * - `status:N`: status N with an ODS error body; 429 gets ODS's quota body.
 * - `status:N:retry-after=S`: the same with a `Retry-After: S` header.
 * - `error_200`: 200 with an ODS error body (`{error_code, message}`), as some proxies pass it on.
 * - `empty`: 200 with an empty body.
 * - `bad_json`: 200 with truncated JSON.
 * - `wrong_shape`: 200 JSON of the wrong shape (`results` a string; the export an object).
 * - `timeout`: never answers (the connection is dropped when the server closes).
 * - `delay:MS`: answers normally after MS milliseconds.
 * - `repeat_previous_page`: `/catalog/datasets` answers the body it sent last (no effect on the first).
 * - `cut:N`: the export sends its first N datasets, then the connection drops mid-body.
 */
export type OdsFault = JsonApiFault | 'error_200' | 'wrong_shape' | `cut:${number}`;

export interface OdsFaultRequest {
  /** `datasets` (the paged catalog) or `export` (`/catalog/exports/json`). */
  endpoint: 'datasets' | 'export';
  url: string;
  /** Query parameters (first value of each). */
  params: Record<string, string>;
}

/** Decides the fault of one request; `n` counts requests to the same endpoint, from 1. Undefined: answer normally. */
export type OdsFaultHook = (request: OdsFaultRequest, n: number) => OdsFault | undefined;

export interface OdsServerOptions {
  /**
   * The catalog. A list is filtered (`where`), sorted (`order_by`) and sliced like ODS does. A page
   * function (synthetic catalogs) is called with `offset` and `limit`; its order is taken as the
   * `dataset_id` order and `where` is not applied to it.
   */
  datasets: readonly FakeOdsDataset[] | OdsDatasetPage;
  /** How many datasets a page function serves. Required with a page function. */
  total?: number;
  /** Per-request fault injection. Default none. */
  faults?: OdsFaultHook;
}

export interface OdsServer {
  /** The site root: `http://127.0.0.1:PORT`. */
  url: string;
  /** Full URL of every request received, in order. */
  requests: string[];
  close(): Promise<void>;
}

const API = '/api/explore/v2.1/catalog';
/** ODS refuses `offset + limit` at or above this. */
const WINDOW = 10_000;

export async function startOpendatasoftServer(options: OdsServerOptions): Promise<OdsServer> {
  const requests: string[] = [];
  const counts = new Map<string, number>();
  let origin = '';
  let lastPageBody: string | undefined;

  const app = recordingApp(requests, () => origin);

  /** The fault of this request, after counting it; true when the fault has been answered. */
  async function faulted(endpoint: OdsFaultRequest['endpoint'], req: Request, res: Response): Promise<boolean> {
    const n = (counts.get(endpoint) ?? 0) + 1;
    counts.set(endpoint, n);
    const fault = options.faults?.({ endpoint, url: origin + req.originalUrl, params: queryParams(req) }, n);
    if (!fault) return false;
    if (fault === 'repeat_previous_page') {
      if (endpoint !== 'datasets' || !lastPageBody) return false;
      sendJson(res, lastPageBody);
      return true;
    }
    if (fault.startsWith('delay:')) {
      await sleep(Number(fault.slice('delay:'.length)));
      return false;
    }
    if (fault.startsWith('cut:')) {
      const selected = select(queryParams(req));
      if (endpoint !== 'export' || typeof selected === 'string') return false;
      const head = JSON.stringify(selected.slice(0, Number(fault.slice('cut:'.length))));
      res.type('application/json').write(`${head.slice(0, -1)},{"dataset_id": "cor`, () => res.destroy());
      return true;
    }
    sendFault(res, fault, endpoint);
    return true;
  }

  app.get(`${API}/datasets`, async (req, res) => {
    if (await faulted('datasets', req, res)) return;
    const params = queryParams(req);
    const limit = integerParam('limit', params.limit, 10, -1, 100);
    if (typeof limit === 'string') return sendError(res, 400, 'InvalidRESTParameterError', limit);
    const offset = integerParam('offset', params.offset, 0, 0, WINDOW - 1);
    if (typeof offset === 'string') return sendError(res, 400, 'InvalidRESTParameterError', offset);
    const size = limit === -1 ? 100 : limit;
    if (offset + size >= WINDOW) {
      return sendError(res, 400, 'InvalidRESTParameterError', `Invalid value for offset API parameter: ${offset} was found but offset + limit < ${WINDOW} is expected (limit is ${size}).`);
    }
    const selected = select(params);
    if (typeof selected === 'string') return sendError(res, 400, 'ODSQLError', selected);
    const body = JSON.stringify({ total_count: selected.total, results: selected.slice(offset, size) });
    lastPageBody = body;
    sendJson(res, body);
  });

  app.get(`${API}/exports/json`, async (req, res) => {
    if (await faulted('export', req, res)) return;
    const params = queryParams(req);
    const limit = integerParam('limit', params.limit, -1, -1, Number.MAX_SAFE_INTEGER);
    if (typeof limit === 'string') return sendError(res, 400, 'InvalidRESTParameterError', limit);
    const selected = select(params);
    if (typeof selected === 'string') return sendError(res, 400, 'ODSQLError', selected);
    sendJson(res, JSON.stringify(selected.slice(0, limit === -1 ? selected.total : limit)));
  });

  app.get(`${API}/datasets/:id`, (req, res) => {
    const dataset = Array.isArray(options.datasets) ? options.datasets.find((d) => d.dataset_id === req.params.id) : undefined;
    if (!dataset) return sendError(res, 404, 'NotFound', `Unknown dataset: ${req.params.id}`);
    sendJson(res, JSON.stringify(dataset));
  });

  app.get('/explore/dataset/:id/', (req, res) => {
    const dataset = Array.isArray(options.datasets) ? options.datasets.find((d) => d.dataset_id === req.params.id) : undefined;
    const title = escapeHtml(String(titleOf(dataset) ?? 'Conjunto de datos no encontrado'));
    res.status(dataset ? 200 : 404).type('html').send(`<!DOCTYPE html><html lang="es"><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`);
  });

  /** The datasets a query selects, or the ODSQL error message. */
  function select(params: Record<string, string>): Selection | string {
    const order = orderOf(params.order_by);
    if (typeof order === 'string') return order;
    const source = options.datasets;
    if (typeof source === 'function') {
      if (options.total === undefined) throw new Error('A page function needs `total`, the size of the synthetic catalog.');
      const total = options.total;
      return { total, slice: (offset: number, limit: number) => (offset < total ? source(offset, Math.min(limit, total - offset)) : []) };
    }
    const filter = whereOf(params.where);
    if (typeof filter === 'string') return filter;
    const matches = source.filter(filter);
    if (order) matches.sort(order); // stable: datasets sharing a key keep their fixture order
    return { total: matches.length, slice: (offset: number, limit: number) => matches.slice(offset, offset + limit) };
  }

  const server = await listen(app);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: origin, requests, close: () => closeServer(server) };
}

interface Selection {
  total: number;
  slice(offset: number, limit: number): FakeOdsDataset[];
}

type Compare = (a: FakeOdsDataset, b: FakeOdsDataset) => number;

/** `dataset_id`, `dataset_id desc`, `modified asc`…; undefined for none; a string for an ODSQL error. */
function orderOf(orderBy: string | undefined): Compare | undefined | string {
  if (orderBy === undefined || orderBy.trim() === '') return undefined;
  const match = /^\s*(dataset_id|modified)(?:\s+(asc|desc))?\s*$/i.exec(orderBy);
  if (!match) return `ODSQL query is malformed: order_by "${orderBy}" (the fake sorts only by dataset_id or modified).`;
  const key = match[1].toLowerCase() === 'modified' ? (d: FakeOdsDataset) => modifiedOf(d) : (d: FakeOdsDataset) => String(d.dataset_id ?? '');
  const sign = match[2]?.toLowerCase() === 'desc' ? -1 : 1;
  return (a, b) => sign * compare(key(a), key(b));
}

/** `modified > date'2024-03-01T11:00:00Z'` (also `>=`, `<`, `<=`); a string for an ODSQL error. */
function whereOf(where: string | undefined): ((d: FakeOdsDataset) => boolean) | string {
  if (where === undefined || where.trim() === '') return () => true;
  const match = /^\s*modified\s*(>=|<=|>|<)\s*date'([^']+)'\s*$/i.exec(where);
  const bound = match ? Date.parse(match[2]) : NaN;
  if (!match || Number.isNaN(bound)) return `ODSQL query is malformed: where "${where}" (the fake filters only on modified).`;
  const test: Record<string, (time: number) => boolean> = { '>': (t) => t > bound, '>=': (t) => t >= bound, '<': (t) => t < bound, '<=': (t) => t <= bound };
  return (d) => {
    const time = Date.parse(modifiedOf(d));
    return !Number.isNaN(time) && test[match[1]](time);
  };
}

function defaultMetas(d: FakeOdsDataset | undefined): Record<string, unknown> | undefined {
  const metas = d?.metas as { default?: Record<string, unknown> } | undefined;
  return typeof metas === 'object' && metas !== null && typeof metas.default === 'object' && metas.default !== null ? metas.default : undefined;
}

function modifiedOf(d: FakeOdsDataset): string {
  const modified = defaultMetas(d)?.modified;
  return typeof modified === 'string' ? modified : '';
}

function titleOf(d: FakeOdsDataset | undefined): unknown {
  return defaultMetas(d)?.title ?? d?.dataset_id;
}

/** An integer in [min, max], the default when absent, or ODS's error message. */
function integerParam(name: string, value: string | undefined, fallback: number, min: number, max: number): number | string {
  if (value === undefined || value === '') return fallback;
  const n = /^-?\d+$/.test(value) ? Number(value) : NaN;
  if (Number.isInteger(n) && n >= min && n <= max) return n;
  return `Invalid value for ${name} API parameter: ${value} was found but ${min} <= ${name} <= ${max} is expected.`;
}

function sendFault(res: Response, fault: OdsFault, endpoint: OdsFaultRequest['endpoint']): void {
  const code = statusFault(res, fault);
  if (code !== undefined) {
    if (code === 429) {
      const quota = { errorcode: 10002, reset_time: '2024-06-02T00:00:00Z', limit_time_unit: 'day', call_limit: 10000, error: 'Too many requests on the domain. Please contact the domain administrator.' };
      return sendJson(res.status(429), JSON.stringify(quota));
    }
    return sendError(res, code, ...(FAULT_ERRORS[code] ?? ['Error', 'Simulated failure.']));
  }
  switch (fault) {
    case 'html':
      return void res.type('html').send('<!DOCTYPE html><html lang="es"><body><h1>Portal en mantenimiento</h1><p>Vuelva a intentarlo más tarde.</p></body></html>');
    case 'error_200':
      return sendError(res, 200, 'ODSQLError', 'ODSQL query is malformed: invalid field name.');
    case 'empty':
      return void res.type('application/json').send('');
    case 'bad_json':
      return sendJson(res, endpoint === 'export' ? '[{"dataset_id": "presupuesto", "metas": {"def' : '{"total_count": 3, "results": [{"dataset_id": "presu');
    case 'wrong_shape':
      return sendJson(res, JSON.stringify(endpoint === 'export' ? { total_count: 0, results: [] } : { total_count: 3, results: 'sin resultados' }));
    case 'timeout':
      return; // the request stays open until the server closes
    default:
      throw new Error(`Unknown OpenDataSoft fault: ${fault}`);
  }
}

/** ODS's error code and message for a status served as a fault. */
const FAULT_ERRORS: Record<number, [string, string]> = {
  400: ['InvalidRESTParameterError', 'Invalid value for limit API parameter: simulated failure.'],
  403: ['Forbidden', 'You do not have access to this resource.'],
  404: ['NotFound', 'The requested resource does not exist.'],
  500: ['InternalServerError', 'An unexpected error happened.'],
};

function sendError(res: Response, status: number, errorCode: string, message: string): void {
  sendJson(res.status(status), JSON.stringify({ error_code: errorCode, message }));
}



function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}



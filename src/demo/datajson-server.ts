/**
 * A small fake DCAT-US `data.json` server on 127.0.0.1 for tests and demos. It serves one catalog
 * at one or more paths (`/data.json`; ArcGIS Hub's `/api/feed/dcat-us/1.1.json`, see
 * HUB_DCAT_US_PATH), whole or paged with `?page=N` the way ckanext-dcat (pages from 1, an empty
 * list past the last) or DKAN (pages from 0, the bare URL redirected to `?page=0`, the last page
 * again past the last) do. Other documents can be served beside it as they are (ArcGIS Hub's DCAT-AP
 * feed, see arcgis-server.ts). Faults can be injected per request (see DataJsonFault).
 */
import type { Request, Response } from 'express';
import type { AddressInfo } from 'node:net';
import { recordingApp, closeServer, listen, sendJson, sleep, statusFault, type JsonApiFault } from './fake-http.js';

/** Where an ArcGIS Hub site serves its DCAT-US 1.1 feed. */
export const HUB_DCAT_US_PATH = '/api/feed/dcat-us/1.1.json';

/**
 * What to do with one request instead of answering it normally:
 * - `html`: 200 with an HTML page (a maintenance page, a single-page app's shell).
 * - `empty`: 200 with an empty body.
 * - `bad_json`: 200 with truncated JSON.
 * - `not_catalog`: 200 with a JSON error object that has no `dataset` list.
 * - `oversized`: 200 with the catalog padded past 1.5 MB.
 * - `status:N`: status N with a JSON error body; `status:N:retry-after=S` adds `Retry-After: S`.
 * - `timeout`: never answers (the connection is dropped when the server closes).
 * - `delay:MS`: answers normally after MS milliseconds.
 * - `repeat_previous_page`: answers the body it sent last (no effect on the first request).
 */
export type DataJsonFault = JsonApiFault | 'not_catalog' | 'oversized';

export interface DataJsonFaultRequest {
  /** The full request URL. */
  url: string;
  /** The `page` parameter, when there is one. */
  page?: string;
}

/** Decides the fault of one request; `n` counts catalog requests from 1. Undefined: answer normally. */
export type DataJsonFaultHook = (request: DataJsonFaultRequest, n: number) => DataJsonFault | undefined;

export interface DataJsonServerOptions {
  /** The catalog: a document with a `dataset` list (its other fields are sent on every page), or a bare list of datasets. */
  catalog: Record<string, unknown> | unknown[];
  /** Paths that serve the catalog. Default `['/data.json']`. */
  paths?: string[];
  /** Datasets per page. When set the server pages with `?page=N`; otherwise `page` is ignored. */
  pageSize?: number;
  /** Number of the first page: 1 (ckanext-dcat) or 0 (DKAN). Default 1. */
  firstPage?: number;
  /** The answer past the last page: `empty` list (ckanext-dcat), the `last` page again (DKAN), `not_found`. Default `empty`. */
  pastLast?: 'empty' | 'last' | 'not_found';
  /** Redirect a request without `page` to `?page=<firstPage>`, as DKAN does. Default false. */
  redirectToFirstPage?: boolean;
  /** Per-request fault injection, on the catalog paths and the documents. Default none. */
  faults?: DataJsonFaultHook;
  /** Documents served as they are, by path, never paged. Default none. */
  documents?: Record<string, ServedDocument>;
}

/** A document served as it is. */
export interface ServedDocument {
  contentType: string;
  body: string;
}

export interface DataJsonServer {
  /** The site root: `http://127.0.0.1:PORT`. */
  url: string;
  /** Full URL of every request received, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startDataJsonServer(options: DataJsonServerOptions): Promise<DataJsonServer> {
  const paths = new Set(options.paths ?? ['/data.json']);
  const datasets = Array.isArray(options.catalog) ? options.catalog : listOf(options.catalog.dataset);
  const firstPage = options.firstPage ?? 1;
  const requests: string[] = [];
  let origin = '';
  let n = 0;
  let lastBody: string | undefined;

  const app = recordingApp(requests, () => origin);

  app.get('/', (_req, res) => {
    res.type('html').send('<!DOCTYPE html><html lang="es"><head><title>Datos Abiertos (simulado)</title></head><body><div id="root"></div></body></html>');
  });

  app.use(async (req, res, next) => {
    const document = options.documents?.[req.path];
    if (req.method !== 'GET' || !(paths.has(req.path) || document)) return next();
    const page = pageParam(req);
    const fault = options.faults?.({ url: origin + req.originalUrl, page }, ++n);
    if (fault === 'repeat_previous_page') {
      if (lastBody) return sendJson(res, lastBody);
    } else if (fault?.startsWith('delay:')) {
      await sleep(Number(fault.slice('delay:'.length)));
    } else if (fault) {
      return sendFault(res, fault, () => documentFor(datasets));
    }
    if (document) return void res.type(document.contentType).send(document.body);
    if (options.pageSize === undefined) return send(res, documentFor(datasets));
    if (page === undefined && options.redirectToFirstPage) return res.redirect(302, `${req.path}?page=${firstPage}`);
    const slice = pageSlice(page === undefined ? firstPage : Number(page), options.pageSize);
    if (slice === undefined) return void res.status(404).type('html').send('<!DOCTYPE html><html lang="es"><body><h1>Página no encontrada</h1></body></html>');
    send(res, documentFor(slice));
  });

  function pageSlice(page: number, size: number): unknown[] | undefined {
    const index = Number.isInteger(page) ? page - firstPage : -1;
    const lastIndex = Math.max(0, Math.ceil(datasets.length / size) - 1);
    if (index >= 0 && index * size < datasets.length) return datasets.slice(index * size, (index + 1) * size);
    if (options.pastLast === 'not_found') return undefined;
    return options.pastLast === 'last' && index > lastIndex ? datasets.slice(lastIndex * size) : [];
  }

  function documentFor(list: unknown[]): unknown {
    return Array.isArray(options.catalog) ? list : { ...options.catalog, dataset: list };
  }

  function send(res: Response, document: unknown): void {
    lastBody = JSON.stringify(document);
    sendJson(res, lastBody);
  }

  const server = await listen(app);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: origin, requests, close: () => closeServer(server) };
}

function sendFault(res: Response, fault: DataJsonFault, document: () => unknown): void {
  const code = statusFault(res, fault);
  if (code !== undefined) {
    return sendJson(res.status(code), JSON.stringify({ error: { code: code, message: 'Error simulado del servidor' } }));
  }
  switch (fault) {
    case 'html':
      return void res.type('html').send('<!DOCTYPE html><html lang="es"><body><h1>Sitio en mantenimiento</h1><p>Volveremos pronto.</p></body></html>');
    case 'empty':
      return void res.type('application/json').send('');
    case 'bad_json':
      return sendJson(res, '{"@type": "dcat:Catalog", "dataset": [{"title": "Presupuesto municipal 20');
    case 'not_catalog':
      return sendJson(res, JSON.stringify({ code: 'not_found', error: true, message: 'Catálogo no disponible' }));
    case 'oversized': {
      const padding = { description: 'Relleno del catálogo. '.repeat(75_000) };
      const doc = document();
      return sendJson(res, JSON.stringify(Array.isArray(doc) ? [...doc, padding] : { ...(doc as object), padding }));
    }
    case 'timeout':
      return; // the request stays open until the server closes
    default:
      throw new Error(`Unknown data.json fault: ${fault}`);
  }
}


function pageParam(req: Request): string | undefined {
  return new URL(req.originalUrl, 'http://x').searchParams.get('page') ?? undefined;
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}


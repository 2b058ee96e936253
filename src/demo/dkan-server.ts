/**
 * A small fake DKAN on 127.0.0.1 for tests and the offline demo, in either of its two lives:
 * - DKAN 7 (Drupal 7, open_data_schema_map): a CKAN-like subset of the Action API without
 *   `package_search` — `package_list` (names), `package_show` (a list holding the package, or the
 *   package itself on newer versions; an unknown id answers an empty list, or 404 with
 *   `success: true` and an error), `current_package_list_with_resources` (`limit`, `offset`).
 * - DKAN 2 (Drupal 9+): `/api/1/search` (`page` from 1, `page-size` capped, `results` keyed
 *   `dkan_dataset/<uuid>`, `[]` when empty) and `/api/1/metastore/schemas/dataset/items`.
 * Both can serve `/data.json`; any other path answers Drupal's HTML 404 page. Faults can be
 * injected per request (see DkanFault).
 */
import express, { type Request, type Response } from 'express';
import type { AddressInfo } from 'node:net';
import { recordingApp, closeServer, listen, sendJson, queryParams, sleep, statusFault, type JsonApiFault } from './fake-http.js';

/** A package (DKAN 7) or a DCAT-US dataset (DKAN 2), as served. */
export type FakeDkanRecord = Record<string, unknown>;

/**
 * What to do with one request instead of answering it normally:
 * - `html`: 200 with an HTML page (a Drupal maintenance page).
 * - `success_false`: 200 with `{success:false, error}` (DKAN 7 endpoints).
 * - `status:N`, `status:N:retry-after=S`: status N with a JSON error body (and `Retry-After: S`).
 * - `empty`: 200 with an empty body. `bad_json`: 200 with truncated JSON.
 * - `timeout`: never answers (the connection is dropped when the server closes).
 * - `delay:MS`: answers normally after MS milliseconds.
 * - `repeat_previous_page`: a paged endpoint answers the body it sent last.
 */
export type DkanFault = JsonApiFault | 'success_false';

export type DkanEndpoint = 'package_list' | 'package_show' | 'current_package_list_with_resources' | 'search' | 'items' | 'data.json';

export interface DkanFaultRequest {
  endpoint: DkanEndpoint;
  url: string;
  /** Query parameters (first value of each). */
  params: Record<string, string>;
}

/** Decides the fault of one request; `n` counts requests to the same endpoint, from 1. Undefined: answer normally. */
export type DkanFaultHook = (request: DkanFaultRequest, n: number) => DkanFault | undefined;

export interface DkanServerOptions {
  /** 7: the CKAN-like Action API; 2: search and metastore. */
  version: 7 | 2;
  /** DKAN 7: CKAN-shaped packages, newest change first; DKAN 2: DCAT-US datasets. */
  datasets: readonly FakeDkanRecord[];
  /**
   * DKAN 7: `current_package_list_with_resources` pages with `limit`/`offset` (`paged`), sends
   * everything whatever they say (`ignores-limit`), or is not served (`false`). Default `paged`.
   */
  listWithResources?: 'paged' | 'ignores-limit' | false;
  /** DKAN 7: names `package_list` gives that `package_show` cannot find (an alias left behind). Default none. */
  ghostNames?: readonly string[];
  /** DKAN 7: `package_show` answers the package itself (newer versions) instead of a list of one. Default false. */
  showObject?: boolean;
  /** DKAN 2: serve `/api/1/search`. Default true. */
  search?: boolean;
  /** DKAN 2: largest `page-size`; larger requests are capped silently. Default 100. */
  maxPageSize?: number;
  /** DKAN 2: `total` as a numeric string, as some versions send it. Default false. */
  totalAsString?: boolean;
  /**
   * Serve `/data.json` built from the datasets, or a catalog listing none (`empty`: DKAN 7 lists
   * only the groups chosen in its settings). Default false (Drupal's 404 page).
   */
  dataJson?: boolean | 'empty';
  /** Drupal installed under a path (`/datos`). Default none. */
  basePath?: string;
  /** Per-request fault injection. Default none. */
  faults?: DkanFaultHook;
}

export interface DkanServer {
  /** The site root, with the base path. */
  url: string;
  /** Full URL of every request received, in order. */
  requests: string[];
  close(): Promise<void>;
}

const HELP = {
  package_list: "Return a list of the names of the site's datasets (packages).",
  package_show: 'Return the metadata of a dataset (package) and its resources. :param id: the id or name of the dataset :type id: string',
  current_package_list_with_resources: "Return a list of the site's datasets (packages) and their resources. The list is sorted most-recently-modified first.",
} as const;

export async function startDkanServer(options: DkanServerOptions): Promise<DkanServer> {
  const base = (options.basePath ?? '').replace(/\/+$/, '');
  const requests: string[] = [];
  const counts = new Map<DkanEndpoint, number>();
  const lastBodies = new Map<DkanEndpoint, string>();
  let origin = '';

  const app = recordingApp(requests, () => origin);

  /** Counts the request, applies its fault, or sends the normal answer (remembered for `repeat_previous_page`). */
  const serve = (endpoint: DkanEndpoint, answer: (params: Record<string, string>) => { status: number; body: unknown }) =>
    async (req: Request, res: Response) => {
      const n = (counts.get(endpoint) ?? 0) + 1;
      counts.set(endpoint, n);
      const params = queryParams(req);
      const fault = options.faults?.({ endpoint, url: origin + req.originalUrl, params }, n);
      if (fault === 'repeat_previous_page' && lastBodies.has(endpoint)) return sendJson(res, lastBodies.get(endpoint)!);
      if (fault?.startsWith('delay:')) await sleep(Number(fault.slice('delay:'.length)));
      else if (fault && fault !== 'repeat_previous_page') return sendFault(res, fault);
      const reply = answer(params);
      const body = JSON.stringify(reply.body);
      if (reply.status === 200) lastBodies.set(endpoint, body);
      sendJson(res.status(reply.status), body);
    };

  if (options.version === 7) mountDkan7(app, base, options, serve);
  else mountDkan2(app, base, options, serve);
  if (options.dataJson) app.get(`${base}/data.json`, serve('data.json', () => ({ status: 200, body: dataJsonOf(options, origin + base) })));
  app.use((_req, res) => {
    res.status(404).type('html').send('<!DOCTYPE html><html lang="es"><head><title>Página no encontrada | Datos Abiertos</title></head><body><h1>Página no encontrada</h1><p>No se ha encontrado la página solicitada.</p></body></html>');
  });

  const server = await listen(app);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: origin + base, requests, close: () => closeServer(server) };
}

type Serve = (endpoint: DkanEndpoint, answer: (params: Record<string, string>) => { status: number; body: unknown }) => (req: Request, res: Response) => Promise<void>;

function mountDkan7(app: express.Express, base: string, options: DkanServerOptions, serve: Serve): void {
  const packages = options.datasets;
  const ok = (help: string, result: unknown) => ({ status: 200, body: { help, success: true, result } });
  const find = (id: string) => packages.find((pkg) => pkg.id === id || pkg.name === id);
  const actions = [`${base}/api/3/action`, `${base}/api/action`];

  app.get(actions.map((a) => `${a}/package_list`), serve('package_list', () => {
    const names = packages.map((pkg) => pkg.name).filter((name): name is string => typeof name === 'string');
    return ok(HELP.package_list, [...names, ...(options.ghostNames ?? [])]);
  }));

  app.get(actions.map((a) => `${a}/package_show`), serve('package_show', ({ id }) => {
    const pkg = id ? find(id) : undefined;
    if (pkg) return ok(HELP.package_show, options.showObject ? pkg : [pkg]);
    // Older versions answer an empty list; newer ones 404 with an error, and still `success: true`.
    if (!options.showObject) return ok(HELP.package_show, []);
    return { status: 404, body: { help: HELP.package_show, success: true, error: { __type: 'Not Found Error', message: 'Not Found' } } };
  }));

  if (options.listWithResources !== false) {
    app.get(actions.map((a) => `${a}/current_package_list_with_resources`), serve('current_package_list_with_resources', ({ limit, offset }) => {
      const help = HELP.current_package_list_with_resources;
      if (options.listWithResources === 'ignores-limit' || limit === undefined) return ok(help, packages);
      const from = Number(offset ?? 0) || 0;
      return ok(help, packages.slice(from, from + (Number(limit) || 0)));
    }));
  }
}

function mountDkan2(app: express.Express, base: string, options: DkanServerOptions, serve: Serve): void {
  const datasets = options.datasets;
  const maxPageSize = options.maxPageSize ?? 100;
  if (options.search !== false) {
    app.get(`${base}/api/1/search`, serve('search', (params) => {
      const size = Math.min(maxPageSize, Math.max(1, Number(params['page-size'] ?? 10) || 10));
      const page = Math.max(1, Number(params.page ?? 1) || 1);
      const slice = datasets.slice((page - 1) * size, page * size);
      // PHP encodes a keyed array as an object, and an empty one as a list.
      const results = slice.length ? Object.fromEntries(slice.map((d) => [`dkan_dataset/${String(d.identifier)}`, d])) : [];
      const total = options.totalAsString ? String(datasets.length) : datasets.length;
      return { status: 200, body: { total, results, facets: [] } };
    }));
  }
  app.get(`${base}/api/1/metastore/schemas/dataset/items`, serve('items', () => ({ status: 200, body: datasets })));
}

/** A DCAT-US catalog of the datasets: DKAN 2's as they are, DKAN 7's packages in their data.json form. */
function dataJsonOf(options: DkanServerOptions, site: string): object {
  const dataset = options.dataJson === 'empty' ? [] : options.version === 2 ? options.datasets : options.datasets.map((pkg) => packageAsDcatUs(pkg));
  return {
    '@context': 'https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld',
    '@id': `${site}/data.json`,
    '@type': 'dcat:Catalog',
    conformsTo: 'https://project-open-data.cio.gov/v1.1/schema',
    describedBy: 'https://project-open-data.cio.gov/v1.1/schema/catalog.json',
    dataset,
  };
}

function packageAsDcatUs(pkg: FakeDkanRecord): object {
  const list = (value: unknown) => (Array.isArray(value) ? (value as Record<string, unknown>[]) : []);
  const group = list(pkg.groups)[0];
  return {
    '@type': 'dcat:Dataset',
    accessLevel: 'public',
    identifier: pkg.id,
    title: pkg.title,
    description: pkg.notes,
    keyword: list(pkg.tags).map((tag) => tag.name),
    modified: pkg.metadata_modified,
    publisher: group ? { '@type': 'org:Organization', name: group.title } : undefined,
    landingPage: pkg.url,
    distribution: list(pkg.resources).map((res) => ({ '@type': 'dcat:Distribution', downloadURL: res.url, mediaType: res.mimetype, format: res.format, title: res.name })),
  };
}

function sendFault(res: Response, fault: DkanFault): void {
  const code = statusFault(res, fault);
  if (code !== undefined) {
    return sendJson(res.status(code), JSON.stringify({ success: false, error: { __type: code >= 500 ? 'Internal Server Error' : 'Error', message: 'Simulated failure' } }));
  }
  switch (fault) {
    case 'html':
      return void res.type('html').send('<!DOCTYPE html><html lang="es"><body><h1>Sitio en mantenimiento</h1><p>Datos Abiertos está en mantenimiento. Vuelva a intentarlo en unos minutos.</p></body></html>');
    case 'success_false':
      return sendJson(res, JSON.stringify({ help: '', success: false, error: { __type: 'Validation Error', message: 'Parámetros no válidos' } }));
    case 'empty':
      return void res.type('application/json').send('');
    case 'bad_json':
      return sendJson(res, '{"help": "", "success": true, "result": [{"id": "7c1e');
    case 'timeout':
      return; // the request stays open until the server closes
    default:
      throw new Error(`Unknown DKAN fault: ${fault}`);
  }
}




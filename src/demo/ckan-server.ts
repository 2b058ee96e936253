/**
 * A small fake CKAN Action API on 127.0.0.1 for tests, the offline demo and the benchmark. It
 * answers like CKAN 2.9/2.10: `{help, success, result}` envelopes, `rows` silently capped,
 * `sort` and `fq=metadata_modified:[X TO *]` applied, CKAN error bodies. Faults can be injected
 * per request (see CkanFault).
 */
import type { Response } from 'express';
import type { AddressInfo } from 'node:net';
import { recordingApp, listen, closeServer, sendJson, queryParams, integer, escapeHtml, sleep, statusFault, type JsonApiFault } from './fake-http.js';
import { createCatalog, type FakePackage, type PackagePage } from './ckan-catalog.js';

export type { FakePackage, PackagePage } from './ckan-catalog.js';
export { syntheticPackages, syntheticPackage } from './ckan-synthetic.js';

/**
 * What to do with one request instead of answering it normally:
 * - `html`: 200 with an HTML page (a portal's maintenance page).
 * - `success_false`: 200 with `{success:false, error:{__type, message}}`.
 * - `status:N`: status N with a CKAN error body (`status:409`, `status:500`…).
 * - `status:N:retry-after=S`: the same with a `Retry-After: S` header (`status:429:retry-after=1`).
 * - `empty`: 200 with an empty body.
 * - `bad_json`: 200 with truncated JSON.
 * - `result_not_object`: 200, success, `result` is a string.
 * - `results_not_array`: 200, success, `result.results` is a string.
 * - `timeout`: never answers (the connection is dropped when the server closes).
 * - `delay:MS`: answers normally after MS milliseconds.
 * - `repeat_previous_page`: `package_search` answers the body it sent last (no effect on the first).
 * - `count:N`: `package_search` answers its page as usual, but says the catalog holds N datasets
 *   (a Solr index being rebuilt, a count that lies).
 */
export type CkanFault = JsonApiFault | 'success_false' | 'result_not_object' | 'results_not_array' | `count:${number}`;

export interface FaultRequest {
  /** The action called (`package_search`, `status_show`…). */
  action: string;
  /** The full request URL. */
  url: string;
  /** Query parameters (first value of each). */
  params: Record<string, string>;
}

/** Decides the fault of one request; `n` counts requests to the same action, from 1. Undefined: answer normally. */
export type FaultHook = (request: FaultRequest, n: number) => CkanFault | undefined;

export interface CkanServerOptions {
  /**
   * The catalog. A list is sorted, filtered (`fq`, `q`) and sliced like CKAN does. A page function
   * (synthetic catalogs, see `syntheticPackages`) is called with `start` and the capped `rows`;
   * its order is taken as the `id asc` order, and `fq`/`q` are not applied to it.
   */
  packages: readonly FakePackage[] | PackagePage;
  /** How many datasets a page function serves. Required with a page function. */
  total?: number;
  /** Largest `rows` served; larger requests are capped silently, as CKAN does. Default 1000. */
  maxRows?: number;
  /** Path prefix of the site (`/busca` → `/busca/api/3/action/…`). Default none. */
  basePath?: string;
  /** Reported by `status_show`. Default `2.10.4`. */
  ckanVersion?: string;
  /** Per-request fault injection. Default none. */
  faults?: FaultHook;
}

export interface CkanServer {
  /** The site root, with the base path: `http://127.0.0.1:PORT/busca`. */
  url: string;
  /** Full URL of every request received, in order. */
  requests: string[];
  /** Serves another catalog from now on, at the same URL (a portal whose datasets changed). */
  setPackages(packages: readonly FakePackage[]): void;
  close(): Promise<void>;
}

export async function startCkanServer(options: CkanServerOptions): Promise<CkanServer> {
  let catalog = createCatalog(options.packages, options.total);
  const base = (options.basePath ?? '').replace(/\/+$/, '');
  const maxRows = options.maxRows ?? 1000;
  const requests: string[] = [];
  const counts = new Map<string, number>();
  let origin = '';
  let lastSearchBody: string | undefined;
  const help = (action: string) => `${origin}${base}/api/3/action/help_show?name=${action}`;

  const app = recordingApp(requests, () => origin);

  app.get([`${base}/api/3/action/:action`, `${base}/api/action/:action`], async (req, res) => {
    const action = String(req.params.action);
    const n = (counts.get(action) ?? 0) + 1;
    counts.set(action, n);
    const params = queryParams(req);
    const fault = options.faults?.({ action, url: origin + req.originalUrl, params }, n);
    if (fault === 'repeat_previous_page') {
      if (action === 'package_search' && lastSearchBody) return sendJson(res, lastSearchBody);
    } else if (fault?.startsWith('delay:')) {
      await sleep(Number(fault.slice('delay:'.length)));
    } else if (fault && !fault.startsWith('count:')) {
      return sendFault(res, fault, help(action));
    }

    const reply = answer(action, params);
    if (fault?.startsWith('count:') && action === 'package_search' && reply.status === 200) {
      (reply.body as { result: { count: number } }).result.count = Number(fault.slice('count:'.length));
    }
    const body = JSON.stringify({ help: help(action), ...reply.body });
    if (action === 'package_search' && reply.status === 200) lastSearchBody = body;
    sendJson(res.status(reply.status), body);
  });

  app.get(`${base}/dataset/:name`, (req, res) => {
    const pkg = catalog.show(String(req.params.name));
    const title = escapeHtml(String(pkg?.title ?? pkg?.name ?? 'Conjunto de datos no encontrado'));
    res.status(pkg ? 200 : 404).type('html').send(`<!DOCTYPE html><html lang="es"><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`);
  });

  app.get(base || '/', (_req, res) => {
    res.type('html').send('<!DOCTYPE html><html lang="es"><head><title>Datos Abiertos (simulado)</title></head><body><h1>Portal de datos abiertos (simulado)</h1></body></html>');
  });

  function answer(action: string, params: Record<string, string>): { status: number; body: object } {
    switch (action) {
      case 'package_search': {
        const rows = integer(params.rows, 10);
        const start = integer(params.start, 0);
        if (rows === undefined || start === undefined) return validationError({ [rows === undefined ? 'rows' : 'start']: ['Invalid integer'] });
        const sort = params.sort ?? 'score desc, metadata_modified desc';
        const { count, results } = catalog.search({ start, rows: Math.min(rows, maxRows), sort, fq: params.fq, q: params.q });
        return { status: 200, body: { success: true, result: { count, facets: {}, results, sort, search_facets: {} } } };
      }
      case 'package_show': {
        if (!params.id) return validationError({ id: ['Missing value'] });
        const pkg = catalog.show(params.id);
        return pkg ? { status: 200, body: { success: true, result: pkg } } : ckanError(404, 'Not Found Error', 'Not found');
      }
      case 'organization_list':
        return { status: 200, body: { success: true, result: catalog.organizations(params.all_fields === 'true') } };
      case 'status_show':
        return { status: 200, body: { success: true, result: statusOf(options.ckanVersion ?? '2.10.4', origin + base) } };
      default:
        return ckanError(400, 'Bad Request', `Bad request - Action name not known: ${action}`);
    }
  }

  const server = await listen(app);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin + base,
    requests,
    setPackages: (packages) => {
      catalog = createCatalog(packages);
    },
    close: () => closeServer(server),
  };
}

function sendFault(res: Response, fault: CkanFault, helpUrl: string): void {
  const code = statusFault(res, fault);
  if (code !== undefined) {
    const { body } = ckanError(code, code >= 500 ? 'Internal Server Error' : code === 403 ? 'Authorization Error' : 'Validation Error', 'Simulated failure');
    return sendJson(res.status(code), JSON.stringify({ help: helpUrl, ...body }));
  }
  switch (fault) {
    case 'html':
      return void res.type('html').send('<!DOCTYPE html><html lang="es"><body><h1>Sitio en mantenimiento</h1></body></html>');
    case 'success_false':
      return sendJson(res, JSON.stringify({ help: helpUrl, ...ckanError(200, 'Search Query Error', 'Search Query is invalid').body }));
    case 'empty':
      return void res.type('application/json').send('');
    case 'bad_json':
      return sendJson(res, `{"help": "${helpUrl}", "success": true, "result": {"count": 3, "resu`);
    case 'result_not_object':
      return sendJson(res, JSON.stringify({ help: helpUrl, success: true, result: 'sin resultados' }));
    case 'results_not_array':
      return sendJson(res, JSON.stringify({ help: helpUrl, success: true, result: { count: 3, results: 'sin resultados' } }));
    case 'timeout':
      return; // the request stays open until the server closes
    default:
      throw new Error(`Unknown CKAN fault: ${fault}`);
  }
}

function ckanError(status: number, type: string, message: string): { status: number; body: object } {
  return { status, body: { success: false, error: { __type: type, message } } };
}

function validationError(fields: Record<string, string[]>): { status: number; body: object } {
  return { status: 409, body: { success: false, error: { __type: 'Validation Error', ...fields } } };
}

function statusOf(version: string, siteUrl: string): object {
  return {
    ckan_version: version,
    site_title: 'Datos Abiertos (simulado)',
    site_description: 'Portal CKAN simulado de Cosecha',
    site_url: siteUrl,
    locale_default: 'es',
    error_emails_to: null,
    extensions: ['stats', 'text_view', 'datastore', 'dcat', 'harvest', 'scheming_datasets'],
  };
}







/**
 * A fake municipal web site on 127.0.0.1 for the HTML harvester's tests and the offline demo: a
 * Spanish-language municipality (src/demo/html-site.ts) with a sitemap index, pages with
 * schema.org JSON-LD, LOTAIP pages with only file links in tables, paginated listings (one
 * looping back, one endless), mojibake and broken HTML. Faults can be injected per request.
 */
import express, { type Request, type Response } from 'express';
import type { AddressInfo } from 'node:net';
import { closeServer, listen, escapeHtml, statusFault, type StatusFault } from './fake-http.js';
import { plainPage } from './html-site-layout.js';
import { siteDocument } from './html-site.js';
import { answerFile } from './file-server.js';

/**
 * What to do with one request instead of answering it normally:
 * - `error_page`: 200 with the CMS's maintenance page.
 * - `not_found_page`: 200 with the CMS's "page not found" page.
 * - `status:N`: status N with an HTML error page (`status:500`, `status:404`…).
 * - `status:N:retry-after=S`: the same with a `Retry-After: S` header.
 * - `huge`: 200 with a LOTAIP page of about 600 kB.
 * - `empty`: 200 with an empty body.
 * - `timeout`: never answers (the connection is dropped when the server closes).
 * - `redirect:URL`: 302 to URL.
 */
export type HtmlFault = 'error_page' | 'not_found_page' | 'huge' | 'empty' | 'timeout' | StatusFault | `redirect:${string}`;

/** Decides the fault of one request by its path and query; `n` counts requests to it, from 1. */
export type HtmlFaultHook = (pathAndQuery: string, n: number) => HtmlFault | undefined;

export interface HtmlServerOptions {
  /** Per-request fault injection. Default none. */
  faults?: HtmlFaultHook;
  /** Pages added to the site or replacing its own, by path and query (`{{origin}}` is replaced). */
  pages?: Readonly<Record<string, string>>;
}

export interface HtmlServer {
  /** The site's address: `http://127.0.0.1:PORT`. */
  url: string;
  /** Path and query of every request received, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startHtmlServer(options: HtmlServerOptions = {}): Promise<HtmlServer> {
  const requests: string[] = [];
  const counts = new Map<string, number>();
  let origin = '';

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((req: Request, res: Response) => {
    const key = req.originalUrl;
    requests.push(key);
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    const fault = options.faults?.(key, n);
    if (fault) return sendFault(res, fault);
    const extra = options.pages?.[key];
    const doc = extra === undefined ? siteDocument(key, origin) : { contentType: 'text/html; charset=utf-8', body: extra.replaceAll('{{origin}}', origin) };
    // The site's own files answer like the demo's download server: most are there, some are not.
    if (!doc && req.path.startsWith('/archivos/')) return answerFile(req, res);
    if (!doc) return void res.status(404).type('html').send(plainPage('404 – Página no encontrada', `No existe ${escapeHtml(key)} en este sitio.`));
    res.type(doc.contentType).send(doc.body);
  });

  const server = await listen(app);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: origin, requests, close: () => closeServer(server) };
}

function sendFault(res: Response, fault: HtmlFault): void {
  const code = statusFault(res, fault);
  if (code !== undefined) {
    return void res.status(code).type('html').send(plainPage(`Error ${code}`, 'El servidor no pudo atender la solicitud.'));
  }
  if (fault.startsWith('redirect:')) return res.redirect(302, fault.slice('redirect:'.length));
  switch (fault) {
    case 'error_page':
      return void res.type('html').send(plainPage('Sitio en mantenimiento', 'Estamos realizando tareas de mantenimiento. Intente más tarde.'));
    case 'not_found_page':
      return void res.type('html').send(plainPage('Página no encontrada', 'La página que busca no existe.'));
    case 'huge':
      return void res.type('html').send(hugePage());
    case 'empty':
      return void res.type('html').send('');
    case 'timeout':
      return; // the request stays open until the server closes
    default:
      throw new Error(`Unknown HTML fault: ${fault}`);
  }
}

/** A transparency page that grew a row per file for years: about 600 kB. */
function hugePage(): string {
  const rows = Array.from({ length: 6000 }, (_, i) => `<tr><td>Documento histórico número ${i + 1}</td><td><a href="/archivos/historico/documento-${i + 1}.pdf">Descargar</a></td></tr>`);
  return `<!DOCTYPE html><html lang="es"><head><title>Archivo histórico LOTAIP</title></head><body><main><h1>Archivo histórico LOTAIP</h1><table>${rows.join('\n')}</table></main></body></html>`;
}


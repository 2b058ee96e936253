/**
 * A small fake DCAT RDF portal on 127.0.0.1 for tests and the offline demo. It serves a catalog
 * in pages the way CKAN's ckanext-dcat does (`/catalog.ttl?page=2`, a hydra:PagedCollection with
 * the page URLs as plain literals) or the way piveau does (hydra:PartialCollectionView,
 * hydra:next), in Turtle, N-Triples, RDF/XML and JSON-LD, by extension or by content negotiation
 * on `/catalog`; plus the documents a harvester must survive: a paging loop, invalid Turtle,
 * invalid RDF/XML, truncated JSON-LD, JSON-LD with a remote context, and recorded documents.
 */
import type { Response } from 'express';
import type { AddressInfo } from 'node:net';
import { recordingApp, closeServer, listen, statusFault, type StatusFault } from './fake-http.js';
import { MEDIA_TYPES, pageCatalog, pagingQuads, serialize, type ServedSyntax } from './dcat-pages.js';
import { BROKEN_DOCUMENTS, remoteContextDocument } from './dcat-documents.js';

/** A document served as is at a path. */
export interface DcatDocument {
  contentType: string;
  body: string;
}

/**
 * What to answer instead of the document: `html` (200 with a maintenance page), `empty`,
 * `timeout` (never answers), `status:N`, `status:N:retry-after=S`.
 */
export type DcatFault = 'html' | 'empty' | 'timeout' | StatusFault;

/** Decides the fault of one request; `n` counts the requests to that path, from 1. */
export type DcatFaultHook = (request: { path: string; url: string }, n: number) => DcatFault | undefined;

export interface DcatServerOptions {
  /** The whole catalog in Turtle (relative IRIs resolve against the server): served in pages. Default none. */
  catalog?: string;
  /** Datasets per page. Default 2. */
  pageSize?: number;
  /** Paging vocabulary: `legacy` (ckanext-dcat) or `hydra` (piveau). Default `legacy`. */
  paging?: 'legacy' | 'hydra';
  /** Content type sent with the catalog pages instead of the true one (servers that lie). Default none. */
  contentType?: string;
  /** Fixed documents by path, or path and query (`/catalogues/senplades?page=2`); `{origin}` in a body becomes the server's origin. */
  documents?: Record<string, DcatDocument>;
  faults?: DcatFaultHook;
}

export interface DcatServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** Full URL of every request received, in order. */
  requests: string[];
  close(): Promise<void>;
}

const BY_EXTENSION: Record<string, ServedSyntax> = { ttl: 'turtle', nt: 'ntriples', rdf: 'rdfxml', xml: 'rdfxml', jsonld: 'jsonld' };

export async function startDcatServer(options: DcatServerOptions = {}): Promise<DcatServer> {
  const requests: string[] = [];
  const counts = new Map<string, number>();
  const pageSize = options.pageSize ?? 2;
  let origin = '';
  let catalog: ReturnType<typeof pageCatalog> | undefined;

  const app = recordingApp(requests, () => origin);
  app.use((req, res, next) => {
    const n = (counts.get(req.path) ?? 0) + 1;
    counts.set(req.path, n);
    const fault = options.faults?.({ path: req.path, url: origin + req.originalUrl }, n);
    if (fault) return sendFault(res, fault);
    next();
  });

  // Fixed documents first: a recorded `/catalog.rdf` wins over the generated one.
  const documents: Record<string, DcatDocument> = { ...BROKEN_DOCUMENTS, ...options.documents };
  app.get(/.*/, (req, res, next) => {
    const document = remoteContextDocument(req.path, origin) ?? documents[req.originalUrl] ?? documents[req.path];
    if (!document) return next();
    res.type(document.contentType).send(document.body.replaceAll('{origin}', origin));
  });

  // `/catalog` negotiates; `/catalog.ttl` and the others name their syntax; `/bucle.ttl` loops back to page 2.
  app.get(['/catalog', '/catalog.:ext', '/bucle.:ext'], async (req, res) => {
    const ext = req.params.ext === undefined ? undefined : String(req.params.ext);
    const syntax = ext === undefined ? negotiate(req.get('accept') ?? '*/*') : BY_EXTENSION[ext];
    if (!catalog || !syntax) return void res.status(catalog ? 406 : 404).type('text').send(catalog ? 'Formato no disponible' : 'No hay catálogo');
    const n = /^\d+$/.test(String(req.query.page ?? '1')) ? Math.max(1, Number(req.query.page ?? 1)) : 1;
    const base = `${origin}${req.path}`;
    const loops = req.path.startsWith('/bucle');
    const next = n < catalog.pages ? n + 1 : loops && catalog.pages > 1 ? 2 : undefined;
    const paging = pagingQuads(options.paging ?? 'legacy', `${base}?page=${n}`, {
      first: `${base}?page=1`,
      last: `${base}?page=${catalog.pages}`,
      next: next === undefined ? undefined : `${base}?page=${next}`,
      total: catalog.total,
      perPage: pageSize,
    });
    const body = await serialize([...catalog.page(n), ...paging], syntax);
    res.type(options.contentType ?? `${MEDIA_TYPES[syntax]}; charset=utf-8`).send(body);
  });

  app.use((_req, res) => void res.status(404).type('html').send('<!DOCTYPE html><html lang="es"><body><h1>404 No encontrado</h1></body></html>'));

  const server = await listen(app);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (options.catalog) catalog = pageCatalog(options.catalog, pageSize, `${origin}/`);
  return { url: origin, requests, close: () => closeServer(server) };
}

/** The first syntax the Accept header takes, by quality then order; `*` means Turtle. */
function negotiate(accept: string): ServedSyntax | undefined {
  const ranges = accept.split(',').map((part, index) => {
    const [type, ...params] = part.trim().split(';');
    const q = Number(params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean) ?? 1);
    return { type: type.trim().toLowerCase(), q, index };
  });
  ranges.sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { type, q } of ranges) {
    if (q <= 0) continue;
    if (type === '*/*' || type === 'text/*') return 'turtle';
    const hit = (Object.entries(MEDIA_TYPES) as [ServedSyntax, string][]).find(([, media]) => media === type);
    if (hit) return hit[0];
  }
  return undefined;
}

function sendFault(res: Response, fault: DcatFault): void {
  const code = statusFault(res, fault);
  if (code !== undefined) {
    return void res.status(code).type('text').send('Error del servidor (simulado)');
  }
  if (fault === 'html') return void res.type('html').send('<!DOCTYPE html><html lang="es"><body><h1>Sitio en mantenimiento</h1></body></html>');
  if (fault === 'empty') return void res.type('text/turtle').send('');
  // `timeout`: the request stays open until the server closes.
}

/**
 * The demo's download server: answers for the files the demo snapshots link to, so that link
 * checks run offline against the defects real portals have. `localUrl` moves a snapshot's URL
 * onto this server, keeping its host and path; what the server answers for a path is decided by
 * a hash of the path, so every demo run sees the same links in the same state.
 */
import express, { type Request, type Response } from 'express';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { listen, closeServer } from './fake-http.js';

/** What one file does, and its share of the files (in percent). */
const BEHAVIOURS = [
  ['ok', 66],
  ['not_found', 9],
  ['html_page', 7],
  ['no_head', 7],
  ['server_error', 5],
  ['redirect', 6],
] as const;

type Behaviour = (typeof BEHAVIOURS)[number][0];

const MEDIA_TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  pdf: 'application/pdf',
  zip: 'application/zip',
  geojson: 'application/geo+json',
  kml: 'application/vnd.google-earth.kml+xml',
  shp: 'application/octet-stream',
};

const LAST_MODIFIED = 'Tue, 05 Mar 2024 14:00:00 GMT';
const BODY = Buffer.from('codigo_canton,canton,provincia,valor\n0101,Cuenca,Azuay,1250\n0102,Girón,Azuay,87\n');
const HTML = '<!DOCTYPE html><html lang="es"><head><title>Portal de datos abiertos</title></head><body><h1>Recurso</h1><p>Descargue el archivo desde el portal.</p></body></html>';

export interface FileServer {
  url: string;
  /** The URL of `original` on this server: `http://127.0.0.1:PORT/<host>/<path>`. */
  localUrl(original: string): string;
  close(): Promise<void>;
}

export function behaviourOf(path: string): Behaviour {
  const bucket = createHash('sha1').update(path).digest().readUInt16BE(0) % 100;
  let floor = 0;
  for (const [behaviour, share] of BEHAVIOURS) {
    floor += share;
    if (bucket < floor) return behaviour;
  }
  return 'ok';
}

export async function startFileServer(): Promise<FileServer> {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(answerFile);
  const server = await listen(app);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    localUrl(original) {
      try {
        const parsed = new URL(original);
        return `${url}/${parsed.host}${parsed.pathname}${parsed.search}`;
      } catch {
        return original; // not a URL: left as the portal declared it, for the checker to judge
      }
    },
    close: () => closeServer(server),
  };
}

/** Answers for one file, as the path's behaviour says (also used by the demo's municipal site for its /archivos/). */
export function answerFile(req: Request, res: Response): void {
  const path = req.path;
  switch (behaviourOf(path.replace(/\/moved$/, ''))) {
    case 'not_found':
      return void res.status(404).type('html').send('<!DOCTYPE html><html lang="es"><body><h1>404 No encontrado</h1></body></html>');
    case 'server_error':
      return void res.status(500).type('text').send('Error interno del servidor');
    case 'html_page':
      return void res.type('html').send(HTML);
    case 'no_head':
      if (req.method === 'HEAD') return void res.status(405).set('allow', 'GET').end();
      break;
    case 'redirect':
      if (!path.endsWith('/moved')) return void res.redirect(302, `${path}/moved`);
      break;
    case 'ok':
      break;
  }
  const extension = /\.([a-z0-9]+)(?:\/moved)?$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  res.set({ 'content-type': MEDIA_TYPES[extension] ?? 'application/octet-stream', 'last-modified': LAST_MODIFIED, etag: `"${createHash('sha1').update(path).digest('hex').slice(0, 16)}"` });
  res.send(BODY);
}

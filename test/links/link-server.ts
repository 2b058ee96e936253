/** A real HTTP server on 127.0.0.1 for the link checker's tests: routes by path, every request recorded. */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Date.now() when the request arrived. */
  at: number;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface LinkServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/**
 * Answers `status` with `headers` and `body` (HEAD gets the headers only). Without a body, a
 * declared Content-Length is filled with that many bytes, so that the answer is well-formed.
 */
export function answer(status: number, headers: Record<string, string | number> = {}, body?: string): Handler {
  return (req, res) => {
    res.writeHead(status, headers);
    const declared = Number(headers['content-length'] ?? 0);
    res.end(req.method === 'HEAD' ? undefined : (body ?? 'x'.repeat(declared)));
  };
}

/** One handler for HEAD, another for every other method. */
export function byMethod(head: Handler, other: Handler): Handler {
  return (req, res) => (req.method === 'HEAD' ? head(req, res) : other(req, res));
}

/** Redirects with `status` to `location`. */
export function redirect(location: string, status = 302): Handler {
  return answer(status, { location });
}

/** Never answers (the connection stays open until the server closes). */
export const silence: Handler = () => undefined;

/** Starts a server; a path without a route answers 404. */
export async function startLinkServer(routes: Record<string, Handler>): Promise<LinkServer> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ method: req.method ?? '', path, headers: req.headers, at: Date.now() });
    (routes[path] ?? answer(404, { 'content-type': 'text/html' }, '<h1>No encontrado</h1>'))(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

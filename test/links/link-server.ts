/** A real HTTP server on 127.0.0.1 for the link checker's tests: routes by path, every request recorded. */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
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

/**
 * Starts a server on 127.0.0.1; a path without a route answers 404. With `ipv6`, the same routes
 * also listen on [::1] at the same port when the machine has IPv6 loopback, so that a request to
 * `[::1]` or `[::]` that should have been refused arrives too.
 */
export async function startLinkServer(routes: Record<string, Handler>, options: { ipv6?: boolean } = {}): Promise<LinkServer> {
  const requests: SeenRequest[] = [];
  const serve = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ method: req.method ?? '', path, headers: req.headers, at: Date.now() });
    (routes[path] ?? answer(404, { 'content-type': 'text/html' }, '<h1>No encontrado</h1>'))(req, res);
  };
  const server = createServer(serve);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const servers = [server];
  if (options.ipv6) {
    const loopback6 = createServer(serve);
    const listening = await new Promise<boolean>((resolve) => loopback6.once('error', () => resolve(false)).listen(port, '::1', () => resolve(true)));
    if (listening) servers.push(loopback6);
  }
  const close = (s: Server) =>
    new Promise<void>((resolve) => {
      s.closeAllConnections();
      s.close(() => resolve());
    });
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: async () => void (await Promise.all(servers.map(close))),
  };
}

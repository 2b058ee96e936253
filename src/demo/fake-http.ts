/**
 * What the fake portals share (src/demo/*-server.ts): listening on 127.0.0.1, closing with the
 * connections they hold, JSON answers, query parameters, and the `status:N[:retry-after=S]` fault
 * every one of them can be asked for.
 */
import express from 'express';
import type { Request, Response } from 'express';
import type { Server } from 'node:http';

/** Listens on an ephemeral port of 127.0.0.1. */
export function listen(app: express.Express): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections(); // keep-alive sockets and requests held open by a `timeout` fault
  });
}

export function sendJson(res: Response, body: string, type = 'application/json'): void {
  res.type(type).send(body);
}

/** Query parameters, the first value of each. */
export function queryParams(req: Request): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of new URL(req.originalUrl, 'http://x').searchParams) params[key] ??= value;
  return params;
}

/** A non-negative integer parameter; absent gives the default, anything else is invalid (undefined). */
export function integer(value: string | undefined, fallback: number): number | undefined {
  if (value === undefined || value === '') return fallback;
  return /^\d+$/.test(value) ? Number(value) : undefined;
}

/** An express app as every fake portal sets one up: no framework header, no ETag, each request's full URL recorded. */
export function recordingApp(requests: string[], origin: () => string): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((req, _res, next) => {
    requests.push(origin() + req.originalUrl);
    next();
  });
  return app;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Status N, with a `Retry-After: S` header in the second form (see statusFault). */
export type StatusFault = `status:${number}` | `status:${number}:retry-after=${number}`;

/**
 * The faults every fake JSON API serves: a maintenance page with 200, an empty body, truncated
 * JSON, no answer, the previous page again, a status, an answer after a delay in ms.
 */
export type JsonApiFault = 'html' | 'empty' | 'bad_json' | 'timeout' | 'repeat_previous_page' | StatusFault | `delay:${number}`;

/** For a `status:N` or `status:N:retry-after=S` fault: sets the Retry-After header and gives N. */
export function statusFault(res: Response, fault: string): number | undefined {
  const match = /^status:(\d{3})(?::retry-after=(\d+))?$/.exec(fault);
  if (!match) return undefined;
  if (match[2]) res.set('retry-after', match[2]);
  return Number(match[1]);
}

/** Starts an HTTP server on a port and address, or fails with one sentence naming them (exit 2). */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import type { Express } from 'express';
import { ConfigError } from '../errors.js';

/** `serve` listens on this address unless `--host` or COSECHA_HOST says otherwise. */
export const DEFAULT_HOST = '127.0.0.1';

export async function listen(app: Express, port: number, host: string): Promise<Server> {
  const server = app.listen(port, host);
  try {
    await once(server, 'listening');
    return server;
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new ConfigError(`El puerto ${port} de ${host} ya está en uso / Port ${port} on ${host} is already in use: stop what listens there or choose another with --port.`, { cause });
    }
    throw new ConfigError(`No se puede escuchar en / cannot listen on ${host}:${port} (${code ?? 'error'}): check --host and --port.`, { cause });
  }
}

/** The URL of a listening server, with the address it is bound to. */
export function urlOf(server: Server): string {
  const { address, family, port } = server.address() as AddressInfo;
  return `http://${family === 'IPv6' ? `[${address}]` : address}:${port}`;
}

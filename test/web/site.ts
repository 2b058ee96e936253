/** Cosecha's web app served on 127.0.0.1 over a test store, and its pages read with cheerio. */
import type { Server } from 'node:http';
import { once } from 'node:events';
import * as cheerio from 'cheerio';
import { createApp } from '../../src/api/app.js';
import { silentLogger } from '../../src/log.js';
import type { PortalConfig } from '../../src/config-types.js';
import type { Store } from '../../src/store/store.js';

export interface Site {
  base: string;
  /** A page, parsed. */
  page(path: string, headers?: Record<string, string>): Promise<{ status: number; $: cheerio.CheerioAPI; res: Response }>;
  /** Closes the server (not the store). */
  close(): Promise<void>;
}

export async function serveSite(store: Store, options: { portals?: PortalConfig[]; now?: Date } = {}): Promise<Site> {
  const { now } = options;
  const server: Server = createApp({ store, portals: options.portals ?? [], log: silentLogger, version: 'test', ...(now && { now: () => now }) }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    base,
    async page(path, headers) {
      const res = await fetch(base + path, { headers });
      return { status: res.status, $: cheerio.load(await res.clone().text()), res };
    },
    close: () => new Promise((closed) => server.close(() => closed())),
  };
}

/**
 * Page timings (issue 10, "Speed"): every web page asked for REQUESTS times in a row over HTTP
 * (keep-alive, on 127.0.0.1) from createApp on a store, p50/p95 of the time to its last byte,
 * and the bytes each page transfers. `node --import tsx bench/pages.ts demo` fills a fresh demo
 * store first (the store `cosecha demo` serves); `… bench/pages.ts PATH` reads an existing
 * SQLite store (the scenario's 100k one). Prints one JSON line. A page that answers 404 is
 * reported missing, one that fails as its status: the bench never stops for one page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/api/app.js';
import { startDemo } from '../src/cli/demo.js';
import { loadConfig } from '../src/config.js';
import { openStore } from '../src/container.js';
import { silentLogger } from '../src/log.js';
import type { Store } from '../src/store/store.js';
import { percentile } from './percentile.js';

const REQUESTS = 50;
/** Requests before the timed ones: a process reads its search index at its first search. */
const WARM_UP = 2;
/** A page slower than this in all stops after MIN_REQUESTS, so that one slow page cannot hold the bench for minutes. */
const BUDGET_MS = 30_000;
const MIN_REQUESTS = 10;

export interface PageTiming {
  page: string;
  path: string;
  /** `ok`; `missing` when the page answers 404 (not built yet); `error` for any other failure. */
  state: 'ok' | 'missing' | 'error';
  status?: number;
  /** The first request's milliseconds: a page that keeps what it built (the institution card) pays its build there. */
  firstMs?: number;
  /** Timed requests: REQUESTS, or fewer for a page past BUDGET_MS. */
  requests?: number;
  p50ms?: number;
  p95ms?: number;
  /** Bytes on the wire (compressed when the server compresses), headers excluded. */
  bytes?: number;
  encoding?: string;
  /** Why the page could not be timed. */
  error?: string;
}

/** The pages, with a real portal, publisher and dataset of the store: its largest portal's. */
async function pagesOf(store: Store): Promise<[string, string][]> {
  const portals = await store.portals.list();
  const counted = await Promise.all(portals.map(async (p) => ({ id: p.id, n: await store.datasets.count({ portalId: p.id, state: 'active' }) })));
  const portal = counted.sort((a, b) => b.n - a.n)[0]?.id ?? 'none';
  const dataset = (await store.search.search({ filters: { portal }, limit: 1 })).items[0]?.id ?? 'none';
  const snapshot = (await store.reports.latest({ kind: 'portal', id: portal }))?.report as { publishers?: { id: string }[] } | undefined;
  const publisher = snapshot?.publishers?.[0]?.id ?? `${portal}/none`;
  const [, ...local] = publisher.split('/');
  const e = encodeURIComponent;
  return [
    ['inicio', '/'],
    ['buscar', '/buscar'],
    ['buscar?q=', '/buscar?q=educacion'],
    ['conjunto', `/conjuntos/${e(dataset)}`],
    ['portales', '/portales'],
    ['portal', `/portales/${e(portal)}`],
    ['institución', `/instituciones/${e(portal)}/${e(local.join('/'))}`],
    ['comparar', '/comparar'],
    ['metodología', '/metodologia'],
  ];
}

/** One request: status, milliseconds to the last byte, bytes received as sent. */
function fetchOnce(base: string, path: string, agent: Agent): Promise<{ status: number; ms: number; bytes: number; encoding?: string }> {
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    get(base + path, { agent, headers: { 'accept-encoding': 'gzip, br', 'accept-language': 'es' } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: Number(process.hrtime.bigint() - start) / 1e6, bytes, encoding: res.headers['content-encoding'] }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

async function timePage(base: string, page: string, path: string, agent: Agent): Promise<PageTiming> {
  try {
    const first = await fetchOnce(base, path, agent);
    if (first.status === 404) return { page, path, state: 'missing', status: 404 };
    if (first.status !== 200) return { page, path, state: 'error', status: first.status, error: `status ${first.status}` };
    for (let i = 1; i < WARM_UP; i++) await fetchOnce(base, path, agent);
    const times: number[] = [];
    let last = first;
    while (times.length < REQUESTS && (times.length < MIN_REQUESTS || times.reduce((a, b) => a + b, 0) < BUDGET_MS)) {
      times.push((last = await fetchOnce(base, path, agent)).ms);
    }
    const timed = { firstMs: Math.round(first.ms * 10) / 10, requests: times.length, p50ms: percentile(times, 50), p95ms: percentile(times, 95) };
    return { page, path, state: 'ok', status: 200, ...timed, bytes: last.bytes, ...(last.encoding && { encoding: last.encoding }) };
  } catch (error) {
    return { page, path, state: 'error', error: error instanceof Error ? error.message : String(error) };
  }
}

/** Times every page of the store at `url` (`sqlite:PATH`). */
export async function timePages(url: string): Promise<{ store: string; datasets: number; requests: number; pages: PageTiming[] }> {
  const store = await openStore(url);
  const server = createApp({ store, portals: [], log: silentLogger, version: 'bench' }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const pages: PageTiming[] = [];
    for (const [page, path] of await pagesOf(store)) pages.push(await timePage(base, page, path, agent));
    return { store: url, datasets: await store.datasets.count({ state: 'active' }), requests: REQUESTS, pages };
  } finally {
    agent.destroy();
    server.close();
    await store.close();
  }
}

/** The demo's portals harvested into a fresh store, as `cosecha demo` does; its path. */
async function demoStore(dir: string): Promise<string> {
  const base = loadConfig({ portalsPath: 'config/portals.yaml', env: {}, defaults: { logLevel: 'silent' } });
  const demo = await startDemo(base, { port: 0, storePath: join(dir, 'demo.db'), log: () => {} });
  await demo.stop();
  return join(dir, 'demo.db');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = process.argv[2] ?? 'demo';
  const dir = target === 'demo' ? mkdtempSync(join(tmpdir(), 'cosecha-bench-pages-')) : undefined;
  try {
    const path = dir ? await demoStore(dir) : target;
    console.log(JSON.stringify({ ...(await timePages(`sqlite:${path}`)), store: dir ? 'demo' : path }));
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

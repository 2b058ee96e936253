/**
 * One benchmark scenario in its own process (so peak RSS belongs to it alone):
 * `node --import tsx bench/scenario.ts <datasets> [DIR]` prints one JSON line of figures; with DIR
 * its store is written there and kept (bench/run.ts times the pages on it, bench/pages.ts).
 * Against a local fake CKAN serving a synthetic catalog of that size (bench/ckan-process.ts, in
 * another process):
 * 1. floor: the pages fetched and parsed only (the harvester's list(), nothing else);
 * 2. end to end: fetch → map → normalize → score → store → index, a full run into a fresh SQLite file;
 * 3. re-harvest of the unchanged catalog (full run again: every record compared by hash);
 * 4. a remote portal: up to 10k datasets again, each page answered after 300 ms, as a real portal
 *    far away would; the run overlaps each page's request with storing the previous page. It lists
 *    the same synthetic catalog, so its records cluster with the first portal's;
 * 5. search latency with facets over both portals (clusters shown once), p50/p95 over a fixed query
 *    mix: first pages, and next pages (never a cached answer; their facets may be), after the
 *    store's search index has been read once (timed apart: a server does it at its first search).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { ckan } from '../harvesters/ckan.js';
import { parsePortal, loadConfig } from '../src/config.js';
import { createContainer } from '../src/container.js';
import { silentLogger } from '../src/log.js';
import type { SearchQuery } from '../src/store/store.js';
import { percentile } from './percentile.js';

const total = Number(process.argv[2] ?? 10_000);
/** Where to keep the store for the page timings; by default a temporary folder, removed at the end. */
const keep = process.argv[3];
const PAGE = 1000;

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);

const LATENCY_MS = 300;

/** Starts bench/ckan-process.ts and returns the portal it serves. */
async function fakePortal(id: string, datasets: number, latencyMs: number) {
  const args = ['--import', 'tsx', 'bench/ckan-process.ts', String(datasets), String(PAGE), String(latencyMs)];
  const server = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(server.stdout, 'data')) as [Buffer];
  const portal = parsePortal('bench', {
    id, name: id, country: 'EC', level: 'national', platform: 'ckan', url: line.toString().trim(),
    pageSize: PAGE, politeness: { concurrency: 1, intervalMs: 0 }, timeoutMs: 60_000,
  }, 0);
  return { portal, stop: () => server.kill('SIGTERM') };
}

const local = await fakePortal('bench-ckan', total, 0);
const portal = local.portal;
const dir = keep ?? mkdtempSync(join(tmpdir(), 'cosecha-bench-'));
const base = loadConfig({ portalsPath: 'config/portals.yaml', env: {} });
const container = await createContainer({ ...base, portals: [portal], settings: { ...base.settings, store: `sqlite:${join(dir, 'bench.db')}` } }, { log: silentLogger });

const seconds = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e9;

// 1. Floor: fetch and parse only.
let t = process.hrtime.bigint();
let listed = 0;
for await (const page of ckan.list({ portal, http: container.httpFor(portal), log: silentLogger, signal: new AbortController().signal })) listed += page.records.length;
const floorSeconds = seconds(t);
const floorRss = peakRss;

// 2. End to end.
t = process.hrtime.bigint();
const first = await container.harvest({ portal, full: true });
const e2eSeconds = seconds(t);

// 3. Unchanged re-harvest.
t = process.hrtime.bigint();
const again = await container.harvest({ portal, full: true });
const reSeconds = seconds(t);

// 4. A remote portal: it lists the same synthetic catalog, so its records cluster with the first portal's.
const remote = await fakePortal('bench-remote', Math.min(total, 10_000), LATENCY_MS);
t = process.hrtime.bigint();
const far = await container.harvest({ portal: remote.portal, full: true });
const farSeconds = seconds(t);
remote.stop();

// 5. Search with facets, over both portals (clusters shown once).
const queries: SearchQuery[] = [
  { q: 'educacion' }, { q: 'presupuesto ejecutado' }, { q: 'salud', filters: { format: 'CSV' } }, {},
  { filters: { publisher: 'GAD Municipal de Cuenca' } }, { q: 'contratacion', filters: { rating: 'bad' } }, { q: 'matri' }, { q: 'obras', page: 3 },
];
// The store's in-memory search index is read at the first search of a process (a server's, once):
// timed apart, with a word none of the queries below uses.
const s0 = process.hrtime.bigint();
await container.store.search.search({ q: 'indice', limit: 1 });
const indexLoadMs = seconds(s0) * 1000;
// Each round asks for another page, so no page comes from the store's cache of repeated queries.
// The first round is a query's first page; later rounds are its next pages, whose facets the
// store may already have counted (they are the same on every page).
const firstPages: number[] = [];
const nextPages: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const query of queries) {
    const s = process.hrtime.bigint();
    await container.store.search.search({ ...query, page: (query.page ?? 1) + round, limit: 20 });
    (round === 0 ? firstPages : nextPages).push(seconds(s) * 1000);
  }
}

clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage.rss());
await container.close();
local.stop();
if (!keep) rmSync(dir, { recursive: true, force: true });

console.log(JSON.stringify({
  datasets: total,
  floor: { listed, seconds: floorSeconds, perSecond: Math.round(listed / floorSeconds), peakRssMb: Math.round(floorRss / 2 ** 20) },
  endToEnd: { status: first.status, created: first.counts.created, seconds: e2eSeconds, perSecond: Math.round(first.counts.seen / e2eSeconds) },
  unchanged: { status: again.status, unchanged: again.counts.unchanged, seconds: reSeconds, perSecond: Math.round(again.counts.seen / reSeconds) },
  remote: {
    status: far.status, datasets: far.counts.seen, latencyMs: LATENCY_MS, seconds: farSeconds, perSecond: Math.round(far.counts.seen / farSeconds),
    waitingSeconds: (Math.ceil(far.counts.seen / PAGE) * LATENCY_MS) / 1000,
  },
  search: {
    queries: firstPages.length + nextPages.length,
    indexLoadMs: Math.round(indexLoadMs),
    firstPage: { p50ms: percentile(firstPages, 50), p95ms: percentile(firstPages, 95) },
    nextPages: { p50ms: percentile(nextPages, 50), p95ms: percentile(nextPages, 95) },
  },
  peakRssMb: Math.round(peakRss / 2 ** 20),
}));

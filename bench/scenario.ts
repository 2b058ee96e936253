/**
 * One benchmark scenario in its own process (so peak RSS belongs to it alone):
 * `node --import tsx bench/scenario.ts <datasets>` prints one JSON line of figures.
 * Against a local fake CKAN serving a synthetic catalog of that size:
 * 1. floor: the pages fetched and parsed only (the harvester's list(), nothing else);
 * 2. end to end: fetch → map → normalize → score → store → index, a full run into a fresh SQLite file;
 * 3. re-harvest of the unchanged catalog (full run again: every record compared by hash);
 * 4. search latency with facets, p50/p95 over a fixed query mix (never a cached answer).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCkanServer } from '../src/demo/ckan-server.js';
import { syntheticPackages } from '../src/demo/ckan-synthetic.js';
import { ckan } from '../harvesters/ckan.js';
import { parsePortal, loadConfig } from '../src/config.js';
import { createContainer } from '../src/container.js';
import { silentLogger } from '../src/log.js';
import type { SearchQuery } from '../src/store/store.js';

const total = Number(process.argv[2] ?? 10_000);
const PAGE = 1000;

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);

const server = await startCkanServer({ packages: syntheticPackages, total, maxRows: PAGE });
const portal = parsePortal('bench', {
  id: 'bench-ckan', name: 'Bench CKAN', country: 'EC', level: 'national', platform: 'ckan', url: server.url,
  pageSize: PAGE, politeness: { concurrency: 1, intervalMs: 0 }, timeoutMs: 60_000,
}, 0);
const dir = mkdtempSync(join(tmpdir(), 'cosecha-bench-'));
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

// 4. Search with facets.
const queries: SearchQuery[] = [
  { q: 'educacion' }, { q: 'presupuesto ejecutado' }, { q: 'salud', filters: { format: 'CSV' } }, {},
  { filters: { publisher: 'GAD Municipal de Cuenca' } }, { q: 'contratacion', filters: { rating: 'bad' } }, { q: 'matri' }, { q: 'obras', page: 3 },
];
// Each round asks for another page, so no answer comes from the store's cache of repeated queries.
const latencies: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const query of queries) {
    const s = process.hrtime.bigint();
    await container.store.search.search({ ...query, page: (query.page ?? 1) + round, limit: 20 });
    latencies.push(seconds(s) * 1000);
  }
}
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];

clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage.rss());
await container.close();
await server.close();
rmSync(dir, { recursive: true, force: true });

console.log(JSON.stringify({
  datasets: total,
  floor: { listed, seconds: floorSeconds, perSecond: Math.round(listed / floorSeconds), peakRssMb: Math.round(floorRss / 2 ** 20) },
  endToEnd: { status: first.status, created: first.counts.created, seconds: e2eSeconds, perSecond: Math.round(first.counts.seen / e2eSeconds) },
  unchanged: { status: again.status, unchanged: again.counts.unchanged, seconds: reSeconds, perSecond: Math.round(again.counts.seen / reSeconds) },
  search: { queries: latencies.length, p50ms: Math.round(pct(50) * 10) / 10, p95ms: Math.round(pct(95) * 10) / 10 },
  peakRssMb: Math.round(peakRss / 2 ** 20),
}));

/**
 * `npm run load`: the API under a fixed 200 requests/s of varied searches, dataset reports and
 * web pages (bench/load-mix.ts), over a store of 100k synthetic datasets, (a) idle and (b) while
 * `cosecha harvest` writes a second synthetic portal (20k datasets) into the same file from
 * another process. The API is `cosecha serve --no-schedule` in its own process; autocannon 9
 * drives it. Prints latency p50/p95/p99, the rate reached, non-2xx answers and errors beside the
 * aims, and writes bench/load-results.json.
 *
 * The 100k store is built once (a full harvest, a few minutes) under the system's temporary
 * folder (`cosecha-load-cache/`) and copied for each run; `--rebuild` builds it again.
 * Options: `npm run load -- [--datasets N] [--second N] [--seconds S] [--rate R] [--rebuild] [--harvest-nice N]`
 * (the harvest at a lower CPU priority, `nice -n N`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem, platform, release } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import autocannon from 'autocannon';
import { fakeCkan, harvest, serve, stop, storeCopy, writePortals } from './load-processes.js';
import { requestMix, type FacetValues, type RequestKind } from './load-mix.js';
import { percentile } from './percentile.js';

const { values: args } = parseArgs({
  options: {
    datasets: { type: 'string', default: '100000' },
    second: { type: 'string', default: '20000' },
    seconds: { type: 'string', default: '25' },
    rate: { type: 'string', default: '200' },
    rebuild: { type: 'boolean', default: false },
    'harvest-nice': { type: 'string' },
  },
});
const DATASETS = Number(args.datasets);
const SECOND = Number(args.second);
const SECONDS = Number(args.seconds);
const RATE = Number(args.rate);
/** A lower CPU priority for the harvest, as `serve` may give its harvest processes. */
const NICE = args['harvest-nice'] === undefined ? undefined : Number(args['harvest-nice']);
const AIMS = { p99Ms: 300, errors: 0, rate: RATE };
const MAIN = 'load-main';
const OTHER = 'load-second';
const datasetId = (i: number) => `${MAIN}:00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

interface Phase {
  name: string;
  requests: number;
  perSecond: number;
  p50ms: number;
  p95ms: number;
  p99ms: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  byKind: Record<string, { requests: number; p50ms: number; p95ms: number; p99ms: number }>;
  harvest?: { exitCode: number; seconds: number; overlapSeconds: number };
}

/** One autocannon run of `seconds` at `rate`, with the latency of every answer by kind. */
async function drive(url: string, facets: FacetValues, seed: number, seconds: number, rate: number): Promise<Omit<Phase, 'name'>> {
  const mix = requestMix({ seed, facets, datasetId, datasets: DATASETS });
  const latencies = new Map<RequestKind | 'all', number[]>([['all', []]]);
  const result = await autocannon({
    url,
    connections: 20,
    duration: seconds,
    overallRate: rate,
    timeout: 10,
    requests: [{
      method: 'GET',
      setupRequest: (request, context) => {
        const { path, kind } = mix.next();
        Object.assign(context, { kind, start: performance.now() });
        return { ...request, path };
      },
      onResponse: (_status, _body, context) => {
        const ms = performance.now() - (context.start as number);
        const kind = context.kind as RequestKind;
        latencies.get('all')!.push(ms);
        if (!latencies.has(kind)) latencies.set(kind, []);
        latencies.get(kind)!.push(ms);
      },
    }],
  });
  const of = (kind: RequestKind | 'all') => latencies.get(kind) ?? [];
  const all = of('all');
  const byKind = Object.fromEntries([...latencies.keys()].filter((k) => k !== 'all').sort().map((kind) => {
    const list = of(kind);
    return [kind, { requests: list.length, p50ms: percentile(list, 50), p95ms: percentile(list, 95), p99ms: percentile(list, 99) }];
  }));
  return {
    requests: result.requests.total, perSecond: Math.round((result.requests.total / result.duration) * 10) / 10,
    p50ms: percentile(all, 50), p95ms: percentile(all, 95), p99ms: percentile(all, 99),
    non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, byKind,
  };
}

/** Resolves once the portal has datasets in the store: the harvest is writing. */
async function firstWrite(store: string, portalId: string, exited: Promise<number>): Promise<void> {
  let done = false;
  void exited.then(() => (done = true));
  const db = new Database(store, { readonly: true });
  try {
    while (!done && (db.prepare('SELECT count(*) FROM datasets WHERE portal_id = ?').pluck().get(portalId) as number) === 0) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    db.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'cosecha-load-'));
const store = join(dir, 'cosecha.db');
const portalsPath = join(dir, 'portals.yaml');
const { built } = await storeCopy(join(tmpdir(), 'cosecha-load-cache'), MAIN, DATASETS, store, args.rebuild);
const second = await fakeCkan(SECOND);
writePortals(portalsPath, [{ id: MAIN, url: 'http://127.0.0.1:9/unused' }, { id: OTHER, url: second.url }]);
const api = await serve(portalsPath, store);
const phases: Phase[] = [];
try {
  const facets = ((await (await fetch(`${api.url}/api/datasets`)).json()) as { facets: FacetValues }).facets;
  process.stderr.write(`load: API at ${api.url}; warming up…\n`);
  await drive(api.url, facets, 1, 5, RATE);
  process.stderr.write(`load: idle, ${SECONDS} s at ${RATE}/s…\n`);
  phases.push({ name: 'idle', ...(await drive(api.url, facets, 2, SECONDS, RATE)) });
  const run = harvest(portalsPath, store, OTHER, NICE);
  const started = performance.now();
  await firstWrite(store, OTHER, run.done);
  process.stderr.write(`load: a harvest of ${SECOND} datasets writes the store; ${SECONDS} s at ${RATE}/s…\n`);
  const loadStart = performance.now();
  const during = await drive(api.url, facets, 3, SECONDS, RATE);
  const loadEnd = performance.now();
  const exitCode = await run.done;
  const ended = performance.now();
  const overlap = Math.max(0, Math.min(ended, loadEnd) - loadStart) / 1000;
  phases.push({ name: NICE === undefined ? 'during a harvest' : `during a harvest at nice ${NICE}`, ...during, harvest: { exitCode, seconds: Math.round((ended - started) / 100) / 10, overlapSeconds: Math.round(overlap * 10) / 10 } });
} finally {
  await stop(api.child);
  await stop(second.child);
  rmSync(dir, { recursive: true, force: true });
}

const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), os: `${platform()} ${release()}`, node: process.version };
console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}; store of ${DATASETS} datasets (${built ? 'built now' : 'cached'})`);
const header = ['phase', 'requests/s (aim ' + RATE + ')', 'p50 ms', 'p95 ms', `p99 ms (aim < ${AIMS.p99Ms})`, 'non-2xx', 'errors / timeouts (aim 0)'];
console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
for (const p of phases) console.log(`| ${p.name} | ${p.perSecond} | ${p.p50ms} | ${p.p95ms} | ${p.p99ms} | ${p.non2xx} | ${p.errors} / ${p.timeouts} |`);
for (const p of phases) {
  console.log(`\n${p.name}, by kind (p50 / p95 / p99 ms):`);
  for (const [kind, k] of Object.entries(p.byKind)) console.log(`  ${kind.padEnd(13)} ${String(k.requests).padStart(5)} requests  ${k.p50ms} / ${k.p95ms} / ${k.p99ms}`);
  if (p.harvest) console.log(`  harvest: exit ${p.harvest.exitCode}, ${p.harvest.seconds} s from start to end, writing during ${p.harvest.overlapSeconds} s of the ${SECONDS} s measured`);
}
const met = phases.every((p) => p.p99ms < AIMS.p99Ms && p.errors + p.timeouts + p.non2xx === 0 && p.perSecond >= RATE * 0.98);
console.log(`\nAims (p99 < ${AIMS.p99Ms} ms, 0 errors, ${RATE} requests/s) ${met ? 'met' : 'NOT met'} in every phase.`);
writeFileSync('bench/load-results.json', JSON.stringify({ measuredAt: new Date().toISOString(), machine, datasets: DATASETS, second: SECOND, seconds: SECONDS, rate: RATE, aims: AIMS, phases }, null, 2) + '\n');

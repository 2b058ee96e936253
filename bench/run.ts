/**
 * `npm run bench`: runs each scenario (bench/scenario.ts) in a fresh process at 10k and 100k
 * datasets (or the sizes given: `npm run bench -- 1000 5000`), prints a table and writes
 * bench/results.json with the machine it ran on.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const runs = (sizes.length ? sizes : [10_000, 100_000]).map((n) => {
  process.stderr.write(`bench: ${n} datasets…\n`);
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/scenario.ts', String(n)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!);
});

/** Issue 9's aim for search with facets over 100k datasets. */
const SEARCH_P95_AIM_MS = 50;
const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), os: `${platform()} ${release()}`, node: process.version };
const rows = runs.map((r) => [
  r.datasets, r.floor.perSecond, r.endToEnd.perSecond, r.unchanged.perSecond,
  `${r.remote.perSecond} (${r.remote.datasets} in ${r.remote.seconds.toFixed(1)} s, ${r.remote.waitingSeconds} s of it latency)`,
  `${r.search.firstPage.p50ms} / ${r.search.firstPage.p95ms}`, `${r.search.nextPages.p50ms} / ${r.search.nextPages.p95ms}`, r.search.indexLoadMs ?? '–', r.peakRssMb,
]);
const header = ['datasets', 'fetch+parse/s', 'end-to-end/s', 'unchanged re-harvest/s', 'remote portal, 300 ms a page: /s', `search, first page: p50 / p95 ms (aim p95 < ${SEARCH_P95_AIM_MS} at 100k)`, 'search, next pages: p50 / p95 ms', 'search index read at first search, ms', 'peak RSS MB'];
console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}`);
console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---:').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
for (const r of runs.filter((run) => run.datasets >= 100_000)) {
  const met = r.search.firstPage.p95ms < SEARCH_P95_AIM_MS && r.search.nextPages.p95ms < SEARCH_P95_AIM_MS;
  console.log(`Search with facets at ${r.datasets}: p95 ${r.search.firstPage.p95ms} ms first pages, ${r.search.nextPages.p95ms} ms next pages: aim (< ${SEARCH_P95_AIM_MS} ms) ${met ? 'met' : 'NOT met'}.`);
}
writeFileSync('bench/results.json', JSON.stringify({ measuredAt: new Date().toISOString(), machine, runs }, null, 2) + '\n');

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

/** Issue 9's aims. */
const AIMS = { searchP95Ms: 50, firstPerSecond: 3000, unchangedTimesFirst: 5, unchangedShareOfFloor: 0.5, peakRssMb: 400 };
const SEARCH_P95_AIM_MS = AIMS.searchP95Ms;
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
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
for (const r of runs) {
  const times = r.unchanged.perSecond / r.endToEnd.perSecond;
  const ofFloor = r.unchanged.perSecond / r.floor.perSecond;
  const reharvestMet = times >= AIMS.unchangedTimesFirst && ofFloor >= AIMS.unchangedShareOfFloor;
  console.log(`At ${r.datasets}: unchanged re-harvest ${times.toFixed(1)}× the first harvest and ${(ofFloor * 100).toFixed(0)} % of the fetch+parse floor: aim (≥ ${AIMS.unchangedTimesFirst}× and ≥ ${AIMS.unchangedShareOfFloor * 100} %) ${verdict(reharvestMet)}.`);
  console.log(`At ${r.datasets}: peak RSS ${r.peakRssMb} MB: aim (< ${AIMS.peakRssMb} MB) ${verdict(r.peakRssMb < AIMS.peakRssMb)}.`);
}
for (const r of runs.filter((run) => run.datasets >= 100_000)) {
  console.log(`First harvest at ${r.datasets}: ${r.endToEnd.perSecond} datasets/s end to end: aim (≥ ${AIMS.firstPerSecond}/s) ${verdict(r.endToEnd.perSecond >= AIMS.firstPerSecond)}.`);
  const met = r.search.firstPage.p95ms < SEARCH_P95_AIM_MS && r.search.nextPages.p95ms < SEARCH_P95_AIM_MS;
  console.log(`Search with facets at ${r.datasets}: p95 ${r.search.firstPage.p95ms} ms first pages, ${r.search.nextPages.p95ms} ms next pages: aim (< ${SEARCH_P95_AIM_MS} ms) ${verdict(met)}.`);
}
if (runs.length > 1) {
  const [small, large] = [runs[0], runs[runs.length - 1]];
  console.log(`Peak RSS from ${small.datasets} to ${large.datasets}: ${small.peakRssMb} → ${large.peakRssMb} MB (aim: flat).`);
}
writeFileSync('bench/results.json', JSON.stringify({ measuredAt: new Date().toISOString(), machine, runs }, null, 2) + '\n');

/**
 * `npm run bench`: runs each scenario (bench/scenario.ts) in a fresh process at 10k and 100k
 * datasets (or the sizes given: `npm run bench -- 1000 5000`), prints a table and writes
 * bench/results.json with the machine it ran on; then times every web page (bench/pages.ts) on
 * the demo store and on the largest scenario's store, and writes bench/page-results.json.
 * `npm run bench -- --pages [STORE.db]` times the pages alone: on the demo store, and on the
 * SQLite store given (a copy of the scenario's, say).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pageTable, type PageRun } from './page-table.js';

const args = process.argv.slice(2);
const pagesOnly = args.includes('--pages');
const sizes = args.map(Number).filter((n) => n > 0);
const storeGiven = args.find((a) => a.endsWith('.db'));
const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), os: `${platform()} ${release()}`, node: process.version };
/** Issue 10's aims for a page's p95: on the demo store, and on the scenario's 100k store. */
const PAGE_P95_AIM_MS = { demo: 100, large: 300 };

/** Runs a bench script in a fresh process; its last stdout line is its JSON. */
function runScript(script: string, scriptArgs: string[]) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, ...scriptArgs], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').pop()!);
}

/** Page timings on the demo store, and on the SQLite store `large` when there is one. */
function timePages(large?: string): void {
  process.stderr.write('bench: pages on the demo store…\n');
  const pageRuns: PageRun[] = [runScript('bench/pages.ts', ['demo']) as PageRun];
  if (large) {
    process.stderr.write(`bench: pages on ${large}…\n`);
    pageRuns.push(runScript('bench/pages.ts', [large]) as PageRun);
  }
  for (const [i, run] of pageRuns.entries()) console.log(['', ...pageTable(run, i === 0 ? PAGE_P95_AIM_MS.demo : PAGE_P95_AIM_MS.large)].join('\n'));
  writeFileSync('bench/page-results.json', JSON.stringify({ measuredAt: new Date().toISOString(), machine, runs: pageRuns }, null, 2) + '\n');
}

if (pagesOnly) {
  console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}`);
  timePages(storeGiven);
  process.exit(0);
}

// The largest scenario keeps its store for the page timings.
const kept = mkdtempSync(join(tmpdir(), 'cosecha-bench-kept-'));
const chosen = sizes.length ? sizes : [10_000, 100_000];
const largest = Math.max(...chosen);
const runs = chosen.map((n) => {
  process.stderr.write(`bench: ${n} datasets…\n`);
  return runScript('bench/scenario.ts', n === largest ? [String(n), kept] : [String(n)]);
});

/** Issue 9's aims. */
const AIMS = { searchP95Ms: 50, firstPerSecond: 3000, unchangedTimesFirst: 5, unchangedShareOfFloor: 0.5, peakRssMb: 400 };
const SEARCH_P95_AIM_MS = AIMS.searchP95Ms;
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
try {
  timePages(join(kept, 'bench.db'));
} finally {
  rmSync(kept, { recursive: true, force: true });
}

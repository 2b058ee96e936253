/**
 * The run driver: one harvest of one portal. It holds the portal's lease, streams pages through
 * map → normalize → score → batch upsert, withdraws only after a complete full listing, records
 * the run with its counts and per-record failures, and leaves everything stored as it was when the
 * listing fails (invariant 1). A record that failed is never withdrawn, even when its failure names
 * it otherwise than the store does (see `keptFromWithdrawal`).
 *
 * Pages overlap: the request for page N+1 is in flight while page N is stored, so a slow portal's
 * latency hides behind the store's work. Pages are stored in listing order, one at a time.
 */
import { chooseMode } from './run-mode.js';
import { processPage, type ProcessedPage } from './process-page.js';
import { sourceHasher } from './source-hash.js';
import { keptFromWithdrawal, ListingTally, WITHDRAWAL_HELD, withdrawalHold } from './withdrawal.js';
import { isCosechaError, messageOf, HarvestError } from '../errors.js';
import type { Harvester, HarvestContext } from './types.js';
import type { HttpClient } from './http.js';
import type { PortalConfig } from '../config-types.js';
import type { Store, Run, RunCounts, RecordFailure, RunNote, PortalRecord } from '../store/store.js';
import type { Logger } from '../log.js';

export interface RunDeps {
  store: Store;
  harvester: Harvester;
  http: HttpClient;
  log: Logger;
  /** `host:pid` of this process: the lease holder. */
  owner: string;
  leaseMs: number;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /**
   * Called after a run that stored anything, to build and store the reports; `written` is how
   * many records the run wrote (new, changed, or scored again): none, and no dataset's record or
   * quality changed.
   */
  afterRun?: (run: Run, written: number) => Promise<void>;
}

export interface RunRequest {
  portal: PortalConfig;
  /** Force a full (withdrawing) run. */
  full?: boolean;
  /** Abort the run (shutdown); it ends `interrupted`. */
  signal?: AbortSignal;
  /**
   * An operator's `--allow-mass-withdrawal`: a full run withdraws what it did not see even when
   * that is over the portal's `maxWithdrawalShare`, or its listing is short of the declared count.
   */
  allowMassWithdrawal?: boolean;
  /** Called after each page is listed, with the records seen so far (the CLI's progress). */
  onProgress?: (seen: number) => void;
}

const MAX_STORED_FAILURES = 1000;

export function portalRecord(p: PortalConfig): PortalRecord {
  return { id: p.id, name: p.name, country: p.country, level: p.level, platform: p.platform, url: p.url };
}

/** Runs one harvest. Throws LeaseHeldError when another process holds the portal. */
export async function runHarvest(deps: RunDeps, request: RunRequest): Promise<Run> {
  const { store, harvester, log: parentLog } = deps;
  const now = deps.now ?? (() => new Date());
  const { portal } = request;
  const log = parentLog.child({ portal: portal.id });
  const startedAt = now();
  const decision = await chooseMode(store, portal, harvester, request.full ?? false, startedAt);
  await store.portals.upsert(portalRecord(portal));
  const run = await store.runs.start({ portalId: portal.id, mode: decision.mode, owner: deps.owner, leaseMs: deps.leaseMs, now: startedAt });
  log.info({ runId: run.id, mode: decision.mode, reason: decision.reason }, 'Harvest started.');

  const abort = new AbortController();
  const onOuterAbort = () => abort.abort(request.signal?.reason);
  request.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const renewal = setInterval(async () => {
    const held = await store.runs.renew(run.id, deps.leaseMs, now()).catch(() => false);
    if (!held) abort.abort(new HarvestError('bad_response', `The lease of portal ${portal.id} was lost.`));
  }, Math.max(1000, deps.leaseMs / 3));
  renewal.unref();

  const counts: RunCounts = { seen: 0, created: 0, updated: 0, unchanged: 0, withdrawn: 0, restored: 0, failed: 0 };
  const failures: RecordFailure[] = [];
  // Every failed record's id and URL, not only the stored first 1000: none of them may be withdrawn.
  const failed = new Map<string, string | undefined>();
  const record = (more: RecordFailure[]) => {
    counts.failed += more.length;
    failures.push(...more.slice(0, MAX_STORED_FAILURES - failures.length));
    for (const f of more) {
      const id = f.sourceId?.trim();
      if (id && !failed.has(id)) failed.set(id, f.url);
    }
  };
  const notes: RunNote[] = [];
  const tally = new ListingTally();
  const ctx: HarvestContext = { portal, http: deps.http, since: decision.since, log, signal: abort.signal, listing: tally };
  const harvestedAt = startedAt.toISOString();
  const pageStore = {
    links: (urls: string[]) => store.links.get(urls),
    touchUnchanged: (hashes: string[]) => store.datasets.touchUnchanged(portal.id, run.id, hashes, now()),
  };
  const sourceHash = sourceHasher(portal);
  /** Records written (new, changed, or the same scored again): with none, no stored record or quality changed. */
  let written = 0;
  const storePage = async ({ writes, failures: more, unchanged }: ProcessedPage) => {
    record(more);
    counts.unchanged += unchanged;
    written += writes.length;
    const result = await store.datasets.upsertBatch(portalRecord(portal), run.id, writes);
    counts.created += result.created;
    counts.updated += result.updated;
    counts.unchanged += result.unchanged;
    counts.restored += result.restored;
  };
  let storing: Promise<void> = Promise.resolve();
  let finished: Run;
  try {
    for await (const page of harvester.list(ctx)) {
      if (abort.signal.aborted) break;
      counts.seen += page.records.length;
      request.onProgress?.(counts.seen);
      const processed = processPage({ harvester, portal, page, runId: run.id, harvestedAt, sourceHash }, pageStore, now());
      const previous = storing;
      storing = Promise.all([processed, previous]).then(([done]) => storePage(done));
      // A failure surfaces at the next page's await or after the listing; until then it counts as handled.
      storing.catch(() => undefined);
      await previous;
    }
    await storing;
    if (abort.signal.aborted) throw abort.signal.reason ?? new Error('aborted');
    if (decision.mode === 'full') {
      const { keep, held } = await keptFromWithdrawal(store.datasets, { portalId: portal.id, runId: run.id, aliases: harvester.aliases?.bind(harvester) }, failed);
      const check = { portalId: portal.id, runId: run.id, seen: counts.seen, tally, keep, maxShare: portal.maxWithdrawalShare, allowMass: request.allowMassWithdrawal ?? false };
      const hold = await withdrawalHold(store.datasets, check);
      if (hold) {
        notes.push(hold);
      } else {
        counts.withdrawn = await store.datasets.withdrawUnseen(portal.id, run.id, now(), keep);
      }
      if (held.length > 0) {
        // Notes, not record failures: `counts.failed` leaves them out, and they have their own cap.
        failures.push(...held.slice(0, MAX_STORED_FAILURES));
      }
    }
    finished = await store.runs.finish(run.id, { status: 'succeeded', counts, failures, notes, declared: tally.declared?.total, now: now() });
  } catch (error) {
    await storing.catch(() => undefined); // a page still being stored is counted before the run is recorded
    const status = abort.signal.aborted ? 'interrupted' : 'failed';
    // Stopped from outside (shutdown, SIGTERM of a worker) unless the reason says otherwise.
    const code = isCosechaError(error) ? error.code : abort.signal.aborted ? 'stopped' : 'unexpected';
    const err = { code, message: messageOf(error), url: error instanceof HarvestError ? error.url : undefined };
    finished = await store.runs.finish(run.id, { status, counts, failures, error: err, declared: tally.declared?.total, now: now() });
  } finally {
    clearInterval(renewal);
    request.signal?.removeEventListener('abort', onOuterAbort);
  }
  if (deps.afterRun && (finished.counts.seen > 0 || finished.status === 'succeeded')) {
    await deps.afterRun(finished, written).catch((e) => log.error({ runId: run.id, err: messageOf(e) }, 'The reports of the run could not be built.'));
  }
  // The run's one summary line, its error and notes in it: a warning unless all went well.
  const clean = finished.status === 'succeeded' && finished.notes.length === 0;
  const outcome = { runSummary: true, runId: run.id, status: finished.status, ...finished.counts, error: finished.error, notes: finished.notes.map((n) => n.code) };
  log[clean ? 'info' : 'warn'](outcome, summaryLine(portal.id, finished));
  return finished;
}

/** The one summary line of a run. */
export function summaryLine(portalId: string, run: Run): string {
  const c = run.counts;
  const held = run.failures.filter((f) => f.stage === WITHDRAWAL_HELD.stage).length;
  const withdrawn = held > 0 ? `${c.withdrawn} withdrawn (${held} held back)` : `${c.withdrawn} withdrawn`;
  const notes = run.notes.map((n) => ` ${n.message}`).join('');
  const tail = `${notes}${run.error ? ` Error: ${run.error.message}` : ''}`;
  return `${portalId}: ${run.mode} run ${run.status}: ${c.seen} seen, ${c.created} new, ${c.updated} updated, ${c.unchanged} unchanged, ${withdrawn}, ${c.restored} restored, ${c.failed} failed.${tail}`;
}

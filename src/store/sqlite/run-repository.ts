/** Harvest runs and the per-portal lease (DESIGN.md invariant 2: no stuck runs). */
import { LeaseHeldError, StoreError } from '../../errors.js';
import type { FinishRun, RecordFailure, Run, RunCounts, RunMode, RunNote, RunRepository, StartRun } from '../store.js';
import { attempt, parseJson, type Connection } from './connection.js';
import { newRun } from '../run-id.js';

/** Stored failures per run; `counts.failed` keeps the full number. */
export const MAX_STORED_FAILURES = 1000;

const COLUMNS = 'id, portal_id, mode, status, owner, started_at, finished_at, lease_until, counts, failures, error, notes, declared';
const NEWEST_FIRST = 'ORDER BY started_at DESC, seq DESC';

interface RunRow {
  id: string;
  portal_id: string;
  mode: Run['mode'];
  status: Run['status'];
  owner: string;
  started_at: string;
  finished_at: string | null;
  lease_until: string;
  counts: string;
  failures: string;
  error: string | null;
  notes: string;
  declared: number | null;
}

export class SqliteRunRepository implements RunRepository {
  constructor(private readonly connection: Connection) {}

  async start(input: StartRun): Promise<Run> {
    const now = input.now ?? new Date();
    const nowIso = now.toISOString();
    // BEGIN IMMEDIATE: two processes checking the lease at once cannot both see it free.
    return this.connection.transaction(() => {
      const running = this.connection
        .sql(`SELECT ${COLUMNS} FROM runs WHERE portal_id = ? AND status = 'running'`)
        .all(input.portalId) as RunRow[];
      const live = running.find((run) => run.lease_until > nowIso);
      if (live) throw new LeaseHeldError(input.portalId, `${live.owner} (run ${live.id})`);
      for (const expired of running) this.#interrupt(expired.id, nowIso);
      const run = newRun(input, now);
      this.connection
        .sql(`INSERT INTO runs (${COLUMNS}) VALUES (?, ?, ?, 'running', ?, ?, NULL, ?, ?, '[]', NULL, '[]', NULL)`)
        .run(run.id, run.portalId, run.mode, run.owner, run.startedAt, run.leaseUntil, JSON.stringify(run.counts));
      return run;
    }, 'immediate');
  }

  async renew(runId: string, leaseMs: number, now = new Date()): Promise<boolean> {
    // A running run still holds its lease even past expiry: nobody has taken it over, or it would be interrupted.
    const { changes } = this.connection
      .sql(`UPDATE runs SET lease_until = ? WHERE id = ? AND status = 'running'`)
      .run(new Date(now.getTime() + leaseMs).toISOString(), runId);
    return changes === 1;
  }

  async finish(runId: string, result: FinishRun): Promise<Run> {
    const finishedAt = (result.now ?? new Date()).toISOString();
    const { changes } = attempt(`finish run ${runId}`, () =>
      this.connection
        .sql('UPDATE runs SET status = ?, finished_at = ?, counts = ?, failures = ?, error = ?, notes = ?, declared = ? WHERE id = ?')
        .run(
          result.status,
          finishedAt,
          JSON.stringify(result.counts),
          JSON.stringify(capFailures(result.failures)),
          result.error ? JSON.stringify(result.error) : null,
          JSON.stringify(result.notes ?? []),
          result.declared ?? null,
          runId,
        ),
    );
    if (changes === 0) throw new StoreError(`Run ${runId} does not exist.`, { code: 'run_not_found' });
    return (await this.get(runId)) as Run;
  }

  async interruptExpired(now = new Date()): Promise<number> {
    const nowIso = now.toISOString();
    return this.connection.transaction(() => {
      const expired = this.connection
        .sql(`SELECT id FROM runs WHERE status = 'running' AND lease_until <= ?`)
        .all(nowIso) as { id: string }[];
      for (const run of expired) this.#interrupt(run.id, nowIso);
      return expired.length;
    }, 'immediate');
  }

  async get(runId: string): Promise<Run | undefined> {
    const row = this.connection.sql(`SELECT ${COLUMNS} FROM runs WHERE id = ?`).get(runId) as RunRow | undefined;
    return row && toRun(row);
  }

  async list(filter: { portalId?: string; limit?: number } = {}): Promise<Run[]> {
    const limit = filter.limit ?? 50;
    const rows = (
      filter.portalId === undefined
        ? this.connection.sql(`SELECT ${COLUMNS} FROM runs ${NEWEST_FIRST} LIMIT ?`).all(limit)
        : this.connection.sql(`SELECT ${COLUMNS} FROM runs WHERE portal_id = ? ${NEWEST_FIRST} LIMIT ?`).all(filter.portalId, limit)
    ) as RunRow[];
    return rows.map(toRun);
  }

  async lastSucceeded(portalId: string, mode?: RunMode): Promise<Run | undefined> {
    const row = this.connection
      .sql(
        `SELECT ${COLUMNS} FROM runs WHERE portal_id = ? AND status = 'succeeded' AND (? IS NULL OR mode = ?)
         ${NEWEST_FIRST} LIMIT 1`,
      )
      .get(portalId, mode ?? null, mode ?? null) as RunRow | undefined;
    return row && toRun(row);
  }

  #interrupt(runId: string, nowIso: string): void {
    const error = { code: 'lease_expired', message: 'The run stopped renewing its lease (the process probably crashed).' };
    this.connection
      .sql(`UPDATE runs SET status = 'interrupted', finished_at = ?, error = ? WHERE id = ?`)
      .run(nowIso, JSON.stringify(error), runId);
  }
}

function capFailures(failures: RecordFailure[]): RecordFailure[] {
  return failures.length > MAX_STORED_FAILURES ? failures.slice(0, MAX_STORED_FAILURES) : failures;
}

function toRun(row: RunRow): Run {
  const error = parseJson<Run['error']>(row.error);
  return {
    id: row.id,
    portalId: row.portal_id,
    mode: row.mode,
    status: row.status,
    owner: row.owner,
    startedAt: row.started_at,
    ...(row.finished_at !== null && { finishedAt: row.finished_at }),
    leaseUntil: row.lease_until,
    counts: JSON.parse(row.counts) as RunCounts,
    failures: JSON.parse(row.failures) as RecordFailure[],
    ...(error && { error }),
    notes: JSON.parse(row.notes) as RunNote[],
    ...(row.declared !== null && { declared: row.declared }),
  };
}

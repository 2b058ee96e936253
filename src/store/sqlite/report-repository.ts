/** Report snapshots: every save is kept (but a same-day one without a run, when asked), so a scope has a history. */
import { BadRequestError } from '../../errors.js';
import type { ReportRepository, ReportScope, ReportSnapshot, SaveReportOptions } from '../store.js';
import type { Connection } from './connection.js';
import { sameUtcDay } from '../same-day.js';

interface ReportRow {
  scope_kind: ReportScope['kind'];
  scope_id: string;
  run_id: string | null;
  created_at: string;
  report: string;
}

const COLUMNS = 'scope_kind, scope_id, run_id, created_at, report';
const NEWEST_FIRST = 'ORDER BY created_ms DESC, seq DESC';

export class SqliteReportRepository implements ReportRepository {
  constructor(private readonly connection: Connection) {}

  async save(snapshot: ReportSnapshot, options: SaveReportOptions = {}): Promise<void> {
    const createdMs = Date.parse(snapshot.createdAt);
    if (Number.isNaN(createdMs)) throw new BadRequestError(`Report createdAt is not an ISO time: ${snapshot.createdAt}`);
    const { kind, id } = snapshot.scope;
    this.connection.transaction(() => {
      if (options.replaceSameDay) {
        const latest = this.connection
          .sql(`SELECT seq, run_id, created_at FROM reports WHERE scope_kind = ? AND scope_id = ? ${NEWEST_FIRST} LIMIT 1`)
          .get(kind, id) as { seq: number; run_id: string | null; created_at: string } | undefined;
        if (latest && latest.run_id === null && sameUtcDay(latest.created_at, snapshot.createdAt)) {
          this.connection.sql('DELETE FROM reports WHERE seq = ?').run(latest.seq);
        }
      }
      this.connection
        .sql(`INSERT INTO reports (${COLUMNS}, created_ms) VALUES (?, ?, ?, ?, ?, ?)`)
        .run(kind, id, snapshot.runId ?? null, snapshot.createdAt, JSON.stringify(snapshot.report ?? null), createdMs);
    });
  }

  async latest(scope: ReportScope, before?: Date): Promise<ReportSnapshot | undefined> {
    const row = this.connection
      .sql(`SELECT ${COLUMNS} FROM reports WHERE scope_kind = ? AND scope_id = ? AND created_ms <= ? ${NEWEST_FIRST} LIMIT 1`)
      .get(scope.kind, scope.id, before?.getTime() ?? Number.MAX_SAFE_INTEGER) as ReportRow | undefined;
    return row && toSnapshot(row);
  }

  async history(scope: ReportScope, since?: Date): Promise<ReportSnapshot[]> {
    const rows = this.connection
      .sql(`SELECT ${COLUMNS} FROM reports WHERE scope_kind = ? AND scope_id = ? AND created_ms >= ? ${NEWEST_FIRST}`)
      .all(scope.kind, scope.id, since?.getTime() ?? Number.MIN_SAFE_INTEGER) as ReportRow[];
    return rows.map(toSnapshot);
  }
}

function toSnapshot(row: ReportRow): ReportSnapshot {
  return {
    scope: { kind: row.scope_kind, id: row.scope_id },
    ...(row.run_id !== null && { runId: row.run_id }),
    createdAt: row.created_at,
    report: JSON.parse(row.report) as unknown,
  };
}

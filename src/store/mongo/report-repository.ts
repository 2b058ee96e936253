/** Report snapshots: every save is kept (but a same-day one without a run, when asked), so a scope has a history. */
import { BadRequestError } from '../../errors.js';
import type { ReportRepository, ReportScope, ReportSnapshot, SaveReportOptions } from '../store.js';
import { sameUtcDay } from '../same-day.js';
import { attempt, plain } from './codec.js';
import type { MongoModels } from './models/build-models.js';

interface ReportLean {
  scopeKind: ReportScope['kind'];
  scopeId: string;
  runId?: string | null;
  createdAt: string;
  report: unknown;
}

/** Newest first; `_id` (an ObjectId) orders snapshots of the same millisecond by insertion. */
const NEWEST_FIRST = { at: -1, _id: -1 } as const;
const FIELDS = { _id: 0, scopeKind: 1, scopeId: 1, runId: 1, createdAt: 1, report: 1 } as const;

export class MongoReportRepository implements ReportRepository {
  constructor(private readonly models: MongoModels) {}

  async save(snapshot: ReportSnapshot, options: SaveReportOptions = {}): Promise<void> {
    const at = new Date(snapshot.createdAt);
    if (Number.isNaN(at.getTime())) throw new BadRequestError(`Report createdAt is not an ISO time: ${snapshot.createdAt}`);
    const { scope, runId, createdAt } = snapshot;
    await attempt(`save a report of ${scope.kind} ${scope.id}`, async () => {
      if (options.replaceSameDay) {
        const latest = await this.models.reports
          .findOne({ scopeKind: scope.kind, scopeId: scope.id }, { _id: 1, runId: 1, createdAt: 1 })
          .sort(NEWEST_FIRST)
          .lean<{ _id: unknown; runId?: string | null; createdAt: string }>()
          .exec();
        if (latest && latest.runId == null && sameUtcDay(latest.createdAt, createdAt)) await this.models.reports.deleteOne({ _id: latest._id }).exec();
      }
      await this.models.reports.create({ scopeKind: scope.kind, scopeId: scope.id, runId, createdAt, at, report: plain(snapshot.report) ?? null });
    });
  }

  async latest(scope: ReportScope, before?: Date): Promise<ReportSnapshot | undefined> {
    const doc = await attempt(`read the latest report of ${scope.kind} ${scope.id}`, () =>
      this.models.reports
        .findOne({ scopeKind: scope.kind, scopeId: scope.id, ...(before && { at: { $lte: before } }) }, FIELDS)
        .sort(NEWEST_FIRST)
        .lean<ReportLean>()
        .exec(),
    );
    return doc ? toSnapshot(doc) : undefined;
  }

  async history(scope: ReportScope, since?: Date): Promise<ReportSnapshot[]> {
    const filter = { scopeKind: scope.kind, scopeId: scope.id, ...(since && { at: { $gte: since } }) };
    const docs = await attempt(`read the report history of ${scope.kind} ${scope.id}`, () =>
      this.models.reports.find(filter, FIELDS).sort(NEWEST_FIRST).lean<ReportLean[]>().exec(),
    );
    return docs.map(toSnapshot);
  }
}

function toSnapshot(doc: ReportLean): ReportSnapshot {
  return {
    scope: { kind: doc.scopeKind, id: doc.scopeId },
    ...(doc.runId != null && { runId: doc.runId }),
    createdAt: doc.createdAt,
    report: doc.report,
  };
}

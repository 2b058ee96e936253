/**
 * Harvest runs and the per-portal lease (DESIGN.md invariant 2: no stuck runs).
 *
 * The lease is the running run itself. A unique partial index on `portalId` over the runs whose
 * status is `running` (models/run.ts) lets the server, not the client, decide who gets it: two
 * processes that start the same portal at once both insert, exactly one insert succeeds and the
 * other gets a duplicate-key error, read as LeaseHeldError. Expired runs are marked `interrupted`
 * by a conditional update first, which is idempotent when several processes do it at once.
 */
import mongoose from 'mongoose';
import { LeaseHeldError, messageOf, StoreError } from '../../errors.js';
import type { FinishRun, RecordFailure, Run, RunCounts, RunMode, RunNote, RunRepository, StartRun } from '../store.js';
import { newRun } from '../run-id.js';
import { attempt, isDuplicateKey, isoOf, plain } from './codec.js';
import type { MongoModels } from './models/build-models.js';

/** Stored failures per run; `counts.failed` keeps the full number. */
export const MAX_STORED_FAILURES = 1000;

/** How often start() tries again when the lease holder it collided with has already gone. */
const START_ATTEMPTS = 3;

const NEWEST_FIRST = { startedAt: -1, seq: -1 } as const;
const LEASE_EXPIRED = { code: 'lease_expired', message: 'The run stopped renewing its lease (the process probably crashed).' };

interface RunLean {
  _id: string;
  portalId: string;
  mode: RunMode;
  status: Run['status'];
  owner: string;
  startedAt: Date;
  finishedAt?: Date | null;
  leaseUntil: Date;
  counts: RunCounts;
  failures: RecordFailure[];
  error?: Run['error'] | null;
  /** Absent on runs stored before notes existed. */
  notes?: RunNote[];
  declared?: number | null;
}

export class MongoRunRepository implements RunRepository {
  constructor(private readonly models: MongoModels) {}

  async start(input: StartRun): Promise<Run> {
    const now = input.now ?? new Date();
    const leaseUntil = new Date(now.getTime() + input.leaseMs);
    for (let attemptNo = 1; ; attemptNo += 1) {
      await this.#interrupt({ portalId: input.portalId, leaseUntil: { $lte: now } }, now);
      const run = newRun(input, now);
      try {
        await this.models.runs.create({
          _id: run.id,
          seq: new mongoose.Types.ObjectId(),
          portalId: run.portalId,
          mode: run.mode,
          status: run.status,
          owner: run.owner,
          startedAt: now,
          leaseUntil,
          counts: run.counts,
          failures: run.failures,
          notes: run.notes,
        });
        return run;
      } catch (e) {
        if (!isDuplicateKey(e)) throw new StoreError(`MongoDB store: could not start a run of ${input.portalId}: ${messageOf(e)}`, { cause: e });
      }
      const holder = await attempt(`read the lease of ${input.portalId}`, () =>
        this.models.runs.findOne({ portalId: input.portalId, status: 'running' }).lean<RunLean>().exec(),
      );
      // Unless the holder finished or expired between our two writes (then try again), the lease is taken.
      const live = holder !== null && holder.leaseUntil > now;
      if (live || attemptNo >= START_ATTEMPTS) {
        throw new LeaseHeldError(input.portalId, holder ? `${holder.owner} (run ${holder._id})` : 'another process');
      }
    }
  }

  async renew(runId: string, leaseMs: number, now = new Date()): Promise<boolean> {
    // A running run still holds its lease past expiry: nobody has taken it over, or it would be interrupted.
    const leaseUntil = new Date(now.getTime() + leaseMs);
    const { matchedCount } = await attempt(`renew the lease of run ${runId}`, () =>
      this.models.runs.updateOne({ _id: runId, status: 'running' }, { $set: { leaseUntil } }).exec(),
    );
    return matchedCount === 1;
  }

  async finish(runId: string, result: FinishRun): Promise<Run> {
    const set = {
      status: result.status,
      finishedAt: result.now ?? new Date(),
      counts: plain(result.counts),
      failures: plain(result.failures.slice(0, MAX_STORED_FAILURES)),
      notes: plain(result.notes ?? []),
      ...(result.declared !== undefined && { declared: result.declared }),
      ...(result.error && { error: plain(result.error) }),
    };
    const doc = await attempt(`finish run ${runId}`, () =>
      this.models.runs
        .findOneAndUpdate({ _id: runId }, { $set: set, ...(!result.error && { $unset: { error: 1 } }) }, { returnDocument: 'after' })
        .lean<RunLean>()
        .exec(),
    );
    if (!doc) throw new StoreError(`Run ${runId} does not exist.`, { code: 'run_not_found' });
    return toRun(doc);
  }

  async interruptExpired(now = new Date()): Promise<number> {
    return this.#interrupt({ leaseUntil: { $lte: now } }, now);
  }

  async get(runId: string): Promise<Run | undefined> {
    const doc = await attempt(`read run ${runId}`, () => this.models.runs.findById(runId).lean<RunLean>().exec());
    return doc ? toRun(doc) : undefined;
  }

  async list(filter: { portalId?: string; limit?: number } = {}): Promise<Run[]> {
    const query = filter.portalId === undefined ? {} : { portalId: filter.portalId };
    const docs = await attempt('list runs', () =>
      this.models.runs.find(query).sort(NEWEST_FIRST).limit(filter.limit ?? 50).lean<RunLean[]>().exec(),
    );
    return docs.map(toRun);
  }

  async lastSucceeded(portalId: string, mode?: RunMode): Promise<Run | undefined> {
    const query = { portalId, status: 'succeeded', ...(mode && { mode }) };
    const doc = await attempt(`read the last run of ${portalId}`, () =>
      this.models.runs.findOne(query).sort(NEWEST_FIRST).lean<RunLean>().exec(),
    );
    return doc ? toRun(doc) : undefined;
  }

  /** Marks the running runs that match as interrupted; the status condition makes it safe to repeat. */
  async #interrupt(filter: mongoose.QueryFilter<RunLean>, now: Date): Promise<number> {
    const { modifiedCount } = await attempt('interrupt expired runs', () =>
      this.models.runs
        .updateMany({ ...filter, status: 'running' }, { $set: { status: 'interrupted', finishedAt: now, error: LEASE_EXPIRED } })
        .exec(),
    );
    return modifiedCount;
  }
}

function toRun(doc: RunLean): Run {
  return {
    id: doc._id,
    portalId: doc.portalId,
    mode: doc.mode,
    status: doc.status,
    owner: doc.owner,
    startedAt: doc.startedAt.toISOString(),
    ...(doc.finishedAt && { finishedAt: isoOf(doc.finishedAt) }),
    leaseUntil: doc.leaseUntil.toISOString(),
    counts: doc.counts,
    failures: doc.failures,
    ...(doc.error && { error: doc.error }),
    notes: doc.notes ?? [],
    ...(typeof doc.declared === 'number' && { declared: doc.declared }),
  };
}

/** Run ids that sort by start time (`20240301T100000123Z-<10 hex>`) and new run records. */
import type { Run, StartRun } from './store.js';
import { randomBytes } from 'node:crypto';

export function newRunId(startedAt: Date): string {
  const time = startedAt.toISOString().replace(/[-:.]/g, '');
  return `${time}-${randomBytes(5).toString('hex')}`;
}

/** The record of a run that starts now holding its lease: the same in every adapter. */
export function newRun(input: StartRun, now: Date): Run {
  return {
    id: newRunId(now),
    portalId: input.portalId,
    mode: input.mode,
    status: 'running',
    owner: input.owner,
    startedAt: now.toISOString(),
    leaseUntil: new Date(now.getTime() + input.leaseMs).toISOString(),
    counts: { seen: 0, created: 0, updated: 0, unchanged: 0, withdrawn: 0, restored: 0, failed: 0 },
    failures: [],
    notes: [],
  };
}

/**
 * What the store keeps of harvest runs: their status, counts, failures and notes, and the
 * repository that starts, renews and ends them (part of the store port, src/store/store.ts).
 */

export type RunStatus = 'running' | 'succeeded' | 'failed' | 'interrupted';
export type RunMode = 'full' | 'incremental';

export interface RunCounts {
  seen: number;
  created: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
  restored: number;
  failed: number;
}

/** One record that could not be harvested, and why. */
export interface RecordFailure {
  sourceId?: string;
  url?: string;
  /** Where it failed: list, map, normalize, score, store. */
  stage: string;
  code: string;
  message: string;
}

/**
 * Why a complete full run withdrew nothing although it did not see every stored dataset
 * (DESIGN.md invariant 1): the listing gave fewer records than the portal declared, or it would
 * have withdrawn more than the portal's `maxWithdrawalShare` of its active datasets.
 */
export interface RunNote {
  code: 'listing_short' | 'withdrawal_capped';
  /** One sentence in Spanish, then in English. */
  message: string;
  /** listing_short: how many records the portal said the listing holds, and how many it gave. */
  declared?: number;
  listed?: number;
  /** withdrawal_capped: how many active datasets the run did not see, of how many. */
  unseen?: number;
  active?: number;
}

export interface Run {
  id: string;
  portalId: string;
  mode: RunMode;
  status: RunStatus;
  /** Process that holds (or held) the lease, `host:pid`. */
  owner: string;
  startedAt: string;
  finishedAt?: string;
  /** The lease expires at this time unless renewed. */
  leaseUntil: string;
  counts: RunCounts;
  /** At most the first 1000 record failures; `counts.failed` has the full number. */
  failures: RecordFailure[];
  /** Why a failed or interrupted run ended. */
  error?: { code: string; message: string; url?: string };
  /** Why a complete full run withdrew nothing (empty for every other run). */
  notes: RunNote[];
  /** How many records the portal said the listing holds (CKAN's `count`, …), when it said. */
  declared?: number;
}

export interface StartRun {
  portalId: string;
  mode: RunMode;
  owner: string;
  /** How long the lease lasts before it must be renewed. */
  leaseMs: number;
  now?: Date;
}

export interface FinishRun {
  status: Exclude<RunStatus, 'running'>;
  counts: RunCounts;
  failures: RecordFailure[];
  error?: Run['error'];
  notes?: RunNote[];
  declared?: number;
  now?: Date;
}

export interface RunRepository {
  /**
   * Starts a run holding the portal's lease. A running run of the same portal whose lease has
   * expired is first marked `interrupted`. Throws LeaseHeldError while another lease is live.
   */
  start(input: StartRun): Promise<Run>;
  /** Extends the lease of a running run; false when the run no longer holds it. */
  renew(runId: string, leaseMs: number, now?: Date): Promise<boolean>;
  /** Ends a run with its final status, counts and failures. */
  finish(runId: string, result: FinishRun): Promise<Run>;
  /** Marks every running run whose lease has expired as `interrupted`; returns how many. */
  interruptExpired(now?: Date): Promise<number>;
  get(runId: string): Promise<Run | undefined>;
  /** Runs, newest first. */
  list(filter?: { portalId?: string; limit?: number }): Promise<Run[]>;
  /** The latest succeeded run of the portal, of the given mode or any. */
  lastSucceeded(portalId: string, mode?: RunMode): Promise<Run | undefined>;
}

/** Decides whether a run is full (the only kind that may withdraw) or incremental. */
import type { Store, RunMode } from '../store/store.js';
import type { PortalConfig } from '../config-types.js';
import type { Harvester } from './types.js';

export interface ModeDecision {
  mode: RunMode;
  /** For incremental runs: records modified since this time are asked for. */
  since?: Date;
  /** Why this mode, for the log. */
  reason: string;
}

const DAY_MS = 86_400_000;

export async function chooseMode(store: Store, portal: PortalConfig, harvester: Harvester, forceFull: boolean, now: Date): Promise<ModeDecision> {
  if (forceFull) return { mode: 'full', reason: 'a full run was asked for' };
  if (!harvester.incremental) return { mode: 'full', reason: `the ${harvester.platform} harvester lists whole catalogs` };
  const lastFull = await store.runs.lastSucceeded(portal.id, 'full');
  if (!lastFull) return { mode: 'full', reason: 'no full run has succeeded yet' };
  // A full run held back its withdrawals (harvest/withdrawal.ts): the next one tries again.
  const held = lastFull.notes[0];
  if (held) return { mode: 'full', reason: `the last full run withdrew nothing (${held.code})` };
  const ageDays = (now.getTime() - Date.parse(lastFull.startedAt)) / DAY_MS;
  if (ageDays >= portal.fullEveryDays) return { mode: 'full', reason: `the last full run is ${Math.floor(ageDays)} days old` };
  const last = (await store.runs.lastSucceeded(portal.id)) ?? lastFull;
  return { mode: 'incremental', since: new Date(last.startedAt), reason: `changes since ${last.startedAt}` };
}

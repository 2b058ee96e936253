/**
 * Scheduled harvests: one node-cron task per enabled portal. A portal's task never overlaps
 * itself (and the store lease keeps other processes out); portals run independently, so one slow
 * portal never blocks another. Link checks follow each harvest that succeeded, and one more task
 * checks the links that fall due between harvests (QUALITY.md: the checker has its own schedule).
 */
import cron, { type ScheduledTask } from 'node-cron';
import { LeaseHeldError, messageOf } from '../errors.js';
import type { PortalConfig } from '../config-types.js';
import type { RunRequest } from '../harvest/run-driver.js';
import type { Run } from '../store/store.js';
import type { Logger } from '../log.js';

export interface SchedulerDeps {
  portals: readonly PortalConfig[];
  /** Whether the portal's platform has a harvester; others are listed and skipped. */
  canHarvest: (portal: PortalConfig) => boolean;
  harvest: (request: RunRequest) => Promise<Run>;
  /** Portals for which this is true are harvested at once, not only at their next scheduled time. */
  runAtStart?: (portal: PortalConfig) => Promise<boolean>;
  /** Checks a portal's new and due links; absent: no link checks. */
  checkLinks?: (portalId: string, signal: AbortSignal) => Promise<unknown>;
  /** Cron expression of the pass over every scheduled portal's due links. */
  linkSchedule?: string;
  log: Logger;
}

export interface Scheduler {
  /** Portals scheduled, and portals skipped with the reason. */
  readonly scheduled: string[];
  readonly skipped: { id: string; reason: string }[];
  /** Stops every task and aborts the runs in progress (they end `interrupted`). */
  stop(): Promise<void>;
}

export function startScheduler(deps: SchedulerDeps): Scheduler {
  const tasks: ScheduledTask[] = [];
  const running = new Map<AbortController, Promise<unknown>>();
  const scheduled: string[] = [];
  const skipped: { id: string; reason: string }[] = [];
  let stopped = false;

  /** Runs one piece of work that stop() can abort and waits for. */
  const track = async <T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const abort = new AbortController();
    const done = work(abort.signal);
    running.set(abort, done);
    try {
      return await done;
    } finally {
      running.delete(abort);
    }
  };

  const checkLinksNow = async (portal: PortalConfig) => {
    if (stopped || !deps.checkLinks) return;
    const check = deps.checkLinks;
    await track((signal) => check(portal.id, signal)).catch((error) => {
      if (!stopped) deps.log.error({ portal: portal.id, err: messageOf(error) }, `The link check of ${portal.id} failed: ${messageOf(error)}`);
    });
  };

  const harvestNow = async (portal: PortalConfig) => {
    if (stopped) return;
    const log = deps.log.child({ portal: portal.id });
    const run = await track((signal) => deps.harvest({ portal, signal })).catch((error) => {
      if (error instanceof LeaseHeldError) log.info(error.message);
      else log.error({ err: messageOf(error) }, `The scheduled harvest of ${portal.id} failed: ${messageOf(error)}`);
    });
    if (run?.status === 'succeeded') await checkLinksNow(portal);
  };

  for (const portal of deps.portals) {
    if (!portal.enabled) {
      skipped.push({ id: portal.id, reason: 'disabled in the registry' });
    } else if (!deps.canHarvest(portal)) {
      skipped.push({ id: portal.id, reason: `no harvester for platform '${portal.platform}' yet` });
    } else {
      tasks.push(cron.schedule(portal.schedule, () => harvestNow(portal), { name: portal.id, noOverlap: true }));
      scheduled.push(portal.id);
      void deps.runAtStart?.(portal).then((yes) => (yes ? harvestNow(portal) : undefined));
    }
  }

  if (deps.checkLinks && deps.linkSchedule) {
    const due = async () => {
      for (const portal of deps.portals.filter((p) => scheduled.includes(p.id))) await checkLinksNow(portal);
    };
    tasks.push(cron.schedule(deps.linkSchedule, due, { name: 'links', noOverlap: true }));
  }

  return {
    scheduled,
    skipped,
    async stop() {
      stopped = true;
      await Promise.all(tasks.map((t) => t.stop()));
      for (const abort of running.keys()) abort.abort(new Error('The service is stopping.'));
      await Promise.allSettled(running.values());
    },
  };
}

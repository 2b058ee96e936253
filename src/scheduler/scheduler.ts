/**
 * Scheduled work: one node-cron task per enabled portal puts its harvest in a queue that runs at
 * most `concurrency` harvests at once; a portal already queued or harvesting is not queued again
 * (and the store lease keeps other processes out). Link checks are their own work, in a queue of
 * their own: a harvest that succeeded asks for its portal's, and one more task asks for every
 * scheduled portal's on the link schedule (QUALITY.md: the checker has its own schedule). A link
 * pass, however long, never delays or skips a harvest; portals' passes run one after another, so
 * that the checker stays polite to the hosts they share.
 */
import cron, { type ScheduledTask } from 'node-cron';
import PQueue from 'p-queue';
import { isCosechaError, messageOf } from '../errors.js';
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
  /** Harvests at once. Default 2. */
  concurrency?: number;
  log: Logger;
}

export interface Scheduler {
  /** Portals scheduled, and portals skipped with the reason. */
  readonly scheduled: string[];
  readonly skipped: { id: string; reason: string }[];
  /** Stops every task, drops the queued work and aborts what runs (runs end `interrupted`). */
  stop(): Promise<void>;
}

export function startScheduler(deps: SchedulerDeps): Scheduler {
  const tasks: ScheduledTask[] = [];
  const running = new Map<AbortController, Promise<unknown>>();
  const harvests = new PQueue({ concurrency: Math.max(1, deps.concurrency ?? 2) });
  const linkPasses = new PQueue({ concurrency: 1 });
  /** Portals whose harvest, or whose link pass, is queued or running. */
  const harvesting = new Set<string>();
  const linking = new Set<string>();
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

  /** Queues `work` for `portalId` unless it is already queued or running; never rejects. */
  const enqueue = (queue: PQueue, busy: Set<string>, portalId: string, work: () => Promise<void>): void => {
    if (stopped) return;
    if (busy.has(portalId)) {
      deps.log.info({ portal: portalId }, `${portalId}: still queued or running; not queued again.`);
      return;
    }
    busy.add(portalId);
    void queue.add(work).finally(() => busy.delete(portalId));
  };

  const checkLinksOf = (portalId: string): void => {
    const check = deps.checkLinks;
    if (!check) return;
    enqueue(linkPasses, linking, portalId, async () => {
      await track((signal) => check(portalId, signal)).catch((error) => {
        if (!stopped) deps.log.error({ portal: portalId, err: messageOf(error) }, `The link check of ${portalId} failed: ${messageOf(error)}`);
      });
    });
  };

  const harvestOf = (portal: PortalConfig): void => {
    const log = deps.log.child({ portal: portal.id });
    enqueue(harvests, harvesting, portal.id, async () => {
      const run = await track((signal) => deps.harvest({ portal, signal })).catch((error) => {
        if (isCosechaError(error) && error.code === 'lease_held') log.info(error.message);
        else if (!stopped) log.error({ err: messageOf(error) }, `The scheduled harvest of ${portal.id} failed: ${messageOf(error)}`);
      });
      if (run?.status === 'succeeded') checkLinksOf(portal.id);
    });
  };

  for (const portal of deps.portals) {
    if (!portal.enabled) {
      skipped.push({ id: portal.id, reason: 'disabled in the registry' });
    } else if (!deps.canHarvest(portal)) {
      skipped.push({ id: portal.id, reason: `no harvester for platform '${portal.platform}' yet` });
    } else {
      // The task only queues: it never waits for the harvest, so node-cron never skips a run as overlapping.
      tasks.push(cron.schedule(portal.schedule, () => harvestOf(portal), { name: portal.id }));
      scheduled.push(portal.id);
      void deps.runAtStart?.(portal).then((yes) => (yes ? harvestOf(portal) : undefined));
    }
  }

  if (deps.checkLinks && deps.linkSchedule) {
    const due = () => deps.portals.filter((p) => scheduled.includes(p.id)).forEach((p) => checkLinksOf(p.id));
    tasks.push(cron.schedule(deps.linkSchedule, due, { name: 'links' }));
  }

  return {
    scheduled,
    skipped,
    async stop() {
      stopped = true;
      await Promise.all(tasks.map((t) => t.stop()));
      harvests.clear();
      linkPasses.clear();
      for (const abort of running.keys()) abort.abort(new Error('The service is stopping.'));
      await Promise.allSettled(running.values());
    },
  };
}

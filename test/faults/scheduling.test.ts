/**
 * Link checks are their own scheduled work (issue 9): a link pass that takes hours never delays or
 * skips a portal's next harvests, a harvest still queued or running is not queued twice, and no
 * more harvests run at once than the scheduler allows.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startScheduler } from '../../src/scheduler/scheduler.js';
import { silentLogger } from '../../src/log.js';
import { testPortal } from '../support/portal-config.js';
import type { Run } from '../../src/store/store.js';
import type { RunRequest } from '../../src/harvest/run-driver.js';

/** A run record as a harvest that succeeded returns it. */
const succeeded = (portalId: string): Run => ({
  id: `run-${Math.random()}`, portalId, mode: 'full', status: 'succeeded', owner: 'test:1', startedAt: new Date().toISOString(), leaseUntil: new Date().toISOString(),
  counts: { seen: 0, created: 0, updated: 0, unchanged: 0, withdrawn: 0, restored: 0, failed: 0 }, failures: [], notes: [],
});

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
const work = (ms: number, signal: AbortSignal | undefined) => sleep(ms, undefined, { signal });

describe('faults: scheduling', function () {
  this.timeout(20_000);

  it('a link pass that does not end never delays or skips the portal\'s next harvests', async () => {
    const harvests: number[] = [];
    let linkPasses = 0;
    const scheduler = startScheduler({
      portals: [testPortal({ id: 'ec-enlaces', schedule: '* * * * * *' })],
      canHarvest: () => true,
      harvest: async (r: RunRequest) => {
        harvests.push(Date.now());
        await work(50, r.signal);
        return succeeded(r.portal.id);
      },
      runAtStart: async () => true,
      // A pass that outlasts the test, as 20k links at one a second would.
      checkLinks: (_id, signal) => ((linkPasses += 1), work(60_000, signal)),
      linkSchedule: '* * * * * *',
      log: silentLogger,
    });
    await sleep(3600);
    await scheduler.stop();
    assert.equal(linkPasses, 1, 'one pass runs; the portal\'s later requests wait for it rather than pile up');
    assert.ok(harvests.length >= 4, `a harvest at start and one a second while the pass runs, got ${harvests.length}`);
  });

  it('a harvest still running is not queued again, and no more than `concurrency` harvests run at once', async () => {
    const portals = ['a', 'b', 'c', 'd'].map((id) => testPortal({ id: `ec-${id}`, schedule: '* * * * * *' }));
    const started = new Map<string, number>();
    let now = 0;
    let most = 0;
    const scheduler = startScheduler({
      portals,
      canHarvest: () => true,
      harvest: async (r: RunRequest) => {
        started.set(r.portal.id, (started.get(r.portal.id) ?? 0) + 1);
        most = Math.max(most, ++now);
        try {
          await work(60_000, r.signal);
        } finally {
          now -= 1;
        }
        return succeeded(r.portal.id);
      },
      runAtStart: async () => true,
      concurrency: 2,
      log: silentLogger,
    });
    await sleep(2500);
    await scheduler.stop();
    assert.equal(most, 2);
    assert.deepEqual([...started.values()], [1, 1], 'two portals run, once each; the other two wait in the queue');
  });
});

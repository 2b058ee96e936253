import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startScheduler } from '../src/scheduler/scheduler.js';
import { startCkanServer } from '../src/demo/ckan-server.js';
import { ckanPackages } from './support/ckan-packages.js';
import { ckanPortal, testContainer } from './support/test-container.js';
import { silentLogger } from '../src/log.js';

describe('scheduler', () => {
  it('harvests a never-harvested portal at start, then on its cron schedule, and skips what it cannot harvest', async function () {
    this.timeout(10_000);
    const server = await startCkanServer({ packages: ckanPackages(3) });
    const every = ckanPortal('ec-cada-segundo', server.url, { schedule: '*/2 * * * * *' });
    const noHarvester = ckanPortal('ec-quito', server.url, { platform: 'arcgis' });
    const disabled = ckanPortal('ec-apagado', server.url, { enabled: false });
    const c = await testContainer([every, noHarvester, disabled]);
    const scheduler = startScheduler({
      portals: c.config.portals,
      // Every known platform has a harvester now: the scheduler is told which ones it may not use.
      canHarvest: (p) => p.platform !== 'arcgis',
      harvest: (r) => c.harvest(r),
      runAtStart: async (p) => (await c.store.runs.list({ portalId: p.id, limit: 1 })).length === 0,
      log: silentLogger,
    });
    try {
      assert.deepEqual(scheduler.scheduled, ['ec-cada-segundo']);
      assert.deepEqual(scheduler.skipped.map((s) => s.id), ['ec-quito', 'ec-apagado']);
      await sleep(3500);
      const runs = await c.store.runs.list({ portalId: 'ec-cada-segundo' });
      assert.ok(runs.length >= 2, `a run at start and at least one scheduled run, got ${runs.length}`);
      assert.ok(runs.every((r) => r.status === 'succeeded'));
      assert.equal((await c.store.runs.list({ portalId: 'ec-quito' })).length, 0);
    } finally {
      await scheduler.stop();
      await c.close();
      await server.close();
    }
  });

  it('checks links after a harvest that succeeded, and again on the link schedule', async function () {
    this.timeout(10_000);
    const server = await startCkanServer({ packages: ckanPackages(2) });
    const c = await testContainer([ckanPortal('ec-enlaces', server.url, { schedule: '0 0 1 1 *' })]);
    const events: string[] = [];
    const start = (linkSchedule: string, runAtStart: boolean) =>
      startScheduler({
        portals: c.config.portals,
        canHarvest: () => true,
        harvest: async (r) => {
          const run = await c.harvest(r);
          events.push(`harvest ${run.status}`);
          return run;
        },
        runAtStart: async () => runAtStart,
        checkLinks: async (portalId) => events.push(`links ${portalId}`),
        linkSchedule,
        log: silentLogger,
      });
    try {
      // A link schedule that never fires in the test: the only check is the one after the harvest.
      const afterHarvest = start('0 0 1 1 *', true);
      await sleep(1000);
      await afterHarvest.stop();
      assert.deepEqual(events, ['harvest succeeded', 'links ec-enlaces']);
      // No harvest now: the checks come from the link schedule alone.
      events.length = 0;
      const onSchedule = start('* * * * * *', false);
      await sleep(2200);
      await onSchedule.stop();
      assert.ok(events.length >= 1 && events.every((e) => e === 'links ec-enlaces'), events.join(', '));
    } finally {
      await c.close();
      await server.close();
    }
  });

  it('stopping aborts a run in progress, which ends interrupted', async function () {
    this.timeout(10_000);
    const server = await startCkanServer({ packages: ckanPackages(20), faults: (req) => (req.action === 'package_search' ? 'delay:300' : undefined) });
    const c = await testContainer([ckanPortal('ec-lento', server.url)]);
    const scheduler = startScheduler({ portals: c.config.portals, canHarvest: () => true, harvest: (r) => c.harvest(r), runAtStart: async () => true, log: silentLogger });
    await sleep(500);
    await scheduler.stop();
    const [run] = await c.store.runs.list({ portalId: 'ec-lento' });
    assert.equal(run.status, 'interrupted');
    await c.close();
    await server.close();
  });
});

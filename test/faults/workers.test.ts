/**
 * Harvests off the API's event loop (issue 9): `cosecha serve` runs each scheduled harvest in a
 * worker process of its own. The API answers while a harvest runs; killing the worker (kill -9)
 * never takes the API down and leaves its run `interrupted`; stopping the service ends its
 * workers within the bound and marks their runs `interrupted`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startCkanServer, type CkanServer } from '../../src/demo/ckan-server.js';
import { startService, type Service } from '../../src/cli/serve.js';
import { createContainer } from '../../src/container.js';
import { silentLogger } from '../../src/log.js';
import { ckanPackages } from '../support/ckan-packages.js';
import { ckanPortal, testConfig } from '../support/test-container.js';
import type { Run } from '../../src/store/store.js';

/** Polls `read` until `done` holds of its value (or fails after `ms`). */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Gave up waiting after ${ms} ms; last value: ${JSON.stringify(value)}`);
    await sleep(100);
  }
}

describe('faults: harvests in worker processes', function () {
  this.timeout(90_000);
  let dir: string;
  let portalServer: CkanServer;
  let service: Service;

  /** `serve` on a file store, its one portal (60 datasets, pages of 5 answered after 250 ms) harvested at start. */
  async function serve(workerStopMs = 15_000) {
    portalServer = await startCkanServer({ packages: ckanPackages(60), faults: (r) => (r.action === 'package_search' ? 'delay:250' : undefined) });
    const portal = ckanPortal('ec-lento', portalServer.url, { schedule: '0 0 1 1 *' });
    const config = testConfig([portal], `sqlite:${join(dir, 'serve.db')}`);
    const container = await createContainer({ ...config, settings: { ...config.settings, workerStopMs } }, { log: silentLogger });
    service = await startService(container, { port: 0, host: '127.0.0.1', schedule: true });
    return container;
  }
  const latestRun = async (): Promise<Run | undefined> => (await service.container.store.runs.list({ portalId: 'ec-lento', limit: 1 }))[0];
  const health = async () => (await fetch(`${service.url}/api/health`)).status;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cosecha-workers-'));
  });
  afterEach(async () => {
    await service?.stop().catch(() => undefined);
    await portalServer?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a scheduled harvest runs in another process, at a lower priority, while the API answers', async () => {
    await serve();
    const running = await until(latestRun, (r) => r?.status === 'running');
    const worker = Number(running!.owner.split(':')[1]);
    assert.notEqual(worker, process.pid, 'the run is held by a worker process');
    assert.equal(getPriority(worker) - getPriority(), 10, 'the worker runs 10 below the API\'s priority (workerNice)');
    // The API's event loop is free: every answer comes at once while the worker harvests.
    const started = Date.now();
    for (let i = 0; i < 20; i++) assert.equal(await health(), 200);
    assert.ok(Date.now() - started < 5000, `20 health checks took ${Date.now() - started} ms during the harvest`);
    const done = await until(latestRun, (r) => r?.status !== 'running');
    assert.equal(done?.status, 'succeeded');
    assert.equal(done?.counts.created, 60);
  });

  it('kill -9 of the harvest worker leaves the API up, what it stored stored, and its run interrupted', async () => {
    await serve();
    const running = await until(latestRun, (r) => r?.status === 'running' && r.counts.seen === 0);
    const stored = await until(() => service.container.store.datasets.count({ portalId: 'ec-lento' }), (n) => n >= 10);
    process.kill(Number(running!.owner.split(':')[1]), 'SIGKILL');
    const run = await until(latestRun, (r) => r?.status !== 'running');
    assert.equal(run?.status, 'interrupted');
    assert.equal(run?.error?.code, 'process_died');
    assert.equal(await health(), 200, 'the API is still up');
    assert.ok((await service.container.store.datasets.count({ portalId: 'ec-lento', state: 'active' })) >= stored, 'nothing stored was lost or withdrawn');
    assert.equal(await service.container.store.datasets.count({ portalId: 'ec-lento', state: 'withdrawn' }), 0);
  });

  it('stopping the service ends its workers within the bound and marks their runs interrupted', async () => {
    const container = await serve(2000);
    await until(latestRun, (r) => r?.status === 'running');
    await until(() => container.store.datasets.count({ portalId: 'ec-lento' }), (n) => n >= 5);
    const started = Date.now();
    // stop() closes the store; read the run through another container on the same file.
    await service.stop();
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 6000, `stopping took ${elapsed} ms (bound: 2 s for the worker, plus the server)`);
    const reader = await createContainer(testConfig([], `sqlite:${join(dir, 'serve.db')}`), { log: silentLogger });
    try {
      const [run] = await reader.store.runs.list({ portalId: 'ec-lento', limit: 1 });
      assert.equal(run.status, 'interrupted');
    } finally {
      await reader.close();
    }
  });
});

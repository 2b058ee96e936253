/**
 * Unchanged records cost almost nothing (issue 9): a record whose source is what it was is marked
 * seen by its source hash and never mapped, normalized or scored again; anything that changes what
 * the mapping would make of it (the record, the portal's settings, a rescore by newer code) maps it.
 */
import assert from 'node:assert/strict';
import { startCkanServer, type CkanServer, type FakePackage } from '../../src/demo/ckan-server.js';
import { runHarvest } from '../../src/harvest/run-driver.js';
import { ckan } from '../../harvesters/ckan.js';
import { silentLogger } from '../../src/log.js';
import { ckanPackage, ckanPackages } from '../support/ckan-packages.js';
import { ckanPortal, testContainer } from '../support/test-container.js';
import type { Container } from '../../src/container.js';
import type { Harvester } from '../../src/harvest/types.js';
import type { PortalConfig } from '../../src/config-types.js';
import { buildPortalReport, type PortalReport } from '../../reports/index.js';

describe('run driver: unchanged records are not mapped again', () => {
  let server: CkanServer;
  let c: Container;
  let mapped: string[];
  /** The CKAN harvester, noting every record it maps. */
  const counting: Harvester = {
    ...ckan,
    toDcat: (raw, portal) => {
      mapped.push(String((raw as FakePackage).id));
      return ckan.toDcat(raw as never, portal);
    },
  } as Harvester;

  /** A full run of the portal as it serves `packages` now (one server: the portal's URL stays the same). */
  async function harvest(packages: FakePackage[], at: PortalConfig) {
    server.setPackages(packages);
    mapped = [];
    return runHarvest({ store: c.store, harvester: counting, http: c.httpFor(at), log: silentLogger, owner: 'test', leaseMs: 60_000 }, { portal: at, full: true, allowMassWithdrawal: true });
  }

  let portal: PortalConfig;
  beforeEach(async () => {
    server = await startCkanServer({ packages: [] });
    portal = ckanPortal('ec-prueba', server.url, { pageSize: 10 });
    c = await testContainer([portal]);
    const first = await harvest(ckanPackages(30), portal);
    assert.equal(first.counts.created, 30);
    assert.equal(mapped.length, 30);
  });
  afterEach(async () => {
    await server.close();
    await c.close();
  });

  it('an unchanged re-harvest maps nothing, counts every record unchanged and marks each seen by the run', async () => {
    const again = await harvest(ckanPackages(30), portal);
    assert.deepEqual(mapped, []);
    assert.deepEqual(again.counts, { seen: 30, created: 0, updated: 0, unchanged: 30, withdrawn: 0, restored: 0, failed: 0 });
    const stored = await c.store.datasets.get('ec-prueba:pkg-0007');
    assert.equal(stored?.lastSeenRunId, again.id);
    assert.equal(stored?.dataset.title, ckanPackage(7).title);
  });

  it('only the changed record is mapped; one gone among unchanged ones is withdrawn', async () => {
    const next = ckanPackages(30).filter((p) => p.id !== 'pkg-0020').map((p) => (p.id === 'pkg-0003' ? { ...p, title: 'Matrícula escolar corregida' } : p));
    const run = await harvest(next, portal);
    assert.deepEqual(mapped, ['pkg-0003']);
    assert.deepEqual([run.counts.updated, run.counts.unchanged, run.counts.withdrawn], [1, 28, 1]);
    assert.equal((await c.store.datasets.get('ec-prueba:pkg-0003'))?.dataset.title, 'Matrícula escolar corregida');
    assert.equal((await c.store.datasets.get('ec-prueba:pkg-0020'))?.state, 'withdrawn');
  });

  it('a withdrawn dataset that comes back unchanged is mapped and restored', async () => {
    await harvest(ckanPackages(29), portal);
    const back = await harvest(ckanPackages(30), portal);
    assert.deepEqual(mapped, ['pkg-0029']);
    assert.equal(back.counts.restored, 1);
    assert.equal((await c.store.datasets.get('ec-prueba:pkg-0029'))?.state, 'active');
  });

  it('a change of the portal settings the mapping reads maps every record again', async () => {
    const run = await harvest(ckanPackages(30), { ...portal, country: 'GT' });
    assert.equal(mapped.length, 30);
    assert.equal(run.counts.unchanged, 30, 'the datasets themselves did not change');
    assert.equal((await c.store.search.search({ filters: { country: 'GT' } })).total, 30);
  });

  it('a rescore keeps the source hashes (written by the code now running): the next harvest finds the records unchanged', async () => {
    await c.rescore(portal.id);
    await harvest(ckanPackages(30), portal);
    assert.deepEqual(mapped, []);
  });

  it('after an unchanged re-harvest the portal report has the figures of a fresh one, and this run as its last', async () => {
    const again = await c.harvest({ portal, full: true });
    assert.equal(again.counts.unchanged, 30);
    const saved = (await c.store.reports.latest({ kind: 'portal', id: portal.id }))?.report as PortalReport;
    // Stored snapshots leave out the words of their missing items (container.ts, saveReport).
    const fresh = await buildPortalReport(c.store, portal.id, new Date(), { words: false });
    assert.equal(saved.lastRun?.id, again.id);
    assert.deepEqual(saved.summary, fresh.summary);
    assert.deepEqual(saved.publishers, fresh.publishers);
    assert.equal(saved.withdrawn, fresh.withdrawn);
  });
});

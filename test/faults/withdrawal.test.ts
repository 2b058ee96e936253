/**
 * Withdrawal safety (DESIGN.md invariant 1, issue 9): a portal's glitch never takes good datasets
 * out of search. A full listing short of the count the portal declared withdraws nothing and notes
 * `listing_short`; a run that would withdraw more than the portal's `maxWithdrawalShare` (10 %)
 * withdraws nothing and notes `withdrawal_capped`, until an operator allows it; a catalog that
 * really shrinks loses exactly what it lost.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/api/app.js';
import { silentLogger } from '../../src/log.js';
import { startCkanServer, type CkanServer, type FaultHook } from '../../src/demo/ckan-server.js';
import { ckanPackages } from '../support/ckan-packages.js';
import { ckanPortal, testContainer } from '../support/test-container.js';
import type { Container } from '../../src/container.js';
import type { PortalConfig } from '../../src/config-types.js';
import type { FakePackage } from '../../src/demo/ckan-server.js';

const CATALOG = 400;

describe('faults: what a full run may withdraw', () => {
  const servers: CkanServer[] = [];
  let c: Container;
  let portal: PortalConfig;

  async function serve(packages: FakePackage[], faults?: FaultHook): Promise<PortalConfig> {
    const server = await startCkanServer({ packages, faults });
    servers.push(server);
    return { ...portal, url: server.url };
  }

  /** A full run of the portal as `packages` (and the faults) now serve it. */
  async function harvest(packages: FakePackage[], options: { faults?: FaultHook; allowMassWithdrawal?: boolean; full?: boolean } = {}) {
    return c.harvest({ portal: await serve(packages, options.faults), full: options.full ?? true, allowMassWithdrawal: options.allowMassWithdrawal });
  }

  const active = () => c.store.datasets.count({ portalId: portal.id, state: 'active' });
  const searchTotal = async () => (await c.store.search.search({ filters: { portal: portal.id } })).total;
  const packageSearch = (fault: `count:${number}`): FaultHook => (request) => (request.action === 'package_search' ? fault : undefined);

  beforeEach(async () => {
    portal = ckanPortal('ec-nacional', 'http://127.0.0.1:9/', { pageSize: 100 });
    c = await testContainer([portal]);
    const first = await harvest(ckanPackages(CATALOG));
    assert.equal(first.counts.created, CATALOG);
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
    await c.close();
  });

  it('when the count says 400 but the pages end after 200, the run stores what it saw, withdraws nothing and notes listing_short', async () => {
    const run = await harvest(ckanPackages(200), { faults: packageSearch(`count:${CATALOG}`) });
    assert.equal(run.status, 'succeeded');
    assert.equal(run.counts.withdrawn, 0);
    assert.equal(run.declared, CATALOG);
    assert.deepEqual(run.notes.map((n) => [n.code, n.declared, n.listed]), [['listing_short', CATALOG, 200]]);
    assert.match(run.notes[0].message, /declaró 400 conjuntos y el listado dio 200.*declared 400 datasets and the listing gave 200/);
    assert.equal(await active(), CATALOG);
    assert.equal(await searchTotal(), CATALOG, 'every dataset stays in search');
  });

  it('an empty answer (count 0, no results) withdraws nothing, notes withdrawal_capped and keeps the portal report whole', async () => {
    const reportBefore = await c.store.reports.latest({ kind: 'portal', id: portal.id });
    const run = await harvest([]);
    assert.equal(run.status, 'succeeded');
    assert.equal(run.counts.withdrawn, 0);
    assert.deepEqual(run.notes.map((n) => [n.code, n.unseen, n.active]), [['withdrawal_capped', CATALOG, CATALOG]]);
    assert.equal(await searchTotal(), CATALOG);
    const report = (await c.store.reports.latest({ kind: 'portal', id: portal.id }))?.report as { summary: { datasets: number; score: { mean: number } }; lastRun: { notes: { code: string }[] } };
    const before = reportBefore?.report as typeof report;
    assert.equal(report.summary.datasets, CATALOG, 'the history records no drop');
    assert.equal(report.summary.score.mean, before.summary.score.mean);
    assert.deepEqual(report.lastRun.notes.map((n) => n.code), ['withdrawal_capped']);
  });

  it('a catalog that shrinks by exactly ten withdraws exactly those ten', async () => {
    const kept = ckanPackages(CATALOG).filter((_, i) => i % 40 !== 7);
    const gone = ckanPackages(CATALOG).filter((_, i) => i % 40 === 7).map((p) => `${portal.id}:${String(p.id)}`);
    assert.equal(gone.length, 10);
    const run = await harvest(kept);
    assert.equal(run.counts.withdrawn, 10);
    assert.deepEqual(run.notes, []);
    const withdrawn: string[] = [];
    for await (const batch of c.store.datasets.scan({ portalId: portal.id, includeWithdrawn: true })) {
      withdrawn.push(...batch.filter((d) => d.state === 'withdrawn').map((d) => d.dataset.id));
    }
    assert.deepEqual(withdrawn.sort(), gone.sort());
    assert.equal(await searchTotal(), CATALOG - 10);
  });

  it('a count that says more than the portal serves is a short listing: nothing withdrawn', async () => {
    const run = await harvest(ckanPackages(CATALOG - 40), { faults: packageSearch('count:450') });
    assert.equal(run.counts.withdrawn, 0);
    assert.deepEqual(run.notes.map((n) => [n.code, n.declared, n.listed]), [['listing_short', 450, CATALOG - 40]]);
    assert.equal(await active(), CATALOG);
  });

  it('a count that says less than the portal serves: the listing goes past it and loses nothing', async () => {
    const run = await harvest(ckanPackages(CATALOG), { faults: packageSearch('count:300') });
    assert.equal(run.counts.seen, CATALOG);
    assert.equal(run.counts.withdrawn, 0);
    assert.deepEqual(run.notes, []);
    assert.equal(await active(), CATALOG);
  });

  it('a listing short within the tolerance (datasets deleted during the run) is complete: the deleted are withdrawn', async () => {
    const run = await harvest(ckanPackages(CATALOG - 3), { faults: packageSearch(`count:${CATALOG}`) });
    assert.deepEqual(run.notes, []);
    assert.equal(run.counts.withdrawn, 3);
  });

  it('over the share (a quarter gone) withdraws nothing until the operator allows it; the run after a held one is full again', async () => {
    const held = await harvest(ckanPackages(300));
    assert.equal(held.counts.withdrawn, 0);
    assert.deepEqual(held.notes.map((n) => [n.code, n.unseen, n.active]), [['withdrawal_capped', 100, CATALOG]]);
    assert.match(held.notes[0].message, /100 de los 400 conjuntos activos \(25 %, más del 10 % permitido\).*--allow-mass-withdrawal/);

    const next = await harvest(ckanPackages(300), { full: false });
    assert.equal(next.mode, 'full', 'a scheduled run after a held full run tries the withdrawal again');
    assert.equal(next.notes[0]?.code, 'withdrawal_capped');

    const allowed = await harvest(ckanPackages(300), { allowMassWithdrawal: true });
    assert.equal(allowed.counts.withdrawn, 100);
    assert.deepEqual(allowed.notes, []);
    assert.equal(await searchTotal(), 300);
    const after = await harvest(ckanPackages(300), { full: false });
    assert.equal(after.mode, 'incremental', 'once a full run withdrew, runs are incremental again');
  });

  it('a portal whose maxWithdrawalShare allows it withdraws a quarter at once', async () => {
    portal = { ...portal, maxWithdrawalShare: 0.5 };
    const run = await harvest(ckanPackages(300));
    assert.equal(run.counts.withdrawn, 100);
    assert.deepEqual(run.notes, []);
  });

  it('--allow-mass-withdrawal also withdraws after a listing short of the count (a count the operator knows is wrong)', async () => {
    const run = await harvest(ckanPackages(200), { faults: packageSearch('count:500'), allowMassWithdrawal: true });
    assert.deepEqual(run.notes, []);
    assert.equal(run.counts.withdrawn, 200);
  });

  it('the note shows in the runs of the API, the portal report and the portal page', async () => {
    await harvest([]);
    const server = createApp({ store: c.store, portals: [portal], log: silentLogger, version: 'test' }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const runs = (await (await fetch(`${base}/api/runs?portal=${portal.id}&limit=1`)).json()) as { items: { notes: { code: string }[] }[] };
      assert.deepEqual(runs.items[0].notes.map((n) => n.code), ['withdrawal_capped']);
      const report = (await (await fetch(`${base}/api/portals/${portal.id}/report`)).json()) as { lastRun: { notes: { code: string }[] } };
      assert.deepEqual(report.lastRun.notes.map((n) => n.code), ['withdrawal_capped']);
      const page = await (await fetch(`${base}/portales`)).text();
      assert.match(page, /El listado no incluyó 400 de los 400 conjuntos activos/);
    } finally {
      server.close();
    }
  });
});

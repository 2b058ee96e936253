import assert from 'node:assert/strict';
import { startCkanServer, type CkanServer, type FaultHook } from '../../src/demo/ckan-server.js';
import { LeaseHeldError, RecordError } from '../../src/errors.js';
import { runHarvest, summaryLine } from '../../src/harvest/run-driver.js';
import { silentLogger } from '../../src/log.js';
import type { Harvester } from '../../src/harvest/types.js';
import { ckanPackages, ckanPackage } from '../support/ckan-packages.js';
import { ckanPortal, testContainer } from '../support/test-container.js';
import type { Container } from '../../src/container.js';

describe('run driver (invariants of DESIGN.md)', () => {
  const servers: CkanServer[] = [];
  const containers: Container[] = [];
  async function serve(packages: ReturnType<typeof ckanPackages>, faults?: FaultHook) {
    const server = await startCkanServer({ packages, faults });
    servers.push(server);
    return server;
  }
  async function container(url: string) {
    // Tiny catalogs: one dataset gone is over the 10 % withdrawal cap, which test/faults/withdrawal.test.ts covers.
    const c = await testContainer([ckanPortal('ec-prueba', url, { maxWithdrawalShare: 1 })]);
    containers.push(c);
    return c;
  }
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
    await Promise.all(containers.splice(0).map((c) => c.close()));
  });

  it('a full run stores, scores and reports every dataset of a multi-page catalog', async () => {
    const server = await serve(ckanPackages(12));
    const c = await container(server.url);
    const run = await c.harvest({ portal: c.config.portals[0] });
    assert.equal(run.status, 'succeeded');
    assert.equal(run.mode, 'full');
    assert.deepEqual(run.counts, { seen: 12, created: 12, updated: 0, unchanged: 0, withdrawn: 0, restored: 0, failed: 0 });
    const stored = await c.store.datasets.get('ec-prueba:pkg-0001');
    assert.equal(stored?.dataset.title, 'Presupuesto municipal 2016');
    assert.ok(stored!.quality.total > 0 && stored!.quality.total <= 500);
    const report = await c.store.reports.latest({ kind: 'portal', id: 'ec-prueba' });
    assert.equal((report?.report as { summary: { datasets: number } }).summary.datasets, 12);
    assert.equal(report?.runId, run.id);
  });

  it('a second run of an unchanged catalog is incremental and changes nothing', async () => {
    const server = await serve(ckanPackages(7));
    const c = await container(server.url);
    await c.harvest({ portal: c.config.portals[0] });
    const second = await c.harvest({ portal: c.config.portals[0] });
    assert.equal(second.mode, 'incremental');
    assert.ok(server.requests.some((u) => decodeURIComponent(u).includes('fq=metadata_modified:[')), 'incremental filter sent');
    assert.equal(second.counts.created + second.counts.updated + second.counts.withdrawn, 0);
  });

  it('when the listing fails mid-way, nothing is withdrawn and earlier datasets, scores and reports stay', async () => {
    const first = await serve(ckanPackages(12));
    const c = await container(first.url);
    await c.harvest({ portal: c.config.portals[0] });
    const before = await c.store.datasets.get('ec-prueba:pkg-0011');
    const reportBefore = await c.store.reports.latest({ kind: 'portal', id: 'ec-prueba' });

    // The portal now lists only 3 datasets on page 1, then fails on page 2 with HTML.
    const failing = await serve(ckanPackages(12), (req) => (req.action === 'package_search' && Number(req.params.start) >= 5 ? 'html' : undefined));
    const portal = { ...c.config.portals[0], url: failing.url };
    const run = await c.harvest({ portal, full: true });
    assert.equal(run.status, 'failed');
    assert.equal(run.error?.code, 'not_json');
    assert.match(run.error!.message, /HTML instead of JSON/);
    assert.equal(run.counts.withdrawn, 0);
    assert.equal(await c.store.datasets.count({ portalId: 'ec-prueba', state: 'active' }), 12);
    assert.deepEqual((await c.store.datasets.get('ec-prueba:pkg-0011'))?.quality, before?.quality);
    const reports = await c.store.reports.history({ kind: 'portal', id: 'ec-prueba' });
    assert.ok(reports.some((r) => r.runId === reportBefore?.runId), 'the earlier report is kept');
  });

  it('a dataset gone after a complete full run is withdrawn, and restored when it returns', async () => {
    const all = ckanPackages(6);
    const c = await container((await serve(all)).url);
    const portal = c.config.portals[0];
    await c.harvest({ portal, full: true });

    const without = await serve(all.filter((p) => p.id !== 'pkg-0003'));
    const gone = await c.harvest({ portal: { ...portal, url: without.url }, full: true });
    assert.equal(gone.counts.withdrawn, 1);
    assert.equal((await c.store.datasets.get('ec-prueba:pkg-0003'))?.state, 'withdrawn');
    const hits = await c.store.search.search({ q: 'educacion', filters: { portal: 'ec-prueba' } });
    assert.ok(!hits.items.some((d) => d.id === 'ec-prueba:pkg-0003'), 'hidden from search');

    const back = await serve(all);
    const restored = await c.harvest({ portal: { ...portal, url: back.url }, full: true });
    assert.equal(restored.counts.restored, 1);
    assert.equal((await c.store.datasets.get('ec-prueba:pkg-0003'))?.state, 'active');
  });

  it('a malformed record is recorded with its id and stage, the run goes on, and it is not withdrawn', async () => {
    const packages = ckanPackages(6);
    const c = await container((await serve(packages)).url);
    const portal = c.config.portals[0];
    await c.harvest({ portal, full: true });
    const broken = packages.map((p) => (p.id === 'pkg-0002' ? { ...p, title: '' } : p));
    const run = await c.harvest({ portal: { ...portal, url: (await serve(broken)).url }, full: true });
    assert.equal(run.status, 'succeeded');
    assert.equal(run.counts.failed, 1);
    assert.equal(run.failures[0].sourceId, 'pkg-0002');
    assert.match(run.failures[0].url ?? '', /package_search/);
    assert.equal(run.counts.withdrawn, 0);
    assert.equal((await c.store.datasets.get('ec-prueba:pkg-0002'))?.state, 'active');
  });

  it('two runs of one portal never overlap: the second is refused while the first holds the lease', async () => {
    const server = await serve(ckanPackages(10), (req) => (req.action === 'package_search' ? 'delay:150' : undefined));
    const c = await container(server.url);
    const portal = c.config.portals[0];
    const results = await Promise.allSettled([c.harvest({ portal }), c.harvest({ portal })]);
    const refused = results.filter((r) => r.status === 'rejected');
    assert.equal(refused.length, 1);
    assert.ok((refused[0] as PromiseRejectedResult).reason instanceof LeaseHeldError);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  });

  it('requests the next page while the previous one is being stored, and stores pages in order', async () => {
    const server = await serve(ckanPackages(12));
    const c = await container(server.url);
    const listings = () => server.requests.filter((u) => u.includes('package_search')).length;
    const upsert = c.store.datasets.upsertBatch.bind(c.store.datasets);
    const overlapped: boolean[] = [];
    const storedFirst: string[] = [];
    c.store.datasets.upsertBatch = async (portal, runId, items) => {
      // Hold the first page's write until the second page has been requested, for at most a second.
      if (overlapped.length === 0) {
        const deadline = Date.now() + 1000;
        while (listings() < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      overlapped.push(listings() > overlapped.length + 1);
      storedFirst.push(items[0].dataset.id);
      return upsert(portal, runId, items);
    };
    const run = await c.harvest({ portal: c.config.portals[0] });
    assert.equal(run.status, 'succeeded');
    assert.equal(overlapped[0], true, 'page 2 was requested while page 1 was stored');
    assert.deepEqual(storedFirst, ['ec-prueba:pkg-0000', 'ec-prueba:pkg-0005', 'ec-prueba:pkg-0010']);
  });

  it('a run aborted part-way ends interrupted and withdraws nothing', async () => {
    const server = await serve([ckanPackage(1), ...ckanPackages(9, 2)], (req) => (req.action === 'package_search' ? 'delay:100' : undefined));
    const c = await container(server.url);
    const abort = new AbortController();
    setTimeout(() => abort.abort(new Error('stop')), 150);
    const run = await c.harvest({ portal: c.config.portals[0], signal: abort.signal });
    assert.equal(run.status, 'interrupted');
    assert.equal(run.counts.withdrawn, 0);
  });
});

/**
 * A harvester over an in-memory catalog. A listed record is `{id, slug, title}`; `{unread: slug}`
 * stands for a record the listing names by its slug but could not read (as DKAN 7's package_list
 * gives names and its datasets are stored under uuids), so its failure names it by the slug.
 */
type MemoryRecord = { id: string; slug: string; title: string } | { unread: string };

function memoryHarvester(catalog: { current: MemoryRecord[] }): Harvester<MemoryRecord> {
  return {
    platform: 'memoria',
    incremental: false,
    async *list() {
      for (let i = 0; i < catalog.current.length; i += 50) yield { url: `memoria://pagina/${i / 50 + 1}`, records: catalog.current.slice(i, i + 50) };
    },
    sourceId: (raw) => ('unread' in raw ? raw.unread : raw.id),
    aliases: (raw) => ('slug' in raw ? [raw.slug] : []),
    toDcat(raw) {
      if ('unread' in raw) throw new RecordError('fetch_failed', `The dataset ${raw.unread} could not be read.`, raw.unread);
      if (!raw.title) throw new RecordError('bad_record', `The record ${raw.id} has no title.`, raw.id);
      return { sourceId: raw.id, title: raw.title, keywords: [], themes: [], language: [], conformsTo: [], distributions: [] };
    },
  };
}

const memoryRecords = (count: number, from = 0): MemoryRecord[] =>
  Array.from({ length: count }, (_, i) => ({ id: `uuid-${String(from + i).padStart(4, '0')}`, slug: `conjunto-${from + i}`, title: `Conjunto ${from + i}` }));

describe('run driver: what a complete full run with failed records withdraws (invariant 1)', () => {
  const containers: Container[] = [];
  afterEach(async () => {
    await Promise.all(containers.splice(0).map((c) => c.close()));
  });

  async function setUp(first: MemoryRecord[]) {
    const portal = ckanPortal('ec-memoria', 'http://127.0.0.1:9/', { maxWithdrawalShare: 1 });
    const c = await testContainer([portal]);
    containers.push(c);
    const catalog = { current: first };
    const harvest = () => runHarvest({ store: c.store, harvester: memoryHarvester(catalog), http: c.httpFor(portal), log: silentLogger, owner: 'test', leaseMs: 60_000 }, { portal, full: true });
    const state = async (id: string) => (await c.store.datasets.get(`ec-memoria:${id}`))?.state;
    assert.equal((await harvest()).status, 'succeeded');
    return { c, catalog, harvest, state };
  }

  it('when a record fails under a name the store does not hold, the unseen dataset whose record has that name is kept, one really gone is withdrawn, and the report says why', async () => {
    const all = memoryRecords(5);
    const { catalog, harvest, state } = await setUp(all);
    // conjunto-1 is listed but could not be read; uuid-0003 is gone.
    catalog.current = [all[0], { unread: 'conjunto-1' }, all[2], all[4]];
    const run = await harvest();
    assert.equal(run.status, 'succeeded');
    assert.equal(await state('uuid-0001'), 'active', 'the dataset that failed is not withdrawn');
    assert.equal(await state('uuid-0003'), 'withdrawn', 'the dataset that is gone is');
    assert.equal(run.counts.withdrawn, 1);
    assert.equal(run.counts.failed, 1, 'the note is not counted as a failed record');
    const held = run.failures.filter((f) => f.stage === 'withdraw');
    assert.deepEqual(held.map((f) => [f.sourceId, f.code, f.url]), [['uuid-0001', 'withdrawal_held', 'memoria://pagina/1']]);
    assert.match(held[0].message, /^No se retiró .*«conjunto-1».*Not withdrawn/);
    assert.match(summaryLine('ec-memoria', run), /1 withdrawn \(1 held back\)/);
  });

  it('a record that has always failed (the store never held it) does not keep a dataset that is gone from being withdrawn', async () => {
    const all = memoryRecords(4);
    const broken: MemoryRecord = { id: 'uuid-roto', slug: 'roto', title: '' };
    const { catalog, harvest, state } = await setUp([...all, broken]);
    catalog.current = [all[0], all[1], all[3], broken];
    const run = await harvest();
    assert.equal(run.counts.failed, 1);
    assert.equal(run.counts.withdrawn, 1);
    assert.equal(await state('uuid-0002'), 'withdrawn');
    assert.deepEqual(run.failures.filter((f) => f.stage === 'withdraw'), []);
    assert.doesNotMatch(summaryLine('ec-memoria', run), /held back/);
  });

  it('a run without failed records withdraws every dataset it did not see, and names none as held back', async () => {
    const all = memoryRecords(6);
    const { catalog, harvest, state } = await setUp(all);
    catalog.current = [all[0], all[2], all[4]];
    const run = await harvest();
    assert.equal(run.counts.withdrawn, 3);
    assert.deepEqual(await Promise.all(['uuid-0001', 'uuid-0003', 'uuid-0005'].map(state)), ['withdrawn', 'withdrawn', 'withdrawn']);
    assert.deepEqual(run.failures, []);
  });

  it('when the source record of an unseen dataset cannot be read to tell whether a failed record names it, it is kept', async () => {
    const all = memoryRecords(3);
    const { c, catalog, harvest, state } = await setUp(all);
    catalog.current = [all[0], { unread: 'otro-nombre' }];
    c.store.datasets.getRaw = async () => undefined;
    const run = await harvest();
    assert.equal(run.counts.withdrawn, 0);
    assert.deepEqual([await state('uuid-0001'), await state('uuid-0002')], ['active', 'active']);
    const held = run.failures.filter((f) => f.code === 'withdrawal_held');
    assert.equal(held.length, 2);
    assert.match(held[0].message, /could not be read to tell/);
  });

  it('when more records fail than the run report keeps (1000), none of the failed stored datasets is withdrawn', async () => {
    const all = memoryRecords(1003);
    const { catalog, harvest, state } = await setUp(all);
    // Every record but the first loses its title: 1002 failures, of which the report keeps 1000; the first is gone.
    catalog.current = all.slice(1).map((r) => ({ ...r, title: '' }));
    const run = await harvest();
    assert.equal(run.counts.failed, 1002);
    assert.equal(run.failures.length, 1000);
    assert.equal(run.counts.withdrawn, 1);
    assert.equal(await state('uuid-0000'), 'withdrawn');
    assert.deepEqual([await state('uuid-0001'), await state('uuid-1002')], ['active', 'active']);
  });
});

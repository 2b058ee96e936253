/**
 * The one contract suite every store adapter passes. `open` must return a fresh, empty store
 * (each call); the suite calls `init()` itself and closes the store after each test.
 * Not pinned here: whether a facet's own filter applies to its counts (the SQLite adapter leaves
 * it out so the other values stay selectable; see test/store/sqlite.test.ts).
 */
import assert from 'node:assert/strict';
import { BadRequestError, LeaseHeldError } from '../../src/errors.js';
import type { LinkCheck } from '../../src/links/types.js';
import type { RecordFailure, RunCounts, RunNote, ScoredDataset, StoredDataset, SearchQuery, Store, UpsertResult } from '../../src/store/store.js';
import { samplePortal, sampleQuality, sampleWrite, type DatasetOverrides } from '../support/samples.js';
import { searchOrderContract } from './search-order-contract.js';

const T0 = new Date('2024-05-01T10:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const MINUTE = 60_000;

const EC = samplePortal();
const CUENCA = samplePortal({ id: 'ec-cuenca', name: 'Datos Abiertos Cuenca', level: 'municipal', url: 'https://cuenca.example' });
const GT = samplePortal({ id: 'gt-segeplan', name: 'SEGEPLAN Guatemala', country: 'GT', url: 'https://segeplan.example' });

export function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
      await store.init();
    });
    afterEach(async () => {
      await store.close();
    });
    const s = () => store;
    portalContract(s);
    runContract(s);
    datasetContract(s);
    searchContract(s);
    searchOrderContract(s);
    reportContract(s);
    linkContract(s);
    clusterContract(s);
  });
}

function portalContract(store: () => Store): void {
  describe('portals', () => {
    it('an upserted portal can be read back and listed', async () => {
      await store().portals.upsert(EC);
      await store().portals.upsert(GT);
      assert.deepEqual(await store().portals.get(EC.id), EC);
      assert.deepEqual(sortById(await store().portals.list()), [EC, GT]);
      assert.equal(await store().portals.get('xx-none'), undefined);
    });

    it('upserting a known portal replaces its fields', async () => {
      await store().portals.upsert(EC);
      await store().portals.upsert({ ...EC, name: 'Portal de Datos Abiertos del Ecuador', url: 'https://nuevo.example' });
      assert.equal((await store().portals.get(EC.id))?.name, 'Portal de Datos Abiertos del Ecuador');
      assert.equal((await store().portals.list()).length, 1);
    });

    it('init on an initialized store keeps its data', async () => {
      await store().portals.upsert(EC);
      await store().init();
      assert.deepEqual(await store().portals.get(EC.id), EC);
    });
  });
}

function runContract(store: () => Store): void {
  const start = (portalId: string, now: Date, mode: 'full' | 'incremental' = 'full') =>
    store().runs.start({ portalId, mode, owner: 'worker-1:100', leaseMs: 10 * MINUTE, now });
  const finish = (runId: string, status: 'succeeded' | 'failed', now: Date, failures: RecordFailure[] = []) =>
    store().runs.finish(runId, { status, counts: counts({ seen: 3, failed: failures.length }), failures, now });

  describe('runs', () => {
    it('start gives a running run holding the lease until now + leaseMs', async () => {
      const run = await start(EC.id, T0);
      assert.equal(run.status, 'running');
      assert.equal(run.startedAt, T0.toISOString());
      assert.equal(run.leaseUntil, at(10).toISOString());
      assert.deepEqual(run.counts, counts());
      assert.deepEqual(await store().runs.get(run.id), run);
    });

    it('a second start while the lease is live throws LeaseHeldError', async () => {
      await start(EC.id, T0);
      await assert.rejects(start(EC.id, at(5)), LeaseHeldError);
    });

    it('one portal holding its lease does not block another portal', async () => {
      await start(EC.id, T0);
      assert.equal((await start(GT.id, at(1))).status, 'running');
    });

    it('a start after the lease expired interrupts the old run and starts a new one', async () => {
      const old = await start(EC.id, T0);
      const fresh = await start(EC.id, at(11));
      const interrupted = await store().runs.get(old.id);
      assert.equal(interrupted?.status, 'interrupted');
      assert.equal(interrupted?.error?.code, 'lease_expired');
      assert.equal(fresh.status, 'running');
      assert.notEqual(fresh.id, old.id);
    });

    it('renew extends a running lease, and a finished run can no longer renew', async () => {
      const run = await start(EC.id, T0);
      assert.equal(await store().runs.renew(run.id, 10 * MINUTE, at(8)), true);
      assert.equal((await store().runs.get(run.id))?.leaseUntil, at(18).toISOString());
      await assert.rejects(start(EC.id, at(15)), LeaseHeldError);
      await finish(run.id, 'succeeded', at(16));
      assert.equal(await store().runs.renew(run.id, 10 * MINUTE, at(17)), false);
    });

    it('finish stores the status, counts, failures and error', async () => {
      const run = await start(EC.id, T0);
      const error = { code: 'unreachable', message: 'El portal no responde.', url: 'https://datosabiertos.gob.ec.example/api' };
      const failures: RecordFailure[] = [{ sourceId: 'x', stage: 'map', code: 'bad_record', message: 'Sin título.' }];
      const done = await store().runs.finish(run.id, { status: 'failed', counts: counts({ seen: 7, failed: 1 }), failures, error, now: at(3) });
      assert.equal(done.status, 'failed');
      assert.equal(done.finishedAt, at(3).toISOString());
      assert.deepEqual(done.counts, counts({ seen: 7, failed: 1 }));
      assert.deepEqual(done.failures, failures);
      assert.deepEqual(done.error, error);
      assert.deepEqual(await store().runs.get(run.id), done);
    });

    it('finish stores the notes and the count the portal declared; a run started has no notes', async () => {
      const run = await start(EC.id, T0);
      assert.deepEqual(run.notes, []);
      assert.equal(run.declared, undefined);
      const notes: RunNote[] = [{ code: 'listing_short', message: 'El portal declaró 9 conjuntos y el listado dio 3.', declared: 9, listed: 3 }];
      const done = await store().runs.finish(run.id, { status: 'succeeded', counts: counts({ seen: 3 }), failures: [], notes, declared: 9, now: at(1) });
      assert.deepEqual(done.notes, notes);
      assert.equal(done.declared, 9);
      assert.deepEqual(await store().runs.get(run.id), done);
      const other = await start(GT.id, at(2));
      const plain = await finish(other.id, 'succeeded', at(3));
      assert.deepEqual([plain.notes, plain.declared], [[], undefined]);
    });

    it('finish keeps at most the first 1000 failures', async () => {
      const run = await start(EC.id, T0);
      const failures = Array.from({ length: 1005 }, (_, i) => ({ sourceId: `r${i}`, stage: 'map', code: 'bad_record', message: 'Malo.' }));
      const done = await finish(run.id, 'succeeded', at(1), failures);
      assert.equal(done.failures.length, 1000);
      assert.equal(done.failures[999].sourceId, 'r999');
      assert.equal(done.counts.failed, 1005);
    });

    it('interruptExpired interrupts only the running runs whose lease has expired', async () => {
      const expired = await start(EC.id, T0);
      const live = await start(GT.id, at(5));
      const finished = await start(CUENCA.id, T0);
      await finish(finished.id, 'succeeded', at(1));
      assert.equal(await store().runs.interruptExpired(at(12)), 1);
      assert.equal((await store().runs.get(expired.id))?.status, 'interrupted');
      assert.equal((await store().runs.get(live.id))?.status, 'running');
      assert.equal((await store().runs.get(finished.id))?.status, 'succeeded');
    });

    it('lastSucceeded gives the latest succeeded run, of the mode asked or of any', async () => {
      const full = await start(EC.id, T0, 'full');
      await finish(full.id, 'succeeded', at(1));
      const incremental = await start(EC.id, at(2), 'incremental');
      await finish(incremental.id, 'succeeded', at(3));
      const failed = await start(EC.id, at(4), 'full');
      await finish(failed.id, 'failed', at(5));
      assert.equal((await store().runs.lastSucceeded(EC.id))?.id, incremental.id);
      assert.equal((await store().runs.lastSucceeded(EC.id, 'full'))?.id, full.id);
      assert.equal(await store().runs.lastSucceeded(GT.id), undefined);
    });

    it('list gives runs newest first, by portal and up to the limit', async () => {
      const first = await start(EC.id, T0);
      await finish(first.id, 'succeeded', at(1));
      const second = await start(EC.id, at(2));
      await finish(second.id, 'succeeded', at(3));
      const other = await start(GT.id, at(4));
      assert.deepEqual((await store().runs.list()).map((r) => r.id), [other.id, second.id, first.id]);
      assert.deepEqual((await store().runs.list({ portalId: EC.id })).map((r) => r.id), [second.id, first.id]);
      assert.deepEqual((await store().runs.list({ limit: 1 })).map((r) => r.id), [other.id]);
      assert.equal(await store().runs.get('no-such-run'), undefined);
    });
  });
}

function datasetContract(store: () => Store): void {
  const upsert = (runId: string, ...items: DatasetOverrides[]) =>
    store().datasets.upsertBatch(EC, runId, items.map((item) => sampleWrite(item)));

  describe('datasets', () => {
    it('a new dataset is created, and the same hash again is unchanged', async () => {
      assert.deepEqual(await upsert('run-1', { sourceId: 'a' }, { sourceId: 'b' }), result({ created: 2 }));
      assert.deepEqual(await upsert('run-2', { sourceId: 'a' }, { sourceId: 'b' }), result({ unchanged: 2 }));
      const stored = await store().datasets.get('ec-datosabiertos:a');
      assert.equal(stored?.state, 'active');
      assert.equal(stored?.lastSeenRunId, 'run-2');
      assert.equal(stored?.dataset.title, 'Matrícula escolar 2023');
    });

    it('a changed hash updates the stored record', async () => {
      await upsert('run-1', { sourceId: 'a' });
      assert.deepEqual(await upsert('run-2', { sourceId: 'a', title: 'Matrícula escolar 2024' }), result({ updated: 1 }));
      assert.equal((await store().datasets.get('ec-datosabiertos:a'))?.dataset.title, 'Matrícula escolar 2024');
    });

    it('an unchanged dataset still gets the new quality', async () => {
      await store().datasets.upsertBatch(EC, 'run-1', [sampleWrite({ sourceId: 'a' })]);
      await store().datasets.upsertBatch(EC, 'run-2', [sampleWrite({ sourceId: 'a' }, { mqa: 100 })]);
      const stored = await store().datasets.get('ec-datosabiertos:a');
      assert.equal(stored?.quality.mqa, 100);
      assert.equal(stored?.quality.rating, 'bad');
    });

    it('withdrawUnseen withdraws only the unseen active datasets of that portal', async () => {
      await upsert('run-1', { sourceId: 'a' }, { sourceId: 'b' }, { sourceId: 'c' });
      await store().datasets.upsertBatch(GT, 'run-gt', [sampleWrite({ portalId: GT.id, sourceId: 'a' })]);
      await upsert('run-2', { sourceId: 'a' });
      assert.equal(await store().datasets.withdrawUnseen(EC.id, 'run-2', at(0)), 2);
      assert.equal((await store().datasets.get('ec-datosabiertos:a'))?.state, 'active');
      assert.equal((await store().datasets.get('gt-segeplan:a'))?.state, 'active');
      assert.equal(await store().datasets.withdrawUnseen(EC.id, 'run-2', at(1)), 0);
    });

    it('touchUnchanged marks seen the active datasets of the portal with those source hashes, and says which it found', async () => {
      const hashed = (sourceId: string, sourceHash: string, portalId = EC.id) => ({ ...sampleWrite({ portalId, sourceId }), sourceHash });
      await store().datasets.upsertBatch(EC, 'run-1', [hashed('a', 'h-a'), hashed('b', 'h-b'), hashed('c', 'h-c'), sampleWrite({ sourceId: 'd' })]);
      await store().datasets.upsertBatch(GT, 'run-gt', [hashed('z', 'h-z', GT.id)]);
      await store().datasets.withdrawUnseen(EC.id, 'run-2', at(0), ['ec-datosabiertos:a', 'ec-datosabiertos:b', 'ec-datosabiertos:d']);
      const found = await store().datasets.touchUnchanged(EC.id, 'run-3', ['h-a', 'h-c', 'h-z', 'h-nadie'], at(1));
      assert.deepEqual([...found].sort(), ['h-a'], 'a withdrawn one (c) is not touched, nor another portal\'s (z)');
      const a = await store().datasets.get('ec-datosabiertos:a');
      assert.deepEqual([a?.lastSeenRunId, a?.lastSeen], ['run-3', at(1).toISOString()]);
      assert.equal((await store().datasets.get('ec-datosabiertos:b'))?.lastSeenRunId, 'run-1');
      assert.equal((await store().datasets.get('gt-segeplan:z'))?.lastSeenRunId, 'run-gt');
      assert.equal(await store().datasets.countUnseen(EC.id, 'run-3'), 2, 'b and d were not seen by run-3');
      // A changed record without a source hash loses the stored one: it is never found unchanged by it.
      await store().datasets.upsertBatch(EC, 'run-4', [sampleWrite({ sourceId: 'a', title: 'Otro título' })]);
      assert.equal((await store().datasets.touchUnchanged(EC.id, 'run-5', ['h-a'])).size, 0);
    });

    it('countUnseen counts what withdrawUnseen would withdraw, and withdraws nothing', async () => {
      await upsert('run-1', { sourceId: 'a' }, { sourceId: 'b' }, { sourceId: 'c' });
      await store().datasets.upsertBatch(GT, 'run-gt', [sampleWrite({ portalId: GT.id, sourceId: 'z' })]);
      await upsert('run-2', { sourceId: 'a' });
      assert.equal(await store().datasets.countUnseen(EC.id, 'run-2'), 2);
      assert.equal(await store().datasets.countUnseen(EC.id, 'run-2', ['ec-datosabiertos:b']), 1);
      assert.equal(await store().datasets.count({ portalId: EC.id, state: 'active' }), 3);
      assert.equal(await store().datasets.withdrawUnseen(EC.id, 'run-2', at(0), ['ec-datosabiertos:b']), 1);
      assert.equal(await store().datasets.countUnseen(EC.id, 'run-2', ['ec-datosabiertos:b']), 0);
    });

    it('withdrawUnseen spares the datasets listed in keep', async () => {
      await upsert('run-1', { sourceId: 'a' }, { sourceId: 'b' });
      assert.equal(await store().datasets.withdrawUnseen(EC.id, 'run-2', at(0), ['ec-datosabiertos:b']), 1);
      assert.equal((await store().datasets.get('ec-datosabiertos:b'))?.state, 'active');
    });

    it('a withdrawn dataset stays readable, flagged withdrawn', async () => {
      await upsert('run-1', { sourceId: 'a' });
      await store().datasets.withdrawUnseen(EC.id, 'run-2', at(0));
      const stored = await store().datasets.get('ec-datosabiertos:a');
      assert.equal(stored?.state, 'withdrawn');
      assert.equal(stored?.withdrawnAt, at(0).toISOString());
      assert.equal(stored?.dataset.title, 'Matrícula escolar 2023');
    });

    it('a withdrawn dataset that comes back is restored, not created', async () => {
      await upsert('run-1', { sourceId: 'a' });
      await store().datasets.withdrawUnseen(EC.id, 'run-2', at(0));
      assert.deepEqual(await upsert('run-3', { sourceId: 'a' }), result({ restored: 1 }));
      const stored = await store().datasets.get('ec-datosabiertos:a');
      assert.equal(stored?.state, 'active');
      assert.equal(stored?.withdrawnAt, undefined);
      assert.equal((await store().search.search({ q: 'matricula' })).total, 1);
    });

    it('getRaw gives back the nested source record with its accents', async () => {
      const raw = { título: 'Población por cantón', recursos: [{ formato: 'CSV', tamaño: 1024, etiquetas: ['niñez', 'género'] }], vacío: null };
      await store().datasets.upsertBatch(EC, 'run-1', [{ ...sampleWrite({ sourceId: 'a' }), raw }]);
      assert.deepEqual(await store().datasets.getRaw('ec-datosabiertos:a'), raw);
      assert.equal(await store().datasets.getRaw('ec-datosabiertos:none'), undefined);
    });

    it('updateQuality replaces the quality only', async () => {
      await upsert('run-1', { sourceId: 'a' });
      await store().datasets.updateQuality([{ id: 'ec-datosabiertos:a', quality: sampleQuality({ mqa: 390, total: 480 }) }]);
      const stored = await store().datasets.get('ec-datosabiertos:a');
      assert.equal(stored?.quality.rating, 'excellent');
      assert.equal(stored?.lastSeenRunId, 'run-1');
      assert.deepEqual((await store().search.search({ filters: { rating: 'excellent' } })).items.map((i) => i.score), [480]);
    });

    it('rewrite replaces records and qualities, keeps when they were seen, and never creates or restores', async () => {
      await upsert('run-1', { sourceId: 'a' }, { sourceId: 'b' }, { sourceId: 'c' });
      await upsert('run-2', { sourceId: 'a' }, { sourceId: 'b' });
      await store().datasets.withdrawUnseen(EC.id, 'run-2', at(0));
      const before = await store().datasets.get('ec-datosabiertos:a');
      const written = await store().datasets.rewrite(EC, [
        sampleWrite({ sourceId: 'a', title: 'Matrícula escolar (revisada)' }, { mqa: 390, total: 480 }),
        sampleWrite({ sourceId: 'b' }, { mqa: 100 }),
        sampleWrite({ sourceId: 'c', title: 'Vuelve por rescore' }),
        sampleWrite({ sourceId: 'nuevo' }),
      ]);
      assert.deepEqual(written, result({ updated: 1, unchanged: 1 }));
      const a = await store().datasets.get('ec-datosabiertos:a');
      assert.equal(a?.dataset.title, 'Matrícula escolar (revisada)');
      assert.equal(a?.quality.rating, 'excellent');
      assert.equal(a?.lastSeenRunId, 'run-2');
      assert.equal(a?.lastSeen, before?.lastSeen);
      assert.equal((await store().datasets.get('ec-datosabiertos:b'))?.quality.mqa, 100);
      assert.equal((await store().datasets.get('ec-datosabiertos:b'))?.lastSeenRunId, 'run-2');
      assert.equal((await store().datasets.get('ec-datosabiertos:c'))?.state, 'withdrawn');
      assert.equal(await store().datasets.get('ec-datosabiertos:nuevo'), undefined);
      assert.equal((await store().search.search({ q: 'revisada' })).total, 1);
    });

    it('scan gives every dataset in id order, in batches, withdrawn ones only when asked', async () => {
      await upsert('run-1', { sourceId: 'd' }, { sourceId: 'b' }, { sourceId: 'e' }, { sourceId: 'a' }, { sourceId: 'c' });
      await store().datasets.upsertBatch(GT, 'run-gt', [sampleWrite({ portalId: GT.id, sourceId: 'z' })]);
      await upsert('run-2', { sourceId: 'a' }, { sourceId: 'b' }, { sourceId: 'd' }, { sourceId: 'e' });
      await store().datasets.withdrawUnseen(EC.id, 'run-2', at(0));
      const active = await scanIds(store(), { portalId: EC.id, batchSize: 2 });
      assert.deepEqual(active, [['a', 'b'], ['d', 'e']].map((b) => b.map((id) => `ec-datosabiertos:${id}`)));
      const all = (await scanIds(store(), { includeWithdrawn: true, batchSize: 2 })).flat();
      assert.deepEqual(all, ['a', 'b', 'c', 'd', 'e'].map((id) => `ec-datosabiertos:${id}`).concat('gt-segeplan:z'));
    });

    it('scanScores gives the active datasets of a portal (or all) with their quality, title, publisher and cluster, as scan does', async () => {
      await upsert('run-1', { sourceId: 'b' }, { sourceId: 'a', title: 'Matrícula 2024' }, { sourceId: 'c', publisher: { name: 'INEC' } });
      await store().datasets.upsertBatch(GT, 'run-gt', [sampleWrite({ portalId: GT.id, sourceId: 'z' }, { mqa: 99 })]);
      await upsert('run-2', { sourceId: 'a', title: 'Matrícula 2024' }, { sourceId: 'c', publisher: { name: 'INEC' } });
      await store().datasets.withdrawUnseen(EC.id, 'run-2', at(0));
      const scored: ScoredDataset[] = [];
      for await (const batch of store().datasets.scanScores({ portalId: EC.id, batchSize: 1 })) scored.push(...batch);
      const stored: StoredDataset[] = [];
      for await (const batch of store().datasets.scan({ portalId: EC.id })) stored.push(...batch);
      assert.deepEqual(scored.map((s) => s.dataset.id), ['ec-datosabiertos:a', 'ec-datosabiertos:c']);
      assert.deepEqual(
        scored.map((s) => [s.dataset.portalId, s.dataset.title, s.dataset.publisher, s.quality, s.cluster]),
        stored.map((s) => [s.dataset.portalId, s.dataset.title, s.dataset.publisher, s.quality, s.cluster]),
      );
      assert.equal(scored[0].dataset.title, 'Matrícula 2024');
      assert.deepEqual(scored[1].dataset.publisher, { name: 'INEC' });
      let all = 0;
      for await (const batch of store().datasets.scanScores({})) all += batch.length;
      assert.equal(all, 3);
      const inec: string[] = [];
      for await (const batch of store().datasets.scanScores({ portalId: EC.id, publisher: 'INEC' })) inec.push(...batch.map((s) => s.dataset.id));
      assert.deepEqual(inec, ['ec-datosabiertos:c'], 'with a publisher, only its datasets');
      for await (const batch of store().datasets.scanScores({ portalId: GT.id, publisher: 'INEC' })) assert.fail(`another portal's INEC: ${batch.length}`);
    });

    it('count counts by portal and state', async () => {
      await upsert('run-1', { sourceId: 'a' }, { sourceId: 'b' }, { sourceId: 'c' });
      await store().datasets.upsertBatch(GT, 'run-gt', [sampleWrite({ portalId: GT.id, sourceId: 'a' })]);
      await upsert('run-2', { sourceId: 'a' });
      await store().datasets.withdrawUnseen(EC.id, 'run-2', at(0));
      assert.equal(await store().datasets.count({}), 4);
      assert.equal(await store().datasets.count({ portalId: EC.id }), 3);
      assert.equal(await store().datasets.count({ portalId: EC.id, state: 'withdrawn' }), 2);
      assert.equal(await store().datasets.count({ state: 'active' }), 2);
    });
  });
}

/** Six datasets over three portals, with known facet values. */
async function seedSearchCorpus(store: Store): Promise<void> {
  const dist = (format: { code?: string; raw: string }) => ({ id: format.raw, downloadURL: `https://x.example/f.${format.raw}`, format });
  const CSV = dist({ code: 'CSV', raw: 'csv' });
  const XLSX = dist({ code: 'XLSX', raw: 'xlsx' });
  const ccBy = { id: 'CC-BY-4.0', raw: 'CC-BY 4.0' };
  await store.datasets.upsertBatch(EC, 'run-ec', [
    sampleWrite(
      { sourceId: 'basica', title: 'Educación básica: matrícula escolar 2023', distributions: [CSV, XLSX], license: ccBy },
      { mqa: 300, total: 380 },
    ),
    sampleWrite(
      {
        sourceId: 'superior',
        title: 'EDUCACIÓN SUPERIOR: becas otorgadas',
        description: 'Becas de tercer y cuarto nivel otorgadas por año y provincia.',
        keywords: ['becas'],
        publisher: { name: 'SENESCYT' },
        distributions: [CSV],
        license: ccBy,
      },
      { mqa: 380, total: 470 },
    ),
    sampleWrite(
      {
        sourceId: 'presupuesto',
        title: 'Presupuesto General del Estado',
        description: 'Ejecución presupuestaria mensual por sector, incluida la inversión en educación.',
        keywords: ['presupuesto', 'finanzas públicas'],
        themes: [{ code: 'ECON', label: 'Economía' }, { code: 'GOVE', label: 'Gobierno' }],
        publisher: { name: 'Ministerio de Economía y Finanzas' },
        distributions: [dist({ code: 'PDF', raw: 'pdf' })],
        license: { raw: 'Licencia propia del Ministerio' },
      },
      { mqa: 100, total: 120 },
    ),
  ]);
  const cuenca = { portalId: CUENCA.id, publisher: { name: 'GAD Municipal de Cuenca' } };
  await store.datasets.upsertBatch(CUENCA, 'run-cuenca', [
    sampleWrite(
      {
        ...cuenca,
        sourceId: 'rutas',
        title: 'Rutas de transporte público de Cuenca',
        description: 'Recorridos y paradas de buses urbanos.',
        keywords: ['movilidad', 'buses'],
        themes: [{ code: 'TRAN', label: 'Movilidad' }],
        distributions: [dist({ raw: 'geojson' })],
        license: undefined,
      },
      { mqa: 150, total: 180 },
    ),
    sampleWrite(
      {
        ...cuenca,
        sourceId: 'aire',
        title: 'Calidad del aire en Cuenca',
        description: 'Mediciones horarias de material particulado en estaciones de monitoreo.',
        keywords: ['ambiente', 'aire'],
        themes: [{ code: 'ENVI', label: 'Medio ambiente' }],
        distributions: [CSV],
        license: ccBy,
      },
      { mqa: 250, total: 300 },
    ),
  ]);
  await store.datasets.upsertBatch(GT, 'run-gt', [
    sampleWrite(
      {
        portalId: GT.id,
        sourceId: 'indicadores',
        title: 'Indicadores de educación de Guatemala',
        publisher: { name: 'SEGEPLAN' },
        themes: [{ code: 'EDUC', label: 'Educación' }, { label: 'Desarrollo social' }],
        distributions: [XLSX],
        license: { id: 'ODbL-1.0', raw: 'ODbL' },
      },
      { mqa: 300, total: 380 },
    ),
  ]);
}

function searchContract(store: () => Store): void {
  const find = async (query: SearchQuery) => (await store().search.search(query)).items.map((i) => i.id.split(':')[1]);
  const findSet = async (query: SearchQuery) => (await find(query)).sort();

  describe('search', () => {
    beforeEach(() => seedSearchCorpus(store()));

    it('ignores accents and case: "educacion" finds "Educación" and "EDUCACIÓN"', async () => {
      const expected = ['basica', 'indicadores', 'presupuesto', 'superior'];
      assert.deepEqual(await findSet({ q: 'educacion' }), expected);
      assert.deepEqual(await findSet({ q: 'EDUCACIÓN' }), expected);
    });

    it('ranks a title match before a match in the description only', async () => {
      assert.equal((await find({ q: 'educacion' })).at(-1), 'presupuesto');
    });

    it('matches the last word as a prefix', async () => {
      assert.deepEqual(await find({ q: 'presupu' }), ['presupuesto']);
      assert.deepEqual(await find({ q: 'educacion sup' }), ['superior']);
    });

    it('requires every word', async () => {
      assert.deepEqual(await find({ q: 'educación guatemala' }), ['indicadores']);
      assert.deepEqual(await find({ q: 'educacion cuenca' }), []);
    });

    it('searches keywords and the publisher too', async () => {
      assert.deepEqual(await find({ q: 'movilidad' }), ['rutas']);
      assert.deepEqual(await find({ q: 'senescyt' }), ['superior']);
    });

    it('hostile text does not throw', async () => {
      for (const q of ['"', '(', ')', 'AND', 'OR NOT', '*', '-x', "'", 'NEAR(a b)', 'title:x', '^', '{a}', '\u0301', 'a'.repeat(5000)]) {
        const result = await store().search.search({ q });
        assert.equal(typeof result.total, 'number', q);
      }
      assert.deepEqual(await findSet({ q: '"educación' }), ['basica', 'indicadores', 'presupuesto', 'superior']);
    });

    it('blank text matches everything', async () => {
      assert.equal((await store().search.search({ q: '   ' })).total, 6);
    });

    it('without text, orders by score descending, then title', async () => {
      assert.deepEqual(await find({}), ['superior', 'basica', 'indicadores', 'aire', 'rutas', 'presupuesto']);
    });

    it('counts every facet over the whole result, count descending then value', async () => {
      const { total, facets } = await store().search.search({});
      assert.equal(total, 6);
      assert.deepEqual(facets, {
        portal: counted(['ec-datosabiertos', 3], ['ec-cuenca', 2], ['gt-segeplan', 1]),
        country: counted(['EC', 5], ['GT', 1]),
        level: counted(['national', 4], ['municipal', 2]),
        publisher: counted(
          ['GAD Municipal de Cuenca', 2],
          ['Ministerio de Economía y Finanzas', 1],
          ['Ministerio de Educación', 1],
          ['SEGEPLAN', 1],
          ['SENESCYT', 1],
        ),
        theme: counted(['EDUC', 3], ['Desarrollo social', 1], ['ECON', 1], ['ENVI', 1], ['GOVE', 1], ['TRAN', 1]),
        format: counted(['CSV', 3], ['XLSX', 2], ['GEOJSON', 1], ['PDF', 1]),
        license: counted(['CC-BY-4.0', 3], ['Licencia propia del Ministerio', 1], ['ODbL-1.0', 1]),
        rating: counted(['good', 3], ['bad', 1], ['excellent', 1], ['sufficient', 1]),
      });
    });

    it('counts facets with the text and the filters applied', async () => {
      const byText = await store().search.search({ q: 'educacion' });
      assert.deepEqual(byText.facets.country, counted(['EC', 3], ['GT', 1]));
      const filtered = await store().search.search({ q: 'educacion', filters: { country: 'EC' } });
      assert.equal(filtered.total, 3);
      assert.deepEqual(filtered.facets.portal, counted(['ec-datosabiertos', 3]));
      assert.deepEqual(filtered.facets.format, counted(['CSV', 2], ['PDF', 1], ['XLSX', 1]));
    });

    it('filters by each facet', async () => {
      const cases: [SearchQuery['filters'], string[]][] = [
        [{ portal: 'ec-cuenca' }, ['aire', 'rutas']],
        [{ country: 'GT' }, ['indicadores']],
        [{ level: 'municipal' }, ['aire', 'rutas']],
        [{ publisher: 'GAD Municipal de Cuenca' }, ['aire', 'rutas']],
        [{ theme: 'EDUC' }, ['basica', 'indicadores', 'superior']],
        [{ theme: 'Desarrollo social' }, ['indicadores']],
        [{ format: 'GEOJSON' }, ['rutas']],
        [{ format: 'XLSX' }, ['basica', 'indicadores']],
        [{ license: 'Licencia propia del Ministerio' }, ['presupuesto']],
        [{ rating: 'excellent' }, ['superior']],
        [{ country: 'EC', format: 'CSV', theme: 'EDUC' }, ['basica', 'superior']],
      ];
      for (const [filters, expected] of cases) assert.deepEqual(await findSet({ filters }), expected, JSON.stringify(filters));
      assert.deepEqual(await find({ q: 'cuenca', filters: { format: 'CSV' } }), ['aire']);
    });

    it('a page item summarizes the dataset, its portal and its quality', async () => {
      const [item] = (await store().search.search({ q: 'becas' })).items;
      assert.equal(item.id, 'ec-datosabiertos:superior');
      assert.equal(item.portalId, 'ec-datosabiertos');
      assert.equal(item.title, 'EDUCACIÓN SUPERIOR: becas otorgadas');
      assert.equal(item.publisher, 'SENESCYT');
      assert.equal(item.country, 'EC');
      assert.equal(item.level, 'national');
      assert.equal(item.modified, '2024-02-15');
      assert.deepEqual(item.formats, ['CSV']);
      assert.equal(item.license, 'CC-BY-4.0');
      assert.deepEqual(item.themes, ['EDUC']);
      assert.deepEqual([item.score, item.mqa, item.rating, item.freshness], [470, 380, 'excellent', 'up_to_date']);
      assert.equal(item.landingPage, 'https://ec-datosabiertos.example/dataset/superior');
    });

    it('pages through the result with a stable total', async () => {
      const pages = await Promise.all([1, 2, 3, 4].map((page) => store().search.search({ page, limit: 2 })));
      assert.deepEqual(pages.map((p) => [p.total, p.page, p.limit, p.items.length]), [[6, 1, 2, 2], [6, 2, 2, 2], [6, 3, 2, 2], [6, 4, 2, 0]]);
      assert.equal(new Set(pages.flatMap((p) => p.items.map((i) => i.id))).size, 6);
    });

    it('refuses a bad page, limit or facet with BadRequestError', async () => {
      const bad: SearchQuery[] = [{ page: 0 }, { page: 1.5 }, { limit: 0 }, { limit: 101 }, { filters: { nope: 'x' } as SearchQuery['filters'] }];
      for (const query of bad) await assert.rejects(store().search.search(query), BadRequestError, JSON.stringify(query));
    });

    it('hides withdrawn datasets from results and facets', async () => {
      await store().datasets.withdrawUnseen(EC.id, 'run-ec-2', at(0));
      assert.deepEqual(await find({ q: 'presupuesto' }), []);
      const { total, facets } = await store().search.search({});
      assert.equal(total, 3);
      assert.deepEqual(facets.portal, counted(['ec-cuenca', 2], ['gt-segeplan', 1]));
      assert.deepEqual(facets.rating, counted(['good', 2], ['sufficient', 1]));
    });
  });
}

function reportContract(store: () => Store): void {
  describe('reports', () => {
    const scope = { kind: 'portal', id: EC.id } as const;
    const snapshot = (createdAt: string, report: unknown) => ({ scope, runId: `run-${createdAt}`, createdAt, report });

    it('latest and history give the snapshots of a scope, newest first', async () => {
      await store().reports.save(snapshot('2024-05-02T00:00:00.000Z', { puntaje: 250, nota: 'Buena' }));
      await store().reports.save(snapshot('2024-05-03T00:00:00.000Z', { puntaje: 260, nota: 'Buena, con más recursos' }));
      await store().reports.save(snapshot('2024-05-01T00:00:00.000Z', { puntaje: 240 }));
      await store().reports.save({ scope: { kind: 'region', id: 'all' }, createdAt: '2024-05-04T00:00:00.000Z', report: {} });
      assert.deepEqual(await store().reports.latest(scope), snapshot('2024-05-03T00:00:00.000Z', { puntaje: 260, nota: 'Buena, con más recursos' }));
      const history = await store().reports.history(scope);
      assert.deepEqual(history.map((h) => h.createdAt.slice(0, 10)), ['2024-05-03', '2024-05-02', '2024-05-01']);
      const since = await store().reports.history(scope, new Date('2024-05-02T00:00:00.000Z'));
      assert.deepEqual(since.map((h) => h.createdAt.slice(0, 10)), ['2024-05-03', '2024-05-02']);
      assert.equal((await store().reports.latest(scope, new Date('2024-05-02T12:00:00.000Z')))?.createdAt, '2024-05-02T00:00:00.000Z', 'the newest at or before');
      assert.equal((await store().reports.latest(scope, new Date('2024-05-02T00:00:00.000Z')))?.createdAt, '2024-05-02T00:00:00.000Z', 'at the time itself');
      assert.equal(await store().reports.latest(scope, new Date('2024-04-30T00:00:00.000Z')), undefined);
    });

    it('a same-day snapshot without a run replaces the latest one only when that one has no run either and was made that day', async () => {
      const pass = (createdAt: string, n: number) => ({ scope, createdAt, report: { pase: n } });
      await store().reports.save(snapshot('2024-05-02T01:00:00.000Z', { cosecha: 1 }));
      await store().reports.save(pass('2024-05-02T06:00:00.000Z', 1), { replaceSameDay: true });
      await store().reports.save(pass('2024-05-02T12:00:00.000Z', 2), { replaceSameDay: true });
      await store().reports.save(pass('2024-05-03T00:30:00.000Z', 3), { replaceSameDay: true });
      await store().reports.save(pass('2024-05-03T06:30:00.000Z', 4));
      const history = await store().reports.history(scope);
      assert.deepEqual(history.map((h) => h.report), [{ pase: 4 }, { pase: 3 }, { pase: 2 }, { cosecha: 1 }]);
    });

    it('a scope without snapshots has no latest and an empty history', async () => {
      assert.equal(await store().reports.latest({ kind: 'publisher', id: 'ec-datosabiertos/mineduc' }), undefined);
      assert.deepEqual(await store().reports.history({ kind: 'publisher', id: 'ec-datosabiertos/mineduc' }), []);
    });
  });
}

function linkContract(store: () => Store): void {
  describe('links', () => {
    const check = (url: string, overrides: Partial<LinkCheck> = {}): LinkCheck => ({
      url,
      status: 'ok',
      checkedAt: '2024-05-01T10:00:00.000Z',
      httpStatus: 200,
      contentType: 'text/csv',
      flags: [],
      ...overrides,
    });

    it('put checks can be read back by URL, unknown URLs left out', async () => {
      await store().links.put([check('https://a.example/datos.csv'), check('https://b.example/caído.csv', { status: 'broken', httpStatus: 404 })]);
      const found = await store().links.get(['https://a.example/datos.csv', 'https://b.example/caído.csv', 'https://c.example/x']);
      assert.deepEqual([...found.keys()].sort(), ['https://a.example/datos.csv', 'https://b.example/caído.csv']);
      assert.deepEqual(found.get('https://b.example/caído.csv'), check('https://b.example/caído.csv', { status: 'broken', httpStatus: 404 }));
    });

    it('a new check of a URL replaces the old one', async () => {
      await store().links.put([check('https://a.example/datos.csv')]);
      await store().links.put([check('https://a.example/datos.csv', { status: 'broken', httpStatus: 500, checkedAt: '2024-05-02T10:00:00.000Z' })]);
      assert.equal((await store().links.get(['https://a.example/datos.csv'])).get('https://a.example/datos.csv')?.status, 'broken');
    });
  });
}

function counts(overrides: Partial<RunCounts> = {}): RunCounts {
  return { seen: 0, created: 0, updated: 0, unchanged: 0, withdrawn: 0, restored: 0, failed: 0, ...overrides };
}

function result(overrides: Partial<UpsertResult>): UpsertResult {
  return { created: 0, updated: 0, unchanged: 0, restored: 0, ...overrides };
}

function counted(...entries: [string, number][]) {
  return entries.map(([value, count]) => ({ value, count }));
}

function sortById<T extends { id: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.id.localeCompare(b.id));
}

async function scanIds(store: Store, filter: Parameters<Store['datasets']['scan']>[0]): Promise<string[][]> {
  const batches: string[][] = [];
  for await (const batch of store.datasets.scan(filter)) batches.push(batch.map((s) => s.dataset.id));
  return batches;
}

function clusterContract(store: () => Store): void {
  // Cuenca's water dataset, re-listed by the national portal under another id; Guatemala's is another dataset.
  const water = { title: 'Calidad del agua potable 2023', publisher: { name: 'ETAPA EP' } };
  async function seed() {
    await store().datasets.upsertBatch(CUENCA, 'run-c', [sampleWrite({ portalId: CUENCA.id, sourceId: 'agua', ...water })]);
    await store().datasets.upsertBatch(EC, 'run-e', [
      sampleWrite({ sourceId: 'agua-cuenca', ...water }),
      sampleWrite({ sourceId: 'presupuesto', title: 'Presupuesto General del Estado 2023', publisher: { name: 'Ministerio de Finanzas' } }),
    ]);
    await store().datasets.upsertBatch(GT, 'run-g', [sampleWrite({ portalId: GT.id, sourceId: 'agua', title: 'Calidad del agua de ríos 2023', publisher: { name: 'MARN' } })]);
    return store().datasets.recluster();
  }

  describe('clusters', () => {
    it('links the records several portals list; search shows each dataset once, naming the other portals', async () => {
      assert.deepEqual(await seed(), { clusters: 1, datasets: 2 });
      assert.equal((await store().datasets.get('ec-datosabiertos:agua-cuenca'))?.cluster, 'ec-cuenca:agua');
      assert.equal((await store().datasets.get('ec-datosabiertos:presupuesto'))?.cluster, undefined);
      const all = await store().search.search({});
      assert.equal(all.total, 3);
      assert.deepEqual(all.items.filter((i) => i.alsoIn).map((i) => [i.id, i.alsoIn]), [['ec-cuenca:agua', ['ec-datosabiertos']]]);
      assert.deepEqual(all.facets.country, [{ value: 'EC', count: 2 }, { value: 'GT', count: 1 }]);
      // A portal's count is what its filter shows: the national portal's copy of Cuenca's dataset counts there.
      assert.deepEqual(all.facets.portal, [{ value: EC.id, count: 2 }, { value: CUENCA.id, count: 1 }, { value: GT.id, count: 1 }]);
      const text = await store().search.search({ q: 'calidad agua' });
      assert.deepEqual(text.items.map((i) => i.id).sort(), ['ec-cuenca:agua', 'gt-segeplan:agua']);
    });

    it('a search that matches only a later member of a cluster shows that member, counted once', async () => {
      await seed();
      await store().datasets.upsertBatch(EC, 'run-e2', [sampleWrite({ sourceId: 'agua-cuenca', ...water, keywords: ['potabilizadora tixán'] })]);
      await store().datasets.recluster();
      const found = await store().search.search({ q: 'tixan' });
      assert.deepEqual(found.items.map((i) => [i.id, i.alsoIn]), [['ec-datosabiertos:agua-cuenca', ['ec-cuenca']]]);
      assert.equal(found.total, 1);
      assert.deepEqual(found.facets.portal, [{ value: EC.id, count: 1 }]);
    });

    it('a cluster is shown as its origin, not as a harvested copy stored before it', async () => {
      const copy = { source: { harvestSourceUrl: 'https://datos.cuenca.gob.ec/dataset/agua', harvestObjectId: 'b1f4' } };
      await store().datasets.upsertBatch(EC, 'run-e', [sampleWrite({ sourceId: 'agua-cuenca', ...water, ...copy })]);
      await store().datasets.upsertBatch(CUENCA, 'run-c', [sampleWrite({ portalId: CUENCA.id, sourceId: 'agua', ...water })]);
      assert.deepEqual(await store().datasets.recluster(), { clusters: 1, datasets: 2 });
      assert.equal((await store().datasets.get('ec-datosabiertos:agua-cuenca'))?.cluster, 'ec-cuenca:agua');
      assert.deepEqual((await store().search.search({})).items.map((i) => [i.id, i.alsoIn]), [['ec-cuenca:agua', ['ec-datosabiertos']]]);
      assert.deepEqual((await store().search.search({ q: 'calidad agua' })).items.map((i) => i.id), ['ec-cuenca:agua']);
    });

    it('a filter that only a later member of a cluster passes shows that member once; the filtered facet counts the cluster as its first member', async () => {
      await seed();
      const national = await store().search.search({ filters: { level: 'national' } });
      assert.deepEqual(national.items.map((i) => [i.id, i.alsoIn]).sort(), [
        ['ec-datosabiertos:agua-cuenca', ['ec-cuenca']], ['ec-datosabiertos:presupuesto', undefined], ['gt-segeplan:agua', undefined],
      ]);
      assert.equal(national.total, 3);
      assert.deepEqual(national.facets.level, [{ value: 'national', count: 2 }, { value: 'municipal', count: 1 }]);
      assert.deepEqual(national.facets.portal, [{ value: 'ec-datosabiertos', count: 2 }, { value: 'gt-segeplan', count: 1 }]);
    });

    it('a portal filter shows every record the portal lists, re-listed ones included', async () => {
      await seed();
      const national = await store().search.search({ filters: { portal: EC.id } });
      assert.equal(national.total, 2);
      assert.equal(national.facets.portal.find((f) => f.value === EC.id)?.count, national.total, 'the facet promised what the filter shows');
      assert.deepEqual(national.items.find((i) => i.id === 'ec-datosabiertos:agua-cuenca')?.alsoIn, ['ec-cuenca']);
      assert.deepEqual(await store().datasets.clusterPortals('ec-cuenca:agua'), [CUENCA.id, EC.id], 'the portals of a cluster, sorted');
      assert.deepEqual(await store().datasets.clusterPortals('nada:nada'), []);
    });

    it('a withdrawn record leaves its cluster at the next recluster', async () => {
      await seed();
      await store().datasets.upsertBatch(CUENCA, 'run-c2', []);
      await store().datasets.withdrawUnseen(CUENCA.id, 'run-c2', at(0));
      assert.deepEqual(await store().datasets.recluster(), { clusters: 0, datasets: 0 });
      assert.equal((await store().datasets.get('ec-datosabiertos:agua-cuenca'))?.cluster, undefined);
      assert.equal((await store().search.search({ q: 'calidad agua' })).total, 2);
    });
  });
}

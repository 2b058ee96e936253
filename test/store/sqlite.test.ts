import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { LeaseHeldError, StoreError } from '../../src/errors.js';
import { Connection } from '../../src/store/sqlite/connection.js';
import { ftsMatchExpression } from '../../src/store/sqlite/search/fts-query.js';
import { MIGRATIONS, migrate, SCHEMA_VERSION, schemaVersion } from '../../src/store/sqlite/schema.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { sampleDataset, samplePortal, sampleQuality, sampleWrite } from '../support/samples.js';
import { storeContract } from './contract.js';

storeContract('sqlite', async () => openSqliteStore(':memory:'));

describe('SQLite store', () => {
  let dir: string;
  const open: SqliteStore[] = [];
  const openFile = async (name = 'cosecha.db') => {
    const store = openSqliteStore(join(dir, name));
    open.push(store);
    await store.init();
    return store;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cosecha-sqlite-'));
  });
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const portal = samplePortal();

  it('a new file store gets the latest schema version and its parent directories', async () => {
    const store = await openFile('datos/nuevos/cosecha.db');
    assert.equal(store.description, `sqlite:${join(dir, 'datos/nuevos/cosecha.db')}`);
    await store.close();
    const db = new Database(join(dir, 'datos/nuevos/cosecha.db'), { readonly: true });
    assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    db.close();
  });

  it('reopening a file store keeps its datasets, raw records and search index', async () => {
    const first = await openFile();
    await first.datasets.upsertBatch(portal, 'run-1', [sampleWrite({ sourceId: 'a' })]);
    await first.close();
    const again = await openFile();
    assert.equal((await again.datasets.get('ec-datosabiertos:a'))?.dataset.title, 'Matrícula escolar 2023');
    assert.equal((await again.datasets.getRaw('ec-datosabiertos:a') as { name: string }).name, 'a');
    assert.equal((await again.search.search({ q: 'matricula' })).total, 1);
  });

  it('a later migration brings an existing file up to date and keeps its data', async () => {
    const store = await openFile();
    await store.portals.upsert(portal);
    await store.close();
    const connection = new Connection(join(dir, 'cosecha.db'));
    const next = { version: SCHEMA_VERSION + 1, description: 'test', sql: 'ALTER TABLE portals ADD COLUMN notes TEXT;' };
    migrate(connection, [...MIGRATIONS, next]);
    migrate(connection, [...MIGRATIONS, next]);
    assert.equal(schemaVersion(connection), SCHEMA_VERSION + 1);
    assert.equal(connection.db.prepare('SELECT name FROM portals').pluck().get(), portal.name);
    connection.close();
  });

  it('a version 1 file is migrated with its datasets, source records and search intact', async () => {
    const connection = new Connection(join(dir, 'cosecha.db'));
    migrate(connection, MIGRATIONS.slice(0, 1));
    const write = sampleWrite({ sourceId: 'a' });
    const { db } = connection;
    db.prepare(
      `INSERT INTO datasets (pk, id, portal_id, country, level, state, title, publisher, license, rating, score, mqa,
         hash, first_seen, last_seen, last_seen_run_id)
       VALUES (1, ?, ?, 'EC', 'national', 'active', ?, 'Ministerio de Educación', 'CC-BY-4.0', 'good', 385, 290, ?, 'x', 'x', 'run-1')`,
    ).run(write.dataset.id, write.dataset.portalId, write.dataset.title, write.dataset.provenance.hash);
    db.prepare('INSERT INTO dataset_records VALUES (1, ?)').run(JSON.stringify(write.dataset));
    db.prepare('INSERT INTO dataset_quality VALUES (1, ?)').run(JSON.stringify(write.quality));
    db.prepare('INSERT INTO dataset_raw VALUES (1, ?)').run(gzipSync(JSON.stringify(write.raw)));
    db.prepare(`INSERT INTO dataset_themes VALUES (1, 'EDUC')`).run();
    db.prepare(`INSERT INTO datasets_fts (rowid, title) VALUES (1, ?)`).run(write.dataset.title);
    connection.close();

    const store = await openFile();
    assert.equal((await store.datasets.get(write.dataset.id))?.dataset.title, write.dataset.title);
    assert.deepEqual(await store.datasets.getRaw(write.dataset.id), write.raw);
    const { total, facets } = await store.search.search({ q: 'matricula' });
    assert.equal(total, 1);
    assert.deepEqual(facets.theme, [{ value: 'EDUC', count: 1 }]);
    assert.deepEqual(await store.datasets.upsertBatch(portal, 'run-2', [write]), { created: 0, updated: 0, unchanged: 1, restored: 0 });
  });

  it('recluster recomputes the keys of records keyed by older rules, so a file gains new key kinds', async () => {
    const store = await openFile();
    const uuid = '5e0c2b7a-93d1-4f8e-a2b6-0c4d9e7f1a35';
    // A municipal record and the national copy CKAN's harvester made of it: only the package id in common.
    await store.datasets.upsertBatch({ ...portal, id: 'ec-loja' }, 'run-1', [sampleWrite({ portalId: 'ec-loja', sourceId: uuid, title: 'Residuos de Loja 2024' })]);
    await store.datasets.upsertBatch(portal, 'run-2', [sampleWrite({ sourceId: uuid, title: 'Residuos sólidos (nodo Loja)', landingPage: undefined, distributions: [] })]);
    await store.close();
    // As a store of key rules version 1 left it: no id: keys, keyed = 1.
    const connection = new Connection(join(dir, 'cosecha.db'));
    connection.db.prepare(`DELETE FROM dataset_keys WHERE key LIKE 'id:%'`).run();
    connection.db.prepare('UPDATE datasets SET keyed = 1').run();
    connection.close();

    const again = await openFile();
    assert.deepEqual(await again.datasets.recluster(), { clusters: 1, datasets: 2 });
    assert.equal((await again.datasets.get(`ec-datosabiertos:${uuid}`))?.cluster, `ec-loja:${uuid}`);
  });

  it('a file from a newer Cosecha is refused with a StoreError', async () => {
    const db = new Database(join(dir, 'cosecha.db'));
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    await assert.rejects(openFile(), (e: unknown) => e instanceof StoreError && e.code === 'store_schema_newer');
  });

  it('a batch that fails part-way is rolled back whole: nothing lost, nothing half-written', async () => {
    const store = await openFile();
    await store.datasets.upsertBatch(portal, 'run-1', [sampleWrite({ sourceId: 'a' })]);
    const batch = [
      sampleWrite({ sourceId: 'a', title: 'Título cambiado' }),
      sampleWrite({ sourceId: 'b' }),
      // A title SQLite cannot bind: the insert of the third item throws inside the transaction.
      sampleWrite({ sourceId: 'c', title: { texto: 'no es texto' } as unknown as string }),
    ];
    await assert.rejects(store.datasets.upsertBatch(portal, 'run-2', batch), StoreError);
    const a = await store.datasets.get('ec-datosabiertos:a');
    assert.equal(a?.dataset.title, 'Matrícula escolar 2023');
    assert.equal(a?.lastSeenRunId, 'run-1');
    assert.equal(await store.datasets.get('ec-datosabiertos:b'), undefined);
    assert.equal(await store.datasets.count({}), 1);
    assert.equal((await store.search.search({ q: 'cambiado' })).total, 0);
    assert.equal((await store.search.search({ q: 'matricula' })).total, 1);
    assert.deepEqual((await store.search.search({})).facets.portal, [{ value: 'ec-datosabiertos', count: 1 }]);
    assert.equal(((await store.datasets.getRaw('ec-datosabiertos:a')) as { title: string }).title, 'Matrícula escolar 2023');
  });

  it('a batch whose source record cannot be serialized fails with a StoreError and writes nothing', async () => {
    const store = await openFile();
    const circular: Record<string, unknown> = { nombre: 'ciclo' };
    circular.self = circular;
    const batch = [sampleWrite({ sourceId: 'a' }), { ...sampleWrite({ sourceId: 'b' }), raw: circular }];
    await assert.rejects(store.datasets.upsertBatch(portal, 'run-1', batch), StoreError);
    assert.equal(await store.datasets.count({}), 0);
  });

  it('a record without a source record stores none', async () => {
    const store = await openFile();
    await store.datasets.upsertBatch(portal, 'run-1', [{ ...sampleWrite({ sourceId: 'a' }), raw: undefined }]);
    assert.equal(await store.datasets.getRaw('ec-datosabiertos:a'), undefined);
    assert.equal((await store.datasets.get('ec-datosabiertos:a'))?.state, 'active');
  });

  it('a batch naming one dataset twice stores and indexes its last version', async () => {
    const store = await openFile();
    const batch = [sampleWrite({ sourceId: 'a' }), sampleWrite({ sourceId: 'a', title: 'Becas universitarias' })];
    assert.deepEqual(await store.datasets.upsertBatch(portal, 'run-1', batch), { created: 1, updated: 1, unchanged: 0, restored: 0 });
    assert.equal((await store.search.search({ q: 'becas' })).total, 1);
    assert.equal((await store.search.search({ q: 'escolar' })).total, 0);
  });

  it('a repeated search sees every write made since, from this store or another one on the file', async () => {
    const one = await openFile();
    const two = await openFile();
    assert.equal((await one.search.search({})).total, 0);
    await one.datasets.upsertBatch(portal, 'run-1', [sampleWrite({ sourceId: 'a' })]);
    assert.equal((await one.search.search({})).total, 1);
    await two.datasets.upsertBatch(portal, 'run-2', [sampleWrite({ sourceId: 'b' })]);
    assert.equal((await one.search.search({})).total, 2);
    await two.datasets.updateQuality([{ id: 'ec-datosabiertos:b', quality: sampleQuality({ mqa: 10 }) }]);
    assert.deepEqual((await one.search.search({ filters: { rating: 'bad' } })).items.map((i) => i.id), ['ec-datosabiertos:b']);
    await one.datasets.withdrawUnseen(portal.id, 'run-2', new Date());
    assert.equal((await one.search.search({})).total, 1);
  });

  it('the next page of a query gives the same facets, and a write since, from this store or another one, changes them', async () => {
    const one = await openFile();
    const two = await openFile();
    await one.datasets.upsertBatch(portal, 'run-1', [sampleWrite({ sourceId: 'a' }), sampleWrite({ sourceId: 'b' })]);
    const first = await one.search.search({ q: 'matricula', limit: 1 });
    assert.deepEqual((await one.search.search({ q: 'matricula', limit: 1, page: 2 })).facets, first.facets);
    await two.datasets.upsertBatch(portal, 'run-2', [sampleWrite({ sourceId: 'c', publisher: { name: 'Senescyt' } })]);
    const third = await one.search.search({ q: 'matricula', limit: 1, page: 3 });
    assert.deepEqual(third.facets.publisher, [{ value: 'Ministerio de Educación', count: 2 }, { value: 'Senescyt', count: 1 }]);
    await one.datasets.upsertBatch(portal, 'run-3', [sampleWrite({ sourceId: 'd', publisher: { name: 'Senescyt' } })]);
    assert.deepEqual((await one.search.search({ q: 'matricula', limit: 1, page: 2 })).facets.publisher.map((f) => f.count), [2, 2]);
  });

  it('two stores on one file share the lease: the second start throws LeaseHeldError', async () => {
    const one = await openFile();
    const two = await openFile();
    await one.runs.start({ portalId: portal.id, mode: 'full', owner: 'a:1', leaseMs: 60_000 });
    await assert.rejects(two.runs.start({ portalId: portal.id, mode: 'full', owner: 'b:2', leaseMs: 60_000 }), LeaseHeldError);
  });

  it('counts a facet without its own filter, so the other values stay selectable', async () => {
    const store = await openFile();
    const gt = samplePortal({ id: 'gt-segeplan', country: 'GT' });
    await store.datasets.upsertBatch(portal, 'run-1', [sampleWrite({ sourceId: 'a' }), sampleWrite({ sourceId: 'b' })]);
    await store.datasets.upsertBatch(gt, 'run-2', [sampleWrite({ portalId: gt.id, sourceId: 'c' })]);
    const { total, facets } = await store.search.search({ filters: { country: 'GT' } });
    assert.equal(total, 1);
    assert.deepEqual(facets.country, [{ value: 'EC', count: 2 }, { value: 'GT', count: 1 }]);
    assert.deepEqual(facets.portal, [{ value: 'gt-segeplan', count: 1 }]);
  });

  it('counts facets the same way when a query matches more than 10,000 datasets', async function () {
    this.timeout(60_000);
    const store = await openFile();
    const gt = samplePortal({ id: 'gt-segeplan', country: 'GT' });
    const quality = sampleQuality();
    const csv = { id: 'csv', format: { code: 'CSV', raw: 'csv' } };
    const pdf = { id: 'pdf', format: { code: 'PDF', raw: 'pdf' } };
    for (let batch = 0; batch < 11; batch++) {
      const target = batch % 2 === 0 ? portal : gt;
      const items = Array.from({ length: 1000 }, (_, k) => {
        const n = batch * 1000 + k;
        const dataset = sampleDataset({ portalId: target.id, sourceId: `d${n}`, distributions: n % 3 === 0 ? [csv, pdf] : [pdf] });
        return { dataset, quality, raw: null };
      });
      await store.datasets.upsertBatch(target, `run-${batch}`, items);
    }
    // 11,000 match the text; 6,000 of them are Ecuadorian; every third has a CSV.
    const all = await store.search.search({ q: 'matricula' });
    assert.equal(all.total, 11_000);
    assert.deepEqual(all.facets.country, [{ value: 'EC', count: 6000 }, { value: 'GT', count: 5000 }]);
    assert.deepEqual(all.facets.format, [{ value: 'PDF', count: 11_000 }, { value: 'CSV', count: 3667 }]);
    const ec = await store.search.search({ q: 'matricula', filters: { country: 'EC' } });
    assert.equal(ec.total, 6000);
    assert.deepEqual(ec.facets.country, [{ value: 'EC', count: 6000 }, { value: 'GT', count: 5000 }]);
    assert.deepEqual(ec.facets.portal, [{ value: 'ec-datosabiertos', count: 6000 }]);
    assert.deepEqual(ec.facets.format, [{ value: 'PDF', count: 6000 }, { value: 'CSV', count: 2000 }]);
  });

  it(':memory: creates no file', async () => {
    const store = openSqliteStore(':memory:');
    await store.init();
    await store.close();
    assert.equal(existsSync(':memory:'), false);
  });
});

describe('ftsMatchExpression', () => {
  it('quotes every word and prefix-matches the last, dropping FTS syntax', () => {
    assert.equal(ftsMatchExpression('educación "sup'), '"educación" "sup"*');
    assert.equal(ftsMatchExpression('NEAR(a -b) AND c*'), '"NEAR" "a" "b" "AND" "c"*');
  });

  it('gives nothing for text without words', () => {
    assert.equal(ftsMatchExpression(' "()* - '), undefined);
    assert.equal(ftsMatchExpression(undefined), undefined);
  });
});

/**
 * Harvesting processes that die or collide (issue 9, DESIGN.md invariants 1 and 2): kill -9 of a
 * `cosecha harvest` leaves a consistent store whose run the next start marks `interrupted`; two
 * processes started on one portal at once never harvest it side by side.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { startCkanServer, type CkanServer } from '../../src/demo/ckan-server.js';
import { openStore } from '../../src/container.js';
import { recoverRuns } from '../../src/harvest/recover.js';
import { ckanPackages } from '../support/ckan-packages.js';
import { hostname } from 'node:os';

describe('faults: harvesting processes', function () {
  this.timeout(90_000);
  let dir: string;
  let server: CkanServer;
  let storeUrl: string;

  /** `cosecha harvest --url` of the slow portal, into the test's store, as its own process. */
  function harvestProcess(): ChildProcess & { output: Promise<{ code: number | null; stdout: string }> } {
    const args = ['bin/cosecha.js', 'harvest', '--url', server.url, '--platform', 'ckan', '--id', 'ec-lento', '--country', 'ec', '--store', storeUrl];
    const child = spawn(process.execPath, args, { env: { ...process.env, COSECHA_LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const output = once(child, 'exit').then(([code]) => ({ code: code as number | null, stdout }));
    return Object.assign(child, { output });
  }

  /** Reads the store file directly, read-only, as another process would while the harvest runs. */
  const count = (sql: string): number => {
    let db: Database.Database | undefined;
    try {
      db = new Database(join(dir, 'h.db'), { readonly: true, fileMustExist: true });
      return db.prepare(sql).pluck().get() as number;
    } catch {
      return 0; // the file or its schema is not there yet
    } finally {
      db?.close();
    }
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cosecha-procesos-'));
    storeUrl = `sqlite:${join(dir, 'h.db')}`;
    // 200 datasets in pages of 100 (the --url default), each page answered after 400 ms.
    server = await startCkanServer({ packages: ckanPackages(200), maxRows: 20, faults: (r) => (r.action === 'package_search' ? 'delay:400' : undefined) });
  });
  afterEach(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('kill -9 mid-harvest leaves a consistent store; the next start marks the run interrupted and nothing is withdrawn', async () => {
    const child = harvestProcess();
    const deadline = Date.now() + 60_000;
    while (count("SELECT count(*) FROM datasets") < 40 && Date.now() < deadline) await sleep(50);
    child.kill('SIGKILL');
    await child.output;
    const db = new Database(join(dir, 'h.db'));
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    assert.equal(db.prepare("SELECT count(*) FROM runs WHERE status = 'running'").pluck().get(), 1, 'the killed run is left running');
    // Every dataset row has its documents and quality: batches are whole or absent.
    assert.equal(db.prepare('SELECT count(*) FROM datasets d LEFT JOIN dataset_documents r ON r.dataset_pk = d.pk WHERE r.dataset_pk IS NULL').pluck().get(), 0);
    const stored = db.prepare('SELECT count(*) FROM datasets').pluck().get() as number;
    assert.equal(stored % 20, 0, `whole pages only, got ${stored}`);
    db.close();

    const store = await openStore(storeUrl);
    try {
      assert.equal(await recoverRuns(store, hostname()), 1);
      const [run] = await store.runs.list({ portalId: 'ec-lento', limit: 1 });
      assert.deepEqual([run.status, run.error?.code], ['interrupted', 'process_died']);
      assert.equal(await store.datasets.count({ portalId: 'ec-lento', state: 'active' }), stored);
    } finally {
      await store.close();
    }
  });

  it('two processes started on one portal at once: one harvests, the other says the lease is held, and the runs never overlap', async () => {
    const [a, b] = [harvestProcess(), harvestProcess()];
    const results = await Promise.all([a.output, b.output]);
    const codes = results.map((r) => r.code).sort();
    assert.deepEqual(codes, [0, 1]);
    const refused = results.find((r) => r.code === 1)!;
    assert.match(refused.stdout, /ec-lento: not harvested: Portal ec-lento is already being harvested by/);
    const store = await openStore(storeUrl);
    try {
      const runs = await store.runs.list({ portalId: 'ec-lento' });
      assert.deepEqual(runs.map((r) => r.status), ['succeeded']);
      assert.equal(await store.datasets.count({ portalId: 'ec-lento' }), 200);
    } finally {
      await store.close();
    }
  });
});

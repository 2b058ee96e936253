import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startCkanServer } from '../../src/demo/ckan-server.js';
import { openStore } from '../../src/container.js';
import { recoverRuns } from '../../src/harvest/recover.js';
import { ckanPackages } from '../support/ckan-packages.js';

describe('a harvest process that is killed', () => {
  it('leaves its run running until the next start, which marks it interrupted', async function () {
    this.timeout(30_000);
    const server = await startCkanServer({ packages: ckanPackages(20), faults: (req) => (req.action === 'package_search' ? 'delay:5000' : undefined) });
    const dir = mkdtempSync(join(tmpdir(), 'cosecha-crash-'));
    const storeUrl = `sqlite:${join(dir, 'c.db')}`;
    const child = spawn(process.execPath, ['bin/cosecha.js', 'harvest', '--url', server.url, '--platform', 'ckan', '--id', 'ec-lento', '--store', storeUrl], {
      stdio: 'ignore',
      env: { ...process.env, COSECHA_LOG_LEVEL: 'silent' },
    });
    const store = await openStore(storeUrl);
    try {
      let running;
      for (let i = 0; i < 100 && !running; i++) {
        await sleep(100);
        running = (await store.runs.list({ portalId: 'ec-lento' }).catch(() => [])).find((r) => r.status === 'running');
      }
      assert.ok(running, 'the child started a run');
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      assert.equal((await store.runs.get(running.id))?.status, 'running', 'nothing ended it');

      assert.equal(await recoverRuns(store, hostname()), 1);
      const after = await store.runs.get(running.id);
      assert.equal(after?.status, 'interrupted');
      assert.equal(after?.error?.code, 'process_died');
    } finally {
      child.kill('SIGKILL');
      await store.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

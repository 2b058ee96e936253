/** `cosecha harvest --allow-mass-withdrawal`: an operator lets a held withdrawal through, once. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCkanServer, type CkanServer } from '../../src/demo/ckan-server.js';
import { ckanPackages } from '../support/ckan-packages.js';

function cosecha(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/cosecha.js', ...args], { env: { ...process.env, COSECHA_LOG_LEVEL: 'silent' }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('cosecha harvest --allow-mass-withdrawal', function () {
  this.timeout(90_000);
  const dir = mkdtempSync(join(tmpdir(), 'cosecha-withdrawal-'));
  const servers: CkanServer[] = [];
  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('a run that would withdraw half the portal says why it withdrew nothing; with the flag it withdraws them', async () => {
    const [whole, half] = await Promise.all([startCkanServer({ packages: ckanPackages(20) }), startCkanServer({ packages: ckanPackages(10) })]);
    servers.push(whole, half);
    const harvest = (url: string, ...more: string[]) =>
      cosecha(['harvest', '--url', url, '--platform', 'ckan', '--id', 'ec-prueba', '--country', 'ec', '--store', `sqlite:${join(dir, 'w.db')}`, '--full', ...more]);

    assert.match((await harvest(whole.url)).stdout, /full run succeeded: 20 seen, 20 new/);
    const held = await harvest(half.url);
    assert.equal(held.code, 0, held.stderr);
    assert.match(held.stdout, /0 withdrawn.*El listado no incluyó 10 de los 20 conjuntos activos.*--allow-mass-withdrawal/);
    const allowed = await harvest(half.url, '--allow-mass-withdrawal');
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.match(allowed.stdout, /full run succeeded: 10 seen, 0 new, 0 updated, 10 unchanged, 10 withdrawn/);
  });
});

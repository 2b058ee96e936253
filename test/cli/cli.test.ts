import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCkanServer, type CkanServer } from '../../src/demo/ckan-server.js';
import { ckanPackage, ckanPackages } from '../support/ckan-packages.js';
import { answer, startLinkServer } from '../links/link-server.js';

interface Result { code: number; stdout: string; stderr: string }

function cosecha(args: string[], env: Record<string, string> = {}): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/cosecha.js', ...args], { env: { ...process.env, COSECHA_LOG_LEVEL: 'silent', ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('cosecha command line', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'cosecha-cli-'));
  const store = `sqlite:${join(dir, 'cli.db')}`;
  let portal: CkanServer;
  before(async () => {
    portal = await startCkanServer({ packages: ckanPackages(8) });
  });
  after(async () => {
    await portal.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('harvest --url harvests any CKAN portal and prints one summary line; exit 0', async () => {
    const r = await cosecha(['harvest', '--url', portal.url, '--platform', 'ckan', '--id', 'ec-prueba', '--country', 'ec', '--store', store]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^ec-prueba: full run succeeded: 8 seen, 8 new/m);
  });

  it('harvest --url --platform auto says which platform it found and why, then harvests', async () => {
    const r = await cosecha(['harvest', '--url', portal.url, '--id', 'ec-detectado', '--country', 'ec', '--store', store]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^ec-detectado: detected platform ckan: status_show answered CKAN 2\.10\.4\.$/m);
    assert.match(r.stdout, /^ec-detectado: full run succeeded: 8 seen, 8 new/m);
  });

  it('search and report read what was harvested', async () => {
    const search = await cosecha(['search', 'educacion', '--store', store]);
    assert.equal(search.code, 0, search.stderr);
    assert.match(search.stdout, /resultados \/ results for "educacion"/);
    assert.match(search.stdout, /Educación básica por cantón/);
    const report = await cosecha(['report', 'ec-prueba', '--format', 'csv', '--store', store]);
    assert.equal(report.code, 0, report.stderr);
    assert.match(report.stdout, /^publisher_id,publisher,datasets/);
    const exported = await cosecha(['export', '--format', 'jsonl', '--portal', 'ec-prueba', '--store', store]);
    assert.equal(exported.stdout.trim().split('\n').length, 8);
  });

  it('rescore works from the stored records and names an unknown portal with exit 2', async () => {
    const r = await cosecha(['rescore', '--store', store]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^ec-prueba: rescored 8 datasets, 0 with changed metadata, 0 failed; mean score [\d.]+ → [\d.]+ of 500\.$/m);
    const unknown = await cosecha(['rescore', 'ec-nada', '--store', store]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Portal 'ec-nada'/);
  });

  it('harvest --links and links check a portal\'s links and print a summary; an unknown portal is exit 2', async () => {
    const files = await startLinkServer({ '/datos.csv': answer(200, { 'content-type': 'text/csv', 'content-length': 10 }) });
    const linked = await startCkanServer({ packages: [ckanPackage(1, { resources: [{ id: 'r', name: 'Datos', format: 'CSV', url: `${files.origin}/datos.csv` }] })] });
    try {
      const harvest = await cosecha(['harvest', '--url', linked.url, '--platform', 'ckan', '--id', 'ec-enlaces', '--country', 'ec', '--links', '--store', store]);
      assert.equal(harvest.code, 0, harvest.stderr);
      assert.match(harvest.stdout, /^ec-enlaces: 1 of 1 links checked now; 1 ok, 0 broken, 0 unknown, 0 refused, 0 not checked yet; 1 datasets scored again\.$/m);
      assert.equal(files.requests.length, 1);
      const r = await cosecha(['links', 'ec-enlaces', '--store', store]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^ec-enlaces: 0 of 1 links checked now; 1 ok, .* 1 datasets scored again\.$/m, 'nothing is due again at once');
      assert.equal(files.requests.length, 1);
      const unknown = await cosecha(['links', 'ec-nada', '--store', store]);
      assert.equal(unknown.code, 2);
    } finally {
      await Promise.all([files.close(), linked.close()]);
    }
  });

  it('an unreachable portal fails the run clearly: exit 1, no stack trace', async () => {
    const r = await cosecha(['harvest', '--url', 'http://127.0.0.1:9/', '--platform', 'ckan', '--id', 'ec-caido', '--store', store], { COSECHA_RETRIES: '0' });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /ec-caido: full run failed: .*could not be reached/);
    assert.doesNotMatch(r.stdout + r.stderr, /\n\s+at /);
  });

  it('a bad registry stops before any work with exit 2 and one sentence naming file, entry and field', async () => {
    const path = join(dir, 'bad.yaml');
    writeFileSync(path, 'portals:\n  - { id: ec-x, name: X, country: EC, level: national, platform: ckan, url: "no es url" }\n');
    const r = await cosecha(['harvest', '--all', '--portals', path, '--store', store]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim(), `cosecha: ${path}: portals[0] (ec-x): field 'url' is not an absolute http(s) URL.`);
  });

  it('bad usage exits 2: an unknown portal id, a bad option value, an unknown store scheme', async () => {
    const unknown = await cosecha(['harvest', 'xx-nada', '--store', store]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Portal 'xx-nada' is not in/);
    const limit = await cosecha(['search', 'agua', '--limit', 'mil', '--store', store]);
    assert.equal(limit.code, 2);
    assert.match(limit.stderr, /--limit must be a whole number/);
    const scheme = await cosecha(['search', 'agua', '--store', 'postgres://x']);
    assert.equal(scheme.code, 2);
    assert.match(scheme.stderr, /store URL 'postgres:\/\/x' is not supported/);
  });

});

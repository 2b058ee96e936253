import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Result { code: number | null; stdout: string; stderr: string }

/** Runs bin/cosecha.js; `until` ends it with SIGTERM once stdout matches (a server that started). */
async function cosecha(args: string[], env: Record<string, string> = {}, until?: RegExp): Promise<Result> {
  const child = spawn(process.execPath, ['bin/cosecha.js', ...args], { env: { ...process.env, COSECHA_LOG_LEVEL: 'silent', ...env } });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => {
    out.stdout += chunk;
    if (until?.test(out.stdout)) child.kill('SIGTERM');
  });
  child.stderr.on('data', (chunk: Buffer) => (out.stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
  const [code] = (await once(child, 'close')) as [number | null];
  clearTimeout(timer);
  return { code, ...out };
}

/** A port something already listens on, on 127.0.0.1. */
async function occupiedPort(): Promise<{ port: number; server: Server }> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { port: (server.address() as { port: number }).port, server };
}

describe('cosecha for an operator', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'cosecha-operator-'));
  const store = `sqlite:${join(dir, 'operator.db')}`;
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--version prints the version of package.json; --help lists every command', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const r = await cosecha(['--version']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), version);
    const help = await cosecha(['--help']);
    assert.equal(help.code, 0, help.stderr);
    for (const name of ['harvest', 'serve', 'report', 'export', 'search', 'demo', 'rescore', 'links']) assert.match(help.stdout, new RegExp(`^  ${name} `, 'm'));
    assert.doesNotMatch(help.stdout, /worker/);
  });

  it('demo on a busy port fails with one sentence and exit 2, and leaves no temporary folder', async () => {
    const { port, server } = await occupiedPort();
    const scratch = mkdtempSync(join(dir, 'tmp-'));
    try {
      const r = await cosecha(['demo', '--port', String(port)], { TMPDIR: scratch });
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr.trim(), `cosecha: El puerto ${port} de 127.0.0.1 ya está en uso / Port ${port} on 127.0.0.1 is already in use: stop what listens there or choose another with --port.`);
      assert.deepEqual(readdirSync(scratch).filter((f) => f.startsWith('cosecha-demo-')), [], 'the demo removed its temporary folder');
    } finally {
      server.close();
    }
  });

  it('serve on a busy port fails with one sentence naming it, exit 2', async () => {
    const { port, server } = await occupiedPort();
    try {
      const r = await cosecha(['serve', '--port', String(port), '--no-schedule', '--store', store]);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr.trim(), `cosecha: El puerto ${port} de 127.0.0.1 ya está en uso / Port ${port} on 127.0.0.1 is already in use: stop what listens there or choose another with --port.`);
    } finally {
      server.close();
    }
  });

  it('serve listens on 127.0.0.1 unless --host or COSECHA_HOST says otherwise, and prints that address', async () => {
    const served = /serves (http:\/\/\S+)/;
    const local = await cosecha(['serve', '--port', '0', '--no-schedule', '--store', store], {}, served);
    assert.match(local.stdout, /serves http:\/\/127\.0\.0\.1:\d+ /);
    const env = await cosecha(['serve', '--port', '0', '--no-schedule', '--store', store], { COSECHA_HOST: '0.0.0.0' }, served);
    assert.match(env.stdout, /serves http:\/\/0\.0\.0\.0:\d+ /);
    const flag = await cosecha(['serve', '--port', '0', '--host', '127.0.0.1', '--no-schedule', '--store', store], { COSECHA_HOST: '0.0.0.0' }, served);
    assert.match(flag.stdout, /serves http:\/\/127\.0\.0\.1:\d+ /, 'the flag wins over the environment');
  });

  it('a failed run is printed once: in its summary line, not again in the log', async () => {
    const r = await cosecha(['harvest', '--url', 'http://127.0.0.1:9/', '--platform', 'ckan', '--id', 'ec-caido', '--store', store], {
      COSECHA_LOG_LEVEL: 'warn',
      COSECHA_LOG_FORMAT: 'pretty',
      COSECHA_RETRIES: '0',
    });
    assert.equal(r.code, 1);
    assert.equal((r.stdout + r.stderr).match(/could not be reached/g)?.length, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^ec-caido: full run failed: .*could not be reached/m);
  });

  it('logs are JSON lines off a terminal, readable lines when asked, and a bad format is exit 2', async () => {
    const args = ['harvest', '--url', 'http://127.0.0.1:9/', '--platform', 'ckan', '--id', 'ec-caido', '--store', store];
    const env = { COSECHA_LOG_LEVEL: 'info', COSECHA_RETRIES: '0' };
    const json = await cosecha(args, env);
    const records = json.stderr.trim().split('\n').map((line) => JSON.parse(line) as { msg: string; portal?: string });
    assert.ok(records.some((r) => r.msg === 'Harvest started.' && r.portal === 'ec-caido'), json.stderr);
    const pretty = await cosecha(args, { ...env, COSECHA_LOG_FORMAT: 'pretty' });
    assert.match(pretty.stderr, /^\[\d\d:\d\d:\d\d\] INFO: Harvest started\. \{"portal":"ec-caido"/m);
    assert.doesNotMatch(pretty.stderr, /^\{/m);
    const bad = await cosecha(['search', 'agua', '--store', store], { COSECHA_LOG_FORMAT: 'xml' });
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr.trim(), "cosecha: COSECHA_LOG_FORMAT debe ser pretty o json / must be pretty or json, not 'xml'.");
  });
});

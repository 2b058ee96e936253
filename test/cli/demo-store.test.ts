import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/container.js';
import { clearDemoStore } from '../../src/demo/demo-store.js';
import { demoGuide, startDemo } from '../../src/cli/demo.js';
import { loadConfig } from '../../src/config.js';
import { samplePortal } from '../support/samples.js';

interface Result { code: number | null; stdout: string; stderr: string }

/** Runs bin/cosecha.js to its end. */
async function cosecha(args: string[]): Promise<Result> {
  const child = spawn(process.execPath, ['bin/cosecha.js', ...args], { env: { ...process.env, COSECHA_LOG_LEVEL: 'silent' } });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (out.stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (out.stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
  const [code] = (await once(child, 'close')) as [number | null];
  clearTimeout(timer);
  return { code, ...out };
}

async function storeWith(path: string, portalId: string): Promise<void> {
  const store = await openStore(`sqlite:${path}`);
  await store.portals.upsert(samplePortal({ id: portalId }));
  await store.close();
}

describe('the demo’s store', function () {
  this.timeout(90_000);
  const dir = mkdtempSync(join(tmpdir(), 'cosecha-demo-store-'));
  const base = loadConfig({ portalsPath: 'config/portals.yaml', env: {}, defaults: { logLevel: 'silent' } });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces an earlier demo’s store, and refuses a store with other portals or a file that is no store', async () => {
    const earlier = join(dir, 'earlier.db');
    await storeWith(earlier, 'demo-ec-nacional');
    clearDemoStore(earlier, ['demo-ec-nacional', 'demo-ec-cuenca']);
    assert.equal(existsSync(earlier), false);
    assert.equal(existsSync(`${earlier}-wal`), false);

    const mine = join(dir, 'mine.db');
    await storeWith(mine, 'ec-mi-portal');
    assert.throws(() => clearDemoStore(mine, ['demo-ec-nacional']), /mine\.db guarda otros portales \/ holds other portals \(ec-mi-portal\).*choose another file with --db/);
    assert.equal(existsSync(mine), true);

    const notes = join(dir, 'notes.db');
    writeFileSync(notes, 'not a database');
    assert.throws(() => clearDemoStore(notes, ['demo-ec-nacional']), /notes\.db no es una tienda de Cosecha \/ is not a Cosecha store/);
    assert.equal(existsSync(notes), true);
  });

  it('on a busy port the demo fails before it touches its store file', async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as { port: number }).port;
    const db = join(dir, 'busy.db');
    await storeWith(db, 'demo-ec-nacional');
    try {
      await assert.rejects(startDemo(base, { port, storePath: db, log: () => {} }), new RegExp(`El puerto ${port} de 127\\.0\\.0\\.1 ya está en uso`));
      assert.equal(existsSync(db), true, 'the earlier demo store is still there');
    } finally {
      server.close();
    }
  });

  it('keeps its store at the named path, says how the other commands read it, and starts afresh each time', async () => {
    const db = join(dir, 'demo.db');
    const runs = async (): Promise<{ lines: string[]; guide: string[] }> => {
      const lines: string[] = [];
      const demo = await startDemo(base, { port: 0, storePath: db, log: (line) => lines.push(line) });
      const guide = demoGuide(demo);
      await demo.stop();
      return { lines, guide };
    };
    const newOf = (lines: string[]) => /^demo-ec-nacional: full run succeeded: \d+ seen, (\d+) new, 0 updated, 0 unchanged/m.exec(lines.join('\n'))?.[1];

    const first = await runs();
    const url = /Cosecha demo: (http:\/\/127\.0\.0\.1:\d+)\//.exec(first.guide.join('\n'))?.[1];
    assert.ok(url, first.guide.join('\n'));
    for (const page of ['/', '/buscar?q=educacion', '/portales', '/comparar']) assert.ok(first.guide.some((l) => l.endsWith(`${url}${page}`)), page);
    assert.ok(first.guide.some((l) => l.startsWith(`Tienda / store: ${db} `)));
    assert.ok(first.guide.includes(`  cosecha search educacion --store sqlite:${db}`));
    assert.equal(existsSync(db), true, 'the store outlives the demo');

    const search = await cosecha(['search', 'educacion', '--store', `sqlite:${db}`]);
    assert.equal(search.code, 0, search.stderr);
    assert.match(search.stdout, /^[1-9]\d* resultados \/ results for "educacion"/);
    assert.match(search.stdout, /^- \[\d+(\.\d+)?\/500 · MQA \d+(\.\d+)?\/405 (Excelente|Buena|Suficiente|Insuficiente)\] /m, 'the MQA rating beside the MQA score, in words');

    // A second demo harvests into a clean store: every record is new again, none unchanged.
    const second = await runs();
    assert.ok(newOf(first.lines) && newOf(first.lines) === newOf(second.lines), second.lines.join('\n'));
  });
});

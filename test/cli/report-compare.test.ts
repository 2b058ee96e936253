import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/container.js';
import { buildPortalReport } from '../../reports/portal-report.js';
import { seedInto, NATIONAL } from '../reports/seed.js';

interface Result { code: number; stdout: string; stderr: string }

function cosecha(args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/cosecha.js', ...args], { env: { ...process.env, COSECHA_LOG_LEVEL: 'silent' }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('cosecha report --compare and --history', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'cosecha-report-'));
  const store = `sqlite:${join(dir, 'report.db')}`;
  after(() => rmSync(dir, { recursive: true, force: true }));
  const report = (...args: string[]) => cosecha(['report', ...args, '--store', store]);

  before(async () => {
    const s = await openStore(store);
    await seedInto(s);
    const createdAt = new Date().toISOString();
    await s.reports.save({ scope: { kind: 'portal', id: NATIONAL.id }, createdAt, report: await buildPortalReport(s, NATIONAL.id, new Date(createdAt)) });
    await s.close();
  });

  it('--compare --portal a --portal b prints one CSV row per portal; exit 0', async () => {
    const r = await report('--compare', '--portal', 'ec-datosabiertos', '--portal', 'ec-cuenca', '--format', 'csv');
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.match(lines[0], /^portal_id,portal,country,level,datasets,/);
    assert.deepEqual(lines.slice(1).map((l) => l.split(',').slice(0, 5).join(',')), ['ec-datosabiertos,Datos Abiertos Ecuador,EC,national,4', 'ec-cuenca,Datos Abiertos Cuenca,EC,municipal,2']);
  });

  it('--compare --country EC --level municipal prints the Markdown comparison of those portals alone; exit 0', async () => {
    const r = await report('--compare', '--country', 'EC', '--level', 'municipal', '--format', 'md');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^# Comparación de portales/);
    assert.match(r.stdout, /Datos Abiertos Cuenca \(ec-cuenca\) \| EC \| municipal/);
    assert.doesNotMatch(r.stdout, /ec-datosabiertos|gt-segeplan/);
  });

  it('an unknown portal exits 2 naming it', async () => {
    const r = await report('--compare', '--portal', 'ec-datosabiertos', '--portal', 'xx-nada');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Portal 'xx-nada' was not found/);
    assert.equal(r.stdout, '');
  });

  it('bad usage exits 2 with one sentence: a bad level, filters without --compare, names with a country, a portal id with --compare', async () => {
    for (const [args, message] of [
      [['--compare', '--level', 'galactic'], /--level.*galactic|galactic.*--level/],
      [['--portal', 'ec-cuenca'], /add --compare/],
      [['--compare', '--portal', 'ec-cuenca', '--country', 'EC'], /'country' cannot be combined with 'portal'/],
      [['ec-cuenca', '--compare'], /give no portal id/],
      [['--compare', '--country', 'Ecuador'], /two-letter country code/],
      [['--history', '--all'], /--history needs a portal id or --publisher/],
    ] as const) {
      const r = await report(...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message, args.join(' '));
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
  });

  it('--history prints the stored snapshots of a portal; the publisher card reads as one; exit 0', async () => {
    const h = await report('ec-datosabiertos', '--history', '--format', 'json');
    assert.equal(h.code, 0, h.stderr);
    const history = JSON.parse(h.stdout);
    assert.equal(history.kind, 'history');
    assert.equal(history.current.datasets, 4);
    const card = await report('--publisher', 'ec-datosabiertos/mineduc');
    assert.equal(card.code, 0, card.stderr);
    assert.match(card.stdout, /## Qué corregir primero \/ what to fix first/);
  });
});

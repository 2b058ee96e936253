import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemo, type Demo } from '../../src/cli/demo.js';
import { loadConfig } from '../../src/config.js';
import { loadSnapshots } from '../../src/demo/snapshot-portals.js';

describe('cosecha demo', function () {
  this.timeout(60_000);
  let demo: Demo;
  const lines: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'cosecha-demo-test-'));
  before(async () => {
    const store = `sqlite:${join(dir, 'demo.db')}`;
    const base = loadConfig({ portalsPath: 'config/portals.yaml', env: {}, defaults: { logLevel: 'silent' } });
    demo = await startDemo(base, { port: 0, store, log: (line) => lines.push(line) });
  });
  after(async () => {
    await demo?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = async (path: string): Promise<any> => (await fetch(demo.service.url + path)).json();

  it('harvests every bundled snapshot, whatever its platform, and checks its links', () => {
    const snapshots = loadSnapshots();
    assert.ok(snapshots.some((s) => s.portal.platform === 'datajson'), 'a data.json portal is bundled');
    assert.ok(snapshots.some((s) => s.portal.platform === 'html' && s.portal.level === 'municipal'), 'an HTML-only municipal portal is bundled');
    assert.deepEqual(demo.portalIds.sort(), snapshots.map((s) => s.portal.id).sort());
    for (const id of demo.portalIds) {
      assert.ok(lines.some((l) => l.startsWith(`${id}: full run succeeded`)), `${id} harvested: ${lines.join(' | ')}`);
      assert.match(lines.find((l) => l.startsWith(`${id}: `) && l.includes('links checked')) ?? '', /[1-9]\d* ok/);
    }
  });

  it('serves search with facets across the portals, and every portal report', async () => {
    const found = await get('/api/datasets?q=educacion');
    assert.ok(found.total > 0);
    assert.ok(found.facets.portal.length >= 2);
    const azuay = await get('/api/datasets?portal=demo-ec-azuay');
    assert.ok(azuay.total >= 20, 'the data.json portal is searchable');
    for (const id of demo.portalIds) assert.ok((await get(`/api/portals/${id}/report`)).summary.datasets > 0, id);
    // The national snapshot re-lists Cuenca records: the region counts them once.
    assert.ok((await get('/api/report')).relisted >= 2);
  });
});

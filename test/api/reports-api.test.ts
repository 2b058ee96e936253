import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { once } from 'node:events';
import { createApp } from '../../src/api/app.js';
import { buildPortalReport } from '../../reports/portal-report.js';
import { silentLogger } from '../../src/log.js';
import { seededStore, NOW, NATIONAL, MUNICIPAL } from '../reports/seed.js';
import type { Store } from '../../src/store/store.js';

describe('HTTP API: comparison, history and the publisher card', () => {
  let store: Store;
  let server: Server;
  let base: string;
  const get = async (path: string): Promise<{ status: number; body: any }> => {
    const res = await fetch(base + path);
    return { status: res.status, body: await res.json() };
  };

  before(async () => {
    store = await seededStore();
    for (const createdAt of ['2025-10-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z']) {
      await store.reports.save({ scope: { kind: 'portal', id: NATIONAL.id }, createdAt, report: await buildPortalReport(store, NATIONAL.id, new Date(createdAt)) });
    }
    server = createApp({ store, portals: [], log: silentLogger, version: 'test', now: () => NOW }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  after(async () => {
    server.close();
    await store.close();
  });

  it('/api/compare?portal=a&portal=b puts the named portals side by side with their levels', async () => {
    const { status, body } = await get(`/api/compare?portal=${NATIONAL.id}&portal=${MUNICIPAL.id}`);
    assert.equal(status, 200);
    assert.equal(body.kind, 'comparison');
    assert.deepEqual(body.portals.map((p: any) => [p.portal.id, p.portal.level, p.summary.datasets]), [[NATIONAL.id, 'national', 4], [MUNICIPAL.id, 'municipal', 2]]);
    assert.equal(body.portals[0].summary.links.access.broken, 1);
  });

  it('/api/compare?country=ec&level=municipal selects by country and level', async () => {
    const { status, body } = await get('/api/compare?country=ec&level=municipal');
    assert.equal(status, 200);
    assert.deepEqual(body.portals.map((p: any) => p.portal.id), [MUNICIPAL.id]);
  });

  it('bad comparison parameters get 400 naming the parameter', async () => {
    const many = Array.from({ length: 51 }, (_, i) => `portal=p${i}`).join('&');
    for (const [path, name] of [
      ['/api/compare?level=galactic', 'level'],
      ['/api/compare?country=Ecuador', 'country'],
      ['/api/compare?country=EC&country=GT', 'country'],
      [`/api/compare?portal=${NATIONAL.id}&country=EC`, 'country'],
      [`/api/compare?${many}`, 'portal'],
    ]) {
      const { status, body } = await get(path);
      assert.equal(status, 400, path);
      assert.match(body.error.message, new RegExp(`'${name}'`), path);
    }
  });

  it('an unknown portal in a comparison is 404 naming it', async () => {
    const { status, body } = await get(`/api/compare?portal=${NATIONAL.id}&portal=xx-nada`);
    assert.equal(status, 404);
    assert.equal(body.error.code, 'not_found');
    assert.match(body.error.message, /'xx-nada'/);
  });

  it('/api/portals/:id/history gives the snapshots and the trend; an unknown portal is 404', async () => {
    const { status, body } = await get(`/api/portals/${NATIONAL.id}/history`);
    assert.equal(status, 200);
    assert.deepEqual(body.points.map((p: any) => p.date), ['2025-10-01', '2026-02-01']);
    assert.equal(body.trend.months3.then.date, '2025-10-01');
    assert.equal(body.trend.months12, undefined);
    assert.equal((await get('/api/portals/xx-nada/history')).status, 404);
  });

  it('/api/publishers/:id/history reads the publisher id as the report does; an unknown one is 404', async () => {
    const { status, body } = await get(`/api/publishers/${encodeURIComponent('ec-datosabiertos/mineduc')}/history`);
    assert.equal(status, 200);
    assert.equal(body.name, 'Ministerio de Educación');
    assert.deepEqual(body.points.map((p: any) => p.datasets), [3, 3]);
    assert.equal((await get(`/api/publishers/${encodeURIComponent('ec-datosabiertos/nadie')}/history`)).status, 404);
  });

  it('the publisher report carries the grouped fixes, most points to gain first', async () => {
    const { status, body } = await get(`/api/publishers/${encodeURIComponent('ec-datosabiertos/mineduc')}/report`);
    assert.equal(status, 200);
    const licence = body.fixes.find((f: any) => f.code === 'license_missing');
    assert.equal(licence.datasets, 2);
    assert.equal(licence.pointsEach, 35); // R1 + R2 + Q4: one fix
    const totals = body.fixes.map((f: any) => f.totalGain);
    assert.deepEqual(totals, [...totals].sort((a: number, b: number) => b - a));
  });
});

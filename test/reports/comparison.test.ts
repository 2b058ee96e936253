import assert from 'node:assert/strict';
import { buildComparison } from '../../reports/comparison-report.js';
import { buildPortalReport } from '../../reports/portal-report.js';
import { renderReport } from '../../reports/render.js';
import { BadRequestError, NotFoundError } from '../../src/errors.js';
import { seededStore, NOW, NATIONAL, MUNICIPAL, GUATEMALA } from './seed.js';
import type { Store } from '../../src/store/store.js';

describe('portal comparison', () => {
  let store: Store;
  before(async () => {
    store = await seededStore();
  });
  after(() => store.close());

  it('puts a national and a municipal portal side by side, in the order named, with country and level', async () => {
    const c = await buildComparison(store, { portals: [MUNICIPAL.id, NATIONAL.id] }, NOW);
    assert.equal(c.kind, 'comparison');
    assert.deepEqual(c.portals.map((p) => [p.portal.id, p.portal.country, p.portal.level, p.summary.datasets]), [
      ['ec-cuenca', 'EC', 'municipal', 2],
      ['ec-datosabiertos', 'EC', 'national', 4],
    ]);
    const [cuenca, national] = c.portals;
    assert.deepEqual(national.summary, (await buildPortalReport(store, NATIONAL.id, NOW)).summary);
    assert.ok(national.summary.score.mean > cuenca.summary.score.mean);
    assert.equal(national.summary.links.access.broken, 1);
    assert.equal(cuenca.summary.links.access.not_checked, 1);
    assert.equal(cuenca.summary.indicators.R1?.passRate, 0);
    assert.equal(national.summary.indicators.R1?.passRate, 0.5);
  });

  it('country and level select the portals: EC municipal is Cuenca alone', async () => {
    const c = await buildComparison(store, { country: 'ec', level: 'municipal' }, NOW);
    assert.deepEqual(c.filter, { country: 'EC', level: 'municipal' });
    assert.deepEqual(c.portals.map((p) => p.portal.id), [MUNICIPAL.id]);
  });

  it('without names, national portals come before municipal ones, best mean score first within a level', async () => {
    const ec = await buildComparison(store, { country: 'EC' }, NOW);
    assert.deepEqual(ec.portals.map((p) => p.portal.id), [NATIONAL.id, MUNICIPAL.id]);
    const all = await buildComparison(store, {}, NOW);
    assert.deepEqual(all.portals.map((p) => p.portal.id), [GUATEMALA.id, NATIONAL.id, MUNICIPAL.id]);
    assert.deepEqual((await buildComparison(store, { level: 'subnational' }, NOW)).portals, []);
  });

  it('unknown portal ids are a NotFoundError naming every one of them', async () => {
    await assert.rejects(buildComparison(store, { portals: [NATIONAL.id, 'xx-nada', 'xx-otro'] }, NOW), (e: unknown) => {
      assert.ok(e instanceof NotFoundError);
      assert.match(e.message, /'xx-nada', 'xx-otro'/);
      return true;
    });
    await assert.rejects(buildComparison(store, { portals: ['xx-nada'] }, NOW), /Portal 'xx-nada' was not found/);
  });

  it('names and a country filter together, or a malformed country, are bad requests naming the parameter', async () => {
    await assert.rejects(buildComparison(store, { portals: [NATIONAL.id], country: 'EC' }, NOW), (e: unknown) => e instanceof BadRequestError && /'country'/.test(e.message));
    await assert.rejects(buildComparison(store, { portals: [NATIONAL.id], level: 'municipal' }, NOW), (e: unknown) => e instanceof BadRequestError && /'level'/.test(e.message));
    await assert.rejects(buildComparison(store, { country: 'Ecuador' }, NOW), (e: unknown) => e instanceof BadRequestError && /'country'.*'Ecuador'/.test(e.message));
  });

  it('a portal named twice is compared once', async () => {
    const c = await buildComparison(store, { portals: [NATIONAL.id, NATIONAL.id] }, NOW);
    assert.equal(c.portals.length, 1);
  });

  it('renders as CSV (one row per portal, every figure) and Markdown (levels in Spanish)', async () => {
    const c = await buildComparison(store, { portals: [NATIONAL.id, MUNICIPAL.id] }, NOW);
    const [header, ...rows] = renderReport(c, 'csv').trim().split('\n');
    const cols = header.split(',');
    for (const col of ['level', 'mean_score_500', 'median_mqa_405', 'dim_findability', 'freshness_stale', 'meta_ok_share', 'access_broken', 'download_not_checked', 'pass_R1']) assert.ok(cols.includes(col), col);
    assert.equal(rows.length, 2);
    const cuenca = Object.fromEntries(rows[1].split(',').map((v, i) => [cols[i], v]));
    assert.equal(cuenca.level, 'municipal');
    assert.equal(cuenca.access_no_url, '1');
    assert.equal(cuenca.pass_R1, '0');
    const md = renderReport(c, 'md');
    assert.match(md, /^# Comparación de portales/);
    assert.match(md, /\| Datos Abiertos Ecuador \(ec-datosabiertos\) \| EC \| nacional \| 4 \|/);
    assert.match(md, /\| Datos Abiertos Cuenca \(ec-cuenca\) \| EC \| municipal \| 2 \|/);
    assert.deepEqual(JSON.parse(renderReport(c, 'json')), JSON.parse(JSON.stringify(c)));
  });

  it('with `latest`, a portal with a stored report is compared by it, one without by a scan of its datasets', async () => {
    const report = await buildPortalReport(store, NATIONAL.id, NOW);
    const stored = { ...report, summary: { ...report.summary, datasets: 99 } };
    await store.reports.save({ scope: { kind: 'portal', id: NATIONAL.id }, createdAt: NOW.toISOString(), report: stored });
    const latest = await buildComparison(store, { portals: [NATIONAL.id, MUNICIPAL.id] }, NOW, { latest: true });
    assert.deepEqual(latest.portals.map((p) => p.summary.datasets), [99, 2]);
    const measured = await buildComparison(store, { portals: [NATIONAL.id] }, NOW);
    assert.equal(measured.portals[0].summary.datasets, 4, 'by default every portal is measured now');
  });
});

import assert from 'node:assert/strict';
import { buildHistory, monthsBefore } from '../../reports/history.js';
import { buildPortalReport } from '../../reports/portal-report.js';
import { renderReport } from '../../reports/render.js';
import { openStore } from '../../src/container.js';
import { NotFoundError } from '../../src/errors.js';
import { NOW, NATIONAL, SEED, addDatasets } from './seed.js';
import type { Store } from '../../src/store/store.js';

const scope = { kind: 'portal', id: NATIONAL.id } as const;

/** Stores the portal report as a run at `iso` would. */
async function snapshot(store: Store, iso: string, runId: string): Promise<void> {
  const report = await buildPortalReport(store, NATIONAL.id, new Date(iso));
  await store.reports.save({ scope, runId, createdAt: iso, report });
}

/**
 * ec-datosabiertos grows by one dataset per run: 1 on 2025-01-10, 2 on 2025-11-01, 3 on 2025-12-20,
 * 4 on 2026-02-14 (two runs that day), and a snapshot dated after NOW (2026-02-15).
 */
async function grownStore(): Promise<Store> {
  const store = await openStore('sqlite::memory:');
  const [a, b, c, d] = SEED[NATIONAL.id];
  await addDatasets(store, NATIONAL, [a]);
  await snapshot(store, '2025-01-10T06:00:00.000Z', 'run-1');
  await addDatasets(store, NATIONAL, [b]);
  await snapshot(store, '2025-11-01T06:00:00.000Z', 'run-2');
  await addDatasets(store, NATIONAL, [c]);
  await snapshot(store, '2025-12-20T06:00:00.000Z', 'run-3');
  await addDatasets(store, NATIONAL, [d]);
  await snapshot(store, '2026-02-14T08:00:00.000Z', 'run-4');
  await snapshot(store, '2026-02-14T20:00:00.000Z', 'run-5');
  await store.reports.save({ scope, runId: 'run-futuro', createdAt: '2026-03-01T00:00:00.000Z', report: { summary: { datasets: 99, score: { mean: 1, mqaMean: 1 }, ratings: { excellent: 0, good: 0, sufficient: 0, bad: 99 } } } });
  return store;
}

describe('report history', () => {
  let store: Store;
  before(async () => {
    store = await grownStore();
  });
  after(() => store.close());

  it('lists the stored snapshots oldest first, one per day (its last), none after now', async () => {
    const h = await buildHistory(store, scope, NOW);
    assert.equal(h.source, 'snapshots');
    assert.equal(h.name, NATIONAL.name);
    assert.deepEqual(h.points.map((p) => [p.date, p.runId, p.datasets]), [
      ['2025-01-10', 'run-1', 1],
      ['2025-11-01', 'run-2', 2],
      ['2025-12-20', 'run-3', 3],
      ['2026-02-14', 'run-5', 4],
    ]);
    assert.equal(h.current?.runId, 'run-5');
  });

  it('compares now with the latest snapshot at or before 3 and 12 months ago, figure by figure', async () => {
    const h = await buildHistory(store, scope, NOW);
    const [first, second, , last] = h.points;
    assert.equal(h.trend.months3?.reference, '2025-11-15T00:00:00.000Z');
    assert.equal(h.trend.months3?.then.runId, 'run-2');
    assert.equal(h.trend.months12?.reference, '2025-02-15T00:00:00.000Z');
    assert.equal(h.trend.months12?.then.runId, 'run-1');
    const r2 = (x: number) => Math.round(x * 100) / 100;
    assert.deepEqual(h.trend.months3?.change, {
      datasets: 2,
      meanScore: r2(last.meanScore - second.meanScore),
      meanMqa: r2(last.meanMqa - second.meanMqa),
      ratings: { excellent: last.ratings.excellent - second.ratings.excellent, good: last.ratings.good - second.ratings.good, sufficient: 0, bad: 0 },
    });
    assert.equal(h.trend.months12?.change.datasets, 3);
    assert.equal(h.trend.months12?.change.meanScore, r2(last.meanScore - first.meanScore));
    assert.notEqual(h.trend.months12?.change.meanScore, 0);
  });

  it('a snapshot exactly at the reference time is the baseline', async () => {
    const h = await buildHistory(store, scope, new Date('2026-03-20T06:00:00.000Z'));
    assert.equal(h.trend.months3?.reference, '2025-12-20T06:00:00.000Z');
    assert.equal(h.trend.months3?.then.runId, 'run-3');
    assert.equal(h.current?.runId, 'run-futuro');
  });

  it('the trend is absent when no snapshot is that old', async () => {
    const h = await buildHistory(store, scope, new Date('2025-06-01T00:00:00.000Z'));
    assert.equal(h.current?.runId, 'run-1');
    assert.ok(h.trend.months3, 'run-1 is more than 3 months before');
    assert.equal(h.trend.months12, undefined);
    const early = await buildHistory(store, scope, new Date('2025-03-01T00:00:00.000Z'));
    assert.deepEqual(early.trend, {});
    assert.match(renderReport(early, 'md'), /No hay informe de hace 3 meses/);
    const none = await buildHistory(store, scope, new Date('2024-01-01T00:00:00.000Z'));
    assert.equal(none.current, undefined);
    assert.deepEqual(none.points, []);
  });

  it('a publisher without snapshots of its own is read from its line in the portal snapshots', async () => {
    const mineduc = await buildHistory(store, { kind: 'publisher', id: 'ec-datosabiertos/mineduc' }, NOW);
    assert.equal(mineduc.source, 'portal_snapshots');
    assert.equal(mineduc.name, 'Ministerio de Educación');
    assert.deepEqual(mineduc.points.map((p) => p.datasets), [1, 2, 3, 3]);
    assert.equal(mineduc.trend.months3?.change.datasets, 1);
    const inec = await buildHistory(store, { kind: 'publisher', id: 'ec-datosabiertos/inec' }, NOW);
    assert.deepEqual(inec.points.map((p) => p.date), ['2026-02-14']);
    assert.deepEqual(inec.trend, {});
  });

  it('a publisher’s own snapshots come first when there are any', async () => {
    const own = await openStore('sqlite::memory:');
    await addDatasets(own, NATIONAL, SEED[NATIONAL.id]);
    const id = 'ec-datosabiertos/inec';
    await own.reports.save({ scope: { kind: 'publisher', id }, createdAt: '2025-01-01T00:00:00.000Z', report: { name: 'INEC', summary: { datasets: 7, score: { mean: 300, mqaMean: 250 }, ratings: { excellent: 0, good: 7, sufficient: 0, bad: 0 } } } });
    const h = await buildHistory(own, { kind: 'publisher', id }, NOW);
    await own.close();
    assert.equal(h.source, 'snapshots');
    assert.equal(h.name, 'INEC');
    assert.equal(h.trend.months12?.then.datasets, 7);
  });

  it('unknown portals and publishers are NotFoundErrors; a snapshot of another shape is skipped', async () => {
    await assert.rejects(buildHistory(store, { kind: 'portal', id: 'xx-nada' }, NOW), NotFoundError);
    await assert.rejects(buildHistory(store, { kind: 'publisher', id: 'ec-datosabiertos/nadie' }, NOW), /Publisher 'ec-datosabiertos\/nadie' was not found/);
    await assert.rejects(buildHistory(store, { kind: 'publisher', id: 'ec-datosabiertos' }, NOW), NotFoundError);
    await store.reports.save({ scope, createdAt: '2026-02-15T00:00:00.000Z', report: { resumen: 'otra forma' } });
    const h = await buildHistory(store, scope, NOW);
    assert.equal(h.current?.runId, 'run-5');
  });

  it('months are calendar months; a day the month lacks becomes its last day', () => {
    assert.equal(monthsBefore(new Date('2026-05-31T12:00:00Z'), 3).toISOString(), '2026-02-28T12:00:00.000Z');
    assert.equal(monthsBefore(new Date('2024-05-31T00:00:00Z'), 3).toISOString(), '2024-02-29T00:00:00.000Z');
    assert.equal(monthsBefore(new Date('2026-02-15T00:00:00Z'), 12).toISOString(), '2025-02-15T00:00:00.000Z');
  });

  it('renders the series as CSV and the trend first in Markdown', async () => {
    const h = await buildHistory(store, scope, NOW);
    const csv = renderReport(h, 'csv').trim().split('\n');
    assert.equal(csv[0], 'date,stored_at,run_id,datasets,mean_score_500,mean_mqa_405,excellent,good,sufficient,bad');
    assert.equal(csv.length, 5);
    assert.match(csv[4], /^2026-02-14,2026-02-14T20:00:00.000Z,run-5,4,/);
    const md = renderReport(h, 'md');
    assert.ok(md.indexOf('## Ahora y antes') < md.indexOf('## Serie'));
    assert.match(md, /\| hace 3 meses \/ 3 months ago \| 2025-11-01 \| 2 \|/);
    assert.match(md, /\| \*\*cambio en 12 meses \/ change\*\* \| {2}\| \+3 \|/);
  });
});

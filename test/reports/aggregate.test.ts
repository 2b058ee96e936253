import assert from 'node:assert/strict';
import { Aggregator } from '../../reports/aggregate.js';
import { score } from '../../src/quality/score.js';
import { sampleDataset } from '../support/samples.js';
import type { StoredDataset } from '../../src/store/store.js';
import type { Dataset } from '../../src/dcat/types.js';

const now = new Date('2026-11-23T00:00:00Z');

function stored(dataset: Dataset): StoredDataset {
  return { dataset, quality: score(dataset, new Map(), now), state: 'active', firstSeen: '', lastSeen: '', lastSeenRunId: 'r' };
}

describe('report aggregation', () => {
  const items = [
    stored(sampleDataset({ sourceId: 'a' })),
    stored(sampleDataset({ sourceId: 'b', license: undefined, distributions: [] })),
    stored(sampleDataset({ sourceId: 'c', license: undefined, keywords: [] })),
  ];
  const agg = new Aggregator();
  items.forEach((i) => agg.add(i));
  const result = agg.result();
  const totals = items.map((i) => i.quality.total);

  it('mean and median come from the datasets’ own scores', () => {
    assert.equal(result.datasets, 3);
    assert.equal(result.score.mean, Math.round((totals.reduce((a, b) => a + b, 0) / 3) * 100) / 100);
    assert.equal(result.score.median, [...totals].sort((a, b) => a - b)[1]);
  });

  it('ratings and freshness statuses are counted once per dataset', () => {
    assert.equal(Object.values(result.ratings).reduce((a, b) => a + b, 0), 3);
    assert.equal(Object.values(result.freshness).reduce((a, b) => a + b, 0), 3);
  });

  it('the missing licence is listed for the two datasets without one, with the mean points its fix gains', () => {
    const r1 = result.missing.find((m) => m.indicator === 'R1');
    assert.deepEqual(r1, { indicator: 'R1', code: 'license_missing', datasets: 2, points: 35 }, 'R1 20 + R2 10 + Q4 5');
    assert.equal(result.indicators.R1?.passRate, Math.round((1 / 3) * 1000) / 1000);
  });

  it('the worst datasets come lowest score first', () => {
    const scores = result.worst.map((w) => w.score);
    assert.deepEqual(scores, [...totals].sort((a, b) => a - b));
    assert.equal(result.worst[0].id, 'ec-datosabiertos:b');
  });
});

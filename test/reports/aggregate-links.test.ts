import assert from 'node:assert/strict';
import { Aggregator, linkStateOf, type LinkState } from '../../reports/aggregate.js';
import { INDICATORS } from '../../src/quality/indicators.js';
import { SEED, NATIONAL, MUNICIPAL } from './seed.js';
import type { StoredDataset } from '../../src/store/store.js';
import type { DatasetWrite } from '../../src/store/store.js';

function aggregate(items: DatasetWrite[]): Aggregator {
  const agg = new Aggregator();
  for (const { dataset, quality } of items) {
    const stored: StoredDataset = { dataset, quality, state: 'active', firstSeen: '', lastSeen: '', lastSeenRunId: 'r' };
    agg.add(stored);
  }
  return agg;
}

describe('report aggregation: links, completeness and lost points', () => {
  it('counts datasets by the state of their access (A1) and download (A3) link', () => {
    const { links } = aggregate(SEED[NATIONAL.id]).result();
    assert.deepEqual(links.access, { ok: 2, broken: 1, unknown: 0, not_checked: 0, refused: 1, no_url: 0 });
    assert.deepEqual(links.download, { ok: 1, broken: 1, unknown: 1, not_checked: 1, refused: 0, no_url: 0 });
  });

  it('a dataset without distributions has no URL to check; unchecked links are "not checked", not broken', () => {
    const { links } = aggregate(SEED[MUNICIPAL.id]).result();
    assert.deepEqual(links.access, { ok: 0, broken: 0, unknown: 0, not_checked: 1, refused: 0, no_url: 1 });
    assert.deepEqual(links.download, { ok: 0, broken: 0, unknown: 0, not_checked: 1, refused: 0, no_url: 1 });
  });

  it('every code A1 and A3 can return is read as its own link state', () => {
    const expected: Record<string, LinkState> = {
      access_url_reachable: 'ok', download_url_reachable: 'ok', link_broken: 'broken', link_unknown: 'unknown',
      link_not_checked: 'not_checked', link_refused: 'refused', access_url_missing: 'no_url', no_download_url_to_check: 'no_url',
    };
    const codes = new Set(INDICATORS.filter((i) => i.id === 'A1' || i.id === 'A3').flatMap((i) => [...i.pass, ...i.fail]));
    assert.deepEqual([...codes].sort(), Object.keys(expected).sort(), 'a new A1/A3 code needs a link state');
    // Points contrary to the code: the state must come from the code, not from the points.
    for (const code of codes) assert.equal(linkStateOf({ code, points: expected[code] === 'ok' ? 0 : 50, max: 50 }), expected[code], code);
    assert.equal(linkStateOf({ code: 'un_codigo_nuevo', points: 50, max: 50 }), 'ok');
    assert.equal(linkStateOf({ code: 'un_codigo_nuevo', points: 0, max: 50 }), 'unknown');
  });

  it('completeness means cover the score and the mandatory, recommended and optional shares', () => {
    const items = SEED[NATIONAL.id];
    const mean = (pick: (i: DatasetWrite) => number) => Math.round((items.reduce((s, i) => s + pick(i), 0) / items.length) * 1000) / 1000;
    const { completeness } = aggregate(items).result();
    assert.deepEqual(completeness, {
      mean: mean((i) => i.quality.completeness.score),
      mandatory: mean((i) => i.quality.completeness.mandatory),
      recommended: mean((i) => i.quality.completeness.recommended),
      optional: mean((i) => i.quality.completeness.optional),
      metaOkShare: mean((i) => (i.quality.completeness.metaOk ? 1 : 0)),
    });
    assert.notEqual(completeness.recommended, completeness.optional);
  });

  it('lost points are grouped by fix with the points each and in total, most to gain first', () => {
    const lost = aggregate(SEED[NATIONAL.id]).lostPoints();
    // A missing licence is one fix: R1 20 + R2 10 + Q4 5.
    assert.deepEqual(lost.find((l) => l.indicator === 'R1'), { indicator: 'R1', code: 'license_missing', also: ['R2', 'Q4'], datasets: 2, pointsEach: 35, totalGain: 70 });
    assert.equal(lost.find((l) => l.indicator === 'R2'), undefined);
    assert.deepEqual(lost.filter((l) => l.indicator === 'A1').map((l) => l.code).sort(), ['link_broken', 'link_refused']);
    const totals = lost.map((l) => l.totalGain);
    assert.deepEqual(totals, [...totals].sort((a, b) => b - a));
    const lostByDataset = SEED[NATIONAL.id].reduce((s, i) => s + (500 - i.quality.total), 0);
    assert.ok(Math.abs(lost.reduce((s, l) => s + l.totalGain, 0) - lostByDataset) < 0.05, 'every lost point is in one group');
  });
});

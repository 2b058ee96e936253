import assert from 'node:assert/strict';
import { fixesOf } from '../../src/quality/fixes.js';
import type { IndicatorId, IndicatorResult } from '../../src/quality/types.js';

const lost = (id: IndicatorId, code: string, max: number, points = 0): IndicatorResult => ({ id, dimension: 'reusability', points, max, code });
const groups = (results: IndicatorResult[]) => fixesOf(results).map((f) => [f.root.id, f.results.map((r) => r.id), f.gain]);

describe('fixes: lost points one fix recovers together', () => {
  it('a missing licence is one fix for R1, R2 and Q4', () => {
    const results = [lost('R1', 'license_missing', 20), lost('R2', 'license_not_recognized', 10), lost('Q4', 'license_openness_unknown', 5)];
    assert.deepEqual(groups(results), [['R1', ['R1', 'R2', 'Q4'], 35]]);
  });

  it('an unrecognised licence is not a missing one: R2 and Q4 stay their own fixes', () => {
    const results = [lost('R2', 'license_not_recognized', 10), lost('Q4', 'license_openness_unknown', 5)];
    assert.deepEqual(groups(results), [['R2', ['R2'], 10], ['Q4', ['Q4'], 5]]);
  });

  it('a missing format carries I3, I4 and I5; a missing frequency carries the unknown freshness, partial points included', () => {
    const results = [
      lost('I1', 'format_missing', 20), lost('I3', 'format_not_in_vocabulary', 10), lost('I4', 'format_openness_unknown', 20),
      lost('I5', 'format_machine_readability_unknown', 20), lost('T1', 'frequency_missing', 10), lost('T2', 'freshness_unknown', 40, 12.5),
    ];
    assert.deepEqual(groups(results), [['I1', ['I1', 'I3', 'I4', 'I5'], 70], ['T1', ['T1', 'T2'], 37.5]]);
  });

  it('a late dataset is its own fix, even when the frequency is unrecognised; full points are no fix at all', () => {
    const results = [lost('T1', 'frequency_unknown', 10), lost('T2', 'freshness_late', 40, 30), { ...lost('F1', 'keywords_present', 30), points: 30 }];
    assert.deepEqual(groups(results), [['T1', ['T1'], 10], ['T2', ['T2'], 10]]);
  });
});

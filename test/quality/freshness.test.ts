import assert from 'node:assert/strict';
import type { Dataset } from '../../src/dcat/types.js';
import type { LinkChecks } from '../../src/links/types.js';
import { ageScore, freshness, parseDateHeader, periodicScore } from '../../src/quality/freshness.js';
import { score } from '../../src/quality/score.js';
import { NO_LINKS, NOW, checks, daysAgo, fullDataset, fullDistribution } from './build.js';

const FILE = 'https://datos.gob.ec/files/a.csv';

/** A dataset with frequency `code`, declared modified `days` ago (or none), one CSV distribution. */
function record(code: string | undefined, days?: number, extra: Partial<Dataset> = {}): Dataset {
  return fullDataset({
    accrualPeriodicity: code === undefined ? undefined : { code },
    modified: days === undefined ? undefined : { value: daysAgo(days) },
    distributions: [fullDistribution({ modified: undefined, downloadURL: FILE })],
    ...extra,
  });
}

function t2t3(d: Dataset, links: LinkChecks = NO_LINKS): [number, number] {
  const r = score(d, links, NOW).indicators;
  return [r.find((x) => x.id === 'T2')?.points ?? NaN, r.find((x) => x.id === 'T3')?.points ?? NaN];
}

describe('freshness: periodic promises', () => {
  it('when exactly 1.2 × I + 1 days have passed, the dataset is up to date (monthly: 37 days)', () => {
    const f = freshness(record('MONTHLY', 37), NO_LINKS, NOW);
    assert.equal(f.score, 1);
    assert.equal(f.status, 'up_to_date');
    assert.equal(f.lagDays, 37);
  });

  it('one day past the allowance, the score is 1 − (periodsBehind / P)²', () => {
    // Monthly, lag 38: periodsBehind = (38 − 30) / 30 = 0.2667, P = 2 → 1 − 0.1333² = 0.98222…
    const f = freshness(record('MONTHLY', 38), NO_LINKS, NOW);
    assert.equal(f.score, 1 - ((38 - 30) / 30 / 2) ** 2);
    assert.equal(f.status, 'late');
    assert.deepEqual(t2t3(record('MONTHLY', 38)), [39.29, 10]); // 40 × 0.98222 = 39.2889 → 39.29
  });

  it('daily: allowed 2.2 days; at 3 days periodsBehind = 2, P = 7 → 45/49', () => {
    assert.equal(freshness(record('DAILY', 2.2), NO_LINKS, NOW).score, 1);
    assert.equal(freshness(record('DAILY', 3), NO_LINKS, NOW).score, 45 / 49);
  });

  it('weekly and biweekly use P = 4; bimonthly to semi-annual P = 2; annual and longer P = 0.5', () => {
    assert.equal(periodicScore(21, 7, 4), 1 - (2 / 4) ** 2);
    assert.equal(freshness(record('BIWEEKLY', 42), NO_LINKS, NOW).score, 1 - (2 / 4) ** 2);
    assert.equal(freshness(record('QUARTERLY', 182), NO_LINKS, NOW).score, 1 - (1 / 2) ** 2);
    assert.equal(freshness(record('ANNUAL_2', 366), NO_LINKS, NOW).score, 1 - (1 / 2) ** 2);
    // Annual, lag 440 > 439: periodsBehind = 75/365, P = 0.5 → 1 − (0.41096)² = 0.83111
    assert.equal(freshness(record('ANNUAL', 439), NO_LINKS, NOW).score, 1);
    assert.equal(freshness(record('ANNUAL', 440), NO_LINKS, NOW).score, 1 - (75 / 365 / 0.5) ** 2);
    assert.equal(freshness(record('TRIENNIAL', 1095 * 1.2 + 1), NO_LINKS, NOW).score, 1);
  });

  it('an annual dataset far past its promise is stale, and after two years its age fades', () => {
    // Lag 800: periodsBehind = 435/365 = 1.19 > P = 0.5 → 0. Age = 1 − (800/1095)² = 0.46624 → T3 4.66.
    const f = freshness(record('ANNUAL', 800), NO_LINKS, NOW);
    assert.equal(f.score, 0);
    assert.equal(f.status, 'stale');
    assert.equal(f.age, 1 - (800 / 1095) ** 2);
    assert.deepEqual(t2t3(record('ANNUAL', 800)), [0, 4.66]);
  });

  it('a periodic dataset without any date scores 0 and has no age', () => {
    const f = freshness(record('MONTHLY'), NO_LINKS, NOW);
    assert.deepEqual(f, { status: 'stale', score: 0, age: 0, flags: [] });
  });

  it('the latest modified of the dataset and its distributions counts', () => {
    const d = record('MONTHLY', 400, { distributions: [fullDistribution({ modified: { value: daysAgo(5) } })] });
    assert.equal(freshness(d, NO_LINKS, NOW).lagDays, 5);
  });
});

describe('freshness: age', () => {
  it('is 1 up to 730 days, then 1 − (lag/1095)², 0 from 1095 days and without a date', () => {
    assert.equal(ageScore(730), 1);
    assert.equal(ageScore(731), 1 - (731 / 1095) ** 2);
    assert.equal(ageScore(1095), 0);
    assert.equal(ageScore(5000), 0);
    assert.equal(ageScore(undefined), 0);
  });
});

describe('freshness: other promises', () => {
  it('CONT is 1 when Cosecha saw a change within 2 days, else 0.5', () => {
    const d = record('CONT', 0);
    assert.equal(freshness(d, checks([FILE], 'ok', { changedAt: daysAgo(1) }), NOW).score, 1);
    assert.equal(freshness(d, checks([FILE], 'ok', { changedAt: daysAgo(2) }), NOW).score, 1);
    const late = freshness(d, checks([FILE], 'ok', { changedAt: daysAgo(3) }), NOW);
    assert.deepEqual([late.score, late.status], [0.5, 'late']);
    // A declared modified date is not an observed change.
    assert.equal(freshness(d, NO_LINKS, NOW).score, 0.5);
  });

  it('a non-periodic promise is kept by definition; age still counts in T3', () => {
    const f = freshness(record('IRREG', 900), NO_LINKS, NOW);
    assert.deepEqual([f.score, f.status], [1, 'no_promise']);
    assert.deepEqual(t2t3(record('NOT_PLANNED', 900)), [40, 3.24]); // 10 × (1 − (900/1095)²) = 3.2447
  });

  it('UNKNOWN or a missing frequency scores 0.5 × age', () => {
    // Lag 800: age 0.46624 → 0.5 × age = 0.23312 → T2 = 9.32, T3 = 4.66.
    for (const code of ['UNKNOWN', undefined, 'HOURLY']) {
      const f = freshness(record(code, 800), NO_LINKS, NOW);
      assert.equal(f.score, 0.5 * (1 - (800 / 1095) ** 2));
      assert.equal(f.status, 'unknown');
      assert.deepEqual(t2t3(record(code, 800)), [9.32, 4.66]);
    }
    assert.equal(freshness(record('UNKNOWN', 10), NO_LINKS, NOW).score, 0.5);
  });
});

describe('freshness: last update and flags', () => {
  it('ignores a modified date more than a day ahead and flags it', () => {
    const d = record('MONTHLY', -3, { distributions: [fullDistribution({ modified: { value: daysAgo(10) } })] });
    const f = freshness(d, NO_LINKS, NOW);
    assert.equal(f.lagDays, 10);
    assert.deepEqual(f.flags, ['future_modified']);
  });

  it('accepts a modified date up to one day ahead without a flag', () => {
    const f = freshness(record('MONTHLY', -1), NO_LINKS, NOW);
    assert.deepEqual([f.score, f.flags], [1, []]);
  });

  it('a change Cosecha observed counts as an update, and old metadata is flagged', () => {
    // Declared modified 400 days ago; the file changed, seen 10 days ago. Even if the change
    // happened up to 30 days before it was seen (the widest re-check interval), it is long after.
    const f = freshness(record('ANNUAL', 400), checks([FILE], 'ok', { changedAt: daysAgo(10) }), NOW);
    assert.equal(f.lagDays, 10);
    assert.equal(f.status, 'up_to_date');
    assert.deepEqual(f.flags, ['metadata_stale_data_changed']);
  });

  it('does not flag stale metadata when the change may be the declared update itself', () => {
    const f = freshness(record('ANNUAL', 20), checks([FILE], 'ok', { changedAt: daysAgo(10) }), NOW);
    assert.deepEqual(f.flags, []);
    // …unless the server's Last-Modified dates the change well after the declared one.
    const dated = freshness(
      record('ANNUAL', 20),
      checks([FILE], 'ok', { changedAt: daysAgo(10), lastModified: new Date(Date.parse(daysAgo(12))).toUTCString() }),
      NOW,
    );
    assert.deepEqual(dated.flags, ['metadata_stale_data_changed']);
  });

  it('flags a daily promise whose file has not changed in 4 days of checks', () => {
    const flags = (links: LinkChecks) => freshness(record('DAILY', 1), links, NOW).flags;
    assert.deepEqual(flags(checks([FILE], 'ok', { changedAt: daysAgo(4) })), ['promised_but_unchanged']);
    assert.deepEqual(flags(checks([FILE], 'ok', { changedAt: daysAgo(3) })), []);
    assert.deepEqual(flags(checks([FILE], 'ok', { lastModified: 'Sun, 01 Jun 2025 00:00:00 GMT' })), ['promised_but_unchanged']);
  });

  it('without evidence, does not flag an unchanged promise', () => {
    const flags = (links: LinkChecks, code = 'DAILY') => freshness(record(code, 1), links, NOW).flags;
    assert.deepEqual(flags(NO_LINKS), []); // never checked
    assert.deepEqual(flags(checks([FILE], 'ok')), []); // checked, but no dated change or Last-Modified
    assert.deepEqual(flags(checks([FILE], 'unknown', { changedAt: daysAgo(40) })), []); // inconclusive check
    assert.deepEqual(flags(checks([FILE], 'ok', { changedAt: daysAgo(40) }), 'MONTHLY'), []); // not daily/weekly
    assert.deepEqual(flags(checks([FILE], 'ok', { changedAt: daysAgo(20) }), 'WEEKLY'), []); // 20 < 28 days
    assert.deepEqual(flags(checks([FILE], 'ok', { changedAt: daysAgo(28) }), 'WEEKLY'), ['promised_but_unchanged']);
  });

  it('reads Last-Modified as an HTTP date or ISO 8601, and nothing else', () => {
    assert.equal(parseDateHeader('Sun, 01 Jun 2025 00:00:00 GMT'), Date.UTC(2025, 5, 1));
    assert.equal(parseDateHeader('2025-06-01T00:00:00Z'), Date.UTC(2025, 5, 1));
    assert.equal(parseDateHeader('01/06/2025'), undefined);
  });
});

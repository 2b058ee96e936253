/** The status rules, streak, schedule and change detection (QUALITY.md, link checks, 4–6), as pure sequences. */
import assert from 'node:assert/strict';
import { applyAttempt, isDue } from '../../src/links/decide.js';
import type { LinkCheck, Observation } from '../../src/links/types.js';

const URL_ = 'https://datos.gob.ec/datos.csv';
const T0 = Date.parse('2025-03-10T12:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number): string => new Date(T0 + ms).toISOString();

const OK: Observation = { outcome: 'ok', httpStatus: 200, contentType: 'text/csv', contentLength: 42, etag: '"v1"', lastModified: 'Mon, 03 Mar 2025 10:00:00 GMT' };
const NOT_FOUND: Observation = { outcome: 'failed', httpStatus: 404, error: 'http_status' };
const RATE_LIMITED: Observation = { outcome: 'unknown', httpStatus: 429, error: 'rate_limited' };
const REFUSED: Observation = { outcome: 'refused', error: 'private_address' };

/** Applies `[offset from T0, observation]` steps in order and returns every stored check. */
function run(steps: readonly (readonly [number, Observation])[], start?: LinkCheck): LinkCheck[] {
  const checks: LinkCheck[] = [];
  let previous = start;
  for (const [offset, observation] of steps) {
    previous = applyAttempt(URL_, previous, observation, new Date(T0 + offset));
    checks.push(previous);
  }
  return checks;
}
const last = <T>(list: T[]): T => list[list.length - 1];

describe('link check decisions', () => {
  describe('re-check schedule', () => {
    it('widens after consecutive oks: 1 day, 7 days, then 30 days', () => {
      const checks = run([[0, OK], [1 * DAY, OK], [8 * DAY, OK], [38 * DAY, OK]]);
      assert.deepEqual(checks.map((c) => c.nextCheckAt), [iso(1 * DAY), iso(8 * DAY), iso(38 * DAY), iso(68 * DAY)]);
      assert.deepEqual(checks.map((c) => c.okStreak), [1, 2, 3, 4]);
    });

    it('after a failure or an unknown, comes back after 24 h, and the next ok starts the widening again', () => {
      const checks = run([[0, OK], [DAY, OK], [8 * DAY, NOT_FOUND], [9 * DAY, RATE_LIMITED], [10 * DAY, OK]]);
      assert.deepEqual(checks.slice(2).map((c) => c.nextCheckAt), [iso(9 * DAY), iso(10 * DAY), iso(11 * DAY)]);
      assert.equal(last(checks).okStreak, 1);
    });

    it('isDue: never checked, no schedule or an unreadable one, and a passed time are due; a future time is not', () => {
      const now = new Date(T0);
      const scheduled = (at: string | undefined): LinkCheck => ({ url: URL_, status: 'ok', checkedAt: iso(-DAY), nextCheckAt: at });
      assert.equal(isDue(undefined, now), true);
      assert.equal(isDue(scheduled(undefined), now), true);
      assert.equal(isDue(scheduled('mañana'), now), true);
      assert.equal(isDue(scheduled(iso(-1)), now), true);
      assert.equal(isDue(scheduled(iso(0)), now), true);
      assert.equal(isDue(scheduled(iso(1)), now), false);
    });
  });

  describe('broken only after two failures 24 h apart', () => {
    const table: { name: string; steps: [number, Observation][]; status: LinkCheck['status'] }[] = [
      { name: 'one failure, nothing known before', steps: [[0, NOT_FOUND]], status: 'unknown' },
      { name: 'two failures 23 h apart', steps: [[0, NOT_FOUND], [23 * HOUR, NOT_FOUND]], status: 'unknown' },
      { name: 'two failures 24 h apart', steps: [[0, NOT_FOUND], [24 * HOUR, NOT_FOUND]], status: 'broken' },
      { name: 'three failures, the last 25 h after the first', steps: [[0, NOT_FOUND], [2 * HOUR, NOT_FOUND], [25 * HOUR, NOT_FOUND]], status: 'broken' },
      { name: 'a failure, an ok, a failure 24 h after the first', steps: [[0, NOT_FOUND], [HOUR, OK], [24 * HOUR, NOT_FOUND]], status: 'ok' },
      { name: 'a failure, a 429, a failure 48 h later', steps: [[0, NOT_FOUND], [DAY, RATE_LIMITED], [2 * DAY, NOT_FOUND]], status: 'broken' },
      { name: 'a 429, then a failure 24 h later', steps: [[0, RATE_LIMITED], [DAY, NOT_FOUND]], status: 'unknown' },
      { name: 'a failure, a refusal, a failure 24 h after the first', steps: [[0, NOT_FOUND], [HOUR, REFUSED], [DAY, NOT_FOUND]], status: 'unknown' },
      { name: 'an ok, then one failure', steps: [[0, OK], [DAY, NOT_FOUND]], status: 'ok' },
      { name: 'an ok, then two failures a day apart', steps: [[0, OK], [DAY, NOT_FOUND], [2 * DAY, NOT_FOUND]], status: 'broken' },
      { name: 'an invalid URL, once', steps: [[0, { outcome: 'failed', error: 'invalid_url' }]], status: 'broken' },
    ];
    for (const { name, steps, status } of table) {
      it(`${name} → ${status}`, () => assert.equal(last(run(steps)).status, status));
    }

    it('records when the streak began, keeps it through unknowns and clears it on success', () => {
      const checks = run([[0, NOT_FOUND], [HOUR, RATE_LIMITED], [2 * HOUR, NOT_FOUND], [3 * HOUR, OK]]);
      assert.deepEqual(checks.map((c) => c.failingSince), [iso(0), iso(0), iso(0), undefined]);
    });

    it('a confirmed broken link stores the failing answer and when it was confirmed', () => {
      const broken = last(run([[0, OK], [DAY, NOT_FOUND], [2 * DAY, NOT_FOUND]]));
      assert.equal(broken.httpStatus, 404);
      assert.equal(broken.confirmedAt, iso(2 * DAY));
      assert.equal(broken.contentType, undefined);
    });
  });

  describe('unknown keeps the last definitive result for 30 days', () => {
    it('an ok 10 days old survives a 429, with its answer, and the attempt is recorded', () => {
      const [ok, limited] = run([[0, OK], [10 * DAY, RATE_LIMITED]]);
      assert.equal(limited.status, 'ok');
      assert.equal(limited.etag, ok.etag);
      assert.equal(limited.httpStatus, 200);
      assert.equal(limited.confirmedAt, iso(0));
      assert.equal(limited.checkedAt, iso(10 * DAY));
      assert.deepEqual(limited.lastAttempt, { outcome: 'unknown', checkedAt: iso(10 * DAY), httpStatus: 429, error: 'rate_limited' });
    });

    it('an ok 31 days old does not survive: the status is unknown', () => {
      assert.equal(last(run([[0, OK], [31 * DAY, RATE_LIMITED]])).status, 'unknown');
    });

    it('a broken link stays broken through a 429 and a DNS failure', () => {
      const checks = run([[0, NOT_FOUND], [DAY, NOT_FOUND], [2 * DAY, RATE_LIMITED], [3 * DAY, { outcome: 'unknown', error: 'dns_failure' }]]);
      assert.deepEqual(checks.map((c) => c.status), ['unknown', 'broken', 'broken', 'broken']);
    });

    it('the 30 days count from the last definitive answer, not from the last attempt', () => {
      const checks = run([[0, OK], [20 * DAY, RATE_LIMITED], [29 * DAY, RATE_LIMITED], [31 * DAY, RATE_LIMITED]]);
      assert.deepEqual(checks.map((c) => c.status), ['ok', 'ok', 'ok', 'unknown']);
    });

    it('a check stored before these fields existed is read by its checkedAt', () => {
      const legacy: LinkCheck = { url: URL_, status: 'ok', checkedAt: iso(-5 * DAY), httpStatus: 200 };
      assert.equal(last(run([[0, RATE_LIMITED]], legacy)).status, 'ok');
    });

    it('a refusal is a status of its own, not kept through unknowns', () => {
      assert.deepEqual(run([[0, REFUSED], [DAY, RATE_LIMITED]]).map((c) => c.status), ['refused', 'unknown']);
    });
  });

  describe('changedAt', () => {
    const table: { name: string; next: Partial<Observation>; changed: boolean }[] = [
      { name: 'same ETag, date and length', next: {}, changed: false },
      { name: 'another ETag', next: { etag: '"v2"' }, changed: true },
      { name: 'the weak form of the same ETag', next: { etag: 'W/"v1"' }, changed: false },
      { name: 'another Last-Modified', next: { lastModified: 'Tue, 04 Mar 2025 10:00:00 GMT' }, changed: true },
      { name: 'another length', next: { contentLength: 43 }, changed: true },
      { name: 'no ETag any more', next: { etag: undefined }, changed: false },
    ];
    for (const { name, next, changed } of table) {
      it(`${name} → ${changed ? 'changed now' : 'unchanged'}`, () => {
        const [, second] = run([[0, OK], [DAY, { ...OK, ...next }]]);
        assert.equal(second.changedAt, changed ? iso(DAY) : undefined);
      });
    }

    it('is carried through later checks without a change, failures included', () => {
      const checks = run([[0, OK], [DAY, { ...OK, etag: '"v2"' }], [8 * DAY, { ...OK, etag: '"v2"' }], [9 * DAY, NOT_FOUND]]);
      assert.deepEqual(checks.map((c) => c.changedAt), [undefined, iso(DAY), iso(DAY), iso(DAY)]);
    });

    it('is not set by comparing with a failed answer', () => {
      const checks = run([[0, OK], [DAY, { ...NOT_FOUND, etag: '"error-page"' }], [2 * DAY, { ...NOT_FOUND, etag: '"error-page"' }], [3 * DAY, OK]]);
      assert.equal(checks[2].status, 'broken');
      assert.equal(last(checks).changedAt, undefined);
    });
  });

  it('a new ok carries its flags; an ok without flags stores none', () => {
    const [flagged, clean] = run([[0, { ...OK, flags: ['html_instead_of_csv'] }], [DAY, { ...OK, flags: [] }]]);
    assert.deepEqual(flagged.flags, ['html_instead_of_csv']);
    assert.equal('flags' in clean, false);
  });
});

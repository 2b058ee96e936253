/**
 * Freshness (T2) and age (T3), QUALITY.md "Freshness (T2) and age (T3)" steps 2–5. Step 1, reading
 * the declared frequency, is normalization's: this file reads `accrualPeriodicity.code`.
 */
import type { Dataset, Distribution } from '../dcat/types.js';
import { PERIODIC_DAYS, isNonPeriodic, isPeriodic, type PeriodicCode } from '../dcat/frequencies.js';
import type { LinkCheck, LinkChecks } from '../links/types.js';
import type { Freshness, FreshnessStatus } from './types.js';
import { linkCheck } from './outcome.js';
import { present } from './present.js';
import { DAY_MS, dateTime, parseIsoTime } from './syntax.js';

/** How many periods late a periodic dataset may be before its score reaches 0 (QUALITY.md P). */
export function tolerancePeriods(code: PeriodicCode): number {
  if (code === 'DAILY') return 7;
  if (code === 'WEEKLY' || code === 'BIWEEKLY') return 4;
  if (PERIODIC_DAYS[code] < PERIODIC_DAYS.ANNUAL) return 2;
  return 0.5;
}

/** Days after its last update a periodic dataset is still up to date: 1.2 intervals and a day. */
export function onTimeDays(interval: number): number {
  return 1.2 * interval + 1;
}

/** Days after its last update a periodic dataset is stale (score 0): `tolerance` periods late. */
export function staleDays(interval: number, tolerance: number): number {
  return interval * (1 + tolerance);
}

/** Score of a periodic promise with interval `interval` days, `lag` days after the last update. */
export function periodicScore(lag: number, interval: number, tolerance: number): number {
  if (lag <= onTimeDays(interval)) return 1;
  const periodsBehind = (lag - interval) / interval;
  return Math.max(0, 1 - (periodsBehind / tolerance) ** 2);
}

/** T3's days: full points up to `full` days since the last update, none from `none` days on. */
export const AGE_DAYS = { full: 730, none: 1095 } as const;

/** Age score: a record untouched for more than two years fades out over the third. */
export function ageScore(lag: number | undefined): number {
  if (lag === undefined) return 0;
  if (lag <= AGE_DAYS.full) return 1;
  return Math.max(0, 1 - (lag / AGE_DAYS.none) ** 2);
}

/** A continuous (real-time) dataset is up to date while Cosecha saw its file change this recently. */
export const CONTINUOUS_DAYS = 2;
/** The share of the freshness points a continuous dataset not seen changing earns (it is late). */
export const CONTINUOUS_LATE_SCORE = 0.5;
/** Without a frequency Cosecha can judge, the share of its age's score a dataset earns. */
export const UNKNOWN_FREQUENCY_SHARE = 0.5;

/** The link each distribution's file is watched through: its download, else its access URL. */
export function watchedUrl(d: Distribution): string | undefined {
  if (present(d.downloadURL)) return d.downloadURL.trim();
  return present(d.accessURL) ? d.accessURL.trim() : undefined;
}

/** Freshness of one dataset at `now`: a pure function of the record and its link checks. */
export function freshness(dataset: Dataset, links: LinkChecks, now: Date): Freshness {
  const nowMs = now.getTime();
  const flags: string[] = [];
  const declared = [dataset.modified, ...dataset.distributions.map((d) => d.modified)]
    .map(dateTime)
    .filter((t): t is number => t !== undefined);
  const accepted = declared.filter((t) => t <= nowMs + DAY_MS);
  if (accepted.length < declared.length) flags.push('future_modified');
  const checks = dataset.distributions
    .map((d) => linkCheck(links, watchedUrl(d)))
    .filter((c): c is LinkCheck => c !== undefined);
  const observed = checks
    .map((c) => parseIsoTime(c.changedAt))
    .filter((t): t is number => t !== undefined && t <= nowMs + DAY_MS);
  const lastDeclared = latest(accepted);
  const lastObserved = latest(observed);
  const last = latest([lastDeclared, lastObserved].filter((t): t is number => t !== undefined));
  const lag = last === undefined ? undefined : (nowMs - last) / DAY_MS;
  const age = ageScore(lag);
  if (lastDeclared !== undefined && checks.some((c) => changedAfter(c, lastDeclared))) {
    flags.push('metadata_stale_data_changed');
  }

  const code = dataset.accrualPeriodicity?.code?.trim();
  let status: FreshnessStatus;
  let score: number;
  if (isPeriodic(code)) {
    score = lag === undefined ? 0 : periodicScore(lag, PERIODIC_DAYS[code], tolerancePeriods(code));
    status = score === 1 ? 'up_to_date' : score === 0 ? 'stale' : 'late';
    if ((code === 'DAILY' || code === 'WEEKLY') && unchangedFor(dataset, links, 4 * PERIODIC_DAYS[code])) {
      flags.push('promised_but_unchanged');
    }
  } else if (code === 'CONT') {
    // Real-time data is judged only on changes Cosecha saw itself: declared dates of a live feed
    // say nothing about whether it still flows.
    score = lastObserved !== undefined && nowMs - lastObserved <= CONTINUOUS_DAYS * DAY_MS ? 1 : CONTINUOUS_LATE_SCORE;
    status = score === 1 ? 'up_to_date' : 'late';
  } else if (isNonPeriodic(code)) {
    score = 1;
    status = 'no_promise';
  } else {
    // UNKNOWN, missing, or a code outside the frequencies Cosecha can judge.
    score = UNKNOWN_FREQUENCY_SHARE * age;
    status = 'unknown';
  }

  const result: Freshness = { status, score, age, flags };
  if (last !== undefined && lag !== undefined) {
    result.lastUpdate = new Date(last).toISOString();
    result.lagDays = Math.round(lag * 100) / 100;
  }
  return result;
}

function latest(times: readonly number[]): number | undefined {
  return times.length === 0 ? undefined : Math.max(...times);
}

/**
 * The re-check schedule widens to at most 30 days (QUALITY.md, link checks), so a change observed
 * at `changedAt` happened no earlier than 30 days before it, unless the server's own Last-Modified
 * dates it. Only a change that certainly happened a day or more after the declared `modified`
 * proves the metadata stale.
 */
const MAX_RECHECK_DAYS = 30;

function changedAfter(check: LinkCheck, declared: number): boolean {
  const observedAt = parseIsoTime(check.changedAt);
  if (observedAt === undefined) return false;
  const serverTime = parseDateHeader(check.lastModified);
  const earliest = serverTime !== undefined && serverTime <= observedAt ? serverTime : observedAt - MAX_RECHECK_DAYS * DAY_MS;
  return earliest > declared + DAY_MS;
}

/**
 * True only with evidence that no watched file changed for `days`: every distribution's file was
 * checked successfully, and for each the last observed change (or, when none was ever observed, the
 * server's Last-Modified) is at least `days` before the latest check. Unchecked links, failed checks
 * or files never dated are not evidence, so they never raise the flag.
 */
function unchangedFor(dataset: Dataset, links: LinkChecks, days: number): boolean {
  const urls = dataset.distributions.map(watchedUrl).filter((u): u is string => u !== undefined);
  if (urls.length === 0) return false;
  return urls.every((url) => {
    const check = linkCheck(links, url);
    if (check === undefined || check.status !== 'ok') return false;
    // The last answer the `ok` rests on: a later 429 keeps the `ok` but says nothing of the file.
    const checkedAt = parseIsoTime(check.confirmedAt ?? check.checkedAt);
    const since = parseIsoTime(check.changedAt) ?? parseDateHeader(check.lastModified);
    return checkedAt !== undefined && since !== undefined && checkedAt - since >= days * DAY_MS;
  });
}

/**
 * Last-Modified arrives as an HTTP date (RFC 9110 IMF-fixdate, always GMT) or, when the link
 * checker stored it normalized, as ISO 8601. Both are read without depending on the time zone.
 */
export function parseDateHeader(text: string | undefined): number | undefined {
  if (!present(text)) return undefined;
  const iso = parseIsoTime(text);
  if (iso !== undefined) return iso;
  if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text.trim())) return undefined;
  const t = Date.parse(text.trim());
  return Number.isFinite(t) ? t : undefined;
}

/**
 * The methodology as data, read from the definitions the scorer and the link checker use — the
 * indicator table, the rating floors, the freshness intervals and thresholds, the link-check
 * defaults and rules — never a copy of them: change one there and the page changes with it.
 * Answers and addresses are shown by running the checker's own pure rules on examples.
 */
import { INDICATORS, DIMENSION_MAX, MQA_MAX, TOTAL_MAX, type Indicator } from '../../../quality/indicators.js';
import { explanationFor, type Bilingual } from '../../../quality/explanations.js';
import { RATING_FLOORS } from '../../../quality/score.js';
import { AGE_DAYS, CONTINUOUS_DAYS, CONTINUOUS_LATE_SCORE, UNKNOWN_FREQUENCY_SHARE, onTimeDays, staleDays, tolerancePeriods } from '../../../quality/freshness.js';
import { NON_PERIODIC, PERIODIC_DAYS, type PeriodicCode } from '../../../dcat/frequencies.js';
import type { Dimension, Rating } from '../../../quality/types.js';
import { LINK_CHECK_DEFAULTS } from '../../../links/options.js';
import { CONFIRM_BROKEN_AFTER_MS, KEEP_DEFINITIVE_MS, RECHECK_AFTER_OK_DAYS, RECHECK_AFTER_TROUBLE_MS } from '../../../links/decide.js';
import { isRedirect, needsGet, observeAnswer, observeError } from '../../../links/response-rules.js';
import { PRIVATE_ADDRESS_CODE, isPublicAddress } from '../../../links/address-policy.js';
import type { AttemptOutcome } from '../../../links/types.js';
import { SETTINGS } from '../../../config.js';

export interface IndicatorRule {
  id: string;
  title: Bilingual;
  max: number;
  scale: Indicator['scale'];
  /** What earns the points, and what loses them, one line per explanation code. */
  passes: Bilingual[];
  fails: Bilingual[];
}

export interface DimensionRules {
  dimension: Dimension;
  max: number;
  indicators: IndicatorRule[];
}

export function dimensionRules(): DimensionRules[] {
  return (Object.keys(DIMENSION_MAX) as Dimension[]).map((dimension) => ({
    dimension,
    max: DIMENSION_MAX[dimension],
    indicators: INDICATORS.filter((i) => i.dimension === dimension).map((i) => ({
      id: i.id,
      title: i.title,
      max: i.max,
      scale: i.scale,
      passes: i.pass.map((code) => explanationFor(code, i.id)),
      fails: i.fail.map((code) => explanationFor(code, i.id)),
    })),
  }));
}

export const SCALES = { mqa: MQA_MAX, total: TOTAL_MAX } as const;

export interface Band {
  rating: Rating;
  /** The lowest score of the band. */
  from: number;
  /** The band's scores are below this one; absent for the top band, which ends at the scale's maximum. */
  below?: number;
}

/** The rating bands of a scale, best first, from the scorer's floors. */
export function ratingBands(scale: 'mqa' | 'total'): Band[] {
  const [excellent, good, sufficient] = RATING_FLOORS[scale];
  return [
    { rating: 'excellent', from: excellent },
    { rating: 'good', from: good, below: excellent },
    { rating: 'sufficient', from: sufficient, below: good },
    { rating: 'bad', from: 0, below: sufficient },
  ];
}

export interface FrequencyRule {
  code: PeriodicCode;
  /** The interval a periodic promise implies. */
  days: number;
  /** Up to date while the last update is at most this many days old. */
  onTime: number;
  /** Stale (no points) from this many days; late in between. */
  stale: number;
}

export function frequencyRules(): FrequencyRule[] {
  return (Object.entries(PERIODIC_DAYS) as [PeriodicCode, number][]).map(([code, days]) => ({
    code,
    days,
    onTime: onTimeDays(days),
    stale: staleDays(days, tolerancePeriods(code)),
  }));
}

export const FRESHNESS = {
  nonPeriodic: NON_PERIODIC,
  continuousDays: CONTINUOUS_DAYS,
  continuousLateScore: CONTINUOUS_LATE_SCORE,
  unknownShare: UNKNOWN_FREQUENCY_SHARE,
  age: AGE_DAYS,
  /** T2's and T3's points, from the table. */
  t2: INDICATORS.find((i) => i.id === 'T2')!.max,
  t3: INDICATORS.find((i) => i.id === 'T3')!.max,
};

/** An example answer or error (a key of the page's messages), and what the checker makes of it. */
export interface AnswerExample {
  status: number;
  outcome: AttemptOutcome;
}

export interface ErrorExample {
  kind: ExampleError;
  outcome: AttemptOutcome;
}

export type ExampleError = 'refused' | 'timeout' | 'dns' | 'tls' | 'reset' | 'private';

const STATUSES = [200, 206, 403, 404, 405, 408, 410, 429, 500, 501, 503];
const REDIRECTS = [301, 302, 303, 307, 308];
const ERRORS: Record<ExampleError, string> = {
  refused: 'ECONNREFUSED',
  timeout: 'ETIMEDOUT',
  dns: 'ENOTFOUND',
  tls: 'CERT_HAS_EXPIRED',
  reset: 'ECONNRESET',
  private: PRIVATE_ADDRESS_CODE,
};
/** Loopback, private, link-local (cloud metadata), carrier-grade NAT, IPv6 loopback, unique-local and link-local. */
const ADDRESSES = ['127.0.0.1', '10.0.0.8', '172.16.0.1', '192.168.1.10', '169.254.169.254', '100.64.0.1', '::1', 'fd00::1', 'fe80::1'];

export function linkRules() {
  const answer = (status: number, headers = {}) => observeAnswer({ method: 'GET', status, headers, url: 'https://example.org/f.csv' }, undefined).outcome;
  return {
    timeoutMs: SETTINGS.linkTimeoutMs.default,
    timeoutEnv: SETTINGS.linkTimeoutMs.env,
    intervalMs: SETTINGS.linkIntervalMs.default,
    intervalEnv: SETTINGS.linkIntervalMs.env,
    schedule: SETTINGS.linkSchedule.default,
    perHost: LINK_CHECK_DEFAULTS.perHostConcurrency,
    concurrency: LINK_CHECK_DEFAULTS.concurrency,
    maxRedirects: LINK_CHECK_DEFAULTS.maxRedirects,
    maxRetryAfterMs: LINK_CHECK_DEFAULTS.maxRetryAfterMs,
    confirmBrokenAfterMs: CONFIRM_BROKEN_AFTER_MS,
    keepDefinitiveMs: KEEP_DEFINITIVE_MS,
    recheckAfterOkDays: RECHECK_AFTER_OK_DAYS,
    recheckAfterTroubleMs: RECHECK_AFTER_TROUBLE_MS,
    redirects: REDIRECTS.filter(isRedirect),
    getAfterHead: STATUSES.filter((status) => needsGet({ method: 'HEAD', status, headers: { 'content-type': 'text/csv' }, url: 'https://example.org/f.csv' })),
    answers: STATUSES.map((status): AnswerExample => ({ status, outcome: answer(status) })),
    firewall: answer(403, { 'cf-mitigated': 'challenge' }),
    errors: (Object.entries(ERRORS) as [ExampleError, string][]).map(([kind, code]): ErrorExample => ({ kind, outcome: observeError(code).outcome })),
    refusedAddresses: ADDRESSES.filter((a) => !isPublicAddress(a)),
  };
}

export type LinkRules = ReturnType<typeof linkRules>;

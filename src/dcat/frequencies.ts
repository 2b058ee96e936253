/**
 * EU frequency codes (publications.europa.eu/resource/authority/frequency) that Cosecha reads,
 * with the interval in days that a periodic promise implies (QUALITY.md, freshness).
 */
export const PERIODIC_DAYS = {
  DAILY: 1,
  WEEKLY: 7,
  BIWEEKLY: 14,
  MONTHLY: 30,
  BIMONTHLY: 61,
  QUARTERLY: 91,
  ANNUAL_3: 122,
  ANNUAL_2: 183,
  ANNUAL: 365,
  BIENNIAL: 730,
  TRIENNIAL: 1095,
} as const;

export type PeriodicCode = keyof typeof PERIODIC_DAYS;
export const NON_PERIODIC = ['IRREG', 'AS_NEEDED', 'NOT_PLANNED', 'NEVER', 'OTHER'] as const;
export type NonPeriodicCode = (typeof NON_PERIODIC)[number];
export type FrequencyCode = PeriodicCode | NonPeriodicCode | 'CONT' | 'UNKNOWN';

export const EU_FREQUENCY_BASE = 'http://publications.europa.eu/resource/authority/frequency/';

export function isPeriodic(code: string | undefined): code is PeriodicCode {
  return code !== undefined && Object.hasOwn(PERIODIC_DAYS, code);
}

export function isNonPeriodic(code: string | undefined): code is NonPeriodicCode {
  return (NON_PERIODIC as readonly string[]).includes(code ?? '');
}

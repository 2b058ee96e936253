/**
 * From one attempt and the stored check to the new stored check (QUALITY.md, link checks, 4–6):
 * the status, the failure streak, the re-check schedule and the observed change. Pure.
 */
import type { LinkAttempt, LinkCheck, Observation } from './types.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A failure becomes `broken` only when the failures began at least this long ago. */
export const CONFIRM_BROKEN_AFTER_MS = DAY_MS;
/** An `ok` or `broken` status survives `unknown` attempts (and a first failure) this long. */
export const KEEP_DEFINITIVE_MS = 30 * DAY_MS;
/** After anything but `ok`, check again this soon (so that a second failure can confirm `broken`). */
export const RECHECK_AFTER_TROUBLE_MS = DAY_MS;
/** After the 1st, 2nd, 3rd and later consecutive `ok`, check again after these many days. */
export const RECHECK_AFTER_OK_DAYS: readonly number[] = [1, 7, 30];

/** Milliseconds until the next check after `okStreak` consecutive oks (0: something else happened). */
export function recheckDelayMs(okStreak: number): number {
  if (okStreak <= 0) return RECHECK_AFTER_TROUBLE_MS;
  return RECHECK_AFTER_OK_DAYS[Math.min(okStreak, RECHECK_AFTER_OK_DAYS.length) - 1] * DAY_MS;
}

/** True when a link was never checked or its next check is due at `now`. */
export function isDue(check: LinkCheck | undefined, now: Date): boolean {
  const next = check?.nextCheckAt === undefined ? Number.NaN : Date.parse(check.nextCheckAt);
  return Number.isNaN(next) || next <= now.getTime();
}

const time = (iso: string | undefined): number | undefined => {
  const t = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
};

/** The previous `ok` or `broken` status while it is still worth keeping, else undefined. */
function keptStatus(previous: LinkCheck | undefined, nowMs: number): 'ok' | 'broken' | undefined {
  if (previous?.status !== 'ok' && previous?.status !== 'broken') return undefined;
  const at = time(previous.confirmedAt ?? previous.checkedAt);
  return at !== undefined && nowMs - at <= KEEP_DEFINITIVE_MS ? previous.status : undefined;
}

/** Weak and strong forms of one ETag name the same version (compression turns one into the other). */
const etagValue = (etag: string | undefined): string | undefined => etag?.trim().replace(/^W\//, '');

/** True when the file seems to have changed since the previous successful answer. */
function changedSince(previous: LinkCheck | undefined, observation: Observation): boolean {
  if (previous?.httpStatus === undefined || previous.httpStatus < 200 || previous.httpStatus >= 300) return false;
  const differ = <T>(a: T | undefined, b: T | undefined): boolean => a !== undefined && b !== undefined && a !== b;
  return (
    differ(etagValue(previous.etag), etagValue(observation.etag)) ||
    differ(previous.lastModified?.trim(), observation.lastModified?.trim()) ||
    differ(previous.contentLength, observation.contentLength)
  );
}

/** Drops undefined fields, so that stored checks stay small and compare cleanly. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The stored check after `observation` was made at `now`. */
export function applyAttempt(url: string, previous: LinkCheck | undefined, observation: Observation, now: Date): LinkCheck {
  const nowMs = now.getTime();
  const at = now.toISOString();
  const lastAttempt = compact<LinkAttempt>({ outcome: observation.outcome, checkedAt: at, httpStatus: observation.httpStatus, error: observation.error });
  const okStreak = observation.outcome === 'ok' ? (previous?.okStreak ?? 0) + 1 : 0;
  const nextCheckAt = new Date(nowMs + recheckDelayMs(okStreak)).toISOString();
  // A failure starts (or continues) the streak, an unknown leaves it as it was, anything else ends it.
  let failingSince: string | undefined;
  if (observation.outcome === 'failed') failingSince = previous?.failingSince ?? at;
  else if (observation.outcome === 'unknown') failingSince = previous?.failingSince;
  const schedule = { checkedAt: at, failingSince, okStreak, nextCheckAt, lastAttempt };

  const fresh = (status: LinkCheck['status'], confirmed: boolean): LinkCheck =>
    compact<LinkCheck>({
      url,
      status,
      httpStatus: observation.httpStatus,
      finalUrl: observation.finalUrl,
      contentType: observation.contentType,
      contentLength: observation.contentLength,
      lastModified: observation.lastModified,
      etag: observation.etag,
      flags: observation.flags?.length ? observation.flags : undefined,
      changedAt: observation.outcome === 'ok' && changedSince(previous, observation) ? at : previous?.changedAt,
      confirmedAt: confirmed ? at : undefined,
      ...schedule,
    });

  switch (observation.outcome) {
    case 'ok':
      return fresh('ok', true);
    case 'refused':
      return fresh('refused', false);
    case 'failed':
      // A URL that can never be fetched needs no second look.
      if (observation.error === 'invalid_url') return fresh('broken', true);
      if (nowMs - (time(failingSince) ?? nowMs) >= CONFIRM_BROKEN_AFTER_MS) return fresh('broken', true);
      break;
    case 'unknown':
      break;
  }
  // Not (yet) definitive: keep what the last definitive answer said while it is recent enough.
  if (previous !== undefined && keptStatus(previous, nowMs) !== undefined) return compact({ ...previous, url, ...schedule });
  return fresh('unknown', false);
}

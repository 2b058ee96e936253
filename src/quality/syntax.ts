/**
 * Syntax checks shared by the indicators and the DCAT-AP checker: ISO dates, IRIs, e-mail.
 * Dates are read strictly and always as UTC so that a score never depends on the machine's
 * time zone or on V8's lenient Date.parse (which reads 2024-02-30 as 1 March).
 */
import { memoize } from './memo.js';
import type { DateValue } from '../dcat/types.js';

const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/i;

export const DAY_MS = 86_400_000;

/** Milliseconds since the epoch of an ISO 8601 date or date-time, or undefined when it is not one. */
export function parseIsoTime(text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseIsoText(text);
}

const parseIsoText = memoize((text: string): number | undefined => {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2] ?? 1);
  const day = Number(m[3] ?? 1);
  const [hour, minute, second] = [m[4], m[5], m[6]].map((part) => Number(part ?? 0));
  const ms = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  const t = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const d = new Date(t);
  // Date.UTC rolls 30 February over to March; a real date survives the round trip.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return t - offsetMs(m[8]);
});

function offsetMs(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
}

/** The time of a normalized date (its `value`), when it has one that parses. */
export function dateTime(value: DateValue | undefined): number | undefined {
  return parseIsoTime(value?.value);
}

/** An absolute IRI: a scheme, no whitespace and none of the characters IRIs exclude. */
export function isAbsoluteIri(text: string | undefined): boolean {
  return typeof text === 'string' && /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i.test(text.trim());
}

/** An absolute http(s) IRI with a host: what DCAT-AP needs where a web resource is referenced. */
export function isHttpIri(text: string | undefined): boolean {
  return typeof text === 'string' && httpIri(text);
}

const httpIri = memoize((text: string): boolean => {
  if (!isAbsoluteIri(text)) return false;
  try {
    const url = new URL(text.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
});

/** An IANA media type as normalization writes it (`text/csv`, `application/vnd.ms-excel`). */
export function isIanaMediaType(text: string | undefined): boolean {
  return typeof text === 'string' && /^[a-z]+\/[a-z0-9.+-]+$/i.test(text.trim());
}

/** A plausible e-mail address (a `mailto:` prefix is accepted, as vCard exports carry one). */
export function isEmail(text: string | undefined): boolean {
  if (typeof text !== 'string') return false;
  const address = text.trim().replace(/^mailto:/i, '');
  return /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[a-z]{2,}$/i.test(address);
}

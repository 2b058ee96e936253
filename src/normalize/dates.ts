/**
 * Dates as the region's portals write them, read into ISO 8601 (HARVESTING.md, malformed dates).
 *
 * Accepted: ISO dates and datetimes (with or without zone, any fraction of a second), `2018-05`,
 * `2018`, `2019/05/02`, `20190502`, `dd/mm/yyyy`, `dd-mm-yyyy` and `dd.mm.yyyy` with an optional
 * time, Spanish and English month names ("10 de diciembre de 2019", "dic. 2019", "December 10,
 * 2019"), DKAN's `mar, 10/12/2019 - 09:23`, epoch seconds and milliseconds.
 *
 * Conventions:
 * - a date alone gives `YYYY-MM-DD`; a date with a time gives a UTC ISO datetime, and a time
 *   without a zone is taken as UTC;
 * - `a/b/yyyy` is day/month (the region's order) unless the first number cannot be a month and
 *   the second can, or a weekday written before it fits only month/day (then it was written
 *   month/day, as US-built platforms and Drupal's default format do: `mié, 11/02/2022` is 2 Nov);
 * - a month or a year alone is read as its first day (`side: 'end'`: its last day);
 * - two-digit years, impossible dates (2019-02-30), durations (`R/P1D`) and anything else are
 *   not dates: the value is absent and the raw is kept.
 */
import type { DateValue } from '../dcat/types.js';
import { foldAccents } from '../dcat/vocabularies/keys.js';

export type DateSide = 'start' | 'end';

const MONTHS = new Map<string, number>();
for (const [n, names] of [
  [1, 'enero ene january jan'], [2, 'febrero feb february'], [3, 'marzo mar march'], [4, 'abril abr april apr'],
  [5, 'mayo may'], [6, 'junio jun june'], [7, 'julio jul july'], [8, 'agosto ago august aug'],
  [9, 'septiembre setiembre sep sept set september'], [10, 'octubre oct october'], [11, 'noviembre nov november'],
  [12, 'diciembre dic december dec'],
] as const) for (const name of names.split(' ')) MONTHS.set(name, n);

const TIME = String.raw`(?:\s*(?:-|,|a las|t)?\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(am|pm|a\.?\s?m\.?|p\.?\s?m\.?)?(?:\s*z)?)?`;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const YEAR_MONTH = /^(\d{4})-(\d{1,2})$/;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[/.](\d{1,2})[/.](\d{1,2})${TIME}$`);
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})${TIME}$`);
const MONTH_YEAR_NUMERIC = /^(\d{1,2})[/-](\d{4})$/;
const DAY_NAME_YEAR = new RegExp(String.raw`^(\d{1,2})(?:\s+de)?[\s/-]+([a-z]+)\.?(?:\s+del?)?[\s/,-]+(\d{4})${TIME}$`);
const NAME_DAY_YEAR = new RegExp(String.raw`^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}$`);
const NAME_YEAR = /^([a-z]+)\.?(?:\s+del?)?[\s,/-]+(\d{4})$/;
const WEEKDAY = /^(?:(lunes|martes|miercoles|jueves|viernes|sabado|domingo|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\.?(?:,\s*|\s+)|(lun|mar|mie|jue|vie|sab|dom|mon|tue|wed|thu|fri|sat|sun)\.?(?:,\s*|\s+(?=\d{1,2}[/-])))/;
/** Weekday names (accents folded) by JavaScript's day number, Sunday 0. */
const WEEKDAYS = new Map<string, number>();
for (const [n, names] of [
  [0, 'domingo dom sunday sun'], [1, 'lunes lun monday mon'], [2, 'martes mar tuesday tue'], [3, 'miercoles mie wednesday wed'],
  [4, 'jueves jue thursday thu'], [5, 'viernes vie friday fri'], [6, 'sabado sab saturday sat'],
] as const) for (const name of names.split(' ')) WEEKDAYS.set(name, n);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function validDate(y: number, m: number, d: number): boolean {
  return y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function dateOnly(y: number, m: number, d: number): string | undefined {
  return validDate(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}

function period(y: number, m: number | undefined, side: DateSide): string | undefined {
  const month = m ?? (side === 'start' ? 1 : 12);
  if (!validDate(y, month, 1)) return undefined;
  return dateOnly(y, month, side === 'start' ? 1 : daysInMonth(y, month));
}

interface Clock { h?: string; mi?: string; s?: string; frac?: string; ampm?: string; zone?: string }

function dateTime(y: number, m: number, d: number, c: Clock): string | undefined {
  if (c.h === undefined) return dateOnly(y, m, d);
  if (!validDate(y, m, d)) return undefined;
  let h = Number(c.h);
  const mi = Number(c.mi);
  const s = Number(c.s ?? 0);
  if (c.ampm) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (c.ampm.startsWith('p') ? 12 : 0);
  }
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const ms = c.frac ? Number(c.frac.slice(0, 3).padEnd(3, '0')) : 0;
  let offsetMin = 0;
  if (c.zone && c.zone !== 'z') {
    const zm = /^([+-])(\d{2}):?(\d{2})?$/.exec(c.zone);
    if (!zm || Number(zm[2]) > 14 || Number(zm[3] ?? 0) > 59) return undefined;
    offsetMin = (zm[1] === '-' ? -1 : 1) * (Number(zm[2]) * 60 + Number(zm[3] ?? 0));
  }
  const t = Date.UTC(y, m - 1, d, h, mi, s, ms) - offsetMin * 60_000;
  return new Date(t).toISOString();
}

function fromEpoch(n: number): string | undefined {
  // Milliseconds from 1973 on; seconds from 1973 to 2286 (Socrata and Unix tools write seconds).
  const ms = n >= 1e11 ? n : n >= 1e8 && n < 1e10 ? n * 1000 : NaN;
  if (!Number.isFinite(ms) || ms >= 253402300800000) return undefined; // beyond year 9999
  return new Date(Math.round(ms)).toISOString();
}

function fromNumber(n: number): string | undefined {
  if (!Number.isFinite(n) || n < 0) return undefined;
  if (Number.isInteger(n) && n >= 1000 && n <= 9999) return period(n, undefined, 'start');
  return fromEpoch(n);
}

function readDigits(t: string, side: DateSide): string | undefined {
  if (t.length === 4) return period(Number(t), undefined, side);
  if (t.length === 8) return dateOnly(Number(t.slice(0, 4)), Number(t.slice(4, 6)), Number(t.slice(6, 8)));
  if (t.length >= 9 && t.length <= 13) return fromEpoch(Number(t));
  return undefined;
}

/** Most harvested dates are already ISO (CKAN's timestamps): read them without the clean-up chain. */
const PLAIN_ISO = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function readText(input: string, side: DateSide): string | undefined {
  if (PLAIN_ISO.test(input)) {
    const m = ISO.exec(input.toLowerCase());
    if (m) return dateTime(+m[1], +m[2], +m[3], { h: m[4], mi: m[5], s: m[6], frac: m[7], zone: m[8] });
  }
  let weekday: number | undefined;
  const t = foldAccents(input)
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\s*(utc|gmt)$/, 'z')
    .replace(/(\d)\s*(?:hrs?|hs|h)\.?$/, '$1')
    .replace(WEEKDAY, (_, long?: string, short?: string) => ((weekday = WEEKDAYS.get(long ?? short ?? '')), ''));
  if (/^\d+$/.test(t)) return readDigits(t, side);
  let m = ISO.exec(t);
  if (m) return dateTime(+m[1], +m[2], +m[3], { h: m[4], mi: m[5], s: m[6], frac: m[7], zone: m[8] });
  if ((m = YEAR_MONTH.exec(t))) return period(+m[1], +m[2], side);
  if ((m = YEAR_FIRST.exec(t))) return dateTime(+m[1], +m[2], +m[3], clock(m, 4));
  if ((m = DAY_FIRST.exec(t))) {
    const [day, month] = dayAndMonth(+m[1], +m[2], +m[3], weekday);
    return dateTime(+m[3], month, day, clock(m, 4));
  }
  if ((m = MONTH_YEAR_NUMERIC.exec(t))) return period(+m[2], +m[1], side);
  let month: number | undefined;
  if ((m = DAY_NAME_YEAR.exec(t)) && (month = MONTHS.get(m[2]))) return dateTime(+m[3], month, +m[1], clock(m, 4));
  if ((m = NAME_DAY_YEAR.exec(t)) && (month = MONTHS.get(m[1]))) return dateTime(+m[3], month, +m[2], clock(m, 4));
  if ((m = NAME_YEAR.exec(t)) && (month = MONTHS.get(m[1]))) return period(+m[2], month, side);
  return undefined;
}

/**
 * The day and month of `a/b/year`: day first, unless only month first is possible, or a declared
 * weekday fits month first and not day first.
 */
function dayAndMonth(a: number, b: number, year: number, weekday: number | undefined): [number, number] {
  if (a <= 12 && b > 12) return [b, a];
  const fits = (day: number, month: number) => validDate(year, month, day) && new Date(Date.UTC(year, month - 1, day)).getUTCDay() === weekday;
  if (weekday !== undefined && a <= 12 && b <= 12 && fits(b, a) && !fits(a, b)) return [b, a];
  return [a, b];
}

function clock(m: RegExpExecArray, at: number): Clock {
  return { h: m[at], mi: m[at + 1], s: m[at + 2], frac: m[at + 3], ampm: m[at + 4]?.replace(/[.\s]/g, '') };
}

/**
 * Reads one declared date. The raw value is always kept (as a string); `value` is set only when
 * it parsed. `side` says which end of a month or year a reduced date stands for.
 */
export function parseDate(raw: string | number | null | undefined, side: DateSide = 'start'): DateValue {
  if (raw === null || raw === undefined) return {};
  if (typeof raw === 'number') {
    const value = fromNumber(raw);
    return value === undefined ? { raw: String(raw) } : { value, raw: String(raw) };
  }
  if (typeof raw !== 'string') return {};
  const value = raw.length <= 100 ? readText(raw, side) : undefined;
  return value === undefined ? { raw } : { value, raw };
}

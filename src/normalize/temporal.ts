/**
 * Temporal coverage written as one string: ISO intervals (`2015-01-01/2019-12-31`, Argentina's
 * `start/end`), ranges in words ("enero 2019 a diciembre 2019", "01/01/2019 al 31/12/2019",
 * "2015 - 2019", "2015-2019") and a single period ("2019": the whole year).
 */
import type { DateValue, Temporal } from '../dcat/types.js';
import { parseDate } from './dates.js';

const WORD_RANGE = /\s+(?:-|–|—|a|al|hasta|to|until)\s+/i;
const YEAR_RANGE = /^(\d{4})\s*[-–—]\s*(\d{4})$/;
const OPEN_START = /^(?:desde|since|from)\s+/i;
const OPEN_END = /^(?:\.\.|presente|actualidad|la fecha|hoy|present|now|actual)$/i;

const parsedOrUndefined = (d: DateValue): DateValue | undefined => (d.value === undefined ? undefined : d);

function range(startRaw: string, endRaw: string): Pick<Temporal, 'start' | 'end'> | undefined {
  const s = startRaw.trim();
  const e = endRaw.trim();
  const start = s === '' || OPEN_END.test(s) ? undefined : parsedOrUndefined(parseDate(s, 'start'));
  const end = e === '' || OPEN_END.test(e) ? undefined : parsedOrUndefined(parseDate(e, 'end'));
  // Both sides must read (or be declared open): half a reading of a range is a misreading.
  const startOk = start !== undefined || s === '' || OPEN_END.test(s);
  const endOk = end !== undefined || e === '' || OPEN_END.test(e);
  if (!startOk || !endOk || (start === undefined && end === undefined)) return undefined;
  return { ...(start && { start }), ...(end && { end }) };
}

/** Reads a coverage string into start and end; both absent when it does not read. */
export function parseInterval(raw: string): Pick<Temporal, 'start' | 'end'> {
  const t = raw.trim().replace(OPEN_START, '');
  if (t === '' || t.length > 200) return {};
  const years = YEAR_RANGE.exec(t);
  if (years) return range(years[1], years[2]) ?? {};
  const slash = t.split('/');
  if (slash.length === 2) {
    const r = range(slash[0], slash[1]);
    if (r) return r;
  }
  const words = t.split(WORD_RANGE);
  if (words.length === 2) {
    const r = range(words[0], words[1]);
    if (r) return r;
  }
  if (OPEN_START.test(raw.trim())) return range(t, '') ?? {};
  // One period stands for all of itself: "2019" covers 2019-01-01 to 2019-12-31.
  const start = parseDate(t, 'start');
  const end = parseDate(t, 'end');
  return start.value === undefined || end.value === undefined ? {} : { start, end };
}

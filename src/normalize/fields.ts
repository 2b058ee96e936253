/**
 * Small field cleaners shared by the dataset and distribution normalizers. Each returns
 * undefined for a value that is absent, blank or a placeholder, so callers never store "n/a".
 */
import type { DateValue } from '../dcat/types.js';
import { parseDate, type DateSide } from './dates.js';
import { cleanText, present } from './text.js';

/** One line of clean text (titles, names, identifiers). */
export function line(s: string | null | undefined): string | undefined {
  const t = cleanText(s);
  return present(t) ? t : undefined;
}

/** An identifier: compared, never displayed, so only trimmed (and dropped when a placeholder). */
export function identifier(s: string | null | undefined): string | undefined {
  return present(s) ? s.trim() : undefined;
}

/** Clean text that keeps its paragraphs (descriptions, rights statements). */
export function paragraphs(s: string | null | undefined): string | undefined {
  const t = cleanText(s, { multiline: true });
  return present(t) ? t : undefined;
}

/**
 * A URL, trimmed and otherwise as declared: a URL with spaces or without a host is a finding of
 * the link checker (`broken`), not something to repair silently here.
 */
export function url(s: string | null | undefined): string | undefined {
  return present(s) ? s.trim() : undefined;
}

/** An e-mail address without a `mailto:` prefix. */
export function email(s: string | null | undefined): string | undefined {
  return present(s) ? s.trim().replace(/^mailto:/i, '').trim() || undefined : undefined;
}

/** A declared date read into ISO; undefined when nothing was declared. */
export function date(d: DateValue | undefined, side: DateSide = 'start'): DateValue | undefined {
  if (!d) return undefined;
  const declared = d.raw ?? d.value;
  if (!present(declared)) return undefined;
  return parseDate(declared, side);
}

/** The first declared value of a vocabulary field: the source's raw text, else a code it gave. */
export function declared(c: { raw?: string; code?: string } | undefined): string | undefined {
  if (present(c?.raw)) return c.raw;
  return present(c?.code) ? c.code : undefined;
}

/** Distinct present strings, first spelling kept, compared case-insensitively. */
export function distinctLines(values: readonly (string | null | undefined)[] | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values ?? []) {
    const t = line(v);
    if (t === undefined) continue;
    const key = t.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}

/** The object without its undefined properties: stored records and golden tests stay exact. */
export function compact<T extends object>(o: T): T {
  const out = {} as T;
  for (const k of Object.keys(o) as (keyof T)[]) {
    if (o[k] !== undefined) out[k] = o[k];
  }
  return out;
}

/** The object, or undefined when compacting leaves it empty. */
export function compactOrUndefined<T extends object>(o: T): T | undefined {
  const c = compact(o);
  return Object.keys(c).length === 0 ? undefined : c;
}

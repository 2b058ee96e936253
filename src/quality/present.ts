/**
 * "Present" as QUALITY.md defines it: non-empty after trimming and not a placeholder.
 * Normalization drops placeholders too, but scoring must give the same answer on a record that
 * skipped normalization (a rescore of old data, a hand-made test record), so it checks again.
 */
import { memoize } from './memo.js';
import type { Agent, Coded, ContactPoint, Dataset, DateValue, License } from '../dcat/types.js';

/** Placeholders seen in Latin American portals, compared after folding case and accents. */
const PLACEHOLDERS = new Set([
  '-', '--', '---', '.', '..', '...', '_', '?', '/',
  'n/a', 'n.a.', 'na', 'n/d', 'nd', 's/d', 's/i', 'null', 'nil', 'nan', 'none', 'undefined', 'tbd',
  'sin informacion', 'sin info', 'sin dato', 'sin datos', 'no aplica', 'no disponible',
  'no definido', 'no especificado', 'ninguno', 'ninguna', 'desconocido', 'pendiente',
  'not available', 'not applicable',
]);

/** Lower case without accents, inner whitespace collapsed: how placeholders are compared. */
export const fold = memoize((text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim(),
);

/** Longer than any placeholder even with spaces and accents: such a string needs no folding. */
const LONGEST_PLACEHOLDER = 40;

/** True for a string with real content (not blank, not a placeholder such as "N/A" or "Sin información"). */
export function present(value: string | undefined | null): value is string {
  if (typeof value !== 'string') return false;
  if (value.length > LONGEST_PLACEHOLDER && value.trim().length > LONGEST_PLACEHOLDER) return true;
  // No placeholder has a digit: dates, sizes and codes need no folding.
  if (/\d/.test(value)) return true;
  const folded = fold(value);
  return folded !== '' && !PLACEHOLDERS.has(folded);
}

/** A vocabulary value counts when its code or its declared raw value is present. */
export function presentCoded(value: Coded | undefined): boolean {
  return value !== undefined && (present(value.code) || present(value.raw));
}

/** A date counts as declared when it was read or at least stated (well-formedness is Q3's job). */
export function presentDate(value: DateValue | undefined): boolean {
  return value !== undefined && (present(value.value) || present(value.raw));
}

/** A licence counts when anything identifies it: canonical id, declared id/name, URL or title. */
export function presentLicense(value: License | undefined): boolean {
  return (
    value !== undefined &&
    (present(value.id) || present(value.raw) || present(value.url) || present(value.title))
  );
}

/** The strings of a list that are present. */
export function presentItems(values: readonly (string | undefined)[] | undefined): string[] {
  return (values ?? []).filter((v): v is string => present(v));
}

/** A byte size that is a number at all and not negative (C2; DCAT-AP's integer rule is I6's). */
export function validByteSize(size: number | undefined): boolean {
  return typeof size === 'number' && Number.isFinite(size) && size >= 0;
}

/** An agent counts when anything identifies it; its name is a separate, mandatory question. */
export function hasAgent(a: Agent | undefined): a is Agent {
  return a !== undefined && [a.name, a.id, a.uri, a.email].some(present);
}

/** A contact point counts when it has a name, an e-mail or a URL. */
export function hasContact(c: ContactPoint | undefined): c is ContactPoint {
  return c !== undefined && [c.name, c.email, c.url].some(present);
}

/** Spatial coverage counts as a place name, a URI or a bounding box. */
export function hasSpatial(d: Dataset): boolean {
  const s = d.spatial;
  return s !== undefined && (present(s.label) || present(s.uri) || (s.bbox?.every(Number.isFinite) ?? false));
}

/**
 * Message catalogs: one object per language with the same keys, Spanish the reference. A message
 * is a string or a function of its values (plurals, counts). `en` must have every key of `es`:
 * the type checker refuses a catalog that forgets one.
 */
import type { Lang } from './lang.js';

type Message = string | ((...values: never[]) => string);
type Widened<T> = { [K in keyof T]: T[K] extends string ? string : T[K] };

export function defineMessages<T extends Record<string, Message>>(es: T, en: Widened<T>): Record<Lang, Widened<T>> {
  return { es: es as unknown as Widened<T>, en };
}

/** Numbers as the page's language writes them (Latin American Spanish, es-419, groups thousands with a comma too). */
export function formatNumber(lang: Lang, value: number, digits = 0): string {
  return formatter(`${lang}:${digits}`, () => new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits, minimumFractionDigits: 0 })).format(value);
}

export function formatPercent(lang: Lang, share: number): string {
  return formatter(`${lang}:%`, () => new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 0 })).format(share);
}

/** "+12,3", "−4", "0": a change with its sign, to a tenth. */
export function formatSigned(lang: Lang, value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${formatNumber(lang, Math.abs(rounded), 1)}`;
}

const LOCALES: Record<Lang, string> = { es: 'es-419', en: 'en' };

/** Formatters are costly to build (a third of a millisecond each) and a page formats hundreds of figures. */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => F): F {
  let kept = formatters.get(key) as F | undefined;
  if (!kept) formatters.set(key, (kept = build()));
  return kept;
}

/** A date (ISO string) as a person reads it: "7 dic 2026". */
export function formatDate(lang: Lang, iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(`${lang}:date`, () => new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })).format(date);
}

/** A date and time (ISO string), in UTC. */
export function formatDateTime(lang: Lang, iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${formatter(`${lang}:time`, () => new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })).format(date)} UTC`;
}

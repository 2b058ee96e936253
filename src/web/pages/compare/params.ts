/**
 * What `/comparar` was asked: `?portal=a&portal=b` (at most MAX_COMPARED), or `?country=EC&level=municipal`
 * (either may be empty: the form's "all" options). A bad value is a BadRequestError in the page's
 * language, shown on the 400 page.
 */
import { BadRequestError } from '../../../errors.js';
import { LEVELS, type ComparisonFilter } from '../../../../reports/index.js';
import type { Level } from '../../../dcat/types.js';
import type { Lang } from '../../i18n/lang.js';
import { messages } from './messages.js';

/** Portals one comparison may name, as /api/compare allows. */
export const MAX_COMPARED = 50;

export function compareQuery(query: Record<string, unknown>, lang: Lang): ComparisonFilter {
  const t = messages[lang];
  const portals = many(query.portal, 'portal', lang);
  if (portals.length > MAX_COMPARED) throw new BadRequestError(t.tooMany(MAX_COMPARED));
  const country = once(query.country, 'country', lang)?.toUpperCase();
  const level = once(query.level, 'level', lang);
  if (portals.length > 0 && (country || level)) throw new BadRequestError(t.notBoth);
  if (country && !/^[A-Z]{2}$/.test(country)) throw new BadRequestError(t.badCountry(country));
  if (level && !(LEVELS as readonly string[]).includes(level)) throw new BadRequestError(t.badLevel(level));
  return { ...(portals.length > 0 && { portals }), ...(country && { country }), ...(level && { level: level as Level }) };
}

function once(value: unknown, name: string, lang: Lang): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 200) throw new BadRequestError(messages[lang].once(name));
  return value.trim() || undefined;
}

function many(value: unknown, name: string, lang: Lang): string[] {
  const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
  if (!values.every((v): v is string => typeof v === 'string' && v.length <= 200)) throw new BadRequestError(messages[lang].badParam(name));
  return [...new Set(values.filter((v) => v !== ''))];
}

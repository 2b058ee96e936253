/**
 * Every code a page shows, by its label in the page's language: themes and licences from their
 * vocabularies, countries from the platform's own CLDR names (Intl.DisplayNames), indicators
 * from the scorer's table, the rest from code-labels.ts. A code nobody has named yet is shown as
 * it is rather than hidden: a harvested theme label, a licence a portal wrote in its own words.
 */
import type { Lang } from './lang.js';
import { themeByCode } from '../../dcat/vocabularies/themes.js';
import { licenseById } from '../../dcat/vocabularies/licenses.js';
import { INDICATORS } from '../../quality/indicators.js';
import type { Bilingual } from '../../quality/explanations.js';
import * as codes from './code-labels.js';

const INDICATOR_TITLES: ReadonlyMap<string, Bilingual> = new Map(INDICATORS.map((i) => [i.id, i.title]));
const COUNTRY_NAMES = { es: new Intl.DisplayNames(['es'], { type: 'region' }), en: new Intl.DisplayNames(['en'], { type: 'region' }) };

function from(table: Readonly<Record<string, Bilingual>>) {
  return (lang: Lang, code: string | undefined): string => (code !== undefined && Object.hasOwn(table, code) ? table[code][lang] : (code ?? ''));
}

export const ratingLabel = from(codes.RATINGS);
export const freshnessLabel = from(codes.FRESHNESS);
export const linkStateLabel = from(codes.LINK_STATES);
export const levelLabel = from(codes.LEVELS);
export const dimensionLabel = from(codes.DIMENSIONS);
export const frequencyLabel = from(codes.FREQUENCIES);
export const runStatusLabel = from(codes.RUN_STATUSES);
export const runModeLabel = from(codes.RUN_MODES);
export const runErrorLabel = from(codes.RUN_ERRORS);

export function themeLabel(lang: Lang, code: string): string {
  return themeByCode(code)?.label[lang] ?? code;
}

export function licenseLabel(lang: Lang, id: string | undefined): string {
  if (id === undefined) return '';
  return licenseById(id)?.name[lang] ?? from(codes.LICENSE_CATEGORIES)(lang, id);
}

export function formatLabel(lang: Lang, code: string): string {
  return from(codes.FORMAT_NAMES)(lang, code);
}

export function countryLabel(lang: Lang, code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  try {
    return COUNTRY_NAMES[lang].of(code) ?? code;
  } catch {
    return code;
  }
}

export function indicatorLabel(lang: Lang, id: string): string {
  return INDICATOR_TITLES.get(id)?.[lang] ?? id;
}

/** The label of a search facet's value, by facet. */
export function facetValueLabel(lang: Lang, facet: string, value: string): string {
  switch (facet) {
    case 'country': return countryLabel(lang, value);
    case 'level': return levelLabel(lang, value);
    case 'theme': return themeLabel(lang, value);
    case 'format': return formatLabel(lang, value);
    case 'license': return licenseLabel(lang, value);
    case 'rating': return ratingLabel(lang, value);
    default: return value;
  }
}

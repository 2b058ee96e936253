/**
 * The search page's address read as a store query: every bad value is a BadRequestError whose
 * message, in the page's language, is what the 400 page says.
 */
import { BadRequestError } from '../../../errors.js';
import { FACET_NAMES, SEARCH_SORTS, type FacetName, type SearchSort } from '../../../store/store.js';
import { formatNumber } from '../../i18n/define.js';
import type { Lang } from '../../i18n/lang.js';
import { messages } from './messages.js';
import { RATINGS } from '../../../quality/types.js';
import { LEVELS } from '../../../dcat/types.js';

export const PAGE_SIZE = 20;
/** Deeper than this nobody reads; the store would refuse it in English. */
export const MAX_PAGE = 10_000;
const MAX_TEXT = 200;

export interface SearchParams {
  q?: string;
  /** The active filters in FACET_NAMES order. */
  filters: [FacetName, string][];
  page: number;
  sort: SearchSort;
}

export function readSearchParams(query: Record<string, unknown>, lang: Lang): SearchParams {
  const t = messages[lang];
  const q = text(query, 'q', lang)?.trim() || undefined;
  const filters: [FacetName, string][] = [];
  for (const name of FACET_NAMES) {
    const value = text(query, name, lang);
    if (value !== undefined) filters.push([name, checkFilter(name, value, lang)]);
  }
  const pageText = text(query, 'page', lang);
  const page = pageText === undefined ? 1 : Number(pageText);
  if (pageText !== undefined && (!/^\d{1,6}$/.test(pageText) || page < 1 || page > MAX_PAGE)) {
    throw new BadRequestError(t.badPage(pageText, formatNumber(lang, MAX_PAGE)));
  }
  const sortText = text(query, 'sort', lang) ?? 'relevance';
  if (!(SEARCH_SORTS as readonly string[]).includes(sortText)) throw new BadRequestError(t.badSort(sortText));
  return { q, filters, page, sort: sortText as SearchSort };
}

/** The query's parameters as an address's query string (no page: a new listing starts at its first). */
export function queryString(params: Pick<SearchParams, 'q' | 'filters' | 'sort'>, extra: Record<string, string> = {}): string {
  const search = new URLSearchParams();
  if (params.q) search.set('q', params.q);
  for (const [name, value] of params.filters) search.set(name, value);
  if (params.sort !== 'relevance') search.set('sort', params.sort);
  for (const [name, value] of Object.entries(extra)) search.set(name, value);
  return search.toString();
}

function text(query: Record<string, unknown>, name: string, lang: Lang): string | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || value.length > MAX_TEXT) throw new BadRequestError(messages[lang].badParam(name));
  return value;
}

function checkFilter(name: FacetName, value: string, lang: Lang): string {
  const t = messages[lang];
  if (name === 'level' && !(LEVELS as readonly string[]).includes(value)) throw new BadRequestError(t.badLevel(value));
  if (name === 'rating' && !(RATINGS as readonly string[]).includes(value)) throw new BadRequestError(t.badRating(value));
  if (name === 'country') {
    if (!/^[a-z]{2}$/i.test(value)) throw new BadRequestError(t.badCountry(value));
    return value.toUpperCase();
  }
  return value;
}

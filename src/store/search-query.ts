/** Checks a SearchQuery and fills its defaults; bad values are the caller's fault (BadRequestError). */
import { BadRequestError } from '../errors.js';
import { FACET_NAMES, SEARCH_SORTS, type FacetName, type SearchQuery, type SearchSort } from './store.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
/** Deeper paging than this is refused rather than computed: nobody reads page a million. */
export const MAX_PAGE = 1_000_000;

export interface CheckedQuery {
  text?: string;
  filters: [FacetName, string][];
  page: number;
  limit: number;
  sort: SearchSort;
}

export function checkSearchQuery(query: SearchQuery): CheckedQuery {
  const page = query.page ?? 1;
  const limit = query.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE) {
    throw new BadRequestError(`page must be a whole number from 1 to ${MAX_PAGE}, not ${String(query.page)}.`);
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new BadRequestError(`limit must be a whole number from 1 to ${MAX_LIMIT}, not ${String(query.limit)}.`);
  }
  if (query.q !== undefined && typeof query.q !== 'string') throw new BadRequestError('q must be text.');
  return { text: query.q, filters: checkFilters(query.filters), page, limit, sort: checkSort(query.sort) };
}

/** No sort (or an empty one, as an empty filter is no filter) is relevance. */
function checkSort(sort: unknown): SearchSort {
  if (sort === undefined || sort === '') return 'relevance';
  if (isSearchSort(sort)) return sort;
  throw new BadRequestError(`sort must be one of ${SEARCH_SORTS.join(', ')}, not "${String(sort)}".`);
}

function checkFilters(filters: SearchQuery['filters']): [FacetName, string][] {
  if (filters === undefined) return [];
  if (typeof filters !== 'object' || filters === null) throw new BadRequestError('filters must be an object of facet values.');
  const checked: [FacetName, string][] = [];
  for (const [name, value] of Object.entries(filters)) {
    if (!isFacetName(name)) throw new BadRequestError(`Unknown facet "${name}"; use one of ${FACET_NAMES.join(', ')}.`);
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string') throw new BadRequestError(`The ${name} filter must be text.`);
    checked.push([name, value]);
  }
  return checked;
}

function isFacetName(name: string): name is FacetName {
  return (FACET_NAMES as readonly string[]).includes(name);
}

function isSearchSort(sort: unknown): sort is SearchSort {
  return (SEARCH_SORTS as readonly unknown[]).includes(sort);
}

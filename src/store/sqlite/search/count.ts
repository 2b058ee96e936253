/**
 * What a search shows and counts, from the in-memory index: one pass over the candidates of the
 * query (its text hits, or the datasets holding its rarest filter value), then, for each filtered
 * facet, one pass over the candidates of the query without that filter, since a facet is counted
 * without its own filter (its other values stay selectable). Without a portal filter a cluster
 * counts and shows once, as the first of its members (origin before copies, then first stored)
 * that the query matches. The portal facet counts every record a portal lists, its copies of
 * other portals' datasets too: a portal's count is what its filter shows.
 */
import { FACET_NAMES, type FacetName, type SearchResult } from '../../store.js';
import { ACTIVE, COLUMN_FACETS, type ColumnFacet, type ListFacet, type SearchIndex } from './facet-index.js';

export const FACET_LIMIT = 20;

export interface Counted {
  total: number;
  facets: SearchResult['facets'];
  /** The datasets shown, in page order. */
  shown: Int32Array;
}

/** Where a query's candidates come from. */
export interface Candidates {
  /** The datasets to look at for these filters, in page order: a superset of those that pass them. */
  of(filters: [FacetName, string][]): Int32Array;
  /** Whether a dataset is a candidate at all (a cluster's other members count only if they are). */
  has(pk: number): boolean;
  /** The counts without text or filters, when the query has no text (kept by the caller). */
  everything?: () => Counted;
}

export function countQuery(index: SearchIndex, candidates: Candidates, filters: [FacetName, string][]): Counted {
  const filtered = new Set(filters.map(([facet]) => facet));
  const main = countPass(index, candidates, filters, FACET_NAMES.filter((facet) => !filtered.has(facet)));
  const facets = Object.fromEntries(FACET_NAMES.map((f) => [f, topValues(main.counts[f], index.dictionaries[f].values)])) as SearchResult['facets'];
  for (const [facet] of filters) {
    const others = filters.filter(([name]) => name !== facet);
    if (others.length === 0 && candidates.everything) facets[facet] = candidates.everything().facets[facet];
    else facets[facet] = topValues(countPass(index, candidates, others, [facet]).counts[facet], index.dictionaries[facet].values);
  }
  return { total: main.shown.length, facets, shown: main.shown };
}

/** The datasets among the candidates that pass every filter and show, in order, and their counts of `facets`. */
function countPass(index: SearchIndex, candidates: Candidates, filters: [FacetName, string][], facets: FacetName[]) {
  const tests = filters.map(([facet, value]) => filterTest(index, facet, value));
  const dedup = !filters.some(([facet]) => facet === 'portal');
  const passes = (pk: number) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i](pk)) return false;
    return true;
  };
  const { cluster, state } = index;
  const first = (pk: number): boolean => {
    for (const member of index.members(cluster[pk])) {
      if (member === pk) return true;
      if (candidates.has(member) && passes(member)) return false;
    }
    return true;
  };
  const counts = Object.fromEntries(FACET_NAMES.map((f) => [f, new Int32Array(index.dictionaries[f].values.length)])) as Record<FacetName, Int32Array>;
  // The portal facet counts every record that passes, shown or not: counted here, in the one pass.
  const portals = dedup && facets.includes('portal') ? counts.portal : undefined;
  const portalOf = index.columns.portal;
  const list = candidates.of(filters);
  const shown = new Int32Array(list.length);
  let total = 0;
  for (let k = 0; k < list.length; k++) {
    const pk = list[k];
    if (state[pk] !== ACTIVE || !passes(pk)) continue;
    if (portals && portalOf[pk] >= 0) portals[portalOf[pk]] += 1;
    if (!dedup || cluster[pk] === 0 || first(pk)) shown[total++] = pk;
  }
  const counted = shown.subarray(0, total);
  // Facet by facet, each a tight loop over one typed array: several times faster than all facets per dataset.
  for (const facet of facets) {
    if (facet === 'portal' && portals) continue;
    if (facet in COLUMN_FACETS) countColumn(index.columns[facet as ColumnFacet], counted, counts[facet]);
    else index.lists[facet as ListFacet].countAll(counted, counts[facet]);
  }
  return { counts, shown: counted };
}

function countColumn(codes: Int32Array, pks: Int32Array, counts: Int32Array): void {
  for (let k = 0; k < pks.length; k++) {
    const code = codes[pks[k]];
    if (code >= 0) counts[code] += 1;
  }
}

function filterTest(index: SearchIndex, facet: FacetName, value: string): (pk: number) => boolean {
  const code = index.dictionaries[facet].find(value) ?? -2;
  if (facet in COLUMN_FACETS) {
    const codes = index.columns[facet as ColumnFacet];
    return (pk) => codes[pk] === code;
  }
  const list = index.lists[facet as ListFacet];
  return (pk) => list.has(pk, code);
}

/** A facet's top FACET_LIMIT values: count descending, then value. */
function topValues(counts: Int32Array, values: string[]): { value: string; count: number }[] {
  const top: { value: string; count: number }[] = [];
  counts.forEach((count, code) => count > 0 && top.push({ value: values[code], count }));
  return top.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)).slice(0, FACET_LIMIT);
}

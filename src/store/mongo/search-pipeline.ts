/**
 * The aggregations behind search. The main one matches the active datasets with the text and every
 * filter (so the indexes on state, words and facet fields choose the documents), then one `$facet`
 * computes the page of ids, the total and the count of every facet without a filter. A facet that
 * has a filter is counted with every filter but its own, so its other values stay selectable (the
 * rule of the SQLite adapter): that takes one more small aggregation per filtered facet.
 * User input only ever travels as values (escaped in the one regex); field names come from code.
 */
import type { PipelineStage } from 'mongoose';
import { FACET_NAMES, type FacetName, type SearchSort } from '../store.js';
import { prefixPattern, type QueryWords } from './search-text.js';

/** Top values per facet, as in the SQLite adapter. */
export const FACET_LIMIT = 20;

/** Facets holding several values per dataset (an array field). */
const ARRAY_FACETS: ReadonlySet<FacetName> = new Set(['theme', 'format']);

/** How much a query word weighs when found in each field (the SQLite adapter's bm25 column weights). */
const WEIGHTS = { title: 10, keywords: 4, publisher: 2, anywhere: 1 } as const;

export interface SearchCriteria {
  words?: QueryWords;
  filters: [FacetName, string][];
}

/** What the main aggregation returns (one document), besides the unfiltered facets' counts. */
export interface MainOutput {
  page: { _id: string }[];
  total: { n: number }[];
}

export type FacetCounts = { value: string; count: number }[];

/** The facets counted in pipelines of their own (facetPipeline): the filtered ones, and the portal. */
export function apartFacets(criteria: SearchCriteria): FacetName[] {
  return [...new Set([...criteria.filters.map(([facet]) => facet), 'portal' as const])];
}

/** Which page of the matches, in which order. */
export interface PageSpec {
  sort: SearchSort;
  skip: number;
  limit: number;
}

export function mainPipeline(criteria: SearchCriteria, { sort, skip, limit }: PageSpec): PipelineStage[] {
  // Only relevance with text reads a rank; only the modified sort reads the date.
  const ranked = sort === 'relevance' ? criteria.words : undefined;
  const branches: Record<string, PipelineStage.FacetPipelineStage[]> = {
    page: [{ $sort: pageOrder(sort, ranked !== undefined) }, { $skip: skip }, { $limit: limit }, { $project: { _id: 1 } }],
    total: [{ $count: 'n' }],
  };
  const filtered = new Set(apartFacets(criteria));
  for (const facet of FACET_NAMES) if (!filtered.has(facet)) branches[facet] = countStages(facet);
  return [
    { $match: matchStage(criteria) },
    ...oncePerCluster(criteria),
    // Only what the branches read travels into $facet, never the record itself.
    {
      $project: {
        facets: 1,
        score: 1,
        title: 1,
        ...(ranked && { rank: rankExpression(ranked) }),
        // Absent when the record has no modified date: a descending sort puts those last.
        ...(sort === 'modified' && { modified: '$dataset.modified.value' }),
      },
    },
    { $facet: branches },
  ];
}

/**
 * The order of a sort (store.ts, SearchSort), as the SQLite adapter orders: the default order is
 * score descending, then title, then id; relevance with text puts the rank first, `modified` the
 * modified date (text, descending: ISO 8601 text order is time order).
 */
function pageOrder(sort: SearchSort, ranked: boolean): Record<string, 1 | -1> {
  const byDefault = { score: -1, title: 1, _id: 1 } as const;
  if (sort === 'modified') return { modified: -1, ...byDefault };
  return ranked ? { rank: -1, ...byDefault } : byDefault;
}

/**
 * The counts of a facet counted apart: one that has a filter (everything matched as in the main
 * pipeline but that filter), and always the portal facet, which counts every record a portal
 * lists, its copies of other portals' datasets too: a portal's count is what its filter shows.
 */
export function facetPipeline(criteria: SearchCriteria, facet: FacetName): PipelineStage[] {
  const once = facet === 'portal' ? [] : oncePerCluster(criteria, facet);
  return [{ $match: matchStage(criteria, facet) }, ...once, { $project: { facets: 1 } }, ...countStages(facet)];
}

/**
 * Without a portal filter a cluster shows once: among the matches, the origin before copies, then
 * the first stored, as in the SQLite adapter and in recluster's order. Needs MongoDB 5.0
 * ($setWindowFields); unclustered datasets are each their own partition.
 */
function oncePerCluster(criteria: SearchCriteria, except?: FacetName): PipelineStage[] {
  if (criteria.filters.some(([facet]) => facet === 'portal' && facet !== except)) return [];
  return [
    {
      $setWindowFields: {
        partitionBy: { $ifNull: ['$cluster', '$_id'] },
        sortBy: { copy: 1, firstSeen: 1, _id: 1 },
        output: { clusterRank: { $documentNumber: {} } },
      },
    },
    { $match: { clusterRank: 1 } },
  ];
}

/** Active, with every query word (the last may be the start of a word), and every filter but `except`'s. */
function matchStage(criteria: SearchCriteria, except?: FacetName): Record<string, unknown> {
  const match: Record<string, unknown> = { state: 'active' };
  const { words } = criteria;
  if (words) {
    match.$and = [
      ...words.whole.map((word) => ({ 'words.all': word })),
      { 'words.all': { $regex: prefixPattern(words.prefix) } },
    ];
  }
  for (const [facet, value] of criteria.filters) if (facet !== except) match[`facets.${facet}`] = value;
  return match;
}

/** The top values of one facet: count descending, then value. */
function countStages(facet: FacetName): PipelineStage.FacetPipelineStage[] {
  const path = `facets.${facet}`;
  return [
    ...(ARRAY_FACETS.has(facet) ? [{ $unwind: `$${path}` }] : [{ $match: { [path]: { $ne: null } } }]),
    { $group: { _id: `$${path}`, count: { $sum: 1 } } },
    { $sort: { count: -1, _id: 1 } },
    { $limit: FACET_LIMIT },
    { $project: { _id: 0, value: '$_id', count: 1 } },
  ];
}

/** Relevance: per query word, points for each field it is found in; the higher the better. */
function rankExpression(words: QueryWords): Record<string, unknown> {
  return { $add: [...words.whole.map((word) => wordWeight(word, false)), wordWeight(words.prefix, true)] };
}

function wordWeight(word: string, prefix: boolean): Record<string, unknown> {
  const found = (field: 'title' | 'keywords' | 'publisher') => {
    const list = { $ifNull: [`$words.${field}`, []] };
    if (!prefix) return { $in: [word, list] };
    const regex = prefixPattern(word);
    return { $anyElementTrue: [{ $map: { input: list, as: 'w', in: { $regexMatch: { input: '$$w', regex } } } }] };
  };
  return {
    $add: [
      { $cond: [found('title'), WEIGHTS.title, 0] },
      { $cond: [found('keywords'), WEIGHTS.keywords, 0] },
      { $cond: [found('publisher'), WEIGHTS.publisher, 0] },
      WEIGHTS.anywhere,
    ],
  };
}

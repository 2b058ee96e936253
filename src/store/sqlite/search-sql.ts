/**
 * SQL for search. A query's matching datasets are either every active dataset, or a set written
 * once into a scratch table of the connection (`temp.search_hits_<n>`: dataset pk and bm25 rank);
 * the page and each facet count then read that set instead of repeating the text match and the
 * filters. Values always travel as parameters; only known names are spliced into SQL.
 */
import type { FacetName } from '../store.js';

export interface Clause {
  sql: string;
  params: (string | number)[];
}

export interface SearchCriteria {
  /** FTS5 MATCH expression (already made safe), if any. */
  match?: string;
  filters: [FacetName, string][];
}

/** A cluster's members other than the one it is shown as (its origin, else its first stored): hidden when a search shows clusters once. */
const DUPLICATE = 'd.cluster IS NOT NULL AND d.cluster <> d.pk';

/** The clustered datasets alone, through their partial index (a facet index would walk every dataset). */
const CLUSTERED = 'datasets d INDEXED BY datasets_by_cluster';

export const DUPLICATE_COUNT = `SELECT count(*) FROM ${CLUSTERED} WHERE d.state = 'active' AND ${DUPLICATE}`;

/**
 * Keeps one hit per cluster: among the hits, the origin before copies, then the first stored. It
 * walks the clustered datasets (a partial index: few rows) and probes the hits, never the other way round.
 */
export function dedupHitsSql(table: string): string {
  return `DELETE FROM ${table} WHERE pk IN (
    SELECT d.pk FROM ${CLUSTERED} CROSS JOIN ${table} h ON h.pk = d.pk
    WHERE d.cluster IS NOT NULL AND EXISTS (
      SELECT 1 FROM datasets o JOIN ${table} x ON x.pk = o.pk WHERE o.cluster = d.cluster AND (o.copy, o.pk) < (d.copy, d.pk)))`;
}

/** The other portals listing the clusters of a page: (cluster, portal) of every active member. */
export function clusterPortalsSql(count: number): string {
  return `SELECT cluster, portal_id FROM datasets WHERE state = 'active' AND cluster IN (${Array(count).fill('?').join(', ')})`;
}

/** The datasets a query matches: all active ones, or the `size` rows of scratch table `table`. */
export type ResultSet = { kind: 'all' } | { kind: 'hits'; table: string; size: number };

/**
 * Up to this many hits, queries start from the hits and look each dataset up (cost grows with the
 * hits); above, they scan a covering index once and probe the hits (cost grows with the catalog).
 */
const SMALL_SET = 10_000;

/** Facets kept as a column of `datasets`, with the index covering it over the active datasets (schema.ts). */
const FACET_COLUMNS: Partial<Record<FacetName, { column: string; index: string }>> = {
  portal: { column: 'portal_id', index: 'datasets_by_portal' },
  country: { column: 'country', index: 'datasets_by_country' },
  level: { column: 'level', index: 'datasets_by_level' },
  publisher: { column: 'publisher', index: 'datasets_by_publisher' },
  license: { column: 'license', index: 'datasets_by_license' },
  rating: { column: 'rating', index: 'datasets_by_rating' },
};
/** The facets kept as a column, in one order: a set of hits is counted by all of them in one pass. */
export const COLUMN_FACETS = Object.keys(FACET_COLUMNS) as FacetName[];

/** Every column facet's value of each hit (COLUMN_FACETS order): one pass instead of a scan per facet. */
export function hitColumnsSql(table: string): string {
  const columns = COLUMN_FACETS.map((facet) => `d.${FACET_COLUMNS[facet]?.column}`).join(', ');
  return `SELECT ${columns} FROM ${table} h CROSS JOIN datasets d WHERE d.pk = h.pk AND d.state = 'active'`;
}

/** Facets kept in a side table of (dataset_pk, value), active datasets only. */
const FACET_TABLES: Partial<Record<FacetName, string>> = { theme: 'dataset_themes', format: 'dataset_formats' };

export const FACET_LIMIT = 20;

/** bm25 weights of title, description, keywords, publisher: a word in the title counts most. */
const RANK = 'bm25(datasets_fts, 10.0, 1.0, 4.0, 2.0)';

export const ACTIVE_COUNT = `SELECT count(*) FROM datasets WHERE state = 'active'`;

/** Scratch table `n`: rowid = dataset pk, so probing it is a rowid lookup; rank-ordered for the page. */
export function createHitsSql(n: number): string {
  return `CREATE TEMP TABLE IF NOT EXISTS search_hits_${n} (pk INTEGER PRIMARY KEY, rank REAL NOT NULL);
    CREATE INDEX IF NOT EXISTS temp.search_hits_${n}_by_rank ON search_hits_${n} (rank)`;
}

export function hitsTable(n: number): string {
  return `temp.search_hits_${n}`;
}

/** Writes the datasets matching `criteria` into `table`, with their text rank when `ranked`. */
export function fillHitsSql(criteria: SearchCriteria, table: string, ranked: boolean): Clause {
  const filters = filterClause(criteria.filters);
  if (criteria.match === undefined) {
    return { sql: `INSERT INTO ${table} SELECT d.pk, 0 FROM datasets d WHERE ${filters.sql}`, params: filters.params };
  }
  const rank = ranked ? RANK : '0';
  // The full-text index holds active datasets only: without filters it needs no join.
  if (criteria.filters.length === 0) {
    return { sql: `INSERT INTO ${table} SELECT rowid, ${rank} FROM datasets_fts WHERE datasets_fts MATCH ?`, params: [criteria.match] };
  }
  return {
    sql: `INSERT INTO ${table} SELECT f.rowid, ${rank}
          FROM datasets_fts f JOIN datasets d ON d.pk = f.rowid WHERE datasets_fts MATCH ? AND ${filters.sql}`,
    params: [criteria.match, ...filters.params],
  };
}

/** Active datasets passing every filter. */
function filterClause(filters: [FacetName, string][]): Clause {
  const conditions = [`d.state = 'active'`];
  for (const [facet] of filters) {
    const column = FACET_COLUMNS[facet]?.column;
    conditions.push(column ? `d.${column} = ?` : `d.pk IN (SELECT dataset_pk FROM ${FACET_TABLES[facet]} WHERE value = ?)`);
  }
  return { sql: conditions.join(' AND '), params: filters.map(([, value]) => value) };
}

/** Columns a page of results needs to build summaries. */
const PAGE_COLUMNS = 'r.record, d.country, d.level, d.score, d.mqa, d.rating, d.cluster';

/**
 * One page (LIMIT and OFFSET are the two parameters): best text match first, then best score, then
 * title. The order is settled on keys alone and the records joined for the page's rows only, so
 * the documents never pass through the sort.
 */
export function pageSql(set: ResultSet, dedup: boolean): string {
  const order = 'd.score DESC, d.title, d.id';
  const page =
    set.kind === 'all'
      ? `SELECT d.pk, 0 AS rank FROM datasets d WHERE d.state = 'active' ${dedup ? `AND NOT (${DUPLICATE})` : ''} ORDER BY ${order} LIMIT ? OFFSET ?`
      : // Walks the hits in rank order (an index), so a first page does not sort every hit.
        `SELECT h.pk, h.rank FROM ${set.table} h CROSS JOIN datasets d WHERE d.pk = h.pk ORDER BY h.rank, ${order} LIMIT ? OFFSET ?`;
  return `SELECT ${PAGE_COLUMNS} FROM (${page}) p CROSS JOIN datasets d ON d.pk = p.pk JOIN dataset_documents r ON r.dataset_pk = d.pk
          ORDER BY p.rank, ${order}`;
}

/**
 * Top values of one facet over the set, count descending then value. CROSS JOIN fixes the loop
 * order (SQLite never reorders it) and INDEXED BY the index: the planner has no statistics for
 * the scratch tables.
 */
export function facetSql(facet: FacetName, set: ResultSet, limit = FACET_LIMIT): string {
  const order = `GROUP BY value ORDER BY count DESC, value LIMIT ${limit}`;
  const column = FACET_COLUMNS[facet];
  if (column) {
    const select = `SELECT d.${column.column} AS value, count(*) AS count`;
    const present = `d.state = 'active' AND d.${column.column} IS NOT NULL`;
    if (set.kind === 'all') return `${select} FROM datasets d INDEXED BY ${column.index} WHERE ${present} ${order}`;
    return set.size <= SMALL_SET
      ? `${select} FROM ${set.table} h CROSS JOIN datasets d WHERE d.pk = h.pk AND ${present} ${order}`
      : `${select} FROM datasets d INDEXED BY ${column.index} CROSS JOIN ${set.table} h WHERE h.pk = d.pk AND ${present} ${order}`;
  }
  const table = FACET_TABLES[facet] as string;
  const select = 'SELECT s.value AS value, count(*) AS count';
  if (set.kind === 'all') return `${select} FROM ${table} s ${order}`;
  return set.size <= SMALL_SET
    ? `${select} FROM ${set.table} h CROSS JOIN ${table} s WHERE s.dataset_pk = h.pk ${order}`
    : `${select} FROM ${table} s INDEXED BY ${table}_by_value CROSS JOIN ${set.table} h WHERE h.pk = s.dataset_pk ${order}`;
}

/** Counts of one facet over the duplicates alone (few rows): subtracted from a count over all. */
export function duplicateFacetSql(facet: FacetName): string {
  const column = FACET_COLUMNS[facet];
  if (column) {
    return `SELECT d.${column.column} AS value, count(*) AS count FROM ${CLUSTERED}
            WHERE d.state = 'active' AND ${DUPLICATE} AND d.${column.column} IS NOT NULL GROUP BY value`;
  }
  return `SELECT s.value AS value, count(*) AS count FROM ${CLUSTERED} CROSS JOIN ${FACET_TABLES[facet]} s ON s.dataset_pk = d.pk
          WHERE ${DUPLICATE} GROUP BY s.value`;
}

/**
 * SQL for search: the WHERE clause of a query (active datasets, text match, facet filters) and the
 * facet count queries. Values always travel as parameters; only known column and table names are
 * spliced into the SQL.
 */
import type { FacetName } from '../store.js';

export interface Clause {
  sql: string;
  params: string[];
}

/** Facets kept as a column of `datasets`, and facets kept in a side table of (dataset_pk, value). */
const FACET_COLUMNS: Partial<Record<FacetName, string>> = {
  portal: 'portal_id',
  country: 'country',
  level: 'level',
  publisher: 'publisher',
  license: 'license',
  rating: 'rating',
};
const FACET_TABLES: Partial<Record<FacetName, string>> = {
  theme: 'dataset_themes',
  format: 'dataset_formats',
};

export const FACET_LIMIT = 20;

export interface SearchCriteria {
  /** FTS5 MATCH expression (already made safe), if any. */
  match?: string;
  filters: [FacetName, string][];
}

/** WHERE over `datasets d`: active, matching the text and every filter except the one of `except`. */
export function whereClause(criteria: SearchCriteria, except?: FacetName): Clause {
  const conditions = [`d.state = 'active'`];
  const params: string[] = [];
  if (criteria.match !== undefined) {
    conditions.push('d.pk IN (SELECT rowid FROM datasets_fts WHERE datasets_fts MATCH ?)');
    params.push(criteria.match);
  }
  for (const [facet, value] of criteria.filters) {
    if (facet === except) continue;
    conditions.push(filterCondition(facet));
    params.push(value);
  }
  return { sql: conditions.join(' AND '), params };
}

function filterCondition(facet: FacetName): string {
  const column = FACET_COLUMNS[facet];
  if (column) return `d.${column} = ?`;
  return `EXISTS (SELECT 1 FROM ${FACET_TABLES[facet]} s WHERE s.dataset_pk = d.pk AND s.value = ?)`;
}

/** Top values of one facet over the rows `where` selects: count desc, then value. */
export function facetCountSql(facet: FacetName, where: Clause): string {
  const column = FACET_COLUMNS[facet];
  const order = `GROUP BY value ORDER BY count DESC, value LIMIT ${FACET_LIMIT}`;
  if (column) {
    return `SELECT d.${column} AS value, count(*) AS count FROM datasets d
            WHERE ${where.sql} AND d.${column} IS NOT NULL ${order}`;
  }
  return `SELECT s.value AS value, count(*) AS count FROM ${FACET_TABLES[facet]} s JOIN datasets d ON d.pk = s.dataset_pk
          WHERE ${where.sql} ${order}`;
}

/** Columns a page of results needs to build summaries. */
const PAGE_COLUMNS = 'r.record, d.country, d.level, d.score, d.mqa, d.rating';

/** One page (LIMIT and OFFSET left as the last two parameters): best text match first, title weighing most; else best score, then title. */
export function pageQuery(criteria: SearchCriteria): Clause {
  if (criteria.match === undefined) {
    const where = whereClause(criteria);
    return {
      sql: `SELECT ${PAGE_COLUMNS} FROM datasets d JOIN dataset_records r ON r.dataset_pk = d.pk
            WHERE ${where.sql} ORDER BY d.score DESC, d.title, d.id LIMIT ? OFFSET ?`,
      params: where.params,
    };
  }
  // Joined rather than filtered with IN, so bm25 sees the row. Weights: title, description, keywords, publisher.
  const filters = whereClause({ filters: criteria.filters });
  return {
    sql: `SELECT ${PAGE_COLUMNS} FROM datasets_fts f JOIN datasets d ON d.pk = f.rowid JOIN dataset_records r ON r.dataset_pk = d.pk
          WHERE datasets_fts MATCH ? AND ${filters.sql}
          ORDER BY bm25(datasets_fts, 10.0, 1.0, 4.0, 2.0), d.score DESC, d.title, d.id LIMIT ? OFFSET ?`,
    params: [criteria.match, ...filters.params],
  };
}

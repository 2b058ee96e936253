/** Full-text search with facet counts over active datasets (FTS5 + indexed facet columns). */
import { FACET_NAMES, type FacetName, type SearchQuery, type SearchRepository, type SearchResult } from '../store.js';
import type { Dataset, Level } from '../../dcat/types.js';
import type { Rating } from '../../quality/types.js';
import type { Connection } from './connection.js';
import { datasetSummary } from './facet-values.js';
import { ftsMatchExpression } from './fts-query.js';
import { checkSearchQuery } from './search-query.js';
import { facetCountSql, pageQuery, whereClause, type SearchCriteria } from './search-sql.js';

interface PageRow {
  record: string;
  country: string;
  level: Level;
  score: number;
  mqa: number;
  rating: Rating;
}

export class SqliteSearchRepository implements SearchRepository {
  constructor(private readonly connection: Connection) {}

  async search(query: SearchQuery): Promise<SearchResult> {
    const { text, filters, page, limit } = checkSearchQuery(query);
    const criteria: SearchCriteria = { match: ftsMatchExpression(text), filters };
    // One read transaction: total, page and facets come from the same snapshot.
    return this.connection.transaction(() => {
      const where = whereClause(criteria);
      const total = this.connection.sql(`SELECT count(*) FROM datasets d WHERE ${where.sql}`).pluck().get(...where.params) as number;
      const pageSql = pageQuery(criteria);
      const rows = this.connection.sql(pageSql.sql).all(...pageSql.params, limit, (page - 1) * limit) as PageRow[];
      const items = rows.map((row) => datasetSummary(JSON.parse(row.record) as Dataset, row));
      return { total, page, limit, items, facets: this.#facets(criteria) };
    });
  }

  /** Each facet is counted with the text and every other filter applied, but not its own filter, so its other values stay selectable. */
  #facets(criteria: SearchCriteria): SearchResult['facets'] {
    const facets = {} as SearchResult['facets'];
    for (const facet of FACET_NAMES) {
      const where = whereClause(criteria, facet);
      facets[facet] = this.connection.sql(facetCountSql(facet, where)).all(...where.params) as SearchResult['facets'][FacetName];
    }
    return facets;
  }
}

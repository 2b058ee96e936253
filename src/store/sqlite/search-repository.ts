/** Full-text search with facet counts over active datasets (FTS5 + indexed facet columns). */
import type { Dataset, Level } from '../../dcat/types.js';
import type { Rating } from '../../quality/types.js';
import { FACET_NAMES, type FacetName, type SearchQuery, type SearchRepository, type SearchResult } from '../store.js';
import type { Connection } from './connection.js';
import { datasetSummary } from '../facet-values.js';
import { ftsMatchExpression } from './fts-query.js';
import { SearchCache } from './search-cache.js';
import { checkSearchQuery } from '../search-query.js';
import {
  ACTIVE_COUNT,
  createHitsSql,
  facetSql,
  fillHitsSql,
  hitsTable,
  pageSql,
  type ResultSet,
  type SearchCriteria,
} from './search-sql.js';

interface PageRow {
  record: string;
  country: string;
  level: Level;
  score: number;
  mqa: number;
  rating: Rating;
}

type FacetCount = SearchResult['facets'][FacetName][number];

export class SqliteSearchRepository implements SearchRepository {
  readonly #cache: SearchCache;
  /** Scratch tables already created on this connection. */
  readonly #tables = new Set<number>();

  constructor(private readonly connection: Connection) {
    this.#cache = new SearchCache(connection);
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const { text, filters, page, limit } = checkSearchQuery(query);
    const criteria: SearchCriteria = { match: ftsMatchExpression(text), filters };
    const key = JSON.stringify([criteria.match, [...filters].sort(), page, limit]);
    const cached = this.#cache.get(key);
    if (cached) return cached;
    const result = this.#search(criteria, page, limit);
    this.#cache.set(key, result);
    return result;
  }

  #search(criteria: SearchCriteria, page: number, limit: number): SearchResult {
    const { filters } = criteria;
    const sets = new ResultSets(this.connection, this.#tables);
    // One read transaction: total, page and facets come from the same snapshot.
    return this.connection.transaction(() => {
      try {
        const matching = sets.of(criteria, true);
        const total = matching.kind === 'hits' ? matching.size : (this.connection.sql(ACTIVE_COUNT).pluck().get() as number);
        const rows = this.connection.sql(pageSql(matching)).all(limit, (page - 1) * limit) as PageRow[];
        const items = rows.map((row) => datasetSummary(JSON.parse(row.record) as Dataset, row));
        const facets = {} as SearchResult['facets'];
        for (const facet of FACET_NAMES) {
          // A facet is counted without its own filter, so its other values stay selectable.
          const own = filters.some(([name]) => name === facet);
          const set = own ? sets.of({ ...criteria, filters: filters.filter(([name]) => name !== facet) }, false) : matching;
          facets[facet] = this.connection.sql(facetSql(facet, set)).all() as FacetCount[];
        }
        return { total, page, limit, items, facets };
      } finally {
        sets.clear();
      }
    });
  }
}

/** The result sets one search needs, each written to its own scratch table at most once. */
class ResultSets {
  readonly #sets = new Map<string, ResultSet & { kind: 'hits' }>();

  constructor(
    private readonly connection: Connection,
    private readonly created: Set<number>,
  ) {}

  of(criteria: SearchCriteria, ranked: boolean): ResultSet {
    if (criteria.match === undefined && criteria.filters.length === 0) return { kind: 'all' };
    const key = JSON.stringify([criteria, ranked]);
    let set = this.#sets.get(key);
    if (!set) {
      const n = this.#sets.size + 1;
      if (!this.created.has(n)) {
        this.connection.db.exec(createHitsSql(n));
        this.created.add(n);
      }
      const fill = fillHitsSql(criteria, hitsTable(n), ranked);
      set = { kind: 'hits', table: hitsTable(n), size: this.connection.sql(fill.sql).run(...fill.params).changes };
      this.#sets.set(key, set);
    }
    return set;
  }

  clear(): void {
    for (const { table } of this.#sets.values()) this.connection.sql(`DELETE FROM ${table}`).run();
  }
}

/** Full-text search with facet counts over active datasets (FTS5 + indexed facet columns). */
import type { Dataset, Level } from '../../dcat/types.js';
import type { Rating } from '../../quality/types.js';
import { FACET_NAMES, type DatasetSummary, type FacetName, type SearchQuery, type SearchRepository, type SearchResult } from '../store.js';
import type { Connection } from './connection.js';
import { datasetSummary } from '../facet-values.js';
import { ftsMatchExpression } from './fts-query.js';
import { SearchCache } from './search-cache.js';
import { checkSearchQuery } from '../search-query.js';
import {
  ACTIVE_COUNT,
  DUPLICATE_COUNT,
  COLUMN_FACETS,
  FACET_LIMIT,
  hitColumnsSql,
  clusterPortalsSql,
  createHitsSql,
  dedupHitsSql,
  duplicateFacetSql,
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
  cluster: number | null;
}

type FacetCount = SearchResult['facets'][FacetName][number];

export class SqliteSearchRepository implements SearchRepository {
  readonly #cache: SearchCache<SearchResult>;
  /** Facets by query: every page of a query has the same. */
  readonly #facetCache: SearchCache<SearchResult['facets']>;
  /** Scratch tables already created on this connection. */
  readonly #tables = new Set<number>();

  constructor(private readonly connection: Connection) {
    this.#cache = new SearchCache(connection);
    this.#facetCache = new SearchCache(connection);
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const { text, filters, page, limit } = checkSearchQuery(query);
    const criteria: SearchCriteria = { match: ftsMatchExpression(text), filters };
    const key = JSON.stringify([criteria.match, [...filters].sort(), page, limit]);
    const cached = this.#cache.get(key);
    if (cached) return cached;
    const facetKey = JSON.stringify([criteria.match, [...filters].sort()]);
    const result = this.#search(criteria, page, limit, this.#facetCache.get(facetKey));
    this.#cache.set(key, result);
    this.#facetCache.set(facetKey, result.facets);
    return result;
  }

  #search(criteria: SearchCriteria, page: number, limit: number, knownFacets?: SearchResult['facets']): SearchResult {
    const { filters } = criteria;
    const sets = new ResultSets(this.connection, this.#tables);
    // One read transaction: total, page and facets come from the same snapshot.
    return this.connection.transaction(() => {
      try {
        const matching = sets.of(criteria, true);
        const dedup = showsClustersOnce(criteria);
        const total = matching.kind === 'hits' ? matching.size : this.#activeCount(dedup);
        const rows = this.connection.sql(pageSql(matching, dedup)).all(limit, (page - 1) * limit) as PageRow[];
        const items = this.#withOtherPortals(rows);
        if (knownFacets) return { total, page, limit, items, facets: knownFacets };
        const facets = {} as SearchResult['facets'];
        const byColumn = matching.kind === 'hits' ? this.#columnFacets(matching.table) : undefined;
        for (const facet of FACET_NAMES) {
          // A facet is counted without its own filter, so its other values stay selectable.
          const own = filters.some(([name]) => name === facet);
          const counted = own ? { ...criteria, filters: filters.filter(([name]) => name !== facet) } : criteria;
          facets[facet] = (!own && byColumn?.get(facet)) || this.#facet(facet, own ? sets.of(counted, false) : matching, showsClustersOnce(counted));
        }
        return { total, page, limit, items, facets };
      } finally {
        sets.clear();
      }
    });
  }

  /** The column facets of a set of hits, counted in one pass over them (hitColumnsSql). */
  #columnFacets(table: string): Map<FacetName, FacetCount[]> {
    const counts = COLUMN_FACETS.map(() => new Map<string, number>());
    for (const row of this.connection.sql(hitColumnsSql(table)).raw().iterate() as Iterable<(string | null)[]>) {
      row.forEach((value, i) => {
        if (value !== null) counts[i].set(value, (counts[i].get(value) ?? 0) + 1);
      });
    }
    return new Map(COLUMN_FACETS.map((facet, i) => [facet, topValues(counts[i])]));
  }

  #activeCount(dedup: boolean): number {
    const active = this.connection.sql(ACTIVE_COUNT).pluck().get() as number;
    return dedup ? active - (this.connection.sql(DUPLICATE_COUNT).pluck().get() as number) : active;
  }

  /**
   * One facet's top values. Over every active dataset (a set of kind `all`) the covering index
   * counts all records and the duplicates' counts are subtracted: only a value that lost some
   * can fall, so the top FACET_LIMIT + (values that lost some) holds the true top FACET_LIMIT.
   */
  #facet(facet: FacetName, set: ResultSet, dedup: boolean): FacetCount[] {
    if (set.kind !== 'all' || !dedup) return this.connection.sql(facetSql(facet, set)).all() as FacetCount[];
    const duplicates = new Map((this.connection.sql(duplicateFacetSql(facet)).all() as FacetCount[]).map((c) => [c.value, c.count]));
    if (duplicates.size === 0) return this.connection.sql(facetSql(facet, set)).all() as FacetCount[];
    return (this.connection.sql(facetSql(facet, set, FACET_LIMIT + duplicates.size)).all() as FacetCount[])
      .map((c) => ({ value: c.value, count: c.count - (duplicates.get(c.value) ?? 0) }))
      .filter((c) => c.count > 0)
      .sort(byCountThenValue)
      .slice(0, FACET_LIMIT);
  }

  /** Page rows as summaries, each in a cluster naming the other portals that list it. */
  #withOtherPortals(rows: PageRow[]): DatasetSummary[] {
    const clusters = [...new Set(rows.map((r) => r.cluster).filter((c): c is number => c !== null))];
    const portals = new Map<number, Set<string>>();
    if (clusters.length > 0) {
      for (const { cluster, portal_id } of this.connection.sql(clusterPortalsSql(clusters.length)).all(...clusters) as { cluster: number; portal_id: string }[]) {
        portals.set(cluster, (portals.get(cluster) ?? new Set()).add(portal_id));
      }
    }
    return rows.map((row) => {
      const summary = datasetSummary(JSON.parse(row.record) as Dataset, row);
      const others = [...(row.cluster === null ? [] : (portals.get(row.cluster) ?? []))].filter((p) => p !== summary.portalId).sort();
      return others.length > 0 ? { ...summary, alsoIn: others } : summary;
    });
  }
}

/** Without a portal filter, a dataset several portals list shows once; a portal's own view shows all it lists. */
function showsClustersOnce(criteria: SearchCriteria): boolean {
  return !criteria.filters.some(([name]) => name === 'portal');
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
      let size = this.connection.sql(fill.sql).run(...fill.params).changes;
      if (showsClustersOnce(criteria)) size -= this.connection.sql(dedupHitsSql(hitsTable(n))).run().changes;
      set = { kind: 'hits', table: hitsTable(n), size };
      this.#sets.set(key, set);
    }
    return set;
  }

  clear(): void {
    for (const { table } of this.#sets.values()) this.connection.sql(`DELETE FROM ${table}`).run();
  }
}

/** Count descending, then value, as SQL orders a facet. */
function byCountThenValue(a: FacetCount, b: FacetCount): number {
  return b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
}

/** A facet's top FACET_LIMIT values from counts by value. */
function topValues(counts: Map<string, number>): FacetCount[] {
  return [...counts].map(([value, count]) => ({ value, count })).sort(byCountThenValue).slice(0, FACET_LIMIT);
}

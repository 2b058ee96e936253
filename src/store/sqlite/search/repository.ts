/**
 * Full-text search with facet counts over active datasets. FTS5 finds (and ranks) a text's
 * matches; filters, clusters, totals, facet counts and the other orders come from the in-memory
 * index (facet-index.ts, count.ts, sort.ts); SQL reads the page's records. Every search reads one
 * snapshot: the index is brought up to it first, so results are never older than the store.
 */
import type { Dataset, Level } from '../../../dcat/types.js';
import type { FreshnessStatus, Rating } from '../../../quality/types.js';
import type { DatasetSummary, SearchQuery, SearchRepository, SearchResult, SearchSort } from '../../store.js';
import type { Connection } from '../connection.js';
import { datasetSummary } from '../../facet-values.js';
import { ftsMatchExpression } from './fts-query.js';
import { checkSearchQuery } from '../../search-query.js';
import type { FacetName } from '../../store.js';
import { ACTIVE, SearchIndex } from './facet-index.js';
import { countQuery, type Candidates, type Counted } from './count.js';
import { Postings } from './postings.js';
import { SortOrders } from './sort.js';
import { TextHits } from './text.js';
import { clusterPortalsSql, PAGE_ROWS } from './sql.js';

interface PageRow {
  pk: number;
  record: string;
  country: string;
  level: Level;
  score: number;
  mqa: number;
  rating: Rating;
  freshness: FreshnessStatus;
  cluster: number | null;
}

/** Counted queries (and sorts) kept while the index does not change (every page of a query shares them). */
const KEPT = 64;

export class SqliteSearchRepository implements SearchRepository {
  readonly #index: SearchIndex;
  readonly #text: TextHits;
  readonly #postings: Postings;
  readonly #sorts: SortOrders;
  readonly #counted = new Map<string, { generation: number; counted: Counted }>();

  constructor(private readonly connection: Connection) {
    this.#index = new SearchIndex(connection);
    this.#text = new TextHits(connection, this.#index);
    this.#postings = new Postings(this.#index);
    this.#sorts = new SortOrders(this.#index);
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const { text, filters, page, limit, sort } = checkSearchQuery(query);
    // One read transaction: the index, the hits and the page come from the same snapshot.
    return this.connection.transaction(() => {
      this.#index.sync();
      const { total, facets, shown } = this.#count(ftsMatchExpression(text), filters, sort);
      const items = this.#page([...shown.subarray((page - 1) * limit, page * limit)]);
      return { total, page, limit, items, facets: structuredClone(facets) };
    });
  }

  /**
   * What a query shows and counts, in a sort's order, kept until the index changes: every page of
   * a query and sort shares it. Another sort of a query reorders its relevance count.
   */
  #count(match: string | undefined, filters: [FacetName, string][], sort: SearchSort = 'relevance'): Counted {
    const key = JSON.stringify([match, [...filters].sort(), sort]);
    let kept = this.#counted.get(key);
    this.#counted.delete(key);
    if (kept?.generation !== this.#index.generation) {
      const counted =
        sort === 'relevance' ? countQuery(this.#index, this.#candidates(match), filters) : this.#count(match, filters);
      const shown = this.#sorts.sorted(counted.shown, sort, match !== undefined);
      kept = { generation: this.#index.generation, counted: { ...counted, shown } };
    }
    this.#counted.set(key, kept);
    if (this.#counted.size > KEPT) this.#counted.delete(this.#counted.keys().next().value as string);
    return kept.counted;
  }

  /** A text's hits; without text, the datasets holding the rarest filter value, else every active one. */
  #candidates(match: string | undefined): Candidates {
    const index = this.#index;
    if (match !== undefined) {
      const hits = this.#text.ordered(match);
      const hit = new Uint8Array(index.capacity);
      for (const pk of hits) hit[pk] = 1;
      return { of: () => hits, has: (pk) => hit[pk] === 1 };
    }
    return {
      of: (filters) =>
        filters.map(([facet, value]) => this.#postings.of(facet, value)).reduce((a, b) => (b.length < a.length ? b : a), index.ordered().pks),
      has: (pk) => index.state[pk] === ACTIVE,
      everything: () => this.#count(undefined, []),
    };
  }

  /** The page's summaries, in page order, each in a cluster naming the other portals that list it. */
  #page(pks: number[]): DatasetSummary[] {
    if (pks.length === 0) return [];
    const rows = new Map((this.connection.sql(PAGE_ROWS).all(JSON.stringify(pks)) as PageRow[]).map((row) => [row.pk, row]));
    const clusters = [...new Set([...rows.values()].map((r) => r.cluster).filter((c): c is number => c !== null))];
    const portals = new Map<number, Set<string>>();
    if (clusters.length > 0) {
      for (const { cluster, portal_id } of this.connection.sql(clusterPortalsSql(clusters.length)).all(...clusters) as { cluster: number; portal_id: string }[]) {
        portals.set(cluster, (portals.get(cluster) ?? new Set()).add(portal_id));
      }
    }
    return pks.map((pk) => {
      const row = rows.get(pk) as PageRow;
      const summary = datasetSummary(JSON.parse(row.record) as Dataset, row);
      const others = [...(row.cluster === null ? [] : (portals.get(row.cluster) ?? []))].filter((p) => p !== summary.portalId).sort();
      return others.length > 0 ? { ...summary, alsoIn: others } : summary;
    });
  }
}

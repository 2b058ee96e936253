/**
 * Full-text search with facet counts over active datasets: one aggregation (page, total, facets),
 * one more per filtered facet, then the records of the page.
 */
import type { Dataset, Level } from '../../dcat/types.js';
import type { FreshnessStatus, Rating } from '../../quality/types.js';
import { FACET_NAMES, type FacetName, type SearchQuery, type SearchRepository, type SearchResult } from '../store.js';
import { datasetSummary } from '../facet-values.js';
import { checkSearchQuery } from '../search-query.js';
import { attempt } from './codec.js';
import type { MongoModels } from './models/build-models.js';
import { facetPipeline, apartFacets, mainPipeline, type FacetCounts, type MainOutput, type SearchCriteria } from './search-pipeline.js';
import { queryWords } from './search-text.js';

interface PageDoc {
  _id: string;
  dataset: Dataset;
  facets: { country: string; level: Level; rating: Rating };
  score: number;
  mqa: number;
  quality: { freshness: { status: FreshnessStatus } };
  cluster?: string | null;
}

type MainResult = MainOutput & Partial<Record<FacetName, FacetCounts>>;

export class MongoSearchRepository implements SearchRepository {
  constructor(private readonly models: MongoModels) {}

  async search(query: SearchQuery): Promise<SearchResult> {
    const { text, filters, page, limit, sort } = checkSearchQuery(query);
    const criteria: SearchCriteria = { words: queryWords(text), filters };
    const datasets = this.models.datasets;
    const filtered = apartFacets(criteria);
    const [[main], ...filteredCounts] = await attempt('search datasets', () =>
      Promise.all([
        datasets.aggregate<MainResult>(mainPipeline(criteria, { sort, skip: (page - 1) * limit, limit })).allowDiskUse(true).exec(),
        ...filtered.map((facet) => datasets.aggregate<FacetCounts[number]>(facetPipeline(criteria, facet)).allowDiskUse(true).exec()),
      ]),
    );
    const counts = new Map<FacetName, FacetCounts>(filtered.map((facet, i) => [facet, filteredCounts[i]]));
    const facets = Object.fromEntries(FACET_NAMES.map((name) => [name, counts.get(name) ?? main[name] ?? []])) as SearchResult['facets'];
    return { total: main.total[0]?.n ?? 0, page, limit, items: await this.#summaries(main.page.map((doc) => doc._id)), facets };
  }

  /** The summaries of the page's datasets, in page order. */
  async #summaries(ids: string[]): Promise<SearchResult['items']> {
    if (ids.length === 0) return [];
    const docs = await attempt('read a page of search results', () =>
      this.models.datasets.find({ _id: { $in: ids } }, { dataset: 1, facets: 1, score: 1, mqa: 1, 'quality.freshness.status': 1, cluster: 1 }).lean<PageDoc[]>().exec(),
    );
    const byId = new Map(docs.map((doc) => [doc._id, doc]));
    const portals = await this.#clusterPortals(docs.map((doc) => doc.cluster).filter((c): c is string => typeof c === 'string'));
    return ids.flatMap((id) => {
      const doc = byId.get(id);
      if (!doc) return []; // deleted between the two reads
      const { country, level, rating } = doc.facets;
      const summary = datasetSummary(doc.dataset, { country, level, rating, score: doc.score, mqa: doc.mqa, freshness: doc.quality.freshness.status });
      const others = [...(doc.cluster ? (portals.get(doc.cluster) ?? []) : [])].filter((p) => p !== summary.portalId).sort();
      return [others.length > 0 ? { ...summary, alsoIn: others } : summary];
    });
  }

  /** The portals listing each cluster of a page. */
  async #clusterPortals(clusters: string[]): Promise<Map<string, Set<string>>> {
    const portals = new Map<string, Set<string>>();
    if (clusters.length === 0) return portals;
    const members = await attempt('read the portals of clustered results', () =>
      this.models.datasets.find({ state: 'active', cluster: { $in: clusters } }, { portalId: 1, cluster: 1 }).lean<{ portalId: string; cluster: string }[]>().exec(),
    );
    for (const { cluster, portalId } of members) portals.set(cluster, (portals.get(cluster) ?? new Set()).add(portalId));
    return portals;
  }
}

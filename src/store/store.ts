/**
 * The store port: everything Cosecha keeps. Two adapters implement it (SQLite, the embedded
 * default, and MongoDB) and pass one contract suite (test/store/contract.ts).
 * Repositories take and return plain objects; no adapter type leaks out.
 */
import type { Dataset, Level } from '../dcat/types.js';
import type { FreshnessStatus, Quality, Rating } from '../quality/types.js';
import type { LinkCheck } from '../links/types.js';
import type { RunRepository } from './runs.js';

export type * from './runs.js';

/** A portal as the store knows it (from config/portals.yaml or `harvest --url`). */
export interface PortalRecord {
  /** Short stable id, `cc-name` (`ec-datosabiertos`). */
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  level: Level;
  /** Harvester platform name (`ckan`, …) or `auto`. */
  platform: string;
  /** Base URL of the portal or of its API (see HARVESTING.md). */
  url: string;
}

export interface PortalRepository {
  /** Creates or replaces the portal's descriptive fields. */
  upsert(portal: PortalRecord): Promise<void>;
  get(id: string): Promise<PortalRecord | undefined>;
  list(): Promise<PortalRecord[]>;
}

/** A dataset as written by a run: the DCAT record, its quality and the source record. */
export interface DatasetWrite {
  dataset: Dataset;
  quality: Quality;
  /** The source record as the harvester read it (stored compressed, for rescore). */
  raw: unknown;
  /** harvest/source-hash.ts: a later run finds the record unchanged by it before mapping it. */
  sourceHash?: string;
}

export type DatasetState = 'active' | 'withdrawn';

export interface StoredDataset {
  dataset: Dataset;
  quality: Quality;
  state: DatasetState;
  firstSeen: string;
  lastSeen: string;
  /** The run that last saw the record in a listing. */
  lastSeenRunId: string;
  withdrawnAt?: string;
  /**
   * When other portals list the same dataset (store/cluster-keys.ts): the id of the cluster's
   * first-stored member, which stands for it. Absent for a dataset no other portal lists.
   */
  cluster?: string;
}

/** What the reports read of a stored dataset: its quality and what names it, without the whole record. */
export interface ScoredDataset {
  dataset: Pick<Dataset, 'id' | 'portalId' | 'title' | 'publisher'>;
  quality: Quality;
  /** As in StoredDataset. */
  cluster?: string;
}

export interface UpsertResult {
  created: number;
  updated: number;
  unchanged: number;
  restored: number;
}

export interface DatasetRepository {
  /**
   * Writes a batch in one transaction. Change detection by `dataset.provenance.hash`: an equal hash
   * only marks the record seen by `runId` (and stores the new quality). A withdrawn record that
   * comes back is restored.
   */
  upsertBatch(portal: PortalRecord, runId: string, items: DatasetWrite[]): Promise<UpsertResult>;
  /**
   * Withdraws the portal's active datasets that the run did not see. Call only after a complete,
   * error-free full listing. `keep` lists dataset ids the listing did see but could not store (a
   * record that failed mapping still exists at the source): they are not withdrawn.
   * Returns how many were withdrawn.
   */
  withdrawUnseen(portalId: string, runId: string, now?: Date, keep?: readonly string[]): Promise<number>;
  /**
   * Marks as seen by `runId` the portal's active datasets whose stored source hash is one of
   * `sourceHashes` (their source record is what it was: nothing to map again), and returns the
   * hashes it found. Their record and quality stay as stored.
   */
  touchUnchanged(portalId: string, runId: string, sourceHashes: readonly string[], now?: Date): Promise<Set<string>>;
  /** How many datasets `withdrawUnseen` with the same arguments would withdraw now. */
  countUnseen(portalId: string, runId: string, keep?: readonly string[]): Promise<number>;
  /**
   * Rescore: replaces the record and quality of datasets that are stored and active, by the same
   * hash rule as upsertBatch, but leaves when and by which run they were last seen as it was. Ids
   * not stored, or withdrawn, are skipped (a rescore never creates or restores). `created` and
   * `restored` are always 0.
   */
  rewrite(portal: PortalRecord, items: DatasetWrite[]): Promise<UpsertResult>;
  get(id: string): Promise<StoredDataset | undefined>;
  /**
   * Links the active datasets that several portals list into clusters (cluster-keys.ts) and
   * stores each one's cluster. Run after every change of records: a harvest, a rescore.
   */
  recluster(): Promise<{ clusters: number; datasets: number }>;
  /** The stored source record, for rescore. */
  getRaw(id: string): Promise<unknown>;
  /** Replaces quality only (rescore, link checks). */
  updateQuality(items: { id: string; quality: Quality }[]): Promise<void>;
  /** Every dataset of a portal (or all), in id order, in batches; withdrawn ones only when asked. */
  scan(filter: { portalId?: string; includeWithdrawn?: boolean; batchSize?: number }): AsyncIterable<StoredDataset[]>;
  /**
   * Every active dataset of a portal (or all) as the reports read it, in id order, in batches;
   * with `publisher`, only those whose publisher name is that (as search's facet reads it,
   * facet-values.ts), through an index: an institution's card never reads its whole portal.
   */
  scanScores(filter: { portalId?: string; publisher?: string; batchSize?: number }): AsyncIterable<ScoredDataset[]>;
  count(filter: { portalId?: string; state?: DatasetState }): Promise<number>;
  /** The portals whose active records are in the cluster `cluster` (a StoredDataset's), sorted. */
  clusterPortals(cluster: string): Promise<string[]>;
}

export type FacetName = 'portal' | 'country' | 'level' | 'publisher' | 'theme' | 'format' | 'license' | 'rating';
export const FACET_NAMES: readonly FacetName[] = ['portal', 'country', 'level', 'publisher', 'theme', 'format', 'license', 'rating'];

/**
 * How search orders its results. The default order is the one without text: highest Cosecha
 * score first, then title, then id.
 * - `relevance`: with text, the best match first (each adapter ranks matches its own way), then
 *   the default order; without text, the default order.
 * - `modified`: the last modified first (`modified` compared as ISO 8601 text), the datasets
 *   without a modified date last, ties in the default order.
 * - `score`: the default order, with text too.
 */
export type SearchSort = 'relevance' | 'modified' | 'score';
export const SEARCH_SORTS: readonly SearchSort[] = ['relevance', 'modified', 'score'];

export interface SearchQuery {
  /** Free text; accent- and case-insensitive; every word must match (prefix match on the last). */
  q?: string;
  /** Facet filters: a dataset matches when it has the given value. */
  filters?: Partial<Record<FacetName, string>>;
  /** 1-based. */
  page?: number;
  /** Items per page, 1–100. */
  limit?: number;
  /** The order of the results; default `relevance`. */
  sort?: SearchSort;
}

export interface DatasetSummary {
  id: string;
  portalId: string;
  /** The other portals that list this dataset too (a cluster is shown once). */
  alsoIn?: string[];
  title: string;
  description?: string;
  publisher?: string;
  country: string;
  level: Level;
  modified?: string;
  formats: string[];
  license?: string;
  themes: string[];
  score: number;
  mqa: number;
  rating: Rating;
  /** The stored quality's `freshness.status`: whether the dataset is updated as it promises. */
  freshness: FreshnessStatus;
  landingPage?: string;
}

export interface SearchResult {
  total: number;
  page: number;
  limit: number;
  items: DatasetSummary[];
  facets: Record<FacetName, { value: string; count: number }[]>;
}

export interface SearchRepository {
  /**
   * Full-text search with facet counts over active datasets. Each facet is counted with the text
   * and every filter except its own, so the other values of a filtered facet stay selectable.
   * Without a portal filter a cluster (a dataset several portals list) counts and shows once, as
   * its first-stored matching member, with `alsoIn` naming the other portals.
   * Results come in the query's `sort` order (SearchSort); every page of a query and sort takes
   * its slice of one order, so pages never overlap.
   * Bad paging, an unknown facet or an unknown sort throws BadRequestError.
   */
  search(query: SearchQuery): Promise<SearchResult>;
}

/** What a report is about: a portal, a publisher within a portal, or the region. */
export interface ReportScope {
  kind: 'portal' | 'publisher' | 'region';
  /** The portal id, `<portalId>/<publisherId>`, or `all`. */
  id: string;
}

export interface ReportSnapshot<R = unknown> {
  scope: ReportScope;
  runId?: string;
  createdAt: string;
  report: R;
}

export interface SaveReportOptions {
  /**
   * When the scope's latest snapshot has no run and was made the same UTC day, this snapshot takes
   * its place instead of adding one: link passes (every 6 h) keep one snapshot a day in the history.
   */
  replaceSameDay?: boolean;
}

export interface ReportRepository {
  save(snapshot: ReportSnapshot, options?: SaveReportOptions): Promise<void>;
  /** The newest snapshot of `scope`; with `before`, the newest made at or before that time. */
  latest(scope: ReportScope, before?: Date): Promise<ReportSnapshot | undefined>;
  /** Snapshots newest first, optionally since a time. */
  history(scope: ReportScope, since?: Date): Promise<ReportSnapshot[]>;
}

export interface LinkRepository {
  get(urls: readonly string[]): Promise<Map<string, LinkCheck>>;
  put(checks: readonly LinkCheck[]): Promise<void>;
}

export interface Store {
  /** `sqlite` or `mongodb`, and where, without credentials: shown by /api/health. */
  readonly description: string;
  /** Creates or migrates the schema. */
  init(): Promise<void>;
  close(): Promise<void>;
  readonly portals: PortalRepository;
  readonly runs: RunRepository;
  readonly datasets: DatasetRepository;
  readonly search: SearchRepository;
  readonly reports: ReportRepository;
  readonly links: LinkRepository;
}

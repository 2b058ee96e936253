/** Datasets: reads here, writes in DatasetWriter; failures surface as StoreError. */
import type { Quality } from '../../quality/types.js';
import type {
  DatasetRepository,
  DatasetState,
  DatasetWrite,
  PortalRecord,
  ScoredDataset,
  StoredDataset,
  UpsertResult,
} from '../store.js';
import { attempt, decompress } from './codec.js';
import { DatasetWriter } from './dataset-writer.js';
import type { MongoModels } from './models/build-models.js';

const DEFAULT_SCAN_BATCH = 500;
/** What a StoredDataset is made of: never the source record nor the search fields. */
const STORED_FIELDS = { dataset: 1, quality: 1, state: 1, firstSeen: 1, lastSeen: 1, lastSeenRunId: 1, withdrawnAt: 1, cluster: 1 } as const;
/** What the reports read (ScoredDataset): the record's names, not the record. */
const SCORED_FIELDS = { 'dataset.id': 1, 'dataset.portalId': 1, 'dataset.title': 1, 'dataset.publisher': 1, quality: 1, cluster: 1 } as const;

interface DatasetLean {
  _id: string;
  dataset: StoredDataset['dataset'];
  quality: Quality;
  state: DatasetState;
  firstSeen: string;
  lastSeen: string;
  lastSeenRunId: string;
  withdrawnAt?: string | null;
  cluster?: string | null;
}

export class MongoDatasetRepository implements DatasetRepository {
  readonly #writer: DatasetWriter;

  constructor(private readonly models: MongoModels) {
    this.#writer = new DatasetWriter(models);
  }

  async upsertBatch(portal: PortalRecord, runId: string, items: DatasetWrite[]): Promise<UpsertResult> {
    return attempt(`write a batch of ${items.length} datasets of portal ${portal.id}`, () =>
      this.#writer.upsertBatch(portal, runId, items),
    );
  }

  async rewrite(portal: PortalRecord, items: DatasetWrite[]): Promise<UpsertResult> {
    return attempt(`rewrite ${items.length} datasets of portal ${portal.id}`, () => this.#writer.rewrite(portal, items));
  }

  async withdrawUnseen(portalId: string, runId: string, now = new Date(), keep: readonly string[] = []): Promise<number> {
    return attempt(`withdraw unseen datasets of portal ${portalId}`, () => this.#writer.withdrawUnseen(portalId, runId, now, keep));
  }

  async touchUnchanged(portalId: string, runId: string, sourceHashes: readonly string[], now = new Date()): Promise<Set<string>> {
    if (sourceHashes.length === 0) return new Set();
    return attempt(`mark the unchanged datasets of portal ${portalId} seen`, () => this.#writer.touchUnchanged(portalId, runId, sourceHashes, now));
  }

  async countUnseen(portalId: string, runId: string, keep: readonly string[] = []): Promise<number> {
    return attempt(`count the unseen datasets of portal ${portalId}`, () => this.#writer.countUnseen(portalId, runId, keep));
  }

  async get(id: string): Promise<StoredDataset | undefined> {
    const doc = await attempt(`read dataset ${id}`, () =>
      this.models.datasets.findById(id, STORED_FIELDS).lean<DatasetLean>().exec(),
    );
    return doc ? toStored(doc) : undefined;
  }

  async getRaw(id: string): Promise<unknown> {
    const doc = await attempt(`read the source record of dataset ${id}`, () =>
      this.models.datasets.findById(id, { raw: 1 }).lean<{ raw?: unknown }>().exec(),
    );
    return decompress(doc?.raw);
  }

  async recluster(): Promise<{ clusters: number; datasets: number }> {
    return attempt('link the datasets several portals list', () => this.#writer.recluster());
  }

  async updateQuality(items: { id: string; quality: Quality }[]): Promise<void> {
    await this.#writer.updateQuality(items);
  }

  scan(filter: { portalId?: string; includeWithdrawn?: boolean; batchSize?: number }): AsyncIterable<StoredDataset[]> {
    const base = datasetFilter({ portalId: filter.portalId, state: filter.includeWithdrawn ? undefined : 'active' });
    return this.#keyset(base, STORED_FIELDS, filter.batchSize, toStored);
  }

  scanScores(filter: { portalId?: string; publisher?: string; batchSize?: number }): AsyncIterable<ScoredDataset[]> {
    const toScored = (doc: DatasetLean): ScoredDataset => ({ dataset: doc.dataset, quality: doc.quality, ...(doc.cluster && { cluster: doc.cluster }) });
    const base = { ...datasetFilter({ portalId: filter.portalId, state: 'active' }), ...(filter.publisher !== undefined && { 'facets.publisher': filter.publisher }) };
    return this.#keyset(base, SCORED_FIELDS, filter.batchSize, toScored);
  }

  /**
   * Keyset paging by id: each batch is a fresh query after the last id, so writes between batches
   * are safe and no cursor stays open while the caller works on a batch.
   */
  async *#keyset<T>(base: Record<string, unknown>, fields: Record<string, 1>, size: number | undefined, map: (doc: DatasetLean) => T): AsyncIterable<T[]> {
    const batchSize = Math.max(1, size ?? DEFAULT_SCAN_BATCH);
    let after: string | undefined;
    for (;;) {
      const query = after === undefined ? base : { ...base, _id: { $gt: after } };
      const docs = await attempt('scan datasets', () => this.models.datasets.find(query, fields).sort({ _id: 1 }).limit(batchSize).lean<DatasetLean[]>().exec());
      if (docs.length === 0) return;
      yield docs.map(map);
      if (docs.length < batchSize) return;
      after = docs[docs.length - 1]._id;
    }
  }

  async clusterPortals(cluster: string): Promise<string[]> {
    const portals = await attempt(`read the portals of cluster ${cluster}`, () => this.models.datasets.distinct('portalId', { cluster, state: 'active' }).exec());
    return (portals as string[]).sort();
  }

  async count(filter: { portalId?: string; state?: DatasetState }): Promise<number> {
    return attempt('count datasets', () => this.models.datasets.countDocuments(datasetFilter(filter)).exec());
  }
}

function datasetFilter(filter: { portalId?: string; state?: DatasetState }): { portalId?: string; state?: DatasetState } {
  return {
    ...(filter.portalId !== undefined && { portalId: filter.portalId }),
    ...(filter.state !== undefined && { state: filter.state }),
  };
}

function toStored(doc: DatasetLean): StoredDataset {
  return {
    dataset: doc.dataset,
    quality: doc.quality,
    state: doc.state,
    firstSeen: doc.firstSeen,
    lastSeen: doc.lastSeen,
    lastSeenRunId: doc.lastSeenRunId,
    ...(doc.withdrawnAt != null && { withdrawnAt: doc.withdrawnAt }),
    ...(doc.cluster != null && { cluster: doc.cluster }),
  };
}

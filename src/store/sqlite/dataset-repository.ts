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
import { attempt, attemptAsync, parseJson, type Connection } from './connection.js';
import { DatasetWriter } from './dataset-writer.js';
import { decodeRaw, type RawCompressor } from './raw-codec.js';

const DEFAULT_SCAN_BATCH = 500;
const COLUMNS = 'd.id, d.state, d.first_seen, d.last_seen, d.last_seen_run_id, d.withdrawn_at, r.record, q.quality, c.id AS cluster';
const FROM = `datasets d JOIN dataset_documents r ON r.dataset_pk = d.pk JOIN dataset_quality q ON q.dataset_pk = d.pk
  LEFT JOIN datasets c ON c.pk = d.cluster`;

interface DatasetRow {
  id: string;
  state: DatasetState;
  first_seen: string;
  last_seen: string;
  last_seen_run_id: string;
  withdrawn_at: string | null;
  record: string;
  quality: string;
  cluster: string | null;
}

export class SqliteDatasetRepository implements DatasetRepository {
  readonly #writer: DatasetWriter;

  constructor(
    private readonly connection: Connection,
    compressor: RawCompressor,
  ) {
    this.#writer = new DatasetWriter(connection, compressor);
  }

  async upsertBatch(portal: PortalRecord, runId: string, items: DatasetWrite[]): Promise<UpsertResult> {
    return attemptAsync(`write a batch of ${items.length} datasets of portal ${portal.id}`, () =>
      this.#writer.upsertBatch(portal, runId, items),
    );
  }

  async rewrite(portal: PortalRecord, items: DatasetWrite[]): Promise<UpsertResult> {
    return attemptAsync(`rewrite ${items.length} datasets of portal ${portal.id}`, () => this.#writer.rewrite(portal, items));
  }

  async withdrawUnseen(portalId: string, runId: string, now = new Date(), keep: readonly string[] = []): Promise<number> {
    return attempt(`withdraw unseen datasets of portal ${portalId}`, () =>
      this.#writer.withdrawUnseen(portalId, runId, now, keep),
    );
  }

  async touchUnchanged(portalId: string, runId: string, sourceHashes: readonly string[], now = new Date()): Promise<Set<string>> {
    if (sourceHashes.length === 0) return new Set();
    return attempt(`mark the unchanged datasets of portal ${portalId} seen`, () => this.#writer.touchUnchanged(portalId, runId, sourceHashes, now));
  }

  async countUnseen(portalId: string, runId: string, keep: readonly string[] = []): Promise<number> {
    return attempt(`count the unseen datasets of portal ${portalId}`, () => this.#writer.countUnseen(portalId, runId, keep));
  }

  async get(id: string): Promise<StoredDataset | undefined> {
    const row = this.connection.sql(`SELECT ${COLUMNS} FROM ${FROM} WHERE d.id = ?`).get(id) as DatasetRow | undefined;
    return row && toStored(row);
  }

  async getRaw(id: string): Promise<unknown> {
    const row = this.connection
      .sql('SELECT r.raw FROM datasets d JOIN dataset_documents r ON r.dataset_pk = d.pk WHERE d.id = ?')
      .get(id) as { raw: Buffer | null } | undefined;
    return decodeRaw(row?.raw);
  }

  async recluster(): Promise<{ clusters: number; datasets: number }> {
    return attempt('link the datasets several portals list', () => this.#writer.recluster());
  }

  async updateQuality(items: { id: string; quality: Quality }[]): Promise<void> {
    attempt(`update the quality of ${items.length} datasets`, () => this.#writer.updateQuality(items));
  }

  scan(filter: { portalId?: string; includeWithdrawn?: boolean; batchSize?: number }): AsyncIterable<StoredDataset[]> {
    const where = datasetWhere({ portalId: filter.portalId, state: filter.includeWithdrawn ? undefined : 'active' });
    return this.#keyset(`SELECT ${COLUMNS} FROM ${FROM}`, where, filter.batchSize, toStored);
  }

  scanScores(filter: { portalId?: string; publisher?: string; batchSize?: number }): AsyncIterable<ScoredDataset[]> {
    // The publisher is read out of the record by SQLite: the record itself is never parsed here.
    const select = `SELECT d.id, d.portal_id, d.title, json_extract(r.record, '$.publisher') AS publisher, q.quality, c.id AS cluster FROM ${FROM}`;
    return this.#keyset(select, datasetWhere({ portalId: filter.portalId, publisher: filter.publisher, state: 'active' }), filter.batchSize, toScored);
  }

  /** Keyset paging by id: each batch is a fresh query after the last id, so writes between batches are safe. */
  async *#keyset<Row extends { id: string }, T>(select: string, where: Where, size: number | undefined, map: (row: Row) => T): AsyncIterable<T[]> {
    const batchSize = Math.max(1, size ?? DEFAULT_SCAN_BATCH);
    const statement = this.connection.sql(`${select} WHERE d.id > ? AND ${where.sql} ORDER BY d.id LIMIT ?`);
    let after = '';
    for (;;) {
      const rows = statement.all(after, ...where.params, batchSize) as Row[];
      if (rows.length === 0) return;
      yield rows.map(map);
      if (rows.length < batchSize) return;
      after = rows[rows.length - 1].id;
    }
  }

  async clusterPortals(cluster: string): Promise<string[]> {
    const sql = `SELECT DISTINCT d.portal_id FROM datasets d JOIN datasets c ON c.pk = d.cluster WHERE c.id = ? AND d.state = 'active' ORDER BY d.portal_id`;
    return attempt(`read the portals of cluster ${cluster}`, () => this.connection.sql(sql).pluck().all(cluster) as string[]);
  }

  async count(filter: { portalId?: string; state?: DatasetState }): Promise<number> {
    const where = datasetWhere(filter);
    return this.connection.sql(`SELECT count(*) FROM datasets d WHERE ${where.sql}`).pluck().get(...where.params) as number;
  }
}

interface Where {
  sql: string;
  params: string[];
}

/** Separate SQL per filter shape, so each uses the (portal_id, state, id) index when it can. */
function datasetWhere(filter: { portalId?: string; publisher?: string; state?: DatasetState }): Where {
  const conditions = ['1'];
  const params: string[] = [];
  if (filter.portalId !== undefined) {
    conditions.push('d.portal_id = ?');
    params.push(filter.portalId);
  }
  if (filter.publisher !== undefined) {
    conditions.push('d.publisher = ?');
    params.push(filter.publisher);
  }
  if (filter.state !== undefined) {
    conditions.push('d.state = ?');
    params.push(filter.state);
  }
  return { sql: conditions.join(' AND '), params };
}

function toStored(row: DatasetRow): StoredDataset {
  return {
    dataset: JSON.parse(row.record) as StoredDataset['dataset'],
    quality: JSON.parse(row.quality) as Quality,
    state: row.state,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    lastSeenRunId: row.last_seen_run_id,
    ...(row.withdrawn_at !== null && { withdrawnAt: row.withdrawn_at }),
    ...(row.cluster !== null && { cluster: row.cluster }),
  };
}

interface ScoredRow {
  id: string;
  portal_id: string;
  title: string;
  publisher: string | null;
  quality: string;
  cluster: string | null;
}

function toScored(row: ScoredRow): ScoredDataset {
  const publisher = parseJson<ScoredDataset['dataset']['publisher']>(row.publisher);
  return {
    dataset: { id: row.id, portalId: row.portal_id, title: row.title, ...(publisher && { publisher }) },
    quality: JSON.parse(row.quality) as Quality,
    ...(row.cluster !== null && { cluster: row.cluster }),
  };
}

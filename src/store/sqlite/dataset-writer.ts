/**
 * The write side of the dataset repository: one batch, one transaction, change detection by hash.
 * An unchanged record costs one UPDATE of its row and its quality; only a new, changed or restored
 * one pays for its documents, facets and full-text row. Serializing and compressing happen before
 * the transaction (see batch-prepare.ts), so the write lock is held briefly.
 */
import type { Dataset } from '../../dcat/types.js';
import type { Quality } from '../../quality/types.js';
import { StoreError } from '../../errors.js';
import type { DatasetWrite, PortalRecord, UpsertResult } from '../store.js';
import {
  datasetColumns,
  documentsOf,
  isUnchanged,
  prepareBatch,
  type DatasetColumns,
  type Documents,
  type StoredState,
} from './batch-prepare.js';
import type { Connection } from './connection.js';
import { datasetFacets, type DatasetFacets } from '../facet-values.js';
import { CLUSTER_KEYS_VERSION, clusterKeys, clustersOfGroups, isHarvestedCopy, type KeyHolder } from '../cluster-keys.js';
import type { RawCompressor } from './raw-codec.js';

/** The portal's active datasets a run did not see, but for those kept (parameters: portal, run, kept ids as JSON). */
const UNSEEN = `portal_id = ? AND state = 'active' AND last_seen_run_id <> ? AND id NOT IN (SELECT value FROM json_each(?))`;

/** A full-text row to (re)write. */
interface TextRow {
  pk: number;
  dataset: Dataset;
  facets: DatasetFacets;
}

export class DatasetWriter {
  constructor(
    private readonly connection: Connection,
    private readonly compressor: RawCompressor,
  ) {}

  async upsertBatch(portal: PortalRecord, runId: string, items: DatasetWrite[]): Promise<UpsertResult> {
    return this.#write(portal, items, { runId, seenAt: new Date().toISOString() });
  }

  /** Replaces active stored records without touching when they were seen (see the port). */
  async rewrite(portal: PortalRecord, items: DatasetWrite[]): Promise<UpsertResult> {
    return this.#write(portal, items);
  }

  /** One batch in one transaction; `seen` is the run that saw it, absent for a rewrite. */
  async #write(portal: PortalRecord, items: DatasetWrite[], seen?: { runId: string; seenAt: string }): Promise<UpsertResult> {
    for (const { dataset } of items) {
      if (dataset.portalId !== portal.id) throw new StoreError(`Dataset ${dataset.id} belongs to portal ${dataset.portalId}, not ${portal.id}.`);
    }
    const prepared = await prepareBatch(this.connection, this.compressor, items);
    return this.connection.transaction(() => {
      const result: UpsertResult = { created: 0, updated: 0, unchanged: 0, restored: 0 };
      const unindexed: number[] = [];
      // By pk: a batch that names one dataset twice indexes its last version once.
      const indexed = new Map<number, TextRow>();
      const keyed = new Map<number, Dataset>();
      for (const { item, quality, docs } of prepared) {
        const stored = this.connection
          .sql('SELECT pk, hash, state, last_seen, last_seen_run_id FROM datasets WHERE id = ?')
          .get(item.dataset.id) as (StoredState & { last_seen: string; last_seen_run_id: string }) | undefined;
        if (!seen && stored?.state !== 'active') continue;
        const { runId, seenAt } = seen ?? { runId: stored!.last_seen_run_id, seenAt: stored!.last_seen };
        if (stored && isUnchanged(stored, item.dataset)) {
          this.#markSeen(stored.pk, portal, runId, seenAt, item, quality);
          result.unchanged += 1;
          continue;
        }
        const facets = datasetFacets(item.dataset);
        const row = datasetColumns(portal, runId, seenAt, item, facets);
        // Documents are missing only when another writer changed the record since the preparation.
        const documents = docs ?? documentsOf(item);
        const pk = stored ? this.#update(stored.pk, row, documents, quality) : this.#insert(row, documents, quality);
        this.#writeFacets(pk, facets);
        keyed.set(pk, item.dataset);
        if (stored?.state === 'active' && !indexed.has(pk)) unindexed.push(pk);
        indexed.set(pk, { pk, dataset: item.dataset, facets });
        if (!stored) result.created += 1;
        else if (stored.state === 'withdrawn') result.restored += 1;
        else result.updated += 1;
      }
      this.#removeText(unindexed);
      this.#addText([...indexed.values()]);
      this.#replaceKeys(keyed);
      return result;
    });
  }

  /**
   * Flags the portal's active datasets the run did not see (and that are not in `keep`) as
   * withdrawn and takes them out of search: facet rows and full-text row go, the rest stays.
   */
  touchUnchanged(portalId: string, runId: string, sourceHashes: readonly string[], now: Date): Set<string> {
    const found = this.connection
      .sql(
        `UPDATE datasets SET last_seen = ?, last_seen_run_id = ?
         WHERE portal_id = ? AND state = 'active' AND source_hash IN (SELECT value FROM json_each(?)) RETURNING source_hash`,
      )
      .pluck()
      .all(now.toISOString(), runId, portalId, JSON.stringify(sourceHashes)) as string[];
    return new Set(found);
  }

  countUnseen(portalId: string, runId: string, keep: readonly string[]): number {
    return this.connection
      .sql(`SELECT count(*) FROM datasets WHERE ${UNSEEN}`)
      .pluck()
      .get(portalId, runId, JSON.stringify(keep)) as number;
  }

  withdrawUnseen(portalId: string, runId: string, now: Date, keep: readonly string[]): number {
    return this.connection.transaction(() => {
      const withdrawn = this.connection
        .sql(
          `UPDATE datasets SET state = 'withdrawn', withdrawn_at = ? WHERE ${UNSEEN} RETURNING pk`,
        )
        .pluck()
        .all(now.toISOString(), portalId, runId, JSON.stringify(keep)) as number[];
      for (const pk of withdrawn) this.#deleteFacets(pk);
      this.#removeText(withdrawn);
      return withdrawn.length;
    });
  }

  updateQuality(items: { id: string; quality: Quality }[]): void {
    const update = this.connection.sql('UPDATE datasets SET score = ?, mqa = ?, rating = ? WHERE id = ? RETURNING pk').pluck();
    this.connection.transaction(() => {
      for (const { id, quality } of items) {
        const pk = update.get(quality.total, quality.mqa, quality.rating, id) as number | undefined;
        if (pk !== undefined) this.#updateQuality(pk, JSON.stringify(quality));
      }
    });
  }

  #insert(row: DatasetColumns, documents: Documents, quality: string): number {
    const { lastInsertRowid } = this.connection
      .sql(
        `INSERT INTO datasets (id, portal_id, country, level, state, title, publisher, license, rating, score, mqa,
           modified, hash, source_hash, first_seen, last_seen, last_seen_run_id)
         VALUES (@id, @portal_id, @country, @level, 'active', @title, @publisher, @license, @rating, @score, @mqa,
           @modified, @hash, @source_hash, @seen_at, @seen_at, @run_id)`,
      )
      .run(row);
    const pk = Number(lastInsertRowid);
    this.connection.sql('INSERT INTO dataset_documents (dataset_pk, record, raw) VALUES (?, ?, ?)').run(pk, documents.record, documents.raw);
    this.connection.sql('INSERT INTO dataset_quality (dataset_pk, quality) VALUES (?, ?)').run(pk, quality);
    return pk;
  }

  #update(pk: number, row: DatasetColumns, documents: Documents, quality: string): number {
    this.connection
      .sql(
        `UPDATE datasets SET country = @country, level = @level, state = 'active', withdrawn_at = NULL,
           title = @title, publisher = @publisher, license = @license, rating = @rating, score = @score,
           mqa = @mqa, modified = @modified, hash = @hash, source_hash = @source_hash, last_seen = @seen_at, last_seen_run_id = @run_id
         WHERE pk = @pk`,
      )
      .run({ ...row, pk });
    this.connection.sql('UPDATE dataset_documents SET record = ?, raw = ? WHERE dataset_pk = ?').run(documents.record, documents.raw, pk);
    this.#updateQuality(pk, quality);
    this.#deleteFacets(pk);
    return pk;
  }

  #markSeen(pk: number, portal: PortalRecord, runId: string, seenAt: string, { quality, sourceHash }: DatasetWrite, qualityJson: string): void {
    this.connection
      .sql(
        `UPDATE datasets SET last_seen = ?, last_seen_run_id = ?, country = ?, level = ?, score = ?, mqa = ?, rating = ?,
           source_hash = ? WHERE pk = ?`,
      )
      .run(seenAt, runId, portal.country, portal.level, quality.total, quality.mqa, quality.rating, sourceHash ?? null, pk);
    this.#updateQuality(pk, qualityJson);
  }

  #updateQuality(pk: number, qualityJson: string): void {
    this.connection.sql('UPDATE dataset_quality SET quality = ? WHERE dataset_pk = ?').run(qualityJson, pk);
  }

  #writeFacets(pk: number, facets: DatasetFacets): void {
    const theme = this.connection.sql('INSERT INTO dataset_themes (dataset_pk, value) VALUES (?, ?)');
    for (const value of facets.themes) theme.run(pk, value);
    const format = this.connection.sql('INSERT INTO dataset_formats (dataset_pk, value) VALUES (?, ?)');
    for (const value of facets.formats) format.run(pk, value);
  }

  /** The records' cluster keys and copy marks (store/cluster-keys.ts), which recluster reads: one statement each way, as for the text. */
  #replaceKeys(records: Map<number, Dataset>): void {
    if (records.size === 0) return;
    const pks = JSON.stringify([...records.keys()]);
    this.connection.sql('DELETE FROM dataset_keys WHERE dataset_pk IN (SELECT value FROM json_each(?))').run(pks);
    const pairs = [...records].flatMap(([pk, dataset]) => clusterKeys(dataset).map((key) => [pk, key]));
    this.connection.sql('INSERT OR IGNORE INTO dataset_keys (dataset_pk, key) SELECT value ->> 0, value ->> 1 FROM json_each(?)').run(JSON.stringify(pairs));
    this.connection.sql('UPDATE datasets SET keyed = ?, copy = 0 WHERE pk IN (SELECT value FROM json_each(?))').run(CLUSTER_KEYS_VERSION, pks);
    const copies = [...records].filter(([, dataset]) => isHarvestedCopy(dataset)).map(([pk]) => pk);
    if (copies.length > 0) this.connection.sql('UPDATE datasets SET copy = 1 WHERE pk IN (SELECT value FROM json_each(?))').run(JSON.stringify(copies));
  }

  /**
   * Links the active datasets of different portals that share a key, and stores each one's
   * cluster (the origin's pk, else the smallest). Records keyed by older rules (or before keys
   * existed) get theirs first.
   */
  recluster(): { clusters: number; datasets: number } {
    return this.connection.transaction(() => {
      // Rekeyed a thousand at a time: after a change of the rules, every record is.
      const stale = this.connection.sql(
        `SELECT d.pk, r.record FROM datasets d JOIN dataset_documents r ON r.dataset_pk = d.pk WHERE d.keyed < ? AND d.state = 'active' LIMIT 1000`,
      );
      for (let batch = stale.all(CLUSTER_KEYS_VERSION) as { pk: number; record: string }[]; batch.length > 0; batch = stale.all(CLUSTER_KEYS_VERSION) as typeof batch) {
        this.#replaceKeys(new Map(batch.map(({ pk, record }) => [pk, JSON.parse(record) as Dataset])));
      }
      // Rows come sorted by key and are grouped as they stream: only linked records stay in memory.
      const rows = this.connection
        .sql(`SELECT k.key, d.pk, d.portal_id, d.copy FROM dataset_keys k JOIN datasets d ON d.pk = k.dataset_pk WHERE d.state = 'active' ORDER BY k.key`)
        .raw()
        .iterate() as Iterable<KeyRow>;
      // The origin before its copies, then the first stored: the cluster's id and what search shows.
      const copies = new Set<number>();
      const order = (a: number, b: number) => Number(copies.has(a)) - Number(copies.has(b)) || a - b;
      const clusters = clustersOfGroups(groupsByKey(rows, copies), order);
      const stored = new Map(
        (this.connection.sql('SELECT pk, cluster FROM datasets WHERE cluster IS NOT NULL').all() as { pk: number; cluster: number }[]).map((r) => [r.pk, r.cluster]),
      );
      const set = this.connection.sql('UPDATE datasets SET cluster = ? WHERE pk = ?');
      for (const [pk, cluster] of clusters) if (stored.get(pk) !== cluster) set.run(cluster, pk);
      for (const pk of stored.keys()) if (!clusters.has(pk)) set.run(null, pk);
      return { clusters: new Set(clusters.values()).size, datasets: clusters.size };
    });
  }

  #deleteFacets(pk: number): void {
    this.connection.sql('DELETE FROM dataset_themes WHERE dataset_pk = ?').run(pk);
    this.connection.sql('DELETE FROM dataset_formats WHERE dataset_pk = ?').run(pk);
  }

  // Full-text rows are written last and in one statement each way: FTS5 flushes its pending
  // writes to a new index segment at every statement savepoint, so one row per statement among
  // the other writes would cost a segment (and later merges) per dataset.

  #removeText(pks: number[]): void {
    if (pks.length === 0) return;
    this.connection.sql('DELETE FROM datasets_fts WHERE rowid IN (SELECT value FROM json_each(?))').run(JSON.stringify(pks));
  }

  #addText(rows: TextRow[]): void {
    if (rows.length === 0) return;
    const values = rows.map(({ pk, dataset, facets }) => [
      pk,
      dataset.title,
      dataset.description ?? '',
      dataset.keywords.join(' '),
      facets.publisher ?? '',
    ]);
    this.connection
      .sql(
        `INSERT INTO datasets_fts (rowid, title, description, keywords, publisher)
         SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(?)`,
      )
      .run(JSON.stringify(values));
  }
}

/** A record holding a key: the key, its pk, its portal, 1 when it is a harvested copy. */
type KeyRow = [string, number, string, number];

/** Consecutive rows of one key as one group (the rows come sorted by key); notes the copies among the linked. */
function* groupsByKey(rows: Iterable<KeyRow>, copies: Set<number>): Generator<KeyHolder<number>[]> {
  let key: string | undefined;
  let group: KeyRow[] = [];
  const linked = function* () {
    if (group.length < 2) return;
    for (const [, pk, , copy] of group) if (copy) copies.add(pk);
    yield group.map(([, pk, portalId]) => ({ id: pk, portalId }));
  };
  for (const row of rows) {
    if (row[0] !== key) {
      yield* linked();
      group = [];
      key = row[0];
    }
    group.push(row);
  }
  yield* linked();
}

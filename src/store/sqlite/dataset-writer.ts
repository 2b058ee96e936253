/**
 * The write side of the dataset repository: one batch, one transaction, change detection by hash.
 * An unchanged record costs one UPDATE and its quality; only a new, changed or restored one pays
 * for its record, compressed source, facets and full-text row. Serializing and compressing happen
 * before the transaction (compression on another core), so the write lock is held briefly.
 */
import type { Quality } from '../../quality/types.js';
import { StoreError } from '../../errors.js';
import type { DatasetWrite, PortalRecord, UpsertResult } from '../store.js';
import type { Connection } from './connection.js';
import { datasetFacets, type DatasetFacets } from './facet-values.js';
import { gzipText, type RawCompressor } from './raw-compressor.js';

interface StoredState {
  pk: number;
  hash: string;
  state: 'active' | 'withdrawn';
}

/** The documents of a new or changed dataset, serialized ahead of the transaction. */
interface Documents {
  record: string;
  /** gzip of the source record's JSON; null when there is none. */
  raw: Buffer | null;
}

/** A batch item with its JSON ready: quality always, documents when the record looked new or changed. */
interface Prepared {
  item: DatasetWrite;
  quality: string;
  docs?: Documents;
}

export class DatasetWriter {
  constructor(
    private readonly connection: Connection,
    private readonly compressor: RawCompressor,
  ) {}

  async upsertBatch(portal: PortalRecord, runId: string, items: DatasetWrite[]): Promise<UpsertResult> {
    for (const { dataset } of items) {
      if (dataset.portalId !== portal.id) throw new StoreError(`Dataset ${dataset.id} belongs to portal ${dataset.portalId}, not ${portal.id}.`);
    }
    const prepared = await this.#prepare(items);
    const seenAt = new Date().toISOString();
    return this.connection.transaction(() => {
      const result: UpsertResult = { created: 0, updated: 0, unchanged: 0, restored: 0 };
      for (const { item, quality, docs } of prepared) {
        const stored = this.#storedState(item.dataset.id);
        if (stored && stored.hash === item.dataset.provenance.hash && stored.state === 'active') {
          this.#markSeen(stored.pk, portal, runId, seenAt, item.quality, quality);
          result.unchanged += 1;
          continue;
        }
        const facets = datasetFacets(item.dataset);
        const row = columns(portal, runId, seenAt, item, facets);
        const pk = stored ? this.#update(stored.pk, row) : this.#insert(row);
        // The guess made before the transaction misses when another writer got in between.
        this.#writeDocuments(pk, item, facets, docs ?? documents(item, encodeRaw(item.raw)), quality);
        if (!stored) result.created += 1;
        else if (stored.state === 'withdrawn') result.restored += 1;
        else result.updated += 1;
      }
      return result;
    });
  }

  /**
   * Flags the portal's active datasets the run did not see (and that are not in `keep`) as
   * withdrawn and takes them out of search.
   */
  withdrawUnseen(portalId: string, runId: string, now: Date, keep: readonly string[]): number {
    return this.connection.transaction(() => {
      const withdrawn = this.connection
        .sql(
          `UPDATE datasets SET state = 'withdrawn', withdrawn_at = ?
           WHERE portal_id = ? AND state = 'active' AND last_seen_run_id <> ?
             AND id NOT IN (SELECT value FROM json_each(?))
           RETURNING pk`,
        )
        .pluck()
        .all(now.toISOString(), portalId, runId, JSON.stringify(keep)) as number[];
      const unindex = this.connection.sql('DELETE FROM datasets_fts WHERE rowid = ?');
      for (const pk of withdrawn) unindex.run(pk);
      return withdrawn.length;
    });
  }

  updateQuality(items: { id: string; quality: Quality }[]): void {
    const update = this.connection.sql('UPDATE datasets SET score = ?, mqa = ?, rating = ? WHERE id = ? RETURNING pk').pluck();
    this.connection.transaction(() => {
      for (const { id, quality } of items) {
        const pk = update.get(quality.total, quality.mqa, quality.rating, id) as number | undefined;
        if (pk !== undefined) this.#writeQuality(pk, JSON.stringify(quality));
      }
    });
  }

  /**
   * Serializes the batch. The records that look new or changed (by the hashes stored now) get their
   * documents ready too; their sources are compressed on the worker while the rest is serialized here.
   */
  async #prepare(items: DatasetWrite[]): Promise<Prepared[]> {
    const stored = this.#storedStates(items.map((item) => item.dataset.id));
    const changing = items.filter(({ dataset }) => {
      const row = stored.get(dataset.id);
      return !row || row.hash !== dataset.provenance.hash || row.state === 'withdrawn';
    });
    const rawTexts = changing.map((item) => JSON.stringify(item.raw) as string | undefined);
    const compressing = this.compressor.compress(rawTexts.filter((text) => text !== undefined));
    const prepared = new Map<DatasetWrite, Prepared>(items.map((item) => [item, { item, quality: JSON.stringify(item.quality) }]));
    const records = changing.map((item) => JSON.stringify(item.dataset));
    const compressed = (await compressing).values();
    changing.forEach((item, i) => {
      const raw = rawTexts[i] === undefined ? null : (compressed.next().value ?? null);
      (prepared.get(item) as Prepared).docs = { record: records[i], raw };
    });
    return [...prepared.values()];
  }

  #storedStates(ids: string[]): Map<string, StoredState> {
    const rows = this.connection
      .sql('SELECT id, pk, hash, state FROM datasets WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ids)) as (StoredState & { id: string })[];
    return new Map(rows.map((row) => [row.id, row]));
  }

  #storedState(id: string): StoredState | undefined {
    return this.connection.sql('SELECT pk, hash, state FROM datasets WHERE id = ?').get(id) as StoredState | undefined;
  }

  #insert(row: Columns): number {
    const { lastInsertRowid } = this.connection
      .sql(
        `INSERT INTO datasets (id, portal_id, country, level, state, title, publisher, license, rating, score, mqa,
           modified, hash, first_seen, last_seen, last_seen_run_id)
         VALUES (@id, @portal_id, @country, @level, 'active', @title, @publisher, @license, @rating, @score, @mqa,
           @modified, @hash, @seen_at, @seen_at, @run_id)`,
      )
      .run(row);
    return Number(lastInsertRowid);
  }

  #update(pk: number, row: Columns): number {
    this.connection
      .sql(
        `UPDATE datasets SET country = @country, level = @level, state = 'active', withdrawn_at = NULL,
           title = @title, publisher = @publisher, license = @license, rating = @rating, score = @score,
           mqa = @mqa, modified = @modified, hash = @hash, last_seen = @seen_at, last_seen_run_id = @run_id
         WHERE pk = @pk`,
      )
      .run({ ...row, pk });
    this.connection.sql('DELETE FROM dataset_themes WHERE dataset_pk = ?').run(pk);
    this.connection.sql('DELETE FROM dataset_formats WHERE dataset_pk = ?').run(pk);
    this.connection.sql('DELETE FROM datasets_fts WHERE rowid = ?').run(pk);
    return pk;
  }

  #markSeen(pk: number, portal: PortalRecord, runId: string, seenAt: string, quality: Quality, qualityJson: string): void {
    this.connection
      .sql(
        `UPDATE datasets SET last_seen = ?, last_seen_run_id = ?, country = ?, level = ?, score = ?, mqa = ?, rating = ?
         WHERE pk = ?`,
      )
      .run(seenAt, runId, portal.country, portal.level, quality.total, quality.mqa, quality.rating, pk);
    this.#writeQuality(pk, qualityJson);
  }

  #writeQuality(pk: number, qualityJson: string): void {
    this.connection.sql('INSERT OR REPLACE INTO dataset_quality (dataset_pk, quality) VALUES (?, ?)').run(pk, qualityJson);
  }

  /** Record, quality, source, multi-valued facets and full-text row of a new or changed dataset. */
  #writeDocuments(pk: number, { dataset }: DatasetWrite, facets: DatasetFacets, docs: Documents, qualityJson: string): void {
    this.connection.sql('INSERT OR REPLACE INTO dataset_records (dataset_pk, record) VALUES (?, ?)').run(pk, docs.record);
    this.#writeQuality(pk, qualityJson);
    this.connection.sql('INSERT OR REPLACE INTO dataset_raw (dataset_pk, raw) VALUES (?, ?)').run(pk, docs.raw);
    const theme = this.connection.sql('INSERT INTO dataset_themes (dataset_pk, value) VALUES (?, ?)');
    for (const value of facets.themes) theme.run(pk, value);
    const format = this.connection.sql('INSERT INTO dataset_formats (dataset_pk, value) VALUES (?, ?)');
    for (const value of facets.formats) format.run(pk, value);
    this.connection
      .sql('INSERT INTO datasets_fts (rowid, title, description, keywords, publisher) VALUES (?, ?, ?, ?, ?)')
      .run(pk, dataset.title, dataset.description ?? '', dataset.keywords.join(' '), facets.publisher ?? '');
  }
}

function documents(item: DatasetWrite, raw: Buffer | null): Documents {
  return { record: JSON.stringify(item.dataset), raw };
}

function encodeRaw(raw: unknown): Buffer | null {
  const text = JSON.stringify(raw) as string | undefined;
  return text === undefined ? null : gzipText(text);
}

type Columns = ReturnType<typeof columns>;

/** The `datasets` columns of a new or changed record. */
function columns(portal: PortalRecord, runId: string, seenAt: string, { dataset, quality }: DatasetWrite, facets: DatasetFacets) {
  return {
    id: dataset.id,
    portal_id: portal.id,
    country: portal.country,
    level: portal.level,
    title: dataset.title,
    publisher: facets.publisher ?? null,
    license: facets.license ?? null,
    rating: quality.rating,
    score: quality.total,
    mqa: quality.mqa,
    modified: dataset.modified?.value ?? null,
    hash: dataset.provenance.hash,
    seen_at: seenAt,
    run_id: runId,
  };
}

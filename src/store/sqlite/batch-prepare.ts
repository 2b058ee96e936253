/**
 * Everything a batch write can compute before taking the write lock: JSON of every quality, and
 * for the records that look new or changed, JSON of the record and the compressed source record
 * (compressed on the worker while this thread serializes the rest).
 */
import type { Dataset } from '../../dcat/types.js';
import type { DatasetState, DatasetWrite, PortalRecord } from '../store.js';
import type { Connection } from './connection.js';
import type { DatasetFacets } from '../facet-values.js';
import { gzipText, type RawCompressor } from './raw-codec.js';

export interface StoredState {
  pk: number;
  hash: string;
  state: DatasetState;
}

/** The stored documents of a dataset version. */
export interface Documents {
  record: string;
  /** gzip of the source record's JSON; null when there is none. */
  raw: Buffer | null;
}

export interface PreparedWrite {
  item: DatasetWrite;
  quality: string;
  /** Ready when the record looked new or changed; the transaction serializes it otherwise. */
  docs?: Documents;
}

/** Same hash and still active: the run only marks it seen. */
export function isUnchanged(stored: StoredState | undefined, dataset: Dataset): boolean {
  return stored !== undefined && stored.hash === dataset.provenance.hash && stored.state === 'active';
}

export async function prepareBatch(connection: Connection, compressor: RawCompressor, items: DatasetWrite[]): Promise<PreparedWrite[]> {
  const stored = storedStates(connection, items.map((item) => item.dataset.id));
  const changing = items.filter(({ dataset }) => !isUnchanged(stored.get(dataset.id), dataset));
  const rawTexts = changing.map((item) => JSON.stringify(item.raw) as string | undefined);
  const compressing = compressor.compress(rawTexts.filter((text) => text !== undefined));
  const prepared = new Map<DatasetWrite, PreparedWrite>(items.map((item) => [item, { item, quality: JSON.stringify(item.quality) }]));
  const records = changing.map((item) => JSON.stringify(item.dataset));
  const compressed = (await compressing).values();
  changing.forEach((item, i) => {
    const raw = rawTexts[i] === undefined ? null : (compressed.next().value ?? null);
    (prepared.get(item) as PreparedWrite).docs = { record: records[i], raw };
  });
  return [...prepared.values()];
}

/** Serializes on the spot, for a record the preparation took for unchanged. */
export function documentsOf(item: DatasetWrite): Documents {
  const text = JSON.stringify(item.raw) as string | undefined;
  return { record: JSON.stringify(item.dataset), raw: text === undefined ? null : gzipText(text) };
}

function storedStates(connection: Connection, ids: string[]): Map<string, StoredState> {
  const rows = connection
    .sql('SELECT id, pk, hash, state FROM datasets WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as (StoredState & { id: string })[];
  return new Map(rows.map((row) => [row.id, row]));
}

export type DatasetColumns = ReturnType<typeof datasetColumns>;

/** The `datasets` columns of a new or changed record. */
export function datasetColumns(portal: PortalRecord, runId: string, seenAt: string, { dataset, quality, sourceHash }: DatasetWrite, facets: DatasetFacets) {
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
    source_hash: sourceHash ?? null,
    seen_at: seenAt,
    run_id: runId,
  };
}

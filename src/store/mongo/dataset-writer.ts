/**
 * The write side of the dataset repository. A batch costs two round trips: one query for the
 * stored hash and state of every id in the batch, then one ordered bulkWrite. Only a new or changed
 * record pays for serializing the record, compressing the source and re-deriving the search
 * fields; an unchanged one is a small `$set` (seen by this run, new quality).
 *
 * Atomicity: MongoDB runs a bulkWrite as separate single-document writes unless it is inside a
 * transaction, and transactions need a replica set, which a plain `mongod` (docker-compose.yml) is
 * not. A batch that fails part-way leaves some documents written and none lost or half-written;
 * running the batch again reaches the same end state, and nothing is withdrawn after a failed run.
 */
import type { Quality } from '../../quality/types.js';
import { StoreError } from '../../errors.js';
import type { DatasetState, DatasetWrite, PortalRecord, UpsertResult } from '../store.js';
import { attempt, compress, plain } from './codec.js';
import { derivedFields, qualityFields } from './dataset-fields.js';
import { CLUSTER_KEYS_VERSION, clusterKeys, clustersOf, isHarvestedCopy } from '../cluster-keys.js';
import type { Dataset } from '../../dcat/types.js';
import type { MongoModels } from './models/build-models.js';

interface Existing {
  hash: string;
  state: DatasetState;
}

/** The run that saw a record, and when; a rewrite has none and leaves both as stored. */
interface Seen {
  runId: string;
  seenAt: string;
}

type WriteOp = { updateOne: { filter: { _id: string }; update: Record<string, unknown>; upsert?: boolean } };

export class DatasetWriter {
  constructor(private readonly models: MongoModels) {}

  async upsertBatch(portal: PortalRecord, runId: string, items: DatasetWrite[]): Promise<UpsertResult> {
    return this.#write(portal, items, { runId, seenAt: new Date().toISOString() });
  }

  /** Replaces active stored records without touching when they were seen (see the port). */
  async rewrite(portal: PortalRecord, items: DatasetWrite[]): Promise<UpsertResult> {
    return this.#write(portal, items);
  }

  /** One batch; `seen` is the run that saw it, absent for a rewrite. */
  async #write(portal: PortalRecord, items: DatasetWrite[], seen?: Seen): Promise<UpsertResult> {
    const result: UpsertResult = { created: 0, updated: 0, unchanged: 0, restored: 0 };
    for (const { dataset } of items) {
      if (dataset.portalId !== portal.id) {
        throw new StoreError(`Dataset ${dataset.id} belongs to portal ${dataset.portalId}, not ${portal.id}.`);
      }
    }
    if (items.length === 0) return result;
    const ids = [...new Set(items.map((item) => item.dataset.id))];
    const found = await this.models.datasets
      .find({ _id: { $in: ids } }, { hash: 1, state: 1 })
      .lean<({ _id: string } & Existing)[]>()
      .exec();
    const known = new Map<string, Existing>(found.map((doc) => [doc._id, { hash: doc.hash, state: doc.state }]));
    const ops: WriteOp[] = [];
    // In order, as if one at a time: an id that comes twice in a batch is compared with its first write.
    for (const item of items) {
      const { id, provenance } = item.dataset;
      const existing = known.get(id);
      if (!seen && existing?.state !== 'active') continue;
      if (existing && existing.hash === provenance.hash && existing.state === 'active') {
        ops.push(markSeen(id, portal, seen, item));
        result.unchanged += 1;
      } else {
        ops.push(write(portal, seen, item));
        if (!existing) result.created += 1;
        else if (existing.state === 'withdrawn') result.restored += 1;
        else result.updated += 1;
      }
      known.set(id, { hash: provenance.hash, state: 'active' });
    }
    if (ops.length > 0) await this.models.datasets.bulkWrite(ops, { ordered: true });
    return result;
  }

  /** Flags the portal's active datasets the run did not see (and that `keep` does not name) as withdrawn. */
  async withdrawUnseen(portalId: string, runId: string, now: Date, keep: readonly string[] = []): Promise<number> {
    const { modifiedCount } = await this.models.datasets
      .updateMany(unseen(portalId, runId, keep), { $set: { state: 'withdrawn', withdrawnAt: now.toISOString() } })
      .exec();
    return modifiedCount;
  }

  async touchUnchanged(portalId: string, runId: string, sourceHashes: readonly string[], now: Date): Promise<Set<string>> {
    const filter = { portalId, state: 'active', sourceHash: { $in: [...sourceHashes] } };
    const found = await this.models.datasets.find(filter, { sourceHash: 1 }).lean<{ _id: string; sourceHash: string }[]>().exec();
    if (found.length === 0) return new Set();
    // Only the documents found: one written since by another run's write is left as that run left it.
    await this.models.datasets
      .updateMany({ _id: { $in: found.map((d) => d._id) }, ...filter }, { $set: { lastSeen: now.toISOString(), lastSeenRunId: runId } })
      .exec();
    return new Set(found.map((d) => d.sourceHash));
  }

  async countUnseen(portalId: string, runId: string, keep: readonly string[] = []): Promise<number> {
    return this.models.datasets.countDocuments(unseen(portalId, runId, keep)).exec();
  }

  /**
   * Links the active datasets of different portals that share a cluster key and stores each one's
   * cluster (the origin's id, else the first-stored member's). Records keyed by older rules (or
   * before keys existed) get theirs first, a thousand at a time.
   */
  async recluster(): Promise<{ clusters: number; datasets: number }> {
    const datasets = this.models.datasets;
    const stale = { state: 'active', clusterKeysVersion: { $ne: CLUSTER_KEYS_VERSION } };
    const set = (d: { dataset: Dataset }) => ({ $set: { clusterKeys: clusterKeys(d.dataset), clusterKeysVersion: CLUSTER_KEYS_VERSION, copy: isHarvestedCopy(d.dataset) } });
    for (;;) {
      const unkeyed = await datasets.find(stale, { dataset: 1 }).limit(1000).lean<{ _id: string; dataset: Dataset }[]>().exec();
      if (unkeyed.length === 0) break;
      await datasets.bulkWrite(unkeyed.map((d) => ({ updateOne: { filter: { _id: d._id }, update: set(d) } })));
    }
    const members = await datasets
      .find({ state: 'active' }, { portalId: 1, firstSeen: 1, clusterKeys: 1, cluster: 1, copy: 1 })
      .lean<{ _id: string; portalId: string; firstSeen: string; clusterKeys?: string[]; cluster?: string | null; copy?: boolean }[]>()
      .exec();
    const firstSeen = new Map(members.map((m) => [m._id, m.firstSeen]));
    const copies = new Set(members.filter((m) => m.copy).map((m) => m._id));
    // The origin before its copies, then the first stored: the cluster's id and what search shows.
    const order = (a: string, b: string) =>
      Number(copies.has(a)) - Number(copies.has(b)) || (firstSeen.get(a) ?? '').localeCompare(firstSeen.get(b) ?? '') || (a < b ? -1 : a > b ? 1 : 0);
    const clusters = clustersOf(members.map((m) => ({ id: m._id, portalId: m.portalId, keys: m.clusterKeys ?? [] })), order);
    const ops: WriteOp[] = [];
    for (const m of members) {
      const cluster = clusters.get(m._id);
      if (cluster === (m.cluster ?? undefined)) continue;
      ops.push({ updateOne: { filter: { _id: m._id }, update: cluster ? { $set: { cluster } } : { $unset: { cluster: 1 } } } });
    }
    if (ops.length > 0) await datasets.bulkWrite(ops, { ordered: false });
    return { clusters: new Set(clusters.values()).size, datasets: clusters.size };
  }

  async updateQuality(items: { id: string; quality: Quality }[]): Promise<void> {
    if (items.length === 0) return;
    const ops = items.map(({ id, quality }) => ({ updateOne: { filter: { _id: id }, update: { $set: qualityFields(quality) } } }));
    await attempt(`update the quality of ${items.length} datasets`, () => this.models.datasets.bulkWrite(ops, { ordered: true }));
  }
}

/** A new, changed or returning record: everything but `firstSeen` is (re)written; a rewrite only updates. */
function write(portal: PortalRecord, seen: Seen | undefined, { dataset, quality, raw, sourceHash }: DatasetWrite): WriteOp {
  const compressed = compress(raw);
  const set = {
    portalId: portal.id,
    state: 'active',
    hash: dataset.provenance.hash,
    ...(seen && { lastSeen: seen.seenAt, lastSeenRunId: seen.runId }),
    dataset: plain(dataset),
    quality: plain(quality),
    ...derivedFields(portal, dataset, quality),
    ...(compressed && { raw: compressed }),
    ...(sourceHash && { sourceHash }),
  };
  const unset = { withdrawnAt: 1, ...(!compressed && { raw: 1 }), ...(!sourceHash && { sourceHash: 1 }) };
  const update = { $set: set, $unset: unset, ...(seen && { $setOnInsert: { firstSeen: seen.seenAt } }) };
  return { updateOne: { filter: { _id: dataset.id }, update, upsert: Boolean(seen) } };
}

/** An unchanged record: seen by this run (unless a rewrite); quality and the portal's country and level refreshed. */
function markSeen(id: string, portal: PortalRecord, seen: Seen | undefined, { quality, sourceHash }: DatasetWrite): WriteOp {
  const set = { ...(seen && { lastSeen: seen.seenAt, lastSeenRunId: seen.runId }), ...qualityFields(quality, portal), ...(sourceHash && { sourceHash }) };
  return { updateOne: { filter: { _id: id }, update: { $set: set } } };
}

/** The portal's active datasets a run did not see, but for those kept. */
function unseen(portalId: string, runId: string, keep: readonly string[]) {
  return { portalId, state: 'active', lastSeenRunId: { $ne: runId }, ...(keep.length > 0 && { _id: { $nin: [...keep] } }) };
}

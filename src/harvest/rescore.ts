/**
 * Rescore: map → normalize → score again from the stored source records, without harvesting
 * (DESIGN.md: a change to normalization or scoring is re-applied to the whole store). Each record
 * keeps the provenance of the run that harvested it; when it was seen stays as stored. A record
 * that no longer maps is reported and keeps its stored version.
 */
import { normalize } from '../normalize/index.js';
import { score } from '../quality/score.js';
import { linkUrls } from './process-page.js';
import { isCosechaError, messageOf } from '../errors.js';
import type { Harvester } from './types.js';
import type { PortalConfig } from '../config-types.js';
import type { DatasetWrite, RecordFailure, Store, StoredDataset } from '../store/store.js';
import { portalRecord } from './run-driver.js';
import { sourceHasher } from './source-hash.js';

export interface RescoreResult {
  portalId: string;
  datasets: number;
  /** Records whose normalized content changed. */
  changed: number;
  failed: number;
  failures: RecordFailure[];
  /** Mean Cosecha score (0–500) before and after. */
  meanBefore: number;
  meanAfter: number;
}

const MAX_FAILURES = 100;

export async function rescorePortal(store: Store, harvester: Harvester, portal: PortalConfig, now: Date): Promise<RescoreResult> {
  const result: RescoreResult = { portalId: portal.id, datasets: 0, changed: 0, failed: 0, failures: [], meanBefore: 0, meanAfter: 0 };
  // Remapped by this version: the next harvest finds an unchanged record by its source hash again.
  const sourceHash = sourceHasher(portal);
  let before = 0;
  let after = 0;
  for await (const batch of store.datasets.scan({ portalId: portal.id })) {
    const mapped: { stored: StoredDataset; write: Omit<DatasetWrite, 'quality'> }[] = [];
    for (const stored of batch) {
      try {
        const write = await remap(store, harvester, portal, stored);
        mapped.push({ stored, write: { ...write, sourceHash: sourceHash(write.raw) } });
      } catch (error) {
        result.failed += 1;
        if (result.failures.length < MAX_FAILURES) {
          const code = isCosechaError(error) ? error.code : 'unexpected';
          result.failures.push({ sourceId: stored.dataset.sourceId, stage: 'rescore', code, message: messageOf(error) });
        }
      }
    }
    const links = await store.links.get(linkUrls(mapped.map((m) => m.write)));
    const writes = mapped.map(({ write }) => ({ ...write, quality: score(write.dataset, links, now) }));
    const written = await store.datasets.rewrite(portalRecord(portal), writes);
    result.changed += written.updated;
    result.datasets += batch.length;
    for (const { stored } of mapped) before += stored.quality.total;
    for (const { quality } of writes) after += quality.total;
  }
  const scored = result.datasets - result.failed;
  result.meanBefore = scored ? Math.round((before / scored) * 10) / 10 : 0;
  result.meanAfter = scored ? Math.round((after / scored) * 10) / 10 : 0;
  return result;
}

async function remap(store: Store, harvester: Harvester, portal: PortalConfig, stored: StoredDataset): Promise<Omit<DatasetWrite, 'quality'>> {
  const raw = await store.datasets.getRaw(stored.dataset.id);
  if (raw === undefined) throw new Error(`The source record of ${stored.dataset.id} is not stored.`);
  const { harvestedAt, runId, sourceUrl } = stored.dataset.provenance;
  const dataset = normalize(harvester.toDcat(raw, portal), { portalId: portal.id, harvestedAt, runId, sourceUrl });
  return { dataset, raw };
}

/**
 * The regional report: every portal together, and each portal's headline figures side by side. A
 * dataset several portals list (a cluster, store/cluster-keys.ts) counts once in the region's
 * figures, as the first of its records met; each portal's line counts its own records.
 */
import { Aggregator, type Aggregate } from './aggregate.js';
import { withWords } from './words.js';
import type { Store, PortalRecord } from '../src/store/store.js';

export interface PortalLine extends PortalRecord {
  datasets: number;
  meanScore: number;
  meanMqa: number;
  upToDateShare: number;
}

export interface RegionalReport {
  kind: 'region';
  generatedAt: string;
  filter: { country?: string; level?: string };
  summary: Aggregate;
  /** Records left out of `summary` because another portal's record of the same dataset counts. */
  relisted: number;
  portals: PortalLine[];
}

export async function buildRegionalReport(store: Store, now: Date, filter: { country?: string; level?: string } = {}): Promise<RegionalReport> {
  const region = new Aggregator();
  const portals: PortalLine[] = [];
  const clusters = new Set<string>();
  let relisted = 0;
  for (const portal of await store.portals.list()) {
    if ((filter.country && portal.country !== filter.country) || (filter.level && portal.level !== filter.level)) continue;
    const agg = new Aggregator();
    for await (const batch of store.datasets.scanScores({ portalId: portal.id })) {
      for (const item of batch) {
        agg.add(item);
        if (item.cluster !== undefined && clusters.has(item.cluster)) relisted += 1;
        else region.add(item);
        if (item.cluster !== undefined) clusters.add(item.cluster);
      }
    }
    const a = agg.result();
    const fresh = a.datasets ? a.freshness.up_to_date / a.datasets : 0;
    portals.push({ ...portal, datasets: a.datasets, meanScore: a.score.mean, meanMqa: a.score.mqaMean, upToDateShare: Math.round(fresh * 1000) / 1000 });
  }
  portals.sort((a, b) => b.meanScore - a.meanScore || a.id.localeCompare(b.id));
  // Several portals, several platforms: the missing items name their fields by the DCAT property.
  return { kind: 'region', generatedAt: now.toISOString(), filter, summary: withWords(region.result()), relisted, portals };
}

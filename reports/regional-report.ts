/** The regional report: every portal together, and each portal's headline figures side by side. */
import { Aggregator, type Aggregate } from './aggregate.js';
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
  portals: PortalLine[];
}

export async function buildRegionalReport(store: Store, now: Date, filter: { country?: string; level?: string } = {}): Promise<RegionalReport> {
  const region = new Aggregator();
  const portals: PortalLine[] = [];
  for (const portal of await store.portals.list()) {
    if ((filter.country && portal.country !== filter.country) || (filter.level && portal.level !== filter.level)) continue;
    const agg = new Aggregator();
    for await (const batch of store.datasets.scan({ portalId: portal.id })) {
      for (const item of batch) {
        agg.add(item);
        region.add(item);
      }
    }
    const a = agg.result();
    const fresh = a.datasets ? a.freshness.up_to_date / a.datasets : 0;
    portals.push({ ...portal, datasets: a.datasets, meanScore: a.score.mean, meanMqa: a.score.mqaMean, upToDateShare: Math.round(fresh * 1000) / 1000 });
  }
  portals.sort((a, b) => b.meanScore - a.meanScore || a.id.localeCompare(b.id));
  return { kind: 'region', generatedAt: now.toISOString(), filter, summary: region.result(), portals };
}

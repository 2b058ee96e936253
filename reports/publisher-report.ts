/** The report card of one publisher (institution) within a portal. */
import { Aggregator, type Aggregate } from './aggregate.js';
import { publisherKey } from './publisher-key.js';
import { NotFoundError } from '../src/errors.js';
import type { Store, PortalRecord } from '../src/store/store.js';

export interface PublisherReport {
  kind: 'publisher';
  id: string;
  name: string;
  portal: PortalRecord;
  generatedAt: string;
  summary: Aggregate;
}

/** `publisherId` is `<portalId>/<slug>` as listed in the portal report. */
export async function buildPublisherReport(store: Store, publisherId: string, now: Date): Promise<PublisherReport> {
  const portalId = publisherId.split('/')[0];
  const portal = await store.portals.get(portalId);
  if (!portal) throw new NotFoundError(`Publisher '${publisherId}'`);
  const agg = new Aggregator();
  let name: string | undefined;
  for await (const batch of store.datasets.scan({ portalId })) {
    for (const item of batch) {
      if (publisherKey(item.dataset) !== publisherId) continue;
      name ??= item.dataset.publisher?.name;
      agg.add(item);
    }
  }
  if (name === undefined) throw new NotFoundError(`Publisher '${publisherId}'`);
  return { kind: 'publisher', id: publisherId, name, portal, generatedAt: now.toISOString(), summary: agg.result() };
}

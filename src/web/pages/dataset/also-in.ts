/**
 * The other portals that list a dataset. The store links them in a cluster but has no read by
 * cluster; search shows a cluster once with `alsoIn` naming every other portal, so the dataset's
 * own title finds the cluster's shown member, and the member is told apart by its cluster.
 */
import type { Store, StoredDataset } from '../../../store/store.js';

const LOOKED_AT = 100;

export async function otherPortals(store: Store, stored: StoredDataset): Promise<string[]> {
  const { dataset, cluster } = stored;
  if (!cluster || stored.state !== 'active') return [];
  const { items } = await store.search.search({ q: dataset.title, limit: LOOKED_AT });
  for (const item of items) {
    if (!item.alsoIn?.includes(dataset.portalId) && item.id !== dataset.id) continue;
    const member = item.id === dataset.id || item.id === cluster || (await store.datasets.get(item.id))?.cluster === cluster;
    if (member) return [item.portalId, ...(item.alsoIn ?? [])].filter((p) => p !== dataset.portalId).sort();
  }
  return [];
}

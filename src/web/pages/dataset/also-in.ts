/** The other portals that list a dataset: those of its cluster (store/cluster-keys.ts), but its own. */
import type { Store, StoredDataset } from '../../../store/store.js';

export async function otherPortals(store: Store, stored: StoredDataset): Promise<string[]> {
  const { dataset, cluster } = stored;
  if (!cluster || stored.state !== 'active') return [];
  return (await store.datasets.clusterPortals(cluster)).filter((p) => p !== dataset.portalId);
}

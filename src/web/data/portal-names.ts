/** Portal ids to names: the stored portals, and the configured ones not harvested yet. */
import type { PortalRecord, Store } from '../../store/store.js';

export async function portalNames(store: Store, configured: readonly PortalRecord[]): Promise<Map<string, string>> {
  const names = new Map(configured.map((p) => [p.id, p.name]));
  for (const p of await store.portals.list()) names.set(p.id, p.name);
  return names;
}

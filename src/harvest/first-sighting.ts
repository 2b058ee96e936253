/**
 * The guard against a dataset listed twice in one listing (HARVESTING.md: "ids seen twice"):
 * offset paging over a catalog that changes under it, servers that repeat a page's records.
 */
import type { HarvestContext } from './types.js';

/**
 * True the first time `id` is met in this listing (and for a record without an id: its mapping
 * reports it as a bad record); false, logged with the page's URL, every time after.
 */
export function firstSighting(ctx: HarvestContext, seen: Set<string>, id: string | undefined, url: string): boolean {
  if (id === undefined) return true;
  if (seen.has(id)) {
    ctx.log.warn({ id, url }, 'Skipped a dataset whose id was already listed.');
    ctx.listing?.skip(1);
    return false;
  }
  seen.add(id);
  return true;
}

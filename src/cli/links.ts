/** `cosecha links [PORTAL_ID…]`: check the new and due links of stored portals now, with a progress bar. */
import type { Command } from 'commander';
import { progressBar } from './progress.js';
import { withContainer } from './context.js';
import type { LinkPassResult } from '../links/portal-links.js';

export function linksCommand(cli: Command): void {
  cli
    .command('links')
    .description('verificar enlaces / check the new and due links of stored portals now, and score with them')
    .argument('[portalIds...]', 'portal ids (default: every stored portal)')
    .action(async (portalIds: string[], _o: unknown, cmd: Command) => {
      await withContainer(cmd, async ({ store, checkLinks }) => {
        const ids = portalIds.length > 0 ? portalIds : (await store.portals.list()).map((p) => p.id);
        if (ids.length === 0) console.log('Nothing is stored yet: harvest a portal first (cosecha harvest, or cosecha demo).');
        for (const id of ids) {
          const bar = progressBar(`${id} [{bar}] {value}/{total} enlaces / links`);
          const result = await checkLinks(id, { onProgress: bar.update }).finally(bar.stop);
          console.log(linkSummary(result));
        }
      });
    });
}

/** The one summary line of a link pass. */
export function linkSummary(r: LinkPassResult): string {
  const s = r.statuses;
  return `${r.portalId}: ${r.checked} of ${r.urls} links checked now; ${s.ok} ok, ${s.broken} broken, ${s.unknown} unknown, ${s.refused} refused, ${s.not_checked} not checked yet; ${r.rescored} datasets scored again.`;
}

/** `cosecha rescore [PORTAL_ID…]`: normalize and score the stored source records again, without network. */
import type { Command } from 'commander';
import { withContainer } from './context.js';
import type { RescoreResult } from '../harvest/rescore.js';

export function rescoreCommand(cli: Command): void {
  cli
    .command('rescore')
    .description('recalificar sin cosechar / normalize and score stored records again, without harvesting')
    .argument('[portalIds...]', 'portal ids (default: every stored portal)')
    .action(async (portalIds: string[], _o: unknown, cmd: Command) => {
      await withContainer(cmd, async ({ store, rescore }) => {
        const ids = portalIds.length > 0 ? portalIds : (await store.portals.list()).map((p) => p.id);
        if (ids.length === 0) console.log('Nothing is stored yet: harvest a portal first (cosecha harvest, or cosecha demo).');
        for (const id of ids) console.log(summary(await rescore(id)));
      });
    });
}

function summary(r: RescoreResult): string {
  const failed = r.failures.map((f) => `\n  ${f.sourceId ?? '?'}: ${f.code}: ${f.message}`).join('');
  return `${r.portalId}: rescored ${r.datasets} datasets, ${r.changed} with changed metadata, ${r.failed} failed; mean score ${r.meanBefore} → ${r.meanAfter} of 500.${failed}`;
}

/** `cosecha export [--portal ID] [--format jsonl|jsonld|ttl]`: the normalized DCAT records, streamed. */
import { Option, type Command } from 'commander';
import { withContainer } from './context.js';
import { NotFoundError } from '../errors.js';
import { writeCatalog, EXPORT_FORMATS, type ExportFormat } from '../api/export.js';

export function exportCommand(cli: Command): void {
  cli
    .command('export')
    .description('exportar registros DCAT / export the normalized DCAT records')
    .option('--portal <id>', 'only this portal')
    .addOption(new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).default('jsonl'))
    .action(async (o: { portal?: string; format: ExportFormat }, cmd: Command) => {
      await withContainer(cmd, async ({ store }) => {
        if (o.portal && !(await store.portals.get(o.portal))) throw new NotFoundError(`Portal '${o.portal}'`);
        await writeCatalog(store, { portalId: o.portal, format: o.format }, process.stdout);
      });
    });
}

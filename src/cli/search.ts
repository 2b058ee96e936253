/** `cosecha search TEXT [--portal ID] [--country CC] [--limit N] [--json]`. */
import type { Command } from 'commander';
import { withContainer, positiveInt } from './context.js';
import { ratingLabel } from '../web/i18n/labels.js';

export function searchCommand(cli: Command): void {
  cli
    .command('search')
    .description('buscar conjuntos de datos / search datasets across every harvested portal')
    .argument('<text>', 'words to find (accents and case do not matter)')
    .option('--portal <id>', 'only this portal')
    .option('--country <cc>', 'only this country')
    .option('--limit <n>', 'results to show (1–100)', positiveInt('limit', 100), 10)
    .option('--json', 'print the JSON result')
    .action(async (text: string, o: { portal?: string; country?: string; limit: number; json?: boolean }, cmd: Command) => {
      await withContainer(cmd, async ({ store }) => {
        const result = await store.search.search({ q: text, filters: { portal: o.portal, country: o.country?.toUpperCase() }, limit: o.limit });
        if (o.json) return void console.log(JSON.stringify(result, null, 2));
        console.log(`${result.total} resultados / results for "${text}"`);
        for (const d of result.items) {
          // The rating is the MQA band: beside the MQA score out of 405, never beside the score out of 500.
          console.log(`- [${d.score}/500 · MQA ${d.mqa}/405 ${ratingLabel('es', d.rating)}] ${d.title} — ${d.publisher ?? 's/d'} (${d.portalId})${d.landingPage ? `\n  ${d.landingPage}` : ''}`);
        }
      });
    });
}

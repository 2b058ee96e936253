/** `cosecha report PORTAL_ID|--all [--publisher ID] [--format json|csv|md]`. */
import { Option, type Command } from 'commander';
import { withContainer } from './context.js';
import { buildPortalReport, buildPublisherReport, buildRegionalReport, renderReport, REPORT_FORMATS, type ReportFormat } from '../../reports/index.js';
import { BadRequestError } from '../errors.js';

export function reportCommand(cli: Command): void {
  cli
    .command('report')
    .description('informe de calidad / print a quality report: a portal, a publisher, or the region (--all)')
    .argument('[portalId]', 'portal id')
    .option('--all', 'the regional report over every portal')
    .option('--publisher <id>', 'a publisher report card: <portalId>/<publisher> as listed in the portal report')
    .addOption(new Option('--format <format>', 'output format').choices(REPORT_FORMATS).default('md'))
    .action(async (portalId: string | undefined, o: { all?: boolean; publisher?: string; format: ReportFormat }, cmd: Command) => {
      await withContainer(cmd, async ({ store }) => {
        const now = new Date();
        const report =
          o.publisher ? await buildPublisherReport(store, o.publisher.includes('/') || !portalId ? o.publisher : `${portalId}/${o.publisher}`, now)
          : o.all ? await buildRegionalReport(store, now)
          : portalId ? await buildPortalReport(store, portalId, now)
          : undefined;
        if (!report) throw new BadRequestError('Name a portal id, or use --all or --publisher.');
        process.stdout.write(renderReport(report, o.format));
      });
    });
}

/**
 * `cosecha report PORTAL_ID|--all [--publisher ID] [--format json|csv|md]`, and
 * `cosecha report --compare [--portal A --portal B | --country CC --level LEVEL]` (portals side by
 * side) and `cosecha report PORTAL_ID|--publisher ID --history` (the stored snapshots over time).
 */
import { Option, type Command } from 'commander';
import { withContainer } from './context.js';
import {
  buildPortalReport, buildPublisherReport, buildRegionalReport, buildComparison, buildHistory, renderReport,
  LEVELS, REPORT_FORMATS, type ReportFormat, type ComparisonFilter,
} from '../../reports/index.js';
import { BadRequestError } from '../errors.js';
import type { Store } from '../store/store.js';

interface ReportOptions {
  all?: boolean;
  publisher?: string;
  compare?: boolean;
  portal: string[];
  country?: string;
  level?: ComparisonFilter['level'];
  history?: boolean;
  format: ReportFormat;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function reportCommand(cli: Command): void {
  cli
    .command('report')
    .description('informe de calidad / print a quality report: a portal, a publisher, the region (--all), a comparison (--compare) or a history (--history)')
    .argument('[portalId]', 'portal id')
    .option('--all', 'the regional report over every portal')
    .option('--publisher <id>', 'a publisher report card: <portalId>/<publisher> as listed in the portal report')
    .option('--compare', 'portals side by side: those named with --portal, or those of --country and --level, or all')
    .option('--portal <id>', 'with --compare: a portal to compare (repeat the option for each)', collect, [])
    .option('--country <cc>', 'with --compare: the portals of this country (ISO 3166-1 alpha-2)')
    .addOption(new Option('--level <level>', 'with --compare: the portals of this level').choices(LEVELS))
    .option('--history', 'the stored reports of the portal or publisher over time, and the trend vs. 3 and 12 months ago')
    .addOption(new Option('--format <format>', 'output format').choices(REPORT_FORMATS).default('md'))
    .action(async (portalId: string | undefined, o: ReportOptions, cmd: Command) => {
      checkUsage(portalId, o);
      await withContainer(cmd, async ({ store }) => {
        process.stdout.write(renderReport(await build(store, portalId, o, new Date()), o.format));
      });
    });
}

/** Every misuse is exit 2 with one sentence, before the store is opened. */
function checkUsage(portalId: string | undefined, o: ReportOptions): void {
  const filters = o.portal.length > 0 || o.country !== undefined || o.level !== undefined;
  if (o.compare && (portalId || o.all || o.publisher || o.history)) {
    throw new BadRequestError('--compare takes its portals from --portal, --country and --level: give no portal id, --all, --publisher or --history with it.');
  }
  if (!o.compare && filters) throw new BadRequestError('--portal, --country and --level select the portals of a comparison: add --compare.');
  if (o.history && (o.all || (!portalId && !o.publisher))) throw new BadRequestError('--history needs a portal id or --publisher.');
}

async function build(store: Store, portalId: string | undefined, o: ReportOptions, now: Date) {
  if (o.compare) return buildComparison(store, { portals: o.portal, country: o.country, level: o.level }, now);
  const publisherId = o.publisher && (o.publisher.includes('/') || !portalId ? o.publisher : `${portalId}/${o.publisher}`);
  if (o.history && publisherId) return buildHistory(store, { kind: 'publisher', id: publisherId }, now);
  if (o.history && portalId) return buildHistory(store, { kind: 'portal', id: portalId }, now);
  if (publisherId) return buildPublisherReport(store, publisherId, now);
  if (o.all) return buildRegionalReport(store, now);
  if (portalId) return buildPortalReport(store, portalId, now);
  throw new BadRequestError('Name a portal id, or use --all, --publisher or --compare.');
}

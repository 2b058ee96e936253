/** `cosecha harvest [PORTAL_ID…] [--all] [--full] [--links]` and `cosecha harvest --url URL …`. */
import { Command, Option } from 'commander';
import PQueue from 'p-queue';
import { withContainer, EXIT } from './context.js';
import { parsePortal } from '../config.js';
import { summaryLine } from '../harvest/run-driver.js';
import { linkSummary } from './links.js';
import { SeenCounter } from './progress.js';
import { BadRequestError, ConfigError, messageOf } from '../errors.js';
import { slug } from '../../reports/publisher-key.js';
import type { PortalConfig } from '../config-types.js';
import type { Container } from '../container.js';

interface HarvestOptions {
  all?: boolean;
  full?: boolean;
  allowMassWithdrawal?: boolean;
  links?: boolean;
  url?: string;
  platform: string;
  id?: string;
  name?: string;
  country: string;
  level: string;
}

/** Portals harvested at once by `--all` (each host is still limited by its own queue). */
const PARALLEL_PORTALS = 4;

export function harvestCommand(cli: Command): void {
  cli
    .command('harvest')
    .description('cosechar ahora / harvest now: configured portals by id, --all, or any portal by --url')
    .argument('[portalIds...]', 'ids from config/portals.yaml')
    .option('--all', 'every enabled portal of the registry')
    .option('--full', 'a full run (the only kind that withdraws datasets gone from the source)')
    .option('--allow-mass-withdrawal', 'a full run that withdraws every dataset the listing did not see, even over the portal\'s maxWithdrawalShare or short of the count it declares')
    .option('--links', 'then check the new and due links of each portal harvested (one request per second per host)')
    .option('--url <url>', 'harvest the portal at this URL, without editing the registry')
    .option('--platform <name>', 'with --url: ckan, … or auto', 'auto')
    .option('--id <id>', 'with --url: portal id (default: from the host name)')
    .option('--name <text>', 'with --url: portal name (default: the host name)')
    .option('--country <cc>', 'with --url: ISO 3166-1 alpha-2 country code', 'ZZ')
    .addOption(new Option('--level <level>', 'with --url').choices(['national', 'subnational', 'municipal']).default('national'))
    .action(async (ids: string[], options: HarvestOptions, cmd: Command) => {
      await withContainer(cmd, async (c) => {
        const portals = selectPortals(c, ids, options);
        const failed = await harvestAll(c, portals, options);
        if (failed) process.exitCode = EXIT.runFailed;
      });
    });
}

function selectPortals(c: Container, ids: string[], o: HarvestOptions): PortalConfig[] {
  if (o.url) {
    if (ids.length || o.all) throw new BadRequestError('Give either --url or portal ids/--all, not both.');
    const host = hostOf(o.url);
    const entry = { id: o.id ?? (slug(host).slice(0, 63) || 'portal'), name: o.name ?? host, country: o.country.toUpperCase(), level: o.level, platform: o.platform, url: o.url };
    return [parsePortal('--url', entry, 0)];
  }
  if (o.all) return c.config.portals.filter((p) => p.enabled);
  if (ids.length === 0) throw new BadRequestError('Name the portals to harvest (ids from the registry), or use --all or --url.');
  return ids.map((id) => {
    const portal = c.config.portals.find((p) => p.id === id);
    if (!portal) throw new BadRequestError(`Portal '${id}' is not in ${c.config.portalsPath} (known: ${c.config.portals.map((p) => p.id).join(', ')}).`);
    return portal;
  });
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    throw new BadRequestError(`--url '${url}' is not an absolute URL.`);
  }
}

/** Harvests every portal, counting on a terminal what each has seen; prints one line each; true when any run failed. */
async function harvestAll(c: Container, portals: PortalConfig[], { full = false, allowMassWithdrawal = false, links = false }: HarvestOptions): Promise<boolean> {
  const queue = new PQueue({ concurrency: PARALLEL_PORTALS });
  const progress = new SeenCounter();
  let failed = false;
  const harvestOne = async (portal: PortalConfig) => {
    try {
      if (portal.platform === 'auto') {
        const { platform, reason } = await c.detect(portal);
        progress.print(`${portal.id}: detected platform ${platform}: ${reason}.`);
      }
      const onProgress = (seen: number) => progress.update(portal.id, seen);
      const run = await c.harvest({ portal, full: full || allowMassWithdrawal, allowMassWithdrawal, onProgress });
      progress.finish(portal.id, summaryLine(portal.id, run));
      if (run.status !== 'succeeded') failed = true;
      else if (links) progress.print(linkSummary(await c.checkLinks(portal.id)));
    } catch (error) {
      if (error instanceof ConfigError && error.code === 'no_harvester') {
        progress.finish(portal.id, `${portal.id}: skipped: ${messageOf(error)}`);
        if (portals.length === 1) throw error;
        return;
      }
      progress.finish(portal.id, `${portal.id}: not harvested: ${messageOf(error)}`);
      failed = true;
    }
  };
  try {
    await Promise.all(portals.map((portal) => queue.add(() => harvestOne(portal))));
  } finally {
    progress.stop();
  }
  return failed;
}

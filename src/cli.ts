/**
 * The `cosecha` command line (DESIGN.md, "Command line"). Exit code 0 on success, 1 when a run
 * failed, 2 on bad usage or configuration; errors are one sentence on stderr (stack traces only
 * with COSECHA_DEBUG=1).
 */
import { Command, CommanderError } from 'commander';
import { isCosechaError, messageOf } from './errors.js';
import { harvestCommand } from './cli/harvest.js';
import { EXIT } from './cli/context.js';
import { serveCommand } from './cli/serve.js';
import { reportCommand } from './cli/report.js';
import { exportCommand } from './cli/export.js';
import { searchCommand } from './cli/search.js';
import { demoCommand } from './cli/demo.js';
import { rescoreCommand } from './cli/rescore.js';
import { linksCommand } from './cli/links.js';
import { workerCommand } from './cli/worker.js';

function program(): Command {
  const cli = new Command('cosecha')
    .description('Cosecha: cosecha y calidad de datos abiertos / open-data harvester and metadata-quality service')
    .option('--store <url>', 'store URL: sqlite:PATH or mongodb://… (env COSECHA_STORE)')
    .option('--portals <path>', 'portal registry (env COSECHA_PORTALS, default config/portals.yaml)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  harvestCommand(cli);
  serveCommand(cli);
  reportCommand(cli);
  exportCommand(cli);
  searchCommand(cli);
  demoCommand(cli);
  rescoreCommand(cli);
  linksCommand(cli);
  workerCommand(cli);
  return cli;
}

/** Parses argv, runs the command and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    const cli = program();
    await cli.parseAsync(argv);
    return Number(process.exitCode ?? EXIT.ok);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (process.env.COSECHA_DEBUG === '1') console.error(error);
    console.error(`cosecha: ${messageOf(error)}`);
    if (isCosechaError(error) && error.action === 'fix_config') return EXIT.usage;
    return EXIT.runFailed;
  }
}


/**
 * The `cosecha` command line (DESIGN.md, "Command line"). Exit code 0 on success, 1 when a run
 * failed, 2 on bad usage or configuration; errors are one sentence on stderr (stack traces only
 * with COSECHA_DEBUG=1).
 */
import { Command, CommanderError } from 'commander';
import { isCosechaError, messageOf } from './errors.js';
import { EXIT } from './cli/exit.js';
import { VERSION } from './version.js';

type Declare = (cli: Command) => void;

/**
 * Every command: the line that lists it in `cosecha --help`, and its module, loaded only when the
 * command line names it (a command's module brings the store, the harvesters, the web server…:
 * loading them all would cost every start a second).
 */
export const COMMANDS: Record<string, { summary: string; load: () => Promise<Declare>; hidden?: boolean }> = {
  harvest: { summary: 'cosechar ahora / harvest now', load: async () => (await import('./cli/harvest.js')).harvestCommand },
  serve: { summary: 'servir la API y las páginas / serve the API, the pages and the scheduled harvests', load: async () => (await import('./cli/serve.js')).serveCommand },
  report: { summary: 'informe de calidad / print a quality report', load: async () => (await import('./cli/report.js')).reportCommand },
  export: { summary: 'exportar registros DCAT / export the DCAT records', load: async () => (await import('./cli/export.js')).exportCommand },
  search: { summary: 'buscar conjuntos de datos / search datasets', load: async () => (await import('./cli/search.js')).searchCommand },
  demo: { summary: 'demostración sin conexión / the whole system offline', load: async () => (await import('./cli/demo.js')).demoCommand },
  rescore: { summary: 'recalificar sin cosechar / score stored records again', load: async () => (await import('./cli/rescore.js')).rescoreCommand },
  links: { summary: 'verificar enlaces / check links now', load: async () => (await import('./cli/links.js')).linksCommand },
  // A worker process of `serve` (scheduler/worker-process.ts), not a command for people.
  worker: { summary: 'one job of cosecha serve (internal)', load: async () => (await import('./cli/worker.js')).workerCommand, hidden: true },
};

/** The program with the command `argv` names declared in full, and the others by name and summary. */
async function program(argv: string[]): Promise<Command> {
  const cli = new Command('cosecha')
    .description('Cosecha: cosecha y calidad de datos abiertos / open-data harvester and metadata-quality service')
    .version(VERSION, '-V, --version', 'versión / print the version')
    .option('--store <url>', 'store URL: sqlite:PATH or mongodb://… (env COSECHA_STORE)')
    .option('--portals <path>', 'portal registry (env COSECHA_PORTALS, default config/portals.yaml)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const named = argv.slice(2).find((arg) => Object.hasOwn(COMMANDS, arg));
  for (const [name, { summary, load, hidden }] of Object.entries(COMMANDS)) {
    if (name === named) (await load())(cli);
    else cli.command(name, { hidden }).summary(summary);
  }
  return cli;
}

/** Parses argv, runs the command and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    const cli = await program(argv);
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


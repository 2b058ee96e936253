/** Shared by the commands: global options → frozen config → container. */
import type { Command } from 'commander';
import { loadConfig, type Config } from '../config.js';
import { createContainer, type Container } from '../container.js';
import { BadRequestError } from '../errors.js';
import { createLogger, type Logger } from '../log.js';

export { EXIT } from './exit.js';

export interface GlobalOptions {
  store?: string;
  portals?: string;
}

/** One-shot commands print their own summary lines: their log shows only warnings unless asked. */
const ONE_SHOT_DEFAULTS = { logLevel: 'warn' };

export function configFrom(cmd: Command, flags: { port?: number } = {}): Config {
  const g = cmd.optsWithGlobals<GlobalOptions>();
  const defaults = cmd.name() === 'serve' ? {} : ONE_SHOT_DEFAULTS;
  return loadConfig({ portalsPath: g.portals, flags: { store: g.store, port: flags.port }, defaults });
}

/** The log of a command that prints each run's summary line on stdout: without that line. */
export function oneShotLogger(config: Config): Logger {
  return createLogger({ level: config.settings.logLevel, omitRunSummaries: true });
}

/** Opens the container, runs `work`, and always closes the store. */
export async function withContainer<T>(cmd: Command, work: (c: Container) => Promise<T>, flags: { port?: number } = {}): Promise<T> {
  const config = configFrom(cmd, flags);
  const container = await createContainer(config, { log: oneShotLogger(config) });
  try {
    return await work(container);
  } finally {
    await container.close();
  }
}

/** Parses a positive integer option, naming it when it is not one. */
export function positiveInt(name: string, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > max) throw new BadRequestError(`--${name} must be a whole number from 0 to ${max}, not '${value}'.`);
    return n;
  };
}

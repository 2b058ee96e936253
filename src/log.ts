/** The injected logger: pino, with a child per component or portal. */
import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

export interface LogOptions {
  /** pino level; `silent` in tests. Default `info`, or env COSECHA_LOG_LEVEL. */
  level?: string;
}

/** Logs to stderr so that command output on stdout stays clean. */
export function createLogger(options: LogOptions = {}): Logger {
  const level = options.level ?? process.env.COSECHA_LOG_LEVEL ?? 'info';
  return pino({ level, base: undefined }, pino.destination(2));
}

/** A logger that drops everything (tests, benchmarks). */
export const silentLogger: Logger = pino({ level: 'silent' });

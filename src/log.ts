/** The injected logger: pino, with a child per component or portal. */
import { pino, type Logger as PinoLogger } from 'pino';
import { PinoPretty } from 'pino-pretty';
import { ConfigError } from './errors.js';

export type Logger = PinoLogger;

export const LOG_FORMATS = ['pretty', 'json'] as const;

export interface LogOptions {
  /** pino level; `silent` in tests. Default `info`, or env COSECHA_LOG_LEVEL. */
  level?: string;
  /**
   * `pretty`: one readable line per message; `json`: one JSON object per line. Default env
   * COSECHA_LOG_FORMAT, else `pretty` when stderr is a terminal and `json` when it is not.
   */
  format?: string;
  /**
   * Leave out each run's summary line (the run driver's record marked `runSummary`): for commands
   * that print it on stdout themselves. Default false.
   */
  omitRunSummaries?: boolean;
}

/** Logs to stderr so that command output on stdout stays clean. */
export function createLogger(options: LogOptions = {}): Logger {
  const level = options.level ?? process.env.COSECHA_LOG_LEVEL ?? 'info';
  const format = options.format ?? process.env.COSECHA_LOG_FORMAT ?? (process.stderr.isTTY ? 'pretty' : 'json');
  if (!(LOG_FORMATS as readonly string[]).includes(format)) {
    throw new ConfigError(`COSECHA_LOG_FORMAT debe ser pretty o json / must be pretty or json, not '${format}'.`);
  }
  const destination =
    format === 'pretty'
      ? // `error` is the run driver's {code, message, url}: kept on the line, not set out as a stack.
        PinoPretty({ destination: 2, sync: true, colorize: Boolean(process.stderr.isTTY), translateTime: 'SYS:HH:MM:ss', singleLine: true, errorLikeObjectKeys: ['err'] })
      : pino.destination(2);
  const isRunSummary = (data: unknown) => typeof data === 'object' && data !== null && 'runSummary' in data;
  const hooks: pino.LoggerOptions['hooks'] = {
    logMethod(args, method) {
      if (!(options.omitRunSummaries && isRunSummary(args[0]))) method.apply(this, args);
    },
  };
  return pino({ level, base: undefined, hooks }, destination);
}

/** A logger that drops everything (tests, benchmarks). */
export const silentLogger: Logger = pino({ level: 'silent' });

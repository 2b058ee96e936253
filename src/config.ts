/**
 * Configuration: service settings and the portal registry (config/portals.yaml), validated at
 * start-up and frozen. Precedence: defaults < the file's `settings:` block < environment <
 * command-line flags. A bad file stops with one sentence naming the file, the entry and the field.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import cron from 'node-cron';
import { ConfigError } from './errors.js';
import type { PortalConfig } from './config-types.js';

export type { PortalConfig, Politeness } from './config-types.js';

/** Every service setting, with its default, environment variable and meaning (README table). */
export const SETTINGS = {
  store: { default: 'sqlite:./data/cosecha.db', env: 'COSECHA_STORE', doc: 'Store URL: sqlite:PATH or mongodb://…' },
  port: { default: 8080, env: 'COSECHA_PORT', doc: 'HTTP port of `cosecha serve`' },
  userAgent: { default: 'Cosecha/0.1 (open-data metadata-quality harvester for Latin America)', env: 'COSECHA_USER_AGENT', doc: 'User-Agent of every request' },
  leaseMs: { default: 10 * 60_000, env: 'COSECHA_LEASE_MS', doc: 'Harvest lease, renewed while a run is alive' },
  retries: { default: 3, env: 'COSECHA_RETRIES', doc: 'HTTP retries on 408/429/5xx and network errors' },
  backoffLimitMs: { default: 30_000, env: 'COSECHA_BACKOFF_LIMIT_MS', doc: 'Longest backoff between retries' },
  maxRetryAfterMs: { default: 120_000, env: 'COSECHA_MAX_RETRY_AFTER_MS', doc: 'Longest Retry-After honoured' },
  logLevel: { default: 'info', env: 'COSECHA_LOG_LEVEL', doc: 'Log level: debug, info, warn, error, silent' },
  linkSchedule: { default: '30 */6 * * *', env: 'COSECHA_LINK_SCHEDULE', doc: 'When `cosecha serve` checks the links that are due (cron), besides after each harvest' },
  linkIntervalMs: { default: 1000, env: 'COSECHA_LINK_INTERVAL_MS', doc: 'Pause between two link checks on one host' },
  linkTimeoutMs: { default: 10_000, env: 'COSECHA_LINK_TIMEOUT_MS', doc: 'Timeout of one link check request' },
  harvestWorkers: { default: 2, env: 'COSECHA_HARVEST_WORKERS', doc: 'Harvests `cosecha serve` runs at once, each in a worker process of its own' },
  workerNice: { default: 10, env: 'COSECHA_WORKER_NICE', doc: 'CPU priority of `cosecha serve`\'s worker processes below its own (nice 0–19): the API answers first' },
  workerStopMs: { default: 15_000, env: 'COSECHA_WORKER_STOP_MS', doc: 'How long `cosecha serve`, stopping, waits for a worker to end its run before it kills it' },
  linkAllowHosts: { default: '', env: 'COSECHA_LINK_ALLOW_HOSTS', doc: 'Comma-separated hosts fetched even on private addresses, by link checks and harvests (a portal\'s own host always is)' },
} as const;

export type SettingName = keyof typeof SETTINGS;
export type Settings = { readonly [K in SettingName]: (typeof SETTINGS)[K]['default'] extends number ? number : string };

/** Defaults applied to every portal entry unless it says otherwise. */
export const PORTAL_DEFAULTS = {
  schedule: '0 3 * * *',
  fullEveryDays: 7,
  pageSize: 100,
  politeness: { concurrency: 1, intervalMs: 1000 },
  timeoutMs: 30_000,
  maxResponseBytes: 64 * 1024 * 1024,
  insecure: false,
  maxWithdrawalShare: 0.1,
  enabled: true,
  options: {},
} as const;

/** Platforms Cosecha knows of; `harvesters/index.ts` says which have a harvester today. */
export const KNOWN_PLATFORMS = ['ckan', 'dkan', 'datajson', 'socrata', 'opendatasoft', 'arcgis', 'dcat', 'csw', 'html', 'auto'] as const;

const idPattern = /^[a-z0-9][a-z0-9-]{1,62}$/;

const cronExpression = z.string().refine((s) => cron.validate(s), { message: 'is not a valid cron expression' });
const httpUrl = z.string().refine((s) => {
  try {
    return ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
}, { message: 'is not an absolute http(s) URL' });

const politeness = z.strictObject({
  concurrency: z.number().int().min(1).max(16),
  intervalMs: z.number().int().min(0).max(60_000),
});

const portalFields = {
  schedule: cronExpression,
  fullEveryDays: z.number().int().min(1).max(365),
  pageSize: z.number().int().min(1).max(1000),
  politeness,
  timeoutMs: z.number().int().min(100).max(600_000),
  maxResponseBytes: z.number().int().min(1024),
  insecure: z.boolean(),
  maxWithdrawalShare: z.number().min(0).max(1),
  enabled: z.boolean(),
  options: z.record(z.string(), z.unknown()),
};

const portalEntry = z.strictObject({
  id: z.string().regex(idPattern, { message: 'must be lower-case letters, digits and dashes (2–63)' }),
  name: z.string().min(1),
  country: z.string().regex(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code in capitals (EC, GT, …)' }),
  level: z.enum(['national', 'subnational', 'municipal']),
  platform: z.enum(KNOWN_PLATFORMS),
  url: httpUrl,
  ...Object.fromEntries(Object.entries(portalFields).map(([k, v]) => [k, v.optional()])),
});

const fileSchema = z.strictObject({
  settings: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  defaults: z.strictObject(portalFields).partial().optional(),
  portals: z.array(z.unknown()),
});

export interface Config {
  readonly settings: Settings;
  readonly portals: readonly PortalConfig[];
  /** The portal file the registry came from. */
  readonly portalsPath: string;
}

export interface LoadOptions {
  portalsPath?: string;
  env?: NodeJS.ProcessEnv;
  /** Command-line values; undefined ones are ignored. */
  flags?: Partial<Record<SettingName, string | number | undefined>>;
  /** Defaults of this command in place of the built-in ones (one-shot commands log less). */
  defaults?: Partial<Record<SettingName, string | number>>;
}

/** Reads, validates and freezes the configuration. Throws ConfigError naming file, entry and field. */
export function loadConfig(options: LoadOptions = {}): Config {
  const env = options.env ?? process.env;
  const portalsPath = options.portalsPath ?? env.COSECHA_PORTALS ?? defaultPortalsPath();
  const file = readPortalsFile(portalsPath);
  const settings = resolveSettings(portalsPath, { ...options.defaults, ...file.settings }, env, options.flags ?? {});
  const portals = file.portals.map((entry, i) => parsePortal(portalsPath, entry, i, file.defaults ?? {}));
  const seen = new Set<string>();
  portals.forEach((p, i) => {
    if (seen.has(p.id)) throw new ConfigError(`${portalsPath}: portals[${i}] (${p.id}): field 'id' repeats an earlier entry.`);
    seen.add(p.id);
  });
  return deepFreeze({ settings, portals, portalsPath });
}

/** config/portals.yaml of the working directory, else the one shipped with Cosecha. */
function defaultPortalsPath(): string {
  const local = 'config/portals.yaml';
  return existsSync(local) ? local : fileURLToPath(new URL('../config/portals.yaml', import.meta.url));
}

function readPortalsFile(path: string): z.infer<typeof fileSchema> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new ConfigError(`${path}: the portal registry cannot be read (${(cause as NodeJS.ErrnoException).code ?? 'error'}).`, { cause });
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (cause) {
    throw new ConfigError(`${path}: is not valid YAML: ${(cause as Error).message.split('\n')[0]}`, { cause });
  }
  const parsed = fileSchema.safeParse(data ?? {});
  if (!parsed.success) throw new ConfigError(`${path}: ${describeIssue(parsed.error.issues[0])}`);
  return parsed.data;
}

/** Applies defaults and validates one portal entry. Exported for `harvest --url`. */
export function parsePortal(path: string, entry: unknown, index: number, defaults: Partial<Omit<PortalConfig, 'id'>> = {}): PortalConfig {
  const id = typeof entry === 'object' && entry !== null && 'id' in entry ? String((entry as { id: unknown }).id) : '?';
  const parsed = portalEntry.safeParse(entry);
  if (!parsed.success) throw new ConfigError(`${path}: portals[${index}] (${id}): ${describeIssue(parsed.error.issues[0])}`);
  return { ...PORTAL_DEFAULTS, ...defaults, ...stripUndefined(parsed.data) } as PortalConfig;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.join('.') || '(top level)';
  if (issue.code === 'unrecognized_keys') return `unknown field '${issue.keys.join("', '")}'${issue.path.length ? ` in '${field}'` : ''}.`;
  if (issue.code === 'invalid_value') return `field '${field}' must be one of: ${issue.values.join(', ')}.`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return `field '${field}' is missing.`;
  return `field '${field}' ${issue.message.replace(/^Invalid input: /, '')}.`.replace(/\.\.$/, '.');
}

function resolveSettings(path: string, fromFile: Record<string, string | number>, env: NodeJS.ProcessEnv, flags: LoadOptions['flags'] = {}): Settings {
  const out: Record<string, string | number> = {};
  for (const [name, spec] of Object.entries(SETTINGS) as [SettingName, (typeof SETTINGS)[SettingName]][]) {
    const sources: [string, unknown][] = [
      [`${path}: settings.${name}`, fromFile[name]],
      [`environment variable ${spec.env}`, env[spec.env]],
      [`option --${name}`, flags[name]],
    ];
    let value: string | number = spec.default;
    for (const [where, v] of sources) {
      if (v === undefined || v === '') continue;
      value = typeof spec.default === 'number' ? toNumber(where, v) : String(v);
    }
    out[name] = value;
  }
  for (const key of Object.keys(fromFile)) {
    if (!(key in SETTINGS)) throw new ConfigError(`${path}: settings: unknown setting '${key}' (known: ${Object.keys(SETTINGS).join(', ')}).`);
  }
  if (!cron.validate(String(out.linkSchedule))) throw new ConfigError(`The setting linkSchedule is not a valid cron expression: '${out.linkSchedule}'.`);
  return out as Settings;
}

function toNumber(where: string, v: unknown): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new ConfigError(`${where} must be a non-negative number, not '${String(v)}'.`);
  return n;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.values(o).forEach(deepFreeze);
    Object.freeze(o);
  }
  return o;
}

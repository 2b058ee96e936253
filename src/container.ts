/**
 * The composition root: the one place that picks adapters and wires the parts together.
 * Nothing is created at import time; everything is passed explicitly from here.
 */
import { hostname } from 'node:os';
import { ConfigError } from './errors.js';
import { createLogger, type Logger } from './log.js';
import { createHttpClient, HostQueues, type HttpClient } from './harvest/http.js';
import { runHarvest, type RunRequest } from './harvest/run-driver.js';
import { recoverRuns } from './harvest/recover.js';
import { harvesterFor } from '../harvesters/index.js';
import { buildPortalReport } from '../reports/index.js';
import type { Config, PortalConfig } from './config.js';
import type { Store, Run } from './store/store.js';

export interface Container {
  readonly config: Config;
  readonly store: Store;
  readonly log: Logger;
  /** The HTTP client of one portal (shares per-host queues with every other). */
  httpFor(portal: PortalConfig): HttpClient;
  /** Harvests one portal now. Throws ConfigError when its platform has no harvester. */
  harvest(request: RunRequest): Promise<Run>;
  close(): Promise<void>;
}

/** Opens the store named by a URL: `sqlite:PATH` (default) or `mongodb://…`. */
export async function openStore(url: string): Promise<Store> {
  let store: Store;
  if (url.startsWith('sqlite:')) {
    const { openSqliteStore } = await import('./store/sqlite/sqlite-store.js');
    store = openSqliteStore(url.slice('sqlite:'.length) || './data/cosecha.db');
  } else if (/^mongodb(\+srv)?:\/\//.test(url)) {
    const { openMongoStore } = await import('./store/mongo/mongo-store.js');
    store = await openMongoStore(url);
  } else {
    throw new ConfigError(`The store URL '${url}' is not supported: use sqlite:PATH or mongodb://HOST/DB.`);
  }
  await store.init();
  return store;
}

export interface ContainerOptions {
  log?: Logger;
  /** An already open store (tests). */
  store?: Store;
  now?: () => Date;
}

export async function createContainer(config: Config, options: ContainerOptions = {}): Promise<Container> {
  const log = options.log ?? createLogger({ level: config.settings.logLevel });
  const store = options.store ?? (await openStore(config.settings.store));
  const queues = new HostQueues();
  const owner = `${hostname()}:${process.pid}`;
  const now = options.now ?? (() => new Date());
  const recovered = await recoverRuns(store, hostname(), now());
  if (recovered) log.warn({ recovered }, `${recovered} harvest runs left running by a stopped process were marked interrupted.`);
  const { settings } = config;

  const httpFor = (portal: PortalConfig): HttpClient =>
    createHttpClient(
      {
        timeoutMs: portal.timeoutMs,
        maxResponseBytes: portal.maxResponseBytes,
        retries: settings.retries,
        backoffLimitMs: settings.backoffLimitMs,
        maxRetryAfterMs: settings.maxRetryAfterMs,
        userAgent: settings.userAgent,
        insecure: portal.insecure,
        politeness: portal.politeness,
      },
      queues,
    );

  async function harvest(request: RunRequest): Promise<Run> {
    const harvester = harvesterFor(request.portal.platform);
    if (!harvester) {
      const hint = request.portal.platform === 'auto' ? ' (platform detection is not built yet: name the platform, e.g. --platform ckan)' : '';
      throw new ConfigError(`Portal ${request.portal.id}: the platform '${request.portal.platform}' has no harvester yet${hint}; it is skipped.`, { code: 'no_harvester' });
    }
    const afterRun = async (run: Run) => {
      const report = await buildPortalReport(store, run.portalId, now());
      await store.reports.save({ scope: { kind: 'portal', id: run.portalId }, runId: run.id, createdAt: report.generatedAt, report });
    };
    return runHarvest({ store, harvester, http: httpFor(request.portal), log, owner, leaseMs: settings.leaseMs, now, afterRun }, request);
  }

  return { config, store, log, httpFor, harvest, close: () => store.close() };
}

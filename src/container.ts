/**
 * The composition root: the one place that picks adapters and wires the parts together.
 * Nothing is created at import time; everything is passed explicitly from here.
 */
import { hostname } from 'node:os';
import { ConfigError, NotFoundError } from './errors.js';
import { createLogger, type Logger } from './log.js';
import { createHttpClient, HostQueues, type HttpClient } from './harvest/http.js';
import { runHarvest, type RunRequest } from './harvest/run-driver.js';
import { recoverRuns } from './harvest/recover.js';
import { rescorePortal, type RescoreResult } from './harvest/rescore.js';
import { checkPortalLinks, type LinkPassResult } from './links/portal-links.js';
import { HostGate } from './links/host-gate.js';
import { detectPlatform, type Detection } from './harvest/detect.js';
import { buildPortalReport, refreshPortalReport, type PortalReport } from '../reports/index.js';
import { PORTAL_DEFAULTS, type Config, type PortalConfig } from './config.js';
import type { Store, Run } from './store/store.js';

export interface Container {
  readonly config: Config;
  readonly store: Store;
  readonly log: Logger;
  /** The HTTP client of one portal (shares per-host queues with every other). */
  httpFor(portal: PortalConfig): HttpClient;
  /** Harvests one portal now (detecting its platform when it says `auto`). Throws ConfigError when its platform has no harvester. */
  harvest(request: RunRequest): Promise<Run>;
  /** The platform a portal runs, probed at its URL (see harvest/detect.ts). */
  detect(portal: PortalConfig): Promise<Detection>;
  /** Normalizes and scores a stored portal again from its source records, then stores a new report. */
  rescore(portalId: string): Promise<RescoreResult>;
  /** Checks a stored portal's new and due links, scores its datasets with them and stores a new report. */
  checkLinks(portalId: string, options?: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal }): Promise<LinkPassResult>;
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
  /** Hosts fetched even on private addresses, by harvests and link checks (each portal's own host always is). */
  const allowHosts = settings.linkAllowHosts.split(',').map((h) => h.trim()).filter(Boolean);

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
        guard: { allowHosts: [hostOf(portal.url), ...allowHosts].filter(Boolean) },
      },
      queues,
    );

  /** The harvesters load with the first harvest or rescore: the commands that only read start without them. */
  async function harvesterOf(portal: PortalConfig) {
    const { harvesterFor } = await import('../harvesters/index.js');
    const harvester = harvesterFor(portal.platform);
    if (!harvester) throw new ConfigError(`Portal ${portal.id}: the platform '${portal.platform}' has no harvester yet; it is skipped.`, { code: 'no_harvester' });
    return harvester;
  }

  // Detected platforms, per portal id, for this process: `platform: auto` probes once.
  const detected = new Map<string, Detection>();
  async function detect(portal: PortalConfig): Promise<Detection> {
    const known = detected.get(portal.id);
    if (known) return known;
    const detection = await detectPlatform(httpFor(portal), portal.url);
    log.info({ portal: portal.id, platform: detection.platform }, `${portal.id}: detected platform ${detection.platform}: ${detection.reason}.`);
    detected.set(portal.id, detection);
    return detection;
  }

  /**
   * Builds and stores the portal report: a history snapshot. One made without a run (a link pass
   * every 6 h, a rescore) replaces that day's earlier one, so the history keeps one a day of them.
   * Stored without the words of its missing items (11 KB each): readers word the codes themselves.
   */
  async function saveReport(portalId: string, runId?: string, unchanged = false): Promise<void> {
    const latest = unchanged ? await store.reports.latest({ kind: 'portal', id: portalId }) : undefined;
    // Nothing of the portal changed since its latest report: that one, with this run as its last.
    const report = latest ? await refreshPortalReport(store, latest.report as PortalReport, now()) : await buildPortalReport(store, portalId, now(), { words: false });
    await store.reports.save({ scope: { kind: 'portal', id: portalId }, runId, createdAt: report.generatedAt, report }, { replaceSameDay: runId === undefined });
  }

  async function harvest(request: RunRequest): Promise<Run> {
    const portal = request.portal.platform === 'auto' ? { ...request.portal, platform: (await detect(request.portal)).platform } : request.portal;
    const harvester = await harvesterOf(portal);
    const afterRun = async (run: Run, written: number) => {
      // A run that wrote nothing leaves every cluster key as it was (reclustering costs ~1 s at 100k).
      const { created, updated, withdrawn, restored } = run.counts;
      if (created + updated + withdrawn + restored > 0) await store.datasets.recluster();
      await saveReport(run.portalId, run.id, written + withdrawn === 0);
    };
    return runHarvest({ store, harvester, http: httpFor(portal), log, owner, leaseMs: settings.leaseMs, now, afterRun }, { ...request, portal });
  }

  // One gate for every link pass of this process: per-host politeness holds across portals and passes.
  const linkGate = new HostGate({ intervalMs: settings.linkIntervalMs });

  async function checkLinks(portalId: string, options: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {}): Promise<LinkPassResult> {
    const portal = await store.portals.get(portalId);
    if (!portal) throw new NotFoundError(`Portal '${portalId}' (nothing of it is stored)`);
    const result = await checkPortalLinks(store, portal, { now, gate: linkGate, timeoutMs: settings.linkTimeoutMs, allowHosts, ...options });
    await saveReport(portalId);
    return result;
  }

  async function rescore(portalId: string): Promise<RescoreResult> {
    // A portal harvested with --url is not in the registry: its stored record and the defaults stand in.
    // A portal with `platform: auto` was stored with the platform found.
    const stored = await store.portals.get(portalId);
    const configured = config.portals.find((p) => p.id === portalId) ?? (stored && ({ ...PORTAL_DEFAULTS, ...stored } as PortalConfig));
    if (!configured || !stored) throw new NotFoundError(`Portal '${portalId}' (nothing of it is stored)`);
    const portal = configured.platform === 'auto' ? { ...configured, platform: stored.platform } : configured;
    const result = await rescorePortal(store, await harvesterOf(portal), portal, now());
    await store.datasets.recluster();
    await saveReport(portalId);
    return result;
  }

  return { config, store, log, httpFor, harvest, detect, rescore, checkLinks, close: () => store.close() };
}

/** The host name of a portal URL, or '' when the URL does not parse (config validation reports that). */
function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).hostname : '';
}

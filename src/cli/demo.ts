/**
 * `cosecha demo [--port N] [--db PATH]`: the whole system offline. Serves the bundled portal
 * snapshots on 127.0.0.1 with the fake server of each one's platform, harvests them into a fresh
 * store (data/demo.db, kept afterwards for the other commands), checks their links against the
 * demo's download server, and serves the index.
 */
import type { Command } from 'commander';
import express from 'express';
import { configFrom, oneShotLogger, positiveInt } from './context.js';
import { listen } from './listen.js';
import { createContainer, type Container } from '../container.js';
import { parsePortal, type Config } from '../config.js';
import { summaryLine } from '../harvest/run-driver.js';
import { linkSummary } from './links.js';
import { startService, stopOnSignals, type Service } from './serve.js';
import { startFileServer } from '../demo/file-server.js';
import { loadSnapshots, serveSnapshot } from '../demo/snapshot-portals.js';
import { DEMO_STORE_PATH, clearDemoStore, removeDemoStore } from '../demo/demo-store.js';

export interface Demo {
  service: Service;
  portalIds: string[];
  /** The demo's own SQLite file, when it harvested into one rather than into a store it was given. */
  storePath?: string;
  stop(): Promise<void>;
}

export interface DemoOptions {
  /** Port of the index; 0 for any free one. */
  port: number;
  /** A store URL to harvest into, used as it is (never cleared nor removed). Default: the demo's own file. */
  store?: string;
  /** The demo's own SQLite file, replaced at every start and kept after the demo stops. Default data/demo.db. */
  storePath?: string;
  /** Where the run summaries go; default stdout. */
  log?: (line: string) => void;
}

/** Starts the fake portals, harvests them into a fresh store and serves. */
export async function startDemo(base: Config, options: DemoOptions): Promise<Demo> {
  const say = options.log ?? ((line: string) => console.log(line));
  const snapshots = loadSnapshots();
  const storePath = options.store ? undefined : (options.storePath ?? DEMO_STORE_PATH);
  if (storePath) {
    // A busy port fails before the demo's file is touched, and a file that is not an earlier demo's stops the demo.
    if (options.port !== 0) {
      const probe = await listen(express(), options.port, '127.0.0.1');
      await new Promise((closed) => probe.close(closed));
    }
    clearDemoStore(storePath, snapshots.map((s) => s.portal.id));
  }
  const store = options.store ?? `sqlite:${storePath}`;
  const files = await startFileServer();
  const servers = await Promise.all(snapshots.map((s) => serveSnapshot(s, files)));
  const portals = servers.map(({ snapshot, platform, url }, i) =>
    parsePortal('demo', { ...snapshot.portal, platform, url, pageSize: 50, politeness: { concurrency: 2, intervalMs: 0 }, timeoutMs: 10_000 }, i),
  );
  // The demo's files are all on one local server: no pause between its link checks.
  const config: Config = { ...base, portals, portalsPath: 'demo', settings: { ...base.settings, store, linkIntervalMs: 0 } };
  const stopPortals = () => Promise.all([...servers, files].map((s) => s.close()));
  let container: Container | undefined;
  let service: Service | undefined;
  try {
    container = await createContainer(config, { log: oneShotLogger(config) });
    // The index listens first, so that a busy port fails before the harvests, not after them.
    service = await startService(container, { port: options.port, host: '127.0.0.1', schedule: false });
    for (const portal of portals) say(summaryLine(portal.id, await container.harvest({ portal, full: true })));
    for (const portal of portals) say(linkSummary(await container.checkLinks(portal.id)));
  } catch (error) {
    await (service?.stop() ?? container?.close());
    await stopPortals();
    // A demo that did not start leaves no half-filled store behind.
    if (storePath) removeDemoStore(storePath);
    throw error;
  }
  const started = service;
  return {
    service: started,
    portalIds: portals.map((p) => p.id),
    ...(storePath && { storePath }),
    async stop() {
      await started.stop();
      await stopPortals();
    },
  };
}

export function demoCommand(cli: Command): void {
  cli
    .command('demo')
    .description('demostración sin conexión / the whole system offline: fake portals → harvest → score → serve')
    .option('--port <n>', 'HTTP port of the index', positiveInt('port', 65535), 8080)
    .option('--db <path>', `the demo's SQLite file, replaced at every start and kept afterwards (default ${DEMO_STORE_PATH}); the global --store harvests into that store instead`)
    .action(async (o: { port: number; db?: string }, cmd: Command) => {
      const base = configFrom(cmd);
      const g = cmd.optsWithGlobals<{ store?: string }>();
      const demo = await startDemo(base, { port: o.port, store: g.store, storePath: o.db });
      for (const line of demoGuide(demo)) console.log(line);
      await stopOnSignals({ ...demo.service, stop: demo.stop });
    });
}

/** What the demo prints once it serves: the pages to open, and how the other commands read its store. */
export function demoGuide(demo: Demo): string[] {
  const url = demo.service.url;
  const store = demo.storePath ? `--store sqlite:${demo.storePath}` : '--store <the same --store>';
  const [first] = demo.portalIds;
  return [
    '',
    `Cosecha demo: ${url}/`,
    `  Inicio / home:                ${url}/`,
    `  Buscar / search:              ${url}/buscar?q=educacion`,
    `  Portales / scoreboard:        ${url}/portales`,
    `  Comparar / compare:           ${url}/comparar`,
    `  Metodología / methodology:    ${url}/metodologia`,
    `  API:                          ${url}/api/datasets?q=educacion`,
    '',
    ...(demo.storePath ? [`Tienda / store: ${demo.storePath} (se reemplaza en cada demostración / replaced by every demo)`] : []),
    'Los demás comandos la leen así / the other commands read it with:',
    `  cosecha search educacion ${store}`,
    ...(first ? [`  cosecha report ${first} ${store}`] : []),
    'Ctrl+C para detener / to stop.',
  ];
}

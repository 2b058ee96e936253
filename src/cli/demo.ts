/**
 * `cosecha demo [--port N]`: the whole system offline. Serves the bundled portal snapshots on
 * 127.0.0.1 with the fake server of each one's platform, harvests them into a fresh store, checks
 * their links against the demo's download server, and serves the index.
 */
import type { Command } from 'commander';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFrom, oneShotLogger, positiveInt } from './context.js';
import { createContainer, type Container } from '../container.js';
import { parsePortal, type Config } from '../config.js';
import { summaryLine } from '../harvest/run-driver.js';
import { linkSummary } from './links.js';
import { startService, stopOnSignals, type Service } from './serve.js';
import { startFileServer } from '../demo/file-server.js';
import { loadSnapshots, serveSnapshot } from '../demo/snapshot-portals.js';

export interface Demo {
  service: Service;
  portalIds: string[];
  stop(): Promise<void>;
}

/** Starts the fake portals, harvests them into `store` (default: a fresh temporary SQLite file) and serves. */
export async function startDemo(base: Config, options: { port: number; store?: string; log?: (line: string) => void }): Promise<Demo> {
  const say = options.log ?? ((line: string) => console.log(line));
  const files = await startFileServer();
  const servers = await Promise.all(loadSnapshots().map((s) => serveSnapshot(s, files)));
  const portals = servers.map(({ snapshot, platform, url }, i) =>
    parsePortal('demo', { ...snapshot.portal, platform, url, pageSize: 50, politeness: { concurrency: 2, intervalMs: 0 }, timeoutMs: 10_000 }, i),
  );
  // Without a store given, the demo's is a temporary file, removed when the demo stops.
  const scratch = options.store ? undefined : mkdtempSync(join(tmpdir(), 'cosecha-demo-'));
  const store = options.store ?? `sqlite:${join(scratch as string, 'demo.db')}`;
  // The demo's files are all on one local server: no pause between its link checks.
  const config: Config = { ...base, portals, portalsPath: 'demo', settings: { ...base.settings, store, linkIntervalMs: 0 } };
  const stopPortals = async () => {
    await Promise.all([...servers, files].map((s) => s.close()));
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  };
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
    throw error;
  }
  const started = service;
  return {
    service: started,
    portalIds: portals.map((p) => p.id),
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
    .action(async (o: { port: number }, cmd: Command) => {
      const base = configFrom(cmd);
      const g = cmd.optsWithGlobals<{ store?: string }>();
      const demo = await startDemo(base, { port: o.port, store: g.store });
      const url = demo.service.url;
      console.log(`\nCosecha demo: ${url}`);
      console.log(`  Buscar / search:        ${url}/?q=educacion`);
      console.log(`  API:                    ${url}/api/datasets?q=educacion`);
      for (const id of demo.portalIds) console.log(`  Informe / report:       ${url}/api/portals/${id}/report`);
      console.log(`  Portales / scoreboard:  ${url}/portales`);
      console.log('Ctrl+C para detener / to stop.');
      await stopOnSignals({ ...demo.service, stop: demo.stop });
    });
}

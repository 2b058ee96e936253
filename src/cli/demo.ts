/**
 * `cosecha demo [--port N]`: the whole system offline. Serves the bundled portal snapshots on
 * 127.0.0.1 as CKAN APIs, harvests them into a fresh store, and serves the index.
 */
import type { Command } from 'commander';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configFrom, positiveInt } from './context.js';
import { createContainer } from '../container.js';
import { parsePortal, type Config } from '../config.js';
import { summaryLine } from '../harvest/run-driver.js';
import { linkSummary } from './links.js';
import { startService, stopOnSignals, type Service } from './serve.js';
import { startCkanServer } from '../demo/ckan-server.js';
import { startFileServer, type FileServer } from '../demo/file-server.js';
import type { CkanPackage } from '../../harvesters/ckan.js';

const SNAPSHOTS = fileURLToPath(new URL('../demo/snapshots/', import.meta.url));

interface Snapshot {
  portal: { id: string; name: string; country: string; level: string };
  packages: CkanPackage[];
}

export function loadSnapshots(dir = SNAPSHOTS): Snapshot[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Snapshot);
}

export interface Demo {
  service: Service;
  portalIds: string[];
  stop(): Promise<void>;
}

/** Starts the fake portals, harvests them into `store` (default: a fresh temporary SQLite file) and serves. */
export async function startDemo(base: Config, options: { port: number; store?: string; log?: (line: string) => void }): Promise<Demo> {
  const say = options.log ?? ((line: string) => console.log(line));
  const files = await startFileServer();
  const snapshots = loadSnapshots().map((s) => ({ ...s, packages: s.packages.map((p) => withLocalFiles(p, files)) }));
  const servers = await Promise.all(snapshots.map((s) => startCkanServer({ packages: s.packages })));
  const portals = snapshots.map((s, i) =>
    parsePortal('demo', { ...s.portal, platform: 'ckan', url: servers[i].url, pageSize: 50, politeness: { concurrency: 2, intervalMs: 0 }, timeoutMs: 10_000 }, i),
  );
  const store = options.store ?? `sqlite:${join(mkdtempSync(join(tmpdir(), 'cosecha-demo-')), 'demo.db')}`;
  // The demo's files are all on one local server: no pause between its link checks.
  const config: Config = { ...base, portals, portalsPath: 'demo', settings: { ...base.settings, store, linkIntervalMs: 0 } };
  const container = await createContainer(config);
  for (const portal of portals) say(summaryLine(portal.id, await container.harvest({ portal, full: true })));
  for (const portal of portals) say(linkSummary(await container.checkLinks(portal.id)));
  const service = await startService(container, { port: options.port, host: '127.0.0.1', schedule: false });
  return {
    service,
    portalIds: portals.map((p) => p.id),
    async stop() {
      await service.stop();
      await Promise.all([...servers, files].map((s) => s.close()));
    },
  };
}

/** The package with its resources' files moved onto the demo's download server. */
function withLocalFiles(pkg: CkanPackage, files: FileServer): CkanPackage {
  if (!Array.isArray(pkg.resources)) return pkg;
  return { ...pkg, resources: pkg.resources.map((r) => (typeof r?.url === 'string' && r.url ? { ...r, url: files.localUrl(r.url) } : r)) };
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

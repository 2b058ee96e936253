/** `cosecha serve [--port N] [--host ADDR] [--no-schedule]`: the API, the web pages and the scheduled harvests. */
import { Option, type Command } from 'commander';
import { configFrom, positiveInt } from './context.js';
import { listen, urlOf, DEFAULT_HOST } from './listen.js';
import { createContainer, type Container } from '../container.js';
import { createApp } from '../api/app.js';
import { startScheduler, type Scheduler } from '../scheduler/scheduler.js';
import { harvesterFor } from '../../harvesters/index.js';
import { VERSION } from '../version.js';
import { runInWorker } from '../scheduler/worker-process.js';
import type { Run } from '../store/store.js';

export interface Service {
  url: string;
  container: Container;
  scheduler?: Scheduler;
  stop(): Promise<void>;
}

/** Starts the HTTP server (on 127.0.0.1 unless `host` says otherwise) and, unless told not to, the schedule. */
export async function startService(container: Container, options: { port: number; host?: string; schedule: boolean }): Promise<Service> {
  const { store, config, log } = container;
  const app = createApp({ store, portals: config.portals, log, version: VERSION });
  const server = await listen(app, options.port, options.host ?? DEFAULT_HOST);
  const url = urlOf(server);
  const workers = { config, store, log, stopMs: config.settings.workerStopMs, nice: config.settings.workerNice };
  const scheduler = options.schedule
    ? startScheduler({
        portals: config.portals,
        canHarvest: (p) => p.platform === 'auto' || Boolean(harvesterFor(p.platform)),
        // Harvests and link passes each in a worker process: this process serves and only reads.
        harvest: async (r) => (await runInWorker({ kind: 'harvest', portal: r.portal, full: r.full }, r.signal, workers)) as Run,
        // A portal never harvested is harvested at start-up rather than at its next scheduled time.
        runAtStart: async (p) => (await store.runs.list({ portalId: p.id, limit: 1 })).length === 0,
        checkLinks: (portalId, signal) => runInWorker({ kind: 'links', portalId }, signal, workers),
        linkSchedule: config.settings.linkSchedule,
        concurrency: config.settings.harvestWorkers,
        log,
      })
    : undefined;
  return {
    url,
    container,
    scheduler,
    async stop() {
      await scheduler?.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await container.close();
    },
  };
}

/** Stops cleanly on SIGINT/SIGTERM: runs in progress end `interrupted`, the store is closed. */
export function stopOnSignals(service: Service): Promise<void> {
  return new Promise((resolve) => {
    const stop = async () => {
      console.error('cosecha: deteniendo / stopping…');
      await service.stop();
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export function serveCommand(cli: Command): void {
  cli
    .command('serve')
    .description('servir la API y las páginas, y cosechar según el calendario / serve the API and pages and run scheduled harvests')
    .option('--port <n>', 'HTTP port (env COSECHA_PORT, default 8080)', positiveInt('port', 65535))
    .addOption(new Option('--host <addr>', `address to listen on; 0.0.0.0 for every interface (default ${DEFAULT_HOST})`).env('COSECHA_HOST'))
    .option('--no-schedule', 'serve only; run no scheduled harvests')
    .action(async (o: { port?: number; host?: string; schedule: boolean }, cmd: Command) => {
      const config = configFrom(cmd, { port: o.port });
      const container = await createContainer(config);
      const service = await startService(container, { port: config.settings.port, host: o.host, schedule: o.schedule }).catch(async (error: unknown) => {
        await container.close();
        throw error;
      });
      console.log(`Cosecha ${VERSION} sirve / serves ${service.url}  (API: ${service.url}/api/datasets, tienda / store: ${service.container.store.description})`);
      if (service.scheduler) {
        console.log(`Cosechas programadas / scheduled harvests: ${service.scheduler.scheduled.length} portals.`);
        for (const s of service.scheduler.skipped) console.log(`  omitido / skipped ${s.id}: ${s.reason}`);
      }
      await stopOnSignals(service);
    });
}

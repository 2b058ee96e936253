/**
 * `cosecha worker` (hidden): runs one job that `cosecha serve` sends over IPC, in a process of its
 * own, so that a harvest never holds up the API's event loop and a crash of it never takes the API
 * down. SIGTERM, SIGINT or the parent going away abort the job (a run ends `interrupted`).
 */
import type { Command } from 'commander';
import { once } from 'node:events';
import { createContainer } from '../container.js';
import { BadRequestError, isCosechaError, messageOf } from '../errors.js';
import { runJob, type Job } from '../scheduler/jobs.js';
import type { Config } from '../config.js';

/** What the parent sends first. */
export interface WorkerRequest {
  job: Job;
  config: Config;
}

/** What the worker answers, once. */
export type WorkerReply = { type: 'result'; value: unknown } | { type: 'error'; error: { code: string; message: string; action?: string } };

export function workerCommand(cli: Command): void {
  cli
    .command('worker', { hidden: true })
    .description('run one job sent by cosecha serve (internal)')
    .action(async () => {
      if (!process.send) throw new BadRequestError('cosecha worker runs only as a worker process of cosecha serve.');
      const [{ job, config }] = (await once(process, 'message')) as [WorkerRequest];
      const abort = new AbortController();
      const stop = () => abort.abort(new Error('The service is stopping.'));
      for (const event of ['SIGTERM', 'SIGINT', 'disconnect'] as const) process.once(event, stop);
      let reply: WorkerReply;
      const container = await createContainer(config);
      try {
        reply = { type: 'result', value: await runJob(container, job, abort.signal) };
      } catch (error) {
        reply = { type: 'error', error: { code: isCosechaError(error) ? error.code : 'unexpected', message: messageOf(error), action: isCosechaError(error) ? error.action : undefined } };
      } finally {
        await container.close();
      }
      if (process.connected) await new Promise<void>((resolve) => process.send!(reply, undefined, undefined, () => resolve()));
      process.disconnect?.();
    });
}

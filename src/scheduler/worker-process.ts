/**
 * One job in a worker process of its own (`cosecha worker`, forked from the same bin/cosecha.js
 * that runs `serve`): the API's event loop only reads, and a worker that crashes or is killed
 * never takes the API down. When the worker stops without answering (a crash, kill -9, the
 * shutdown's SIGKILL), its run is marked `interrupted` at once (harvest/recover.ts). Aborting
 * the signal asks the worker to stop (SIGTERM: its run ends `interrupted`) and kills it after
 * `stopMs`.
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { hostname, setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { CosechaError, messageOf, type ErrorAction } from '../errors.js';
import { recoverRuns } from '../harvest/recover.js';
import { jobName, type Job } from './jobs.js';
import type { Config } from '../config.js';
import type { Store } from '../store/store.js';
import type { Logger } from '../log.js';
import type { WorkerReply, WorkerRequest } from '../cli/worker.js';

export interface WorkerOptions {
  config: Config;
  /** The parent's store: it marks the runs of a worker that died. */
  store: Store;
  log: Logger;
  /** How long a worker asked to stop may take before it is killed. */
  stopMs: number;
  /** The worker's niceness, 0–19 (0: the API's own priority). */
  nice: number;
}

/** A job's failure in its worker, or the worker's own death. */
export class WorkerError extends CosechaError {
  constructor(code: string, message: string, action: ErrorAction = 'retry_later') {
    super(code, message, action);
  }
}

/** Runs `job` in a new worker process and returns its result. */
export async function runInWorker(job: Job, signal: AbortSignal | undefined, options: WorkerOptions): Promise<unknown> {
  signal?.throwIfAborted();
  const child = fork(cliEntry(), ['worker'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  // Below the API's priority: on a machine of few cores, a harvest's CPU work waits for the answers.
  if (options.nice > 0 && child.pid !== undefined) {
    try {
      setPriority(child.pid, Math.min(19, options.nice));
    } catch (error) {
      options.log.warn({ pid: child.pid, err: messageOf(error) }, 'The worker process could not be given a lower priority.');
    }
  }
  let reply: WorkerReply | undefined;
  child.on('message', (message: WorkerReply) => (reply = message));
  let killer: NodeJS.Timeout | undefined;
  const stop = () => {
    child.kill('SIGTERM');
    killer = setTimeout(() => child.kill('SIGKILL'), options.stopMs);
  };
  signal?.addEventListener('abort', stop, { once: true });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  child.send({ job, config: options.config } satisfies WorkerRequest);
  const [code, killedBy] = await exited;
  signal?.removeEventListener('abort', stop);
  clearTimeout(killer);
  if (reply?.type === 'result') return reply.value;
  if (reply?.type === 'error') throw new WorkerError(reply.error.code, reply.error.message, reply.error.action as ErrorAction | undefined);
  // It died without a word: whatever it was running is over.
  const recovered = await recoverRuns(options.store, hostname());
  const how = killedBy ? `was killed (${killedBy})` : `exited with code ${code}`;
  options.log.error({ job: job.kind, pid: child.pid, code, signal: killedBy, recovered }, `The worker process of ${jobName(job)} ${how} before it ended.`);
  throw new WorkerError('worker_died', `The worker process ${child.pid} of ${jobName(job)} ${how} before it ended.`);
}

/** bin/cosecha.js, found upwards from this file (it runs from src/ or from its build in dist/src/). */
function cliEntry(): string {
  for (let dir = new URL('./', import.meta.url); ; dir = new URL('../', dir)) {
    const entry = new URL('bin/cosecha.js', dir);
    if (existsSync(entry)) return fileURLToPath(entry);
    if (dir.pathname === '/') throw new Error('bin/cosecha.js was not found above the scheduler.');
  }
}

/**
 * The work `cosecha serve` hands to a worker process (scheduler/worker-process.ts): one portal's
 * harvest or one portal's link pass. Plain data, so that it crosses the process boundary as JSON.
 */
import type { Container } from '../container.js';
import type { PortalConfig } from '../config-types.js';

export type Job =
  | { kind: 'harvest'; portal: PortalConfig; full?: boolean; allowMassWithdrawal?: boolean }
  | { kind: 'links'; portalId: string };

/** Runs a job in this process; its result is a Run or a LinkPassResult. */
export async function runJob(container: Container, job: Job, signal: AbortSignal): Promise<unknown> {
  switch (job.kind) {
    case 'harvest':
      return container.harvest({ portal: job.portal, full: job.full, allowMassWithdrawal: job.allowMassWithdrawal, signal });
    case 'links':
      return container.checkLinks(job.portalId, { signal });
  }
}

/** A short name of a job, for logs and errors. */
export function jobName(job: Job): string {
  return job.kind === 'harvest' ? `the harvest of ${job.portal.id}` : `the link check of ${job.portalId}`;
}

/**
 * Invariant 2, no stuck runs: at start-up, runs left `running` by a process that died are marked
 * `interrupted` — those whose lease expired, and those held by a process of this host that no
 * longer exists (so a crash is recovered at once, not only when its lease runs out).
 */
import type { Store } from '../store/store.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** How many of the newest runs every start-up looks at (it runs before each command). */
const RECENT_RUNS = 100;

/** Returns how many runs were marked interrupted. */
export async function recoverRuns(store: Store, host: string, now = new Date()): Promise<number> {
  let recovered = await store.runs.interruptExpired(now);
  // Runs still `running` are among the newest; an older one has an expired lease and was handled above.
  const running = (await store.runs.list({ limit: RECENT_RUNS })).filter((r) => r.status === 'running');
  for (const run of running) {
    const [runHost, pid] = run.owner.split(':');
    if (runHost !== host || Number(pid) === process.pid || alive(Number(pid))) continue;
    await store.runs.finish(run.id, {
      status: 'interrupted',
      counts: run.counts,
      failures: run.failures,
      error: { code: 'process_died', message: `The process ${run.owner} that ran this harvest stopped before it ended.` },
      now,
    });
    recovered++;
  }
  return recovered;
}

/**
 * Politeness towards each host: a p-queue per host bounds the requests at once, and the gate keeps
 * a pause between requests and any Retry-After the host asked for.
 */
import PQueue from 'p-queue';
import { setTimeout as sleep } from 'node:timers/promises';

export interface HostGateOptions {
  /** Requests at once to one host. Default 1. */
  concurrency?: number;
  /** Minimum ms between the end of one request to a host and the start of the next. Default 1000. */
  intervalMs?: number;
  /** Longest Retry-After honoured, in ms. Default 60 000. */
  maxRetryAfterMs?: number;
}

interface HostState {
  queue: PQueue;
  /** Date.now() before which the next request to the host may not start (the pause between requests). */
  nextStart: number;
  /** Date.now() before which no request to the host starts (Retry-After). */
  blockedUntil: number;
}

export class HostGate {
  private readonly hosts = new Map<string, HostState>();
  private readonly concurrency: number;
  private readonly intervalMs: number;
  private readonly maxRetryAfterMs: number;

  constructor(options: HostGateOptions = {}) {
    this.concurrency = options.concurrency ?? 1;
    this.intervalMs = options.intervalMs ?? 1000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  }

  /** Runs `request` when the host's turn comes. */
  run<T>(host: string, request: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const state = this.stateOf(host);
    return state.queue.add(
      async () => {
        await this.waitTurn(state, signal);
        try {
          return await request();
        } finally {
          state.nextStart = Math.max(state.nextStart, Date.now() + this.intervalMs);
        }
      },
      { signal },
    );
  }

  /** Holds every later request to `host` for `ms` (a Retry-After), at most the configured cap. */
  defer(host: string, ms: number): void {
    const state = this.stateOf(host);
    state.blockedUntil = Math.max(state.blockedUntil, Date.now() + Math.min(Math.max(ms, 0), this.maxRetryAfterMs));
  }

  private stateOf(host: string): HostState {
    const key = host.toLowerCase();
    let state = this.hosts.get(key);
    if (!state) {
      state = { queue: new PQueue({ concurrency: this.concurrency }), nextStart: 0, blockedUntil: 0 };
      this.hosts.set(key, state);
    }
    return state;
  }

  private async waitTurn(state: HostState, signal?: AbortSignal): Promise<void> {
    // Claim a start time at once, so that requests running side by side (concurrency > 1) still
    // start an interval apart; then sleep until it, and again if a Retry-After moved it later.
    let until = Math.max(Date.now(), state.nextStart, state.blockedUntil);
    state.nextStart = until + this.intervalMs;
    while (Date.now() < until) {
      await sleep(until - Date.now(), undefined, { signal });
      until = Math.max(until, state.blockedUntil);
    }
  }
}

/**
 * The link checker's entry points: one link, or a batch run through the per-host gate with many
 * hosts at once. Callers pick the due links with {@link isDue} and store what comes back.
 */
import PQueue from 'p-queue';
import { applyAttempt } from './decide.js';
import { HostGate } from './host-gate.js';
import { createProbe, parseTargetUrl, type Probe } from './http-probe.js';
import { resolveLinkCheckOptions, type LinkCheckOptions, type ResolvedLinkCheckOptions } from './options.js';
import type { LinkCheck, LinkTarget } from './types.js';

export { isDue } from './decide.js';

function gateOf(options: ResolvedLinkCheckOptions): HostGate {
  return (
    options.gate ??
    new HostGate({ concurrency: options.perHostConcurrency, intervalMs: options.perHostIntervalMs, maxRetryAfterMs: options.maxRetryAfterMs })
  );
}

async function checkWith(
  probe: Probe,
  target: LinkTarget,
  previous: LinkCheck | undefined,
  options: ResolvedLinkCheckOptions,
  signal = options.signal,
): Promise<LinkCheck> {
  const observation = await probe(target, signal);
  return applyAttempt(target.url, previous, observation, options.now());
}

/**
 * Checks one link and returns its new stored check, given the stored one. Never rejects for a
 * network problem (that is a status); rejects only when `options.signal` aborts or an option is
 * invalid (ConfigError).
 */
export async function checkLink(target: LinkTarget, previous: LinkCheck | undefined, options: LinkCheckOptions = {}): Promise<LinkCheck> {
  const resolved = resolveLinkCheckOptions(options);
  return checkWith(createProbe(resolved, gateOf(resolved)), target, previous, resolved);
}

/**
 * Checks every target (each URL once, the first declared format winning) and returns the new
 * checks in the targets' order. Hosts are taken in turn so that one big host does not hold every
 * slot while the others wait.
 */
export async function checkLinks(
  targets: readonly LinkTarget[],
  previous: ReadonlyMap<string, LinkCheck>,
  options: LinkCheckOptions = {},
  onProgress?: (done: number, total: number) => void,
): Promise<LinkCheck[]> {
  const resolved = resolveLinkCheckOptions(options);
  const probe = createProbe(resolved, gateOf(resolved));
  const unique = uniqueTargets(targets);
  const queue = new PQueue({ concurrency: resolved.concurrency });
  const scope = abortScope(resolved.signal);
  const checks = new Map<string, LinkCheck>();
  let done = 0;
  try {
    await Promise.all(
      takeHostsInTurn(unique).map((target) =>
        queue.add(() =>
          scope.run(async (signal) => {
            checks.set(target.url, await checkWith(probe, target, previous.get(target.url), resolved, signal));
            onProgress?.(++done, unique.length);
          }),
        ),
      ),
    );
  } finally {
    scope.close();
  }
  return unique.map((target) => checks.get(target.url) as LinkCheck);
}

/**
 * One listener on the batch's signal, aborting a signal of each running check. A listener per
 * check (p-queue's, the gate's, got's) on the batch's own signal would pile up with the checks
 * waiting their turn: a long pass holds its signal for hours (MaxListenersExceededWarning).
 */
function abortScope(signal: AbortSignal | undefined) {
  const running = new Set<AbortController>();
  const abortAll = () => running.forEach((check) => check.abort(signal?.reason));
  signal?.addEventListener('abort', abortAll, { once: true });
  return {
    /** Runs `work` with its own signal; rejects with the reason at once when the batch's signal already aborted. */
    async run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
      signal?.throwIfAborted();
      const check = new AbortController();
      running.add(check);
      try {
        return await work(check.signal);
      } finally {
        running.delete(check);
      }
    },
    close: () => signal?.removeEventListener('abort', abortAll),
  };
}

function uniqueTargets(targets: readonly LinkTarget[]): LinkTarget[] {
  const byUrl = new Map<string, LinkTarget>();
  for (const target of targets) {
    const seen = byUrl.get(target.url);
    if (seen === undefined) byUrl.set(target.url, target);
    else if (seen.format === undefined && target.format !== undefined) byUrl.set(target.url, { ...seen, format: target.format });
  }
  return [...byUrl.values()];
}

/** Round-robin over hosts: a1 b1 c1 a2 b2 a3… (invalid URLs form one group of their own). */
function takeHostsInTurn(targets: readonly LinkTarget[]): LinkTarget[] {
  const byHost = new Map<string, LinkTarget[]>();
  for (const target of targets) {
    const host = parseTargetUrl(target.url)?.hostname.toLowerCase() ?? '';
    const group = byHost.get(host);
    if (group === undefined) byHost.set(host, [target]);
    else group.push(target);
  }
  const groups = [...byHost.values()];
  const ordered: LinkTarget[] = [];
  for (let i = 0; ordered.length < targets.length; i++) {
    for (const group of groups) if (i < group.length) ordered.push(group[i]);
  }
  return ordered;
}

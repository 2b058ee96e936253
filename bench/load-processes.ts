/**
 * The processes `npm run load` starts, each as an operator would: a fake CKAN serving the
 * synthetic catalog (bench/ckan-process.ts), `cosecha harvest` and `cosecha serve` (bin/cosecha.js)
 * on a portals file written for the run, and a store built once and kept for the next runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

const PAGE = 1000;

/** A child process whose first output line matching `pattern` is waited for; its stderr goes to ours. */
async function start(args: string[], pattern: RegExp, env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  const lines = createInterface({ input: child.stdout! });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`${args.join(' ')} exited (${String(code)}) before printing ${pattern}`);
  });
  const matched = new Promise<RegExpMatchArray>((resolve) => {
    lines.on('line', (line) => {
      const match = line.match(pattern);
      if (match) resolve(match);
    });
  });
  return { child, match: await Promise.race([matched, exited]) };
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

/** A fake CKAN portal listing the first `datasets` records of the synthetic catalog. */
export async function fakeCkan(datasets: number): Promise<{ url: string; child: ChildProcess }> {
  const { child, match } = await start(['--import', 'tsx', 'bench/ckan-process.ts', String(datasets), String(PAGE)], /^(http\S+)/);
  return { url: match[1], child };
}

/** A portals file naming the given portals, paged by 1000 without pauses (a local fake portal). */
export function writePortals(path: string, portals: { id: string; url: string }[]): void {
  const entries = portals.map(({ id, url }) =>
    `  - { id: ${id}, name: ${id}, country: EC, level: national, platform: ckan, url: "${url}", pageSize: ${PAGE}, politeness: { concurrency: 1, intervalMs: 0 }, timeoutMs: 60000 }`);
  writeFileSync(path, `portals:\n${entries.join('\n')}\n`);
}

const QUIET = { COSECHA_LOG_LEVEL: 'warn' };

/** `cosecha harvest ID --full` as a child process (under `nice -n N` when given); resolves with its exit code. */
export function harvest(portalsPath: string, store: string, id: string, nice?: number): { child: ChildProcess; done: Promise<number> } {
  const command = [process.execPath, 'bin/cosecha.js', 'harvest', id, '--full', '--portals', portalsPath, '--store', `sqlite:${store}`];
  if (nice !== undefined) command.unshift('nice', '-n', String(nice));
  const child = spawn(command[0], command.slice(1), {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...QUIET },
  });
  return { child, done: once(child, 'exit').then(([code]) => code as number) };
}

/** `cosecha serve --no-schedule --port 0`; resolves once it listens. */
export async function serve(portalsPath: string, store: string): Promise<{ url: string; child: ChildProcess }> {
  const args = ['bin/cosecha.js', 'serve', '--no-schedule', '--port', '0', '--portals', portalsPath, '--store', `sqlite:${store}`];
  const { child, match } = await start(args, /(http:\/\/\S+:\d+)/, QUIET);
  return { url: match[1].replace('localhost', '127.0.0.1'), child };
}

/**
 * A copy of a store of `datasets` records of portal `id`: built once (a full harvest, a few
 * minutes at 100k) into `cacheDir` and copied from there on later runs. The cached file is named
 * by its size and written under a temporary name first, so a build that stopped part-way is never reused.
 */
export async function storeCopy(cacheDir: string, id: string, datasets: number, target: string, rebuild = false): Promise<{ built: boolean }> {
  mkdirSync(cacheDir, { recursive: true });
  const cached = join(cacheDir, `${id}-${datasets}.db`);
  const built = rebuild || !existsSync(cached);
  if (built) {
    const building = `${cached}.building`;
    for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
    const portal = await fakeCkan(datasets);
    try {
      const portalsPath = join(cacheDir, 'build-portals.yaml');
      writePortals(portalsPath, [{ id, url: portal.url }]);
      process.stderr.write(`load: building a store of ${datasets} datasets in ${cached} (once; later runs reuse it)…\n`);
      const code = await harvest(portalsPath, building, id).done;
      if (code !== 0) throw new Error(`the harvest that builds the store exited with ${code}`);
    } finally {
      await stop(portal.child);
    }
    for (const suffix of ['', '-wal']) if (existsSync(building + suffix)) renameSync(building + suffix, cached + suffix);
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
  for (const suffix of ['', '-wal']) if (existsSync(cached + suffix)) copyFileSync(cached + suffix, target + suffix);
  return { built };
}

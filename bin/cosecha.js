#!/usr/bin/env node
// Runs the compiled JavaScript in dist/ (built by `npm ci` or `npm run build`) while no source is
// newer than that build; otherwise the TypeScript sources through tsx (slower to start), so that
// an edited source never runs as its old build.
import { existsSync, readdirSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const built = new URL('dist/.built', root);

/** True when dist/ was built after the last change to any file it is built from. */
function distIsCurrent() {
  if (!existsSync(built)) return false;
  const since = statSync(built).mtimeMs;
  const newer = (path) => (statSync(new URL(path, root), { throwIfNoEntry: false })?.mtimeMs ?? 0) > since;
  if (newer('package.json') || newer('config/portals.yaml')) return false;
  return !['src/', 'harvesters/', 'reports/'].some((dir) =>
    readdirSync(new URL(dir, root), { recursive: true, encoding: 'utf8' }).some((f) => /\.(tsx?|json|css|js|svg)$/.test(f) && newer(dir + f)),
  );
}

let cli;
if (distIsCurrent()) {
  cli = await import('../dist/src/cli.js');
} else {
  if (existsSync(built) && process.stderr.isTTY) {
    console.error('cosecha: dist/ es anterior a las fuentes: se ejecutan con tsx (npm run build) / dist/ is older than the sources: running them through tsx (npm run build).');
  }
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli.ts');
}
process.exitCode = await cli.main(process.argv);

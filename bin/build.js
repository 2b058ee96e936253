#!/usr/bin/env node
/**
 * `npm run build` (and `npm ci`, through `prepare`): compiles src/, harvesters/ and reports/ to
 * JavaScript in dist/ with esbuild, file by file (the transform tsx applies at each start, done
 * once), and copies beside them the files the code reads relative to its own location. Writes
 * dist/.built last, dated from the start of the build: bin/cosecha.js runs dist/ only while no
 * source is newer than it. `node bin/build.js --outdir DIR` builds elsewhere (tests).
 */
import { build } from 'esbuild';
import { cpSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { outdir: { type: 'string', default: join(root, 'dist') } } });
const outdir = values.outdir;

/** The folders compiled, and the data files read at run time (copied as they are). */
const SOURCES = ['src', 'harvesters', 'reports'];
const ASSETS = ['src/web/assets', 'src/demo/snapshots', 'harvesters/dcat-contexts', 'config/portals.yaml'];

const started = new Date();
const entryPoints = SOURCES.flatMap((dir) =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => (f.endsWith('.ts') || f.endsWith('.tsx')) && !f.endsWith('.d.ts'))
    .map((f) => join(root, dir, f)),
);

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints,
  outdir,
  outbase: root,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  tsconfig: join(root, 'tsconfig.json'),
  logLevel: 'warning',
});
for (const asset of ASSETS) cpSync(join(root, asset), join(outdir, asset), { recursive: true });
// src/version.ts reads the package.json one folder above it: dist/package.json for dist/src/.
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
writeFileSync(join(outdir, 'package.json'), `${JSON.stringify({ name: pkg.name, version: pkg.version, type: pkg.type, private: true }, null, 2)}\n`);
writeFileSync(join(outdir, '.built'), `${started.toISOString()}\n`);
utimesSync(join(outdir, '.built'), started, started);
console.error(`cosecha: ${entryPoints.length} archivos compilados en / files compiled to ${outdir}`);

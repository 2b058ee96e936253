import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Built under node_modules/ so that the compiled files find the dependencies as dist/ does.
const scratch = () => {
  mkdirSync('node_modules/.cache', { recursive: true });
  return resolve(mkdtempSync('node_modules/.cache/cosecha-build-'));
};
const node = (args: string[], cwd?: string) => execFileSync(process.execPath, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, COSECHA_LOG_LEVEL: 'silent' } });

describe('the compiled build (npm run build)', function () {
  this.timeout(60_000);
  const out = scratch();
  const elsewhere = scratch();
  after(() => [out, elsewhere].forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('runs the command line and finds every file the code reads beside itself', () => {
    node(['bin/build.js', '--outdir', out]);
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const script = `
      const { main } = await import(${JSON.stringify(join(out, 'src/cli.js'))});
      const { loadSnapshots } = await import(${JSON.stringify(join(out, 'src/demo/snapshot-portals.js'))});
      const { OfflineContextLoader, bundledContexts } = await import(${JSON.stringify(join(out, 'harvesters/dcat-contexts.js'))});
      const { loadConfig } = await import(${JSON.stringify(join(out, 'src/config.js'))});
      const contexts = await Promise.all(bundledContexts().map((url) => new OfflineContextLoader().load(url)));
      console.log(JSON.stringify({
        snapshots: loadSnapshots().length,
        contexts: contexts.every((c) => typeof c['@context'] === 'object'),
        portals: loadConfig({ env: {} }).portals.length,
      }));
      await main(['node', 'cosecha', '--version']);`;
    // Run from a folder without config/: the registry is the one the build ships.
    const [facts, printed] = node(['--input-type=module', '-e', script], elsewhere).trim().split('\n');
    const snapshots = readdirSync('src/demo/snapshots').filter((f) => f.endsWith('.json')).length;
    assert.deepEqual(JSON.parse(facts), { snapshots, contexts: true, portals: (readFileSync('config/portals.yaml', 'utf8').match(/^ {2}- id: /gm) ?? []).length });
    assert.equal(printed, version);
  });

  it('bin/cosecha.js runs the build only while no source is newer than it', () => {
    // A package of one source file and its "build", each saying which one ran.
    const root = scratch();
    try {
      for (const dir of ['bin', 'src', 'harvesters', 'reports', 'config', 'dist/src']) mkdirSync(join(root, dir), { recursive: true });
      copyFileSync('bin/cosecha.js', join(root, 'bin/cosecha.js'));
      writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
      writeFileSync(join(root, 'config/portals.yaml'), 'portals: []\n');
      writeFileSync(join(root, 'src/cli.ts'), "export async function main(): Promise<number> { console.log('sources'); return 0; }\n");
      writeFileSync(join(root, 'dist/src/cli.js'), "export async function main() { console.log('build'); return 0; }\n");
      const ran = () => node([join(root, 'bin/cosecha.js')]).trim();
      assert.equal(ran(), 'sources', 'never built');
      const built = join(root, 'dist/.built');
      writeFileSync(built, '');
      const later = new Date(Date.now() + 60_000);
      utimesSync(built, later, later);
      assert.equal(ran(), 'build');
      const edited = new Date(Date.now() + 120_000);
      utimesSync(join(root, 'src/cli.ts'), edited, edited);
      assert.equal(ran(), 'sources', 'a source edited after the build');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'cosecha-config-'));
let n = 0;
function file(yaml: string): string {
  const path = join(dir, `portals-${n++}.yaml`);
  writeFileSync(path, yaml);
  return path;
}

const entry = (extra = '') => `
  - id: ec-prueba
    name: Portal de prueba
    country: EC
    level: municipal
    platform: ckan
    url: https://datos.example.ec${extra}`;

function expectConfigError(path: string, pattern: RegExp): void {
  assert.throws(() => loadConfig({ portalsPath: path, env: {} }), (e: unknown) => e instanceof ConfigError && pattern.test(e.message));
}

after(() => rmSync(dir, { recursive: true, force: true }));

describe('config/portals.yaml', () => {
  it('the shipped registry loads every portal of HARVESTING.md with defaults applied', () => {
    const config = loadConfig({ portalsPath: 'config/portals.yaml', env: {} });
    const ids = config.portals.map((p) => p.id);
    for (const id of ['ec-datosabiertos', 'gt-segeplan', 'ec-cuenca', 'ec-quito', 'co-datos', 'mx-datos', 'py-datos', 'uy-montevideo']) assert.ok(ids.includes(id), id);
    assert.equal(config.portals.length, 23);
    const cuenca = config.portals.find((p) => p.id === 'ec-cuenca')!;
    assert.equal(cuenca.level, 'municipal');
    assert.equal(cuenca.fullEveryDays, 7);
    assert.deepEqual(cuenca.politeness, { concurrency: 1, intervalMs: 1000 });
    assert.ok(Object.isFrozen(config.portals[0]));
  });

  it('when the platform is unknown, the error names the file, the entry and the field', () => {
    const path = file(`portals:${entry()}\n    platform: ckna\n`.replace('    platform: ckan\n', ''));
    expectConfigError(path, new RegExp(`${path.replace(/[.]/g, '\\.')}: portals\\[0\\] \\(ec-prueba\\): field 'platform' must be one of: ckan`));
  });

  it('when the URL is not absolute http(s), it names the url field', () => {
    expectConfigError(file(`portals:${entry()}`.replace('https://datos.example.ec', 'ftp://datos')), /portals\[0\] \(ec-prueba\): field 'url' is not an absolute http\(s\) URL/);
  });

  it('when the cron expression is bad, it names the schedule field', () => {
    expectConfigError(file(`portals:${entry()}\n    schedule: "61 * * * *"\n`), /field 'schedule' is not a valid cron expression/);
  });

  it('when two entries share an id, it names the second', () => {
    expectConfigError(file(`portals:${entry()}${entry()}\n`), /portals\[1\] \(ec-prueba\): field 'id' repeats an earlier entry/);
  });

  it('when a field is misspelled, it names the unknown field', () => {
    expectConfigError(file(`portals:${entry()}\n    schedul: "0 3 * * *"\n`), /unknown field 'schedul'/);
  });

  it('when a required field is missing, it says which', () => {
    expectConfigError(file(`portals:${entry()}`.replace('    country: EC\n', '')), /field 'country' is missing/);
  });

  it('when the file is not YAML or does not exist, it says so and names the file', () => {
    expectConfigError(file('portals: [\n'), /is not valid YAML/);
    expectConfigError(join(dir, 'nope.yaml'), /nope\.yaml: the portal registry cannot be read \(ENOENT\)/);
  });

  it('settings follow defaults < file < environment < flags', () => {
    const path = file(`settings:\n  port: 9000\n  retries: 5\nportals:${entry()}\n`);
    const fromFile = loadConfig({ portalsPath: path, env: {} });
    assert.equal(fromFile.settings.port, 9000);
    assert.equal(fromFile.settings.store, 'sqlite:./data/cosecha.db');
    const fromEnv = loadConfig({ portalsPath: path, env: { COSECHA_PORT: '9100', COSECHA_STORE: 'sqlite::memory:' } });
    assert.equal(fromEnv.settings.port, 9100);
    assert.equal(fromEnv.settings.store, 'sqlite::memory:');
    const fromFlag = loadConfig({ portalsPath: path, env: { COSECHA_PORT: '9100' }, flags: { port: 9200 } });
    assert.equal(fromFlag.settings.port, 9200);
    assert.equal(fromFlag.settings.retries, 5);
  });

  it('a non-numeric number setting in the environment is named', () => {
    assert.throws(() => loadConfig({ portalsPath: file(`portals:${entry()}\n`), env: { COSECHA_PORT: 'ocho' } }), /environment variable COSECHA_PORT must be a non-negative number, not 'ocho'/);
  });

  it('a bad link-check schedule is named', () => {
    assert.throws(() => loadConfig({ portalsPath: file(`portals:${entry()}\n`), env: { COSECHA_LINK_SCHEDULE: 'cada hora' } }), /linkSchedule is not a valid cron expression: 'cada hora'/);
  });
});

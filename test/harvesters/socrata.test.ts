/**
 * Golden test of the Socrata harvester: the recorded-shape Discovery API records in
 * test/fixtures/socrata/catalog.json are served by the fake Socrata in pages of 4, listed, mapped
 * and compared with test/fixtures/socrata/expected.
 * `UPDATE_GOLDEN=1 npx mocha test/harvesters/socrata.test.ts` rewrites the expected files (review the diff).
 */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { socrata, type SocrataRaw, type SocrataRecord } from '../../harvesters/socrata.js';
import { isRecordError } from '../../src/errors.js';
import { startSocrataServer } from '../../src/demo/socrata-server.js';
import { testPortal } from '../support/portal-config.js';
import { catalogParams, fixturePath, listAll, listedIds, readFixture } from './socrata-support.js';

const expectedDir = fixturePath('expected/');
const catalog = readFixture<SocrataRecord[]>('catalog.json');
// Mapping uses the portal's real address, so the goldens do not depend on the test server's port.
const portal = testPortal({ id: 'co-datos', platform: 'socrata', url: 'https://www.datos.gov.co' });

/** Maps every record; drafts by source id, record errors listed apart. */
function mapAll(records: SocrataRaw[]): { drafts: Map<string, unknown>; errors: unknown[] } {
  const drafts = new Map<string, unknown>();
  const errors: unknown[] = [];
  records.forEach((raw, index) => {
    const name = socrata.sourceId(raw) ?? `registro-${index}`;
    try {
      drafts.set(name, JSON.parse(JSON.stringify(socrata.toDcat(raw, portal))));
    } catch (error) {
      if (!isRecordError(error)) throw error;
      errors.push({ record: name, code: error.code, sourceId: error.sourceId ?? null, message: error.message });
    }
  });
  return { drafts, errors };
}

function writeGoldens(drafts: Map<string, unknown>, errors: unknown[]): void {
  rmSync(expectedDir, { recursive: true, force: true });
  mkdirSync(expectedDir, { recursive: true });
  for (const [name, draft] of drafts) writeFileSync(`${expectedDir}${name}.json`, `${JSON.stringify(draft, null, 2)}\n`);
  writeFileSync(`${expectedDir}_record-errors.json`, `${JSON.stringify(errors, null, 2)}\n`);
}

const readExpected = (file: string): unknown => JSON.parse(readFileSync(expectedDir + file, 'utf8'));

describe('Socrata harvester: golden catalog', () => {
  it('declares full runs only, under the platform name socrata', () => {
    assert.equal(socrata.platform, 'socrata');
    assert.equal(socrata.incremental, false);
  });

  it('when the catalog spans several pages, maps every own dataset to its expected DCAT draft and reports the malformed ones', async () => {
    const server = await startSocrataServer({ records: catalog });
    try {
      const pages = await listAll(server.url, { portal: { pageSize: 4 } });
      assert.equal(catalogParams(server.requests).length, 4, 'fourteen results in pages of four');
      const records = pages.flatMap((page) => page.records);
      assert.equal(records.length, catalog.length - 3, 'two federated copies and one repeated id are left out');
      assert.ok(!listedIds(pages).includes('d9ur-k4ts') && !listedIds(pages).includes('h2ka-6dmt'));

      const { drafts, errors } = mapAll(records);
      if (process.env.UPDATE_GOLDEN === '1') writeGoldens(drafts, errors);

      const files = [...drafts.keys()].map((name) => `${name}.json`);
      assert.deepEqual(readdirSync(expectedDir).filter((f) => !f.startsWith('data-json')).sort(), [...files, '_record-errors.json'].sort(), 'one golden per mapped record');
      for (const [name, draft] of drafts) assert.deepEqual(draft, readExpected(`${name}.json`), `golden ${name}.json`);
      assert.deepEqual(errors, readExpected('_record-errors.json'));
      assert.equal(errors.length, 2, 'a record without id, a record without name');
    } finally {
      await server.close();
    }
  });
});

/**
 * Golden test of the Socrata harvester: the recorded-shape Discovery API records in
 * test/fixtures/socrata/catalog.json are served by the fake Socrata in pages of 4, listed, mapped
 * and compared with test/fixtures/socrata/expected.
 * `UPDATE_GOLDEN=1 npx mocha test/harvesters/socrata.test.ts` rewrites the expected files (review the diff).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { socrata, type SocrataRaw, type SocrataRecord } from '../../harvesters/socrata.js';
import { startSocrataServer } from '../../src/demo/socrata-server.js';
import { testPortal } from '../support/portal-config.js';
import { mapGoldens, writeGoldens } from '../support/golden.js';
import { catalogParams, fixturePath, listAll, listedIds, readFixture } from './socrata-support.js';

const expectedDir = fixturePath('expected/');
const catalog = readFixture<SocrataRecord[]>('catalog.json');
// Mapping uses the portal's real address, so the goldens do not depend on the test server's port.
const portal = testPortal({ id: 'co-datos', platform: 'socrata', url: 'https://www.datos.gov.co' });

const mapAll = (records: SocrataRaw[]) => mapGoldens(records, (raw: SocrataRaw, index: number) => socrata.sourceId(raw) ?? `registro-${index}`, (record) => socrata.toDcat(record, portal));


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
      if (process.env.UPDATE_GOLDEN === '1') writeGoldens(expectedDir, drafts, errors);

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

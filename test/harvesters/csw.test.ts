/**
 * Golden test of the CSW harvester: the recorded-shape ISO 19139 records in test/fixtures/csw are
 * served by the fake GeoNetwork in pages of 3, listed, mapped and compared with
 * test/fixtures/csw/expected. `UPDATE_GOLDEN=1 npx mocha test/harvesters/csw.test.ts` rewrites the
 * expected files (review the diff).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { csw, type CswRecord } from '../../harvesters/csw.js';
import { startCswServer } from '../../src/demo/csw-server.js';
import { testPortal } from '../support/portal-config.js';
import { mapGoldens, writeGoldens } from '../support/golden.js';
import { expectedDir, fixtureRecords, getRecordsParams, listAll } from './csw-support.js';

const fixtures = fixtureRecords();
// Mapping uses the portal's real address, so the goldens do not depend on the test server's port.
const portal = testPortal({ id: 'gt-ideg', platform: 'csw', url: 'https://ideg.segeplan.gob.gt/geonetwork/srv/spa/csw' });

/** Golden files are named after the fixture file that holds the record. */
function goldenName(record: CswRecord): string {
  const id = csw.sourceId(record);
  const fixture = fixtures.find((f) => id !== undefined && f.xml.includes(`>${id}<`)) ?? fixtures.find((f) => f.name === 'sin-identificador');
  return fixture?.name ?? 'desconocido';
}

const mapAll = (records: CswRecord[]) => mapGoldens(records, (record: CswRecord) => goldenName(record), (record) => csw.toDcat(record, portal));


const readJson = (file: string): unknown => JSON.parse(readFileSync(expectedDir + file, 'utf8'));

describe('CSW harvester: golden catalog', () => {
  it('has the platform name of config/portals.yaml and lists fully every run', () => {
    assert.equal(csw.platform, 'csw');
    assert.equal(csw.incremental, false);
  });

  it('when the catalog spans several capped pages, maps every dataset record to its expected DCAT draft and reports the malformed ones', async () => {
    const server = await startCswServer({ records: fixtures.map((f) => f.xml), maxRecords: 3 });
    try {
      const pages = await listAll(server.url);
      assert.equal(getRecordsParams(server.requests).length, 3, 'nine records in pages of three');
      assert.equal(pages.length, 3);
      const records = pages.flatMap((page) => page.records);
      assert.equal(records.length, fixtures.length - 1, 'the service record is left out');

      const { drafts, errors } = mapAll(records);
      if (process.env.UPDATE_GOLDEN === '1') writeGoldens(expectedDir, drafts, errors);

      const files = [...drafts.keys()].map((name) => `${name}.json`);
      assert.deepEqual(readdirSync(expectedDir).sort(), [...files, '_record-errors.json'].sort(), 'one golden per mapped record');
      for (const [name, draft] of drafts) assert.deepEqual(draft, readJson(`${name}.json`), `golden ${name}.json`);
      assert.deepEqual(errors, readJson('_record-errors.json'));
      assert.equal(errors.length, 2, 'no fileIdentifier, no title');
    } finally {
      await server.close();
    }
  });
});

/**
 * Golden test of the CKAN harvester: the recorded-shape catalog in test/fixtures/ckan is served
 * by the fake CKAN in pages of 4, listed, mapped and compared with test/fixtures/ckan/expected.
 * `UPDATE_GOLDEN=1 npx mocha test/harvesters/ckan.test.ts` rewrites the expected files (review the diff).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ckan, type CkanPackage } from '../../harvesters/ckan.js';
import { harvesterFor } from '../../harvesters/index.js';
import { startCkanServer } from '../../src/demo/ckan-server.js';
import { testPortal } from '../support/portal-config.js';
import { mapGoldens, writeGoldens } from '../support/golden.js';
import { listAll } from './ckan-support.js';

const fixtures = fileURLToPath(new URL('../fixtures/ckan/', import.meta.url));
const expectedDir = `${fixtures}expected/`;
const catalog = JSON.parse(readFileSync(`${fixtures}packages.json`, 'utf8')) as CkanPackage[];
// Mapping uses the portal's real address, so the goldens do not depend on the test server's port.
const portal = testPortal({ id: 'ec-datosabiertos', url: 'https://www.datosabiertos.gob.ec/api/3/action/package_search' });

/** What a record's golden is named after: its name, else its id, else its position. */
function goldenName(pkg: CkanPackage, index: number): string {
  return typeof pkg.name === 'string' && pkg.name ? pkg.name : typeof pkg.id === 'string' ? pkg.id : `registro-${index}`;
}

const mapAll = (records: CkanPackage[]) => mapGoldens(records, goldenName, (record) => ckan.toDcat(record, portal));


const readJson = (file: string): unknown => JSON.parse(readFileSync(expectedDir + file, 'utf8'));

describe('CKAN harvester: golden catalog', () => {
  it('is registered under its platform name', () => {
    assert.equal(harvesterFor('ckan'), ckan);
    assert.equal(harvesterFor('toString'), undefined);
  });

  it('when the catalog spans several capped pages, maps every package to its expected DCAT draft and reports the malformed ones', async () => {
    const server = await startCkanServer({ packages: catalog, maxRows: 4 });
    try {
      const pages = await listAll(server.url);
      assert.equal(pages.length, 3, 'eleven packages in pages of four');
      const records = pages.flatMap((page) => page.records);
      assert.equal(records.length, catalog.length - 1, 'the duplicate on the second page is skipped');

      const { drafts, errors } = mapAll(records);
      if (process.env.UPDATE_GOLDEN === '1') writeGoldens(expectedDir, drafts, errors);

      const files = [...drafts.keys()].map((name) => `${name}.json`);
      assert.deepEqual(readdirSync(expectedDir).sort(), [...files, '_record-errors.json'].sort(), 'one golden per mapped record');
      for (const [name, draft] of drafts) assert.deepEqual(draft, readJson(`${name}.json`), `golden ${name}.json`);
      assert.deepEqual(errors, readJson('_record-errors.json'));
      assert.equal(errors.length, 3, 'no id nor name, resources that are not a list, no title');
    } finally {
      await server.close();
    }
  });
});

/**
 * Golden test of the OpenDataSoft harvester: the recorded-shape catalog in test/fixtures/opendatasoft
 * is served by the fake Explore API, listed (from the export, and paged in fours when the export is
 * refused), mapped and compared with test/fixtures/opendatasoft/expected.
 * `UPDATE_GOLDEN=1 npx mocha test/harvesters/opendatasoft-golden.test.ts` rewrites the expected files (review the diff).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { opendatasoft, type OdsDataset } from '../../harvesters/opendatasoft.js';
import { startOpendatasoftServer, type OdsServer } from '../../src/demo/opendatasoft-server.js';
import { testPortal } from '../support/portal-config.js';
import { mapGoldens, writeGoldens } from '../support/golden.js';
import { exportParams, idsOf, listAll, pageParams } from './opendatasoft-support.js';

const fixtures = fileURLToPath(new URL('../fixtures/opendatasoft/', import.meta.url));
const expectedDir = `${fixtures}expected/`;
const catalog = JSON.parse(readFileSync(`${fixtures}datasets.json`, 'utf8')) as OdsDataset[];
// Mapping uses the portal's real-looking address, so the goldens do not depend on the test server's port.
const portal = testPortal({ id: 'ec-cuenca-ods', platform: 'opendatasoft', url: 'https://datos-cuenca.opendatasoft.com' });

/** What a record's golden is named after: its id (without `@`), else its position. */
function goldenName(dataset: OdsDataset, index: number): string {
  return typeof dataset.dataset_id === 'string' && dataset.dataset_id ? dataset.dataset_id.replace('@', '--') : `registro-${index}`;
}

const mapAll = (records: OdsDataset[]) => mapGoldens(records, goldenName, (record) => opendatasoft.toDcat(record, portal));


const readJson = (file: string): unknown => JSON.parse(readFileSync(expectedDir + file, 'utf8'));

describe('OpenDataSoft harvester: golden catalog', () => {
  let server: OdsServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('names its platform and honours incremental runs', () => {
    assert.equal(opendatasoft.platform, 'opendatasoft');
    assert.equal(opendatasoft.incremental, true);
  });

  it('when a full run reads the catalog export, maps every dataset to its expected DCAT draft and reports the malformed ones', async () => {
    server = await startOpendatasoftServer({ datasets: catalog });
    const pages = await listAll(server.url, { portal: { pageSize: 4 } });
    assert.equal(exportParams(server.requests).length, 1);
    assert.equal(pageParams(server.requests).length, 0, 'nothing paged when the export answers');
    assert.deepEqual(pages.map((page) => page.records.length), [4, 4, 3], 'the export handed on in pages of four, the duplicate skipped');
    const records = pages.flatMap((page) => page.records);

    const { drafts, errors } = mapAll(records);
    if (process.env.UPDATE_GOLDEN === '1') writeGoldens(expectedDir, drafts, errors);

    const files = [...drafts.keys()].map((name) => `${name}.json`);
    assert.deepEqual(readdirSync(expectedDir).sort(), [...files, '_record-errors.json'].sort(), 'one golden per mapped record');
    for (const [name, draft] of drafts) assert.deepEqual(draft, readJson(`${name}.json`), `golden ${name}.json`);
    assert.deepEqual(errors, readJson('_record-errors.json'));
    assert.equal(errors.length, 3, 'no dataset_id, metas that are not an object, a blank title');
  });

  it('when the export is refused and the catalog is paged in fours, lists the same datasets in the same order', async () => {
    server = await startOpendatasoftServer({ datasets: catalog });
    const fromExport = idsOf(await listAll(server.url, { portal: { pageSize: 4 } }));
    await server.close();
    server = await startOpendatasoftServer({ datasets: catalog, faults: (req) => (req.endpoint === 'export' ? 'status:403' : undefined) });
    const pages = await listAll(server.url, { portal: { pageSize: 4 } });
    assert.deepEqual(pageParams(server.requests).map((p) => p.get('offset')), ['0', '4', '8']);
    assert.deepEqual(pages.map((page) => page.records.length), [4, 4, 3], 'the duplicate on the third page is skipped');
    assert.deepEqual(idsOf(pages), fromExport);
  });
});

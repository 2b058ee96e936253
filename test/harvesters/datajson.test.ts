/**
 * Golden tests of the data.json harvester: recorded-shape catalogs in test/fixtures/datajson (an
 * Argentina-profile Andino catalog and a DKAN one) are served by the fake data.json server, listed,
 * mapped and compared with test/fixtures/datajson/expected/<catalog>/.
 * `UPDATE_GOLDEN=1 npx mocha test/harvesters/datajson.test.ts` rewrites the expected files (review the diff).
 */
import assert from 'node:assert/strict';
import { datajson } from '../../harvesters/datajson.js';
import { startDataJsonServer, type DataJsonServer } from '../../src/demo/datajson-server.js';
import { testPortal } from '../support/portal-config.js';
import { assertGoldens, listAll, listedIds, readFixture } from './datajson-support.js';

const expected = (catalog: string) => new URL(`../fixtures/datajson/expected/${catalog}/`, import.meta.url);

describe('data.json harvester: golden catalogs', () => {
  let server: DataJsonServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('when an Argentina-profile catalog is one document, yields it in pages of pageSize, skips the repeated id and maps every dataset to its expected draft', async () => {
    server = await startDataJsonServer({ catalog: readFixture('datajson/argentina.json') });
    const pages = await listAll(datajson, `${server.url}/data.json`, { portal: { pageSize: 4 } });
    assert.deepEqual(pages.map((page) => page.records.length), [4, 4], 'nine entries, one repeated');
    assert.ok(pages.every((page) => page.url === `${server!.url}/data.json`));
    assert.equal(listedIds(datajson, pages).filter((id) => id === 'sspm_145').length, 1);
    // A small document may be page 1 of several: page 2 is asked for, and the same document ends the listing.
    assert.deepEqual(server.requests, [`${server.url}/data.json`, `${server.url}/data.json?page=2`]);

    const portal = testPortal({ id: 'ar-datos', platform: 'datajson', url: 'https://datos.gob.ar/data.json' });
    const { mapped, errors } = assertGoldens(datajson, pages.flatMap((page) => page.records), portal, expected('argentina'));
    assert.equal(mapped, 6);
    assert.equal(errors.length, 2, 'an entry without title and an entry that is not an object');
  });

  it('when a DKAN catalog is paged from 0 behind a redirect, follows the pages until the last one comes again and maps every dataset', async () => {
    server = await startDataJsonServer({
      catalog: readFixture('datajson/dkan.json'), pageSize: 2, firstPage: 0, redirectToFirstPage: true, pastLast: 'last',
    });
    const pages = await listAll(datajson, `${server.url}/data.json`);
    const pagesAsked = server.requests.map((url) => new URL(url).searchParams.get('page'));
    assert.deepEqual(pagesAsked, [null, '0', '1', '2', '3'], 'the redirect, three pages, then the last page again');
    assert.deepEqual(pages.map((page) => new URL(page.url).searchParams.get('page')), ['0', '1', '2']);

    const portal = testPortal({ id: 'py-datos', platform: 'datajson', url: 'https://datos.gov.py/data.json' });
    const { mapped, errors } = assertGoldens(datajson, pages.flatMap((page) => page.records), portal, expected('dkan'));
    assert.equal(mapped, 5);
    assert.equal(errors.length, 1, 'a distribution that is not a list');
  });

  it('labels themes by a themeTaxonomy declared before the datasets, and keeps the ids when it comes after them (the document is read as it arrives)', async () => {
    const { themeTaxonomy, dataset, ...rest } = readFixture('datajson/argentina.json') as { themeTaxonomy: unknown; dataset: unknown[] };
    const labelled = async (catalog: Record<string, unknown>) => {
      server = await startDataJsonServer({ catalog });
      const pages = await listAll(datajson, `${server.url}/data.json`, { portal: { pageSize: 100 } });
      await server.close();
      server = undefined;
      return pages.flatMap((page) => page.records).filter((record) => record.themeLabels).length;
    };
    assert.ok((await labelled({ ...rest, themeTaxonomy, dataset })) > 0, 'taxonomy first: labels');
    assert.equal(await labelled({ ...rest, dataset, themeTaxonomy }), 0, 'taxonomy last: ids kept');
  });
});

/**
 * Golden test of the DKAN harvester on a DKAN 2 portal: the recorded-shape catalog of
 * test/fixtures/dkan/dkan2-datasets.json, served by the fake DKAN 2 through its search (pages of
 * 4) or its metastore list, mapped and compared with test/fixtures/dkan/expected/dkan2.
 * `UPDATE_GOLDEN=1 npx mocha test/harvesters/dkan-2.test.ts` rewrites the expected files.
 */
import assert from 'node:assert/strict';
import { startDkanServer, type DkanServer } from '../../src/demo/dkan-server.js';
import { testPortal } from '../support/portal-config.js';
import { assertGoldens, fixture, listAll, paths, recordsOf } from './dkan-support.js';

const portal = testPortal({ id: 'bo-lapaz', platform: 'dkan', url: 'https://datos.lapaz.bo' });
const catalog = fixture('dkan2-datasets');

describe('DKAN harvester: DKAN 2 golden catalog', () => {
  let server: DkanServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('when the search pages the catalog, maps every dataset to its expected draft and reports the malformed ones', async () => {
    server = await startDkanServer({ version: 2, datasets: catalog, totalAsString: true });
    const pages = await listAll(server.url);
    assert.deepEqual(paths(server.requests), [
      '/api/3/action/package_list', // DKAN 7 is tried first: Drupal answers its 404 page
      '/api/1/search?page=1&page-size=4',
      '/api/1/search?page=2&page-size=4',
      '/api/1/search?page=3&page-size=4',
    ]);
    assert.deepEqual(pages.map((page) => page.records.length), [4, 4, 2]);
    const { drafts, errors } = assertGoldens('dkan2', recordsOf(pages), portal);
    assert.equal(drafts, 7);
    assert.equal(errors.length, 3, 'no title, no identifier, a distribution that is a bare URL');
  });

  it('when the configured URL is the search API, asks DKAN 2 first', async () => {
    server = await startDkanServer({ version: 2, datasets: catalog });
    await listAll(`${server.url}/api/1/search`);
    assert.equal(paths(server.requests)[0], '/api/1/search?page=1&page-size=4');
    assert.ok(!server.requests.some((url) => url.includes('/api/3/')));
  });

  it('when the search is not served, reads the metastore list and gives the same drafts', async () => {
    server = await startDkanServer({ version: 2, datasets: catalog, search: false });
    const pages = await listAll(server.url);
    assert.deepEqual(paths(server.requests).slice(-2), ['/api/1/search?page=1&page-size=4', '/api/1/metastore/schemas/dataset/items']);
    assert.deepEqual(pages.map((page) => page.records.length), [4, 4, 2]);
    assertGoldens('dkan2', recordsOf(pages), portal);
  });
});

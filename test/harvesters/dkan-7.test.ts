/**
 * Golden test of the DKAN harvester on a DKAN 7 portal: the recorded-shape catalog of
 * test/fixtures/dkan/dkan7-packages.json, served by the fake DKAN 7, listed, mapped and compared
 * with test/fixtures/dkan/expected/dkan7. Both ways DKAN 7 gives its packages (the paged list
 * with resources, and package_show one by one) must give the same drafts.
 * `UPDATE_GOLDEN=1 npx mocha test/harvesters/dkan-7.test.ts` rewrites the expected files.
 */
import assert from 'node:assert/strict';
import { startDkanServer, type DkanServer } from '../../src/demo/dkan-server.js';
import { testPortal } from '../support/portal-config.js';
import { dkan } from '../../harvesters/dkan.js';
import { assertGoldens, fixture, golden, listAll, paths, recordsOf } from './dkan-support.js';

// Mapping uses the portal's real address, so the goldens do not depend on the test server's port.
const portal = testPortal({ id: 'py-asuncion', platform: 'dkan', url: 'https://datos.asuncion.gov.py/' });
const catalog = fixture('dkan7-packages');
// An alias package_list still gives, whose dataset package_show cannot find.
const ghostNames = ['mapa-de-baches-2018'];

describe('DKAN harvester: DKAN 7 golden catalog', () => {
  let server: DkanServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('when current_package_list_with_resources pages, maps every package to its expected draft and shows the rest one by one', async () => {
    server = await startDkanServer({ version: 7, datasets: catalog, ghostNames });
    const pages = await listAll(server.url);
    assert.deepEqual(paths(server.requests), [
      '/api/3/action/package_list',
      '/api/3/action/current_package_list_with_resources?limit=4&offset=0',
      '/api/3/action/current_package_list_with_resources?limit=4&offset=4',
      '/api/3/action/current_package_list_with_resources?limit=4&offset=8',
      '/api/3/action/current_package_list_with_resources?limit=4&offset=9',
      '/api/3/action/package_show?id=mapa-de-baches-2018',
    ]);
    assert.deepEqual(pages.map((page) => page.records.length), [4, 4, 1, 1]);
    const { drafts, errors } = assertGoldens('dkan7', recordsOf(pages), portal);
    assert.equal(drafts, 7);
    assert.equal(errors.length, 3, 'no title, resources that are not a list, a dataset package_show cannot find');
  });

  it('when only package_show is served (answering a list of one), gives the same drafts', async () => {
    server = await startDkanServer({ version: 7, datasets: catalog, ghostNames, listWithResources: false });
    const pages = await listAll(server.url);
    const shows = paths(server.requests).filter((path) => path.includes('package_show'));
    assert.equal(shows.length, catalog.length + ghostNames.length);
    assert.ok(pages.every((page) => page.records.length === 1 && page.url.includes('package_show?id=')), 'one page per dataset, named by its own URL');
    assertGoldens('dkan7', recordsOf(pages), portal);
  });

  it('when package_show answers the package itself and 404 for an unknown name, gives the same drafts', async () => {
    server = await startDkanServer({ version: 7, datasets: catalog, ghostNames, listWithResources: false, showObject: true });
    const records = recordsOf(await listAll(server.url));
    const ghost = records.find((record) => record.api === 'unfetched');
    assert.equal(ghost?.api === 'unfetched' && ghost.code, 'http_status');
    // The same drafts; only the failure's message differs (HTTP 404 instead of an empty list).
    const mapped = records.filter((record) => record.api === 'dkan7');
    assert.equal(mapped.length, catalog.length);
    for (const record of mapped) {
      const name = (record.package as { name: string }).name;
      if (name === 'consultas-ciudadanas' || name === 'obras-publicas-2022') continue; // the malformed ones
      assert.deepEqual(JSON.parse(JSON.stringify(dkan.toDcat(record, portal))), golden('dkan7', name), name);
    }
  });
});

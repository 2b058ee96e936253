/** The fake CKAN answers like CKAN: envelopes, capped rows, sorts, fq, errors. */
import assert from 'node:assert/strict';
import { startCkanServer, syntheticPackages, type CkanServer } from '../../src/demo/ckan-server.js';

async function get(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const catalog = [
  { id: 'b', name: 'beta', title: 'Beta', metadata_modified: '2024-01-02T00:00:00.000000', organization: { name: 'inec', title: 'INEC' } },
  { id: 'a', name: 'alfa', title: 'Alfa', metadata_modified: '2024-03-01T00:00:00.000000', organization: { name: 'inec', title: 'INEC' } },
  { id: 'c', name: 'gamma', title: 'Gamma', metadata_modified: '2023-12-01T00:00:00.000000', organization: { name: 'sercop', title: 'SERCOP' } },
];

describe('fake CKAN server', () => {
  let server: CkanServer;
  before(async () => (server = await startCkanServer({ packages: catalog, maxRows: 2, basePath: '/busca', ckanVersion: '2.9.11' })));
  after(() => server.close());
  const api = (path: string) => `${server.url}/api/3/action/${path}`;

  it('answers package_search in CKAN\'s envelope with rows capped and the asked sort applied', async () => {
    const { body } = await get(api('package_search?rows=50&sort=id%20asc'));
    const result = body.result as { count: number; results: { id: string }[]; sort: string; facets: object; search_facets: object };
    assert.equal(body.success, true);
    assert.match(String(body.help), /help_show\?name=package_search/);
    assert.equal(result.count, 3);
    assert.deepEqual(result.results.map((p) => p.id), ['a', 'b']);
    assert.deepEqual([result.sort, result.facets, result.search_facets], ['id asc', {}, {}]);
    const newest = await get(api('package_search?sort=metadata_modified%20desc'));
    assert.deepEqual((newest.body.result as { results: { id: string }[] }).results.map((p) => p.id), ['a', 'b']);
  });

  it('filters package_search by fq on metadata_modified', async () => {
    const { body } = await get(api(`package_search?fq=${encodeURIComponent('metadata_modified:[2024-01-01T00:00:00Z TO *]')}`));
    assert.equal((body.result as { count: number }).count, 2);
  });

  it('answers an invalid rows value with 409 and a Validation Error, like CKAN', async () => {
    const { status, body } = await get(api('package_search?rows=-1'));
    assert.equal(status, 409);
    assert.deepEqual(body.error, { __type: 'Validation Error', rows: ['Invalid integer'] });
  });

  it('answers package_show by id or name, and 404 for an unknown one', async () => {
    assert.equal(((await get(api('package_show?id=gamma'))).body.result as { id: string }).id, 'c');
    const missing = await get(api('package_show?id=nada'));
    assert.equal(missing.status, 404);
    assert.equal(missing.body.success, false);
  });

  it('answers status_show with the configured version and organization_list with the publishers', async () => {
    assert.equal(((await get(api('status_show'))).body.result as { ckan_version: string }).ckan_version, '2.9.11');
    assert.deepEqual((await get(api('organization_list'))).body.result, ['inec', 'sercop']);
  });

  it('answers an unknown action with 400', async () => {
    assert.equal((await get(api('nada_show'))).status, 400);
  });

  it('serves a synthetic catalog lazily, page by page, in id order', async () => {
    const big = await startCkanServer({ packages: syntheticPackages, total: 100_000 });
    try {
      const { body } = await get(`${big.url}/api/3/action/package_search?rows=1000&start=99500`);
      const result = body.result as { count: number; results: { id: string }[] };
      assert.equal(result.count, 100_000);
      assert.equal(result.results.length, 500);
      const ids = result.results.map((p) => p.id);
      assert.deepEqual(ids, [...ids].sort());
    } finally {
      await big.close();
    }
  });
});

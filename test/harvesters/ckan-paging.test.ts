/** How the CKAN harvester pages `package_search`: capped rows, sort, incremental filter, URL forms, abort. */
import assert from 'node:assert/strict';
import { startCkanServer, type CkanServer, type CkanServerOptions } from '../../src/demo/ckan-server.js';
import { ckanSite } from '../../harvesters/ckan-api.js';
import { actionParams, listAll, packages, rejection } from './ckan-support.js';

describe('CKAN harvester: paging', () => {
  let server: CkanServer | undefined;
  const start = async (options: CkanServerOptions) => (server = await startCkanServer(options));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('when the server caps rows at 7 while 100 are asked for, advances start by the results returned and lists every dataset once', async () => {
    const { url, requests } = await start({ packages: packages(20), maxRows: 7 });
    const pages = await listAll(url, { portal: { pageSize: 100 } });
    const params = actionParams(requests);
    assert.deepEqual(params.map((p) => p.get('start')), ['0', '7', '14']);
    assert.ok(params.every((p) => p.get('rows') === '100'));
    assert.deepEqual(pages.map((page) => page.records.length), [7, 7, 6]);
    assert.deepEqual(pages.flatMap((page) => page.records.map((r) => r.id)), packages(20).map((p) => p.id));
  });

  it('asks for the stable "id asc" order on every page and names each page by its URL', async () => {
    const { url, requests } = await start({ packages: packages(5), maxRows: 2 });
    const pages = await listAll(url);
    assert.ok(actionParams(requests).every((p) => p.get('sort') === 'id asc'));
    assert.deepEqual(pages.map((page) => page.url), requests);
  });

  it('when a page comes back empty before count is reached, stops there', async () => {
    const { url, requests } = await start({ packages: (s) => (s === 0 ? packages(3) : []), total: 50, maxRows: 3 });
    const pages = await listAll(url);
    assert.equal(pages.length, 1);
    assert.equal(requests.length, 2);
  });

  it('when the catalog is empty, yields no page after one request', async () => {
    const { url, requests } = await start({ packages: [] });
    assert.deepEqual(await listAll(url), []);
    assert.equal(requests.length, 1);
  });

  it('when since is set, sends fq for metadata_modified from one hour earlier and gets only the recent datasets', async () => {
    const catalog = [...packages(3, '2024-02-01T10:00:00.000000'), ...packages(5, '2024-03-01T11:30:00.123456').slice(3)];
    const { url, requests } = await start({ packages: catalog });
    const pages = await listAll(url, { since: new Date('2024-03-01T12:00:00.000Z') });
    assert.equal(actionParams(requests)[0].get('fq'), 'metadata_modified:[2024-03-01T11:00:00Z TO *]');
    assert.deepEqual(pages.flatMap((page) => page.records.map((r) => r.id)), ['pkg-0003', 'pkg-0004']);
  });

  it('when since is not set, sends no fq', async () => {
    const { url, requests } = await start({ packages: packages(2) });
    await listAll(url);
    assert.equal(actionParams(requests)[0].has('fq'), false);
  });

  it('when the run is aborted between pages, stops with the abort reason and asks for nothing more', async () => {
    const { url, requests } = await start({ packages: packages(10), maxRows: 2 });
    const controller = new AbortController();
    const listing = listAll(url, { signal: controller.signal, onPage: () => controller.abort(new Error('apagado')) });
    const error = await rejection(listing);
    assert.equal(error.message, 'apagado');
    assert.equal(requests.length, 1);
  });
});

describe('CKAN harvester: portal URL forms', () => {
  const forms: [string, string][] = [
    ['a site root', ''],
    ['a site root with a trailing slash', '/'],
    ['an /api/3 base', '/api/3'],
    ['an /api/3/action/ base', '/api/3/action/'],
    ['a full package_search URL with a query', '/api/3/action/package_search?q=agua'],
  ];
  for (const [what, suffix] of forms) {
    it(`when the portal URL is ${what}, finds package_search at /api/3/action`, async () => {
      const server = await startCkanServer({ packages: packages(3) });
      try {
        const pages = await listAll(server.url + suffix);
        assert.equal(pages[0].records.length, 3);
        assert.match(server.requests[0], /^http:\/\/127\.0\.0\.1:\d+\/api\/3\/action\/package_search\?rows=100&start=0&sort=id\+asc$/);
      } finally {
        await server.close();
      }
    });
  }

  it('when the site lives under a path prefix (/busca), keeps the prefix in the API URL', async () => {
    const server = await startCkanServer({ packages: packages(3), basePath: '/busca' });
    try {
      assert.match(server.url, /\/busca$/);
      const pages = await listAll(server.url);
      assert.equal(pages[0].records.length, 3);
      assert.match(server.requests[0], /\/busca\/api\/3\/action\/package_search\?/);
    } finally {
      await server.close();
    }
  });

  it('reads the site root and the action base of the documented portal URL forms', () => {
    assert.deepEqual(ckanSite('https://datos.gob.mx/busca/api/3/action/package_search'), {
      root: 'https://datos.gob.mx/busca',
      actions: 'https://datos.gob.mx/busca/api/3/action/',
    });
    assert.equal(ckanSite('https://sil.loja.gob.ec/api/3').root, 'https://sil.loja.gob.ec');
    assert.equal(ckanSite('https://www.datosabiertos.gob.ec').actions, 'https://www.datosabiertos.gob.ec/api/3/action/');
    assert.equal(ckanSite('http://ckan.montevideo.gub.uy/api/action/package_search').root, 'http://ckan.montevideo.gub.uy');
    assert.equal(ckanSite('https://datos.gob.cl/dataset/').root, 'https://datos.gob.cl');
  });
});

/** The failure cases of HARVESTING.md on a DKAN 2 portal, each served by the fake DKAN and met by the harvester. */
import assert from 'node:assert/strict';
import { startDkanServer, type DkanServer, type DkanServerOptions } from '../../src/demo/dkan-server.js';
import { datasets2, listAll, paths, recordsOf, rejection } from './dkan-support.js';

describe('DKAN harvester: DKAN 2 failure cases', () => {
  let server: DkanServer | undefined;
  // The configured URL points at the search, so DKAN 2 is asked first and the request lists stay short.
  const start = async (options: Partial<DkanServerOptions> = {}) => {
    server = await startDkanServer({ version: 2, datasets: datasets2(10), ...options });
    return { url: `${server.url}/api/1/search`, requests: server.requests };
  };
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const idsOf = (pages: Awaited<ReturnType<typeof listAll>>) => recordsOf(pages).map((r) => (r.api === 'dkan2' ? (r.dataset as { identifier: string }).identifier : r.api));
  const allIds = (n: number) => datasets2(n).map((d) => d.identifier);

  it('when the search ignores page and answers the first page again, completes from the metastore list, each dataset once', async () => {
    const { url, requests } = await start({ faults: (req, n) => (req.endpoint === 'search' && n > 1 ? 'repeat_previous_page' : undefined) });
    assert.deepEqual(idsOf(await listAll(url)).sort(), allIds(10).sort());
    assert.deepEqual(paths(requests), ['/api/1/search?page=1&page-size=4', '/api/1/search?page=2&page-size=4', '/api/1/metastore/schemas/dataset/items']);
  });

  it('when the search repeats a page and the metastore list fails, the run fails with paging_loop', async () => {
    const { url } = await start({ faults: (req, n) => (req.endpoint === 'search' && n > 1 ? 'repeat_previous_page' : req.endpoint === 'items' ? 'status:500' : undefined) });
    const error = await rejection(listAll(url, { http: { retries: 0 } }));
    assert.equal(error.code, 'paging_loop');
    assert.match(error.message, /answered a page with nothing new at .*page=2.*HTTP 500/);
  });

  it('when the server caps page-size below what was asked, the datasets skipped are read from the metastore list', async () => {
    const { url, requests } = await start({ maxPageSize: 3 });
    assert.deepEqual(idsOf(await listAll(url)).sort(), allIds(10).sort());
    assert.ok(requests.at(-1)?.endsWith('/api/1/metastore/schemas/dataset/items'));
  });

  it('when big pages keep failing with 500, asks again with half the page size and goes on with smaller pages', async () => {
    const { url, requests } = await start({ datasets: datasets2(30), faults: (req) => (Number(req.params['page-size']) > 10 ? 'status:500' : undefined) });
    const pages = await listAll(url, { portal: { pageSize: 40 }, http: { retries: 0 } });
    assert.deepEqual(pages.map((page) => page.records.length), [10, 10, 10]);
    assert.deepEqual(paths(requests), ['/api/1/search?page=1&page-size=40', '/api/1/search?page=1&page-size=20', '/api/1/search?page=1&page-size=10', '/api/1/search?page=2&page-size=10', '/api/1/search?page=3&page-size=10']);
  });

  it('when every page is over the size cap, shrinks to the smallest page and then fails with too_large', async () => {
    const { url, requests } = await start({ datasets: datasets2(30) });
    const error = await rejection(listAll(url, { portal: { pageSize: 40 }, http: { maxResponseBytes: 1024 } }));
    assert.equal(error.code, 'too_large');
    assert.deepEqual(paths(requests), ['/api/1/search?page=1&page-size=40', '/api/1/search?page=1&page-size=20', '/api/1/search?page=1&page-size=10']);
  });

  it('when the search answers another JSON shape, reads the metastore list', async () => {
    const { url, requests } = await start({ faults: (req) => (req.endpoint === 'search' ? 'success_false' : undefined) });
    assert.equal(recordsOf(await listAll(url)).length, 10);
    assert.deepEqual(paths(requests), ['/api/1/search?page=1&page-size=4', '/api/1/metastore/schemas/dataset/items']);
  });

  it('when a later search page answers HTML with HTTP 200, the run fails with not_json naming that page', async () => {
    const { url } = await start({ faults: (req, n) => (req.endpoint === 'search' && n === 2 ? 'html' : undefined) });
    const error = await rejection(listAll(url));
    assert.equal(error.code, 'not_json');
    assert.match(error.message, /page=2&page-size=4/);
  });

  it('when the portal answers 429 with Retry-After: 1, waits about a second and succeeds', async () => {
    const { url } = await start({ faults: (req, n) => (req.endpoint === 'search' && n === 2 ? 'status:429:retry-after=1' : undefined) });
    const began = Date.now();
    const pages = await listAll(url);
    assert.ok(Date.now() - began >= 900, 'waited for Retry-After');
    assert.equal(recordsOf(pages).length, 10);
  });

  it('when the search keeps answering 500, the run fails with the HTTP error', async () => {
    const { url } = await start({ faults: (req) => (req.endpoint === 'search' ? 'status:500' : undefined) });
    const error = await rejection(listAll(url, { http: { retries: 0 } }));
    assert.equal(error.status, 500);
  });

  it('when neither DKAN 7 nor DKAN 2 answers, the run fails saying so, with what each API answered', async () => {
    const { requests } = await start({ search: false, faults: (req) => (req.endpoint === 'items' ? 'status:404' : undefined) });
    const error = await rejection(listAll(server!.url));
    assert.equal(error.code, 'http_status');
    assert.match(error.message, /^No DKAN API answered at .* HTTP 404 at .*package_list.* HTTP 404 at .*\/items/);
    assert.equal(requests.length, 3);
  });
});

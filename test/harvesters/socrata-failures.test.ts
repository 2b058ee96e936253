/** The failure cases of HARVESTING.md, each served by the fake Socrata and met by the harvester. */
import assert from 'node:assert/strict';
import { startSocrataServer, syntheticCatalog, type SocrataFault, type SocrataServer, type SocrataServerOptions } from '../../src/demo/socrata-server.js';
import { HarvestError, isHarvestError } from '../../src/errors.js';
import { catalogParams, listAll, listedIds, records, rejection, type ListOptions } from './socrata-support.js';

describe('Socrata harvester: failure cases', () => {
  let server: SocrataServer | undefined;
  const start = async (options: Partial<SocrataServerOptions> = {}) => (server = await startSocrataServer({ records: records(6), ...options }));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  /** Serves `fault` on the n-th Discovery request (and only there), then lists in pages of `pageSize`. */
  async function failingAt(n: number, fault: SocrataFault, options: ListOptions = {}) {
    const { url, requests } = await start({ faults: (req, k) => (req.path === 'catalog' && k === n ? fault : undefined) });
    return { error: await rejection(listAll(url, { portal: { pageSize: 2 }, ...options })), requests };
  }

  it('when the portal answers 429 with Retry-After: 1, waits about a second and succeeds', async () => {
    const { url } = await start({ faults: (_req, n) => (n === 1 ? 'status:429:retry-after=1' : undefined) });
    const began = Date.now();
    const pages = await listAll(url);
    assert.ok(Date.now() - began >= 900, 'waited for Retry-After');
    assert.equal(listedIds(pages).length, 6);
  });

  it('when 429 goes on past the retries, the run fails with rate_limited naming the URL', async () => {
    const { url, requests } = await start({ faults: () => 'status:429:retry-after=0' });
    const error = await rejection(listAll(url));
    assert.equal(error.code, 'rate_limited');
    assert.equal(error.status, 429);
    assert.ok(error.message.includes(requests[0]));
  });

  it('when the portal answers 500 twice and then 200, the page is retried and the listing completes', async () => {
    const { url, requests } = await start({ faults: (_req, n) => (n <= 2 ? 'status:500' : undefined) });
    const pages = await listAll(url);
    assert.equal(requests.length, 3);
    assert.equal(listedIds(pages).length, 6);
  });

  it('when big pages keep failing with 500, asks again with half the limit and goes on with the smaller pages', async () => {
    const { url, requests } = await start({ records: records(30), faults: (req) => (Number(req.params.limit) > 10 ? 'status:500' : undefined) });
    const pages = await listAll(url, { portal: { pageSize: 20 } });
    assert.deepEqual(pages.map((page) => page.records.length), [10, 10, 10]);
    assert.deepEqual(catalogParams(requests).map((p) => `${p.get('offset')}:${p.get('limit')}`), ['0:20', '0:20', '0:20', '0:10', '10:10', '20:10']);
  });

  it('when every page size keeps failing with 500, halves the limit three times and then fails with the HTTP status', async () => {
    const { url, requests } = await start({ faults: () => 'status:500' });
    const error = await rejection(listAll(url, { portal: { pageSize: 100 } }));
    assert.ok(error instanceof HarvestError);
    assert.equal(error.status, 500);
    assert.deepEqual([...new Set(catalogParams(requests).map((p) => p.get('limit')))], ['100', '50', '25', '12']);
    assert.match(error.message, /Simulated failure/);
    assert.ok(error.message.includes('limit=12'));
  });

  it('when the first page is fine and a later one is an HTML page with 200, the run fails with html_instead_of_data (no fallback mid-listing)', async () => {
    const { error, requests } = await failingAt(2, 'html');
    assert.equal(error.code, 'html_instead_of_data');
    assert.ok(error.message.includes(requests[1]));
    assert.ok(!requests.some((u) => u.endsWith('/data.json')));
  });

  it('when the API answers 400 with its {"error": …} body, the run fails with api_error carrying the message and the status', async () => {
    const { error } = await failingAt(1, 'status:400');
    assert.equal(error.code, 'api_error');
    assert.equal(error.status, 400);
    assert.match(error.message, /HTTP 400: Simulated failure \(HTTP 400\)/);
  });

  it('when the API answers only {"error": …} with HTTP 200, the run fails with api_error', async () => {
    const { error } = await failingAt(1, 'error_200');
    assert.equal(error.code, 'api_error');
    assert.match(error.message, /Search context not found/);
  });

  it('when the portal answers an empty body, the run fails with empty_body', async () => {
    assert.equal((await failingAt(1, 'empty')).error.code, 'empty_body');
  });

  it('when the portal answers truncated JSON, the run fails with not_json', async () => {
    assert.equal((await failingAt(2, 'bad_json')).error.code, 'not_json');
  });

  it('when results is not a list, the run fails with bad_response naming the URL', async () => {
    const { error, requests } = await failingAt(1, 'results_not_array');
    assert.equal(error.code, 'bad_response');
    assert.match(error.message, /"results" is not a list/);
    assert.ok(error.message.includes(requests[0]));
  });

  it('when the portal does not answer within the timeout, the run fails with timeout', async () => {
    assert.equal((await failingAt(1, 'timeout', { http: { timeoutMs: 200, retries: 0 } })).error.code, 'timeout');
  });

  it('when the run is aborted while a request is waiting, stops at once with the abort reason', async () => {
    const { url } = await start({ faults: () => 'timeout' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('apagado')), 100);
    const error = await rejection(listAll(url, { signal: controller.signal, http: { timeoutMs: 5000 } }));
    assert.equal(error.message, 'apagado');
  });

  it('when an offset page repeats the previous one, the run fails with paging_loop', async () => {
    const { error } = await failingAt(2, 'repeat_previous_page');
    assert.equal(error.code, 'paging_loop');
    assert.match(error.message, /same page twice.*offset=2/);
  });

  it('when a scroll page repeats the previous one, the run fails with paging_loop', async () => {
    // 10,010 records in pages of 1,000: offset pages 1–10, scroll pages from request 11.
    const { url } = await start({ records: syntheticCatalog(12_010, { federatedEvery: 0, lean: true }), faults: (req, n) => (n === 12 ? 'repeat_previous_page' : undefined) });
    const error = await rejection(listAll(url, { portal: { pageSize: 1000 } }));
    assert.equal(error.code, 'paging_loop');
    assert.match(error.message, /scroll_id=/);
  });

  it('when the scroll goes back to records already listed, the run fails with paging_loop', async () => {
    const { url, requests } = await start({ records: syntheticCatalog(10_500, { federatedEvery: 0, lean: true }), faults: (req) => ('scroll_id' in req.params ? 'scroll_restart' : undefined) });
    const error = await rejection(listAll(url, { portal: { pageSize: 1000 } }));
    assert.equal(error.code, 'paging_loop');
    assert.match(error.message, /already listed/);
    assert.equal(catalogParams(requests).length, 11);
  });

  it('when a record shows up again on a later page, it is yielded once', async () => {
    // Pages of three over ids r000 r001 r002 r002 r003 r004 r004 …: each repeat starts the next page.
    const catalog = records(9);
    const { url } = await start({ records: [...catalog, catalog[2], catalog[4]] });
    const ids = listedIds(await listAll(url, { portal: { pageSize: 3 } }));
    assert.deepEqual(ids, catalog.map((r) => r.resource!.id));
  });

  it('when a response is larger than the size cap, the run fails with too_large', async () => {
    const { url } = await start({ records: records(200) });
    const error = await rejection(listAll(url, { portal: { pageSize: 200 }, http: { maxResponseBytes: 4096 } }));
    assert.equal(error.code, 'too_large');
  });

  it('every listing failure is a HarvestError that names a URL of the portal', async () => {
    const { error } = await failingAt(1, 'results_not_array');
    assert.ok(isHarvestError(error));
    assert.match(error.url ?? '', /^http:\/\/127\.0\.0\.1:\d+\/api\/catalog\/v1\?/);
  });
});

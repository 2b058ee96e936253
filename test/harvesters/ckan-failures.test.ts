/** The failure cases of HARVESTING.md, each served by the fake CKAN and met by the harvester. */
import assert from 'node:assert/strict';
import { startCkanServer, type CkanFault, type CkanServer, type CkanServerOptions } from '../../src/demo/ckan-server.js';
import { HarvestError, isHarvestError } from '../../src/errors.js';
import { actionParams, listAll, packages, rejection, type ListOptions } from './ckan-support.js';

describe('CKAN harvester: failure cases', () => {
  let server: CkanServer | undefined;
  const start = async (options: Partial<CkanServerOptions> = {}) => (server = await startCkanServer({ packages: packages(6), ...options }));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  /** Serves `fault` on the first package_search request (and only there), then lists. */
  async function failingOnce(fault: CkanFault, options: ListOptions = {}) {
    const { url, requests } = await start({ faults: (req, n) => (req.action === 'package_search' && n === 1 ? fault : undefined) });
    return { error: await rejection(listAll(url, options)), requests };
  }

  it('when the API answers success:false with HTTP 200, the run fails with api_error naming the URL', async () => {
    const { error, requests } = await failingOnce('success_false');
    assert.ok(isHarvestError(error));
    assert.equal(error.code, 'api_error');
    assert.equal(error.url, requests[0]);
    assert.match(error.message, /Search Query Error/);
    assert.ok(error.message.includes(requests[0]));
  });

  it('when the API answers success:false with HTTP 409, the run fails with api_error carrying CKAN\'s message and the status', async () => {
    const { error, requests } = await failingOnce('status:409');
    assert.equal(error.code, 'api_error');
    assert.equal(error.status, 409);
    assert.match(error.message, /HTTP 409, Validation Error: Simulated failure/);
    assert.ok(error.message.includes(requests[0]));
  });

  it('when the portal answers an HTML page with HTTP 200, the run fails with not_json', async () => {
    const { error, requests } = await failingOnce('html');
    assert.equal(error.code, 'not_json');
    assert.ok(error.message.includes(requests[0]));
  });

  it('when the portal answers an empty body, the run fails with empty_body', async () => {
    assert.equal((await failingOnce('empty')).error.code, 'empty_body');
  });

  it('when the portal answers truncated JSON, the run fails with not_json', async () => {
    assert.equal((await failingOnce('bad_json')).error.code, 'not_json');
  });

  it('when result is not an object, the run fails with bad_response naming the URL', async () => {
    const { error, requests } = await failingOnce('result_not_object');
    assert.equal(error.code, 'bad_response');
    assert.ok(error.message.includes(requests[0]));
  });

  it('when result.results is not a list, the run fails with bad_response naming the URL', async () => {
    const { error, requests } = await failingOnce('results_not_array');
    assert.equal(error.code, 'bad_response');
    assert.match(error.message, /"result.results" is not a list/);
    assert.ok(error.message.includes(requests[0]));
  });

  it('when the portal answers 429 with Retry-After: 1, waits about a second and succeeds', async () => {
    const { url } = await start({ faults: (_req, n) => (n === 1 ? 'status:429:retry-after=1' : undefined) });
    const began = Date.now();
    const pages = await listAll(url);
    assert.ok(Date.now() - began >= 900, 'waited for Retry-After');
    assert.equal(pages[0].records.length, 6);
  });

  it('when the portal answers 500 twice and then 200, the page is retried and the listing completes', async () => {
    const { url, requests } = await start({ faults: (_req, n) => (n <= 2 ? 'status:500' : undefined) });
    const pages = await listAll(url);
    assert.equal(requests.length, 3);
    assert.equal(pages[0].records.length, 6);
  });

  it('when big pages keep failing with 500, asks again with half the rows and goes on with the smaller pages', async () => {
    const { url, requests } = await start({ packages: packages(30), faults: (req) => (Number(req.params.rows) > 10 ? 'status:500' : undefined) });
    const pages = await listAll(url, { portal: { pageSize: 20 } });
    assert.deepEqual(pages.map((page) => page.records.length), [10, 10, 10]);
    // The last page was full at the count: one more page is asked for, in case the count says too little.
    assert.deepEqual(actionParams(requests).map((p) => `${p.get('start')}:${p.get('rows')}`), ['0:20', '0:20', '0:20', '0:10', '10:10', '20:10', '30:10']);
  });

  it('when every page size keeps failing with 500, halves the rows three times and then fails with the HTTP error', async () => {
    const { url, requests } = await start({ faults: () => 'status:500' });
    const error = await rejection(listAll(url, { portal: { pageSize: 100 } }));
    assert.ok(error instanceof HarvestError);
    assert.equal(error.status, 500);
    const rows = [...new Set(actionParams(requests).map((p) => p.get('rows')))];
    assert.deepEqual(rows, ['100', '50', '25', '12']);
    assert.ok(error.message.includes('rows=12'));
  });

  it('when the portal does not answer within the timeout, the run fails with timeout', async () => {
    const { error } = await failingOnce('timeout', { http: { timeoutMs: 200, retries: 0 } });
    assert.equal(error.code, 'timeout');
  });

  it('when the run is aborted while a request is waiting, stops at once with the abort reason', async () => {
    const { url } = await start({ faults: () => 'timeout' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('apagado')), 100);
    const began = Date.now();
    const error = await rejection(listAll(url, { signal: controller.signal, http: { timeoutMs: 5000 } }));
    assert.equal(error.message, 'apagado');
    assert.ok(Date.now() - began < 2000);
  });

  it('when the next page repeats the previous one, the run fails with paging_loop', async () => {
    const { url } = await start({ maxRows: 2, faults: (req, n) => (req.action === 'package_search' && n === 2 ? 'repeat_previous_page' : undefined) });
    const error = await rejection(listAll(url));
    assert.equal(error.code, 'paging_loop');
    assert.match(error.message, /start=2/);
  });

  it('when a dataset shows up again on a later page, it is yielded once', async () => {
    // An insertion before the current offset shifts the listing: each page repeats the last id of the one before.
    const catalog = packages(9);
    const { url } = await start({ packages: (s, rows) => catalog.slice(Math.max(0, s - 1), s - 1 + rows), total: 9, maxRows: 4 });
    const ids = (await listAll(url)).flatMap((page) => page.records.map((r) => r.id));
    assert.deepEqual(ids, catalog.slice(0, 8).map((p) => p.id));
    assert.equal(new Set(ids).size, ids.length);
  });

  it('when a response is larger than the size cap, the run fails with too_large', async () => {
    const { url } = await start({ packages: packages(200) });
    const error = await rejection(listAll(url, { http: { maxResponseBytes: 4096 } }));
    assert.equal(error.code, 'too_large');
  });
});

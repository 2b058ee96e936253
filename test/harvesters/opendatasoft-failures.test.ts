/**
 * The failure cases of HARVESTING.md on the paged catalog (incremental runs, and full runs whose
 * export failed), each served by the fake Explore API and met by the harvester.
 */
import assert from 'node:assert/strict';
import { startOpendatasoftServer, type OdsFault, type OdsServer, type OdsServerOptions } from '../../src/demo/opendatasoft-server.js';
import { HarvestError, isHarvestError } from '../../src/errors.js';
import { idsOf, listAll, odsDatasets, pageParams, rejection, type ListOptions } from './opendatasoft-support.js';

/** An incremental run pages the catalog straight away. */
const since = new Date('2023-06-01T00:00:00Z');

describe('OpenDataSoft harvester: failure cases', () => {
  let server: OdsServer | undefined;
  const start = async (options: Partial<OdsServerOptions> = {}) => (server = await startOpendatasoftServer({ datasets: odsDatasets(6), ...options }));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  /** Serves `fault` on the first catalog page request (and only there), then lists incrementally. */
  async function failingOnce(fault: OdsFault, options: ListOptions = {}) {
    const { url, requests } = await start({ faults: (req, n) => (req.endpoint === 'datasets' && n === 1 ? fault : undefined) });
    return { error: await rejection(listAll(url, { since, ...options })), requests };
  }

  it('when the API answers 400 with ODS\'s error body, the run fails with api_error carrying error_code, message and status', async () => {
    const { error, requests } = await failingOnce('status:400');
    assert.ok(isHarvestError(error));
    assert.equal(error.code, 'api_error');
    assert.equal(error.status, 400);
    assert.match(error.message, /HTTP 400, InvalidRESTParameterError: /);
    assert.equal(error.url, requests[0]);
  });

  it('when ODS\'s error body comes with HTTP 200, the run fails with api_error naming the URL', async () => {
    const { error, requests } = await failingOnce('error_200');
    assert.equal(error.code, 'api_error');
    assert.match(error.message, /ODSQLError: ODSQL query is malformed/);
    assert.ok(error.message.includes(requests[0]));
  });

  it('when the portal answers an HTML page with HTTP 200, the run fails with not_json naming the URL', async () => {
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

  it('when results is not a list, the run fails with bad_response naming the URL', async () => {
    const { error, requests } = await failingOnce('wrong_shape');
    assert.equal(error.code, 'bad_response');
    assert.match(error.message, /"results" is not a list/);
    assert.ok(error.message.includes(requests[0]));
  });

  it('when the portal answers 429 with Retry-After: 1, asks again and completes the listing', async () => {
    const { url, requests } = await start({ faults: (_req, n) => (n === 1 ? 'status:429:retry-after=1' : undefined) });
    const pages = await listAll(url, { since });
    assert.equal(requests.length, 2);
    assert.equal(pages[0].records.length, 6);
  });

  it('when Retry-After asks for a longer wait than the client honours, the run fails with rate_limited without asking again', async () => {
    const { error, requests } = await failingOnce('status:429:retry-after=30', { http: { maxRetryAfterMs: 1000 } });
    assert.equal(error.code, 'rate_limited');
    assert.equal(error.status, 429);
    assert.equal(requests.length, 1);
  });

  it('when the portal answers 500 twice and then 200, the page is retried and the listing completes', async () => {
    const { url, requests } = await start({ faults: (_req, n) => (n <= 2 ? 'status:500' : undefined) });
    const pages = await listAll(url, { since });
    assert.equal(requests.length, 3);
    assert.equal(pages[0].records.length, 6);
  });

  it('when big pages keep failing with 500, asks again with half the limit and goes on with the smaller pages', async () => {
    const { url, requests } = await start({ datasets: odsDatasets(30), faults: (req) => (Number(req.params.limit) > 10 ? 'status:500' : undefined) });
    const pages = await listAll(url, { since, portal: { pageSize: 20 } });
    assert.deepEqual(pages.map((page) => page.records.length), [10, 10, 10]);
    assert.deepEqual(pageParams(requests).map((p) => `${p.get('offset')}:${p.get('limit')}`), ['0:20', '0:20', '0:20', '0:10', '10:10', '20:10']);
  });

  it('when every page size keeps failing with 500, halves the limit three times and then fails with the HTTP error', async () => {
    const { url, requests } = await start({ faults: () => 'status:500' });
    const error = await rejection(listAll(url, { since, portal: { pageSize: 100 } }));
    assert.ok(error instanceof HarvestError);
    assert.equal(error.status, 500);
    assert.deepEqual([...new Set(pageParams(requests).map((p) => p.get('limit')))], ['100', '50', '25', '12']);
    assert.ok(error.message.includes('limit=12'));
  });

  it('when the portal does not answer within the timeout, the run fails with timeout', async () => {
    const { error } = await failingOnce('timeout', { http: { timeoutMs: 200, retries: 0 } });
    assert.equal(error.code, 'timeout');
  });

  it('when the run is aborted while a page is awaited, stops at once with the abort reason', async () => {
    const { url } = await start({ faults: () => 'timeout' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('apagado')), 100);
    const error = await rejection(listAll(url, { since, signal: controller.signal, http: { timeoutMs: 5000 } }));
    assert.equal(error.message, 'apagado');
  });

  it('when the next page repeats the previous one, the run fails with paging_loop', async () => {
    const { url } = await start({ faults: (req, n) => (req.endpoint === 'datasets' && n === 2 ? 'repeat_previous_page' : undefined) });
    const error = await rejection(listAll(url, { since, portal: { pageSize: 2 } }));
    assert.equal(error.code, 'paging_loop');
    assert.match(error.message, /offset=2/);
  });

  it('when a dataset shows up again on a later page, it is yielded once', async () => {
    // An insertion before the current offset shifts the listing: each page repeats the last id of the one before.
    const catalog = odsDatasets(9);
    const { url } = await start({ datasets: (offset, limit) => catalog.slice(Math.max(0, offset - 1), offset - 1 + limit), total: 9 });
    const ids = idsOf(await listAll(url, { since, portal: { pageSize: 4 } }));
    assert.deepEqual(ids, catalog.slice(0, 8).map((d) => d.dataset_id));
    assert.equal(new Set(ids).size, ids.length);
  });

  it('when a page is larger than the size cap, the run fails with too_large', async () => {
    const { url } = await start({ datasets: odsDatasets(100) });
    const error = await rejection(listAll(url, { since, http: { maxResponseBytes: 4096 } }));
    assert.equal(error.code, 'too_large');
  });
});

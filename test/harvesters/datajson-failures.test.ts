/** The failure cases of HARVESTING.md, each served by the fake data.json server and met by the harvester. */
import assert from 'node:assert/strict';
import { datajson } from '../../harvesters/datajson.js';
import { startDataJsonServer, type DataJsonFault, type DataJsonServer, type DataJsonServerOptions } from '../../src/demo/datajson-server.js';
import { isHarvestError } from '../../src/errors.js';
import { catalogOf, datasets, listAll, listedIds, rejection, type ListOptions } from './datajson-support.js';

describe('data.json harvester: failure cases', () => {
  let server: DataJsonServer | undefined;
  const start = async (options: Partial<DataJsonServerOptions> = {}) => (server = await startDataJsonServer({ catalog: catalogOf(datasets(4)), ...options }));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  /** Serves `fault` on the first request (and only there), then lists. */
  async function failingOnce(fault: DataJsonFault, options: ListOptions = {}) {
    const { url, requests } = await start({ faults: (_req, n) => (n === 1 ? fault : undefined) });
    return { error: await rejection(listAll(datajson, `${url}/data.json`, options)), requests };
  }

  it('when the portal answers an HTML page with HTTP 200, the run fails with not_json naming the URL', async () => {
    const { error, requests } = await failingOnce('html');
    assert.ok(isHarvestError(error));
    assert.equal(error.code, 'not_json');
    assert.equal(error.url, requests[0]);
    assert.ok(error.message.includes(requests[0]));
  });

  it('when the portal answers an empty body, the run fails with empty_body', async () => {
    assert.equal((await failingOnce('empty')).error.code, 'empty_body');
  });

  it('when the portal answers truncated JSON, the run fails with not_json', async () => {
    assert.equal((await failingOnce('bad_json')).error.code, 'not_json');
  });

  it('when the JSON has no dataset list, the run fails with bad_response saying so', async () => {
    const { error, requests } = await failingOnce('not_catalog');
    assert.equal(error.code, 'bad_response');
    assert.match(error.message, /is not a DCAT-US catalog: it has no "dataset" list/);
    assert.ok(error.message.includes(requests[0]));
  });

  it('when the portal answers 429 with a short Retry-After, asks again and lists the catalog', async () => {
    const { url, requests } = await start({ faults: (_req, n) => (n === 1 ? 'status:429:retry-after=1' : undefined) });
    const pages = await listAll(datajson, `${url}/data.json`);
    assert.equal(requests[0], requests[1], 'the same document asked for again');
    assert.equal(listedIds(datajson, pages).length, 4);
  });

  it('when the portal answers 429 with a Retry-After longer than allowed, the run fails with rate_limited without waiting', async () => {
    const { error, requests } = await failingOnce('status:429:retry-after=600');
    assert.equal(error.code, 'rate_limited');
    assert.equal(requests.length, 1);
  });

  it('when the portal answers 500 twice and then 200, the document is asked for again and the listing completes', async () => {
    const { url, requests } = await start({ faults: (_req, n) => (n <= 2 ? 'status:500' : undefined) });
    const pages = await listAll(datajson, `${url}/data.json`, { portal: { options: { paged: false } } });
    assert.equal(requests.length, 3);
    assert.equal(listedIds(datajson, pages).length, 4);
  });

  it('when the portal keeps answering 500, the run fails with the HTTP error after the retries', async () => {
    const { url, requests } = await start({ faults: () => 'status:503' });
    const error = await rejection(listAll(datajson, `${url}/data.json`, { http: { retries: 2 } }));
    assert.equal(error.code, 'http_status');
    assert.equal(error.status, 503);
    assert.equal(requests.length, 3);
  });

  it('when a later page of a paged catalog keeps failing with 500, the run fails instead of ending the listing early', async () => {
    const { url } = await start({ catalog: catalogOf(datasets(6)), pageSize: 2, faults: (req) => (req.page === '3' ? 'status:500' : undefined) });
    const seen: number[] = [];
    const error = await rejection(listAll(datajson, `${url}/data.json`, { onPage: (page) => seen.push(page.records.length) }));
    assert.equal(error.status, 500);
    assert.match(error.message, /page=3/);
    assert.deepEqual(seen, [2, 2], 'the pages before were listed; the driver withdraws nothing after a failed listing');
  });

  it('when a later page answers HTML, the run fails with not_json', async () => {
    const { url } = await start({ catalog: catalogOf(datasets(6)), pageSize: 2, faults: (req) => (req.page === '2' ? 'html' : undefined) });
    assert.equal((await rejection(listAll(datajson, `${url}/data.json`))).code, 'not_json');
  });

  it('when the portal does not answer within the timeout, the run fails with timeout', async () => {
    const { error } = await failingOnce('timeout', { http: { timeoutMs: 200, retries: 0 } });
    assert.equal(error.code, 'timeout');
  });

  it('when the catalog is larger than the size cap, the run fails with too_large and says which setting to raise', async () => {
    const { error, requests } = await failingOnce('oversized', { http: { maxResponseBytes: 256 * 1024 } });
    assert.equal(error.code, 'too_large');
    assert.ok(error.message.includes(requests[0]));
    assert.match(error.message, /262144-byte cap/);
    assert.match(error.message, /A data\.json catalog comes as one document: raise maxResponseBytes for portal ec-prueba in config\/portals\.yaml/);
  });

  it('when the paged option is not a boolean, the run fails with bad_config naming the option', async () => {
    const { url, requests } = await start();
    const error = await rejection(listAll(datajson, `${url}/data.json`, { portal: { options: { paged: 'sí' } } }));
    assert.equal(error.code, 'bad_config');
    assert.match(error.message, /option 'paged'/);
    assert.equal(requests.length, 0);
  });
});

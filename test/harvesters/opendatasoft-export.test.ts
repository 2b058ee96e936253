/** Full runs read the whole catalog from `/catalog/exports/json`; when it fails or is refused they page the catalog instead. */
import assert from 'node:assert/strict';
import { startOpendatasoftServer, type OdsFault, type OdsServer, type OdsServerOptions } from '../../src/demo/opendatasoft-server.js';
import { exportParams, idsOf, listAll, odsDatasets, pageParams, rejection, type ListOptions } from './opendatasoft-support.js';

describe('OpenDataSoft harvester: catalog export', () => {
  let server: OdsServer | undefined;
  const start = async (options: Partial<OdsServerOptions> = {}) => (server = await startOpendatasoftServer({ datasets: odsDatasets(12), ...options }));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('when a full run starts, reads the export once, ordered by dataset_id, and hands it on in pages of pageSize named by the export URL', async () => {
    const { url, requests } = await start();
    const pages = await listAll(url, { portal: { pageSize: 5 } });
    assert.equal(requests.length, 1);
    const [params] = exportParams(requests);
    assert.equal(params.get('order_by'), 'dataset_id');
    assert.equal(params.has('where'), false);
    assert.deepEqual(pages.map((page) => page.records.length), [5, 5, 2]);
    assert.ok(pages.every((page) => page.url === requests[0]));
    assert.deepEqual(idsOf(pages), odsDatasets(12).map((d) => d.dataset_id));
  });

  it('when an incremental run starts, asks for no export', async () => {
    const { url, requests } = await start();
    await listAll(url, { since: new Date('2023-12-01T00:00:00Z') });
    assert.equal(exportParams(requests).length, 0);
    assert.equal(pageParams(requests).length, 1);
  });

  const fallbacks: [string, OdsFault, ListOptions['http']?][] = [
    ['is refused with 403 and ODS\'s error body', 'status:403'],
    ['keeps failing with 500', 'status:500'],
    ['answers an HTML page with 200', 'html'],
    ['answers ODS\'s error body with 200', 'error_200'],
    ['answers an empty body', 'empty'],
    ['answers truncated JSON', 'bad_json'],
    ['answers an object instead of a list', 'wrong_shape'],
    ['does not answer within the timeout', 'timeout', { timeoutMs: 200, retries: 0 }],
  ];
  for (const [what, fault, http] of fallbacks) {
    it(`when the export ${what}, pages the catalog instead and lists every dataset`, async () => {
      const { url, requests } = await start({ faults: (req) => (req.endpoint === 'export' ? fault : undefined) });
      const pages = await listAll(url, { portal: { pageSize: 5 }, http });
      assert.ok(exportParams(requests).length >= 1);
      assert.deepEqual(pageParams(requests).map((p) => p.get('offset')), ['0', '5', '10']);
      assert.deepEqual(idsOf(pages), odsDatasets(12).map((d) => d.dataset_id));
    });
  }

  it('when the export is larger than the size cap, pages the catalog in pages that fit', async () => {
    const { url, requests } = await start({ datasets: odsDatasets(60) });
    const pages = await listAll(url, { portal: { pageSize: 10 }, http: { maxResponseBytes: 8192 } });
    assert.equal(exportParams(requests).length, 1);
    assert.equal(pageParams(requests).length, 6);
    assert.equal(idsOf(pages).length, 60);
  });

  it('when the export drops mid-body, keeps the datasets it already handed on and pages the rest, listing each dataset once', async () => {
    const { url, requests } = await start({ faults: (req) => (req.endpoint === 'export' ? 'cut:7' : undefined) });
    const pages = await listAll(url, { portal: { pageSize: 5 }, http: { retries: 0 } });
    // The first 5 of the 7 that arrived made a full page before the connection dropped; paging skips them.
    assert.equal(pages[0].url, requests[0]);
    assert.deepEqual(pages.map((page) => page.records.length), [5, 5, 2]);
    assert.deepEqual(pageParams(requests).map((p) => p.get('offset')), ['0', '5', '10']);
    assert.deepEqual(idsOf(pages), odsDatasets(12).map((d) => d.dataset_id));
  });

  it('when the run is aborted while the export is being read, stops with the abort reason and does not page', async () => {
    const { url, requests } = await start({ faults: (req) => (req.endpoint === 'export' ? 'timeout' : undefined) });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('apagado')), 100);
    const error = await rejection(listAll(url, { signal: controller.signal, http: { timeoutMs: 5000 } }));
    assert.equal(error.message, 'apagado');
    assert.equal(pageParams(requests).length, 0);
  });

  it('when the export and the paging both fail, the run fails with the paging error', async () => {
    const { url } = await start({ faults: () => 'html' });
    const error = await rejection(listAll(url));
    assert.equal(error.code, 'not_json');
    assert.match(error.message, /\/catalog\/datasets\?limit=100&offset=0&order_by=dataset_id/);
  });
});

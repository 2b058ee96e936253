/** How the OpenDataSoft harvester pages `/catalog/datasets`: limit ≤ 100, offset + limit < 10 000, order, incremental filter, URL forms, abort. */
import assert from 'node:assert/strict';
import { startOpendatasoftServer, type OdsServer, type OdsServerOptions } from '../../src/demo/opendatasoft-server.js';
import { odsSite } from '../../harvesters/opendatasoft-api.js';
import { modifiedSince } from '../../harvesters/opendatasoft.js';
import { exportParams, idsOf, listAll, odsDataset, odsDatasets, pageParams, rejection, syntheticPage } from './opendatasoft-support.js';

/** Refuses the catalog export, so that a full listing pages the catalog. */
const noExport: OdsServerOptions['faults'] = (req) => (req.endpoint === 'export' ? 'status:403' : undefined);

describe('OpenDataSoft harvester: paging', () => {
  let server: OdsServer | undefined;
  const start = async (options: OdsServerOptions) => (server = await startOpendatasoftServer(options));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('the fake refuses what ODS refuses: limit over 100 and offset + limit from 10 000, with ODS\'s error body', async () => {
    const { url } = await start({ datasets: odsDatasets(3) });
    const ask = async (query: string) => {
      const response = await fetch(`${url}/api/explore/v2.1/catalog/datasets?${query}`);
      return { status: response.status, body: (await response.json()) as { error_code?: string; message?: string } };
    };
    const tooMany = await ask('limit=101');
    assert.equal(tooMany.status, 400);
    assert.equal(tooMany.body.error_code, 'InvalidRESTParameterError');
    assert.match(tooMany.body.message ?? '', /limit API parameter: 101 was found but -1 <= limit <= 100/);
    assert.equal((await ask('limit=100&offset=9900')).status, 400);
    assert.equal((await ask('limit=99&offset=9900')).status, 200);
  });

  it('when pageSize is 500, asks for limit=100, the most ODS accepts, and advances offset by the results returned', async () => {
    const { url, requests } = await start({ datasets: odsDatasets(250), faults: noExport });
    const pages = await listAll(url, { portal: { pageSize: 500 } });
    const params = pageParams(requests);
    assert.deepEqual(params.map((p) => `${p.get('offset')}:${p.get('limit')}`), ['0:100', '100:100', '200:100']);
    assert.deepEqual(pages.map((page) => page.records.length), [100, 100, 50]);
    assert.deepEqual(idsOf(pages), odsDatasets(250).map((d) => d.dataset_id));
  });

  it('asks for order_by=dataset_id on every page and names each page by its URL', async () => {
    const { url, requests } = await start({ datasets: odsDatasets(5), faults: noExport });
    const pages = await listAll(url, { portal: { pageSize: 2 } });
    assert.ok(pageParams(requests).every((p) => p.get('order_by') === 'dataset_id'));
    assert.deepEqual(pages.map((page) => page.url), requests.filter((u) => u.includes('/catalog/datasets')));
  });

  it('when since is set, pages with where=modified > date\'since − 1 h\' and never asks for the export', async () => {
    const catalog = [...odsDatasets(3, '2024-02-01T10:00:00+00:00'), odsDataset(3, '2024-03-01T11:30:00.123000+00:00'), odsDataset(4, '2024-03-02T08:00:00+00:00')];
    const { url, requests } = await start({ datasets: catalog });
    const pages = await listAll(url, { since: new Date('2024-03-01T12:00:00.000Z') });
    assert.equal(pageParams(requests)[0].get('where'), "modified > date'2024-03-01T11:00:00Z'");
    assert.equal(exportParams(requests).length, 0);
    assert.deepEqual(idsOf(pages), ['conjunto-00003', 'conjunto-00004']);
    assert.equal(modifiedSince(new Date('2024-06-01T00:30:00.500Z')), "modified > date'2024-05-31T23:30:00Z'");
  });

  it('when the catalog is larger than the paging window and its export is refused, pages up to offset + limit = 9 999 and then fails with api_error', async () => {
    const { url, requests } = await start({ datasets: syntheticPage, total: 10_050, faults: noExport });
    let listed = 0;
    const error = await rejection(listAll(url, { portal: { pageSize: 100 }, onPage: (page) => (listed += page.records.length) }));
    const params = pageParams(requests);
    assert.ok(params.every((p) => Number(p.get('limit')) <= 100 && Number(p.get('offset')) + Number(p.get('limit')) < 10_000), 'every page within the limits');
    assert.equal(`${params.at(-1)?.get('offset')}:${params.at(-1)?.get('limit')}`, '9900:99');
    assert.equal(listed, 9999, 'the reachable datasets are yielded before the failure');
    assert.equal(error.code, 'api_error');
    assert.match(error.message, /first 9999 of the 10050 datasets .*offset \+ limit < 10000.*catalog export failed/);
  });

  it('when an incremental listing matches more datasets than the window, reads them from the export with the same where', async () => {
    const { url, requests } = await start({ datasets: syntheticPage, total: 10_050 });
    const pages = await listAll(url, { portal: { pageSize: 100 }, since: new Date('2024-03-01T12:00:00Z') });
    assert.equal(pageParams(requests).length, 1, 'one page tells the size');
    const [exported] = exportParams(requests);
    assert.equal(exported.get('where'), "modified > date'2024-03-01T11:00:00Z'");
    assert.equal(exported.get('order_by'), 'dataset_id');
    assert.equal(pages.reduce((n, page) => n + page.records.length, 0), 10_050);
    assert.ok(pages.every((page) => page.records.length <= 100), 'handed on in pages of pageSize');
  });

  it('when that export fails too, the incremental run fails saying how many datasets changed and why', async () => {
    const { url } = await start({ datasets: syntheticPage, total: 10_050, faults: (req) => (req.endpoint === 'export' ? 'status:500' : undefined) });
    const error = await rejection(listAll(url, { since: new Date('2024-03-01T12:00:00Z') }));
    assert.equal(error.code, 'api_error');
    assert.equal(error.status, 500);
    assert.match(error.message, /10050 datasets changed, more than the 9999 the Explore API pages, and the catalog export failed: .*InternalServerError/);
  });

  it('when the catalog is empty, yields no page', async () => {
    const { url, requests } = await start({ datasets: [] });
    assert.deepEqual(await listAll(url), []);
    assert.deepEqual(await listAll(url, { since: new Date('2024-01-01') }), []);
    assert.equal(pageParams(requests).length, 1);
  });

  it('when a page comes back empty before total_count is reached, stops there', async () => {
    const { url, requests } = await start({ datasets: (offset) => (offset === 0 ? odsDatasets(3) : []), total: 50, faults: noExport });
    const pages = await listAll(url, { portal: { pageSize: 3 } });
    assert.equal(pages.length, 1);
    assert.equal(pageParams(requests).length, 2);
  });

  it('when the run is aborted between pages, stops with the abort reason and asks for nothing more', async () => {
    const { url, requests } = await start({ datasets: odsDatasets(10), faults: noExport });
    const controller = new AbortController();
    const listing = listAll(url, { portal: { pageSize: 2 }, signal: controller.signal, onPage: () => controller.abort(new Error('apagado')) });
    const error = await rejection(listing);
    assert.equal(error.message, 'apagado');
    assert.equal(pageParams(requests).length, 1);
  });
});

describe('OpenDataSoft harvester: portal URL forms', () => {
  const forms: [string, string][] = [
    ['a site root', ''],
    ['a site root with a trailing slash', '/'],
    ['an /api/explore/v2.1 base', '/api/explore/v2.1'],
    ['a full catalog URL with a query', '/api/explore/v2.1/catalog/datasets?limit=5&where=x'],
    ['the catalog web page', '/explore/?sort=modified'],
    ['a portal page', '/pages/inicio/'],
  ];
  for (const [what, suffix] of forms) {
    it(`when the portal URL is ${what}, finds the export at /api/explore/v2.1/catalog/exports/json`, async () => {
      const server = await startOpendatasoftServer({ datasets: odsDatasets(3) });
      try {
        const pages = await listAll(server.url + suffix);
        assert.equal(pages[0].records.length, 3);
        assert.match(server.requests[0], /^http:\/\/127\.0\.0\.1:\d+\/api\/explore\/v2\.1\/catalog\/exports\/json\?order_by=dataset_id$/);
      } finally {
        await server.close();
      }
    });
  }

  it('reads the site root, the catalog and the export of a portal URL', () => {
    assert.deepEqual(odsSite('https://datos.example.opendatasoft.com/api/explore/v2.1/catalog/datasets'), {
      root: 'https://datos.example.opendatasoft.com',
      datasets: 'https://datos.example.opendatasoft.com/api/explore/v2.1/catalog/datasets',
      exportJson: 'https://datos.example.opendatasoft.com/api/explore/v2.1/catalog/exports/json',
    });
    assert.equal(odsSite('https://datos.example.opendatasoft.com/explore/dataset/presupuesto/').root, 'https://datos.example.opendatasoft.com');
    assert.throws(() => odsSite('no es una URL'), /not a valid URL/);
  });
});

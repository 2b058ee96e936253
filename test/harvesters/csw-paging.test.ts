/** How the CSW harvester pages GetRecords: the request, the sort, and every stop rule of HARVESTING.md. */
import assert from 'node:assert/strict';
import { startCswServer, type CswServer, type CswServerOptions } from '../../src/demo/csw-server.js';
import { cswSite } from '../../harvesters/csw-site.js';
import { fixtureRecords, getRecordsParams, isoRecord, isoRecords, listAll, listedIds, rejection } from './csw-support.js';

const ids = (count: number) => Array.from({ length: count }, (_, i) => `capa-${String(i).padStart(3, '0')}`);

describe('CSW harvester: paging', () => {
  let server: CswServer | undefined;
  const start = async (options: CswServerOptions) => (server = await startCswServer(options));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('asks for ISO 19139 full records sorted by identifier, in KVP, and names each page by its URL', async () => {
    const { url, requests } = await start({ records: isoRecords(2) });
    const pages = await listAll(url, { portal: { pageSize: 50 } });
    const params = getRecordsParams(requests)[0];
    assert.equal(params.get('service'), 'CSW');
    assert.equal(params.get('version'), '2.0.2');
    assert.equal(params.get('typeNames'), 'gmd:MD_Metadata');
    assert.equal(params.get('outputSchema'), 'http://www.isotc211.org/2005/gmd');
    assert.equal(params.get('elementSetName'), 'full');
    assert.equal(params.get('resultType'), 'results');
    assert.equal(params.get('startPosition'), '1');
    assert.equal(params.get('maxRecords'), '50');
    assert.equal(params.get('sortBy'), 'Identifier:A');
    assert.deepEqual(pages.map((page) => page.url), requests);
  });

  it('when the server caps maxRecords at 4 while 100 are asked for, follows nextRecord and lists every record once, sorted', async () => {
    const { url, requests } = await start({ records: isoRecords(10).reverse(), maxRecords: 4 });
    const pages = await listAll(url);
    assert.deepEqual(getRecordsParams(requests).map((p) => p.get('startPosition')), ['1', '5', '9']);
    assert.ok(getRecordsParams(requests).every((p) => p.get('maxRecords') === '100'));
    assert.deepEqual(pages.map((page) => page.records.length), [4, 4, 2]);
    assert.deepEqual(listedIds(pages), ids(10));
  });

  it('when nextRecord is 0, stops without asking for another page', async () => {
    const { url, requests } = await start({ records: isoRecords(6), maxRecords: 3 });
    const pages = await listAll(url);
    assert.equal(requests.length, 2);
    assert.deepEqual(listedIds(pages), ids(6));
  });

  it('when nextRecord is greater than numberOfRecordsMatched, stops there', async () => {
    const { url, requests } = await start({ records: isoRecords(6), maxRecords: 3, nextRecord: ({ start, returned }) => start + returned });
    const pages = await listAll(url);
    assert.equal(requests.length, 2, 'nextRecord 7 of 6 matched ends the listing');
    assert.deepEqual(listedIds(pages), ids(6));
  });

  it('when nextRecord goes backwards, stops instead of listing the catalog again', async () => {
    const { url, requests } = await start({ records: isoRecords(9), maxRecords: 3, nextRecord: ({ start, next }) => (start === 4 ? 1 : next) });
    const pages = await listAll(url);
    assert.equal(requests.length, 2);
    assert.deepEqual(listedIds(pages), ids(6));
  });

  it('when nextRecord does not move forward, stops', async () => {
    const { url, requests } = await start({ records: isoRecords(9), maxRecords: 3, nextRecord: ({ start }) => start });
    await listAll(url);
    assert.equal(requests.length, 1);
  });

  it('when the server over-declares numberOfRecordsMatched, stops at the first page without records', async () => {
    const { url, requests } = await start({ records: isoRecords(6), maxRecords: 3, phantoms: 5 });
    const pages = await listAll(url);
    assert.deepEqual(getRecordsParams(requests).map((p) => p.get('startPosition')), ['1', '4', '7']);
    assert.deepEqual(listedIds(pages), ids(6));
  });

  it('when a page holds no records although nextRecord says there are more, stops there', async () => {
    const { url, requests } = await start({ records: isoRecords(9), maxRecords: 3, faults: (_params, n) => (n === 2 ? 'no_records' : undefined) });
    const pages = await listAll(url);
    assert.equal(requests.length, 2);
    assert.deepEqual(listedIds(pages), ids(3));
  });

  it('when nextRecord is missing or not a number, advances by the records returned', async () => {
    const { url, requests } = await start({ records: isoRecords(5), maxRecords: 2, nextRecord: () => Number.NaN });
    const pages = await listAll(url);
    assert.deepEqual(getRecordsParams(requests).map((p) => p.get('startPosition')), ['1', '3', '5']);
    assert.deepEqual(listedIds(pages), ids(5));
  });

  it('when the catalog is empty, yields no page after one request', async () => {
    const { url, requests } = await start({ records: [] });
    assert.deepEqual(await listAll(url), []);
    assert.equal(requests.length, 1);
  });

  it('when the server refuses sortBy with an ExceptionReport, lists in its own order without sortBy', async () => {
    const { url, requests } = await start({ records: isoRecords(5).reverse(), maxRecords: 2, sortable: false });
    const pages = await listAll(url);
    const params = getRecordsParams(requests);
    assert.deepEqual(params.map((p) => p.get('sortBy')), ['Identifier:A', null, null, null]);
    assert.deepEqual(listedIds(pages), ids(5).reverse());
  });

  it('when the envelope is unprefixed and records use other prefixes, reads them all the same', async () => {
    const { url } = await start({ records: fixtureRecords().map((f) => f.xml), envelope: 'default' });
    const listed = listedIds(await listAll(url));
    assert.ok(listed.includes('5b7d2e90-11c3-4e8a-a0f7-6d2c9b4e3a85'), 'record in the default gmd namespace');
    assert.ok(listed.includes('6e01f3a7-2b8c-4d95-b3e2-7f4a1c0d8b62'), 'record with ns0:/ns1: prefixes');
    assert.ok(listed.includes('c4d5e6f7-8091-4a2b-9c3d-4e5f60718293'), 'gmi:MI_Metadata record');
  });

  it('leaves service records out of the listing', async () => {
    const service = fixtureRecords().find((f) => f.name === 'servicio-wms')!.xml;
    const { url } = await start({ records: [isoRecord('capa-000'), service] });
    assert.deepEqual(listedIds(await listAll(url)), ['capa-000']);
  });

  it('when a record shows up again on a later page, it is yielded once', async () => {
    const records = [...isoRecords(4), isoRecord('capa-003', 'Copia de la capa 3')];
    const { url } = await start({ records, maxRecords: 4 });
    const listed = listedIds(await listAll(url));
    assert.deepEqual(listed, ids(4));
  });

  it('when the next page repeats the previous one, the run fails with paging_loop', async () => {
    const { url } = await start({ records: isoRecords(9), maxRecords: 3, faults: (_params, n) => (n === 2 ? 'repeat_previous_page' : undefined) });
    const error = await rejection(listAll(url));
    assert.equal(error.code, 'paging_loop');
    assert.match(error.message, /startPosition=4/);
  });

  it('when the run is aborted between pages, stops with the abort reason and asks for nothing more', async () => {
    const { url, requests } = await start({ records: isoRecords(10), maxRecords: 2 });
    const controller = new AbortController();
    const error = await rejection(listAll(url, { signal: controller.signal, onPage: () => controller.abort(new Error('apagado')) }));
    assert.equal(error.message, 'apagado');
    assert.equal(requests.length, 1);
  });
});

describe('CSW harvester: portal URL forms', () => {
  const forms: [string, string][] = [
    ['the CSW endpoint', '/geonetwork/srv/spa/csw'],
    ['the CSW endpoint with a GetCapabilities query', '/geonetwork/srv/spa/csw?service=CSW&request=GetCapabilities'],
    ['the GeoNetwork root', '/geonetwork'],
    ['the GeoNetwork root with a trailing slash', '/geonetwork/'],
    ['the GeoNetwork catalog page', '/geonetwork/srv/spa/catalog.search'],
  ];
  for (const [what, path] of forms) {
    it(`when the portal URL is ${what}, sends GetRecords to /geonetwork/srv/spa/csw`, async () => {
      const server = await startCswServer({ records: isoRecords(3) });
      try {
        const origin = new URL(server.url).origin;
        const pages = await listAll(origin + path);
        assert.equal(pages[0].records.length, 3);
        assert.equal(new URL(server.requests[0]).pathname, '/geonetwork/srv/spa/csw');
        assert.equal(new URL(server.requests[0]).searchParams.get('request'), 'GetRecords');
      } finally {
        await server.close();
      }
    });
  }

  it('when the server is not a GeoNetwork (pycsw), uses the configured path as it is', async () => {
    const server = await startCswServer({ records: isoRecords(2), path: '/pycsw/csw.py' });
    try {
      assert.equal((await listAll(server.url)).length, 1);
      assert.equal(new URL(server.requests[0]).pathname, '/pycsw/csw.py');
    } finally {
      await server.close();
    }
  });

  it('reads the endpoint and the GeoNetwork root of the usual URL forms', () => {
    assert.deepEqual(cswSite('https://ideg.segeplan.gob.gt/geonetwork/srv/eng/csw'), {
      endpoint: 'https://ideg.segeplan.gob.gt/geonetwork/srv/eng/csw',
      geonetwork: 'https://ideg.segeplan.gob.gt/geonetwork',
    });
    assert.deepEqual(cswSite('https://geoportal.example.gob.ec/srv/spa/catalog.search#/home'), {
      endpoint: 'https://geoportal.example.gob.ec/srv/spa/csw',
      geonetwork: 'https://geoportal.example.gob.ec',
    });
    assert.deepEqual(cswSite('https://geonode.example.org/catalogue/csw?request=GetCapabilities'), { endpoint: 'https://geonode.example.org/catalogue/csw', geonetwork: undefined });
  });
});

/** How the data.json harvester reads a catalog: one document or `?page=N`, and when the listing ends. */
import assert from 'node:assert/strict';
import { datajson, dataJsonUrl } from '../../harvesters/datajson.js';
import { startDataJsonServer, type DataJsonServer, type DataJsonServerOptions } from '../../src/demo/datajson-server.js';
import { testPortal } from '../support/portal-config.js';
import { catalogOf, datasets, listAll, listedIds, rejection } from './datajson-support.js';

const pageParams = (requests: string[]) => requests.map((url) => new URL(url).searchParams.get('page'));
const ids = (list: Record<string, unknown>[]) => list.map((d) => d.identifier);

describe('data.json harvester: paging', () => {
  let server: DataJsonServer | undefined;
  const start = async (options: DataJsonServerOptions) => (server = await startDataJsonServer(options));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('when the catalog is paged from 1 (ckanext-dcat), asks for ?page=2, 3… until a page comes back empty', async () => {
    const list = datasets(7);
    const { url, requests } = await start({ catalog: catalogOf(list), pageSize: 3 });
    const pages = await listAll(datajson, `${url}/data.json`);
    assert.deepEqual(pageParams(requests), [null, '2', '3', '4']);
    assert.deepEqual(pages.map((page) => page.records.length), [3, 3, 1]);
    assert.deepEqual(listedIds(datajson, pages), ids(list));
    assert.deepEqual(pages.map((page) => page.url), requests.slice(0, 3), 'each page is named by the URL it came from');
  });

  it('when the server ignores page, the same document comes back once and ends the listing', async () => {
    const { url, requests } = await start({ catalog: catalogOf(datasets(5)) });
    const pages = await listAll(datajson, `${url}/data.json`);
    assert.equal(requests.length, 2);
    assert.equal(listedIds(datajson, pages).length, 5);
  });

  it('when a page past the last answers 404, the listing ends complete', async () => {
    const list = datasets(5);
    const { url, requests } = await start({ catalog: catalogOf(list), pageSize: 2, pastLast: 'not_found' });
    const pages = await listAll(datajson, `${url}/data.json`);
    assert.deepEqual(pageParams(requests), [null, '2', '3', '4']);
    assert.deepEqual(listedIds(datajson, pages), ids(list));
  });

  it('when a server that does not page refuses the page parameter with 400, keeps the first document and stops', async () => {
    const { url, requests } = await start({ catalog: catalogOf(datasets(4)), faults: (req) => (req.page ? 'status:400' : undefined) });
    const pages = await listAll(datajson, `${url}/data.json`);
    assert.equal(requests.length, 2);
    assert.equal(listedIds(datajson, pages).length, 4);
  });

  it('when a page repeats the last datasets of the page before (the catalog shifted), lists each dataset once and goes on', async () => {
    const list = datasets(6);
    const shifted = [list[0], list[1], list[2], list[2], list[3], list[4], list[4], list[5]];
    const { url } = await start({ catalog: catalogOf(shifted), pageSize: 3 });
    const pages = await listAll(datajson, `${url}/data.json`);
    assert.deepEqual(listedIds(datajson, pages), ids(list));
  });

  it('when a page lists only datasets already seen, the listing ends there', async () => {
    const list = datasets(6);
    const looping = [...list, list[0], list[1], list[2], ...datasets(2, 'nunca')];
    const { url, requests } = await start({ catalog: catalogOf(looping), pageSize: 3 });
    const pages = await listAll(datajson, `${url}/data.json`);
    assert.deepEqual(pageParams(requests), [null, '2', '3']);
    assert.deepEqual(listedIds(datajson, pages), ids(list));
  });

  it('when the portal says its catalog is paged from 0, asks for ?page=1 after the first document', async () => {
    const list = datasets(4);
    const { url, requests } = await start({ catalog: catalogOf(list), pageSize: 2, firstPage: 0 });
    const pages = await listAll(datajson, `${url}/data.json`, { portal: { options: { firstPage: 0 } } });
    assert.deepEqual(pageParams(requests), [null, '1', '2']);
    assert.deepEqual(listedIds(datajson, pages), ids(list));
  });

  it('when the configured URL names a page, goes on from the page after it', async () => {
    const { url, requests } = await start({ catalog: catalogOf(datasets(4)), pageSize: 2 });
    const pages = await listAll(datajson, `${url}/data.json?page=1`);
    assert.deepEqual(pageParams(requests), ['1', '2', '3']);
    assert.equal(listedIds(datajson, pages).length, 4);
  });

  it('when the portal says its catalog is not paged, asks once', async () => {
    const { url, requests } = await start({ catalog: catalogOf(datasets(3)), pageSize: 2 });
    const pages = await listAll(datajson, `${url}/data.json`, { portal: { options: { paged: false } } });
    assert.equal(requests.length, 1);
    assert.equal(listedIds(datajson, pages).length, 2);
  });

  it('when the first document holds more datasets than a page ever does, takes it as the whole catalog and asks once', async () => {
    const { url, requests } = await start({ catalog: catalogOf(datasets(1001)) });
    const pages = await listAll(datajson, `${url}/data.json`, { portal: { pageSize: 500 } });
    assert.equal(requests.length, 1);
    assert.deepEqual(pages.map((page) => page.records.length), [500, 500, 1]);
  });

  it('when the portal says its catalog is paged, follows pages of any size', async () => {
    const { url, requests } = await start({ catalog: catalogOf(datasets(1500)), pageSize: 1001 });
    const pages = await listAll(datajson, `${url}/data.json`, { portal: { pageSize: 1000, options: { paged: true } } });
    assert.deepEqual(pageParams(requests), [null, '2', '3']);
    assert.equal(new Set(listedIds(datajson, pages)).size, 1500);
  });

  it('when the server sends a bare list of datasets, lists them', async () => {
    const list = datasets(3);
    const { url } = await start({ catalog: list });
    assert.deepEqual(listedIds(datajson, await listAll(datajson, `${url}/data.json`)), ids(list));
  });

  it('when the catalog is empty, yields no page after one request', async () => {
    const { url, requests } = await start({ catalog: catalogOf([]) });
    assert.deepEqual(await listAll(datajson, `${url}/data.json`), []);
    assert.equal(requests.length, 1);
  });

  it('when the run is aborted between pages, stops with the abort reason and asks for nothing more', async () => {
    const { url, requests } = await start({ catalog: catalogOf(datasets(6)), pageSize: 2 });
    const controller = new AbortController();
    const listing = listAll(datajson, `${url}/data.json`, { signal: controller.signal, onPage: () => controller.abort(new Error('apagado')) });
    assert.equal((await rejection(listing)).message, 'apagado');
    assert.equal(requests.length, 1);
  });
});

describe('data.json harvester: catalog URL', () => {
  const cases: [string, string, Record<string, unknown>, string][] = [
    ['a data.json URL', 'https://datos.gov.py/data.json', {}, 'https://datos.gov.py/data.json'],
    ['a site root', 'https://www.datos.gov.co', {}, 'https://www.datos.gov.co/data.json'],
    ['a site root under a path', 'https://datos.gob.mx/busca/', {}, 'https://datos.gob.mx/busca/data.json'],
    ['an export URL with a query', 'https://data.example.org/api/catalog?format=dcat-us', {}, 'https://data.example.org/api/catalog?format=dcat-us'],
    ['a CKAN portal with the dataJson option', 'https://datos.gob.ar/api/3/action/package_search', { dataJson: 'https://datos.gob.ar/data.json' }, 'https://datos.gob.ar/data.json'],
  ];
  for (const [what, url, options, expected] of cases) {
    it(`when the portal URL is ${what}, reads ${expected}`, () => {
      assert.equal(dataJsonUrl(testPortal({ platform: 'datajson', url, options })), expected);
    });
  }
});

/**
 * How the Socrata harvester pages the Discovery API: offset pages in `dataset_id` order within the
 * 10,000-result window, then `scroll_id` pages; federated copies; portal URL forms; the app token.
 */
import assert from 'node:assert/strict';
import { startSocrataServer, syntheticCatalog, syntheticId, type SocrataServer, type SocrataServerOptions } from '../../src/demo/socrata-server.js';
import { socrataSite } from '../../harvesters/socrata-api.js';
import { ConfigError } from '../../src/errors.js';
import { testPortal } from '../support/portal-config.js';
import { DOMAIN, catalogParams, listAll, listedIds, records, rejection } from './socrata-support.js';

describe('Socrata harvester: paging', () => {
  let server: SocrataServer | undefined;
  const start = async (options: SocrataServerOptions) => (server = await startSocrataServer(options));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('when the catalog holds more than 10,000 records, pages by offset while offset + limit ≤ 10,000 and then by scroll_id from the last id of the previous page', async () => {
    const total = 10_250;
    const { url, requests } = await start({ records: syntheticCatalog(total, { federatedEvery: 0, lean: true }) });
    const pages = await listAll(url, { portal: { pageSize: 97 } });
    const params = catalogParams(requests);

    const offsetPages = params.filter((p) => p.has('offset'));
    assert.equal(offsetPages.length, 103, 'offsets 0, 97, …, 9894: the next one, 9991, would end past 10,000');
    assert.deepEqual(offsetPages.map((p) => Number(p.get('offset'))), Array.from({ length: 103 }, (_, i) => i * 97));
    assert.ok(offsetPages.every((p) => p.get('order') === 'dataset_id' && p.get('limit') === '97' && !p.has('scroll_id')));
    assert.ok(offsetPages.every((p) => Number(p.get('offset')) + 97 <= 10_000), 'never past the offset window');

    const scrollPages = params.filter((p) => p.has('scroll_id'));
    assert.deepEqual(scrollPages.map((p) => p.get('scroll_id')), [syntheticId(9990), syntheticId(10_087), syntheticId(10_184)], 'the id of the last record of the page before');
    assert.ok(scrollPages.every((p) => !p.has('order') && !p.has('offset') && p.get('limit') === '97'));
    assert.ok(params.every((p) => p.get('domains') === DOMAIN && p.get('only') === 'datasets'));

    const ids = listedIds(pages);
    assert.equal(ids.length, total);
    assert.deepEqual(ids, Array.from({ length: total }, (_, i) => syntheticId(i)), 'every record once, in id order');
  });

  it('when a limit divides 10,000 exactly, the last offset page ends at 10,000 and the scroll starts after it', async () => {
    const { url, requests } = await start({ records: syntheticCatalog(10_030, { federatedEvery: 0, lean: true }) });
    const pages = await listAll(url, { portal: { pageSize: 1000 } });
    const params = catalogParams(requests);
    assert.deepEqual(params.filter((p) => p.has('offset')).map((p) => p.get('offset')), ['0', '1000', '2000', '3000', '4000', '5000', '6000', '7000', '8000', '9000']);
    assert.deepEqual(params.filter((p) => p.has('scroll_id')).map((p) => p.get('scroll_id')), [syntheticId(9999)]);
    assert.equal(listedIds(pages).length, 10_030);
  });

  it('leaves out the federated copies of other domains and names each page by its URL', async () => {
    const { url, requests } = await start({ records: syntheticCatalog(100, { federatedEvery: 10 }) });
    const pages = await listAll(url, { portal: { pageSize: 30 } });
    const ids = listedIds(pages);
    assert.equal(ids.length, 90);
    assert.ok(!ids.includes(syntheticId(9)) && !ids.includes(syntheticId(99)));
    assert.ok(pages.every((page) => page.records.every((r) => (r as { metadata: { domain: string } }).metadata.domain === DOMAIN)));
    assert.deepEqual(pages.map((page) => page.url), requests);
  });

  it('when a whole page is federated copies, yields nothing for it and goes on to the next page', async () => {
    const catalog = [...records(3, 'datos.example.gov.co'), ...records(6).slice(3)];
    const { url, requests } = await start({ records: catalog });
    const pages = await listAll(url, { portal: { pageSize: 3 } });
    assert.equal(catalogParams(requests).length, 2);
    assert.deepEqual(listedIds(pages), ['r003-test', 'r004-test', 'r005-test']);
  });

  it('stops when resultSetSize results have come, without asking for an empty page', async () => {
    const { url, requests } = await start({ records: records(6) });
    await listAll(url, { portal: { pageSize: 3 } });
    assert.equal(catalogParams(requests).length, 2);
  });

  it('when the Discovery API lists nothing for the domain, confirms with data.json: an empty data.json is an empty catalog', async () => {
    const { url, requests } = await start({ records: [], dataJson: { dataset: [] } });
    assert.deepEqual(await listAll(url), []);
    assert.deepEqual(requests.map((u) => new URL(u).pathname), ['/api/catalog/v1', '/data.json']);
  });

  it('when the Discovery API lists nothing for the domain and data.json cannot confirm it, the listing fails (a full run withdraws nothing)', async () => {
    const { url } = await start({ records: records(3), domain: 'otro.gov.co' });
    const error = await rejection(listAll(url));
    assert.equal(error.status, 404);
    assert.match(error.message, /^The Discovery API lists no dataset of www\.datos\.gov\.co, and data\.json could not be read either: /);
  });

  it('when options.appToken is set, sends it as X-App-Token on every request; otherwise sends none', async () => {
    const { url, appTokens } = await start({ records: records(5) });
    await listAll(url, { portal: { pageSize: 2 }, options: { appToken: 'tok3n-de-prueba' } });
    assert.deepEqual(appTokens, ['tok3n-de-prueba', 'tok3n-de-prueba', 'tok3n-de-prueba']);
    appTokens.length = 0;
    await listAll(url, { portal: { pageSize: 5 } });
    assert.deepEqual(appTokens, [undefined]);
  });

  it('when options.appToken is not a string, the listing fails with a configuration error before any request', async () => {
    const { url, requests } = await start({ records: records(2) });
    const error = await rejection(listAll(url, { options: { appToken: 42 } }));
    assert.ok(error instanceof ConfigError);
    assert.match(error.message, /options\.appToken/);
    assert.equal(requests.length, 0);
  });

  it('when the run is aborted between pages, stops with the abort reason and asks for nothing more', async () => {
    const { url, requests } = await start({ records: records(10) });
    const controller = new AbortController();
    const error = await rejection(listAll(url, { portal: { pageSize: 2 }, signal: controller.signal, onPage: () => controller.abort(new Error('apagado')) }));
    assert.equal(error.message, 'apagado');
    assert.equal(requests.length, 1);
  });
});

describe('Socrata harvester: portal URL forms', () => {
  const portal = (url: string, options: Record<string, unknown> = {}) => testPortal({ id: 'co-datos', platform: 'socrata', url, options });

  it('reads a site root: the Discovery API and data.json on the portal host, its host as the domain', () => {
    assert.deepEqual(socrataSite(portal('https://www.datos.gov.co')), {
      domain: 'www.datos.gov.co',
      catalog: 'https://www.datos.gov.co/api/catalog/v1',
      dataJson: 'https://www.datos.gov.co/data.json',
      headers: {},
    });
    assert.equal(socrataSite(portal('https://www.datos.gov.co/api/catalog/v1?only=datasets')).catalog, 'https://www.datos.gov.co/api/catalog/v1');
    assert.equal(socrataSite(portal('https://www.datos.gov.co/browse?category=Educaci%C3%B3n')).domain, 'www.datos.gov.co');
  });

  it('reads the central API with the domain in the query: data.json then comes from the domain itself', () => {
    const site = socrataSite(portal('https://api.us.socrata.com/api/catalog/v1?domains=www.datos.gov.co'));
    assert.equal(site.catalog, 'https://api.us.socrata.com/api/catalog/v1');
    assert.equal(site.domain, 'www.datos.gov.co');
    assert.equal(site.dataJson, 'https://www.datos.gov.co/data.json');
  });

  it('takes options.domain over the host, and refuses the central API without a domain or with a list of them', () => {
    assert.equal(socrataSite(portal('http://127.0.0.1:8080', { domain: 'WWW.datos.gov.co' })).domain, 'www.datos.gov.co');
    assert.throws(() => socrataSite(portal('https://api.us.socrata.com/api/catalog/v1')), (e: unknown) => e instanceof ConfigError && /domains/.test(e.message));
    assert.throws(() => socrataSite(portal('https://api.eu.socrata.com/api/catalog/v1?domains=a.gov.co,b.gov.co')), ConfigError);
    assert.deepEqual(socrataSite(portal('https://www.datos.gov.co', { appToken: 'abc' })).headers, { 'x-app-token': 'abc' });
  });

  it('when the portal is configured on the central API, sends the configured domain as domains', async () => {
    // The fake stands in for api.us.socrata.com: the domain comes from the configured query string.
    const server = await startSocrataServer({ records: records(3) });
    try {
      const pages = await listAll(`${server.url}/api/catalog/v1?domains=${DOMAIN}`, { options: { domain: undefined } });
      assert.equal(listedIds(pages).length, 3);
      assert.equal(catalogParams(server.requests)[0].get('domains'), DOMAIN);
    } finally {
      await server.close();
    }
  });
});

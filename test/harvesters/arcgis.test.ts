/**
 * Golden test of the ArcGIS Hub harvester: a Quito-like DCAT-US feed (test/fixtures/arcgis) served
 * by the fake server at Hub's feed path, listed, mapped and compared with
 * test/fixtures/arcgis/expected/. `UPDATE_GOLDEN=1 npx mocha test/harvesters/arcgis.test.ts`
 * rewrites the expected files (review the diff). Also: which feed a portal URL is read through,
 * and the feed's failures. The DCAT-AP feed is tested in arcgis-dcat-ap.test.ts.
 */
import assert from 'node:assert/strict';
import { arcgis as hub, hubFeed } from '../../harvesters/arcgis.js';
import type { DataJsonRecord } from '../../harvesters/datajson.js';
import type { Harvester } from '../../src/harvest/types.js';
import { HUB_DCAT_US_PATH, startDataJsonServer, type DataJsonServer, type DataJsonServerOptions } from '../../src/demo/datajson-server.js';
import { isHarvestError } from '../../src/errors.js';
import { testPortal } from '../support/portal-config.js';
import { assertGoldens, listAll, listedIds, readFixture, rejection } from './datajson-support.js';

const quito = () => readFixture('arcgis/quito-dcat-us.json');
/** The harvester as the data.json helpers take it: read through its DCAT-US feed, its records are data.json records. */
const arcgis = hub as unknown as Harvester<DataJsonRecord>;

describe('ArcGIS Hub harvester: golden feed', () => {
  let server: DataJsonServer | undefined;
  const start = async (options: Partial<DataJsonServerOptions> = {}) => (server = await startDataJsonServer({ catalog: quito(), paths: [HUB_DCAT_US_PATH], ...options }));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('when the portal URL is the Hub site, reads its DCAT-US feed and maps every dataset to its expected draft', async () => {
    const { url, requests } = await start();
    const pages = await listAll(arcgis, url, { portal: { pageSize: 4 } });
    assert.equal(new URL(requests[0]).pathname, HUB_DCAT_US_PATH);
    assert.deepEqual(pages.map((page) => page.records.length), [4, 2]);
    assert.deepEqual(listedIds(arcgis, pages).slice(0, 4), [
      '4f8e2c1a9b7d4e6f8a1b2c3d4e5f6a7b_0',
      '9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f_2',
      '9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f_0',
      'https://quitosmart-gobiernoslocales.opendata.arcgis.com/datasets/quitosmart::equipamientos-de-salud',
    ], 'item and layer of every Hub URL that names them; two layers of one item stay two datasets');

    const portal = testPortal({ id: 'ec-quito', platform: 'arcgis', url: 'https://quitosmart-gobiernoslocales.opendata.arcgis.com/api/feed/dcat-us/1.1.json' });
    const { mapped, errors } = assertGoldens(arcgis, pages.flatMap((page) => page.records), portal, new URL('../fixtures/arcgis/expected/', import.meta.url));
    assert.equal(mapped, 5);
    assert.equal(errors.length, 1, 'a layer whose title is null');
  });

  it('when the Hub site answers its HTML application at the feed path, the run fails with not_json naming the feed', async () => {
    const { url } = await start({ faults: () => 'html' });
    const error = await rejection(listAll(arcgis, url));
    assert.ok(isHarvestError(error));
    assert.equal(error.code, 'not_json');
    assert.ok(error.message.includes(`${url}${HUB_DCAT_US_PATH}`));
  });

  it('when the site has no feed (404), the run fails with http_status instead of listing nothing', async () => {
    const { url } = await start({ paths: ['/otro/data.json'] });
    const error = await rejection(listAll(arcgis, url));
    assert.equal(error.code, 'http_status');
    assert.equal(error.status, 404);
  });

  it('when the feed is larger than the size cap, the run fails with too_large and says which setting to raise', async () => {
    const { url } = await start({ faults: () => 'oversized' });
    const error = await rejection(listAll(arcgis, url, { http: { maxResponseBytes: 256 * 1024 } }));
    assert.equal(error.code, 'too_large');
    assert.match(error.message, /ArcGIS Hub feed comes as one document: raise maxResponseBytes for portal ec-prueba/);
  });
});

describe('ArcGIS Hub harvester: which feed is read', () => {
  const site = 'https://quitosmart-gobiernoslocales.opendata.arcgis.com';
  const us = `${site}/api/feed/dcat-us/1.1.json`;
  const ap = `${site}/api/feed/dcat-ap/2.1.1.json`;
  const forms: [string, string, string, string][] = [
    ['the site root', site, 'dcat-us', us],
    ['the site root with a trailing slash', `${site}/`, 'dcat-us', us],
    ['a page of the site', `${site}/search?collection=Dataset`, 'dcat-us', us],
    ['the DCAT-US feed', us, 'dcat-us', us],
    ['the DCAT-US feed with a query', `${us}?q=transporte`, 'dcat-us', `${us}?q=transporte`],
    ['the DCAT-AP 2.1.1 feed', ap, 'dcat-ap', ap],
    ['the DCAT-AP 2.1.1 feed without .json, with a query', `${site}/api/feed/dcat-ap/2.1.1?q=transporte`, 'dcat-ap', `${site}/api/feed/dcat-ap/2.1.1?q=transporte`],
    ['the DCAT-AP 3.0.0 feed', `${site}/api/feed/dcat-ap/3.0.0.json`, 'dcat-us', us],
  ];
  for (const [what, url, feed, expected] of forms) {
    it(`when the portal URL is ${what}, reads the ${feed} feed at ${expected.replace(site, '')}`, () => {
      assert.deepEqual(hubFeed(testPortal({ platform: 'arcgis', url })), { feed, url: expected });
    });
  }
});

/**
 * The Socrata harvester's data.json fallback: when the Discovery API answers 404 or an HTML page on
 * the first request, the portal's /data.json (test/fixtures/socrata/data.json) is read instead,
 * mapped and compared with test/fixtures/socrata/expected/data-json.json.
 * `UPDATE_GOLDEN=1 npx mocha test/harvesters/socrata-fallback.test.ts` rewrites that file.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { socrata, type DataJsonDataset } from '../../harvesters/socrata.js';
import { isRecordError } from '../../src/errors.js';
import { startSocrataServer, type SocrataServer, type SocrataServerOptions } from '../../src/demo/socrata-server.js';
import { testPortal } from '../support/portal-config.js';
import { catalogParams, fixturePath, listAll, listedIds, readFixture, records, rejection } from './socrata-support.js';

const dataJson = readFixture<{ dataset: DataJsonDataset[] }>('data.json');
const golden = fixturePath('expected/data-json.json');
const portal = testPortal({ id: 'co-datos', platform: 'socrata', url: 'https://www.datos.gov.co' });

describe('Socrata harvester: data.json fallback', () => {
  let server: SocrataServer | undefined;
  const start = async (options: Partial<SocrataServerOptions> = {}) => (server = await startSocrataServer({ records: records(4), dataJson, ...options }));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('when the Discovery API answers 404, reads data.json, skips the other domain\'s dataset and maps the rest as expected', async () => {
    const { url, requests } = await start({ discovery: false });
    const pages = await listAll(url, { portal: { pageSize: 2 } });
    assert.deepEqual(requests.map((u) => new URL(u).pathname), ['/api/catalog/v1', '/data.json']);
    assert.deepEqual(listedIds(pages), ['a7ms-3kqx', 'b3zt-9vwe', 'g8xv-5hrp', 'j5wc-3rne'], 'the four-by-four ids the Discovery API gives');
    assert.deepEqual(pages.map((page) => page.records.length), [2, 1, 1], 'pages of two, the other domain\'s dataset left out');
    assert.ok(pages.every((page) => page.url === `${url}/data.json`));

    const drafts: Record<string, unknown> = {};
    const errors: unknown[] = [];
    for (const raw of pages.flatMap((page) => page.records)) {
      try {
        drafts[socrata.sourceId(raw)!] = JSON.parse(JSON.stringify(socrata.toDcat(raw, portal)));
      } catch (error) {
        if (!isRecordError(error)) throw error;
        errors.push({ code: error.code, sourceId: error.sourceId ?? null, message: error.message });
      }
    }
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, `${JSON.stringify({ drafts, errors }, null, 2)}\n`);
    assert.deepEqual({ drafts, errors }, JSON.parse(readFileSync(golden, 'utf8')));
    assert.equal(errors.length, 1, 'the dataset without a title');
  });

  it('when the Discovery API answers an HTML page with 200, reads data.json', async () => {
    const { url } = await start({ faults: (req) => (req.path === 'catalog' ? 'html' : undefined) });
    assert.equal(listedIds(await listAll(url)).length, 4);
  });

  it('gives a data.json dataset the identifier a Discovery record of the same dataset gets', async () => {
    const [fromDataJson] = dataJson.dataset;
    const [fromDiscovery] = readFixture<unknown[]>('catalog.json');
    assert.equal(socrata.toDcat(fromDataJson, portal).identifier, socrata.toDcat(fromDiscovery as DataJsonDataset, portal).identifier);
    assert.equal(socrata.sourceId(fromDataJson), socrata.sourceId(fromDiscovery as DataJsonDataset));
  });

  it('when the Discovery API lists no dataset of the domain (an unknown domain answers 200 and nothing), reads data.json', async () => {
    const { url, requests } = await start({ domain: 'otro.gov.co' });
    assert.equal(listedIds(await listAll(url)).length, 4);
    assert.equal(requests.length, 2);
  });

  it('sends the app token to data.json too', async () => {
    const { url, appTokens } = await start({ discovery: false });
    await listAll(url, { options: { appToken: 'tok3n' } });
    assert.deepEqual(appTokens, ['tok3n', 'tok3n']);
  });

  it('when the Discovery API answers 500 on the first page, fails with the HTTP status and does not fall back', async () => {
    const { url, requests } = await start({ faults: (req) => (req.path === 'catalog' ? 'status:500' : undefined) });
    const error = await rejection(listAll(url, { portal: { pageSize: 10 } }));
    assert.equal(error.status, 500);
    assert.ok(!requests.some((u) => u.endsWith('/data.json')));
  });

  it('when data.json is missing too, fails with an error that says what both answered', async () => {
    const { url } = await start({ discovery: false, dataJson: undefined });
    const error = await rejection(listAll(url));
    assert.equal(error.code, 'http_status');
    assert.equal(error.status, 404);
    assert.equal(error.url, `${url}/data.json`);
    assert.match(error.message, /^The Discovery API is not available \(.*HTTP 404 at .*\/api\/catalog\/v1.*\), and data\.json could not be read either: .*HTTP 404/);
  });

  it('when data.json is an HTML page, fails with not_json', async () => {
    const { url } = await start({ discovery: false, faults: (req) => (req.path === 'data.json' ? 'html' : undefined) });
    assert.equal((await rejection(listAll(url))).code, 'not_json');
  });

  it('when data.json has no dataset list, fails with bad_response naming data.json', async () => {
    const { url } = await start({ discovery: false, dataJson: { '@type': 'dcat:Catalog', dataset: 'ninguno' } });
    const error = await rejection(listAll(url));
    assert.equal(error.code, 'bad_response');
    assert.match(error.message, /no "dataset" list at .*\/data\.json/);
  });

  it('when the Discovery API works, never asks for data.json', async () => {
    const { url, requests } = await start();
    await listAll(url);
    assert.equal(catalogParams(requests).length, requests.length);
  });
});

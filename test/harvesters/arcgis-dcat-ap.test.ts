/**
 * The ArcGIS Hub harvester's DCAT-AP 2.1.1 feed: a Quito-like JSON-LD feed
 * (test/fixtures/arcgis/quito-dcat-ap.json) served by the fake Hub site beside its DCAT-US feed,
 * listed, mapped and compared with test/fixtures/arcgis/expected-dcat-ap/; the same datasets read
 * through both feeds; the feed's failures. `UPDATE_GOLDEN=1 npx mocha test/harvesters/arcgis-dcat-ap.test.ts`
 * rewrites the expected files (review the diff).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { arcgis, type HubRecord } from '../../harvesters/arcgis.js';
import type { DataJsonRecord } from '../../harvesters/datajson.js';
import { HUB_DCAT_AP_PATH, startHubServer, type HubServerOptions } from '../../src/demo/arcgis-server.js';
import type { DataJsonServer } from '../../src/demo/datajson-server.js';
import { normalize } from '../../src/normalize/index.js';
import { isHarvestError } from '../../src/errors.js';
import type { Harvester, RawPage } from '../../src/harvest/types.js';
import type { PortalConfig } from '../../src/config-types.js';
import type { Dataset } from '../../src/dcat/types.js';
import { mapGoldens, writeGoldens } from '../support/golden.js';
import { testPortal } from '../support/portal-config.js';
import { listAll, readFixture, rejection } from './datajson-support.js';

const expectedDir = fileURLToPath(new URL('../fixtures/arcgis/expected-dcat-ap/', import.meta.url));
const site = 'https://quitosmart-gobiernoslocales.opendata.arcgis.com';
// Mapped with the site's real address, so that the goldens do not depend on the test server's port.
const portal = testPortal({ id: 'ec-quito', platform: 'arcgis', url: `${site}${HUB_DCAT_AP_PATH}` });
const quitoUs = () => readFixture('arcgis/quito-dcat-us.json');
const quitoAp = () => readFixture('arcgis/quito-dcat-ap.json');

/** Every page the harvester lists at `url`, through the data.json tests' listing (typed there for data.json records only). */
const listHub = async (url: string, portalOptions: Partial<PortalConfig> = {}) =>
  (await listAll(arcgis as Harvester<unknown> as Harvester<DataJsonRecord>, url, { portal: portalOptions })) as RawPage<unknown>[] as RawPage<HubRecord>[];

const recordsOf = (pages: RawPage<HubRecord>[]) => pages.flatMap((page) => page.records);

/** A golden is named after the last part of the record's source id. */
const goldenName = (record: HubRecord, index: number) => arcgis.sourceId(record)?.split(/[/=:]/).filter(Boolean).pop() ?? `registro-${index}`;

const readJson = (file: string): unknown => JSON.parse(readFileSync(expectedDir + file, 'utf8'));

/** Each record mapped and normalized, by source id: what the run stores. */
function normalizedById(records: HubRecord[]): Map<string, Dataset> {
  const datasets = new Map<string, Dataset>();
  for (const record of records) {
    const id = arcgis.sourceId(record);
    if (!id) continue;
    try {
      datasets.set(id, normalize(arcgis.toDcat(record, portal), { portalId: portal.id, harvestedAt: '2024-04-01T00:00:00.000Z', runId: 'r1', sourceUrl: portal.url }));
    } catch {
      // the untitled layer, a record error through both feeds
    }
  }
  return datasets;
}

describe('ArcGIS Hub harvester: DCAT-AP 2.1.1 feed', () => {
  let server: DataJsonServer | undefined;
  const start = async (options: Partial<HubServerOptions> = {}) => (server = await startHubServer({ dcatUs: quitoUs(), dcatAp: quitoAp(), ...options }));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('when the portal URL is the DCAT-AP feed, reads only that feed and maps every dataset to its expected draft', async () => {
    const { url, requests } = await start();
    const pages = await listHub(`${url}${HUB_DCAT_AP_PATH}`, { pageSize: 4 });
    assert.deepEqual(requests.map((request) => new URL(request).pathname), [HUB_DCAT_AP_PATH]);
    assert.deepEqual(pages.map((page) => page.records.length), [4, 2], 'the feed handed on in pages of the portal\'s size');
    const records = recordsOf(pages);
    assert.ok(records.every((record) => (record as { feed?: string }).feed === 'dcat-ap'), 'every record says which feed it came from');

    const { drafts, errors } = mapGoldens(records, goldenName, (record) => arcgis.toDcat(record, portal));
    if (process.env.UPDATE_GOLDEN === '1') writeGoldens(expectedDir, drafts, errors);
    const files = [...drafts.keys()].map((name) => `${name}.json`);
    assert.deepEqual(readdirSync(expectedDir).sort(), [...files, '_record-errors.json'].sort(), 'one golden per mapped record');
    for (const [name, draft] of drafts) assert.deepEqual(draft, readJson(`${name}.json`), `golden ${name}.json`);
    assert.deepEqual(errors, readJson('_record-errors.json'));
    assert.equal(drafts.size, 5);
    assert.equal(errors.length, 1, 'a layer whose title is null');
  });

  it('when a dataset is read through either feed, it keeps its source id, title, licence, bounding box and files', async () => {
    const { url } = await start();
    const viaUs = normalizedById(recordsOf(await listHub(url)));
    const viaAp = normalizedById(recordsOf(await listHub(`${url}${HUB_DCAT_AP_PATH}`)));
    assert.equal(viaUs.size, 5);
    assert.deepEqual([...viaAp.keys()].sort(), [...viaUs.keys()].sort());
    const files = (dataset: Dataset) => dataset.distributions.map((d) => d.downloadURL ?? d.accessURL).sort();
    const formats = (dataset: Dataset) => dataset.distributions.map((d) => d.format?.code).sort();
    for (const [id, us] of viaUs) {
      const ap = viaAp.get(id) as Dataset;
      assert.equal(ap.title, us.title, id);
      assert.equal(ap.description, us.description, id);
      assert.equal(ap.license?.id, us.license?.id, id);
      assert.equal(ap.license?.url, us.license?.url, id);
      assert.deepEqual(ap.spatial?.bbox, us.spatial?.bbox, id);
      assert.deepEqual(files(ap), files(us), id);
      assert.deepEqual(formats(ap), formats(us), id);
      assert.deepEqual([...ap.keywords].sort(), [...us.keywords].sort(), id);
      assert.equal(ap.publisher?.name, us.publisher?.name, id);
      assert.equal(ap.contactPoint?.email, us.contactPoint?.email, id);
      assert.equal(ap.landingPage, us.landingPage, id);
      assert.equal(ap.modified?.value, us.modified?.value, id);
    }
  });

  it('when the feed is truncated JSON, the run fails with not_json naming the feed', async () => {
    const { url } = await start({ dcatAp: JSON.stringify(quitoAp()).slice(0, 900) });
    const error = await rejection(listHub(`${url}${HUB_DCAT_AP_PATH}`));
    assert.ok(isHarvestError(error));
    assert.equal(error.code, 'not_json');
    assert.ok(error.message.includes(`${url}${HUB_DCAT_AP_PATH}`), error.message);
  });

  it('when the feed is JSON but not valid JSON-LD (a dataset @id that is a number), the run fails with bad_response naming the feed', async () => {
    const feed = quitoAp();
    (feed['dcat:dataset'] as Record<string, unknown>[])[2]['@id'] = 42;
    const { url } = await start({ dcatAp: feed });
    const error = await rejection(listHub(`${url}${HUB_DCAT_AP_PATH}`));
    assert.equal(error.code, 'bad_response');
    assert.match(error.message, /not valid JSON-LD: Found illegal @id '42'/);
    assert.equal(error.url, `${url}${HUB_DCAT_AP_PATH}`);
  });

  it('when the site answers its HTML application at the DCAT-AP feed, the run fails with html_instead_of_data', async () => {
    const { url } = await start({ faults: ({ url: asked }) => (asked.includes('/dcat-ap/') ? 'html' : undefined) });
    const error = await rejection(listHub(`${url}${HUB_DCAT_AP_PATH}`));
    assert.equal(error.code, 'html_instead_of_data');
    assert.ok(error.message.includes(`${url}${HUB_DCAT_AP_PATH}`));
  });

  it('when the site has no DCAT-AP feed (404), the run fails with http_status instead of listing nothing', async () => {
    const { url } = await start({ dcatAp: undefined });
    const error = await rejection(listHub(`${url}${HUB_DCAT_AP_PATH}`));
    assert.equal(error.code, 'http_status');
    assert.equal(error.status, 404);
  });
});

describe('ArcGIS Hub mapping: DCAT-AP records', () => {
  const item = '4f8e2c1a9b7d4e6f8a1b2c3d4e5f6a7b';
  const node = (properties: Record<string, unknown>) => ({ feed: 'dcat-ap' as const, node: { '@id': `${site}/datasets/quitosmart::barrios`, 'dct:title': [{ '@value': 'Barrios' }], ...properties } });

  it('takes the item key of dct:identifier, else of the @id, else the identifier itself as the source id', () => {
    assert.equal(arcgis.sourceId(node({ 'dct:identifier': [{ '@value': `https://www.arcgis.com/home/item.html?id=${item}&sublayer=3` }] })), `${item}_3`);
    assert.equal(arcgis.sourceId({ feed: 'dcat-ap', node: { '@id': `${site}/datasets/${item}_1` } }), `${item}_1`);
    assert.equal(arcgis.sourceId(node({ 'dct:identifier': [{ '@value': 'barrios-dmq' }] })), 'barrios-dmq');
    assert.equal(arcgis.sourceId(node({})), `${site}/datasets/quitosmart::barrios`);
  });

  it('reads an HTML licence literal as hubLicense does, a licence IRI as DCAT does, and a bare box as a bounding box', () => {
    const html = arcgis.toDcat(node({ 'dct:license': [{ '@value': '<p><a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a></p>' }], 'dct:spatial': [{ '@value': '-78.59,-0.37,-78.41,-0.04' }] }), portal);
    assert.deepEqual(html.license, { raw: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/', title: 'CC BY 4.0' });
    assert.deepEqual(html.spatial, { bbox: [-78.59, -0.37, -78.41, -0.04] });
    const iri = arcgis.toDcat(node({ 'dct:license': [{ '@id': 'https://creativecommons.org/licenses/by/4.0' }] }), portal);
    assert.equal(iri.license?.url, 'https://creativecommons.org/licenses/by/4.0');
  });

  it('reads the @id as the landing page and Esri\'s dcat:accessUrl as the access URL', () => {
    const service = 'https://services5.arcgis.com/Qx9pDmQ2aLzT0sXb/arcgis/rest/services/Barrios/FeatureServer/0';
    const draft = arcgis.toDcat(node({ 'dcat:distribution': [{ 'dcat:accessUrl': [{ '@value': service }] }] }), portal);
    assert.equal(draft.landingPage, `${site}/datasets/quitosmart::barrios`);
    assert.equal(draft.distributions[0].accessURL, service);
  });

  it('maps a stored record of either feed with its own mapping (rescore)', () => {
    assert.equal(arcgis.toDcat(node({}), portal).title, 'Barrios');
    assert.equal(arcgis.toDcat({ dataset: { identifier: `${site}/datasets/${item}_0`, title: 'Parroquias' } }, portal).sourceId, `${item}_0`);
  });
});

/** The ArcGIS Hub harvester end to end through the run driver, with Quito's portal entry, through either feed. */
import assert from 'node:assert/strict';
import { arcgis } from '../../harvesters/arcgis.js';
import { HUB_DCAT_US_PATH, startDataJsonServer, type DataJsonServer } from '../../src/demo/datajson-server.js';
import { HUB_DCAT_AP_PATH, startHubServer } from '../../src/demo/arcgis-server.js';
import { runHarvest } from '../../src/harvest/run-driver.js';
import { rescorePortal } from '../../src/harvest/rescore.js';
import { silentLogger } from '../../src/log.js';
import type { Container } from '../../src/container.js';
import type { PortalConfig } from '../../src/config-types.js';
import { ckanPortal, testContainer } from '../support/test-container.js';
import { readFixture } from './datajson-support.js';

const PARISHES = 'ec-quito:4f8e2c1a9b7d4e6f8a1b2c3d4e5f6a7b_0';
const quitoPortal = (url: string) => ckanPortal('ec-quito', url, { platform: 'arcgis', level: 'municipal' });

describe('ArcGIS Hub harvester: end to end', () => {
  let server: DataJsonServer | undefined;
  let container: Container | undefined;
  afterEach(async () => {
    await container?.close();
    await server?.close();
    container = undefined;
    server = undefined;
  });

  const harvest = (c: Container, portal: PortalConfig) =>
    runHarvest({ store: c.store, harvester: arcgis, http: c.httpFor(portal), log: silentLogger, owner: 'test', leaseMs: 60_000 }, { portal, full: true });
  const startQuito = async () => (server = await startHubServer({ dcatUs: readFixture('arcgis/quito-dcat-us.json'), dcatAp: readFixture('arcgis/quito-dcat-ap.json') }));

  it('when Quito\'s Hub feed is harvested, stores its layers under their item keys, normalized, and records the layer without title', async () => {
    server = await startDataJsonServer({ catalog: readFixture('arcgis/quito-dcat-us.json'), paths: [HUB_DCAT_US_PATH] });
    const portal = quitoPortal(`${server.url}${HUB_DCAT_US_PATH}`);
    container = await testContainer([portal]);
    const run = await harvest(container, portal);

    assert.equal(run.status, 'succeeded');
    assert.deepEqual({ seen: run.counts.seen, created: run.counts.created, failed: run.counts.failed }, { seen: 6, created: 5, failed: 1 });
    assert.deepEqual(run.failures.map((f) => f.sourceId), ['0a1b2c3d4e5f60718293a4b5c6d7e8f9_0']);

    const parishes = (await container.store.datasets.get(PARISHES))?.dataset;
    assert.equal(parishes?.license?.id, 'CC-BY-4.0');
    assert.deepEqual(parishes?.spatial?.bbox, [-78.8003, -0.4137, -78.271, 0.0312]);
    assert.equal(parishes?.description, 'Límites de las 65 parroquias urbanas y rurales del DMQ según la Ordenanza Metropolitana 001.');
    assert.equal(parishes?.contactPoint?.email, 'datosabiertos@quito.gob.ec');
    assert.deepEqual(parishes?.distributions.map((d) => d.format?.code ?? d.format?.raw), ['HTML', 'MAP_SRVC', 'CSV', 'GEOJSON', 'ZIP']);

    const health = (await container.store.datasets.get('ec-quito:https://quitosmart-gobiernoslocales.opendata.arcgis.com/datasets/quitosmart::equipamientos-de-salud'))?.dataset;
    assert.equal(health?.license, undefined, 'an empty licence is no licence');
  });

  it('when the portal URL is Quito\'s DCAT-AP feed, stores the same layers from it, records the layer without title, and rescores them offline', async () => {
    await startQuito();
    const portal = quitoPortal(`${server?.url}${HUB_DCAT_AP_PATH}`);
    container = await testContainer([portal]);
    const run = await harvest(container, portal);

    assert.equal(run.status, 'succeeded');
    assert.ok(server?.requests.every((url) => new URL(url).pathname === HUB_DCAT_AP_PATH), 'the DCAT-US feed is not read');
    assert.deepEqual({ seen: run.counts.seen, created: run.counts.created, failed: run.counts.failed }, { seen: 6, created: 5, failed: 1 });
    assert.deepEqual(run.failures.map((f) => [f.sourceId, f.code]), [['0a1b2c3d4e5f60718293a4b5c6d7e8f9_0', 'bad_record']]);

    const parishes = (await container.store.datasets.get(PARISHES))?.dataset;
    assert.equal(parishes?.title, 'Límite parroquial del Distrito Metropolitano de Quito');
    assert.equal(parishes?.license?.id, 'CC-BY-4.0');
    assert.deepEqual(parishes?.spatial?.bbox, [-78.8003, -0.4137, -78.271, 0.0312]);
    assert.equal(parishes?.contactPoint?.email, 'datosabiertos@quito.gob.ec', 'mailto: dropped by normalization');
    assert.equal(parishes?.publisher?.name, 'Municipio del Distrito Metropolitano de Quito');
    assert.deepEqual(parishes?.distributions.map((d) => d.format?.code).sort(), ['CSV', 'GEOJSON', 'HTML', 'MAP_SRVC', 'ZIP']);
    assert.equal(parishes?.provenance.sourceUrl, `${server?.url}${HUB_DCAT_AP_PATH}`);

    await server?.close(); // rescore must not need the portal
    server = undefined;
    const rescored = await rescorePortal(container.store, arcgis, portal, new Date());
    assert.deepEqual({ datasets: rescored.datasets, failed: rescored.failed, changed: rescored.changed }, { datasets: 5, failed: 0, changed: 0 });
  });

  it('when a portal moves from the DCAT-US feed to the DCAT-AP feed, its datasets keep their ids (none new, none withdrawn) and the records of both feeds rescore', async () => {
    await startQuito();
    const viaUs = quitoPortal(`${server?.url}${HUB_DCAT_US_PATH}`);
    const viaAp = quitoPortal(`${server?.url}${HUB_DCAT_AP_PATH}`);
    const c = (container = await testContainer([viaUs]));
    assert.equal((await harvest(c, viaUs)).counts.created, 5);
    const rescore = async () => {
      const { datasets, failed, changed } = await rescorePortal(c.store, arcgis, viaAp, new Date());
      return { datasets, failed, changed };
    };
    assert.deepEqual(await rescore(), { datasets: 5, failed: 0, changed: 0 }, 'the DCAT-US records stored before the move');

    const run = await harvest(c, viaAp);
    assert.equal(run.status, 'succeeded');
    assert.deepEqual({ seen: run.counts.seen, created: run.counts.created, withdrawn: run.counts.withdrawn, failed: run.counts.failed }, { seen: 6, created: 0, withdrawn: 0, failed: 1 });
    assert.equal(((await c.store.datasets.getRaw(PARISHES)) as { feed?: string }).feed, 'dcat-ap');
    assert.deepEqual(await rescore(), { datasets: 5, failed: 0, changed: 0 }, 'the DCAT-AP records stored after it');
  });

  it('when the DCAT-AP feed is not valid JSON-LD, the run fails with an error naming the feed and withdraws nothing', async () => {
    const feed = readFixture('arcgis/quito-dcat-ap.json');
    (feed['dcat:dataset'] as Record<string, unknown>[])[0]['dct:title'] = { '@value': 'Límite parroquial', '@language': 5 };
    server = await startHubServer({ dcatUs: readFixture('arcgis/quito-dcat-us.json'), dcatAp: feed });
    const portal = quitoPortal(`${server.url}${HUB_DCAT_AP_PATH}`);
    container = await testContainer([portal]);
    const run = await harvest(container, portal);

    assert.equal(run.status, 'failed');
    assert.equal(run.error?.code, 'bad_response');
    assert.equal(run.error?.url, `${server.url}${HUB_DCAT_AP_PATH}`);
    assert.match(run.error?.message ?? '', /is not valid JSON-LD: The value of an '@language' must be a string/);
    assert.deepEqual({ seen: run.counts.seen, withdrawn: run.counts.withdrawn }, { seen: 0, withdrawn: 0 });
  });
});

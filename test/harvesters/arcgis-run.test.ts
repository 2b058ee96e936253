/** The ArcGIS Hub harvester end to end through the run driver, with Quito's portal entry. */
import assert from 'node:assert/strict';
import { arcgis } from '../../harvesters/arcgis.js';
import { HUB_DCAT_US_PATH, startDataJsonServer, type DataJsonServer } from '../../src/demo/datajson-server.js';
import { runHarvest } from '../../src/harvest/run-driver.js';
import { silentLogger } from '../../src/log.js';
import type { Container } from '../../src/container.js';
import { ckanPortal, testContainer } from '../support/test-container.js';
import { readFixture } from './datajson-support.js';

describe('ArcGIS Hub harvester: end to end', () => {
  let server: DataJsonServer | undefined;
  let container: Container | undefined;
  afterEach(async () => {
    await container?.close();
    await server?.close();
  });

  it('when Quito\'s Hub feed is harvested, stores its layers under their item keys, normalized, and records the layer without title', async () => {
    server = await startDataJsonServer({ catalog: readFixture('arcgis/quito-dcat-us.json'), paths: [HUB_DCAT_US_PATH] });
    const portal = ckanPortal('ec-quito', `${server.url}${HUB_DCAT_US_PATH}`, { platform: 'arcgis', level: 'municipal' });
    container = await testContainer([portal]);
    const run = await runHarvest(
      { store: container.store, harvester: arcgis, http: container.httpFor(portal), log: silentLogger, owner: 'test', leaseMs: 60_000 },
      { portal, full: true },
    );

    assert.equal(run.status, 'succeeded');
    assert.deepEqual({ seen: run.counts.seen, created: run.counts.created, failed: run.counts.failed }, { seen: 6, created: 5, failed: 1 });
    assert.deepEqual(run.failures.map((f) => f.sourceId), ['0a1b2c3d4e5f60718293a4b5c6d7e8f9_0']);

    const parishes = (await container.store.datasets.get('ec-quito:4f8e2c1a9b7d4e6f8a1b2c3d4e5f6a7b_0'))?.dataset;
    assert.equal(parishes?.license?.id, 'CC-BY-4.0');
    assert.deepEqual(parishes?.spatial?.bbox, [-78.8003, -0.4137, -78.271, 0.0312]);
    assert.equal(parishes?.description, 'Límites de las 65 parroquias urbanas y rurales del DMQ según la Ordenanza Metropolitana 001.');
    assert.equal(parishes?.contactPoint?.email, 'datosabiertos@quito.gob.ec');
    assert.deepEqual(parishes?.distributions.map((d) => d.format?.code ?? d.format?.raw), ['HTML', 'MAP_SRVC', 'CSV', 'GEOJSON', 'ZIP']);

    const health = (await container.store.datasets.get('ec-quito:https://quitosmart-gobiernoslocales.opendata.arcgis.com/datasets/quitosmart::equipamientos-de-salud'))?.dataset;
    assert.equal(health?.license, undefined, 'an empty licence is no licence');
  });
});

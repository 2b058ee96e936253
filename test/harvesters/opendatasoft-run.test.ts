/** End to end: the fake Explore API harvested through the run driver into a real (in-memory) store. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { opendatasoft, type OdsDataset } from '../../harvesters/opendatasoft.js';
import { runHarvest } from '../../src/harvest/run-driver.js';
import { silentLogger } from '../../src/log.js';
import { startOpendatasoftServer, type OdsFaultHook, type OdsServer } from '../../src/demo/opendatasoft-server.js';
import type { Container } from '../../src/container.js';
import type { PortalConfig } from '../../src/config-types.js';
import { ckanPortal, testContainer } from '../support/test-container.js';
import { exportParams, pageParams } from './opendatasoft-support.js';

const fixture = fileURLToPath(new URL('../fixtures/opendatasoft/datasets.json', import.meta.url));
const loadCatalog = (): OdsDataset[] => JSON.parse(readFileSync(fixture, 'utf8')) as OdsDataset[];
const FIRST = new Date('2024-06-10T12:00:00.000Z');
const NEXT_DAY = new Date('2024-06-11T12:00:00.000Z');

describe('OpenDataSoft harvester: end to end through runHarvest', () => {
  let server: OdsServer | undefined;
  let container: Container | undefined;
  let portal: PortalConfig;
  afterEach(async () => {
    await server?.close();
    await container?.close();
    server = container = undefined;
  });

  async function setUp(catalog: OdsDataset[], faults?: OdsFaultHook) {
    server = await startOpendatasoftServer({ datasets: catalog, faults });
    portal = ckanPortal('ec-cuenca-ods', server.url, { platform: 'opendatasoft', pageSize: 4 });
    container = await testContainer([portal]);
  }

  const harvest = (at: Date, full: boolean) =>
    runHarvest({ store: container!.store, harvester: opendatasoft, http: container!.httpFor(portal), log: silentLogger, owner: 'test', leaseMs: 60_000, now: () => at }, { portal, full });

  const stored = (sourceId: string) => container!.store.datasets.get(`ec-cuenca-ods:${sourceId}`);

  it('a full run reads the export and stores normalized, scored datasets, recording the malformed records', async () => {
    await setUp(loadCatalog());
    const run = await harvest(FIRST, true);
    assert.equal(run.status, 'succeeded');
    assert.equal(run.mode, 'full');
    assert.deepEqual(run.counts, { seen: 11, created: 8, updated: 0, unchanged: 0, withdrawn: 0, restored: 0, failed: 3 });
    assert.deepEqual(run.failures.map((f) => f.sourceId ?? null).sort(), [null, 'sin-metadatos', 'sin-titulo']);
    assert.equal(exportParams(server!.requests).length, 1);
    assert.equal(pageParams(server!.requests).length, 0);

    const presupuesto = (await stored('presupuesto-municipal-2024'))!.dataset;
    assert.equal(presupuesto.title, 'Presupuesto municipal 2024');
    assert.match(presupuesto.description ?? '', /Gastos de inversión por programa/);
    assert.doesNotMatch(presupuesto.description ?? '', /<|&oacute;/);
    assert.equal(presupuesto.license?.id, 'CC-BY-4.0');
    assert.equal(presupuesto.accrualPeriodicity?.code, 'ANNUAL');
    assert.deepEqual(presupuesto.language, ['SPA']);
    assert.equal(presupuesto.accessRights?.code, 'PUBLIC');
    assert.equal(presupuesto.landingPage, `${server!.url}/explore/dataset/presupuesto-municipal-2024/`);
    assert.deepEqual(presupuesto.distributions.map((d) => d.format?.code), ['CSV', 'JSON', 'XLSX', 'PDF']);
    assert.equal(presupuesto.provenance.sourceUrl, server!.requests[0]);
    assert.equal(presupuesto.provenance.sourceModified, '2024-05-03T08:00:01.123Z');

    const contratos = (await stored('contratos-adjudicados-2023'))!.dataset;
    assert.match(contratos.description ?? '', /Contratación pública/, 'mojibake repaired by normalization');
    assert.equal((await stored('permisos-de-construccion'))!.dataset.accessRights?.code, 'RESTRICTED');
    assert.ok((await stored('poblacion-por-parroquia@inec'))!.quality.total > 0);
  });

  it('the next run is incremental: it pages with where=modified > date\'…\' and updates only what changed', async () => {
    const catalog = loadCatalog();
    await setUp(catalog);
    await harvest(FIRST, true);
    const paradas = catalog.find((d) => d.dataset_id === 'paradas-de-bus-urbano')!;
    paradas.metas!.default!.modified = '2024-06-11T08:00:00+00:00';
    paradas.metas!.default!.title = 'Paradas de bus urbano y metropolitano';
    const requestsBefore = server!.requests.length;

    const run = await harvest(NEXT_DAY, false);
    assert.equal(run.status, 'succeeded');
    assert.equal(run.mode, 'incremental');
    const sent = server!.requests.slice(requestsBefore);
    assert.equal(exportParams(sent).length, 0);
    assert.deepEqual(pageParams(sent).map((p) => p.get('where')), ["modified > date'2024-06-10T11:00:00Z'"]);
    assert.deepEqual(run.counts, { seen: 1, created: 0, updated: 1, unchanged: 0, withdrawn: 0, restored: 0, failed: 0 });
    assert.equal((await stored('paradas-de-bus-urbano'))!.dataset.title, 'Paradas de bus urbano y metropolitano');
  });

  it('when a later full run cannot list the catalog, it fails and withdraws nothing', async () => {
    const catalog = loadCatalog();
    let failing = false;
    await setUp(catalog, () => (failing ? 'html' : undefined));
    await harvest(FIRST, true);
    failing = true;
    const run = await harvest(NEXT_DAY, true);
    assert.equal(run.status, 'failed');
    assert.equal(run.error?.code, 'not_json');
    assert.equal(run.counts.withdrawn, 0);
    assert.equal((await stored('presupuesto-municipal-2024'))!.state, 'active');
    assert.equal(await container!.store.datasets.count({ portalId: 'ec-cuenca-ods', state: 'active' }), 8);
  });
});

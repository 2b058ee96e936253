/** The data.json harvester end to end through the run driver: fake portal → list → map → normalize → score → store. */
import assert from 'node:assert/strict';
import { datajson } from '../../harvesters/datajson.js';
import { startDataJsonServer, type DataJsonServer } from '../../src/demo/datajson-server.js';
import { runHarvest } from '../../src/harvest/run-driver.js';
import { silentLogger } from '../../src/log.js';
import type { Container } from '../../src/container.js';
import type { PortalConfig } from '../../src/config-types.js';
import { ckanPortal, testContainer } from '../support/test-container.js';
import { catalogOf, datasets, readFixture } from './datajson-support.js';

describe('data.json harvester: end to end', () => {
  let server: DataJsonServer | undefined;
  let container: Container | undefined;
  afterEach(async () => {
    await container?.close();
    await server?.close();
    container = undefined;
    server = undefined;
  });

  async function harvest(portal: PortalConfig) {
    container ??= await testContainer([portal]);
    const deps = { store: container.store, harvester: datajson, http: container.httpFor(portal), log: silentLogger, owner: 'test', leaseMs: 60_000 };
    return runHarvest(deps, { portal, full: true });
  }
  const stored = async (id: string) => (await container!.store.datasets.get(id))?.dataset;

  it('when an Argentina-profile catalog is harvested, stores every dataset normalized and records the malformed entries as failures', async () => {
    server = await startDataJsonServer({ catalog: readFixture('datajson/argentina.json') });
    const portal = ckanPortal('ar-datos', `${server.url}/data.json`, { platform: 'datajson', country: 'AR' });
    const run = await harvest(portal);

    assert.equal(run.status, 'succeeded');
    assert.deepEqual({ seen: run.counts.seen, created: run.counts.created, failed: run.counts.failed }, { seen: 8, created: 6, failed: 2 });
    assert.deepEqual(run.failures.map((f) => [f.sourceId, f.code]), [['modernizacion_sin-titulo', 'bad_record'], [undefined, 'bad_record']]);

    const ipc = await stored('ar-datos:sspm_145');
    assert.deepEqual(ipc?.language, ['SPA']);
    assert.deepEqual(ipc?.accrualPeriodicity, { code: 'MONTHLY', raw: 'R/P1M' });
    assert.deepEqual(ipc?.themes.map((t) => t.code ?? t.label), ['ECON', 'Precios']);
    assert.equal(ipc?.temporal?.start?.value, '2016-12-01');
    assert.equal(ipc?.contactPoint?.email, 'dnpm@mecon.gob.ar');
    assert.equal(ipc?.distributions[0].format?.code, 'CSV');
    assert.equal(ipc?.provenance.sourceUrl, `${server.url}/data.json`);

    const budget = await stored('ar-datos:jgm_presupuesto-credito-2023');
    assert.equal(budget?.title, 'Ejecución presupuestaria de la Administración Pública Nacional 2023', 'mojibake repaired');
    assert.ok(budget?.description && !budget.description.includes('<'), 'HTML turned into text');
    assert.ok(await stored('ar-datos:https://datos.gob.ar/dataset/educacion-padron-oficial-establecimientos-educativos'), 'a dataset without identifier is kept under its landing page');
  });

  it('when a dataset leaves a paged catalog, the next complete run withdraws it; when a page fails, nothing is withdrawn', async () => {
    const list = datasets(6);
    const failing: { page?: string } = {};
    server = await startDataJsonServer({ catalog: catalogOf(list), pageSize: 2, faults: (req) => (failing.page && req.page === failing.page ? 'status:500' : undefined) });
    // A tiny catalog: one dataset gone is over the 10 % withdrawal cap, which test/faults/withdrawal.test.ts covers.
    const portal = ckanPortal('py-datos', `${server.url}/data.json`, { platform: 'datajson', country: 'PY', maxWithdrawalShare: 1 });
    assert.equal((await harvest(portal)).counts.created, 6);

    list.splice(4, 1);
    const second = await harvest(portal);
    assert.equal(second.status, 'succeeded');
    assert.equal(second.counts.withdrawn, 1);
    assert.equal((await container!.store.datasets.get('py-datos:conjunto-0004'))?.state, 'withdrawn');

    list.splice(0, 1);
    failing.page = '2';
    const third = await harvest(portal);
    assert.equal(third.status, 'failed');
    assert.equal(third.error?.code, 'http_status');
    assert.equal(third.counts.withdrawn, 0);
    assert.equal(await container!.store.datasets.count({ portalId: 'py-datos', state: 'active' }), 5, 'the dataset that left is still there after a failed listing');
  });
});

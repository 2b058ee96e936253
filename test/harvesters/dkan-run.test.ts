/**
 * End to end: the DKAN harvester through the run driver (map → normalize → score → store) against
 * the fake DKAN 7 and DKAN 2 portals, with a real in-memory store.
 */
import assert from 'node:assert/strict';
import { dkan } from '../../harvesters/dkan.js';
import { runHarvest } from '../../src/harvest/run-driver.js';
import { startDkanServer, type DkanFaultHook, type DkanServer, type DkanServerOptions } from '../../src/demo/dkan-server.js';
import { silentLogger } from '../../src/log.js';
import type { Container } from '../../src/container.js';
import type { PortalConfig } from '../../src/config-types.js';
import { ckanPortal, testContainer } from '../support/test-container.js';
import { fixture } from './dkan-support.js';

const uuidOf = (name: string) => String(fixture('dkan7-packages').find((pkg) => pkg.name === name)?.id);
const identifierOf = (title: string) => String(fixture('dkan2-datasets').find((d) => d.title === title)?.identifier);

describe('DKAN harvester: end to end through runHarvest', () => {
  let server: DkanServer | undefined;
  let container: Container | undefined;
  afterEach(async () => {
    await container?.close();
    await server?.close();
    container = undefined;
    server = undefined;
  });

  /** Serves a catalog, replacing the server of an earlier run (the portal's URL follows it). */
  async function serve(options: DkanServerOptions): Promise<void> {
    await server?.close();
    server = await startDkanServer(options);
  }

  /** One full run of the portal against the server now serving; the store stays across runs of a test. */
  async function harvest(portalId = 'py-asuncion') {
    // Tiny catalogs: one dataset gone is over the 10 % withdrawal cap, which test/faults/withdrawal.test.ts covers.
    const portal: PortalConfig = ckanPortal(portalId, server!.url, { platform: 'dkan', pageSize: 4, level: 'municipal', country: 'PY', maxWithdrawalShare: 1 });
    container ??= await testContainer([portal]);
    const c = container;
    const run = await runHarvest({ store: c.store, harvester: dkan, http: c.httpFor(portal), log: silentLogger, owner: 'test', leaseMs: 60_000 }, { portal, full: true });
    return { run, get: (sourceId: string) => c.store.datasets.get(`${portalId}:${sourceId}`) };
  }

  it('a DKAN 7 portal: stores every package with its localized dates read, HTML descriptions as text, and one failed record per bad dataset', async () => {
    await serve({ version: 7, datasets: fixture('dkan7-packages'), ghostNames: ['mapa-de-baches-2018'] });
    const { run, get } = await harvest();
    assert.equal(run.status, 'succeeded');
    assert.equal(run.mode, 'full');
    assert.deepEqual(run.counts, { seen: 10, created: 7, updated: 0, unchanged: 0, withdrawn: 0, restored: 0, failed: 3 });
    assert.deepEqual(run.failures.map((f) => f.code).sort(), ['bad_record', 'bad_record', 'fetch_failed']);
    const ghost = run.failures.find((f) => f.code === 'fetch_failed');
    assert.equal(ghost?.sourceId, 'mapa-de-baches-2018');
    assert.match(ghost?.url ?? '', /package_show\?id=mapa-de-baches-2018$/);

    const budget = (await get(uuidOf('presupuesto-municipal-2019')))!.dataset;
    assert.equal(budget.title, 'Presupuesto municipal 2019');
    assert.deepEqual(budget.modified, { value: '2019-12-10T09:23:00.000Z', raw: 'mar, 10/12/2019 - 09:23' });
    assert.ok(budget.description?.startsWith('Presupuesto general de ingresos y gastos de la Municipalidad de Asunción'));
    assert.ok(!budget.description?.includes('<'), 'HTML turned into text');
    assert.equal(budget.publisher?.name, 'Dirección General de Administración y Finanzas');
    assert.equal(budget.distributions.length, 2);
    const wifi = (await get(uuidOf('puntos-de-wifi-gratuito')))!.dataset;
    assert.deepEqual([wifi.issued?.value, wifi.modified?.value], ['2020-08-21T15:02:00.000Z', '2022-11-02T12:30:00.000Z'], 'accented weekday (mié) too');
    // Mojibake repaired by normalization; an empty resource list is a dataset without distributions.
    assert.equal((await get(uuidOf('nomina-de-funcionarios-municipales')))!.dataset.title, 'Nómina de funcionarios municipales');
    assert.deepEqual((await get(uuidOf('recoleccion-de-residuos-por-barrio')))!.dataset.distributions, []);
  });

  it('a DKAN 2 portal: stores every dataset of the search, its DCAT-US fields normalized', async () => {
    await serve({ version: 2, datasets: fixture('dkan2-datasets') });
    const { run, get } = await harvest('bo-lapaz');
    assert.equal(run.status, 'succeeded');
    assert.deepEqual(run.counts, { seen: 10, created: 7, updated: 0, unchanged: 0, withdrawn: 0, restored: 0, failed: 3 });
    const crashes = (await get(identifierOf('Siniestros viales 2022')))!.dataset;
    assert.equal(crashes.accrualPeriodicity?.code, 'MONTHLY');
    assert.equal(crashes.contactPoint?.email, 'movilidad@lapaz.bo');
    assert.equal(crashes.license?.id, 'CC-BY-4.0');
    assert.deepEqual(crashes.temporal?.start, { value: '2022-01-01', raw: '2022-01-01' });
    const trees = (await get(identifierOf('Arbolado urbano')))!.dataset;
    assert.equal(trees.modified?.value, undefined, 'a duration is not a date');
    assert.equal(trees.issued?.value, '2018-05-01');
  });

  it('a second full run of a DKAN 7 portal withdraws a dataset that is no longer listed and changes nothing else', async () => {
    const catalog = fixture('dkan7-packages');
    await serve({ version: 7, datasets: catalog });
    await harvest();
    await serve({ version: 7, datasets: catalog.filter((pkg) => pkg.name !== 'ferias-municipales') });
    const { run, get } = await harvest();
    assert.equal(run.status, 'succeeded');
    assert.equal(run.counts.withdrawn, 1);
    assert.equal(run.counts.unchanged, 6);
    assert.equal((await get(uuidOf('ferias-municipales')))?.state, 'withdrawn');
  });

  it('when package_show fails for a stored dataset, a complete full run does not withdraw it (the failure knows it by name, the store by uuid) and withdraws one really gone', async () => {
    const catalog = fixture('dkan7-packages');
    await serve({ version: 7, datasets: catalog });
    await harvest();
    // package_list still names ferias-municipales, but package_show fails for it; presupuesto-municipal-2019 is gone.
    const faults: DkanFaultHook = (req) => (req.endpoint === 'package_show' && req.params.id === 'ferias-municipales' ? 'status:500' : undefined);
    await serve({ version: 7, datasets: catalog.filter((pkg) => pkg.name !== 'presupuesto-municipal-2019'), listWithResources: false, faults });
    const { run, get } = await harvest();
    assert.equal(run.status, 'succeeded');
    assert.equal(run.failures.find((f) => f.code === 'fetch_failed')?.sourceId, 'ferias-municipales', 'the failure names the package, not its uuid');
    assert.equal((await get(uuidOf('ferias-municipales')))?.state, 'active', 'not withdrawn: it still exists on the portal');
    assert.equal((await get(uuidOf('presupuesto-municipal-2019')))?.state, 'withdrawn', 'the dataset really gone is withdrawn');
    assert.equal(run.counts.withdrawn, 1);
    const held = run.failures.filter((f) => f.stage === 'withdraw');
    assert.deepEqual(held.map((f) => [f.sourceId, f.code]), [[uuidOf('ferias-municipales'), 'withdrawal_held']]);
    assert.match(held[0].message, /«ferias-municipales»/);
    assert.match(held[0].url ?? '', /package_show\?id=ferias-municipales$/);
  });

  it('a name package_list gives that package_show cannot find (an alias left behind) keeps nothing back: a dataset gone is withdrawn', async () => {
    const catalog = fixture('dkan7-packages');
    await serve({ version: 7, datasets: catalog, ghostNames: ['mapa-de-baches-2018'] });
    await harvest();
    await serve({ version: 7, datasets: catalog.filter((pkg) => pkg.name !== 'ferias-municipales'), ghostNames: ['mapa-de-baches-2018'] });
    const { run, get } = await harvest();
    assert.equal(run.failures.find((f) => f.code === 'fetch_failed')?.sourceId, 'mapa-de-baches-2018');
    assert.equal(run.counts.withdrawn, 1);
    assert.equal((await get(uuidOf('ferias-municipales')))?.state, 'withdrawn');
    assert.deepEqual(run.failures.filter((f) => f.stage === 'withdraw'), []);
  });

  it('when the DKAN API is gone part-way, the run fails and withdraws nothing', async () => {
    const catalog = fixture('dkan7-packages');
    await serve({ version: 7, datasets: catalog });
    await harvest();
    await serve({ version: 7, datasets: catalog, listWithResources: false, faults: (req, n) => (req.endpoint === 'package_show' && n > 2 ? 'status:503' : undefined) });
    const { run, get } = await harvest();
    assert.equal(run.status, 'failed');
    assert.match(run.error?.message ?? '', /package_show failed for 5 datasets in a row/);
    assert.equal(run.counts.withdrawn, 0);
    assert.equal((await get(uuidOf('ferias-municipales')))?.state, 'active');
  });
});

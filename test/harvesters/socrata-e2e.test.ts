/**
 * The Socrata harvester end to end through the run driver: the fake Socrata serves the
 * recorded-shape catalog; the datasets are normalized, scored and stored; federated copies never
 * enter the store; malformed records are recorded as failures; a failed listing withdraws nothing.
 */
import assert from 'node:assert/strict';
import { socrata } from '../../harvesters/socrata.js';
import { runHarvest } from '../../src/harvest/run-driver.js';
import { silentLogger } from '../../src/log.js';
import { startSocrataServer, type SocrataFaultHook, type SocrataServer } from '../../src/demo/socrata-server.js';
import type { Container } from '../../src/container.js';
import type { PortalConfig } from '../../src/config-types.js';
import { ckanPortal, testContainer } from '../support/test-container.js';
import { DOMAIN, readFixture } from './socrata-support.js';

const catalog = readFixture<Record<string, unknown>[]>('catalog.json');
const dataJson = readFixture<unknown>('data.json');

describe('Socrata harvester: end to end', () => {
  let server: SocrataServer | undefined;
  let container: Container | undefined;
  afterEach(async () => {
    await server?.close();
    await container?.close();
    server = undefined;
    container = undefined;
  });

  async function setUp(options: { discovery?: boolean; faults?: SocrataFaultHook } = {}) {
    server = await startSocrataServer({ records: catalog, dataJson, ...options });
    const portal = ckanPortal('co-datos', server.url, { platform: 'socrata', country: 'CO', pageSize: 4, options: { domain: DOMAIN } });
    container = await testContainer([portal]);
    return { c: container, portal };
  }
  const harvest = (c: Container, portal: PortalConfig) =>
    runHarvest({ store: c.store, harvester: socrata, http: c.httpFor(portal), log: silentLogger, owner: 'test', leaseMs: 60_000 }, { portal, full: true });

  it('stores every own dataset normalized and scored, records the malformed ones, and leaves the federated copies out', async () => {
    const { c, portal } = await setUp();
    const run = await harvest(c, portal);
    assert.equal(run.status, 'succeeded');
    assert.equal(run.mode, 'full');
    assert.deepEqual({ seen: run.counts.seen, created: run.counts.created, failed: run.counts.failed }, { seen: 11, created: 9, failed: 2 });
    assert.deepEqual(run.failures.map((f) => f.sourceId ?? null).sort(), ['g8xv-5hrp', null].sort());

    const stored = await c.store.datasets.get('co-datos:a7ms-3kqx');
    const dataset = stored!.dataset;
    assert.equal(dataset.title, 'Accidentes de tránsito en Santiago de Cali 2023');
    assert.equal(dataset.license?.id, 'CC-BY-SA-4.0');
    assert.equal(dataset.accrualPeriodicity?.code, 'MONTHLY');
    assert.deepEqual(dataset.language, ['SPA']);
    assert.equal(dataset.publisher?.name, 'Alcaldía de Santiago de Cali');
    assert.equal(dataset.contactPoint?.email, 'datosabiertos.movilidad@cali.gov.co');
    assert.deepEqual(dataset.distributions.map((d) => d.format?.code), ['CSV', 'JSON']);
    assert.equal(dataset.provenance.sourceModified, '2024-01-30T10:12:51.000Z');
    assert.ok(stored!.quality.total > 0);

    const mojibake = await c.store.datasets.get('co-datos:e4gn-2xcy');
    assert.equal(mojibake?.dataset.title, 'Población por comuna y corregimiento – Santiago de Cali');
    assert.equal((await c.store.datasets.get('co-datos:b3zt-9vwe'))?.dataset.description?.includes('<p>'), false, 'HTML in a description becomes text');
    assert.equal(await c.store.datasets.get('co-datos:d9ur-k4ts'), undefined, 'a federated copy is not stored');
    assert.equal(await c.store.datasets.get('co-datos:h2ka-6dmt'), undefined);
  });

  it('when the Discovery API is not available, harvests data.json into the same dataset ids', async () => {
    const { c, portal } = await setUp({ discovery: false });
    const run = await harvest(c, portal);
    assert.equal(run.status, 'succeeded');
    assert.deepEqual({ created: run.counts.created, failed: run.counts.failed }, { created: 3, failed: 1 });
    const stored = await c.store.datasets.get('co-datos:j5wc-3rne');
    assert.equal(stored?.dataset.license?.id, 'ODbL-1.0');
    assert.equal(stored?.dataset.identifier, 'https://www.datos.gov.co/api/views/j5wc-3rne');
  });

  it('when a later page fails, the run fails naming the URL and withdraws nothing stored before', async () => {
    const { c, portal } = await setUp();
    assert.equal((await harvest(c, portal)).status, 'succeeded');
    await server!.close();
    server = await startSocrataServer({ records: catalog, faults: (req, n) => (req.path === 'catalog' && n === 2 ? 'results_not_array' : undefined) });
    const moved = { ...portal, url: server.url };
    const run = await harvest(c, moved);
    assert.equal(run.status, 'failed');
    assert.equal(run.error?.code, 'bad_response');
    assert.match(run.error?.url ?? '', /\/api\/catalog\/v1\?.*offset=4/);
    const kept = await c.store.datasets.get('co-datos:p4ex-9cqa');
    assert.equal(kept?.state, 'active', 'a dataset of a page never reached is still there');
    assert.equal(run.counts.withdrawn, 0);
  });
});

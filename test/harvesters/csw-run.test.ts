/**
 * The CSW harvester end to end through the run driver: the fake GeoNetwork serves the fixture
 * records in pages, and the run maps, normalizes, scores, stores and withdraws as DESIGN.md says.
 */
import assert from 'node:assert/strict';
import { csw } from '../../harvesters/csw.js';
import { startCswServer, type CswServer, type CswServerOptions } from '../../src/demo/csw-server.js';
import { runHarvest } from '../../src/harvest/run-driver.js';
import { silentLogger } from '../../src/log.js';
import type { Container } from '../../src/container.js';
import type { PortalConfig } from '../../src/config-types.js';
import { ckanPortal, testContainer } from '../support/test-container.js';
import { fixtureRecords } from './csw-support.js';

const fixtures = fixtureRecords();
const LIMITES = 'gt-ideg:1a2f6c1e-5d0b-4c7a-9b1e-0c3f2a8d9e41';
const POBLADOS = 'gt-ideg:8d44a9c0-6f1e-4b37-9c25-e0b8f7d31a06';

describe('CSW harvester: end to end through runHarvest', () => {
  const servers: CswServer[] = [];
  let c: Container | undefined;
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
    await c?.close();
    c = undefined;
  });

  async function serve(options: Partial<CswServerOptions> = {}): Promise<CswServer> {
    const server = await startCswServer({ records: fixtures.map((f) => f.xml), maxRecords: 4, ...options });
    servers.push(server);
    return server;
  }

  async function harvest(portal: PortalConfig) {
    c ??= await testContainer([portal]);
    return runHarvest({ store: c.store, harvester: csw, http: c.httpFor(portal), log: silentLogger, owner: 'test', leaseMs: 60_000 }, { portal, full: true });
  }

  // Tiny catalogs: one record gone is over the 10 % withdrawal cap, which test/faults/withdrawal.test.ts covers.
  const portalAt = (url: string) => ckanPortal('gt-ideg', url, { platform: 'csw', country: 'GT', maxWithdrawalShare: 1 });

  it('stores every dataset record normalized and scored, records the malformed ones and leaves services out', async () => {
    const server = await serve();
    const run = await harvest(portalAt(server.url));
    assert.equal(run.status, 'succeeded');
    assert.deepEqual(run.counts, { seen: 8, created: 6, updated: 0, unchanged: 0, withdrawn: 0, restored: 0, failed: 2 });
    assert.deepEqual(run.failures.map((f) => f.code).sort(), ['bad_record', 'bad_record']);

    const stored = await c!.store.datasets.get(LIMITES);
    const dataset = stored!.dataset;
    assert.equal(dataset.title, 'Límites municipales de la República de Guatemala');
    assert.equal(dataset.license?.id, 'CC-BY-4.0');
    assert.deepEqual(dataset.themes.map((t) => t.code), ['REGI', undefined]);
    assert.deepEqual(dataset.language, ['SPA']);
    assert.deepEqual(dataset.spatial?.bbox, [-92.2714, 13.7373, -88.2232, 17.8157]);
    assert.equal(dataset.modified?.value, '2023-08-01');
    assert.equal(dataset.landingPage, `${new URL(server.url).origin}/geonetwork/srv/spa/catalog.search#/metadata/1a2f6c1e-5d0b-4c7a-9b1e-0c3f2a8d9e41`);
    assert.deepEqual(dataset.distributions.map((d) => d.format?.code), ['WMS_SRVC', 'SHP', 'HTML']);
    assert.equal(dataset.provenance.sourceModified, '2024-02-19T16:42:07.000Z');
    assert.match(dataset.provenance.sourceUrl, /request=GetRecords/);
    assert.ok(stored!.quality.total > 0);
    assert.equal((await c!.store.datasets.get(POBLADOS))?.dataset.title, 'Lugares poblados según el XII Censo Nacional de Población 2018', 'mojibake repaired by normalization');
    assert.equal(await c!.store.datasets.get('gt-ideg:9f10c6b2-3e57-4a80-8d19-2b6e4f0a9c37'), undefined, 'service record');
  });

  it('when a later complete listing no longer holds a record, withdraws it; when a listing fails part-way, withdraws nothing', async () => {
    const first = await serve();
    await harvest(portalAt(first.url));

    const failing = await serve({ faults: (_params, n) => (n === 2 ? 'exception' : undefined) });
    const failed = await harvest(portalAt(failing.url));
    assert.equal(failed.status, 'failed');
    assert.equal(failed.error?.code, 'api_error');
    assert.equal(failed.counts.withdrawn, 0);
    assert.equal((await c!.store.datasets.get(POBLADOS))?.state, 'active');

    const smaller = await serve({ records: fixtures.filter((f) => f.name !== 'lugares-poblados').map((f) => f.xml) });
    const complete = await harvest(portalAt(smaller.url));
    assert.equal(complete.status, 'succeeded');
    assert.equal(complete.counts.withdrawn, 1);
    assert.equal((await c!.store.datasets.get(POBLADOS))?.state, 'withdrawn');
    assert.equal((await c!.store.datasets.get(LIMITES))?.state, 'active');
  });

  it('when the server answers HTML with 200 on the first page, the run fails naming the URL and stores nothing', async () => {
    const server = await serve({ faults: () => 'html' });
    const run = await harvest(portalAt(server.url));
    assert.equal(run.status, 'failed');
    assert.equal(run.error?.code, 'html_instead_of_data');
    assert.equal(run.error?.url, server.requests[0]);
    assert.equal(await c!.store.datasets.get(LIMITES), undefined);
  });
});

/** The DCAT harvester end to end: the fake portal, the run driver, normalization, scoring, the store, rescore. */
import assert from 'node:assert/strict';
import { dcat } from '../../harvesters/dcat.js';
import { startDcatServer, type DcatServer } from '../../src/demo/dcat-server.js';
import { runHarvest } from '../../src/harvest/run-driver.js';
import { rescorePortal } from '../../src/harvest/rescore.js';
import { silentLogger } from '../../src/log.js';
import type { Container } from '../../src/container.js';
import type { PortalConfig } from '../../src/config-types.js';
import { ckanPortal, testContainer } from '../support/test-container.js';
import { datasetTtl, fixture, PREFIXES } from './dcat-support.js';

const RANKING = 'https://datos.segeplan.gob.gt/dataset/8a3e9c31-5b7d-4f1e-9c2a-0d6b1e4f7a21';
const NBI = 'https://datos.segeplan.gob.gt/dataset/2f9d4b6e-1c3a-4e8b-a7d5-93c1f0e2b845';

describe('DCAT harvester: end to end', () => {
  let server: DcatServer | undefined;
  let c: Container | undefined;
  afterEach(async () => {
    await c?.close();
    await server?.close();
    c = undefined;
    server = undefined;
  });

  const harvest = (container: Container, portal: PortalConfig) =>
    runHarvest({ store: container.store, harvester: dcat, http: container.httpFor(portal), log: silentLogger, owner: 'test', leaseMs: 60_000 }, { portal, full: true });

  it('harvests a paged Turtle catalog into normalized, scored datasets, records the bad one, and rescores offline from the stored records', async () => {
    server = await startDcatServer({ catalog: fixture('catalogo-ckan.ttl'), pageSize: 3 });
    const portal = ckanPortal('gt-segeplan', `${server.url}/catalog.ttl`, { platform: 'dcat', country: 'GT' });
    c = await testContainer([portal]);

    const run = await harvest(c, portal);
    assert.equal(run.status, 'succeeded');
    assert.deepEqual({ seen: run.counts.seen, created: run.counts.created, failed: run.counts.failed }, { seen: 7, created: 6, failed: 1 });
    assert.equal(run.failures[0].code, 'bad_record');
    assert.equal(run.failures[0].url, `${server.url}/catalog.ttl?page=2`);

    const ranking = (await c.store.datasets.get(`gt-segeplan:${RANKING}`))?.dataset;
    assert.ok(ranking, 'stored under the dataset IRI');
    assert.equal(ranking.title, 'Ranking de la Gestión Municipal 2020-2021');
    assert.equal(ranking.publisher?.name, 'Secretaría de Planificación y Programación de la Presidencia');
    assert.equal(ranking.contactPoint?.email, 'datosabiertos@segeplan.gob.gt', 'mailto: dropped by normalization');
    assert.equal(ranking.accrualPeriodicity?.code, 'BIENNIAL');
    assert.deepEqual(ranking.language, ['SPA']);
    assert.equal(ranking.distributions[0].byteSize, 245760);
    assert.equal(ranking.distributions[0].format?.code, 'CSV');
    assert.equal(ranking.modified?.value, '2024-10-21T20:11:05.102Z');
    assert.equal(ranking.provenance.sourceUrl, `${server.url}/catalog.ttl`);
    const nbi = (await c.store.datasets.get(`gt-segeplan:${NBI}`))?.dataset;
    assert.deepEqual(nbi?.temporal?.start?.value, '2018-01-01');
    assert.deepEqual(nbi?.spatial?.bbox, [-92.23, 13.74, -88.22, 17.82]);

    await server.close(); // rescore must not need the portal
    server = undefined;
    const rescored = await rescorePortal(c.store, dcat, portal, new Date());
    assert.deepEqual({ datasets: rescored.datasets, failed: rescored.failed, changed: rescored.changed }, { datasets: 6, failed: 0, changed: 0 });
  });

  it('when a later page is invalid Turtle, the run fails naming the URL and withdraws nothing', async () => {
    server = await startDcatServer({ catalog: fixture('catalogo-ckan.ttl'), pageSize: 3 });
    const portal = ckanPortal('gt-segeplan', `${server.url}/catalog.ttl`, { platform: 'dcat', country: 'GT' });
    c = await testContainer([portal]);
    assert.equal((await harvest(c, portal)).status, 'succeeded');
    await server.close();

    // The same portal, now answering a valid first page whose next page is broken Turtle.
    const first = `${PREFIXES}${datasetTtl('nuevo')}<> hydra:next <roto.ttl> .\n`;
    server = await startDcatServer({ documents: { '/catalog.ttl': { contentType: 'text/turtle', body: first } } });
    const broken = { ...portal, url: `${server.url}/catalog.ttl` };

    const run = await harvest(c, broken);
    assert.equal(run.status, 'failed');
    assert.equal(run.error?.url, `${server.url}/roto.ttl`);
    assert.match(run.error?.message ?? '', /is not valid Turtle/);
    assert.equal(run.counts.withdrawn, 0);
    const stillThere = await c.store.datasets.get(`gt-segeplan:${NBI}`);
    assert.equal(stillThere?.state, 'active');
  });
});

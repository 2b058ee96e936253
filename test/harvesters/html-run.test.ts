/** The HTML harvester end to end through the run driver: stored, normalized, and withdrawn only after complete listings. */
import assert from 'node:assert/strict';
import { html } from '../../harvesters/html.js';
import type { Container } from '../../src/container.js';
import type { PortalConfig } from '../../src/config-types.js';
import { startHtmlServer, type HtmlFaultHook, type HtmlServer } from '../../src/demo/html-server.js';
import { runHarvest } from '../../src/harvest/run-driver.js';
import { silentLogger } from '../../src/log.js';
import { ckanPortal, testContainer } from '../support/test-container.js';
import { LISTING_OPTIONS } from './html-support.js';

describe('HTML harvester: end to end', () => {
  let server: HtmlServer | undefined;
  let container: Container | undefined;
  let faults: HtmlFaultHook | undefined;
  afterEach(async () => {
    await server?.close();
    await container?.close();
    server = container = faults = undefined;
  });

  async function setUp(options: Record<string, unknown> = {}): Promise<{ portal: PortalConfig; c: Container; url: string }> {
    server = await startHtmlServer({ faults: (path, n) => faults?.(path, n) });
    // A tiny site: one page gone is over the 10 % withdrawal cap, which test/faults/withdrawal.test.ts covers.
    const portal = ckanPortal('ec-villa-esperanza', server.url, { platform: 'html', level: 'municipal', options, maxWithdrawalShare: 1 });
    container = await testContainer([portal]);
    return { portal, c: container, url: server.url };
  }

  const harvest = (c: Container, portal: PortalConfig) =>
    runHarvest({ store: c.store, harvester: html, http: c.httpFor(portal), log: silentLogger, owner: 'test', leaseMs: 60_000 }, { portal, full: true });

  it('stores every dataset of the site normalized, records the malformed pages, and withdraws a page\'s dataset only after a complete listing', async () => {
    const { portal, c, url } = await setUp();
    const first = await harvest(c, portal);
    assert.equal(first.status, 'succeeded');
    assert.deepEqual(first.counts, { seen: 11, created: 9, updated: 0, unchanged: 0, withdrawn: 0, restored: 0, failed: 2 });
    // A malformed page keeps what was stored under its address; a page gone does not.
    assert.deepEqual(first.failures.map((f) => [f.code, f.url, f.sourceId]), [
      ['bad_jsonld', `${url}/datos-abiertos/calidad-del-agua`, `${url}/datos-abiertos/calidad-del-agua`],
      ['page_gone', `${url}/datos-abiertos/retirado`, undefined],
    ]);

    const catastro = (await c.store.datasets.get(`ec-villa-esperanza:${url}/datos-abiertos/catastro`))?.dataset;
    assert.equal(catastro?.title, 'Información catastral predial urbana', 'the mojibake is repaired');
    assert.equal(catastro?.publisher?.name, 'Dirección de Avalúos y Catastros');
    assert.equal(catastro?.provenance.sourceUrl, `${url}/datos-abiertos/catastro`);
    assert.equal(catastro?.distributions[0].format?.code, 'ZIP');
    const january = (await c.store.datasets.get(`ec-villa-esperanza:${url}/transparencia/lotaip-2024-01`))?.dataset;
    assert.deepEqual(january?.distributions.map((d) => d.format?.code), ['PDF', 'PDF', 'XLSX', 'XLSX', 'XLSX']);
    assert.equal(january?.publisher?.name, 'GAD Municipal del Cantón Villa Esperanza');

    // January's page fails: the run reads the rest, fails, and withdraws nothing.
    faults = (path) => (path === '/transparencia/lotaip-2024-01' ? 'status:503' : undefined);
    const failing = await harvest(c, portal);
    assert.equal(failing.status, 'failed');
    assert.equal(failing.error?.code, 'http_status');
    assert.equal(failing.counts.withdrawn, 0);
    assert.equal(failing.counts.unchanged, 9 - 1);
    assert.equal((await c.store.datasets.get(january!.id))?.state, 'active');

    // January's page is gone: the listing is complete without it, so its dataset is withdrawn.
    faults = (path) => (path === '/transparencia/lotaip-2024-01' ? 'status:404' : undefined);
    const gone = await harvest(c, portal);
    assert.equal(gone.status, 'succeeded');
    assert.equal(gone.counts.withdrawn, 1);
    assert.equal((await c.store.datasets.get(january!.id))?.state, 'withdrawn');
  });

  it('stores the blocks of a paginated listing read with selectors, the block without a title recorded', async () => {
    const { portal, c, url } = await setUp(LISTING_OPTIONS);
    const run = await harvest(c, portal);
    assert.equal(run.status, 'succeeded');
    assert.deepEqual([run.counts.created, run.counts.failed], [5, 1]);
    assert.equal(run.failures[0].code, 'missing_title');
    const patentes = (await c.store.datasets.get(`ec-villa-esperanza:${url}/datos-abiertos/conjuntos#patentes-municipales`))?.dataset;
    assert.equal(patentes?.description, 'Registro de patentes municipales emitidas en 2023.\n\nIncluye la actividad económica según la clasificación CIIU.');
    assert.equal(patentes?.modified?.value, '2024-01-31');
    assert.deepEqual(patentes?.distributions.map((d) => d.format?.code), ['CSV', 'XLSX']);
  });
});

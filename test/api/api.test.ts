import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { once } from 'node:events';
import { createApp } from '../../src/api/app.js';
import { startCkanServer, type CkanServer } from '../../src/demo/ckan-server.js';
import { silentLogger } from '../../src/log.js';
import { ckanPackages } from '../support/ckan-packages.js';
import { ckanPortal, testContainer } from '../support/test-container.js';
import type { Container } from '../../src/container.js';

describe('HTTP API', () => {
  let portal: CkanServer;
  let c: Container;
  let server: Server;
  let base: string;
  // Response bodies are JSON of many shapes; the assertions say what each must hold.
  const get = async (path: string): Promise<{ status: number; type: string; body: any }> => {
    const res = await fetch(base + path);
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, type, body: type.includes('json') ? await res.json() : await res.text() };
  };

  before(async () => {
    portal = await startCkanServer({ packages: ckanPackages(30) });
    c = await testContainer([ckanPortal('ec-prueba', portal.url)]);
    await c.harvest({ portal: c.config.portals[0] });
    server = createApp({ store: c.store, portals: c.config.portals, log: silentLogger, version: 'test' }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  after(async () => {
    server.close();
    await c.close();
    await portal.close();
  });

  it('health names the store and the version', async () => {
    const { status, body } = await get('/api/health');
    assert.equal(status, 200);
    assert.deepEqual(body, { status: 'ok', store: c.store.description, version: 'test' });
  });

  it('an accent-free search finds accented titles, with facets and paging', async () => {
    const { body } = await get('/api/datasets?q=educacion&limit=2&page=2');
    assert.equal(body.page, 2);
    assert.equal(body.limit, 2);
    assert.equal(body.items.length, 2);
    assert.ok(body.total >= 5);
    assert.ok(body.items.every((d: { title: string; portalId: string }) => d.portalId === 'ec-prueba'));
    assert.deepEqual(body.facets.portal, [{ value: 'ec-prueba', count: body.total }]);
    for (const name of ['country', 'level', 'publisher', 'theme', 'format', 'license', 'rating']) assert.ok(Array.isArray(body.facets[name]), name);
  });

  it('a facet filter narrows the result to that value', async () => {
    const all = await get('/api/datasets?limit=100');
    const publisher = all.body.facets.publisher[0];
    const { body } = await get(`/api/datasets?publisher=${encodeURIComponent(publisher.value)}&limit=100`);
    assert.equal(body.total, publisher.count);
    assert.ok(body.total < all.body.total);
    assert.ok(body.items.every((d: { publisher: string }) => d.publisher === publisher.value));
  });

  it('bad parameters get 400 with a message that names them', async () => {
    for (const [path, name] of [['/api/datasets?limit=0', 'limit'], ['/api/datasets?limit=abc', 'limit'], ['/api/datasets?page=-1', 'page'], ['/api/datasets?level=galactic', 'level'], ['/api/datasets?q=a&q=b', 'q'], ['/api/report?level=x', 'level']]) {
      const { status, body } = await get(path);
      assert.equal(status, 400, path);
      assert.match(body.error.message, new RegExp(`'${name}'`), path);
    }
    const long = await get(`/api/datasets?q=${'a'.repeat(500)}`);
    assert.equal(long.status, 400);
  });

  it('hostile search text is not an error', async () => {
    for (const q of ['"', '(', 'AND', '*', '-x', "l'agua", 'NEAR(a b)']) {
      const { status } = await get(`/api/datasets?q=${encodeURIComponent(q)}`);
      assert.equal(status, 200, q);
    }
  });

  it('a dataset is returned with its quality; unknown ids are 404; a bad escape is 400', async () => {
    const { status, body } = await get(`/api/datasets/${encodeURIComponent('ec-prueba:pkg-0004')}`);
    assert.equal(status, 200);
    assert.equal(body.dataset.id, 'ec-prueba:pkg-0004');
    const a1 = body.quality.indicators.find((i: { id: string }) => i.id === 'A1');
    assert.equal(a1.code, 'link_not_checked');
    assert.equal(a1.gain, 50);
    assert.match(a1.explanation.es, /\S/);
    assert.match(a1.recommendation.en, /\S/);
    for (const i of body.quality.indicators) assert.ok(i.title.es && i.explanation.es && (i.points >= i.max || i.recommendation), i.id);
    const gains = body.recommendations.map((r: { gain: number }) => r.gain);
    assert.ok(gains.length > 0 && gains.every((g: number, k: number) => k === 0 || gains[k - 1] >= g), 'ordered by gain');
    assert.deepEqual(body.links, []);
    assert.equal((await get('/api/datasets/nada:nada')).status, 404);
    assert.equal((await get('/api/datasets/%E0%A4%A')).status, 400);
  });

  it('portals list the configured portal with its last run, count and score', async () => {
    const { body } = await get('/api/portals');
    const p = body.items.find((x: { id: string }) => x.id === 'ec-prueba');
    assert.equal(p.datasets, 30);
    assert.equal(p.lastRun.status, 'succeeded');
    assert.equal(typeof p.score, 'number');
  });

  it('portal, publisher and regional reports aggregate the stored scores', async () => {
    const portalReport = await get('/api/portals/ec-prueba/report');
    assert.equal(portalReport.body.summary.datasets, 30);
    const publisher = portalReport.body.publishers[0];
    const card = await get(`/api/publishers/${encodeURIComponent(publisher.id)}/report`);
    assert.equal(card.status, 200);
    assert.equal(card.body.summary.datasets, publisher.datasets);
    const region = await get('/api/report?country=ec');
    assert.equal(region.body.portals[0].id, 'ec-prueba');
    assert.equal((await get('/api/portals/nada/report')).status, 404);
    assert.equal((await get('/api/publishers/ec-prueba%2Fnadie/report')).status, 404);
  });

  it('runs are listed newest first; an unknown portal is 404', async () => {
    const { body } = await get('/api/runs?portal=ec-prueba');
    assert.equal(body.items[0].portalId, 'ec-prueba');
    assert.equal((await get('/api/runs?portal=nada')).status, 404);
  });

  it('the DCAT catalog exports as JSON-LD and Turtle', async () => {
    const jsonld = await get('/api/catalog?format=jsonld');
    assert.equal(jsonld.status, 200);
    const graph = (typeof jsonld.body === 'string' ? JSON.parse(jsonld.body) : jsonld.body)['@graph'] as { '@type'?: string }[];
    assert.equal(graph.filter((n) => n['@type'] === 'Dataset').length, 30);
    const ttl = await get('/api/catalog?format=ttl&portal=ec-prueba');
    assert.match(ttl.type, /text\/turtle/);
    assert.match(ttl.body, /dcat:Dataset/);
  });
});

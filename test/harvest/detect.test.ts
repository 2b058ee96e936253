import assert from 'node:assert/strict';
import { detectPlatform } from '../../src/harvest/detect.js';
import { createHttpClient } from '../../src/harvest/http.js';
import { startCkanServer } from '../../src/demo/ckan-server.js';
import { ckanPackages } from '../support/ckan-packages.js';
import { answer, startLinkServer, type Handler } from '../links/link-server.js';
import { ConfigError, HarvestError } from '../../src/errors.js';
import { ckanPortal, testContainer } from '../support/test-container.js';

const http = createHttpClient({
  timeoutMs: 2000, maxResponseBytes: 1 << 20, retries: 0, backoffLimitMs: 10, maxRetryAfterMs: 100,
  userAgent: 'Cosecha test', insecure: false, politeness: { concurrency: 4, intervalMs: 0 },
});

const json = (body: unknown): Handler => answer(200, { 'content-type': 'application/json' }, JSON.stringify(body));
const html = answer(200, { 'content-type': 'text/html; charset=utf-8' }, '<!DOCTYPE html><html lang="es"><body><h1>Municipio</h1></body></html>');

/** Detects against a server answering `routes` (every other path is a 404 page). */
async function detectOn(routes: Record<string, Handler>, path = '/') {
  const server = await startLinkServer(routes);
  try {
    return await detectPlatform(http, server.origin + path);
  } finally {
    await server.close();
  }
}

describe('platform detection', () => {
  it('names CKAN from status_show, under a path prefix too, and says why', async () => {
    const server = await startCkanServer({ packages: ckanPackages(2), basePath: '/busca' });
    try {
      const found = await detectPlatform(http, server.url);
      assert.equal(found.platform, 'ckan');
      assert.match(found.reason, /status_show answered CKAN 2\.10\.4/);
      assert.ok(found.tried.some((t) => t.url.endsWith('/busca/api/3/action/status_show')));
    } finally {
      await server.close();
    }
  });

  const cases: [string, Record<string, Handler>, string, RegExp][] = [
    ['DKAN 2', { '/': html, '/api/1/search': json({ total: '3', results: { a: {} } }) }, 'dkan', /DKAN 2/],
    ['DKAN 7', { '/': html, '/api/3/action/package_list': json({ success: true, result: ['presupuesto'] }) }, 'dkan', /DKAN 7/],
    ['OpenDataSoft', { '/': html, '/api/explore/v2.1/catalog/datasets': json({ total_count: 12, results: [] }) }, 'opendatasoft', /Explore v2\.1/],
    ['Socrata', { '/': html, '/api/catalog/v1': json({ resultSetSize: 40, results: [] }) }, 'socrata', /Discovery API/],
    ['ArcGIS Hub', { '/': html, '/api/feed/dcat-us/1.1.json': json({ dataset: [] }), '/data.json': json({ dataset: [] }) }, 'arcgis', /Hub/],
    ['a site with data.json', { '/': html, '/data.json': json({ conformsTo: 'https://project-open-data.cio.gov/v1.1/schema', dataset: [{}, {}] }) }, 'datajson', /data\.json with 2 datasets/],
    ['an HTML site without an API', { '/': html }, 'html', /HTML page/],
  ];
  for (const [name, routes, platform, reason] of cases) {
    it(`names ${platform} for ${name}`, async () => {
      const found = await detectOn(routes);
      assert.equal(found.platform, platform);
      assert.match(found.reason, reason);
    });
  }

  it('names dcat for a Turtle or RDF/XML catalog and csw for a CSW endpoint', async () => {
    const turtle = answer(200, { 'content-type': 'text/turtle' }, '@prefix dcat: <http://www.w3.org/ns/dcat#> .');
    assert.equal((await detectOn({ '/catalog.ttl': turtle }, '/catalog.ttl')).platform, 'dcat');
    const rdfxml = answer(200, { 'content-type': 'application/xml' }, '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>');
    assert.equal((await detectOn({ '/catalog.rdf': rdfxml }, '/catalog.rdf')).platform, 'dcat');
    const csw: Handler = (req, res) => {
      const capabilities = (req.url ?? '').includes('GetCapabilities');
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(capabilities
        ? '<csw:Capabilities xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" xmlns:ows="http://www.opengis.net/ows"><ows:ServiceIdentification><ows:ServiceType>CSW</ows:ServiceType></ows:ServiceIdentification></csw:Capabilities>'
        : '<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows"><ows:Exception exceptionCode="MissingParameterValue" locator="service"/></ows:ExceptionReport>');
    };
    const found = await detectOn({ '/geonetwork/srv/spa/csw': csw }, '/geonetwork/srv/spa/csw');
    assert.equal(found.platform, 'csw');
    assert.match(found.reason, /GetCapabilities/);
  });

  it('a portal entry with platform auto is detected once and harvested with the platform found', async () => {
    const server = await startCkanServer({ packages: ckanPackages(3) });
    const c = await testContainer([ckanPortal('ec-auto', server.url, { platform: 'auto' })]);
    try {
      const run = await c.harvest({ portal: c.config.portals[0] });
      assert.equal(run.status, 'succeeded');
      assert.equal(run.counts.created, 3);
      assert.equal((await c.store.portals.get('ec-auto'))?.platform, 'ckan');
      await c.harvest({ portal: c.config.portals[0] });
      assert.equal(server.requests.filter((u) => u.includes('status_show')).length, 1, 'detected once per process');
      assert.equal((await c.rescore('ec-auto')).datasets, 3, 'rescore maps with the platform found');
    } finally {
      await c.close();
      await server.close();
    }
  });

  it('says what it tried when nothing is recognized, and stops at once when the portal cannot be reached', async () => {
    await assert.rejects(detectOn({ '/': json({ hola: 'mundo' }) }), (e) => e instanceof ConfigError && e.code === 'not_detected' && /status_show \(HTTP 404\)/.test(e.message));
    const server = await startLinkServer({});
    const gone = server.origin;
    await server.close();
    await assert.rejects(detectPlatform(http, gone), (e) => e instanceof HarvestError && e.code === 'unreachable');
  });
});

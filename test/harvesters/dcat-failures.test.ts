/** Documents a DCAT harvest must survive: broken syntax, lying content types, errors disguised as success. */
import assert from 'node:assert/strict';
import { startDcatServer, type DcatServer, type DcatServerOptions } from '../../src/demo/dcat-server.js';
import { isHarvestError } from '../../src/errors.js';
import { chooseSyntax } from '../../harvesters/dcat-parse.js';
import { datasetTtl, fixture, listDcat, PREFIXES, rejection } from './dcat-support.js';

describe('DCAT harvester: failure cases', () => {
  let server: DcatServer | undefined;
  const start = async (options: DcatServerOptions = {}) => (server = await startDcatServer(options));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('when the Turtle is invalid, the run fails with the URL and the parser\'s message (its line), not a crash', async () => {
    const { url } = await start();
    const error = await rejection(listDcat(`${url}/roto.ttl`));
    assert.ok(isHarvestError(error));
    assert.equal(error.code, 'bad_response');
    assert.equal(error.url, `${url}/roto.ttl`);
    assert.match(error.message, new RegExp(`^The catalog at ${url}/roto\\.ttl is not valid Turtle: .*line 7`));
  });

  it('when the RDF/XML is not well-formed, the run fails with not_xml, the URL and the parser\'s message', async () => {
    const { url } = await start();
    const error = await rejection(listDcat(`${url}/roto.rdf`));
    assert.equal(error.code, 'not_xml');
    assert.equal(error.url, `${url}/roto.rdf`);
    assert.equal(error.message, `The catalog at ${url}/roto.rdf is not valid RDF/XML: line 4, column 56: char '&' is not expected.`);
  });

  it('when the JSON-LD is truncated, the run fails with not_json naming the URL', async () => {
    const { url } = await start();
    const error = await rejection(listDcat(`${url}/roto.jsonld`));
    assert.equal(error.code, 'not_json');
    assert.ok(error.message.includes(`${url}/roto.jsonld`));
  });

  it('when a later page is broken, the pages before it are yielded and then the run fails', async () => {
    const { url } = await start({ documents: { '/catalogo.ttl': { contentType: 'text/turtle', body: `${PREFIXES}${datasetTtl('a')}<> hydra:next <roto.ttl> .\n` } } });
    const seen: string[] = [];
    const error = await rejection(listDcat(`${url}/catalogo.ttl`, { onPage: (page) => seen.push(page.url) }));
    assert.equal(error.code, 'bad_response');
    assert.equal(error.url, `${url}/roto.ttl`);
    assert.deepEqual(seen, [`${url}/catalogo.ttl`]);
  });

  it('when the portal answers an HTML page with HTTP 200, the run fails with html_instead_of_data', async () => {
    const { url } = await start({ catalog: fixture('catalogo-ckan.ttl'), faults: () => 'html' });
    const error = await rejection(listDcat(`${url}/catalog.ttl`));
    assert.equal(error.code, 'html_instead_of_data');
    assert.ok(error.message.includes(`${url}/catalog.ttl`));
  });

  it('when the portal answers an empty body, the run fails with empty_body', async () => {
    const { url } = await start({ catalog: fixture('catalogo-ckan.ttl'), faults: () => 'empty' });
    assert.equal((await rejection(listDcat(`${url}/catalog.ttl`))).code, 'empty_body');
  });

  it('when the portal answers RDF that is not a DCAT catalog, the run fails with bad_response', async () => {
    const body = `${PREFIXES}<https://datos.gob.ec/> a foaf:Organization ; foaf:name "Gobierno del Ecuador" .\n`;
    const { url } = await start({ documents: { '/catalog.ttl': { contentType: 'text/turtle', body } } });
    const error = await rejection(listDcat(`${url}/catalog.ttl`));
    assert.equal(error.code, 'bad_response');
    assert.match(error.message, /no DCAT catalog nor dataset/);
  });

  it('when the portal answers 500 twice and then 200, the page is retried and the listing completes', async () => {
    const { url, requests } = await start({ catalog: fixture('catalogo-ckan.ttl'), pageSize: 10, faults: (_req, n) => (n <= 2 ? 'status:500' : undefined) });
    const pages = await listDcat(`${url}/catalog.ttl`);
    assert.equal(requests.length, 3);
    assert.equal(pages[0].records.length, 7);
  });

  it('when the portal does not answer within the timeout, the run fails with timeout', async () => {
    const { url } = await start({ catalog: fixture('catalogo-ckan.ttl'), faults: () => 'timeout' });
    assert.equal((await rejection(listDcat(`${url}/catalog.ttl`, { http: { timeoutMs: 200, retries: 0 } }))).code, 'timeout');
  });

  it('when the run is aborted while a request is waiting, stops with the abort reason', async () => {
    const { url } = await start({ catalog: fixture('catalogo-ckan.ttl'), faults: () => 'timeout' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('apagado')), 100);
    const error = await rejection(listDcat(`${url}/catalog.ttl`, { signal: controller.signal, http: { timeoutMs: 5000, retries: 0 } }));
    assert.equal(error.message, 'apagado');
  });

  it('when a page is larger than the size cap, the run fails with too_large', async () => {
    const { url } = await start({ catalog: fixture('catalogo-ckan.ttl'), pageSize: 10 });
    assert.equal((await rejection(listDcat(`${url}/catalog.ttl`, { http: { maxResponseBytes: 2048 } }))).code, 'too_large');
  });

  for (const [path, contentType, what] of [
    ['/catalog.jsonld', 'text/plain', 'JSON-LD sent as text/plain'],
    ['/catalog.rdf', 'application/octet-stream', 'RDF/XML sent as application/octet-stream'],
    ['/catalog.nt', 'application/octet-stream', 'N-Triples sent as application/octet-stream'],
    ['/catalog.ttl', 'application/rdf+xml', 'Turtle sent as application/rdf+xml'],
    ['/catalog.rdf', 'application/json', 'RDF/XML sent as application/json'],
  ]) {
    it(`when the server lies about the syntax (${what}), the body and the extension decide and every dataset is read`, async () => {
      const { url } = await start({ catalog: fixture('catalogo-ckan.ttl'), pageSize: 10, contentType });
      const pages = await listDcat(url + path);
      assert.equal(pages[0].records.length, 7);
    });
  }

  it('chooses the parser by content type, then by the body where it is unambiguous, then by extension', () => {
    const cases: [string, string, string, string][] = [
      ['https://p.gob.ec/catalog', 'text/turtle; charset=utf-8', '<https://p.gob.ec/d/1> a <http://www.w3.org/ns/dcat#Dataset> .', 'turtle'],
      ['https://p.gob.ec/catalog', 'application/n-triples', '<https://p.gob.ec/d/1> <http://purl.org/dc/terms/title> "x" .', 'n-triples'],
      ['https://p.gob.ec/catalog', 'application/rdf+xml', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', 'rdfxml'],
      ['https://p.gob.ec/catalog', 'text/xml', '\uFEFF<?xml version="1.0"?><rdf:RDF/>', 'rdfxml'],
      ['https://p.gob.ec/catalog', 'application/json', '{"@context": {}}', 'jsonld'],
      ['https://p.gob.ec/catalog', 'text/turtle', '  [{"@id": "x"}]', 'jsonld'],
      ['https://p.gob.ec/catalog.ttl', 'text/plain', '<https://p.gob.ec/d/1> a <x> .', 'turtle'],
      ['https://p.gob.ec/catalog.trig', 'application/octet-stream', '@prefix dcat: <http://www.w3.org/ns/dcat#> .', 'trig'],
      ['https://p.gob.ec/catalog', 'application/octet-stream', '@prefix dcat: <http://www.w3.org/ns/dcat#> .', 'turtle'],
      ['https://p.gob.ec/catalog', 'application/octet-stream', '<dcat:Catalog xmlns:dcat="http://www.w3.org/ns/dcat#"/>', 'rdfxml'],
    ];
    for (const [url, contentType, body, syntax] of cases) {
      assert.equal(chooseSyntax({ url, status: 200, contentType, body }), syntax, `${contentType} ${body.slice(0, 30)}`);
    }
    const html = () => chooseSyntax({ url: 'https://p.gob.ec/catalog.ttl', status: 200, contentType: 'text/turtle', body: '<!DOCTYPE html><html><body>Mantenimiento</body></html>' });
    assert.throws(html, (e: unknown) => isHarvestError(e) && e.code === 'html_instead_of_data');
  });
});

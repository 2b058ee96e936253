/**
 * Golden tests of the DCAT RDF harvester, one per syntax. The recorded-shape CKAN catalog
 * (test/fixtures/dcat/catalogo-ckan.ttl) is served by the fake DCAT portal in pages, in Turtle,
 * N-Triples, RDF/XML and JSON-LD: every syntax must give the same drafts. A recorded RDF/XML
 * catalog and two piveau-style JSON-LD pages have their own goldens.
 * `UPDATE_GOLDEN=1 npx mocha test/harvesters/dcat.test.ts` rewrites test/fixtures/dcat/expected (review the diff).
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dcat } from '../../harvesters/dcat.js';
import { startDcatServer, type DcatServer } from '../../src/demo/dcat-server.js';
import { fixture, listDcat, mapRecords } from './dcat-support.js';

const expectedDir = fileURLToPath(new URL('../fixtures/dcat/expected/', import.meta.url));

/** Compares with (or, with UPDATE_GOLDEN=1, writes) test/fixtures/dcat/expected/<name>.json. */
function assertGolden(name: string, actual: unknown): void {
  const file = `${expectedDir}${name}.json`;
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(expectedDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
  }
  assert.deepEqual(actual, JSON.parse(readFileSync(file, 'utf8')), `golden ${name}.json`);
}

describe('DCAT harvester: golden catalogs', () => {
  let server: DcatServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('is the `dcat` platform and lists whole catalogs (no incremental filter exists in DCAT)', () => {
    assert.equal(dcat.platform, 'dcat');
    assert.equal(dcat.incremental, false);
  });

  for (const [syntax, path] of [['Turtle', '/catalog.ttl'], ['N-Triples', '/catalog.nt'], ['RDF/XML', '/catalog.rdf'], ['JSON-LD', '/catalog.jsonld'], ['the negotiated syntax', '/catalog']]) {
    it(`when the CKAN catalog is served in ${syntax} in pages of three, maps every dataset to the same drafts and reports the one without a title`, async () => {
      server = await startDcatServer({ catalog: fixture('catalogo-ckan.ttl'), pageSize: 3 });
      const pages = await listDcat(server.url + path);
      assert.deepEqual(pages.map((page) => page.records.length), [3, 3, 1]);
      const { drafts, errors } = mapRecords(pages.flatMap((page) => page.records));
      assertGolden('segeplan', { drafts, errors });
      assert.equal(errors.length, 1);
    });
  }

  it('when a portal serves a recorded RDF/XML catalog (typed node elements, nested distributions), maps it', async () => {
    server = await startDcatServer({ documents: { '/catalog.rdf': { contentType: 'application/rdf+xml; charset=utf-8', body: fixture('catalogo-uy.rdf') } } });
    const pages = await listDcat(`${server.url}/catalog.rdf`);
    assert.equal(pages.length, 1, 'the PagedCollection has no next page');
    assertGolden('uruguay', mapRecords(pages[0].records));
  });

  it('when a piveau hub serves JSON-LD pages (inline context after the graph, machine translations), follows hydra:next and maps them', async () => {
    server = await startDcatServer({
      documents: {
        '/catalogues/senplades': { contentType: 'application/ld+json', body: fixture('piveau-pagina-1.jsonld') },
        '/catalogues/senplades?limit=3&page=2': { contentType: 'application/ld+json', body: fixture('piveau-pagina-2.jsonld') },
      },
    });
    const pages = await listDcat(`${server.url}/catalogues/senplades`);
    assert.deepEqual(pages.map((page) => page.url), [`${server.url}/catalogues/senplades`, `${server.url}/catalogues/senplades?limit=3&page=2`]);
    const { drafts, errors } = mapRecords(pages.flatMap((page) => page.records));
    assertGolden('piveau', { drafts, errors });
    assert.deepEqual(errors.map((e) => e.code), ['bad_record'], 'the blank-node dataset without dct:identifier');
  });
});

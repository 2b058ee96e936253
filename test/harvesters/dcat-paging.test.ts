/** Paging of DCAT catalogs: Hydra's current and older vocabularies, the visited-URL guard, repeats, foreign hosts. */
import assert from 'node:assert/strict';
import { startDcatServer, type DcatServer, type DcatServerOptions } from '../../src/demo/dcat-server.js';
import { isHarvestError } from '../../src/errors.js';
import type { RawPage } from '../../src/harvest/types.js';
import type { RdfNode } from '../../harvesters/dcat.js';
import { datasetTtl, fixture, listDcat, PREFIXES, rejection } from './dcat-support.js';

const ids = (pages: RawPage<RdfNode>[]) => pages.flatMap((page) => page.records.map((record) => record['@id']));
const turtle = (body: string) => ({ contentType: 'text/turtle', body: PREFIXES + body });

describe('DCAT harvester: paging', () => {
  let server: DcatServer | undefined;
  const start = async (options: DcatServerOptions) => (server = await startDcatServer(options));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('when pages link with the older hydra:nextPage as plain literals (ckanext-dcat), follows them to the last page', async () => {
    const { url, requests } = await start({ catalog: fixture('catalogo-ckan.ttl'), pageSize: 2, paging: 'legacy' });
    const pages = await listDcat(`${url}/catalog.ttl`);
    assert.deepEqual(pages.map((page) => page.url), [`${url}/catalog.ttl`, ...[2, 3, 4].map((n) => `${url}/catalog.ttl?page=${n}`)]);
    assert.equal(ids(pages).length, 7);
    assert.equal(requests.length, 4, 'no page is read twice');
  });

  it('when pages link with hydra:next on a hydra:PartialCollectionView, follows them to the last page', async () => {
    const { url } = await start({ catalog: fixture('catalogo-ckan.ttl'), pageSize: 4, paging: 'hydra' });
    const pages = await listDcat(`${url}/catalog.jsonld`);
    assert.deepEqual(pages.map((page) => page.url), [`${url}/catalog.jsonld`, `${url}/catalog.jsonld?page=2`]);
    assert.equal(new Set(ids(pages)).size, 7);
  });

  it('when a next link leads back to a page already read, yields the pages read and then fails with paging_loop naming that URL', async () => {
    const { url } = await start({ catalog: fixture('catalogo-ckan.ttl'), pageSize: 3 });
    const seen: string[] = [];
    const error = await rejection(listDcat(`${url}/bucle.ttl`, { onPage: (page) => seen.push(page.url) }));
    assert.ok(isHarvestError(error));
    assert.equal(error.code, 'paging_loop');
    assert.equal(error.url, `${url}/bucle.ttl?page=2`);
    assert.ok(error.message.includes(`${url}/bucle.ttl?page=2`));
    assert.deepEqual(seen, [`${url}/bucle.ttl`, `${url}/bucle.ttl?page=2`, `${url}/bucle.ttl?page=3`]);
  });

  it('when a relative next link names a new URL but the server answers the same datasets again, fails with paging_loop', async () => {
    const page = turtle(`${datasetTtl('a')}${datasetTtl('b')}<> hydra:next <?pagina=2> .\n`);
    const { url } = await start({ documents: { '/catalogo.ttl': page, '/catalogo.ttl?pagina=2': page } });
    const error = await rejection(listDcat(`${url}/catalogo.ttl`));
    assert.equal(error.code, 'paging_loop');
    assert.match(error.message, /repeats datasets already listed/);
    assert.equal(error.url, `${url}/catalogo.ttl?pagina=2`);
  });

  it('when a dataset shows up again on a later page, it is yielded once', async () => {
    const { url } = await start({
      documents: {
        '/p1.ttl': turtle(`${datasetTtl('a')}${datasetTtl('b')}<> hydra:next <p2.ttl> .\n`),
        '/p2.ttl': turtle(`${datasetTtl('b')}${datasetTtl('c')}`),
      },
    });
    assert.deepEqual(ids(await listDcat(`${url}/p1.ttl`)), ['a', 'b', 'c'].map((slug) => `https://datos.gob.ec/dataset/${slug}`));
  });

  it('when a next link leaves the portal\'s host, fails with unsafe_url before fetching it', async () => {
    const { url, requests } = await start({
      documents: { '/catalog.ttl': turtle(`${datasetTtl('a')}<> hydra:nextPage "http://169.254.169.254/latest/meta-data/" .\n`) },
    });
    const error = await rejection(listDcat(`${url}/catalog.ttl`));
    assert.equal(error.code, 'unsafe_url');
    assert.equal(error.url, 'http://169.254.169.254/latest/meta-data/');
    assert.deepEqual(requests, [`${url}/catalog.ttl`]);
  });

  it('when the catalog has more pages than the portal\'s maxPages, fails instead of reading on', async () => {
    const { url } = await start({ catalog: fixture('catalogo-ckan.ttl'), pageSize: 1 });
    const error = await rejection(listDcat(`${url}/catalog.ttl`, { portal: { options: { maxPages: 3 } } }));
    assert.equal(error.code, 'paging_loop');
    assert.match(error.message, /more than 3 pages/);
  });
});

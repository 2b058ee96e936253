/** How the HTML harvester finds pages: sitemap indexes, listing pages, their guards and limits. */
import assert from 'node:assert/strict';
import { startHtmlServer, type HtmlServer, type HtmlServerOptions } from '../../src/demo/html-server.js';
import { isHarvestError } from '../../src/errors.js';
import { idsOf, listAll, LISTING_OPTIONS, rejection, type Listing } from './html-support.js';

describe('HTML harvester: finding pages', () => {
  let server: HtmlServer | undefined;
  const start = async (options: HtmlServerOptions = {}) => (server = await startHtmlServer(options));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const paths = (urls: string[]) => urls.map((url) => url.replace(server!.url, ''));

  describe('from the sitemap', () => {
    it('follows the sitemap index and reads each listed page once, on the portal\'s own site only', async () => {
      const { url } = await start();
      const { fetched } = await listAll(`${url}/`);
      assert.ok(fetched.every((u) => u.startsWith(url)), `only the portal's site is fetched: ${fetched.filter((u) => !u.startsWith(url))}`);
      assert.equal(fetched.filter((u) => u === `${url}/sitemap.xml`).length, 1, 'the index that lists itself is read once');
      const presupuesto = fetched.filter((u) => u.includes('presupuesto-participativo-2024'));
      assert.deepEqual(paths(presupuesto), ['/datos-abiertos/presupuesto-participativo-2024'], 'the entry listed again with a #fragment is the same page');
      assert.ok(!fetched.some((u) => u.endsWith('.pdf')), 'a PDF listed in the sitemap is not fetched as a page');
      assert.deepEqual(paths(fetched).filter((p) => p.startsWith('/sitemap')), ['/sitemap.xml', '/sitemaps/paginas.xml', '/sitemaps/datos-abiertos.xml', '/sitemaps/transparencia.xml']);
    });

    it('reads a sitemap named in the options instead of /sitemap.xml, with include and exclude applied to its pages', async () => {
      const { url } = await start();
      const { fetched, pages } = await listAll(url, { options: { sitemap: '/sitemaps/datos-abiertos.xml', include: '/datos-abiertos/', exclude: 'catastro|retirado' } });
      assert.deepEqual(paths(fetched), [
        '/sitemaps/datos-abiertos.xml',
        '/datos-abiertos/presupuesto-participativo-2024',
        '/datos-abiertos/movilidad',
        '/datos-abiertos/equipamientos',
        '/datos-abiertos/calidad-del-agua',
        '/datos-abiertos/recoleccion-de-residuos',
      ]);
      assert.equal(pages.length, 5);
    });

    it('takes a portal URL that names a sitemap as the sitemap', async () => {
      const { url } = await start();
      const { fetched } = await listAll(`${url}/sitemaps/transparencia.xml`);
      assert.deepEqual(paths(fetched), ['/sitemaps/transparencia.xml', '/transparencia/lotaip', '/transparencia/lotaip-2024-01', '/transparencia/lotaip-2024-02']);
    });

    it('when the site has no sitemap and no listing is configured, the run fails naming the options to set', async () => {
      const { url } = await start({ faults: (path) => (path === '/sitemap.xml' ? 'status:404' : undefined) });
      const error = await rejection(listAll(url));
      assert.ok(isHarvestError(error));
      assert.equal(error.status, 404);
      assert.match(error.message, /no sitemap at .*\/sitemap\.xml .*'listing' or 'sitemap'/);
    });

    it('when the site has no sitemap and the portal URL names a page, reads that page', async () => {
      const { url, requests } = await start({ faults: (path) => (path === '/sitemap.xml' ? 'status:404' : undefined) });
      const { pages } = await listAll(`${url}/transparencia/lotaip-2024-01`);
      assert.deepEqual(requests, ['/sitemap.xml', '/transparencia/lotaip-2024-01']);
      assert.deepEqual(idsOf(pages), [`${url}/transparencia/lotaip-2024-01`]);
    });

    it('when the sitemap is answered with an HTML page and HTTP 200, the run fails with not_xml', async () => {
      const { url } = await start({ faults: (path) => (path === '/sitemaps/datos-abiertos.xml' ? 'error_page' : undefined) });
      const error = await rejection(listAll(url));
      assert.equal(error.code, 'not_xml');
      assert.equal(error.url, `${url}/sitemaps/datos-abiertos.xml`);
    });

    it('when a document that is not a sitemap is named as one, the run fails with not_xml naming its root', async () => {
      const { url } = await start({ pages: { '/feed.xml': '<?xml version="1.0"?><rss version="2.0"><channel><title>Noticias</title></channel></rss>' } });
      const error = await rejection(listAll(url, { options: { sitemap: '/feed.xml' } }));
      assert.equal(error.code, 'not_xml');
      assert.match(error.message, /<rss>/);
    });

    it('when the sitemaps go on past maxSitemaps, the pages found are read and the run then fails with paging_loop', async () => {
      const { url } = await start();
      const into: Listing = { pages: [], fetched: [] };
      const error = await rejection(listAll(url, { options: { maxSitemaps: 3 } }, into));
      assert.equal(error.code, 'paging_loop');
      assert.match(error.message, /maxSitemaps/);
      assert.ok(idsOf(into.pages).some((id) => id.endsWith('#paradas')), 'the pages of the sitemaps read were harvested');
      assert.ok(!into.fetched.some((u) => u.includes('/sitemaps/transparencia.xml')));
    });
  });

  describe('from listing pages', () => {
    it('follows "Siguiente" through the listing and stops when it leads back to the first page', async () => {
      const { url, requests } = await start();
      const { pages } = await listAll(url, { options: LISTING_OPTIONS });
      assert.deepEqual(requests, ['/datos-abiertos/conjuntos', '/datos-abiertos/conjuntos?pagina=2', '/datos-abiertos/conjuntos?pagina=3']);
      assert.deepEqual(pages.map((page) => page.records.length), [2, 3, 1]);
    });

    it('follows the item links of each listing page to the dataset pages, and not the one off the site', async () => {
      const { url } = await start();
      const { fetched, pages } = await listAll(url, { options: { listing: ['/transparencia/lotaip'], items: 'table.meses a', next: 'a.siguiente' } });
      assert.deepEqual(paths(fetched), [
        '/transparencia/lotaip',
        '/transparencia/lotaip-2024-02',
        '/transparencia/lotaip-2024-01',
        '/transparencia/lotaip?pagina=2',
        '/transparencia/lotaip-2023-12',
      ]);
      assert.deepEqual(pages.map((page) => page.records[0].kind), ['block', 'block', 'block']);
    });

    it('when the listing never ends, reads maxPages pages, keeps their datasets and then fails with paging_loop', async () => {
      const { url, requests } = await start();
      const into: Listing = { pages: [], fetched: [] };
      const options = { ...LISTING_OPTIONS, listing: ['/datos-abiertos/archivo'], maxPages: 4 };
      const error = await rejection(listAll(url, { options }, into));
      assert.equal(error.code, 'paging_loop');
      assert.match(error.message, /past 4 pages \(option 'maxPages'\)/);
      assert.equal(requests.length, 4);
      assert.equal(into.pages.length, 4, 'the pages read before the limit are kept');
    });

    it('when a "Siguiente" link leaves the site, it is not followed and the listing is incomplete', async () => {
      const offSite = { '/otra-lista': '<html><body><main><article class="conjunto"><h2>Plan de ordenamiento territorial</h2><ul class="descargas"><a href="/pdot.pdf">PDF</a></ul></article><a class="siguiente" href="http://localhost:1/lista?pagina=2">Siguiente</a></main></body></html>' };
      const { url, requests } = await start({ pages: offSite });
      const error = await rejection(listAll(url, { options: { ...LISTING_OPTIONS, listing: ['/otra-lista'] } }));
      assert.equal(error.code, 'unsafe_url');
      assert.deepEqual(requests, ['/otra-lista']);
    });

    it('gives repeated blocks ids that do not depend on the page they fall on', async () => {
      const { url } = await start();
      const ids = idsOf((await listAll(url, { options: LISTING_OPTIONS })).pages).map((id) => id.replace(url, ''));
      assert.deepEqual(ids, [
        '/datos-abiertos/conjuntos#patentes-municipales',
        '/datos-abiertos/conjuntos#permisos-de-construccion',
        '/datos-abiertos/conjuntos#barrios',
        '/datos-abiertos/conjuntos#informacion-turistica',
        '/datos-abiertos/conjuntos#bloque-3',
        '/datos-abiertos/conjuntos#permisos-de-construccion-2',
      ]);
    });
  });
});

/** The failure cases of HARVESTING.md, each served by the fake municipal site and met by the HTML harvester. */
import assert from 'node:assert/strict';
import { startHtmlServer, type HtmlFault, type HtmlServer, type HtmlServerOptions } from '../../src/demo/html-server.js';
import { isHarvestError } from '../../src/errors.js';
import type { FailedPage } from '../../harvesters/html.js';
import { idsOf, listAll, LISTING_OPTIONS, rejection, type HtmlListOptions, type Listing } from './html-support.js';

/** Three pages: the LOTAIP index (no dataset), January and February. */
const TRANSPARENCIA = { sitemap: '/sitemaps/transparencia.xml' };
const JANUARY = '/transparencia/lotaip-2024-01';

describe('HTML harvester: failure cases', () => {
  let server: HtmlServer | undefined;
  const start = async (options: HtmlServerOptions = {}) => (server = await startHtmlServer(options));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const failuresOf = (listing: Listing) => listing.pages.flatMap((page) => page.records).filter((r): r is FailedPage => r.kind === 'failure');
  const datasetIds = (listing: Listing) => idsOf(listing.pages.map((page) => ({ ...page, records: page.records.filter((r) => r.kind !== 'failure') })));

  /** Serves `fault` for January every time (or as `hook` says), lists the transparency sitemap. */
  async function withJanuary(fault: HtmlFault | ((n: number) => HtmlFault | undefined), options: HtmlListOptions = {}) {
    const hook = typeof fault === 'function' ? fault : () => fault;
    const { url, requests } = await start({ faults: (path, n) => (path === JANUARY ? hook(n) : undefined) });
    const into: Listing = { pages: [], fetched: [] };
    const error = await listAll(url, { ...options, options: TRANSPARENCIA }, into).then(() => undefined, (e: Error & { code?: string; url?: string; status?: number }) => e);
    return { url, requests, into, error };
  }

  it('when a page keeps answering 500, records it, reads the other pages and then fails the run so that nothing is withdrawn', async () => {
    const { url, requests, into, error } = await withJanuary('status:500');
    assert.equal(requests.filter((p) => p === JANUARY).length, 3, 'the first request and two retries');
    assert.deepEqual(failuresOf(into).map((f) => [f.sourceId, f.code]), [[`${url}${JANUARY}`, 'http_status']]);
    assert.deepEqual(datasetIds(into), [`${url}/transparencia/lotaip-2024-02`], 'the page after it is read');
    assert.ok(isHarvestError(error));
    assert.equal(error.code, 'http_status');
    assert.equal(error.status, 500);
    assert.equal(error.url, `${url}${JANUARY}`);
    assert.match(error.message, /incomplete and nothing is withdrawn/);
  });

  it('when a page answers 500 twice and then 200, it is retried and the listing completes', async () => {
    const { into, error } = await withJanuary((n) => (n <= 2 ? 'status:500' : undefined));
    assert.equal(error, undefined);
    assert.equal(datasetIds(into).length, 2);
  });

  it('when a page answers 429 with Retry-After: 1, waits about a second and reads it', async () => {
    const began = Date.now();
    const { into, error } = await withJanuary((n) => (n === 1 ? 'status:429:retry-after=1' : undefined));
    assert.ok(Date.now() - began >= 900, 'waited for Retry-After');
    assert.equal(error, undefined);
    assert.equal(datasetIds(into).length, 2);
  });

  it('when a page answers its maintenance page with HTTP 200, records error_page and the listing is incomplete', async () => {
    const { url, into, error } = await withJanuary('error_page');
    assert.deepEqual(failuresOf(into).map((f) => f.code), ['error_page']);
    assert.match(failuresOf(into)[0].message, /Sitio en mantenimiento/);
    assert.equal(error?.code, 'bad_response');
    assert.equal(error?.url, `${url}${JANUARY}`);
  });

  it('when a page is gone (404, or a "not found" page with 200), records page_gone and the listing completes', async () => {
    for (const fault of ['status:404', 'not_found_page'] as const) {
      const { into, error } = await withJanuary(fault);
      assert.equal(error, undefined, fault);
      assert.deepEqual(failuresOf(into).map((f) => [f.code, f.sourceId, f.pageUrl]), [['page_gone', undefined, `${server!.url}${JANUARY}`]], fault);
      assert.equal(datasetIds(into).length, 1, fault);
      await server?.close();
    }
  });

  it('when a page is larger than the size cap, records too_large and the listing is incomplete', async () => {
    const { into, error } = await withJanuary('huge', { http: { maxResponseBytes: 100_000 } });
    assert.deepEqual(failuresOf(into).map((f) => f.code), ['too_large']);
    assert.equal(error?.code, 'too_large');
    assert.equal(datasetIds(into).length, 1);
  });

  it('when a page does not answer within the timeout, records timeout and the listing is incomplete', async () => {
    const { into, error } = await withJanuary('timeout', { http: { timeoutMs: 200, retries: 0 } });
    assert.deepEqual(failuresOf(into).map((f) => f.code), ['timeout']);
    assert.equal(error?.code, 'timeout');
  });

  it('when a page answers an empty body, records empty_body and the listing is incomplete', async () => {
    const { into, error } = await withJanuary('empty');
    assert.deepEqual(failuresOf(into).map((f) => f.code), ['empty_body']);
    assert.equal(error?.code, 'empty_body');
  });

  it('when a page redirects off the portal\'s site, the redirect is not followed and the page is recorded as unsafe_url', async () => {
    const { into, error, requests } = await withJanuary(() => `redirect:http://localhost:${new URL(server!.url).port}/transparencia/lotaip-2023-12`);
    assert.equal(error, undefined, 'a page that moved off the site is settled');
    assert.deepEqual(failuresOf(into).map((f) => [f.code, f.sourceId]), [['unsafe_url', undefined]]);
    assert.ok(!requests.includes('/transparencia/lotaip-2023-12'), 'the off-site address was never asked for');
    assert.ok(!idsOf(into.pages).some((id) => id.includes('2023-12')));
  });

  it('when a page\'s JSON-LD does not parse, the page is recorded as bad_jsonld and the pages after it are read', async () => {
    const { url } = await start();
    const listing = await listAll(url, { options: { sitemap: '/sitemaps/datos-abiertos.xml', include: 'calidad|residuos' } });
    assert.deepEqual(failuresOf(listing).map((f) => [f.sourceId, f.code]), [[`${url}/datos-abiertos/calidad-del-agua`, 'bad_jsonld']]);
    assert.deepEqual(datasetIds(listing), [`${url}/datos-abiertos/recoleccion-de-residuos`]);
  });

  it('when a listing page answers 500, the run fails at once with the HTTP error', async () => {
    const { url, requests } = await start({ faults: (path) => (path === '/datos-abiertos/conjuntos?pagina=2' ? 'status:500' : undefined) });
    const into: Listing = { pages: [], fetched: [] };
    const error = await rejection(listAll(url, { options: LISTING_OPTIONS }, into));
    assert.equal(error.code, 'http_status');
    assert.equal(into.pages.length, 1, 'the first page was read');
    assert.ok(!requests.includes('/datos-abiertos/conjuntos?pagina=3'));
  });

  it('when a listing page answers its maintenance page with HTTP 200, the run fails naming the page', async () => {
    const { url } = await start({ faults: (path) => (path === '/datos-abiertos/conjuntos' ? 'error_page' : undefined) });
    const error = await rejection(listAll(url, { options: LISTING_OPTIONS }));
    assert.equal(error.code, 'bad_response');
    assert.match(error.message, /error page .*Sitio en mantenimiento/);
  });

  it('when no page holds a dataset, the run fails rather than withdraw the whole portal', async () => {
    const { url } = await start();
    const error = await rejection(listAll(url, { options: { sitemap: '/sitemaps/paginas.xml' } }));
    assert.equal(error.code, 'bad_response');
    assert.match(error.message, /No dataset was found on the 3 pages/);
  });

  it('when two pages describe the same Dataset (@id), it is yielded once', async () => {
    const copy = '<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Dataset","@id":"{{origin}}/datos-abiertos/movilidad#rutas","name":"Rutas (copia)"}</script></head><body></body></html>';
    const sitemap = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{{origin}}/datos-abiertos/movilidad</loc></url><url><loc>{{origin}}/copia</loc></url></urlset>';
    const { url } = await start({ pages: { '/copia': copy, '/s.xml': sitemap } });
    const listing = await listAll(url, { options: { sitemap: '/s.xml' } });
    assert.deepEqual(idsOf(listing.pages), [`${url}/datos-abiertos/movilidad#paradas`, `${url}/datos-abiertos/movilidad#rutas`]);
  });

  it('when the run is aborted while a page is awaited, stops at once with the abort reason', async () => {
    const { url } = await start({ faults: (path) => (path === JANUARY ? 'timeout' : undefined) });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('apagado')), 100);
    const error = await rejection(listAll(url, { options: TRANSPARENCIA, signal: controller.signal, http: { timeoutMs: 5000 } }));
    assert.equal(error.message, 'apagado');
  });
});

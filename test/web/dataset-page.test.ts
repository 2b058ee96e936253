import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { once } from 'node:events';
import { parseHTML } from 'linkedom';
import { createApp } from '../../src/api/app.js';
import { openStore } from '../../src/container.js';
import { silentLogger } from '../../src/log.js';
import { formatDate } from '../../src/web/i18n/define.js';
import { INDICATORS } from '../../src/quality/indicators.js';
import type { Store } from '../../src/store/store.js';
import { addDatasets, scored, NATIONAL, MUNICIPAL, GUATEMALA } from '../reports/seed.js';

const FULL = scored(
  { sourceId: 'matricula', description: 'Primera línea.\nSegunda línea.\n\nOtro párrafo.', identifier: 'https://datos.example/id/matricula' },
  { access: 'ok', download: 'broken' },
);
const COPY = scored({ portalId: GUATEMALA.id, sourceId: 'matricula', identifier: 'https://datos.example/id/matricula' });
const HOSTILE_TITLE = '<script>alert("t")</script> Catastro';
const HOSTILE_TEXT = '"><img src=x onerror=alert(1)> avalúos';
const UNSAFE = ['javascript:alert(1)', 'JaVaScRiPt:alert(2)', 'java\tscript:alert(3)', '//evil.example/x'];
const HOSTILE = scored({
  sourceId: 'hostil',
  title: HOSTILE_TITLE,
  description: HOSTILE_TEXT,
  landingPage: UNSAFE[0],
  distributions: [
    { id: 'd1', title: 'Uno', accessURL: UNSAFE[1], downloadURL: UNSAFE[2], format: { code: 'CSV', raw: 'csv' } },
    { id: 'd2', title: 'Dos', accessURL: UNSAFE[3], downloadURL: 'https://ok.example/avaluos.csv', format: { code: 'GEOJSON', raw: 'geojson' } },
  ],
});
const GONE = scored({ portalId: MUNICIPAL.id, sourceId: 'retirado', title: 'Permisos de construcción 2019' });
const pagePath = (id: string) => `/conjuntos/${encodeURIComponent(id)}`;

describe('web: the dataset page /conjuntos/:id', () => {
  let store: Store;
  let server: Server;
  let base: string;
  const get = async (path: string, lang = 'es') => {
    const res = await fetch(base + path, { headers: { 'accept-language': lang }, redirect: 'manual' });
    const body = await res.text();
    return { status: res.status, headers: res.headers, body, doc: parseHTML(body).document };
  };
  const jsonLd = (doc: Document) => JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!) as Record<string, any>;
  const term = (doc: Document, name: string) => [...doc.querySelectorAll('dl.metadata dt')].find((dt) => dt.textContent === name)?.nextElementSibling;

  before(async () => {
    store = await openStore('sqlite::memory:');
    await addDatasets(store, NATIONAL, [FULL, HOSTILE]);
    await addDatasets(store, GUATEMALA, [COPY]);
    await addDatasets(store, MUNICIPAL, [GONE]);
    await store.datasets.withdrawUnseen(MUNICIPAL.id, 'una-corrida-posterior', new Date('2026-01-10T00:00:00.000Z'));
    await store.datasets.recluster();
    const [d] = FULL.dataset.distributions;
    await store.links.put([
      { url: d.accessURL!, status: 'ok', checkedAt: '2026-02-14T00:00:00.000Z', httpStatus: 200 },
      { url: d.downloadURL!, status: 'broken', checkedAt: '2026-02-14T00:00:00.000Z', httpStatus: 404 },
    ]);
    server = createApp({ store, portals: [], log: silentLogger, version: 'test' }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  after(async () => {
    server.close();
    await store.close();
  });

  it('shows the title, the description with its line breaks, and the links to the source and the JSON', async () => {
    const { status, doc } = await get(pagePath(FULL.dataset.id));
    assert.equal(status, 200);
    assert.equal(doc.querySelector('h1')!.textContent, 'Matrícula escolar 2023');
    assert.deepEqual([...doc.querySelectorAll('.description p')].map((p) => p.textContent), ['Primera línea.\nSegunda línea.', 'Otro párrafo.']);
    const source = [...doc.querySelectorAll('a')].find((a) => a.textContent === 'Ver el conjunto en el portal de origen')!;
    assert.equal(source.getAttribute('href'), FULL.dataset.landingPage);
    assert.match(source.getAttribute('rel')!, /noopener/);
    assert.ok(doc.querySelector(`a[href="/api/datasets/${encodeURIComponent(FULL.dataset.id)}"]`));
  });

  it('its metadata in words: publisher, portal, themes, licence, frequency, dates, coverage, language', async () => {
    const { doc } = await get(pagePath(FULL.dataset.id));
    const words = (name: string) => term(doc, name)?.textContent;
    assert.equal(words('Institución'), 'Ministerio de Educación');
    assert.equal(term(doc, 'Institución')!.querySelector('a')!.getAttribute('href'), `/instituciones/${NATIONAL.id}/mineduc`);
    assert.equal(words('Portal'), 'Datos Abiertos Ecuador');
    assert.equal(term(doc, 'Portal')!.querySelector('a')!.getAttribute('href'), `/portales/${NATIONAL.id}`);
    assert.equal(words('Temas'), 'Educación, cultura y deporte');
    assert.deepEqual([...term(doc, 'Palabras clave')!.querySelectorAll('li')].map((li) => li.textContent), ['educación', 'matrícula', 'estudiantes']);
    assert.equal(words('Licencia'), 'Creative Commons Atribución 4.0 Internacional');
    assert.equal(words('Frecuencia de actualización'), 'Anual');
    assert.equal(words('Última modificación'), formatDate('es', '2024-02-15'));
    assert.equal(words('Publicado'), formatDate('es', '2023-10-02'));
    assert.equal(words('Período que cubre'), `Del ${formatDate('es', '2023-09-01')} al ${formatDate('es', '2024-07-31')}`);
    assert.equal(words('Cobertura geográfica'), 'Ecuador');
    assert.equal(words('Idioma'), 'Español');
    assert.match(words('También en')!, /SEGEPLAN Guatemala/);
    const main = doc.querySelector('main')!.textContent!;
    for (const code of ['EDUC', 'CC-BY-4.0', 'ANNUAL', 'SPA', 'up_to_date', 'excellent']) assert.ok(!main.includes(code), code);
  });

  it('the distributions with their link state from the link checks', async () => {
    const { doc } = await get(pagePath(FULL.dataset.id));
    const [item] = [...doc.querySelectorAll('.distribution-list > li')];
    const [d] = FULL.dataset.distributions;
    assert.equal(item.querySelector('h3')!.textContent, d.title);
    assert.equal(term(item as unknown as Document, 'Formato')!.textContent, 'CSV');
    const access = term(item as unknown as Document, 'Acceso')!;
    assert.equal(access.querySelector('a')!.getAttribute('href'), d.accessURL);
    assert.equal(access.querySelector('.badge')!.textContent, 'Responde');
    const download = term(item as unknown as Document, 'Descarga')!;
    assert.equal(download.querySelector('a')!.getAttribute('href'), d.downloadURL);
    assert.equal(download.querySelector('.badge')!.textContent, 'Roto');
    assert.match(download.textContent!, /HTTP 404/);
  });

  it('the quality card in words: both scores on their own scales, freshness, what to fix first, every indicator', async () => {
    const { doc } = await get(pagePath(FULL.dataset.id));
    const card = doc.querySelector('.quality-card')!;
    const { quality } = FULL;
    const label = { excellent: 'Excelente', good: 'Buena', sufficient: 'Suficiente', bad: 'Insuficiente' };
    const badges = [...card.querySelectorAll('.quality-scores .badge')].map((b) => b.textContent);
    assert.equal(badges[0], `Puntaje Cosecha (sobre 500): ${Math.round(quality.total)} de 500 · ${label[quality.rating500]}`);
    assert.equal(badges[1], `Puntaje MQA (sobre 405): ${Math.round(quality.mqa)} de 405 · ${label[quality.rating]}`);
    assert.ok(['Al día', 'Con retraso', 'Desactualizado'].includes(badges[2]!), badges[2]!);
    assert.equal([...card.querySelectorAll('h3')].map((h) => h.textContent).join('|'), 'Qué mejorar primero|Todos los indicadores');
    const fixes = [...card.querySelectorAll('ol.fixes li')];
    assert.ok(fixes.length > 0);
    assert.match(fixes[0].querySelector('.gain')!.textContent!, /^\+\d+(,\d+)? puntos$/);
    const rows = [...card.querySelectorAll('table.indicators tbody tr:not(.dimension-row)')];
    assert.equal(rows.length, INDICATORS.length);
    const a3 = rows.find((r) => r.querySelector('th')!.textContent === 'URL de descarga disponible')!;
    assert.equal(a3.querySelector('td.num')!.textContent, '0 de 30');
    assert.ok(a3.querySelectorAll('td')[2].textContent!.length > 10, 'a recommendation for a lost indicator');
    assert.ok(doc.querySelector('table.indicators th[scope="col"]'));
  });

  it('says the score history is kept per portal and links to the portal', async () => {
    const { doc } = await get(pagePath(FULL.dataset.id));
    const history = doc.querySelector('#history')!.parentElement!;
    assert.match(history.textContent!, /por portal e institución, no por conjunto/);
    assert.equal(history.querySelector('a')!.getAttribute('href'), `/portales/${NATIONAL.id}`);
  });

  it('carries a schema.org Dataset block with safe addresses only', async () => {
    const { doc } = await get(pagePath(FULL.dataset.id));
    const ld = jsonLd(doc);
    assert.equal(ld['@type'], 'Dataset');
    assert.equal(ld.name, 'Matrícula escolar 2023');
    assert.equal(ld.url, `${base}${pagePath(FULL.dataset.id)}`);
    assert.equal(ld.identifier, 'https://datos.example/id/matricula');
    assert.equal(ld.license, 'https://creativecommons.org/licenses/by/4.0/deed.es');
    assert.deepEqual(ld.publisher, { '@type': 'Organization', name: 'Ministerio de Educación', email: 'datosabiertos@educacion.example' });
    assert.deepEqual(ld.creator, ld.publisher);
    assert.equal(ld.dateModified, '2024-02-15');
    assert.equal(ld.datePublished, '2023-10-02');
    assert.deepEqual(ld.spatialCoverage, { '@type': 'Place', name: 'Ecuador' });
    assert.equal(ld.temporalCoverage, '2023-09-01/2024-07-31');
    assert.equal(ld.isAccessibleForFree, true);
    assert.deepEqual(ld.keywords, ['educación', 'matrícula', 'estudiantes']);
    assert.deepEqual(ld.distribution, [{ '@type': 'DataDownload', contentUrl: FULL.dataset.distributions[0].downloadURL, name: FULL.dataset.distributions[0].title, encodingFormat: 'text/csv' }]);
    assert.equal(ld.includedInDataCatalog.name, 'Datos Abiertos Ecuador');
    assert.equal(ld.includedInDataCatalog.url, 'https://datosabiertos.gob.ec.example/');
  });

  it('harvested script addresses are shown as text, never as links, in the page or its JSON-LD', async () => {
    const { status, body, doc } = await get(pagePath(HOSTILE.dataset.id));
    assert.equal(status, 200);
    const hrefs = [...doc.querySelectorAll('[href]')].map((a) => a.getAttribute('href')!);
    for (const href of hrefs) {
      assert.ok(!/^\s*j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:/i.test(href.replace(/[\t\n\r]/g, '')), href);
      assert.ok(!href.startsWith('//'), href);
    }
    assert.ok(hrefs.includes('https://ok.example/avaluos.csv'), 'the safe download is a link');
    const shown = [...doc.querySelectorAll('.unsafe-url')].map((s) => s.textContent);
    for (const url of UNSAFE) assert.ok(shown.includes(url), `shown as text: ${JSON.stringify(url)}`);
    assert.match(doc.querySelector('.source-links')!.textContent!, /no es un enlace web seguro/);
    const ld = jsonLd(doc);
    assert.equal(ld.sameAs, undefined);
    assert.deepEqual(ld.distribution.map((d: { contentUrl: string }) => d.contentUrl), ['https://ok.example/avaluos.csv']);
    assert.ok(!body.includes('javascript:alert(1)"'), 'no attribute holds the script address');
  });

  it('harvested markup in the title and description renders escaped, in the page and in the JSON-LD', async () => {
    const { body, doc } = await get(pagePath(HOSTILE.dataset.id));
    assert.equal(doc.querySelector('h1')!.textContent, HOSTILE_TITLE);
    assert.equal(doc.querySelector('.description p')!.textContent, HOSTILE_TEXT);
    assert.ok(!body.includes('<script>alert'));
    assert.ok(!body.includes('<img src=x'));
    assert.equal(doc.querySelectorAll('main script, main img').length, 0);
    const block = doc.querySelector('script[type="application/ld+json"]')!.textContent!;
    assert.ok(!block.includes('<'), 'no < can close the JSON-LD block');
    assert.equal(jsonLd(doc).name, HOSTILE_TITLE);
    assert.equal(doc.querySelector('title')!.textContent, `${HOSTILE_TITLE} · Cosecha`);
  });

  it('in English with ?lang=en', async () => {
    const { doc } = await get(`${pagePath(FULL.dataset.id)}?lang=en`);
    assert.equal(doc.documentElement.getAttribute('lang'), 'en');
    assert.equal(term(doc, 'Themes')!.textContent, 'Education, culture and sport');
    assert.equal(term(doc, 'Licence')!.textContent, 'Creative Commons Attribution 4.0 International');
    assert.equal(term(doc, 'Update frequency')!.textContent, 'Annual');
    assert.equal(term(doc, 'Language')!.textContent, 'Spanish');
    assert.ok(doc.querySelector('h3')!.parentElement!.textContent!.length > 0);
    assert.equal([...doc.querySelectorAll('.quality-card h3')].map((h) => h.textContent).join('|'), 'What to improve first|Every indicator');
    assert.ok([...doc.querySelectorAll('table.indicators th[scope="row"]')].some((th) => th.textContent === 'Download URL reachable'));
  });

  it('a withdrawn dataset still has its page, which says since when its portal no longer lists it', async () => {
    const { status, doc } = await get(pagePath(GONE.dataset.id));
    assert.equal(status, 200);
    assert.equal(doc.querySelector('h1')!.textContent, 'Permisos de construcción 2019');
    assert.match(doc.querySelector('.notice')!.textContent!, new RegExp(`ya no aparece en su portal: se retiró el ${formatDate('es', '2026-01-10')}`));
  });

  it('an unknown id is the 404 page; the old address redirects here', async () => {
    const missing = await get(pagePath('nada:nada'));
    assert.equal(missing.status, 404);
    assert.equal(missing.doc.querySelector('h1')!.textContent, 'No encontramos esta página');
    const old = await get(`/datasets/${encodeURIComponent(FULL.dataset.id)}`);
    assert.equal(old.status, 301);
    assert.equal(old.headers.get('location'), pagePath(FULL.dataset.id));
  });
});

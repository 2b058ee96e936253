import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { once } from 'node:events';
import { parseHTML } from 'linkedom';
import { createApp } from '../../src/api/app.js';
import { openStore } from '../../src/container.js';
import { silentLogger } from '../../src/log.js';
import type { Store } from '../../src/store/store.js';
import { addDatasets, scored, NATIONAL, MUNICIPAL, GUATEMALA } from '../reports/seed.js';

/** 45 "Matrícula escolar" datasets: modified one year apart, every third without a licence (a lower score). */
const ENROLMENT = Array.from({ length: 45 }, (_, i) =>
  scored({
    sourceId: `m${String(i).padStart(2, '0')}`,
    title: `Matrícula escolar ${1980 + i}`,
    description: `Estudiantes matriculados en ${1980 + i} por provincia, cantón y nivel. ${'Cifras del registro administrativo del ministerio, '.repeat(6)}fin.`,
    modified: { value: `${1980 + i}-06-01` },
    ...(i % 3 === 0 && { license: undefined }),
  }),
);
/** The same dataset in two portals: one identifier URI. */
const CENSUS = { title: 'Censo agropecuario compartido', description: 'Unidades productivas agropecuarias.', identifier: 'https://datos.example/id/censo-agro' };
const HOSTILE_TITLE = '<script>alert("t")</script> Catastro urbano';
const HOSTILE_TEXT = '"><img src=x onerror=alert(1)> avalúos del catastro';

describe('web: the search page /buscar', () => {
  let store: Store;
  let server: Server;
  let base: string;
  const get = async (path: string) => {
    const res = await fetch(base + path, { headers: { 'accept-language': 'es' } });
    const body = await res.text();
    return { status: res.status, type: res.headers.get('content-type') ?? '', body, doc: parseHTML(body).document };
  };
  const cards = (doc: Document) => [...doc.querySelectorAll('li.result')];
  const titles = (doc: Document) => cards(doc).map((c) => c.querySelector('h3')!.textContent!.trim());
  const hrefs = (doc: Document) => [...doc.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!);
  const link = (doc: Document, text: string) => [...doc.querySelectorAll('a')].find((a) => a.textContent!.trim() === text);

  before(async () => {
    store = await openStore('sqlite::memory:');
    await addDatasets(store, NATIONAL, [
      ...ENROLMENT,
      scored({ sourceId: 'compartido', ...CENSUS }),
    ]);
    await addDatasets(store, MUNICIPAL, [
      scored({ portalId: MUNICIPAL.id, sourceId: 'p1', title: 'Presupuesto participativo 2024', description: 'Obras elegidas por las parroquias.', themes: [{ code: 'ECON', label: 'Economía' }], license: undefined }),
      scored({ portalId: MUNICIPAL.id, sourceId: 'h1', title: HOSTILE_TITLE, description: HOSTILE_TEXT }),
    ]);
    await addDatasets(store, GUATEMALA, [
      scored({ portalId: GUATEMALA.id, sourceId: 'compartido', ...CENSUS }),
    ]);
    await store.datasets.recluster();
    server = createApp({ store, portals: [], log: silentLogger, version: 'test' }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  after(async () => {
    server.close();
    await store.close();
  });

  it('keeps the query in a labelled search box and counts the results', async () => {
    const { status, doc } = await get('/buscar?q=escolar');
    assert.equal(status, 200);
    const input = doc.querySelector('input[name="q"]')!;
    assert.equal(input.getAttribute('value'), 'escolar');
    assert.equal(doc.querySelector(`label[for="${input.getAttribute('id')}"]`)!.textContent, 'Buscar conjuntos de datos');
    assert.equal(doc.querySelector('#results')!.textContent, '45 conjuntos de datos');
    assert.equal(cards(doc).length, 20);
  });

  it('a result card links to its page and shows a snippet cut at a word, publisher, portal, formats and badges', async () => {
    const { doc } = await get('/buscar?q=escolar&sort=modified');
    const card = cards(doc)[0];
    assert.equal(card.querySelector('h3 a')!.getAttribute('href'), `/conjuntos/${encodeURIComponent(`${NATIONAL.id}:m44`)}`);
    const snippet = card.querySelector('.snippet')!.textContent!;
    assert.ok(snippet.startsWith('Estudiantes matriculados en 2024 por provincia'), snippet);
    assert.ok(snippet.length <= 201 && snippet.endsWith('…'), snippet);
    assert.match(snippet, /\s\S+…$/, 'cut at the end of a word');
    assert.ok(ENROLMENT[44].dataset.description!.replace(/\s+/g, ' ').startsWith(snippet.slice(0, -1)), 'the cut keeps whole words only');
    const text = card.textContent!;
    assert.match(text, /Institución\s*Ministerio de Educación/);
    assert.match(text, /Portal\s*Datos Abiertos Ecuador/);
    assert.match(text, /Formatos\s*CSV/);
    const badges = [...card.querySelectorAll('.badge')].map((b) => b.textContent!.replace(/^.*: /, ''));
    const { quality } = ENROLMENT[44];
    assert.deepEqual(badges.slice(0, 2), [
      `${Math.round(quality.total)} de 500 · ${{ excellent: 'Excelente', good: 'Buena', sufficient: 'Suficiente', bad: 'Insuficiente' }[quality.rating500]}`,
      `${Math.round(quality.mqa)} de 405 · ${{ excellent: 'Excelente', good: 'Buena', sufficient: 'Suficiente', bad: 'Insuficiente' }[quality.rating]}`,
    ]);
    assert.equal(card.querySelector('[class*="fresh-"]')!.textContent, 'Desactualizado');
  });

  it('facets show labels, not codes, with counts, as links that add the filter', async () => {
    const { doc } = await get('/buscar?q=escolar');
    const theme = doc.querySelector('#facet-theme')!.parentElement!;
    const educ = [...theme.querySelectorAll('a')].find((a) => a.textContent === 'Educación, cultura y deporte')!;
    assert.equal(educ.getAttribute('href'), '/buscar?q=escolar&theme=EDUC');
    assert.equal(educ.nextElementSibling!.textContent, '45');
    const facets = doc.querySelector('aside.facets')!.textContent!;
    for (const label of ['Creative Commons Atribución 4.0 Internacional', 'Ecuador', 'Nacional', 'Datos Abiertos Ecuador', 'Ministerio de Educación']) {
      assert.ok(facets.includes(label), label);
    }
    for (const code of ['EDUC', 'CC-BY-4.0', 'national', 'ec-datosabiertos', 'excellent', 'good']) assert.ok(!facets.includes(code), code);
    const ratings = [...doc.querySelectorAll('#facet-rating ~ ul a')].map((a) => a.textContent);
    assert.ok(ratings.length > 0 && ratings.every((r) => ['Excelente', 'Buena', 'Suficiente', 'Insuficiente'].includes(r!)), ratings.join());
    const licence = link(doc, 'Creative Commons Atribución 4.0 Internacional')!;
    assert.equal(licence.getAttribute('href'), '/buscar?q=escolar&license=CC-BY-4.0');
  });

  it('a facet link narrows the results; its chip removes the filter', async () => {
    const { doc } = await get('/buscar?q=escolar&license=CC-BY-4.0&theme=EDUC');
    assert.equal(doc.querySelector('#results')!.textContent, '30 conjuntos de datos');
    const chips = [...doc.querySelectorAll('a.chip')];
    assert.deepEqual(chips.map((c) => c.getAttribute('aria-label')), ['Quitar filtro Tema: Educación, cultura y deporte', 'Quitar filtro Licencia: Creative Commons Atribución 4.0 Internacional']);
    assert.deepEqual(chips.map((c) => c.getAttribute('href')), ['/buscar?q=escolar&license=CC-BY-4.0', '/buscar?q=escolar&theme=EDUC']);
    assert.equal(link(doc, 'Quitar todos los filtros')!.getAttribute('href'), '/buscar?q=escolar');
    // The search box and the sort keep the filters.
    assert.deepEqual([...doc.querySelectorAll('form[role="search"] input[type="hidden"]')].map((i) => `${i.getAttribute('name')}=${i.getAttribute('value')}`), ['theme=EDUC', 'license=CC-BY-4.0']);
  });

  it('the rating filter reads "Buena" and the level filter "Municipal"', async () => {
    const good = await get('/buscar?rating=good');
    assert.equal(good.status, 200);
    assert.equal(good.doc.querySelector('a.chip')!.getAttribute('aria-label'), 'Quitar filtro Calificación MQA: Buena');
    const municipal = await get('/buscar?level=municipal');
    assert.deepEqual(titles(municipal.doc).sort(), [HOSTILE_TITLE, 'Presupuesto participativo 2024'].sort());
    assert.equal(municipal.doc.querySelector('a.chip')!.getAttribute('aria-label'), 'Quitar filtro Nivel de gobierno: Municipal');
  });

  it('sort passes through the form and orders the results: last modified, then score', async () => {
    const modified = await get('/buscar?q=escolar&sort=modified');
    assert.deepEqual(titles(modified.doc).slice(0, 3), ['Matrícula escolar 2024', 'Matrícula escolar 2023', 'Matrícula escolar 2022']);
    assert.equal(modified.doc.querySelector('select[name="sort"] option[selected]')!.getAttribute('value'), 'modified');
    assert.ok(modified.doc.querySelector('select[name="sort"][data-autosubmit]'), 'enhanced by enhance.js');
    assert.ok(modified.doc.querySelector('form.sort-form button[type="submit"]'), 'a button without JavaScript');
    assert.equal(modified.doc.querySelector('form.sort-form input[name="q"]')!.getAttribute('value'), 'escolar');

    const score = await get('/buscar?q=escolar&sort=score');
    const scores = cards(score.doc).map((c) => Number(c.querySelector('.badge')!.textContent!.match(/(\d+) de 500/)![1]));
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    assert.ok(scores[0] > scores[scores.length - 1], 'the scores differ');
    assert.notDeepEqual(titles(score.doc), titles(modified.doc));
  });

  it('pagination: 20 a page, with previous and next links that keep the query', async () => {
    const first = await get('/buscar?q=escolar&sort=modified');
    assert.equal(first.doc.querySelector('.pagination [aria-current="page"]')!.textContent, 'Página 1 de 3');
    assert.equal(first.doc.querySelector('.pagination a[rel="next"]')!.getAttribute('href'), '/buscar?q=escolar&sort=modified&page=2');
    assert.equal(first.doc.querySelector('.pagination a[rel="prev"]'), null);
    const second = await get('/buscar?q=escolar&sort=modified&page=2');
    assert.deepEqual(titles(second.doc).slice(0, 1), ['Matrícula escolar 2004']);
    assert.equal(second.doc.querySelector('.pagination a[rel="prev"]')!.getAttribute('href'), '/buscar?q=escolar&sort=modified');
    const third = await get('/buscar?q=escolar&sort=modified&page=3');
    assert.equal(cards(third.doc).length, 5);
    assert.equal(third.doc.querySelector('.pagination a[rel="next"]'), null);
    assert.equal(third.doc.querySelector('ol.result-list')!.getAttribute('start'), '41');
    const past = await get('/buscar?q=escolar&page=9');
    assert.equal(past.status, 200);
    assert.match(past.doc.querySelector('.notice')!.textContent!, /la búsqueda tiene 3 páginas/);
  });

  it('a dataset several portals list shows once, "también en" naming the other portal', async () => {
    const { doc } = await get('/buscar?q=censo+agropecuario');
    assert.equal(cards(doc).length, 1);
    const text = cards(doc)[0].textContent!;
    assert.match(text, /También en\s*SEGEPLAN Guatemala/);
    assert.ok(hrefs(doc).includes(`/portales/${GUATEMALA.id}`));
  });

  it('an empty result says so and suggests removing filters', async () => {
    const { status, doc } = await get('/buscar?q=escolar&level=municipal');
    assert.equal(status, 200);
    const notice = doc.querySelector('.notice')!.textContent!;
    assert.match(notice, /Ningún conjunto de datos coincide con la búsqueda\./);
    assert.match(notice, /Pruebe a quitar algún filtro/);
    assert.equal(doc.querySelector('a.chip')!.getAttribute('href'), '/buscar?q=escolar');
    assert.equal(doc.querySelector('.downloads'), null);
  });

  it('in English with ?lang=en', async () => {
    const { doc } = await get('/buscar?q=escolar&theme=EDUC&lang=en');
    assert.equal(doc.documentElement.getAttribute('lang'), 'en');
    assert.equal(doc.querySelector('h1')!.textContent, 'Search datasets');
    assert.equal(doc.querySelector('#results')!.textContent, '45 datasets');
    assert.equal(doc.querySelector('a.chip')!.getAttribute('aria-label'), 'Remove filter Theme: Education, culture and sport');
    assert.ok(doc.querySelector('aside.facets')!.textContent!.includes('Creative Commons Attribution 4.0 International'));
    assert.equal(doc.querySelector('select[name="sort"] option[value="modified"]')!.textContent, 'Last modified');
  });

  it('offers the result as CSV and JSON with the same query', async () => {
    const { doc } = await get('/buscar?q=escolar&theme=EDUC&sort=modified&page=2');
    const files = [...doc.querySelectorAll('.downloads a')].map((a) => a.getAttribute('href'));
    assert.deepEqual(files, ['/buscar.csv?q=escolar&theme=EDUC&sort=modified', '/api/datasets?q=escolar&theme=EDUC&sort=modified&page=2&limit=20']);
    const json = (await (await fetch(base + files[1])).json()) as { total: number; page: number; items: { id: string }[] };
    assert.equal(json.total, 45);
    assert.equal(json.page, 2);
    assert.equal(json.items[0].id, `${NATIONAL.id}:m24`, 'the same order as the page');
  });

  it('the CSV holds a header row and every result of the query in its order, in words', async () => {
    const res = await fetch(`${base}/buscar.csv?q=escolar&theme=EDUC&sort=modified`, { headers: { 'accept-language': 'es' } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /^text\/csv/);
    assert.match(res.headers.get('content-disposition')!, /busqueda-cosecha\.csv/);
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(lines[0], 'id,Título,Institución,Portal,País,Nivel,Modificado,Formatos,Licencia,Puntaje (sobre 500),Calificación (sobre 500),Puntaje MQA (sobre 405),Calificación MQA,Actualización,Página en Cosecha');
    assert.equal(lines.length, 1 + 45);
    const first = lines[1].split(',');
    assert.deepEqual(first.slice(0, 8), [`${NATIONAL.id}:m44`, 'Matrícula escolar 2024', 'Ministerio de Educación', 'Datos Abiertos Ecuador', 'Ecuador', 'Nacional', '2024-06-01', 'CSV']);
    assert.equal(first[8], 'Creative Commons Atribución 4.0 Internacional');
    assert.equal(first[14], `${base}/conjuntos/${encodeURIComponent(`${NATIONAL.id}:m44`)}`);
    assert.equal(lines[45].split(',')[1], 'Matrícula escolar 1980');
  });

  it('bad parameters give the 400 page, in words', async () => {
    for (const [path, words] of [
      ['/buscar?sort=foo', 'No se puede ordenar por «foo»'],
      ['/buscar?page=abc', 'La página debe ser un número entero de 1 a 10,000, no «abc».'],
      ['/buscar?page=0', 'no «0»'],
      ['/buscar?level=x', 'El nivel de gobierno «x» no existe'],
      ['/buscar?rating=great', 'La calificación «great» no existe'],
      ['/buscar?q=a&q=b', 'El parámetro «q» debe darse una sola vez'],
      ['/buscar.csv?sort=foo', 'No se puede ordenar por «foo»'],
    ]) {
      const { status, type, doc } = await get(path);
      assert.equal(status, 400, path);
      assert.match(type, /html/, path);
      assert.equal(doc.querySelector('h1')!.textContent, 'La consulta no es válida', path);
      assert.ok(doc.querySelector('main')!.textContent!.includes(words), `${path}: ${doc.querySelector('main')!.textContent}`);
    }
  });

  it('harvested markup in titles and descriptions is shown as text', async () => {
    const { body, doc } = await get('/buscar?q=catastro');
    assert.deepEqual(titles(doc), [HOSTILE_TITLE]);
    assert.ok(!body.includes('<script>alert'), 'no script element from a title');
    assert.ok(!body.includes('<img src=x'), 'no img element from a description');
    assert.equal(doc.querySelectorAll('main script, main img').length, 0);
    assert.equal(cards(doc)[0].querySelector('.snippet')!.textContent, HOSTILE_TEXT);
    assert.ok(body.includes('&lt;script'), 'the title is escaped, not dropped');
  });
});

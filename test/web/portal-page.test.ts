import assert from 'node:assert/strict';
import { portalsFixture, textOf, NATIONAL, MUNICIPAL, GUATEMALA, NEVER, UNSAFE, type Fixture } from './portals-fixture.js';

/** The HTML of the section headed by the `<h2 id>`, up to the next section. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<h2 id="${id}">`);
  assert.ok(start >= 0, `no section #${id}`);
  const end = html.indexOf('</section>', start);
  return html.slice(start, end);
}

describe('web: the portal page /portales/:id', () => {
  let f: Fixture;
  before(async () => {
    f = await portalsFixture();
  });
  after(() => f.close());

  it('sums the portal up in words, each score beside its own scale', async () => {
    const { status, text } = await f.get(`/portales/${NATIONAL.id}`);
    assert.equal(status, 200);
    assert.match(text, /<h1>Datos Abiertos Ecuador<\/h1>/);
    const summary = textOf(section(text, 'resumen'));
    assert.match(summary, /País Ecuador Nivel de gobierno Nacional Plataforma CKAN Dirección https:\/\/datosabiertos\.gob\.ec\.example\/ Conjuntos de datos 4 Retirados 0/);
    assert.match(summary, /Puntaje Cosecha \(sobre 500\): 378 de 500 · Buena/);
    assert.match(summary, /Puntaje MQA \(sobre 405\): 330 de 405 · Buena/);
    assert.match(summary, /Actualidad Desactualizado: 4 Completitud 85% de las propiedades DCAT presentes en promedio; 100% de los conjuntos tienen todas las obligatorias\./);
    assert.match(text, /<a href="https:\/\/datosabiertos\.gob\.ec\.example\/" rel="nofollow noopener noreferrer external">/);
  });

  it('says in words that its last harvest failed, above figures kept from the last good one', async () => {
    const page = textOf((await f.get(`/portales/${NATIONAL.id}`)).text);
    assert.match(page, /La última cosecha falló: El portal tardó demasiado en responder\. Detalle técnico: Timeout awaiting response for 30000ms Resumen/);
    const runs = textOf(section((await f.get(`/portales/${NATIONAL.id}`)).text, 'cosechas'));
    assert.match(runs, /14 feb 2026, 12:01 p\.m\. UTC Completa Falló 0 vistos: 0 nuevos, 0 actualizados, 0 sin cambios, 0 retirados El portal tardó demasiado en responder\./);
    assert.match(runs, /13 feb 2026, 10:01 a\.m\. UTC Completa Terminada 4 vistos: 4 nuevos, 0 actualizados, 0 sin cambios, 0 retirados/);
  });

  it('lists the most common gaps in words, with the points they cost and what to do', async () => {
    const gaps = textOf(section((await f.get(`/portales/${NATIONAL.id}`)).text, 'brechas'));
    assert.match(gaps, /Ni el conjunto ni el recurso declaran una licencia\. 2 conjuntos · \+35 puntos cada uno \(\+70 puntos en total\) Qué hacer: Declare una licencia/);
    assert.match(gaps, /Indicador: Licencia declarada \(R1\)/);
    assert.match(gaps, /No tiene palabras clave \(etiquetas\)\. 1 conjunto · \+30 puntos Qué hacer:/);
    assert.doesNotMatch(gaps, /license_missing|keywords_missing/);
  });

  it('lists its institutions with links to their report cards and their mean score rated out of 500', async () => {
    const html = section((await f.get(`/portales/${NATIONAL.id}`)).text, 'instituciones');
    assert.match(html, /<a href="\/instituciones\/ec-datosabiertos\/mineduc">Ministerio de Educación<\/a>/);
    assert.match(html, /<a href="\/instituciones\/ec-datosabiertos\/inec">Instituto Nacional de Estadística y Censos<\/a>/);
    assert.match(textOf(html), /Ministerio de Educación 3 Puntaje Cosecha \(sobre 500\): \d+ de 500 · (Buena|Suficiente|Excelente|Insuficiente)/);
  });

  it('draws its dimensions, its score histogram and its history, each with a table', async () => {
    const { text } = await f.get(`/portales/${NATIONAL.id}`);
    assert.equal((text.match(/<figure class="chart">/g) ?? []).length, 3);
    assert.equal((text.match(/<svg[^>]*role="img"/g) ?? []).length, 3);
    const dimensions = textOf(section(text, 'dimensiones'));
    assert.match(dimensions, /Dimensión Puntos obtenidos Búsqueda 93% Acceso 53% Interoperabilidad 100% Reutilización 80% Contexto 75% Actualidad 26% Valor 93%/);
    assert.match(textOf(section(text, 'puntajes')), /Puntaje Conjuntos 0 a 50 0 .* 300 a 350 2 350 a 400 0 400 a 450 1 450 a 500 1/);
    const history = textOf(section(text, 'evolucion'));
    assert.match(history, /Cambio en 3 meses: \+40 puntos \(contra el 1 nov 2025\)\./);
    assert.match(history, /Fecha Puntaje medio MQA medio 1 nov 2025 338 330 15 feb 2026 378 330/);
  });

  it('shows the ratings when an old snapshot has no score histogram', async () => {
    const { status, text } = await f.get(`/portales/${GUATEMALA.id}`);
    assert.equal(status, 200);
    assert.match(textOf(section(text, 'puntajes')), /Conjuntos por calificación MQA .* Calificación MQA Conjuntos Excelente 1 Buena 0 Suficiente 0 Insuficiente 0/);
    assert.match(textOf(section(text, 'evolucion')), /Solo hay un informe guardado/);
  });

  it('shows the notes of a run that held back', async () => {
    const runs = textOf(section((await f.get(`/portales/${MUNICIPAL.id}`)).text, 'cosechas'));
    assert.match(runs, /0 retirados El portal declaró 10 conjuntos y el listado dio 2: se guardó lo visto y no se retiró nada\./);
  });

  it('a configured portal never harvested says there is no data yet and why its run failed', async () => {
    const { status, text } = await f.get(`/portales/${NEVER.id}`);
    assert.equal(status, 200);
    const page = textOf(text);
    assert.match(page, /Todavía no hay datos de este portal: ninguna cosecha terminó con conjuntos de datos\. La última cosecha falló: No se pudo conectar con el portal\. Detalle técnico: connect ECONNREFUSED 127\.0\.0\.1:9/);
    assert.match(page, /País Perú Nivel de gobierno Municipal Plataforma CKAN/);
    assert.doesNotMatch(text, /<h2 id="brechas">/);
  });

  it('renders an unsafe portal address as text, never as a link', async () => {
    const { status, text } = await f.get(`/portales/${UNSAFE.id}`);
    assert.equal(status, 200);
    assert.doesNotMatch(text, /href="[^"]*javascript/i);
    assert.match(text, /<span class="unsafe-url">JaVaScRiPt:alert\(1\)<\/span>/);
    assert.match(textOf(text), /Este portal está configurado pero aún no se ha cosechado\./);
  });

  it('links to its datasets, its JSON report and the comparison', async () => {
    const html = section((await f.get(`/portales/${NATIONAL.id}`)).text, 'mas');
    for (const href of ['/buscar?portal=ec-datosabiertos', '/api/portals/ec-datosabiertos/report', '/comparar?portal=ec-datosabiertos']) {
      assert.ok(html.includes(`href="${href}"`), href);
    }
  });

  it('speaks English with ?lang=en', async () => {
    const { text } = await f.get(`/portales/${NATIONAL.id}?lang=en`);
    assert.match(text, /<html lang="en">/);
    const page = textOf(text);
    assert.match(page, /National open-data portal of Ecuador\./);
    assert.match(page, /The last harvest failed: The portal took too long to answer\./);
    assert.match(page, /Neither the dataset nor the resource declares a licence\. 2 datasets · \+35 points each/);
    assert.match(page, /Cosecha score \(out of 500\): 378 of 500 · Good/);
    assert.match(page, /Findability 93% Accessibility 53%/);
  });

  it('an unknown portal is the Spanish 404 page', async () => {
    const { status, text } = await f.get('/portales/xx-nada');
    assert.equal(status, 404);
    assert.match(text, /No encontramos esta página/);
  });
});

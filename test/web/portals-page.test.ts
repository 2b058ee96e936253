import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { portalsFixture, rowIds, textOf, NATIONAL, MUNICIPAL, GUATEMALA, NEVER, UNSAFE, type Fixture } from './portals-fixture.js';

describe('web: the scoreboard /portales', () => {
  let f: Fixture;
  before(async () => {
    f = await portalsFixture();
  });
  after(() => f.close());

  it('lists every portal, the configured one never harvested included, best mean score first and those without data last', async () => {
    const { status, text } = await f.get('/portales');
    assert.equal(status, 200);
    assert.deepEqual(rowIds(text), [GUATEMALA.id, NATIONAL.id, MUNICIPAL.id, UNSAFE.id, NEVER.id]);
    assert.match(text, /<th scope="col" aria-sort="descending"><a href="\/portales\?sort=score&amp;dir=asc"/);
    assert.equal((text.match(/aria-sort=/g) ?? []).length, 1);
    assert.match(text, /<a href="\/portales\/pe-nunca">Portal Nunca Cosechado<\/a>/);
  });

  it('shows each rating beside its own scale and every code by its label', async () => {
    const page = textOf((await f.get('/portales')).text);
    // The national portal: 378 of 500 is "Buena" on the 500 scale, 330 of 405 "Buena" on the MQA scale.
    assert.match(page, /Datos Abiertos Ecuador Ecuador Nacional 4 Puntaje Cosecha \(sobre 500\): 378 de 500 · Buena Puntaje MQA \(sobre 405\): 330 de 405 · Buena 93% 53% 100% 80% 75% 0% 50% \+40 Falló/);
    assert.match(page, /SEGEPLAN Guatemala Guatemala Nacional 1 .* 451 de 500 · Excelente/);
    assert.match(page, /Portal Nunca Cosechado Perú Municipal/);
    assert.match(page, /Búsqueda Acceso Interoperabilidad Reutilización Contexto/);
    for (const code of [/>EC</, />GT</, />national</, />municipal</, /excellent/, /up_to_date/, /unreachable/, />failed</]) assert.doesNotMatch(page, code);
  });

  it('says in words why a last harvest failed, and what a run held back', async () => {
    const page = textOf((await f.get('/portales')).text);
    assert.match(page, /La última cosecha de 2 de 5 portales falló/);
    assert.match(page, /Portal Nunca Cosechado Perú Municipal( —){11} Falló 14 feb 2026 No se pudo conectar con el portal\. Detalle técnico: connect ECONNREFUSED 127\.0\.0\.1:9/);
    assert.match(page, /Falló 14 feb 2026 El portal tardó demasiado en responder\./);
    assert.match(page, /Terminada 14 feb 2026 El portal declaró 10 conjuntos y el listado dio 2: se guardó lo visto y no se retiró nada\./);
    assert.match(page, /Portal de dirección rara Guatemala Subnacional( —){11} Nunca cosechado/);
  });

  it('gives the change against three months ago only where a snapshot is that old, and says when no link was checked', async () => {
    const page = textOf((await f.get('/portales')).text);
    assert.match(page, /50% \+40 Falló/);
    assert.match(page, /Datos Abiertos Cuenca .* 0% Aún sin revisar — Terminada/);
  });

  it('sorts by the column asked, either way, and the sorted header links to the other direction', async () => {
    const byName = await f.get('/portales?sort=name&dir=asc');
    assert.deepEqual(rowIds(byName.text), [MUNICIPAL.id, NATIONAL.id, UNSAFE.id, NEVER.id, GUATEMALA.id]);
    assert.match(byName.text, /aria-sort="ascending"><a href="\/portales\?sort=name&amp;dir=desc"/);
    const byDatasets = await f.get('/portales?sort=datasets&dir=asc');
    assert.deepEqual(rowIds(byDatasets.text), [GUATEMALA.id, MUNICIPAL.id, NATIONAL.id, UNSAFE.id, NEVER.id]);
    const byChange = await f.get('/portales?sort=change');
    assert.equal(rowIds(byChange.text)[0], NATIONAL.id);
    // A header not sorted on starts in its own best-first direction.
    assert.match(byDatasets.text, /<a href="\/portales\?sort=mqa&amp;dir=desc"/);
  });

  it('filters by country and by level with a labelled form that keeps the order', async () => {
    const ec = await f.get('/portales?country=EC');
    assert.deepEqual(rowIds(ec.text), [NATIONAL.id, MUNICIPAL.id]);
    assert.match(textOf(ec.text), /2 de 5 portales/);
    assert.match(ec.text, /<label for="f-country">País<\/label><select id="f-country" name="country">/);
    assert.match(ec.text, /<option value="EC" selected>Ecuador<\/option>/);
    const municipal = await f.get('/portales?level=municipal&sort=name');
    assert.deepEqual(rowIds(municipal.text), [MUNICIPAL.id, NEVER.id]);
    assert.match(municipal.text, /<input type="hidden" name="sort" value="name"\/>/);
    assert.match(municipal.text, /<button type="submit">Filtrar<\/button>/);
    const none = await f.get('/portales?country=AR');
    assert.match(textOf(none.text), /Ningún portal cumple estos filtros\./);
  });

  it('answers 400 in words to a sort or level it does not know', async () => {
    for (const path of ['/portales?sort=fame', '/portales?level=galactic', '/portales?country=Ecuador']) {
      const { status, text } = await f.get(path);
      assert.equal(status, 400, path);
      assert.match(text, /La consulta no es válida/, path);
    }
  });

  it('draws the mean score of the filtered portals with the chart table beside it', async () => {
    const { text } = await f.get('/portales?level=national');
    const figure = text.slice(text.indexOf('<figure class="chart">'), text.indexOf('</figure>'));
    assert.match(figure, /<svg[^>]*role="img"/);
    assert.match(figure, /<div class="chart-svg" aria-hidden="true">/);
    assert.match(textOf(figure), /Portal Puntaje \(sobre 500\) Calificación sobre 500 SEGEPLAN Guatemala 450\.5 Excelente Datos Abiertos Ecuador 378 Buena/);
    assert.doesNotMatch(figure, /Datos Abiertos Cuenca/);
  });

  it('offers the table as CSV with the same filters and order, codes as labels', async () => {
    const page = await f.get('/portales?level=national&sort=name');
    assert.match(page.text, /href="\/portales.csv\?level=national&amp;sort=name"/);
    const { status, type, text } = await f.get('/portales.csv?level=national&sort=name');
    assert.equal(status, 200);
    assert.match(type, /^text\/csv/);
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0], /^id,Portal,País,Nivel,Conjuntos,Puntaje \(sobre 500\),Calificación sobre 500,MQA \(sobre 405\),Calificación MQA,Búsqueda \(%\)/);
    assert.deepEqual(lines.slice(1).map((l) => l.split(',')[0]), [NATIONAL.id, GUATEMALA.id]);
    assert.match(lines[1], /^ec-datosabiertos,Datos Abiertos Ecuador,Ecuador,Nacional,4,378,Buena,330,Buena,92.5,52.5,100,80,75,0,50,40,Falló,2026-02-14T12:01:00.000Z,El portal tardó demasiado en responder\. \(Timeout awaiting response for 30000ms\)$/);
  });

  it('offers the table as XLSX that a spreadsheet reads back, in English when asked', async () => {
    const res = await fetch(`${f.base}/portales.xlsx?country=EC&lang=en`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', /portals\.xlsx/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0];
    assert.equal(sheet.name, 'Portals');
    assert.equal(sheet.getCell('B1').value, 'Portal');
    assert.equal(sheet.getCell('B2').value, 'Datos Abiertos Ecuador');
    assert.equal(sheet.getCell('D2').value, 'National');
    assert.equal(sheet.getCell('F2').value, 378);
    assert.equal(sheet.getCell('G2').value, 'Good');
    assert.equal(sheet.getCell('A3').value, MUNICIPAL.id);
    assert.equal(sheet.rowCount, 3);
  });

  it('speaks English with ?lang=en', async () => {
    const { text } = await f.get('/portales?lang=en');
    assert.match(text, /<html lang="en">/);
    const page = textOf(text);
    assert.match(page, /Datos Abiertos Ecuador Ecuador National 4 Cosecha score \(out of 500\): 378 of 500 · Good/);
    assert.match(page, /Failed Feb 14, 2026 The portal could not be reached\./);
    assert.match(page, /The portal declared 10 datasets and the listing gave 2: what was seen is stored and nothing was withdrawn\./);
    assert.match(page, /Findability Accessibility Interoperability Reusability Contextuality/);
    assert.match(page, /Peru Municipal/);
  });

});

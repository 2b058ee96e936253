import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import { openStore } from '../../src/container.js';
import { seededStore, NOW, NATIONAL, MUNICIPAL, GUATEMALA } from '../reports/seed.js';
import { samplePortal } from '../support/samples.js';
import { SHOW_ALL_UP_TO } from '../../src/web/pages/compare/route.js';
import type { Store } from '../../src/store/store.js';
import { serveSite, type Site } from './site.js';

/** A table's body as rows of cell texts, its row header first. */
function cells($: cheerio.CheerioAPI, table: cheerio.Cheerio<any>): string[][] {
  return table.find('tbody tr').toArray().map((tr) => $(tr).children().toArray().map((c) => $(c).text().trim()));
}

describe('web: the portal comparison', () => {
  let store: Store;
  let site: Site;
  const page = (path: string) => site.page(path);

  before(async () => {
    store = await seededStore();
    site = await serveSite(store, { now: NOW });
  });
  after(async () => {
    await site.close();
    await store.close();
  });

  it('puts the chosen portals side by side in the order asked, with their scores on each scale', async () => {
    const { status, $ } = await page(`/comparar?portal=${MUNICIPAL.id}&portal=${NATIONAL.id}`);
    assert.equal(status, 200);
    const rows = cells($, $('#compare-summary').parent().find('table'));
    assert.deepEqual(rows.map((r) => r.slice(0, 3)), [['Datos Abiertos Cuenca', 'Ecuador · Municipal', '2'], ['Datos Abiertos Ecuador', 'Ecuador · Nacional', '4']]);
    assert.match(rows[1][3], /^Puntaje Cosecha \(sobre 500\): \d+ de 500 · (Excelente|Buena|Suficiente|Insuficiente)$/);
    assert.match(rows[1][4], /^Puntaje MQA \(sobre 405\): \d+ de 405 · (Excelente|Buena|Suficiente|Insuficiente)$/);
    assert.deepEqual($('input[name="portal"]:checked').toArray().map((i) => $(i).val()).sort(), [MUNICIPAL.id, NATIONAL.id].sort());
  });

  it('shows the seven dimensions as one chart, with the table of every portal and dimension beside it', async () => {
    const { $ } = await page(`/comparar?portal=${NATIONAL.id}&portal=${MUNICIPAL.id}`);
    const figure = $('#compare-dimensions').parent().find('figure.chart');
    assert.equal(figure.find('svg').length, 1);
    assert.deepEqual(figure.find('thead th').toArray().map((th) => $(th).text()), ['Portal', 'Búsqueda', 'Acceso', 'Interoperabilidad', 'Reutilización', 'Contexto', 'Actualidad', 'Valor']);
    assert.equal(figure.find('tbody tr').length, 2);
  });

  it('gives the indicator pass rates by title, as percentages per portal', async () => {
    const { $ } = await page(`/comparar?portal=${NATIONAL.id}&portal=${MUNICIPAL.id}`);
    const rows = cells($, $('table.compare-indicators'));
    assert.equal(rows.length, 30);
    // National: a and d declare a licence, b and c do not; Cuenca: neither e nor f.
    assert.deepEqual(rows.find((r) => r[0] === 'Licencia declarada (R1)'), ['Licencia declarada (R1)', '50%', '0%']);
    assert.deepEqual(rows.find((r) => r[0] === 'Palabras clave (F1)'), ['Palabras clave (F1)', '75%', '100%']);
  });

  it('shows freshness and link states as shares, every state by its label', async () => {
    const { $ } = await page(`/comparar?portal=${NATIONAL.id}`);
    const fresh = $('#compare-freshness').parent().find('figure.chart');
    assert.deepEqual(fresh.find('thead th').toArray().map((th) => $(th).text()), ['Portal', 'Al día', 'Con retraso', 'Desactualizado', 'Sin frecuencia declarada', 'Fecha desconocida']);
    const links = cells($, $('#compare-links').parent().find('figure.chart table'));
    assert.deepEqual($('#compare-links').parent().find('figure.chart thead th').toArray().map((th) => $(th).text()), [
      'Portal', 'Enlace', 'Responde', 'Roto', 'Sin respuesta clara', 'Aún sin revisar', 'No revisado (dirección privada)', 'Sin enlace',
    ]);
    // Download links: a ok, b not checked, c unclear, d broken. Access: a and d ok, b broken, c refused.
    assert.deepEqual(links, [
      ['Datos Abiertos Ecuador', 'Enlaces de descarga', '25%', '25%', '25%', '25%', '0%', '0%'],
      ['Datos Abiertos Ecuador', 'Enlaces de acceso', '50%', '25%', '0%', '0%', '25%', '0%'],
    ]);
    assert.doesNotMatch($('main').text(), /\b(up_to_date|not_checked|no_promise|findability)\b/);
  });

  it('compares a country and level with selects, and national against municipal for a country', async () => {
    const municipal = await page('/comparar?country=EC&level=municipal');
    assert.deepEqual(cells(municipal.$, municipal.$('#compare-summary').parent().find('table')).map((r) => r[0]), ['Datos Abiertos Cuenca']);
    assert.equal(municipal.$('#compare-country option:selected').text(), 'Ecuador');
    assert.equal(municipal.$('#compare-level option:selected').text(), 'Municipal');
    const country = await page('/comparar?country=ec');
    assert.deepEqual(cells(country.$, country.$('#compare-summary').parent().find('table')).map((r) => r[0]), ['Datos Abiertos Ecuador', 'Datos Abiertos Cuenca']);
    const levels = cells(country.$, country.$('#compare-levels').parent().find('table'));
    assert.deepEqual(levels.map((r) => r.slice(0, 3)), [['Nacional', '1', '4'], ['Municipal', '1', '2']]);
  });

  it('with nothing chosen and few portals, compares them all; every form control is labelled', async () => {
    const { $ } = await page('/comparar');
    assert.equal(cells($, $('#compare-summary').parent().find('table')).length, 3);
    for (const control of $('main input, main select').toArray()) {
      const id = $(control).attr('id');
      assert.ok(id && $(`label[for="${id}"]`).text().trim(), `control ${$(control).attr('name')} has a label`);
    }
    assert.equal($(`label[for="compare-${GUATEMALA.id}"]`).text(), 'SEGEPLAN Guatemala (Guatemala, nacional)');
  });

  it('speaks English with ?lang=en', async () => {
    const { $ } = await page(`/comparar?portal=${NATIONAL.id}&lang=en`);
    assert.equal($('html').attr('lang'), 'en');
    assert.equal($('h1').text(), 'Compare portals');
    assert.ok(cells($, $('table.compare-indicators')).some((r) => r[0] === 'Licence given (R1)'));
    assert.equal(cells($, $('#compare-summary').parent().find('table'))[0][1], 'Ecuador · National');
  });

  it('an unknown portal is a 404 naming it, a bad choice a 400, in words', async () => {
    const unknown = await page(`/comparar?portal=${NATIONAL.id}&portal=xx-nada`);
    assert.equal(unknown.status, 404);
    assert.match(unknown.$('main').text(), /No conocemos el portal «xx-nada»\./);
    const english = await page('/comparar?portal=xx-nada&portal=yy-nada&lang=en');
    assert.match(english.$('main').text(), /We do not know the portals "xx-nada", "yy-nada"\./);
    const many = Array.from({ length: 51 }, (_, i) => `portal=p${i}`).join('&');
    for (const [path, words] of [
      ['/comparar?level=galactic', 'El nivel de gobierno debe ser nacional, subnacional o municipal, no «galactic».'],
      ['/comparar?country=Ecuador', 'El país debe ser un código de dos letras (EC, GT, …), no «ECUADOR».'],
      ['/comparar?country=EC&country=GT', 'El parámetro «country» debe darse una sola vez.'],
      [`/comparar?portal=${NATIONAL.id}&country=EC`, 'Compare portales elegidos, o los de un país y un nivel, pero no las dos cosas a la vez.'],
      [`/comparar?${many}`, 'Se pueden comparar hasta 50 portales a la vez.'],
    ]) {
      const { status, $ } = await page(path);
      assert.equal(status, 400, path);
      assert.equal($('h1').text(), 'La consulta no es válida', path);
      assert.ok($('main').text().includes(words), path);
    }
  });

  it('with many portals and nothing chosen, asks to choose; portal names stay text', async () => {
    const many = await openStore('sqlite::memory:');
    for (let i = 0; i <= SHOW_ALL_UP_TO; i++) await many.portals.upsert(samplePortal({ id: `ec-portal-${i}`, name: i === 0 ? '<script>alert(1)</script>' : `Portal ${i}` }));
    const other = await serveSite(many, { now: NOW });
    try {
      const html = await (await fetch(`${other.base}/comparar`)).text();
      const $ = cheerio.load(html);
      assert.match($('main .notice').text(), new RegExp(`^Hay ${SHOW_ALL_UP_TO + 1} portales: elija algunos`));
      assert.equal($('#compare-summary').length, 0);
      assert.notEqual($('details.compare-portals').attr('open'), undefined);
      assert.equal($('label[for="compare-ec-portal-0"]').text(), '<script>alert(1)</script> (Ecuador, nacional)');
      assert.ok(!html.includes('<script>alert'));
    } finally {
      await other.close();
      await many.close();
    }
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as cheerio from 'cheerio';
import ExcelJS from 'exceljs';
import { buildPortalReport } from '../../reports/portal-report.js';
import { buildPublisherReport } from '../../reports/publisher-report.js';
import { explanationFor, recommendationFor, recommendations } from '../../src/quality/explanations.js';
import { addDatasets, scored, seededStore, NOW, NATIONAL } from '../reports/seed.js';
import type { Store } from '../../src/store/store.js';
import { serveSite, type Site } from './site.js';
import { FIXES_IN_FULL } from '../../src/web/pages/institution/fix-list.js';

const CARD = `/instituciones/${NATIONAL.id}/mineduc`;
const HOSTILE = { name: '"><img src=x onerror=alert(1)>', id: 'hostil' };

/** CSV text to rows (the fields here hold no line breaks). */
function csvRows(text: string): string[][] {
  return text.replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"')));
}

describe('web: the institution report card', () => {
  let store: Store;
  let site: Site;
  let base: string;
  const page = (path: string) => site.page(path);

  before(async () => {
    store = await seededStore();
    await addDatasets(store, NATIONAL, [scored({ sourceId: 'x', title: '<script>alert("x")</script>', publisher: HOSTILE })]);
    for (const createdAt of ['2025-12-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z']) {
      await store.reports.save({ scope: { kind: 'portal', id: NATIONAL.id }, createdAt, report: await buildPortalReport(store, NATIONAL.id, new Date(createdAt)) });
    }
    site = await serveSite(store, { now: NOW });
    base = site.base;
  });
  after(async () => {
    await site.close();
    await store.close();
  });

  it('names the institution and its portal, with each score beside its own scale and rating in words', async () => {
    const { status, $ } = await page(CARD);
    assert.equal(status, 200);
    assert.equal($('h1').text(), 'Ministerio de Educación');
    assert.equal($(`a[href="/portales/${NATIONAL.id}"]`).first().text(), 'Datos Abiertos Ecuador');
    const figures = Object.fromEntries($('.figures > div').toArray().map((d) => [$(d).find('dt').text(), $(d).find('dd').text()]));
    const report = await buildPublisherReport(store, `${NATIONAL.id}/mineduc`, NOW);
    assert.equal(figures['Conjuntos de datos'], '3');
    assert.match(figures['Puntaje medio Cosecha'], new RegExp(`^Puntaje Cosecha \\(sobre 500\\): ${Math.round(report.summary.score.mean)} de 500 · (Excelente|Buena|Suficiente|Insuficiente)$`));
    assert.match(figures['Puntaje medio MQA'], new RegExp(`^Puntaje MQA \\(sobre 405\\): ${Math.round(report.summary.score.mqaMean)} de 405 · (Excelente|Buena|Suficiente|Insuficiente)$`));
    assert.doesNotMatch($('main').text(), /\b(excellent|sufficient|license_missing|link_not_checked|up_to_date)\b/);
  });

  it('"qué corregir primero" gives each fix its points per dataset and in total, its datasets and what to do', async () => {
    const { $ } = await page(CARD);
    const fixes = $('.institution-fixes > .fix-list > .fix').toArray().map((li) => $(li));
    const totals = fixes.map((li) => Number(/\+([\d.]+) puntos en total/.exec(li.find('.fix-gain').text())![1]));
    assert.deepEqual(totals, [...totals].sort((a, b) => b - a), 'most points first');
    // The first fixes in full, the rest a line each, still with their points.
    const report = await buildPublisherReport(store, `${NATIONAL.id}/mineduc`, NOW);
    const todo = report.fixes.filter((f) => f.actionable);
    assert.equal(fixes.length, Math.min(todo.length, FIXES_IN_FULL));
    const more = $('.institution-fixes > .table-scroll .more-fixes tbody tr').toArray();
    assert.equal(more.length, todo.length - FIXES_IN_FULL);
    assert.match($(more[0]).text(), new RegExp(`\\+${todo[FIXES_IN_FULL].totalGain}$`));
    const licence = fixes.find((li) => li.find('h3').text() === 'Licencia declarada (R1)')!;
    assert.equal(licence.find('.fix-gain').text(), '+35 puntos por conjunto · +70 puntos en total');
    assert.equal(licence.find('.fix-todo').text(), `Qué hacer: ${recommendationFor('license_missing', 'R1', NATIONAL.platform)!.es.replace(/`/g, '')}`);
    assert.match(licence.text(), /El mismo arreglo recupera también: Licencia conocida \(R2\), Licencia abierta \(Q4\)\./);
    assert.match(licence.find('.fix-affected').text(), /^2 conjuntos de datos afectados:/);
    assert.deepEqual(licence.find('.fix-affected a').toArray().map((a) => $(a).attr('href')), ['/conjuntos/ec-datosabiertos%3Ab', '/conjuntos/ec-datosabiertos%3Ac']);
    // A link not checked yet is not the institution's to fix: it waits apart.
    const notChecked = explanationFor('link_not_checked', 'A3').es;
    assert.ok(!fixes.some((li) => li.text().includes(notChecked)));
    const waiting = $('.institution-fixes .notice');
    assert.equal(waiting.find('h3').first().text(), 'Pendiente de la revisión de enlaces');
    assert.ok(waiting.find('.fix').toArray().some((li) => $(li).find('h3').text() === 'URL de descarga disponible (A3)' && $(li).text().includes(notChecked)));
  });

  it('lists its datasets lowest score first, each with both scores and its first fix', async () => {
    const { $ } = await page(CARD);
    const rows = $('.institution-table tbody tr').toArray().map((tr) => $(tr));
    assert.equal(rows.length, 3);
    const scores = rows.map((tr) => Number(/(\d+) de 500/.exec(tr.find('td').eq(0).text())![1]));
    assert.deepEqual(scores, [...scores].sort((a, b) => a - b));
    assert.equal(rows[0].find('th a').attr('href'), '/conjuntos/ec-datosabiertos%3Ac');
    assert.match(rows[0].find('td').eq(1).text(), /de 405 · /);
    assert.match(rows[0].find('td').eq(3).text(), /^URL de acceso disponible \(\+50\)$/, 'c: its access link is refused (50 points)');
    assert.equal($(`a[href="/buscar?portal=${NATIONAL.id}&publisher=Ministerio+de+Educaci%C3%B3n"]`).length, 1);
  });

  it('downloads its datasets as CSV, with scores, ratings and the first fix in words', async () => {
    const res = await fetch(`${base}${CARD}?format=csv`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="?cosecha-ec-datosabiertos-ministerio-de-educacion\.csv"?$/);
    const [head, ...rows] = csvRows(await res.text());
    assert.deepEqual(head, ['Conjunto de datos', 'Identificador', 'Dirección', 'Puntaje (sobre 500)', 'Calificación sobre 500', 'MQA (sobre 405)', 'Calificación MQA', 'Actualización', 'Qué corregir primero', 'Recomendación', 'Puntos que gana']);
    assert.deepEqual(rows.map((r) => r[1]), ['ec-datosabiertos:c', 'ec-datosabiertos:b', 'ec-datosabiertos:a']);
    for (const row of rows) {
      const stored = (await store.datasets.get(row[1]))!;
      const first = recommendations(stored.quality, NATIONAL.platform).find((f) => f.code !== 'link_not_checked');
      assert.equal(Number(row[3]), stored.quality.total);
      assert.match(row[4], /^(Excelente|Buena|Suficiente|Insuficiente)$/);
      assert.equal(row[2], `${base}/conjuntos/${encodeURIComponent(row[1])}`);
      assert.equal(Number(row[10]), first?.gain ?? 0);
      assert.equal(row[9], first?.text.es ?? '');
    }
  });

  it('downloads the same table as XLSX, which reads back with exceljs', async () => {
    const res = await fetch(`${base}${CARD}?format=xlsx&lang=en`);
    assert.equal(res.status, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0];
    assert.equal(sheet.name, 'Datasets');
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1, 4), ['Dataset', 'Identifier', 'Address']);
    assert.equal(sheet.rowCount, 4);
    assert.equal(sheet.getRow(2).getCell(2).value, 'ec-datosabiertos:c');
    assert.equal(typeof sheet.getRow(2).getCell(4).value, 'number');
  });

  it('speaks English with ?lang=en', async () => {
    const { $ } = await page(`${CARD}?lang=en`);
    assert.equal($('html').attr('lang'), 'en');
    assert.equal($('#fix-first').text(), 'What to fix first');
    const licence = $('.fix').filter((_, li) => $(li).find('h3').text() === 'Licence given (R1)');
    assert.equal(licence.find('.fix-gain').text(), '+35 points per dataset · +70 points in total');
    assert.equal(licence.find('.fix-todo').text(), `What to do: ${recommendationFor('license_missing', 'R1', NATIONAL.platform)!.en.replace(/`/g, '')}`);
  });

  it('draws its history from the stored portal reports, with the table beside the chart', async () => {
    const { $ } = await page(CARD);
    const history = $('.institution-history');
    assert.equal(history.find('figure.chart svg').length, 1);
    assert.equal(history.find('figure.chart tbody tr').length, 2);
    assert.match(history.find('figure.chart tbody tr').first().text(), /dic 2025/);
  });

  it('renders harvested text inert: a hostile publisher name and title stay text', async () => {
    const res = await fetch(`${base}/instituciones/${NATIONAL.id}/hostil`);
    const html = await res.text();
    const $ = cheerio.load(html);
    assert.equal(res.status, 200);
    assert.equal($('h1').text(), HOSTILE.name);
    assert.equal($('img[onerror]').length, 0);
    assert.equal($('main script').length, 0);
    assert.ok(!html.includes('<script>alert'), 'the title is escaped');
    assert.equal($('.institution-table th a').text(), '<script>alert("x")</script>');
  });

  it('reads the whole publisher id, its slash escaped, as the same card', async () => {
    const { status, $ } = await page(`/instituciones/${NATIONAL.id}/${encodeURIComponent(`${NATIONAL.id}/mineduc`)}`);
    assert.equal(status, 200);
    assert.equal($('h1').text(), 'Ministerio de Educación');
  });

  it('an unknown institution or portal is the 404 page in words; a bad format the 400 page', async () => {
    for (const path of [`/instituciones/${NATIONAL.id}/nadie`, '/instituciones/xx-nada/mineduc']) {
      const { status, $ } = await page(path);
      assert.equal(status, 404, path);
      assert.equal($('h1').text(), 'No encontramos esta página');
    }
    const bad = await page(`${CARD}?format=pdf`);
    assert.equal(bad.status, 400);
    assert.match(bad.$('main').text(), /El formato de descarga debe ser csv o xlsx\./);
  });

  it('prints as a summary: its print rules hide the history, paging and search link', () => {
    const css = readFileSync(new URL('../../src/web/assets/cosecha.css', import.meta.url), 'utf8');
    const block = css.slice(css.indexOf('/* Institution'), css.indexOf('/* Compare'));
    assert.match(block, /@media print \{[\s\S]*\.institution-history, \.institution \.no-print, \.institution \.pagination \{ display: none !important; \}/);
    assert.match(block, /\.institution-table, \.more-fixes \{ break-inside: auto;/);
  });

  it('a card is kept until the portal stores its next report, then built again with the new figures', async () => {
    const count = async () => (await page(CARD)).$('dl.figures').text();
    const before = await count();
    await addDatasets(store, NATIONAL, [scored({ sourceId: 'nuevo', title: 'Becas 2026', publisher: { name: 'Ministerio de Educación', id: 'mineduc' } })], 'run-nuevo');
    assert.equal(await count(), before, 'no new report yet: the kept card');
    const createdAt = '2026-02-10T00:00:00.000Z';
    await store.reports.save({ scope: { kind: 'portal', id: NATIONAL.id }, createdAt, report: await buildPortalReport(store, NATIONAL.id, new Date(createdAt)) });
    assert.notEqual(await count(), before, 'a new report: the card counts the new dataset');
    assert.match((await page(CARD)).$('main').text(), /Becas 2026/);
  });
});

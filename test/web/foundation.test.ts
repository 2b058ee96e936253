import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { once } from 'node:events';
import * as cheerio from 'cheerio';
import ExcelJS from 'exceljs';
import express from 'express';
import { createApp } from '../../src/api/app.js';
import { buildPortalReport } from '../../reports/portal-report.js';
import { silentLogger } from '../../src/log.js';
import { seededStore, NOW, NATIONAL, MUNICIPAL, GUATEMALA } from '../reports/seed.js';
import type { Store } from '../../src/store/store.js';
import { sendTable } from '../../src/web/data/table-file.js';
import { barChart } from '../../src/web/charts/bars.js';
import { lineChart } from '../../src/web/charts/line.js';
import { facetValueLabel, licenseLabel, themeLabel } from '../../src/web/i18n/labels.js';

async function listen(app: express.Express): Promise<{ server: Server; base: string }> {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

describe('web layer: layout, language, home page, errors', () => {
  let store: Store;
  let server: Server;
  let base: string;

  before(async () => {
    store = await seededStore();
    for (const portal of [NATIONAL, MUNICIPAL, GUATEMALA]) {
      await store.reports.save({ scope: { kind: 'portal', id: portal.id }, createdAt: NOW.toISOString(), report: await buildPortalReport(store, portal.id, NOW) });
    }
    ({ server, base } = await listen(createApp({ store, portals: [], log: silentLogger, version: 'test', now: () => NOW })));
  });
  after(async () => {
    server.close();
    await store.close();
  });

  it('speaks Spanish by default, with <html lang="es">', async () => {
    const res = await fetch(`${base}/`);
    const $ = cheerio.load(await res.text());
    assert.equal(res.status, 200);
    assert.equal($('html').attr('lang'), 'es');
    assert.equal($('h1').text(), 'Datos abiertos de América Latina');
  });

  it('?lang=en turns the page to English and remembers it in a cookie', async () => {
    const res = await fetch(`${base}/?lang=en`);
    const $ = cheerio.load(await res.text());
    assert.equal($('html').attr('lang'), 'en');
    assert.equal($('h1').text(), 'Open data of Latin America');
    const cookie = res.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^lang=en;/);
    const next = cheerio.load(await (await fetch(`${base}/`, { headers: { cookie: 'lang=en' } })).text());
    assert.equal(next('html').attr('lang'), 'en');
  });

  it('follows Accept-Language when neither the query nor a cookie choose', async () => {
    const en = cheerio.load(await (await fetch(`${base}/`, { headers: { 'accept-language': 'en-US,en;q=0.9' } })).text());
    assert.equal(en('html').attr('lang'), 'en');
    const pt = cheerio.load(await (await fetch(`${base}/`, { headers: { 'accept-language': 'pt-BR' } })).text());
    assert.equal(pt('html').attr('lang'), 'es', 'a language Cosecha does not speak falls back to Spanish');
    const bad = cheerio.load(await (await fetch(`${base}/?lang=xx`, { headers: { cookie: 'lang=<script>' } })).text());
    assert.equal(bad('html').attr('lang'), 'es');
  });

  it('the language switch links to the same page in the other language', async () => {
    const $ = cheerio.load(await (await fetch(`${base}/?q=x`)).text());
    assert.equal($('a[hreflang="en"]').attr('href'), '/?q=x&lang=en');
  });

  it('the home page shows the region from the stored portal reports, by country and level, in words', async () => {
    const $ = cheerio.load(await (await fetch(`${base}/`)).text());
    const figures = Object.fromEntries($('.figures > div').toArray().map((d) => [$(d).find('dt').text(), $(d).find('dd').first().text()]));
    assert.equal(figures['Portales'], '3');
    assert.equal(figures['Conjuntos de datos'], '7');
    const tables = $('figure.chart table').text();
    assert.match(tables, /Ecuador/);
    assert.match(tables, /Guatemala/);
    assert.match(tables, /Municipal/);
    assert.doesNotMatch($('main').text(), /\b(excellent|sufficient|municipal|EC|GT)\b/, 'no code where a person reads');
    assert.ok($('form[role="search"][action="/buscar"] input[name="q"]').length === 1);
    assert.equal($('svg.plot style').length, 0, 'charts carry no inline style (the CSP forbids it)');
    assert.equal($('[style]').length, 0);
  });

  it('an unknown address answers a Spanish 404 page in the layout', async () => {
    const res = await fetch(`${base}/no-existe`);
    const $ = cheerio.load(await res.text());
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    assert.equal($('h1').text(), 'No encontramos esta página');
    assert.equal($('header.site nav a[href="/buscar"]').length, 1);
  });

  it('an unknown API path still answers JSON', async () => {
    const res = await fetch(`${base}/api/nada`);
    assert.equal(res.status, 404);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'not_found');
  });

  it('serves its own stylesheet and script, and every answer carries the CSP and nosniff', async () => {
    for (const path of ['/static/cosecha.css', '/static/enhance.js', '/', '/no-existe', '/api/health']) {
      const res = await fetch(base + path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self';style-src 'self'/, path);
    }
    assert.match((await fetch(`${base}/static/cosecha.css`)).headers.get('content-type') ?? '', /text\/css/);
    assert.equal((await fetch(`${base}/static/nada.css`)).status, 404);
  });

  it('/datasets/:id redirects to /conjuntos/:id', async () => {
    const res = await fetch(`${base}/datasets/ec%3Aa`, { redirect: 'manual' });
    assert.equal(res.status, 301);
    assert.equal(res.headers.get('location'), '/conjuntos/ec%3Aa');
  });
});

describe('web layer: labels, charts and table files', () => {
  it('codes read as words in either language', () => {
    assert.equal(themeLabel('es', 'EDUC'), 'Educación, cultura y deporte');
    assert.equal(themeLabel('en', 'EDUC'), 'Education, culture and sport');
    assert.equal(licenseLabel('es', 'other-closed'), 'Otra licencia no abierta');
    assert.match(licenseLabel('es', 'CC0-1.0'), /dominio público/);
    assert.equal(facetValueLabel('es', 'rating', 'excellent'), 'Excelente');
    assert.equal(facetValueLabel('es', 'country', 'EC'), 'Ecuador');
    assert.equal(facetValueLabel('en', 'level', 'municipal'), 'Municipal');
    assert.equal(facetValueLabel('es', 'format', 'WMS_SRVC'), 'Servicio WMS');
    assert.equal(facetValueLabel('es', 'theme', 'Tema propio'), 'Tema propio', 'an unknown value is shown as it is');
  });

  it('charts are plain SVG with the data drawn, escaped, and no inline style', () => {
    const svg = barChart([{ label: 'Educación <b>', value: 300 }, { label: 'Salud', value: 150 }], { max: 500, axis: 'Puntaje' });
    const $ = cheerio.load(svg, { xml: true });
    assert.equal($('svg').attr('class'), 'plot');
    assert.equal($('style').length, 0);
    assert.equal($('[style]').length, 0);
    assert.equal($('rect').length, 2);
    assert.match(svg, /Educación &lt;b&gt;/);
    const line = lineChart([{ series: 'A', date: new Date('2026-01-01'), value: 100 }, { series: 'A', date: new Date('2026-02-01'), value: 200 }], { axis: 'Puntaje', max: 500 });
    assert.equal(cheerio.load(line, { xml: true })('path[d]').length > 0, true);
  });

  it('table files: CSV with a BOM, quoted cells and formulas made inert; XLSX readable', async () => {
    const app = express();
    const file = { name: 'prueba', sheet: 'Prueba', head: ['Título', 'Puntaje'], rows: [['=HYPERLINK("x")', 12], ['Año, "censo"', null]] };
    app.get('/f.csv', (_req, res) => void sendTable(res, 'csv', file));
    app.get('/f.xlsx', (_req, res) => void sendTable(res, 'xlsx', file));
    const { server, base } = await listen(app);
    try {
      const csv = await fetch(`${base}/f.csv`);
      assert.match(csv.headers.get('content-disposition') ?? '', /prueba\.csv/);
      const bytes = Buffer.from(await csv.arrayBuffer());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte-order mark first');
      assert.equal(bytes.subarray(3).toString('utf8'), 'Título,Puntaje\r\n"\'=HYPERLINK(""x"")",12\r\n"Año, ""censo""",\r\n');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await (await fetch(`${base}/f.xlsx`)).arrayBuffer());
      const sheet = book.getWorksheet('Prueba')!;
      assert.equal(sheet.getCell('A1').value, 'Título');
      assert.equal(sheet.getCell('A2').value, `'=HYPERLINK("x")`);
      assert.equal(sheet.getCell('B2').value, 12);
    } finally {
      server.close();
    }
  });
});

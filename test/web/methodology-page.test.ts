import assert from 'node:assert/strict';
import { openStore } from '../../src/container.js';
import { INDICATORS, MQA_MAX, TOTAL_MAX } from '../../src/quality/indicators.js';
import { explanationFor } from '../../src/quality/explanations.js';
import { RATING_FLOORS, rate } from '../../src/quality/score.js';
import { ageScore, freshness, periodicScore, tolerancePeriods } from '../../src/quality/freshness.js';
import { formatPercent } from '../../src/web/i18n/define.js';
import { sampleDataset } from '../support/samples.js';
import { PERIODIC_DAYS, type PeriodicCode } from '../../src/dcat/frequencies.js';
import { SETTINGS } from '../../src/config.js';
import type { Rating } from '../../src/quality/types.js';
import type { Store } from '../../src/store/store.js';
import { serveSite, type Site } from './site.js';

describe('web: the methodology, generated from the scorer’s definitions', () => {
  let store: Store;
  let site: Site;
  const page = (path: string) => site.page(path);

  before(async () => {
    store = await openStore('sqlite::memory:');
    site = await serveSite(store);
  });
  after(async () => {
    await site.close();
    await store.close();
  });

  it('lists exactly the indicators of the table, in its order, with their points: 405 on the MQA scale, 500 in all', async () => {
    const { status, $ } = await page('/metodologia');
    assert.equal(status, 200);
    const cards = $('.indicator-card').toArray().map((c) => $(c));
    assert.equal(cards.length, INDICATORS.length);
    assert.deepEqual(cards.map((c) => c.attr('data-indicator')), INDICATORS.map((i) => i.id));
    const points = (scale?: string) => cards.filter((c) => !scale || c.attr('data-scale') === scale).reduce((sum, c) => sum + Number(c.attr('data-points')), 0);
    assert.equal(points('mqa'), 405);
    assert.equal(points('mqa'), MQA_MAX);
    assert.equal(points(), TOTAL_MAX);
    assert.equal(cards[0].find('h4').text(), 'F1 · Palabras clave — 30 puntos · MQA (405)');
    assert.equal(cards.find((c) => c.attr('data-indicator') === 'T2')!.find('h4').text(), 'T2 · Actualizado — 40 puntos · Cosecha (95 adicionales)');
    assert.equal($('.dimension-table tfoot td').first().text(), '500');
  });

  it('says in words what passes and fails every indicator, from the texts of its codes', async () => {
    const { $ } = await page('/metodologia');
    for (const indicator of INDICATORS) {
      const card = $(`#indicador-${indicator.id}`);
      const [passes, fails] = card.find('dd').toArray().map((dd) => $(dd).text());
      for (const code of indicator.pass) assert.ok(passes.includes(explanationFor(code, indicator.id).es), `${indicator.id} ${code}`);
      for (const code of indicator.fail) assert.ok(fails.includes(explanationFor(code, indicator.id).es), `${indicator.id} ${code}`);
    }
    assert.doesNotMatch($('main').text(), /license_missing|keywords_present|link_not_checked|findability/);
  });

  it('gives the rating bands of both scales from the scorer’s floors, as the scorer rates', async () => {
    const { $ } = await page('/metodologia');
    const bands = (scale: string) => $(`table.band-table[data-scale="${scale}"] tbody tr`).toArray().map((tr) => [$(tr).find('th').text(), $(tr).find('td').text()]);
    assert.deepEqual(bands('mqa'), [['Excelente', 'de 351 a 405'], ['Buena', 'de 221 a menos de 351'], ['Suficiente', 'de 121 a menos de 221'], ['Insuficiente', 'de 0 a menos de 121']]);
    assert.deepEqual(bands('total'), [['Excelente', 'de 433.5 a 500'], ['Buena', 'de 273 a menos de 433.5'], ['Suficiente', 'de 148 a menos de 273'], ['Insuficiente', 'de 0 a menos de 148']]);
    for (const scale of ['mqa', 'total'] as const) {
      const rows = $(`table.band-table[data-scale="${scale}"] tbody tr`).toArray();
      assert.deepEqual(rows.map((tr) => Number($(tr).attr('data-from'))), [...RATING_FLOORS[scale], 0]);
      for (const tr of rows) {
        const from = Number($(tr).attr('data-from'));
        assert.equal(rate(from, scale), $(tr).attr('data-rating') as Rating, `${scale} ${from}`);
        if (from > 0) assert.notEqual(rate(from - 0.01, scale), $(tr).attr('data-rating'), `${scale} below ${from}`);
      }
    }
  });

  it('lists every frequency with its interval and the days that make it late and stale, as freshness scores them', async () => {
    const { $ } = await page('/metodologia');
    const rows = $('.frequency-table tbody tr').toArray().map((tr) => $(tr));
    assert.deepEqual(rows.map((tr) => tr.attr('data-frequency')), Object.keys(PERIODIC_DAYS));
    assert.deepEqual(rows.find((tr) => tr.attr('data-frequency') === 'MONTHLY')!.children().toArray().map((c) => $(c).text()), ['Mensual', '30', '37', '90']);
    for (const tr of rows) {
      const code = tr.attr('data-frequency') as PeriodicCode;
      const [days, onTime, stale] = tr.find('td').toArray().map((td) => Number($(td).text().replace(/,/g, '')));
      const score = (lag: number) => periodicScore(lag, PERIODIC_DAYS[code], tolerancePeriods(code));
      assert.equal(days, PERIODIC_DAYS[code]);
      assert.equal(score(onTime), 1, `${code} up to date at ${onTime}`);
      assert.ok(score(onTime + 0.5) < 1, `${code} late after ${onTime}`);
      assert.equal(score(stale), 0, `${code} stale at ${stale}`);
      assert.ok(score(stale - 0.5) > 0, `${code} not yet stale before ${stale}`);
    }
    assert.match($('#actualidad').parent().text(), /Irregular, Según se necesite, Sin actualización prevista, Nunca, Otra/);
  });

  it('gives the shares a continuous dataset not seen changing and one of unknown frequency earn, as freshness scores them', async () => {
    const { $ } = await page('/metodologia');
    const text = $('.method-rules').text();
    const now = new Date('2026-02-15T00:00:00.000Z');
    const continuous = freshness(sampleDataset({ accrualPeriodicity: { code: 'CONT', raw: 'Continua' } }), new Map(), now);
    assert.equal(continuous.status, 'late');
    assert.ok(text.includes(`el ${formatPercent('es', continuous.score)} de los puntos`), text);
    const unknown = freshness(sampleDataset({ accrualPeriodicity: { code: 'UNKNOWN', raw: '¿?' } }), new Map(), now);
    assert.ok(text.includes(`el ${formatPercent('es', unknown.score / ageScore(unknown.lagDays))} de lo que le da su antigüedad`), text);
  });

  it('says how links are checked, with the checker’s own settings and what each answer counts as', async () => {
    const { $ } = await page('/metodologia');
    const text = $('#enlaces').parent().text();
    assert.ok(text.includes(`un tiempo máximo de ${SETTINGS.linkTimeoutMs.default / 1000} s por solicitud`));
    assert.ok(text.includes(`una pausa de ${SETTINGS.linkIntervalMs.default / 1000} s`));
    assert.match(text, /Si el servidor responde 403, 404, 405 o 501 a HEAD/);
    assert.match(text, /falla dos veces con al menos 24 horas de diferencia/);
    const answers = Object.fromEntries($('.answer-table tbody tr').toArray().map((tr) => [$(tr).find('th').text(), $(tr).find('td').text()]));
    assert.equal(answers['HTTP 200'], 'Responde');
    assert.equal(answers['HTTP 404'], 'Falla (roto si se repite)');
    assert.equal(answers['HTTP 429'], 'Sin respuesta clara: no cambia el estado');
    assert.equal(answers['Conexión rechazada'], 'Falla (roto si se repite)');
    assert.equal(answers['Dirección privada'], 'No se revisa');
    const refused = $('.inline-codes code').toArray().map((c) => $(c).text());
    assert.ok(refused.includes('127.0.0.1') && refused.includes('169.254.169.254') && refused.includes('::1'));
  });

  it('speaks English with ?lang=en', async () => {
    const { $ } = await page('/metodologia?lang=en');
    assert.equal($('html').attr('lang'), 'en');
    assert.equal($('h1').text(), 'How Cosecha scores');
    assert.equal($('#indicador-F1 h4').text(), 'F1 · Keywords — 30 points · MQA (405)');
    assert.equal($('.frequency-table tbody tr[data-frequency="MONTHLY"] th').text(), 'Monthly');
    assert.equal($('table.band-table[data-scale="mqa"] tbody tr').first().text(), 'Excellent351 to 405');
  });
});

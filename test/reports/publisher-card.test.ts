import assert from 'node:assert/strict';
import { buildPublisherReport, publisherScores } from '../../reports/publisher-report.js';
import { renderReport } from '../../reports/render.js';
import { seededStore, NOW } from './seed.js';
import type { Store } from '../../src/store/store.js';

const MINEDUC = 'ec-datosabiertos/mineduc';

describe('publisher report card', () => {
  let store: Store;
  before(async () => {
    store = await seededStore();
  });
  after(() => store.close());

  it('groups the lost points by fix: datasets affected, points each, in total, and on the mean', async () => {
    const r = await buildPublisherReport(store, MINEDUC, NOW);
    assert.equal(r.summary.datasets, 3);
    const licence = r.fixes.find((f) => f.code === 'license_missing');
    assert.deepEqual(
      licence && { indicator: licence.indicator, also: licence.also, datasets: licence.datasets, pointsEach: licence.pointsEach, totalGain: licence.totalGain, meanGain: licence.meanGain, actionable: licence.actionable },
      // A missing licence costs R1 20, R2 10 and Q4 5: one fix.
      { indicator: 'R1', also: ['R2', 'Q4'], datasets: 2, pointsEach: 35, totalGain: 70, meanGain: 23.33, actionable: true },
    );
    const keywords = r.fixes.find((f) => f.code === 'keywords_missing');
    assert.equal(keywords?.datasets, 1);
    assert.equal(keywords?.totalGain, 30);
  });

  it('orders the groups by total points to gain', async () => {
    const { fixes } = await buildPublisherReport(store, MINEDUC, NOW);
    const totals = fixes.map((f) => f.totalGain);
    assert.deepEqual(totals, [...totals].sort((a, b) => b - a));
    // 2 datasets × 35 (no licence) outrank 1 dataset × 30 (no keywords).
    assert.ok(fixes.findIndex((f) => f.code === 'license_missing') < fixes.findIndex((f) => f.code === 'keywords_missing'));
  });

  it('a link not checked yet is not something the publisher must fix; a broken one is', async () => {
    const { fixes } = await buildPublisherReport(store, MINEDUC, NOW);
    assert.equal(fixes.find((f) => f.code === 'link_not_checked')?.actionable, false);
    assert.equal(fixes.find((f) => f.code === 'link_broken')?.actionable, true);
  });

  it('the texts come from the injected recommend function, absent where it has none', async () => {
    const asked: string[] = [];
    const r = await buildPublisherReport(store, MINEDUC, NOW, {
      recommend: (code, indicator) => {
        asked.push(`${indicator}:${code}`);
        return code === 'license_missing' ? { es: 'Declare una licencia.', en: 'Declare a licence.' } : undefined;
      },
    });
    assert.ok(asked.includes('R1:license_missing'));
    assert.deepEqual(r.fixes.find((f) => f.code === 'license_missing')?.text, { es: 'Declare una licencia.', en: 'Declare a licence.' });
    assert.ok(r.fixes.filter((f) => f.code !== 'license_missing').every((f) => !('text' in f)));
  });

  it('by default every group carries the recommendation texts of src/quality/explanations', async () => {
    const { fixes } = await buildPublisherReport(store, MINEDUC, NOW);
    for (const f of fixes) assert.ok(f.text?.es && f.text.en, `${f.indicator} ${f.code}`);
  });

  it('the Markdown card gives the key figures first, then what to fix first, most points first', async () => {
    const r = await buildPublisherReport(store, MINEDUC, NOW, { recommend: (code) => (code === 'license_missing' ? { es: 'Declare una licencia.', en: 'Declare a licence.' } : undefined) });
    const md = renderReport(r, 'md');
    const key = md.indexOf('## Cifras clave');
    const fix = md.indexOf('## Qué corregir primero');
    assert.ok(key > 0 && fix > key, 'key figures, then fixes');
    assert.match(md, /^# Boletín de calidad \/ quality report card: Ministerio de Educación/);
    assert.match(md.slice(key, fix), /\*\*363\.87 \/ 500\*\*/);
    const first = r.fixes.find((f) => f.actionable)!;
    assert.match(md.slice(fix), new RegExp(`^1\\. \\*\\*${first.datasets} de 3 conjuntos.*${first.indicator} \`${first.code}\``, 'm'));
    assert.match(md, /\*\*2 de 3 conjuntos \/ of 3 datasets\*\* — R1 \(\+ R2, Q4\) `license_missing`: \+35 puntos c\/u \/ points each, \+70 en total/);
    assert.match(md, /\n {3}- Declare una licencia\.\n {3}- \*Declare a licence\.\*/);
    assert.match(md, /## En espera de la verificación de enlaces[^]*A3 `link_not_checked`: 1 conjunto/);
    assert.doesNotMatch(md.slice(fix, md.indexOf('## En espera')), /link_not_checked/);
  });

  it('read by its name (the publisher index), the card is the same; a name no dataset carries falls back to the whole portal', async () => {
    const whole = await buildPublisherReport(store, MINEDUC, NOW);
    const byName = await buildPublisherReport(store, MINEDUC, NOW, { name: ` ${whole.name} ` });
    assert.deepEqual(byName, whole);
    const seen: string[] = [];
    for await (const batch of publisherScores(store, MINEDUC, whole.name)) seen.push(...batch.map((s) => s.dataset.id));
    assert.equal(seen.length, 3);
    assert.deepEqual(await buildPublisherReport(store, MINEDUC, NOW, { name: 'Otro nombre' }), whole);
  });
});

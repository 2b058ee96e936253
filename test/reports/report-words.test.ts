import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { once } from 'node:events';
import { createApp } from '../../src/api/app.js';
import { silentLogger } from '../../src/log.js';
import { buildPortalReport } from '../../reports/portal-report.js';
import { buildPublisherReport } from '../../reports/publisher-report.js';
import { buildComparison } from '../../reports/comparison-report.js';
import { buildRegionalReport } from '../../reports/regional-report.js';
import { buildHistory } from '../../reports/history.js';
import { renderReport } from '../../reports/render.js';
import { seededStore, NOW, NATIONAL, MUNICIPAL } from './seed.js';
import type { Store } from '../../src/store/store.js';

const LICENCE_WORDS = {
  title: { es: 'Licencia declarada', en: 'Licence given' },
  explanation: { es: 'Ni el conjunto ni el recurso declaran una licencia.', en: 'Neither the dataset nor the resource declares a licence.' },
  recommendation: {
    es: 'Declare una licencia como Creative Commons Atribución 4.0 (en CKAN, la lista de licencias del formulario, `license_id`): sin ella nadie puede reutilizar los datos.',
    en: 'Declare a licence such as Creative Commons Attribution 4.0 (in CKAN, the licence list of the form, `license_id`): without one nobody may reuse the data.',
  },
};

describe('reports speak words beside their codes', () => {
  let store: Store;
  before(async () => {
    store = await seededStore();
  });
  after(() => store.close());

  describe('the JSON', () => {
    it('a portal report’s missing items keep their codes and points and add the title, explanation and recommendation', async () => {
      const { summary } = await buildPortalReport(store, NATIONAL.id, NOW);
      assert.deepEqual(summary.missing.find((m) => m.code === 'license_missing'), { indicator: 'R1', code: 'license_missing', datasets: 2, points: 35, ...LICENCE_WORDS });
      for (const m of summary.missing) assert.ok(m.title?.es && m.explanation?.en, `${m.indicator} ${m.code}`);
    });

    it('a publisher’s fix groups carry the same words, the recommendation beside the text it always had', async () => {
      const { fixes } = await buildPublisherReport(store, `${NATIONAL.id}/mineduc`, NOW);
      const licence = fixes.find((f) => f.code === 'license_missing')!;
      assert.deepEqual({ title: licence.title, explanation: licence.explanation, recommendation: licence.recommendation }, LICENCE_WORDS);
      assert.deepEqual(licence.text, licence.recommendation);
      assert.equal(fixes.find((f) => f.code === 'link_not_checked')?.explanation.es, 'El enlace todavía no fue revisado: vale 0 puntos hasta que se revise.');
    });

    it('the region, spanning platforms, names the DCAT property', async () => {
      const { summary } = await buildRegionalReport(store, NOW);
      assert.match(summary.missing.find((m) => m.code === 'license_missing')?.recommendation?.es ?? '', /\(en DCAT, `dct:license`\)/);
    });

    describe('over HTTP', () => {
      let server: Server;
      let base: string;
      const get = async (path: string): Promise<any> => (await fetch(base + path)).json();
      before(async () => {
        server = createApp({ store, portals: [], log: silentLogger, version: 'test', now: () => NOW }).listen(0, '127.0.0.1');
        await once(server, 'listening');
        base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      });
      after(() => server.close());

      it('/api/portals/:id/report, /api/report, /api/compare and /api/publishers/:id/report carry the words', async () => {
        const licence = (missing: any[]) => missing.find((m) => m.code === 'license_missing');
        assert.deepEqual(licence((await get(`/api/portals/${NATIONAL.id}/report`)).summary.missing), { indicator: 'R1', code: 'license_missing', datasets: 2, points: 35, ...LICENCE_WORDS });
        assert.equal(licence((await get('/api/report')).summary.missing).explanation.es, LICENCE_WORDS.explanation.es);
        const compared = await get(`/api/compare?portal=${NATIONAL.id}&portal=${MUNICIPAL.id}`);
        for (const p of compared.portals) assert.deepEqual(licence(p.summary.missing).title, LICENCE_WORDS.title, p.portal.id);
        const card = await get(`/api/publishers/${encodeURIComponent(`${NATIONAL.id}/mineduc`)}/report`);
        assert.deepEqual(licence(card.fixes).recommendation, LICENCE_WORDS.recommendation);
        assert.equal(licence(card.fixes).pointsEach, 35);
      });
    });
  });

  describe('the Markdown', () => {
    it('a portal report lists what is missing in words, with the points each costs and what to do, ratings and freshness as words', async () => {
      const md = renderReport(await buildPortalReport(store, NATIONAL.id, NOW), 'md');
      const missing = md.slice(md.indexOf('## Lo que más falta'), md.indexOf('## Publicadores'));
      assert.match(missing, /^\d+\. \*\*Ni el conjunto ni el recurso declaran una licencia\.\*\* \/ \*Neither the dataset nor the resource declares a licence\.\*$/m);
      assert.match(missing, /^ {3}- 2 conjuntos \/ datasets, −35 puntos c\/u \/ points each — Licencia declarada \/ Licence given \(R1 `license_missing`\)$/m);
      assert.match(missing, /^ {3}- Declare una licencia como Creative Commons Atribución 4\.0 \(en CKAN, /m);
      assert.match(missing, /^ {3}- \*Declare a licence such as /m);
      assert.doesNotMatch(missing, /\| R1 \| license_missing \|/, 'no longer a table of codes');
      assert.match(md, /Calificación \(escala MQA de 405\) \/ rating \(MQA scale of 405\): Excelente \/ Excellent \d+, Buena \/ Good \d+, Suficiente \/ Sufficient \d+, Insuficiente \/ Bad \d+/);
      assert.match(md, /Actualidad \/ freshness: Al día \/ Up to date \d+, Con retraso \/ Late \d+/);
      assert.match(md, /Enlaces de acceso \/ access links: Responde \/ Reachable 2, Roto \/ Broken 1/);
      assert.doesNotMatch(md, /\b(excellent|up_to_date|not_checked|no_url|mean_score_500)\b/);
    });

    it('a report stored without its words (an older snapshot, or words: false) still prints them, from its codes', async () => {
      const lean = await buildPortalReport(store, NATIONAL.id, NOW, { words: false });
      assert.deepEqual(lean.summary.missing.find((m) => m.code === 'license_missing'), { indicator: 'R1', code: 'license_missing', datasets: 2, points: 35 });
      assert.equal(renderReport(lean, 'md'), renderReport(await buildPortalReport(store, NATIONAL.id, NOW), 'md'));
    });

    it('a publisher card gives each fix’s meaning and the indicators by their titles', async () => {
      const md = renderReport(await buildPublisherReport(store, `${NATIONAL.id}/mineduc`, NOW), 'md');
      assert.match(md, /`license_missing`: \+35 puntos c\/u[^\n]*\n {3}- \*\*Ni el conjunto ni el recurso declaran una licencia\.\*\* \/ \*Neither[^\n]*\(Licencia declarada \/ Licence given\)\n {3}- Declare una licencia como/);
      assert.match(md, /^\| R1 Licencia declarada \/ Licence given \| \d+ % \|/m);
      assert.match(md, /^- URL de descarga disponible \/ Download URL reachable — A3 `link_not_checked`: 1 conjunto \/ dataset/m);
    });

    it('a comparison names dimensions, freshness, link states and missing items in words', async () => {
      const md = renderReport(await buildComparison(store, { portals: [NATIONAL.id, MUNICIPAL.id] }, NOW), 'md');
      assert.match(md, /\| portal \| Búsqueda \/ Findability \| Acceso \/ Accessibility \|/);
      assert.match(md, /\| Al día \/ Up to date \| Con retraso \/ Late \|/);
      assert.match(md, /acceso \/ access: Sin enlace \/ No link/);
      assert.match(md, /^\| R1 Licencia declarada \/ Licence given \| 50 % \| 0 % \|$/m);
      assert.match(md, /^ {2}- Ni el conjunto ni el recurso declaran una licencia\. \/ \*Neither[^\n]*\* — 2 conjuntos \/ datasets, −35 puntos c\/u \/ points each \(R1 `license_missing`\)$/m);
      assert.doesNotMatch(md, /\| findability \||\bup_to_date\b/);
    });

    it('a history names the ratings by their words and scale', async () => {
      await store.reports.save({ scope: { kind: 'portal', id: NATIONAL.id }, createdAt: NOW.toISOString(), report: await buildPortalReport(store, NATIONAL.id, NOW) });
      const md = renderReport(await buildHistory(store, { kind: 'portal', id: NATIONAL.id }, NOW), 'md');
      assert.match(md, /\| Excelente \/ Excellent \(MQA\) \| Buena \/ Good \(MQA\) \|/);
      assert.match(md, /\| fecha \/ date \| guardado \/ stored at \| cosecha \/ run \|/);
    });
  });

  describe('the CSV', () => {
    it('keeps its codes and adds the words of levels and indicators as columns of their own', async () => {
      const region = renderReport(await buildRegionalReport(store, NOW), 'csv').split('\n');
      assert.equal(region[0], 'portal_id,portal,country,level,datasets,mean_score_500,mean_mqa_405,up_to_date_share,level_es,level_en');
      assert.match(region.find((l) => l.startsWith(`${MUNICIPAL.id},`)) ?? '', /,municipal,.*,Municipal,Municipal$/);
      const comparison = renderReport(await buildComparison(store, { portals: [NATIONAL.id] }, NOW), 'csv').split('\n');
      assert.match(comparison[0], /,level_es,level_en$/);
      assert.match(comparison[1], /^ec-datosabiertos,Datos Abiertos Ecuador,EC,national,.*,Nacional,National$/);
    });
  });
});

import assert from 'node:assert/strict';
import { openStore } from '../../src/container.js';
import { CODE_TEXTS } from '../../src/quality/explanation-texts.js';
import { recommendationFor } from '../../src/quality/explanations.js';
import { FIELDS, PLATFORM_NAMES, dcatWhere, fieldPlatformOf, platformWhere, type FieldName, type FieldPlatform } from '../../src/quality/platform-fields.js';
import { buildPublisherReport } from '../../reports/publisher-report.js';
import { buildDatasetReport } from '../../reports/dataset-report.js';
import { buildPortalReport } from '../../reports/portal-report.js';
import { renderReport } from '../../reports/render.js';
import { samplePortal } from '../support/samples.js';
import { NOW, addDatasets, scored } from './seed.js';
import type { Store } from '../../src/store/store.js';

const PLATFORMS = Object.keys(PLATFORM_NAMES) as FieldPlatform[];
const WITH_FIELD = Object.entries(CODE_TEXTS).filter(([, t]) => t.field);

describe('recommendations in the words of the portal’s platform', () => {
  it('every recommendation that names a field names it in one "(en DCAT, …)" parenthesis, in both languages', () => {
    assert.ok(WITH_FIELD.length >= 20, `${WITH_FIELD.length} codes name a field`);
    for (const [code, { recommendation, field }] of WITH_FIELD) {
      const dcat = dcatWhere(field as FieldName);
      assert.ok(recommendation?.es.includes(dcat.es), `${code}: ${recommendation?.es}`);
      assert.ok(recommendation?.en.includes(dcat.en), `${code}: ${recommendation?.en}`);
    }
  });

  it('no neutral text names CKAN or one of its fields', () => {
    for (const [code, { recommendation }] of Object.entries(CODE_TEXTS)) {
      for (const line of recommendation ? [recommendation.es, recommendation.en] : []) {
        assert.doesNotMatch(line, /CKAN|license_id|maintainer|`notes`|`tags`|mimetype|temporal_start/, code);
      }
    }
  });

  it('every platform variant still reads "what to do: why", in Spanish without English words, and only CKAN’s names CKAN', () => {
    for (const [code, { field }] of WITH_FIELD) {
      for (const platform of PLATFORMS) {
        const text = recommendationFor(code, undefined, platform)!;
        const own = platformWhere(field as FieldName, platform);
        if (own) assert.ok(text.es.includes(own.es) && text.en.includes(own.en), `${code} on ${platform}: ${text.es}`);
        for (const line of [text.es, text.en]) {
          assert.match(line, /\S: \S/, `${code} on ${platform}`);
          assert.match(line, /[.)]$/, `${code} on ${platform}`);
          if (platform !== 'ckan') assert.doesNotMatch(line, /CKAN/, `${code} on ${platform}: ${line}`);
        }
        assert.doesNotMatch(text.es, /\b(the|and|with|without|of)\b/, `${code} on ${platform}: ${text.es}`);
        assert.notEqual(text.es, text.en, `${code} on ${platform}`);
      }
    }
  });

  it('a platform without words of its own for a field, or an unknown one, reads the DCAT property', () => {
    assert.equal(fieldPlatformOf('dkan'), 'datajson');
    assert.equal(fieldPlatformOf('auto'), undefined);
    assert.equal(fieldPlatformOf('constructor'), undefined);
    assert.equal(FIELDS.byteSize.dcat, '`dcat:byteSize`');
    // Socrata computes file sizes itself: its publishers read the DCAT words.
    assert.deepEqual(recommendationFor('byte_size_missing', 'C2', 'socrata'), recommendationFor('byte_size_missing', 'C2'));
    assert.deepEqual(recommendationFor('themes_missing', 'F2', 'auto'), recommendationFor('themes_missing', 'F2', 'dcat'));
    assert.match(recommendationFor('themes_missing', 'F2', 'dcat')!.es, /\(en DCAT, `dcat:theme`\)/);
  });

  describe('in the reports', () => {
    let store: Store;
    const DATAJSON = samplePortal({ id: 'ec-azuay', name: 'Datos Abiertos Azuay', level: 'subnational', platform: 'datajson', url: 'https://azuay.example' });
    const CKAN = samplePortal({ id: 'ec-ckan', name: 'Portal CKAN', platform: 'ckan', url: 'https://ckan.example' });
    const publisher = { name: 'Prefectura del Azuay', id: 'prefectura' };
    before(async () => {
      store = await openStore('sqlite::memory:');
      await addDatasets(store, DATAJSON, [scored({ portalId: DATAJSON.id, sourceId: 'sin-tema', themes: [], publisher })]);
      await addDatasets(store, CKAN, [scored({ portalId: CKAN.id, sourceId: 'sin-tema', themes: [], publisher })]);
    });
    after(() => store.close());

    it('a data.json portal’s recommendation for a missing theme does not mention CKAN; a CKAN portal’s does', async () => {
      const datajson = (await buildPublisherReport(store, `${DATAJSON.id}/prefectura`, NOW)).fixes.find((f) => f.code === 'themes_missing');
      assert.equal(datajson?.text?.es, 'Clasifique el conjunto en uno o más temas (en DKAN / data.json, `theme`): usuarios y portales nacionales recorren los datos por tema.');
      assert.doesNotMatch(JSON.stringify(datajson), /CKAN|grupo/);
      const ckan = (await buildPublisherReport(store, `${CKAN.id}/prefectura`, NOW)).fixes.find((f) => f.code === 'themes_missing');
      assert.match(ckan?.text?.es ?? '', /\(en CKAN, agréguelo a uno o más grupos o complete `theme`\)/);
      assert.match(ckan?.recommendation?.en ?? '', /\(in CKAN, add it to one or more groups or fill in `theme`\)/);
    });

    it('the portal report’s missing items, its Markdown and the dataset report use the platform’s words too', async () => {
      const report = await buildPortalReport(store, DATAJSON.id, NOW);
      const themes = report.summary.missing.find((m) => m.code === 'themes_missing');
      assert.match(themes?.recommendation?.es ?? '', /\(en DKAN \/ data\.json, `theme`\)/);
      const md = renderReport(report, 'md');
      assert.match(md, /\(en DKAN \/ data\.json, `theme`\)/);
      assert.doesNotMatch(md, /CKAN/);
      const stored = await store.datasets.get(`${DATAJSON.id}:sin-tema`);
      const dataset = await buildDatasetReport(store, stored!);
      const f2 = dataset.quality.indicators.find((i) => i.id === 'F2');
      assert.match(f2?.recommendation?.es ?? '', /data\.json/);
      assert.match(dataset.recommendations.find((r) => r.code === 'themes_missing')?.text.es ?? '', /data\.json/);
    });
  });
});

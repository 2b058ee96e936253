import assert from 'node:assert/strict';
import type { IndicatorId, IndicatorResult, Quality } from '../../src/quality/types.js';
import { INDICATORS } from '../../src/quality/indicators.js';
import { CODE_TEXTS } from '../../src/quality/explanation-texts.js';
import { explain, explanationFor, recommendationFor, recommendations } from '../../src/quality/explanations.js';
import { score } from '../../src/quality/score.js';
import { NOW, NO_LINKS, fullDataset, okLinks } from './build.js';

const PASS = new Set(INDICATORS.flatMap((i) => i.pass));
const FAIL = new Set(INDICATORS.flatMap((i) => i.fail));

function result(id: IndicatorId, code: string, points: number): IndicatorResult {
  const i = INDICATORS.find((x) => x.id === id);
  if (!i) throw new Error(id);
  return { id, dimension: i.dimension, points, max: i.max, code };
}

describe('explanations: the texts', () => {
  it('every code in the indicator table has its own explanation in Spanish and English', () => {
    for (const i of INDICATORS) {
      for (const code of [...i.pass, ...i.fail]) {
        const text = CODE_TEXTS[code]?.explanation;
        assert.ok(Object.hasOwn(CODE_TEXTS, code) && text, `${i.id} ${code} has no text`);
        assert.ok(text.es.trim() && text.en.trim(), `${i.id} ${code}`);
      }
    }
  });

  it('every code of lost points has its own recommendation, and codes of full points have none', () => {
    for (const code of FAIL) {
      const text = CODE_TEXTS[code]?.recommendation;
      assert.ok(text?.es.trim() && text.en.trim(), `${code} has no recommendation`);
    }
    for (const code of PASS) assert.equal(CODE_TEXTS[code].recommendation, undefined, code);
  });

  it('holds no text for a code the table does not list, so a renamed code cannot leave a stale text behind', () => {
    for (const code of Object.keys(CODE_TEXTS)) assert.ok(PASS.has(code) || FAIL.has(code), code);
  });

  it('every text is one line, differs between languages and from every other code', () => {
    const seen = new Map<string, string>();
    for (const [code, { explanation, recommendation }] of Object.entries(CODE_TEXTS)) {
      for (const text of [explanation, ...(recommendation ? [recommendation] : [])]) {
        assert.notEqual(text.es, text.en, code);
        for (const line of [text.es, text.en]) {
          assert.doesNotMatch(line, /\n/, code);
          assert.equal(line, line.trim(), code);
          assert.match(line, /[.)]$/, `${code}: ends as a sentence`);
          const other = seen.get(line);
          assert.equal(other, undefined, `${code} repeats the text of ${other}`);
          seen.set(line, code);
        }
      }
    }
  });

  it('every recommendation says what to do, then why, after a colon', () => {
    for (const [code, { recommendation }] of Object.entries(CODE_TEXTS)) {
      if (recommendation) for (const line of [recommendation.es, recommendation.en]) assert.match(line, /\S: \S/, code);
    }
  });

  it('keeps English words out of the Spanish texts and spells "licence" as QUALITY.md does', () => {
    for (const [code, { explanation, recommendation }] of Object.entries(CODE_TEXTS)) {
      for (const text of [explanation, ...(recommendation ? [recommendation] : [])]) {
        // Field names in backticks (`dct:license`, `license_id`) are spelled as the platforms spell them.
        assert.doesNotMatch(text.en.replace(/`[^`]*`/g, ''), /\blicense\b/i, code);
        assert.doesNotMatch(text.es, /\b(the|and|with|without)\b/, code);
      }
    }
  });
});

describe('explanations: explain', () => {
  it('when a licence is missing, it explains, recommends declaring one and gains the 20 points', () => {
    const e = explain(result('R1', 'license_missing', 0));
    assert.equal(e.gain, 20);
    assert.match(e.explanation.es, /licencia/);
    assert.match(e.recommendation?.es ?? '', /^Declare una licencia .*: sin ella nadie puede reutilizar los datos\.$/);
    assert.match(e.recommendation?.en ?? '', /^Declare a licence .*: without one nobody may reuse the data\.$/);
  });

  it('when an indicator earns full points, it explains without recommending and gains nothing', () => {
    const e = explain(result('F1', 'keywords_present', 30));
    assert.deepEqual(e, { explanation: CODE_TEXTS.keywords_present.explanation, gain: 0 });
  });

  it('when T2 keeps part of its points, the gain is what is missing, to the cent', () => {
    assert.equal(explain(result('T2', 'freshness_late', 30)).gain, 10);
    assert.equal(explain(result('T2', 'freshness_late', 18.11)).gain, 21.89);
    assert.equal(explain(result('T3', 'age_old', 6.67)).gain, 3.33);
    // 40 − 33.33 is 6.670000000000002 in floating point.
    assert.equal(explain(result('T2', 'freshness_unknown', 33.33)).gain, 6.67);
  });

  it('gives A1 and A3 the same link texts', () => {
    for (const code of ['link_not_checked', 'link_unknown', 'link_broken', 'link_refused']) {
      assert.deepEqual(explain(result('A1', code, 0)).recommendation, explain(result('A3', code, 0)).recommendation);
      assert.notEqual(explain(result('A1', code, 0)).gain, explain(result('A3', code, 0)).gain);
    }
  });

  it('when a code is unknown, it does not crash and gives a generic text naming the indicator', () => {
    const e = explain(result('F1', 'keywords_in_klingon', 0));
    assert.equal(e.gain, 30);
    assert.match(e.explanation.es, /Palabras clave.*keywords_in_klingon/);
    assert.match(e.explanation.en, /Keywords.*keywords_in_klingon/);
    assert.match(e.recommendation?.es ?? '', /Palabras clave/);
    assert.match(e.recommendation?.en ?? '', /Keywords/);
  });

  it('when the indicator is unknown too, or the code is an Object property name, it still gives a generic text', () => {
    const stranger = { id: 'Z9' as IndicatorId, dimension: 'value', points: 1, max: 4, code: 'constructor' } as IndicatorResult;
    const e = explain(stranger);
    assert.equal(e.gain, 3);
    assert.match(e.explanation.es, /«constructor»/);
    assert.ok(e.recommendation?.es && e.recommendation.en);
    assert.equal(typeof explanationFor('toString').es, 'string');
  });

  it('when a stored result pairs a pass code with lost points, it still recommends something', () => {
    const e = explain(result('F1', 'keywords_present', 0));
    assert.equal(e.gain, 30);
    assert.match(e.recommendation?.es ?? '', /Palabras clave/);
  });
});

describe('explanations: recommendationFor', () => {
  it('gives reports the text of a code without a result, the same explain gives', () => {
    assert.deepEqual(recommendationFor('license_missing'), explain(result('R1', 'license_missing', 0)).recommendation);
    assert.deepEqual(recommendationFor('link_broken', 'A3'), CODE_TEXTS.link_broken.recommendation);
  });

  it('gives nothing for a code of full points and a generic text for an unknown code', () => {
    assert.equal(recommendationFor('license_given'), undefined);
    assert.match(recommendationFor('license_mystery', 'R1')?.es ?? '', /Licencia declarada/);
    assert.ok(recommendationFor('license_mystery')?.en);
    assert.ok(recommendationFor('hasOwnProperty')?.es);
  });
});

describe('explanations: recommendations', () => {
  it('when a record has everything, there is nothing to recommend', () => {
    const d = fullDataset();
    assert.deepEqual(recommendations(score(d, okLinks(d), NOW)), []);
  });

  it('orders a record’s recommendations by points gained, one per fix, ties in indicator-table order', () => {
    // Full record without licence, keywords and spatial coverage, links not yet checked:
    // A1 50; the licence 35 (R1 20 + R2 10 + Q4 5, one fix); F1 30 and A3 30 (F1 first in the table); F3 20.
    const d = fullDataset({ license: undefined, keywords: [], spatial: undefined });
    const list = recommendations(score(d, NO_LINKS, NOW));
    assert.deepEqual(
      list.map((r) => [r.indicator, r.code, r.gain, r.also]),
      [
        ['A1', 'link_not_checked', 50, undefined],
        ['R1', 'license_missing', 35, ['R2', 'Q4']],
        ['F1', 'keywords_missing', 30, undefined],
        ['A3', 'link_not_checked', 30, undefined],
        ['F3', 'spatial_missing', 20, undefined],
      ],
    );
    assert.deepEqual(list[1].text, recommendationFor('license_missing'));
  });

  it('puts a partial loss where its gain belongs and orders by the table, not by the stored order', () => {
    const q = { indicators: [result('Q1', 'description_too_short', 0), result('T2', 'freshness_late', 22.5), result('F2', 'themes_missing', 0)] } as Quality;
    assert.deepEqual(
      recommendations(q).map((r) => [r.indicator, r.gain]),
      [['F2', 30], ['T2', 17.5], ['Q1', 15]],
    );
    const tie = { indicators: [result('Q1', 'description_missing', 0), result('C2', 'byte_size_missing', 0), result('I6', 'dcat_ap_violation', 15)] } as Quality;
    assert.deepEqual(recommendations(tie).map((r) => r.indicator), ['I6', 'Q1', 'C2']);
  });
});

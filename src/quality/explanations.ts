/**
 * Explanations and recommendations (QUALITY.md): what an indicator result means, what to do when
 * points were lost and how many points doing it would gain. Pure lookups over CODE_TEXTS; given
 * the portal's platform (PortalRecord.platform), a recommendation names the field as that
 * platform calls it (platform-fields.ts), else by its DCAT property.
 *
 * A code with no text (a stored score from a newer or older Cosecha, a code added to the table
 * without its text) gets a generic text naming the indicator instead of an error: a report must
 * never fail because of one unknown code. The tests make sure every code in the table has its own.
 */
import type { IndicatorId, IndicatorResult, Quality } from './types.js';
import { INDICATORS, type Indicator } from './indicators.js';
import { round2 } from './outcome.js';
import { fixesOf } from './fixes.js';
import { CODE_TEXTS, type Bilingual, type CodeText } from './explanation-texts.js';
import { dcatWhere, fieldPlatformOf, platformWhere } from './platform-fields.js';

export type { Bilingual } from './explanation-texts.js';

export interface Explained {
  /** One line saying what the result means. */
  explanation: Bilingual;
  /** What to do and why; only when points were lost. */
  recommendation?: Bilingual;
  /** Points the dataset would gain by passing: max − points, to the cent. */
  gain: number;
}

export interface Recommendation {
  indicator: IndicatorId;
  code: string;
  /** Points the dataset would gain, those of `also` included, to the cent. */
  gain: number;
  text: Bilingual;
  /** Other indicators the same fix recovers (a missing licence also costs R2 and Q4). */
  also?: IndicatorId[];
}

const BY_ID: ReadonlyMap<string, Indicator> = new Map(INDICATORS.map((i) => [i.id, i]));
const TABLE_ORDER: ReadonlyMap<string, number> = new Map(INDICATORS.map((i, k) => [i.id, k]));

/** The code's own texts; `Object.hasOwn` keeps codes such as `constructor` from reading the prototype. */
function textOf(code: string): CodeText | undefined {
  return Object.hasOwn(CODE_TEXTS, code) ? CODE_TEXTS[code] : undefined;
}

/** One line saying what `code` means; `indicator` names the indicator in the generic text of an unknown code. */
export function explanationFor(code: string, indicator?: IndicatorId): Bilingual {
  const own = textOf(code)?.explanation;
  if (own) return own;
  const i = indicator === undefined ? undefined : BY_ID.get(indicator);
  return i
    ? { es: `${i.title.es}: resultado «${code}», todavía sin descripción.`, en: `${i.title.en}: result "${code}", not yet described.` }
    : { es: `Resultado «${code}», todavía sin descripción.`, en: `Result "${code}", not yet described.` };
}

/**
 * What to do about `code` and why, for reports that group datasets by code ("37 datasets have no
 * licence (+30 points each)"), in the words of `platform` (`ckan`, `datajson`…; the DCAT property
 * when absent or unknown). Undefined for a code that only comes with full points; a generic text
 * for a code without its own.
 */
export function recommendationFor(code: string, indicator?: IndicatorId, platform?: string): Bilingual | undefined {
  const own = textOf(code);
  if (!own) return genericRecommendation(indicator);
  return own.recommendation && forPlatform(own, own.recommendation, platform);
}

/** The recommendation with its "(en DCAT, …)" parenthesis in the platform's words, when it has some. */
function forPlatform({ field }: CodeText, text: Bilingual, platform: string | undefined): Bilingual {
  const key = fieldPlatformOf(platform);
  const words = field && key && platformWhere(field, key);
  if (!field || !words) return text;
  const dcat = dcatWhere(field);
  return { es: text.es.replace(dcat.es, words.es), en: text.en.replace(dcat.en, words.en) };
}

function genericRecommendation(indicator: IndicatorId | undefined): Bilingual {
  const i = indicator === undefined ? undefined : BY_ID.get(indicator);
  return i
    ? {
        es: `Revise en los metadatos lo que mide «${i.title.es}» (${i.id}): ahí el conjunto perdió puntos.`,
        en: `Review what "${i.title.en}" (${i.id}) measures in the metadata: the dataset lost points there.`,
      }
    : {
        es: 'Revise los metadatos del conjunto con este resultado: ahí perdió puntos.',
        en: 'Review the dataset metadata behind this result: points were lost there.',
      };
}

/** Explanation, recommendation (when points were lost, in `platform`'s words) and the points it would gain. */
export function explain(result: IndicatorResult, platform?: string): Explained {
  const gain = Math.max(0, round2(result.max - result.points));
  const explanation = explanationFor(result.code, result.id);
  if (gain <= 0) return { explanation, gain };
  // A pass code never loses points; if a stored result says otherwise, advise generically.
  const recommendation = recommendationFor(result.code, result.id, platform) ?? genericRecommendation(result.id);
  return { explanation, recommendation, gain };
}

/**
 * A dataset's recommendations, one per fix (fixes.ts: a missing licence is one recommendation for
 * R1, R2 and Q4 together), most points gained first; ties in indicator-table order; in the words
 * of its portal's `platform`.
 */
export function recommendations(quality: Quality, platform?: string): Recommendation[] {
  const rank = (id: string) => TABLE_ORDER.get(id) ?? TABLE_ORDER.size;
  return fixesOf(quality.indicators)
    .map(({ root, results, gain }): Recommendation => ({
      indicator: root.id,
      code: root.code,
      gain,
      text: explain(root, platform).recommendation ?? genericRecommendation(root.id),
      ...(results.length > 1 && { also: results.slice(1).map((r) => r.id) }),
    }))
    .sort((a, b) => b.gain - a.gain || rank(a.indicator) - rank(b.indicator));
}

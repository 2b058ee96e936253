/**
 * The words a person reads beside a code the machines keep: an (indicator, code) of lost points
 * with the indicator's title, what the code means and what to do, in the words of the portal's
 * platform (src/quality/explanations.ts). The report builders add them to their JSON; the
 * Markdown renderers print them.
 */
import { explanationFor, recommendationFor, type Bilingual } from '../src/quality/explanations.js';
import { INDICATORS } from '../src/quality/indicators.js';
import type { IndicatorId } from '../src/quality/types.js';
import type { Aggregate } from './aggregate.js';

export interface CodeWords {
  /** The indicator's title ("Licencia declarada"). */
  title: Bilingual;
  /** What the code means ("Ni el conjunto ni el recurso declaran una licencia."). */
  explanation: Bilingual;
  /** What to do and why; absent for a code that comes with full points. */
  recommendation?: Bilingual;
}

const TITLES: ReadonlyMap<string, Bilingual> = new Map(INDICATORS.map((i) => [i.id, i.title]));

export function indicatorTitle(id: string): Bilingual {
  return TITLES.get(id) ?? { es: id, en: id };
}

/** The words of one (indicator, code); `platform` is the portal's (PortalRecord.platform), none for several portals. */
export function wordsFor(indicator: IndicatorId, code: string, platform?: string): CodeWords {
  const recommendation = recommendationFor(code, indicator, platform);
  return { title: indicatorTitle(indicator), explanation: explanationFor(code, indicator), ...(recommendation && { recommendation }) };
}

/** The words an item carries (a report built by this version), else those of its codes. */
export function wordsOf(item: { indicator: IndicatorId; code: string } & Partial<CodeWords>, platform?: string): CodeWords {
  if (!item.title || !item.explanation) return wordsFor(item.indicator, item.code, platform);
  return { title: item.title, explanation: item.explanation, ...(item.recommendation && { recommendation: item.recommendation }) };
}

/** The aggregate with the words of each of its most common missing items. */
export function withWords(a: Aggregate, platform?: string): Aggregate {
  return { ...a, missing: a.missing.map((m) => ({ ...m, ...wordsFor(m.indicator, m.code, platform) })) };
}

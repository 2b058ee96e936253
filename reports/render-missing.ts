/**
 * The most common missing items in Markdown, in words: what is missing, how many datasets and the
 * points it costs each, the indicator by its title with the code kept for machines, then what to
 * do, Spanish and English.
 */
import { bilingual, datasetCount } from './render-table.js';
import { wordsOf } from './words.js';
import type { MissingItem } from './aggregate.js';

/**
 * 1. **Ni el conjunto ni el recurso declaran una licencia.** / *Neither … a licence.*
 *    - 2 conjuntos / datasets, −35 puntos c/u / points each — Licencia declarada / Licence given (R1 `license_missing`)
 *    - Declare una licencia …
 *    - *Declare a licence …*
 */
export function missingList(missing: readonly MissingItem[], platform?: string): string[] {
  if (missing.length === 0) return ['Nada: ningún conjunto perdió puntos. / Nothing: no dataset lost points.'];
  return missing.flatMap((m, i) => {
    const w = wordsOf(m, platform);
    return [
      `${i + 1}. **${w.explanation.es}** / *${w.explanation.en}*`,
      `   - ${datasetCount(m.datasets)}, −${m.points} puntos c/u / points each — ${bilingual(w.title)} (${m.indicator} \`${m.code}\`)`,
      ...(w.recommendation ? [`   - ${w.recommendation.es}`, `   - *${w.recommendation.en}*`] : []),
    ];
  });
}

/** "Ni el conjunto … licencia. / *Neither …* — 2 conjuntos / datasets, −35 puntos c/u / points each (R1 `license_missing`)". */
export function missingBrief(m: MissingItem, platform?: string): string {
  const w = wordsOf(m, platform);
  return `${bilingual(w.explanation, '*')} — ${datasetCount(m.datasets)}, −${m.points} puntos c/u / points each (${m.indicator} \`${m.code}\`)`;
}

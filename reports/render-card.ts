/**
 * A publisher's report card in Markdown, for the institution: the key figures first, then what to
 * fix first (most points to gain first), then the datasets to look at and the indicator detail.
 */
import { LINK_STATES } from './aggregate.js';
import { bilingual, both, datasetCount, mdTable, pct } from './render-table.js';
import { indicatorTitle } from './words.js';
import { freshnessLabel, linkStateLabel, ratingLabel } from '../src/web/i18n/labels.js';
import type { FixGroup, PublisherReport } from './publisher-report.js';
import { RATINGS, type FreshnessStatus } from '../src/quality/types.js';

const FRESHNESS: readonly FreshnessStatus[] = ['up_to_date', 'late', 'stale', 'no_promise', 'unknown'];

/** How many fixes the card lists before "and N more". */
const FIRST = 10;

export function publisherCard(r: PublisherReport): string {
  const a = r.summary;
  const n = a.datasets;
  const toFix = r.fixes.filter((f) => f.actionable);
  const waiting = r.fixes.filter((f) => !f.actionable);
  const gainAll = Math.round(toFix.reduce((s, f) => s + f.meanGain, 0) * 100) / 100;
  const ratings = RATINGS.map((k) => `${both(ratingLabel, k)} ${a.ratings[k]}`).join(', ');
  const freshness = FRESHNESS.map((k) => `${both(freshnessLabel, k)} ${a.freshness[k]}`).join(', ');
  const links = (side: Record<string, number>) => LINK_STATES.filter((l) => side[l] > 0).map((l) => `${both(linkStateLabel, l)} ${side[l]}`).join(', ') || '—';

  const lines = [
    `# Boletín de calidad / quality report card: ${r.name}`,
    '',
    `Portal ${r.portal.name} (${r.portal.id}) · publicador / publisher \`${r.id}\` · generado / generated ${r.generatedAt}`,
    '',
    '## Cifras clave / key figures',
    '',
    `- **${a.score.mean} / 500** puntaje medio / mean score (mediana / median ${a.score.median}); **MQA ${a.score.mqaMean} / 405**`,
    `- ${n} conjuntos de datos / datasets — calificación MQA (escala de 405) / MQA rating (scale of 405): ${ratings}`,
    `- Actualidad / freshness: ${freshness}`,
    `- Completitud media / mean completeness: ${pct(a.completeness.mean)}; con todos los campos obligatorios / all mandatory fields (meta_ok): ${pct(a.completeness.metaOkShare)}`,
    `- Enlaces de acceso / access links: ${links(a.links.access)}; de descarga / download links: ${links(a.links.download)}`,
    '',
    '## Qué corregir primero / what to fix first',
    '',
  ];
  if (toFix.length === 0) {
    lines.push('Nada que corregir: no se perdieron puntos por causas a su alcance. / Nothing to fix: no points were lost for reasons in your hands.', '');
  } else {
    lines.push(
      `Corregir todo lo siguiente subiría el puntaje medio de ${a.score.mean} a ${Math.round((a.score.mean + gainAll) * 100) / 100}. / Fixing all of the following would raise the mean score from ${a.score.mean} to ${Math.round((a.score.mean + gainAll) * 100) / 100}.`,
      '',
      ...toFix.slice(0, FIRST).map((f, i) => `${i + 1}. ${fixLine(f, n)}`),
      ...(toFix.length > FIRST ? ['', `… y ${toFix.length - FIRST} más / and ${toFix.length - FIRST} more (JSON: \`fixes\`).`] : []),
      '',
    );
  }
  if (waiting.length) {
    lines.push(
      '## En espera de la verificación de enlaces / waiting for link checks',
      '',
      'Estos enlaces todavía no fueron revisados: los puntos llegan cuando la revisión termina, sin que usted haga nada. / These links have not been checked yet: the points come as checks complete, with nothing for you to do.',
      '',
      ...waiting.map((f) => `- ${bilingual(f.title)} — ${f.indicator} \`${f.code}\`: ${datasetCount(f.datasets)}, +${f.pointsEach} puntos c/u / points each`),
      '',
    );
  }
  lines.push(
    '## Conjuntos con menor puntaje / lowest-scoring datasets',
    '',
    mdTable({ header: ['id', 'título / title', 'puntaje / score (500)', 'calificación MQA / MQA rating (405)'], rows: a.worst.map((w) => [w.id, w.title, w.score, both(ratingLabel, w.rating)]) }),
    '',
    '## Detalle por indicador / indicator detail',
    '',
    mdTable({
      header: ['indicador / indicator', 'cumplen / passing', 'puntos medios / mean points', 'máximo / max'],
      rows: Object.entries(a.indicators).map(([id, v]) => [`${id} ${bilingual(indicatorTitle(id))}`, pct(v.passRate), v.meanPoints, v.max]),
    }),
    '',
  );
  return lines.join('\n');
}

/**
 * "1. **37 de 40 conjuntos** — R1 (+ R2, Q4) `license_missing`: +35 puntos c/u, +1295 en total; puntaje medio +32.38",
 * then what is missing, in words with the indicator's title, and the recommendation in Spanish
 * and in English, each on its own line.
 */
function fixLine(f: FixGroup, datasets: number): string {
  const also = f.also ? ` (+ ${f.also.join(', ')})` : '';
  const head = `**${f.datasets} de ${datasets} conjuntos / of ${datasets} datasets** — ${f.indicator}${also} \`${f.code}\`: +${f.pointsEach} puntos c/u / points each, +${f.totalGain} en total / in total; puntaje medio / mean score +${f.meanGain}`;
  const what = `   - **${f.explanation.es}** / *${f.explanation.en}* (${bilingual(f.title)})`;
  return [head, what, ...(f.text ? [`   - ${f.text.es}`, `   - *${f.text.en}*`] : [])].join('\n');
}

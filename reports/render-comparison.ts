/** The portal comparison as a wide CSV (one row per portal) and as Markdown tables side by side. */
import { LINK_STATES } from './aggregate.js';
import { bilingual, both, mdTable, pct, type Table } from './render-table.js';
import { missingBrief } from './render-missing.js';
import { indicatorTitle } from './words.js';
import { dimensionLabel, freshnessLabel, levelLabel, linkStateLabel, ratingLabel } from '../src/web/i18n/labels.js';
import type { Comparison, ComparedPortal } from './comparison-report.js';
import { RATINGS, type Dimension, type FreshnessStatus, type IndicatorId } from '../src/quality/types.js';

const FRESHNESS: FreshnessStatus[] = ['up_to_date', 'late', 'stale', 'no_promise', 'unknown'];
const DIMENSIONS: Dimension[] = ['findability', 'accessibility', 'interoperability', 'reusability', 'contextuality', 'timeliness', 'value'];

/** Every figure of every portal, for a spreadsheet. */
export function comparisonTable(c: Comparison): Table {
  const indicators = indicatorIds(c.portals);
  return {
    header: [
      'portal_id', 'portal', 'country', 'level', 'datasets', 'withdrawn', 'last_run_finished',
      'mean_score_500', 'median_score_500', 'mean_mqa_405', 'median_mqa_405',
      ...RATINGS,
      ...DIMENSIONS.map((d) => `dim_${d}`),
      ...FRESHNESS.map((f) => `freshness_${f}`),
      'completeness_mean', 'completeness_mandatory', 'completeness_recommended', 'completeness_optional', 'meta_ok_share',
      ...LINK_STATES.map((l) => `access_${l}`),
      ...LINK_STATES.map((l) => `download_${l}`),
      ...indicators.map((i) => `pass_${i}`),
      'level_es', 'level_en',
    ],
    rows: c.portals.map(({ portal, lastRun, withdrawn, summary: a }) => [
      portal.id, portal.name, portal.country, portal.level, a.datasets, withdrawn, lastRun?.finishedAt ?? '',
      a.score.mean, a.score.median, a.score.mqaMean, a.score.mqaMedian,
      ...RATINGS.map((r) => a.ratings[r]),
      ...DIMENSIONS.map((d) => a.dimensions[d] ?? ''),
      ...FRESHNESS.map((f) => a.freshness[f]),
      a.completeness.mean, a.completeness.mandatory, a.completeness.recommended, a.completeness.optional, a.completeness.metaOkShare,
      ...LINK_STATES.map((l) => a.links.access[l]),
      ...LINK_STATES.map((l) => a.links.download[l]),
      ...indicators.map((i) => a.indicators[i]?.passRate ?? ''),
      levelLabel('es', portal.level), levelLabel('en', portal.level),
    ]),
  };
}

export function comparisonMarkdown(c: Comparison): string {
  const name = (p: ComparedPortal) => `${p.portal.name} (${p.portal.id})`;
  const filter = [
    c.filter.portals && `portales / portals: ${c.filter.portals.join(', ')}`,
    c.filter.country && `país / country: ${c.filter.country}`,
    c.filter.level && `nivel / level: ${both(levelLabel, c.filter.level)}`,
  ].filter(Boolean);
  const lines = [
    '# Comparación de portales / portal comparison',
    '',
    `Generado / generated: ${c.generatedAt}${filter.length ? ` · ${filter.join(' · ')}` : ' · todos los portales / every portal'}`,
    '',
  ];
  if (c.portals.length === 0) return [...lines, 'Ningún portal coincide / no portal matches.', ''].join('\n');
  const indicators = indicatorIds(c.portals);
  lines.push(
    '## Puntaje / score',
    '',
    mdTable({
      header: ['portal', 'país / country', 'nivel / level', 'conjuntos / datasets', 'media / mean (500)', 'mediana / median (500)', 'MQA media / mean (405)', ...RATINGS.map((r) => `${both(ratingLabel, r)} (MQA)`)],
      rows: c.portals.map((p) => {
        const a = p.summary;
        // The level in Spanish, lower case inside the sentence-like row ("| EC | nacional | 4 |").
        return [name(p), p.portal.country, levelLabel('es', p.portal.level).toLowerCase(), a.datasets, a.score.mean, a.score.median, a.score.mqaMean, ...RATINGS.map((r) => a.ratings[r])];
      }),
    }),
    '',
    '## Dimensiones (media de puntos obtenidos) / dimensions (mean share of points)',
    '',
    mdTable({ header: ['portal', ...DIMENSIONS.map((d) => both(dimensionLabel, d))], rows: c.portals.map((p) => [name(p), ...DIMENSIONS.map((d) => pctOr(p.summary.dimensions[d]))]) }),
    '',
    '## Actualidad / freshness (conjuntos / datasets)',
    '',
    mdTable({ header: ['portal', ...FRESHNESS.map((f) => both(freshnessLabel, f))], rows: c.portals.map((p) => [name(p), ...FRESHNESS.map((f) => p.summary.freshness[f])]) }),
    '',
    '## Completitud y enlaces / completeness and links',
    '',
    mdTable({
      header: [
        'portal', 'completitud / completeness', 'obligatorios / mandatory', 'con todos los obligatorios / all mandatory',
        ...LINK_STATES.map((l) => `acceso / access: ${both(linkStateLabel, l)}`), ...LINK_STATES.map((l) => `descarga / download: ${both(linkStateLabel, l)}`),
      ],
      rows: c.portals.map(({ portal, summary: a }) => [
        `${portal.name} (${portal.id})`, pct(a.completeness.mean), pct(a.completeness.mandatory), pct(a.completeness.metaOkShare),
        ...LINK_STATES.map((l) => a.links.access[l]), ...LINK_STATES.map((l) => a.links.download[l]),
      ]),
    }),
    '',
    '## Indicadores: conjuntos que cumplen / indicators: share of datasets passing',
    '',
    mdTable({ header: ['indicador / indicator', ...c.portals.map((p) => p.portal.id)], rows: indicators.map((i) => [`${i} ${bilingual(indicatorTitle(i))}`, ...c.portals.map((p) => pctOr(p.summary.indicators[i]?.passRate))]) }),
    '',
    '## Lo que más falta / most common missing items',
    '',
    ...c.portals.flatMap((p) => [
      `- **${name(p)}**${p.summary.missing.length ? ':' : ': —'}`,
      ...p.summary.missing.slice(0, 3).map((m) => `  - ${missingBrief(m, p.portal.platform)}`),
    ]),
    '',
  );
  return lines.join('\n');
}

function pctOr(share: number | undefined): string {
  return share === undefined ? '–' : pct(share);
}

/** The indicators any portal has, in the order scoring lists them. */
function indicatorIds(portals: ComparedPortal[]): IndicatorId[] {
  const ids = new Set<IndicatorId>();
  for (const p of portals) for (const id of Object.keys(p.summary.indicators) as IndicatorId[]) ids.add(id);
  return [...ids];
}

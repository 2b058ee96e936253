/** Renders a report as JSON, CSV (its main table) or Markdown (Spanish first, English after). */
import { comparisonMarkdown, comparisonTable } from './render-comparison.js';
import { historyMarkdown, historyTable } from './render-history.js';
import { publisherCard } from './render-card.js';
import { FRESHNESS_ES, LINK_ES, RATING_ES, mdTable, pct, toCsv, type Table } from './render-table.js';
import { LINK_STATES, type Aggregate } from './aggregate.js';
import type { PortalReport } from './portal-report.js';
import type { PublisherReport } from './publisher-report.js';
import type { RegionalReport } from './regional-report.js';
import type { Comparison } from './comparison-report.js';
import type { HistoryReport } from './history.js';
import type { FreshnessStatus, Rating } from '../src/quality/types.js';

export const REPORT_FORMATS = ['json', 'csv', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type AnyReport = PortalReport | PublisherReport | RegionalReport | Comparison | HistoryReport;

export function renderReport(report: AnyReport, format: ReportFormat): string {
  if (format === 'json') return JSON.stringify(report, null, 2) + '\n';
  if (format === 'csv') return toCsv(mainTable(report));
  if (report.kind === 'comparison') return comparisonMarkdown(report);
  if (report.kind === 'history') return historyMarkdown(report);
  if (report.kind === 'publisher') return publisherCard(report);
  return toMarkdown(report);
}

function mainTable(report: AnyReport): Table {
  if (report.kind === 'portal') {
    return {
      header: ['publisher_id', 'publisher', 'datasets', 'mean_score_500', 'mean_mqa_405', 'excellent', 'good', 'sufficient', 'bad'],
      rows: report.publishers.map((p) => [p.id, p.name, p.datasets, p.meanScore, p.meanMqa, p.ratings.excellent, p.ratings.good, p.ratings.sufficient, p.ratings.bad]),
    };
  }
  if (report.kind === 'region') {
    return {
      header: ['portal_id', 'portal', 'country', 'level', 'datasets', 'mean_score_500', 'mean_mqa_405', 'up_to_date_share'],
      rows: report.portals.map((p) => [p.id, p.name, p.country, p.level, p.datasets, p.meanScore, p.meanMqa, p.upToDateShare]),
    };
  }
  if (report.kind === 'comparison') return comparisonTable(report);
  if (report.kind === 'history') return historyTable(report);
  return indicatorTable(report.summary);
}

function indicatorTable(a: Aggregate): Table {
  return {
    header: ['indicator', 'pass_rate', 'mean_points', 'max_points'],
    rows: Object.entries(a.indicators).map(([id, v]) => [id, v.passRate, v.meanPoints, v.max]),
  };
}

/** The portal and regional reports. */
function toMarkdown(report: PortalReport | RegionalReport): string {
  const title = report.kind === 'portal' ? `Portal ${report.portal.name} (${report.portal.id})` : 'Región / Region';
  const a = report.summary;
  const links = (side: Aggregate['links']['access']) => LINK_STATES.map((l) => `${LINK_ES[l]} ${side[l]}`).join(', ');
  const lines = [
    `# Informe de calidad / Quality report: ${title}`,
    '',
    `Generado / generated: ${report.generatedAt}`,
    '',
    `- Conjuntos de datos / datasets: **${a.datasets}**${report.kind === 'region' && report.relisted > 0 ? ` (más ${report.relisted} registros que repiten conjuntos de otro portal / plus ${report.relisted} records re-listing another portal's datasets)` : ''}`,
    `- Puntaje medio / mean score: **${a.score.mean} / 500** (MQA ${a.score.mqaMean} / 405; mediana / median ${a.score.median})`,
    `- Calificación / rating: ${(Object.keys(RATING_ES) as Rating[]).map((r) => `${RATING_ES[r]} ${a.ratings[r]}`).join(', ')}`,
    `- Actualidad / freshness: ${(Object.keys(FRESHNESS_ES) as FreshnessStatus[]).map((f) => `${FRESHNESS_ES[f]} ${a.freshness[f]}`).join(', ')}`,
    `- Completitud media / mean completeness: ${pct(a.completeness.mean)} (meta_ok ${pct(a.completeness.metaOkShare)})`,
    `- Enlaces de acceso / access links: ${links(a.links.access)}`,
    `- Enlaces de descarga / download links: ${links(a.links.download)}`,
    '',
    '## Lo que más falta / most common missing items',
    '',
    mdTable({ header: ['indicador', 'código / code', 'conjuntos / datasets', 'puntos perdidos (media) / mean points lost'], rows: a.missing.map((m) => [m.indicator, m.code, m.datasets, `+${m.points}`]) }),
    '',
    '## Tabla principal / main table',
    '',
    mdTable(mainTable(report)),
    '',
    '## Conjuntos con menor puntaje / lowest-scoring datasets',
    '',
    mdTable({ header: ['id', 'título / title', 'puntaje / score', 'calificación / rating'], rows: a.worst.map((w) => [w.id, w.title, w.score, w.rating]) }),
    '',
  ];
  return lines.join('\n');
}

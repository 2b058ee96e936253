/** Renders a report as JSON, CSV (its main table) or Markdown (Spanish first, English after). */
import { comparisonMarkdown, comparisonTable } from './render-comparison.js';
import { historyMarkdown, historyTable } from './render-history.js';
import { publisherCard } from './render-card.js';
import { both, mdTable, pct, toCsv, type Table } from './render-table.js';
import { missingList } from './render-missing.js';
import { indicatorTitle } from './words.js';
import { LINK_STATES, type Aggregate } from './aggregate.js';
import { freshnessLabel, levelLabel, linkStateLabel, ratingLabel } from '../src/web/i18n/labels.js';
import type { PortalReport } from './portal-report.js';
import type { PublisherReport } from './publisher-report.js';
import type { RegionalReport } from './regional-report.js';
import type { Comparison } from './comparison-report.js';
import type { HistoryReport } from './history.js';
import { RATINGS, type FreshnessStatus } from '../src/quality/types.js';

const FRESHNESS: readonly FreshnessStatus[] = ['up_to_date', 'late', 'stale', 'no_promise', 'unknown'];

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
      header: ['portal_id', 'portal', 'country', 'level', 'datasets', 'mean_score_500', 'mean_mqa_405', 'up_to_date_share', 'level_es', 'level_en'],
      rows: report.portals.map((p) => [p.id, p.name, p.country, p.level, p.datasets, p.meanScore, p.meanMqa, p.upToDateShare, levelLabel('es', p.level), levelLabel('en', p.level)]),
    };
  }
  if (report.kind === 'comparison') return comparisonTable(report);
  if (report.kind === 'history') return historyTable(report);
  return indicatorTable(report.summary);
}

function indicatorTable(a: Aggregate): Table {
  return {
    header: ['indicator', 'pass_rate', 'mean_points', 'max_points', 'title_es', 'title_en'],
    rows: Object.entries(a.indicators).map(([id, v]) => [id, v.passRate, v.meanPoints, v.max, indicatorTitle(id).es, indicatorTitle(id).en]),
  };
}

/** The main table as people read it: words for the codes and headers. */
function peopleTable(report: PortalReport | RegionalReport): Table {
  if (report.kind === 'portal') {
    return {
      header: ['id', 'publicador / publisher', 'conjuntos / datasets', 'puntaje medio / mean score (500)', 'MQA medio / mean (405)', ...RATINGS.map((r) => both(ratingLabel, r))],
      rows: report.publishers.map((p) => [p.id, p.name, p.datasets, p.meanScore, p.meanMqa, ...RATINGS.map((r) => p.ratings[r])]),
    };
  }
  return {
    header: ['id', 'portal', 'país / country', 'nivel / level', 'conjuntos / datasets', 'puntaje medio / mean score (500)', 'MQA medio / mean (405)', both(freshnessLabel, 'up_to_date')],
    rows: report.portals.map((p) => [p.id, p.name, p.country, both(levelLabel, p.level), p.datasets, p.meanScore, p.meanMqa, pct(p.upToDateShare)]),
  };
}

/** The portal and regional reports. */
function toMarkdown(report: PortalReport | RegionalReport): string {
  const title = report.kind === 'portal' ? `Portal ${report.portal.name} (${report.portal.id})` : 'Región / Region';
  // A portal's recommendations name the fields of its own platform; the region's, the DCAT properties.
  const platform = report.kind === 'portal' ? report.portal.platform : undefined;
  const a = report.summary;
  const links = (side: Aggregate['links']['access']) => LINK_STATES.map((l) => `${both(linkStateLabel, l)} ${side[l]}`).join(', ');
  const lines = [
    `# Informe de calidad / Quality report: ${title}`,
    '',
    `Generado / generated: ${report.generatedAt}`,
    '',
    `- Conjuntos de datos / datasets: **${a.datasets}**${report.kind === 'region' && report.relisted > 0 ? ` (más ${report.relisted} registros que repiten conjuntos de otro portal / plus ${report.relisted} records re-listing another portal's datasets)` : ''}`,
    `- Puntaje medio / mean score: **${a.score.mean} / 500** (MQA ${a.score.mqaMean} / 405; mediana / median ${a.score.median})`,
    `- Calificación (escala MQA de 405) / rating (MQA scale of 405): ${RATINGS.map((r) => `${both(ratingLabel, r)} ${a.ratings[r]}`).join(', ')}`,
    `- Actualidad / freshness: ${FRESHNESS.map((f) => `${both(freshnessLabel, f)} ${a.freshness[f]}`).join(', ')}`,
    `- Completitud media / mean completeness: ${pct(a.completeness.mean)} (con todos los campos obligatorios / all mandatory fields: ${pct(a.completeness.metaOkShare)})`,
    `- Enlaces de acceso / access links: ${links(a.links.access)}`,
    `- Enlaces de descarga / download links: ${links(a.links.download)}`,
    '',
    '## Lo que más falta / most common missing items',
    '',
    ...missingList(a.missing, platform),
    '',
    report.kind === 'portal' ? '## Publicadores / publishers' : '## Portales / portals',
    '',
    mdTable(peopleTable(report)),
    '',
    '## Conjuntos con menor puntaje / lowest-scoring datasets',
    '',
    mdTable({ header: ['id', 'título / title', 'puntaje / score (500)', 'calificación MQA / MQA rating (405)'], rows: a.worst.map((w) => [w.id, w.title, w.score, both(ratingLabel, w.rating)]) }),
    '',
  ];
  return lines.join('\n');
}

/** Renders a report as JSON, CSV (its main table) or Markdown (Spanish first, English after). */
import type { PortalReport } from './portal-report.js';
import type { PublisherReport } from './publisher-report.js';
import type { RegionalReport } from './regional-report.js';
import type { Aggregate } from './aggregate.js';

export const REPORT_FORMATS = ['json', 'csv', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
type AnyReport = PortalReport | PublisherReport | RegionalReport;

export function renderReport(report: AnyReport, format: ReportFormat): string {
  if (format === 'json') return JSON.stringify(report, null, 2) + '\n';
  if (format === 'csv') return toCsv(mainTable(report));
  return toMarkdown(report);
}

type Table = { header: string[]; rows: (string | number)[][] };

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
  return indicatorTable(report.summary);
}

function indicatorTable(a: Aggregate): Table {
  return {
    header: ['indicator', 'pass_rate', 'mean_points', 'max_points'],
    rows: Object.entries(a.indicators).map(([id, v]) => [id, v.passRate, v.meanPoints, v.max]),
  };
}

function toCsv({ header, rows }: Table): string {
  const cell = (v: string | number) => (typeof v === 'number' ? String(v) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

function mdTable({ header, rows }: Table): string {
  const esc = (v: string | number) => String(v).replace(/\|/g, '\\|');
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

function toMarkdown(report: AnyReport): string {
  const title =
    report.kind === 'portal' ? `Portal ${report.portal.name} (${report.portal.id})`
    : report.kind === 'publisher' ? `${report.name} — ${report.portal.name}`
    : 'Región / Region';
  const a = report.summary;
  const lines = [
    `# Informe de calidad / Quality report: ${title}`,
    '',
    `Generado / generated: ${report.generatedAt}`,
    '',
    `- Conjuntos de datos / datasets: **${a.datasets}**`,
    `- Puntaje medio / mean score: **${a.score.mean} / 500** (MQA ${a.score.mqaMean} / 405; mediana / median ${a.score.median})`,
    `- Calificación / rating: excelente ${a.ratings.excellent}, buena ${a.ratings.good}, suficiente ${a.ratings.sufficient}, deficiente ${a.ratings.bad}`,
    `- Actualidad / freshness: al día ${a.freshness.up_to_date}, atrasados ${a.freshness.late}, obsoletos ${a.freshness.stale}, sin promesa ${a.freshness.no_promise}, desconocido ${a.freshness.unknown}`,
    `- Completitud media / mean completeness: ${Math.round(a.completeness.mean * 100)} %`,
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

/** A history as CSV (the series, one row per day) and as Markdown (the trend first, then the series). */
import { both, mdTable, signed, type Cell, type Table } from './render-table.js';
import { ratingLabel } from '../src/web/i18n/labels.js';
import type { HistoryPoint, HistoryReport, Trend } from './history.js';
import { RATINGS } from '../src/quality/types.js';


export function historyTable(h: HistoryReport): Table {
  return {
    header: ['date', 'stored_at', 'run_id', 'datasets', 'mean_score_500', 'mean_mqa_405', ...RATINGS],
    rows: h.points.map((p) => [p.date, p.at, p.runId ?? '', p.datasets, p.meanScore, p.meanMqa, ...RATINGS.map((r) => p.ratings[r])]),
  };
}

export function historyMarkdown(h: HistoryReport): string {
  const what = h.scope.kind === 'portal' ? 'portal' : 'publicador / publisher';
  const lines = [
    `# Evolución / history: ${h.name} (${what} ${h.scope.id})`,
    '',
    `Generado / generated: ${h.generatedAt}`,
    '',
    '## Ahora y antes / now and before',
    '',
  ];
  if (!h.current) return [...lines, 'Todavía no hay informes guardados / no stored report yet.', ''].join('\n');
  const header = ['', 'fecha / date', 'conjuntos / datasets', 'puntaje medio / mean score (500)', 'MQA medio / mean (405)', ...RATINGS.map((r) => `${both(ratingLabel, r)} (MQA)`)];
  const row = (label: string, p: HistoryPoint): Cell[] => [label, p.date, p.datasets, p.meanScore, p.meanMqa, ...RATINGS.map((r) => p.ratings[r])];
  const change = (label: string, t: Trend): Cell[] => [label, '', signed(t.change.datasets), signed(t.change.meanScore), signed(t.change.meanMqa), ...RATINGS.map((r) => signed(t.change.ratings[r]))];
  const rows: Cell[][] = [row('**ahora / now**', h.current)];
  const missing: string[] = [];
  for (const [t, months] of [[h.trend.months3, 3], [h.trend.months12, 12]] as const) {
    if (t) rows.push(row(`hace ${months} meses / ${months} months ago`, t.then), change(`**cambio en ${months} meses / change**`, t));
    else missing.push(`No hay informe de hace ${months} meses / no report from ${months} months ago.`);
  }
  lines.push(mdTable({ header, rows }), '', ...missing.map((m) => `- ${m}`), ...(missing.length ? [''] : []));
  const series = { header: ['fecha / date', 'guardado / stored at', 'cosecha / run', ...header.slice(2)], rows: historyTable(h).rows };
  lines.push('## Serie / series (un informe por día / one report per day)', '', mdTable(series), '');
  return lines.join('\n');
}

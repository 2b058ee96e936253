/**
 * Shares of a whole side by side: one horizontal bar per portal, split by state (freshness, link
 * states), each state in its colour and named in Plot's legend above the bars (swatches styled in
 * cosecha.css, "Compare"). Rows may come in titled groups (access and download links).
 */
import * as Plot from '@observablehq/plot';
import { renderPlot } from '../../charts/plot.js';
import { fitLabel, groupTitles, labelMargin } from './grouped-bars.js';

export interface Part {
  /** What the state is called on the page, in its language. */
  name: string;
  color: string;
}

export interface StackedRow {
  label: string;
  /** The group's title, when rows are grouped. */
  group?: string;
  /** Shares (0–1) of each part, in the order of `parts`. */
  shares: number[];
}

export function stackedBarChart(rows: StackedRow[], parts: Part[], { axis }: { axis: string }): string {
  const labels = [...new Set(rows.map((r) => r.label))];
  const groups = [...new Set(rows.flatMap((r) => (r.group === undefined ? [] : [r.group])))];
  const marginLeft = labelMargin(labels);
  const data = rows.flatMap((row) => parts.map((part, k) => ({ label: row.label, group: row.group, part: part.name, share: row.shares[k] ?? 0 })));
  const facets = groups.length > 0;
  return renderPlot({
    width: 480,
    height: (facets ? groups.length : 1) * (labels.length * 22 + 30) + 40,
    marginLeft,
    marginRight: 20,
    marginTop: facets ? 24 : 10,
    // With `percent`, Plot reads the data as shares and the domain in percent.
    x: { domain: [0, 100], label: axis, percent: true, grid: true },
    y: { label: null, domain: labels, tickFormat: fitLabel },
    ...(facets && { fy: { axis: null, domain: groups, padding: 0.35 } }),
    color: { legend: true, domain: parts.map((p) => p.name), range: parts.map((p) => p.color) },
    marks: [
      Plot.barX(data, { x: 'share', y: 'label', fill: 'part', order: parts.map((p) => p.name), ...(facets && { fy: 'group' }) }),
      ...(facets ? [groupTitles(groups, marginLeft)] : []),
      Plot.ruleX([0]),
    ],
  });
}

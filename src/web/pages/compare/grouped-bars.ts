/**
 * Small multiples in one chart: a titled group of horizontal bars per dimension (or per kind of
 * link), the same portals in the same order and colour in each, each bar named and valued. One
 * Plot drawing instead of one per group: narrow enough for a phone, cheap enough for the page.
 */
import * as Plot from '@observablehq/plot';
import { COLORS, renderPlot } from '../../charts/plot.js';

export interface Grouped {
  group: string;
  label: string;
  /** A share, 0–1. */
  share: number;
}

const WIDTH = 480;

const CHAR_PX = 6.2;
const MAX_MARGIN = 200;

/** Left margin for the bars' labels: room for the longest, up to a limit. */
export function labelMargin(labels: readonly string[]): number {
  return Math.min(MAX_MARGIN, 12 + CHAR_PX * Math.max(0, ...labels.map((l) => l.length)));
}

/** A label cut with "…" to what the margin holds (the figure's table gives it whole). */
export function fitLabel(label: string): string {
  const room = Math.floor((MAX_MARGIN - 12) / CHAR_PX);
  return label.length <= room ? label : `${label.slice(0, room - 1).trimEnd()}…`;
}

/** The group titles, drawn in the padding above each group. */
export function groupTitles(groups: readonly string[], marginLeft: number): Plot.Markish {
  return Plot.text(groups, { fy: (g: string) => g, text: (g: string) => g, frameAnchor: 'top-left', dx: -marginLeft, dy: -16, fontWeight: 'bold', fontSize: 12, fill: 'currentColor' });
}

export function groupedBarChart(bars: Grouped[], { axis }: { axis: string }): string {
  const groups = [...new Set(bars.map((b) => b.group))];
  const labels = [...new Set(bars.map((b) => b.label))];
  const marginLeft = labelMargin(labels);
  return renderPlot({
    width: WIDTH,
    height: groups.length * (labels.length * 18 + 30) + 50,
    marginLeft,
    marginRight: 40,
    marginTop: 24,
    // With `percent`, Plot reads the data as shares and the domain in percent.
    x: { domain: [0, 100], label: axis, percent: true, grid: true },
    y: { label: null, domain: labels, tickFormat: fitLabel },
    fy: { axis: null, domain: groups, padding: 0.35 },
    color: { domain: labels, range: COLORS.series },
    marks: [
      Plot.barX(bars, { x: 'share', y: 'label', fy: 'group', fill: 'label' }),
      Plot.text(bars, { x: 'share', y: 'label', fy: 'group', text: (b: Grouped) => `${Math.round(b.share * 100)} %`, dx: 4, textAnchor: 'start', fill: 'currentColor' }),
      groupTitles(groups, marginLeft),
      Plot.ruleX([0]),
    ],
  });
}

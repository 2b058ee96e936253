/**
 * A score over time, one line per series (a portal, an institution), with a dot per report and
 * the series named at its last point (no separate legend to match colours against).
 */
import * as Plot from '@observablehq/plot';
import { COLORS, renderPlot } from './plot.js';

export interface Point {
  series: string;
  date: Date;
  value: number;
}

export function lineChart(points: Point[], { axis, max, width = 640 }: { axis: string; max: number; width?: number }): string {
  const series = [...new Set(points.map((p) => p.series))];
  return renderPlot({
    width,
    height: 240,
    x: { type: 'utc', label: null },
    y: { domain: [0, max], label: axis, grid: true },
    marginRight: series.length > 1 ? 120 : 20,
    color: { domain: series, range: COLORS.series },
    marks: [
      Plot.lineY(points, { x: 'date', y: 'value', stroke: 'series', strokeWidth: 2 }),
      Plot.dot(points, { x: 'date', y: 'value', fill: 'series', r: 3 }),
      ...(series.length > 1 ? [Plot.text(points, Plot.selectLast({ x: 'date', y: 'value', z: 'series', text: 'series', dx: 6, textAnchor: 'start', fill: 'series' }))] : []),
      Plot.ruleY([0]),
    ],
  });
}

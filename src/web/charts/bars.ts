/** Horizontal bars, one per labelled value (dimension shares, scores by country, pass rates). */
import * as Plot from '@observablehq/plot';
import { COLORS, renderPlot } from './plot.js';

export interface Bar {
  label: string;
  value: number;
  /** A colour of COLORS, when bars differ by band. */
  color?: string;
}

export interface BarOptions {
  /** The largest value of the axis (1 for shares, 500 for scores). */
  max: number;
  /** Axis label. */
  axis: string;
  /** Shares are drawn as percentages. */
  percent?: boolean;
  width?: number;
}

export function barChart(bars: Bar[], { max, axis, percent, width = 640 }: BarOptions): string {
  const longest = Math.max(0, ...bars.map((b) => b.label.length));
  return renderPlot({
    width,
    height: 24 * bars.length + 40,
    marginLeft: Math.min(260, 12 + 6.2 * longest),
    marginRight: 40,
    // Plot's `percent` scales the values by 100 but not a given domain.
    x: { domain: [0, percent ? max * 100 : max], label: axis, percent, grid: true },
    y: { label: null, domain: bars.map((b) => b.label) },
    marks: [
      Plot.barX(bars, { x: 'value', y: 'label', fill: (b: Bar) => b.color ?? COLORS.primary }),
      Plot.text(bars, {
        x: 'value',
        y: 'label',
        text: (b: Bar) => (percent ? `${Math.round(b.value * 100)} %` : String(Math.round(b.value))),
        dx: 4,
        textAnchor: 'start',
        fill: 'currentColor',
      }),
      Plot.ruleX([0]),
    ],
  });
}

/** How many datasets score in each band of 50 points out of 500 (the aggregate's `scoreBins`). */
import * as Plot from '@observablehq/plot';
import { SCORE_BIN } from '../../../reports/index.js';
import { COLORS, renderPlot } from './plot.js';

export function histogramChart(bins: readonly number[], { axis, count, width = 640 }: { axis: string; count: string; width?: number }): string {
  const rects = bins.map((n, i) => ({ from: i * SCORE_BIN, to: (i + 1) * SCORE_BIN, count: n }));
  return renderPlot({
    width,
    height: 220,
    x: { label: axis, domain: [0, bins.length * SCORE_BIN] },
    y: { label: count, grid: true },
    marks: [Plot.rectY(rects, { x1: 'from', x2: 'to', y: 'count', fill: COLORS.primary, inset: 1 }), Plot.ruleY([0])],
  });
}

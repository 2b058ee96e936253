/** The portal page's charts, each with its table: dimensions, scores of its datasets, its history. */
import type { PageContext } from '../../context.js';
import { SCORE_BIN, type Aggregate, type HistoryReport } from '../../../../reports/index.js';
import { RATINGS, type Dimension } from '../../../quality/types.js';
import { DIMENSION_MAX } from '../../../quality/indicators.js';
import { ChartFigure } from '../../components/figure.js';
import { barChart } from '../../charts/bars.js';
import { histogramChart } from '../../charts/histogram.js';
import { lineChart } from '../../charts/line.js';
import { COLORS } from '../../charts/plot.js';
import { formatDate, formatNumber, formatPercent, formatSigned } from '../../i18n/define.js';
import { dimensionLabel, ratingLabel } from '../../i18n/labels.js';
import { messages } from './messages.js';

const DIMENSIONS = Object.keys(DIMENSION_MAX) as Dimension[];

export function DimensionsFigure({ ctx, summary }: { ctx: PageContext; summary: Aggregate }) {
  const t = messages[ctx.lang];
  const shares = DIMENSIONS.filter((d) => summary.dimensions[d] !== undefined).map((d) => ({ label: dimensionLabel(ctx.lang, d), value: summary.dimensions[d]! }));
  return (
    <ChartFigure
      ctx={ctx}
      caption={t.dimensionsChart}
      // Drawn in percentage points (0–100): the labels at the bars' ends then read as on the axis.
      svg={barChart(shares.map((b) => ({ ...b, value: Math.round(b.value * 1000) / 10 })), { max: 100, axis: t.axisShare })}
      table={{ head: [t.colDimension, t.colShare], rows: shares.map((s) => [s.label, formatPercent(ctx.lang, s.value)]) }}
    />
  );
}

/** The histogram of scores; a snapshot stored before `scoreBins` existed shows its ratings instead. */
export function ScoresFigure({ ctx, summary }: { ctx: PageContext; summary: Aggregate }) {
  const t = messages[ctx.lang];
  const bins = summary.scoreBins;
  if (!bins) {
    return (
      <ChartFigure
        ctx={ctx}
        caption={t.ratingsChart}
        svg={barChart(RATINGS.map((r) => ({ label: ratingLabel(ctx.lang, r), value: summary.ratings[r], color: COLORS[r] })), { max: Math.max(1, ...Object.values(summary.ratings)), axis: t.axisCount })}
        table={{ head: [t.colRating, t.axisCount], rows: RATINGS.map((r) => [ratingLabel(ctx.lang, r), formatNumber(ctx.lang, summary.ratings[r])]) }}
      />
    );
  }
  return (
    <ChartFigure
      ctx={ctx}
      caption={t.histogramChart}
      svg={histogramChart(bins, { axis: t.axisScore, count: t.axisCount })}
      table={{ head: [t.colBand, t.axisCount], rows: bins.map((n, i) => [t.band(i * SCORE_BIN, (i + 1) * SCORE_BIN), formatNumber(ctx.lang, n)]) }}
    />
  );
}

export function HistoryFigure({ ctx, name, history }: { ctx: PageContext; name: string; history: HistoryReport }) {
  const t = messages[ctx.lang];
  const trend = history.trend.months3;
  return (
    <>
      {trend && <p>{t.trend3(formatSigned(ctx.lang, trend.change.meanScore), formatDate(ctx.lang, trend.then.at))}</p>}
      {history.points.length < 2 ? (
        <p>{t.historyOne}</p>
      ) : (
        <ChartFigure
          ctx={ctx}
          caption={t.historyChart}
          svg={lineChart(history.points.map((p) => ({ series: name, date: new Date(p.at), value: p.meanScore })), { axis: t.axisScore, max: 500 })}
          table={{
            head: [t.colDate, t.colMeanScore, t.colMeanMqa],
            rows: history.points.map((p) => [formatDate(ctx.lang, p.at), formatNumber(ctx.lang, p.meanScore, 1), formatNumber(ctx.lang, p.meanMqa, 1)]),
          }}
        />
      )}
    </>
  );
}

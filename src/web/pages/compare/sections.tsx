/**
 * The comparison's parts, each from the portals' aggregates: the summary, the levels together,
 * the seven dimensions, the indicator pass rates, freshness and links, as charts with tables.
 */
import type { PageContext } from '../../context.js';
import { LEVELS, combine, type Comparison } from '../../../../reports/index.js';
import { LINK_STATES, type LinkState } from '../../../../reports/aggregate.js';
import type { Dimension, FreshnessStatus } from '../../../quality/types.js';
import { INDICATORS, DIMENSION_MAX } from '../../../quality/indicators.js';
import { rate } from '../../../quality/score.js';
import { ScoreBadge } from '../../components/badges.js';
import { ChartFigure } from '../../components/figure.js';
import { COLORS } from '../../charts/plot.js';
import { formatNumber, formatPercent } from '../../i18n/define.js';
import { countryLabel, dimensionLabel, freshnessLabel, levelLabel, linkStateLabel } from '../../i18n/labels.js';
import { stackedBarChart, type Part } from './stacked-bars.js';
import { groupedBarChart } from './grouped-bars.js';
import { messages } from './messages.js';

type Compared = Comparison['portals'][number];
interface SectionProps {
  ctx: PageContext;
  portals: Compared[];
}

const FRESHNESS_COLORS: Readonly<Record<FreshnessStatus, string>> = {
  up_to_date: COLORS.excellent, late: COLORS.sufficient, stale: COLORS.bad, no_promise: '#4f6b6f', unknown: '#aab4ba',
};
const LINK_COLORS: Readonly<Record<LinkState, string>> = {
  ok: COLORS.excellent, broken: COLORS.bad, unknown: COLORS.sufficient, not_checked: '#1b5e9a', refused: '#4f6b6f', no_url: '#aab4ba',
};
const DIMENSIONS = Object.keys(DIMENSION_MAX) as Dimension[];

const share = (count: number, all: number) => (all > 0 ? count / all : 0);
const href = (id: string) => `/portales/${encodeURIComponent(id)}`;

export function Summary({ ctx, portals }: SectionProps) {
  const t = messages[ctx.lang];
  return (
    <section aria-labelledby="compare-summary">
      <h2 id="compare-summary">{t.summary}</h2>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              {[t.colPortal, t.colWhere, t.colDatasets, t.colScore, t.colMqa, t.colUpToDate, t.colLinksOk].map((h) => <th scope="col" key={h}>{h}</th>)}
            </tr>
          </thead>
          <tbody>
            {portals.map(({ portal, summary: s }) => (
              <tr key={portal.id}>
                <th scope="row"><a href={href(portal.id)}>{portal.name}</a></th>
                <td>{countryLabel(ctx.lang, portal.country)} · {levelLabel(ctx.lang, portal.level)}</td>
                <td class="num">{formatNumber(ctx.lang, s.datasets)}</td>
                <td><ScoreBadge ctx={ctx} score={s.score.mean} max={500} rating={rate(s.score.mean, 'total')} /></td>
                <td><ScoreBadge ctx={ctx} score={s.score.mqaMean} max={405} rating={rate(s.score.mqaMean, 'mqa')} /></td>
                <td class="num">{formatPercent(ctx.lang, share(s.freshness.up_to_date, s.datasets))}</td>
                <td class="num">{formatPercent(ctx.lang, share(s.links.download.ok, s.datasets))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The portals of each level as one: national against municipal. Shown when the choice spans levels. */
export function ByLevel({ ctx, portals }: SectionProps) {
  const t = messages[ctx.lang];
  const levels = LEVELS.filter((l) => portals.some((p) => p.portal.level === l));
  if (levels.length < 2) return null;
  const rows = levels.map((level) => {
    const of = portals.filter((p) => p.portal.level === level);
    return { level, ...combine(of.map((p) => ({ portal: p.portal, configured: true, summary: p.summary }))) };
  });
  return (
    <section aria-labelledby="compare-levels">
      <h2 id="compare-levels">{t.byLevel}</h2>
      <p>{t.byLevelIntro}</p>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>{[t.colLevel, t.colPortals, t.colDatasets, t.colScore, t.colMqa, t.colUpToDate].map((h) => <th scope="col" key={h}>{h}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.level}>
                <th scope="row">{levelLabel(ctx.lang, r.level)}</th>
                <td class="num">{formatNumber(ctx.lang, r.portals)}</td>
                <td class="num">{formatNumber(ctx.lang, r.datasets)}</td>
                <td><ScoreBadge ctx={ctx} score={r.meanScore} max={500} rating={rate(r.meanScore, 'total')} /></td>
                <td><ScoreBadge ctx={ctx} score={r.meanMqa} max={405} rating={rate(r.meanMqa, 'mqa')} /></td>
                <td class="num">{formatPercent(ctx.lang, r.upToDateShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The seven dimensions as one chart of small multiples, the portals as the bars of each. */
export function Dimensions({ ctx, portals }: SectionProps) {
  const t = messages[ctx.lang];
  const bars = DIMENSIONS.flatMap((d) => portals.map((p) => ({ group: dimensionLabel(ctx.lang, d), label: p.portal.name, share: p.summary.dimensions[d] ?? 0 })));
  return (
    <section aria-labelledby="compare-dimensions">
      <h2 id="compare-dimensions">{t.dimensions}</h2>
      <p>{t.dimensionsIntro}</p>
      <ChartFigure
        ctx={ctx}
        caption={t.dimensionChart}
        svg={groupedBarChart(bars, { axis: t.sharePercent })}
        table={{
          head: [t.colPortal, ...DIMENSIONS.map((d) => dimensionLabel(ctx.lang, d))],
          rows: portals.map((p) => [p.portal.name, ...DIMENSIONS.map((d) => formatPercent(ctx.lang, p.summary.dimensions[d] ?? 0))]),
        }}
      />
    </section>
  );
}

export function Indicators({ ctx, portals }: SectionProps) {
  const t = messages[ctx.lang];
  return (
    <section aria-labelledby="compare-indicators">
      <h2 id="compare-indicators">{t.indicators}</h2>
      <p>{t.indicatorsIntro}</p>
      <div class="table-scroll">
        <table class="compare-indicators">
          <caption class="visually-hidden">{t.indicatorCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colIndicator}</th>
              {portals.map((p) => <th scope="col" key={p.portal.id}>{p.portal.name}</th>)}
            </tr>
          </thead>
          <tbody>
            {INDICATORS.map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.title[ctx.lang]} <span class="small">({i.id})</span></th>
                {portals.map((p) => {
                  const rate = p.summary.indicators[i.id]?.passRate;
                  return <td class="num" key={p.portal.id}>{rate === undefined ? '—' : formatPercent(ctx.lang, rate)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function Freshness({ ctx, portals }: SectionProps) {
  const t = messages[ctx.lang];
  const states = Object.keys(FRESHNESS_COLORS) as FreshnessStatus[];
  const parts = states.map((s) => ({ name: freshnessLabel(ctx.lang, s), color: FRESHNESS_COLORS[s] }));
  return (
    <section aria-labelledby="compare-freshness">
      <h2 id="compare-freshness">{t.freshness}</h2>
      <p>{t.freshnessIntro}</p>
      <Shares ctx={ctx} caption={t.freshnessChart} parts={parts} portals={portals} shares={(p) => states.map((s) => share(p.summary.freshness[s], p.summary.datasets))} />
    </section>
  );
}

export function Links({ ctx, portals }: SectionProps) {
  const t = messages[ctx.lang];
  const parts = LINK_STATES.map((s) => ({ name: linkStateLabel(ctx.lang, s), color: LINK_COLORS[s] }));
  const sides = [['download', t.downloadLinks], ['access', t.accessLinks]] as const;
  const rows = sides.flatMap(([side, group]) => portals.map((p) => ({ label: p.portal.name, group, shares: LINK_STATES.map((s) => share(p.summary.links[side][s], p.summary.datasets)) })));
  return (
    <section aria-labelledby="compare-links">
      <h2 id="compare-links">{t.links}</h2>
      <p>{t.linksIntro}</p>
      <ChartFigure
        ctx={ctx}
        caption={t.linksChart}
        svg={stackedBarChart(rows, parts, { axis: t.shareOfDatasets })}
        table={{ head: [t.colPortal, t.colLinkKind, ...parts.map((p) => p.name)], rows: rows.map((r) => [r.label, r.group, ...r.shares.map((x) => formatPercent(ctx.lang, x))]) }}
      />
    </section>
  );
}

function Shares({ ctx, caption, parts, portals, shares }: SectionProps & { caption: string; parts: Part[]; shares: (p: Compared) => number[] }) {
  const t = messages[ctx.lang];
  const rows = portals.map((p) => ({ label: p.portal.name, shares: shares(p) }));
  return (
    <ChartFigure
      ctx={ctx}
      caption={caption}
      svg={stackedBarChart(rows, parts, { axis: t.shareOfDatasets })}
      table={{ head: [t.colPortal, ...parts.map((p) => p.name)], rows: rows.map((r) => [r.label, ...r.shares.map((x) => formatPercent(ctx.lang, x))]) }}
    />
  );
}

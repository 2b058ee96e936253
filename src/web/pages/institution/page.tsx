/**
 * `/instituciones/:portal/:publisher`: an institution's report card — its scores each beside its
 * own scale, what to fix first with the points each fix gains, its datasets and its history.
 * Prints as an A4 summary (cosecha.css, "Institution").
 */
import type { PageContext } from '../../context.js';
import { withParams } from '../../context.js';
import { Layout } from '../../components/layout.js';
import { ScoreBadge, FreshnessBadge, RatingBadge } from '../../components/badges.js';
import { Downloads } from '../../components/downloads.js';
import { Pagination } from '../../components/pagination.js';
import { ChartFigure } from '../../components/figure.js';
import { lineChart } from '../../charts/line.js';
import { common } from '../../i18n/common.js';
import { formatDate, formatNumber } from '../../i18n/define.js';
import { countryLabel, indicatorLabel, levelLabel } from '../../i18n/labels.js';
import { rate } from '../../../quality/score.js';
import { RATINGS } from '../../../quality/types.js';
import type { HistoryReport } from '../../../../reports/index.js';
import type { InstitutionDataset, InstitutionView } from './data.js';
import { FixList } from './fix-list.js';
import { messages } from './messages.js';

/** Datasets per page of the card. */
export const DATASETS_PER_PAGE = 50;
/** The headline says where the first fixes would take the mean score. */
const FIRST_FIXES = 3;

export function InstitutionPage({ ctx, view, page }: { ctx: PageContext; view: InstitutionView; page: number }) {
  const t = messages[ctx.lang];
  const c = common[ctx.lang];
  const { report } = view;
  const { portal, summary } = report;
  const todo = report.fixes.filter((f) => f.actionable);
  const waiting = report.fixes.filter((f) => !f.actionable);
  const first = todo.slice(0, FIRST_FIXES);
  const reachable = Math.min(500, summary.score.mean + first.reduce((sum, f) => sum + f.meanGain, 0));
  const pages = Math.max(1, Math.ceil(view.datasets.length / DATASETS_PER_PAGE));
  const at = Math.min(page, pages);
  const shown = view.datasets.slice((at - 1) * DATASETS_PER_PAGE, at * DATASETS_PER_PAGE);
  const base = ctx.url.split('?')[0];
  return (
    <Layout ctx={ctx} title={`${report.name} · ${portal.name}`} description={t.intro} section="portals">
      <article class="institution">
        <header class="institution-head">
          <h1>{report.name}</h1>
          <p>
            {t.ofPortal} <a href={`/portales/${encodeURIComponent(portal.id)}`}>{portal.name}</a> ({countryLabel(ctx.lang, portal.country)}, {levelLabel(ctx.lang, portal.level).toLowerCase()})
          </p>
        </header>

        <section aria-labelledby="summary">
          <h2 id="summary">{t.summary}</h2>
          <dl class="figures">
            <div><dt>{t.score}</dt><dd><ScoreBadge ctx={ctx} score={summary.score.mean} max={500} rating={rate(summary.score.mean, 'total')} /></dd></div>
            <div><dt>{t.mqa}</dt><dd><ScoreBadge ctx={ctx} score={summary.score.mqaMean} max={405} rating={rate(summary.score.mqaMean, 'mqa')} /></dd></div>
            <div><dt>{t.datasets}</dt><dd>{formatNumber(ctx.lang, summary.datasets)}</dd></div>
            {first.length > 0 && <div><dt>{t.reachable(first.length)}</dt><dd>{c.scoreOf(Math.round(reachable), 500)}</dd></div>}
          </dl>
          <p class="rating-counts">
            {t.byRating}:{' '}
            {RATINGS.map((r, i) => (
              <>
                {i > 0 && ' · '}
                <span class="badge-group">
                  <RatingBadge ctx={ctx} rating={r} /> {formatNumber(ctx.lang, summary.ratings[r])}
                </span>
              </>
            ))}
          </p>
        </section>

        <section aria-labelledby="fix-first" class="institution-fixes">
          <h2 id="fix-first">{t.fixFirst}</h2>
          {todo.length > 0 && <p>{t.fixIntro}</p>}
          <FixList ctx={ctx} fixes={todo} affected={view.affected} />
          {waiting.length > 0 && (
            <div class="notice">
              <h3>{t.waiting}</h3>
              <p>{t.waitingText}</p>
              <FixList ctx={ctx} fixes={waiting} affected={view.affected} />
            </div>
          )}
        </section>

        <section aria-labelledby="datasets" class="institution-datasets">
          <h2 id="datasets">{t.datasetList}</h2>
          <p>
            {t.datasetListIntro} {t.shownOf((at - 1) * DATASETS_PER_PAGE + 1, (at - 1) * DATASETS_PER_PAGE + shown.length, view.datasets.length)}.{' '}
            <a class="no-print" href={withParams('/buscar', { portal: portal.id, publisher: report.name })}>{t.seeInSearch}</a>
          </p>
          <Downloads ctx={ctx} files={[{ format: 'csv', href: `${base}?format=csv` }, { format: 'xlsx', href: `${base}?format=xlsx` }]} />
          <DatasetTable ctx={ctx} datasets={shown} />
          <Pagination ctx={ctx} page={at} pages={pages} />
        </section>

        <section aria-labelledby="history" class="institution-history">
          <h2 id="history">{t.history}</h2>
          <History ctx={ctx} history={view.history} />
        </section>
      </article>
    </Layout>
  );
}

function DatasetTable({ ctx, datasets }: { ctx: PageContext; datasets: InstitutionDataset[] }) {
  const t = messages[ctx.lang];
  return (
    <div class="table-scroll">
      <table class="institution-table">
        <thead>
          <tr>
            <th scope="col">{t.colTitle}</th>
            <th scope="col">{t.colScore}</th>
            <th scope="col">{t.colMqa}</th>
            <th scope="col">{t.colFreshness}</th>
            <th scope="col">{t.colTopFix}</th>
          </tr>
        </thead>
        <tbody>
          {datasets.map((d) => (
            <tr key={d.id}>
              <th scope="row"><a href={`/conjuntos/${encodeURIComponent(d.id)}`}>{d.title}</a></th>
              <td><ScoreBadge ctx={ctx} score={d.score} max={500} rating={d.rating500} /></td>
              <td><ScoreBadge ctx={ctx} score={d.mqa} max={405} rating={d.rating} /></td>
              <td><FreshnessBadge ctx={ctx} status={d.freshness} /></td>
              <td>{d.topFix ? `${indicatorLabel(ctx.lang, d.topFix.indicator)} (+${formatNumber(ctx.lang, d.topFix.gain, 2)})` : t.noFix}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function History({ ctx, history }: { ctx: PageContext; history: HistoryReport }) {
  const t = messages[ctx.lang];
  const points = history.points;
  if (points.length === 0) return <p>{t.noSnapshot}</p>;
  if (points.length === 1) return <p>{t.oneSnapshot(formatDate(ctx.lang, points[0].at), formatNumber(ctx.lang, Math.round(points[0].meanScore)))}</p>;
  const trend = history.trend.months3;
  return (
    <>
      <ChartFigure
        ctx={ctx}
        caption={t.historyChart}
        svg={lineChart(points.map((p) => ({ series: history.name, date: new Date(p.at), value: p.meanScore })), { axis: t.axisScore, max: 500 })}
        table={{
          head: [t.colDate, t.datasets, t.colMeanScore, t.colMeanMqa],
          rows: points.map((p) => [formatDate(ctx.lang, p.at), formatNumber(ctx.lang, p.datasets), formatNumber(ctx.lang, p.meanScore, 1), formatNumber(ctx.lang, p.meanMqa, 1)]),
        }}
      />
      {trend && <p>{t.change3(signed(ctx, trend.change.meanScore), formatDate(ctx.lang, trend.then.at))}</p>}
    </>
  );
}

function signed(ctx: PageContext, n: number): string {
  return `${n > 0 ? '+' : ''}${formatNumber(ctx.lang, n, 1)}`;
}

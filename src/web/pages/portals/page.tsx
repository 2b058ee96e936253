/** `/portales`: every portal's figures in one sortable table, with filters, a chart and the table as files. */
import type { PageContext } from '../../context.js';
import type { Run } from '../../../store/store.js';
import type { PortalState } from '../../../../reports/index.js';
import { withParams } from '../../context.js';
import { Layout } from '../../components/layout.js';
import { ChartFigure } from '../../components/figure.js';
import { Downloads } from '../../components/downloads.js';
import { ScoreBadge } from '../../components/badges.js';
import { barChart } from '../../charts/bars.js';
import { COLORS } from '../../charts/plot.js';
import { formatDate, formatDateTime, formatNumber, formatPercent, formatSigned } from '../../i18n/define.js';
import { countryLabel, dimensionLabel, levelLabel, linkStateLabel, ratingLabel } from '../../i18n/labels.js';
import { MQA_DIMENSIONS, defaultDirection, type ScoreQuery, type ScoreRow, type Sort } from './scoreboard.js';
import { RunProblems, RunState } from './run-outcome.js';
import { messages } from './messages.js';
import { LEVELS } from '../../../dcat/types.js';

const DASH = '—';

export interface PortalsView {
  /** Every portal, for the filters' choices and the counts. */
  all: PortalState[];
  /** The portals the filters keep, in the asked order. */
  rows: ScoreRow[];
  query: ScoreQuery;
}

export function PortalsPage({ ctx, view }: { ctx: PageContext; view: PortalsView }) {
  const t = messages[ctx.lang];
  const { all, rows, query } = view;
  const failed = all.filter((l) => l.lastRun?.status === 'failed').length;
  const charted = rows.filter((r) => r.figures);
  const search = new URL(ctx.url, 'http://x').search;
  return (
    <Layout ctx={ctx} title={t.title} description={t.intro} section="portals">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {failed > 0 && <p class="notice error">{t.failedNotice(failed, all.length)}</p>}
      <Filters ctx={ctx} all={all} query={query} />
      <p>{t.shown(rows.length, all.length)}</p>
      {rows.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <>
          <ScoreTable ctx={ctx} rows={rows} query={query} />
          <Downloads ctx={ctx} files={[{ format: 'csv', href: `/portales.csv${search}` }, { format: 'xlsx', href: `/portales.xlsx${search}` }]} />
          {charted.length > 0 && (
            <ChartFigure
              ctx={ctx}
              caption={t.chart}
              svg={barChart(charted.map((r) => ({ label: r.line.portal.name, value: r.figures!.score, color: COLORS[r.figures!.rating500] })), { max: 500, axis: t.axisScore })}
              table={{
                head: [t.colPortal, t.colScore, t.colRating500],
                rows: charted.map((r) => [r.line.portal.name, formatNumber(ctx.lang, r.figures!.score, 1), ratingLabel(ctx.lang, r.figures!.rating500)]),
              }}
            />
          )}
        </>
      )}
    </Layout>
  );
}

function Filters({ ctx, all, query }: { ctx: PageContext; all: PortalState[]; query: ScoreQuery }) {
  const t = messages[ctx.lang];
  const countries = [...new Set(all.map((l) => l.portal.country))]
    .map((code) => ({ code, label: countryLabel(ctx.lang, code) }))
    .sort((a, b) => a.label.localeCompare(b.label, ctx.lang));
  const levels = LEVELS.filter((level) => all.some((l) => l.portal.level === level));
  return (
    <form method="get" action="/portales" class="filters" aria-label={t.filters}>
      <div>
        <label for="f-country">{t.country}</label>
        <select id="f-country" name="country">
          <option value="">{t.allCountries}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code} selected={c.code === query.country}>{c.label}</option>
          ))}
        </select>
      </div>
      <div>
        <label for="f-level">{t.level}</label>
        <select id="f-level" name="level">
          <option value="">{t.allLevels}</option>
          {levels.map((level) => (
            <option key={level} value={level} selected={level === query.level}>{levelLabel(ctx.lang, level)}</option>
          ))}
        </select>
      </div>
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <button type="submit">{t.apply}</button>
      {(query.country || query.level) && <a href={withParams(ctx.url, { country: undefined, level: undefined })}>{t.clear}</a>}
    </form>
  );
}

function SortHeader({ ctx, query, sort, label }: { ctx: PageContext; query: ScoreQuery; sort: Sort; label: string }) {
  const t = messages[ctx.lang];
  const active = query.sort === sort;
  const next = active ? (query.dir === 'asc' ? 'desc' : 'asc') : defaultDirection(sort);
  return (
    <th scope="col" aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <a href={withParams(ctx.url, { sort, dir: next })} title={t.sortBy(label)}>
        {label}
        {active && <span aria-hidden="true">{query.dir === 'asc' ? ' ▲' : ' ▼'}</span>}
        {active && <span class="visually-hidden"> ({query.dir === 'asc' ? t.ascending : t.descending})</span>}
      </a>
    </th>
  );
}

function LastRunTime({ ctx, run }: { ctx: PageContext; run: Run }) {
  const at = run.finishedAt ?? run.startedAt;
  return <time class="small" dateTime={at} title={formatDateTime(ctx.lang, at)}> {formatDate(ctx.lang, at)}</time>;
}

function ScoreTable({ ctx, rows, query }: { ctx: PageContext; rows: ScoreRow[]; query: ScoreQuery }) {
  const t = messages[ctx.lang];
  const sortable = (sort: Sort, label: string) => <SortHeader ctx={ctx} query={query} sort={sort} label={label} />;
  return (
    <div class="table-scroll portals">
      <table class="scoreboard">
        <caption class="visually-hidden">{t.tableCaption}</caption>
        <thead>
          <tr>
            {sortable('name', t.colPortal)}
            <th scope="col">{t.colPlace}</th>
            {sortable('datasets', t.colDatasets)}
            {sortable('score', t.colScore)}
            {sortable('mqa', t.colMqa)}
            {MQA_DIMENSIONS.map((d) => <th scope="col" class="dim" key={d}><span>{dimensionLabel(ctx.lang, d)}</span></th>)}
            {sortable('fresh', t.colFresh)}
            {sortable('links', t.colLinks)}
            {sortable('change', t.colChange)}
            <th scope="col">{t.colLastRun}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ line, figures: f, change }) => (
            <tr key={line.portal.id}>
              <th scope="row"><a href={`/portales/${encodeURIComponent(line.portal.id)}`}>{line.portal.name}</a></th>
              <td>{countryLabel(ctx.lang, line.portal.country)}<br />{levelLabel(ctx.lang, line.portal.level)}</td>
              <td class="num">{f ? formatNumber(ctx.lang, f.datasets) : DASH}</td>
              <td>{f ? <ScoreBadge ctx={ctx} score={f.score} max={500} rating={f.rating500} /> : DASH}</td>
              <td>{f ? <ScoreBadge ctx={ctx} score={f.mqa} max={405} rating={f.rating} /> : DASH}</td>
              {MQA_DIMENSIONS.map((d) => (
                <td class="num" key={d}>{f?.dimensions[d] !== undefined ? formatPercent(ctx.lang, f.dimensions[d]) : DASH}</td>
              ))}
              <td class="num">{f ? formatPercent(ctx.lang, f.fresh) : DASH}</td>
              <td class="num">{!f ? DASH : f.links === undefined ? <span class="small">{linkStateLabel(ctx.lang, 'not_checked')}</span> : formatPercent(ctx.lang, f.links)}</td>
              <td class="num">{change !== undefined ? formatSigned(ctx.lang, change) : DASH}</td>
              <td class="last-run">
                <RunState ctx={ctx} run={line.lastRun} />
                {line.lastRun && <LastRunTime ctx={ctx} run={line.lastRun} />}
                <RunProblems ctx={ctx} run={line.lastRun} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

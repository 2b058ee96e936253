/** The home page: search box, the region's figures, charts by country and level, the latest runs. */
import type { PageContext } from '../../context.js';
import type { Run } from '../../../store/store.js';
import { Layout } from '../../components/layout.js';
import { ChartFigure } from '../../components/figure.js';
import { barChart } from '../../charts/bars.js';
import { combine, type PortalState } from '../../../../reports/index.js';
import { common } from '../../i18n/common.js';
import { formatDateTime, formatNumber, formatPercent } from '../../i18n/define.js';
import { countryLabel, levelLabel, ratingLabel, runStatusLabel } from '../../i18n/labels.js';
import { COLORS } from '../../charts/plot.js';
import { messages } from './messages.js';
import { RATINGS } from '../../../quality/types.js';


export function HomePage({ ctx, lines, runs }: { ctx: PageContext; lines: PortalState[]; runs: Run[] }) {
  const t = messages[ctx.lang];
  const c = common[ctx.lang];
  const region = combine(lines);
  const names = new Map(lines.map((l) => [l.portal.id, l.portal.name]));
  const groups = (key: (l: PortalState) => string, label: (code: string) => string) => {
    const by = new Map<string, PortalState[]>();
    for (const l of lines) by.set(key(l), [...(by.get(key(l)) ?? []), l]);
    return [...by].map(([code, ls]) => ({ code, label: label(code), ...combine(ls) })).filter((g) => g.datasets > 0).sort((a, b) => b.meanScore - a.meanScore);
  };
  const countries = groups((l) => l.portal.country, (code) => countryLabel(ctx.lang, code));
  const levels = groups((l) => l.portal.level, (code) => levelLabel(ctx.lang, code));
  const groupFigure = (caption: string, rows: typeof countries) => (
    <ChartFigure
      ctx={ctx}
      caption={caption}
      svg={barChart(rows.map((g) => ({ label: g.label, value: g.meanScore })), { max: 500, axis: t.axisScore })}
      table={{ head: [t.colName, t.colDatasets, t.colScore], rows: rows.map((g) => [g.label, formatNumber(ctx.lang, g.datasets), formatNumber(ctx.lang, g.meanScore, 1)]) }}
    />
  );
  return (
    <Layout ctx={ctx} title={t.title} description={t.intro} section="home">
      <section class="hero">
        <h1>{t.title}</h1>
        <p>{t.intro}</p>
        <form action="/buscar" method="get" role="search" class="search-box">
          <label for="q">{t.searchLabel}</label>
          <input id="q" name="q" type="search" placeholder={t.searchPlaceholder} />
          <button type="submit">{t.searchButton}</button>
        </form>
      </section>
      <section aria-labelledby="glance">
        <h2 id="glance">{t.glance}</h2>
        <dl class="figures">
          <div><dt>{c.portals}</dt><dd>{formatNumber(ctx.lang, region.portals)}</dd><dd class="small">{t.portalsHarvested(region.harvested, region.portals)}</dd></div>
          <div><dt>{c.datasets}</dt><dd>{formatNumber(ctx.lang, region.datasets)}</dd></div>
          <div><dt>{c.institutions}</dt><dd>{formatNumber(ctx.lang, region.institutions)}</dd></div>
          <div><dt>{t.meanScore}</dt><dd>{c.scoreOf(Math.round(region.meanScore), 500)}</dd><dd class="small">MQA {c.scoreOf(Math.round(region.meanMqa), 405)}</dd></div>
          <div><dt>{t.upToDate}</dt><dd>{formatPercent(ctx.lang, region.upToDateShare)}</dd></div>
        </dl>
        {region.datasets > 0 && (
          <ChartFigure
            ctx={ctx}
            caption={t.ratings}
            svg={barChart(RATINGS.map((r) => ({ label: ratingLabel(ctx.lang, r), value: region.ratings[r], color: COLORS[r] })), { max: Math.max(1, ...Object.values(region.ratings)), axis: c.datasets })}
            table={{ head: [c.ratingOnMqa, c.datasets], rows: RATINGS.map((r) => [ratingLabel(ctx.lang, r), formatNumber(ctx.lang, region.ratings[r])]) }}
          />
        )}
        <div class="two-columns">
          {countries.length > 0 && groupFigure(t.byCountry, countries)}
          {levels.length > 0 && groupFigure(t.byLevel, levels)}
        </div>
        <p>
          <a href="/portales">{t.seeAll}</a> · <a href="/comparar?level=national">{t.compareLink}</a> · <a href="/metodologia">{t.methodologyLink}</a>
        </p>
      </section>
      <section aria-labelledby="runs">
        <h2 id="runs">{t.latestRuns}</h2>
        {runs.length === 0 ? (
          <p>{t.noRuns}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <thead>
                <tr><th scope="col">{t.colPortal}</th><th scope="col">{t.colWhen}</th><th scope="col">{t.colState}</th><th scope="col">{t.colCounts}</th></tr>
              </thead>
              <tbody>
                {runs.map((run) => (
                  <tr key={run.id}>
                    <th scope="row"><a href={`/portales/${encodeURIComponent(run.portalId)}`}>{names.get(run.portalId) ?? run.portalId}</a></th>
                    <td>{formatDateTime(ctx.lang, run.finishedAt ?? run.startedAt)}</td>
                    <td><span class={`badge run-${run.status}`}>{runStatusLabel(ctx.lang, run.status)}</span></td>
                    <td>{t.counts(run.counts.seen, run.counts.created, run.counts.updated, run.counts.withdrawn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Layout>
  );
}

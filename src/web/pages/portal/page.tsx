/**
 * `/portales/:id`: one portal from its latest stored report — its summary, charts, the gaps that
 * cost it the most points, its institutions — and its latest runs, failures in words.
 */
import type { PageContext } from '../../context.js';
import type { PortalRecord, Run } from '../../../store/store.js';
import type { HistoryReport, PortalReport } from '../../../../reports/index.js';
import type { FreshnessStatus } from '../../../quality/types.js';
import { rate } from '../../../quality/score.js';
import { Layout } from '../../components/layout.js';
import { ScoreBadge } from '../../components/badges.js';
import { SafeLink } from '../../components/safe-link.js';
import { formatDateTime, formatNumber, formatPercent } from '../../i18n/define.js';
import { countryLabel, freshnessLabel, levelLabel } from '../../i18n/labels.js';
import { RunProblems } from '../portals/run-outcome.js';
import { DimensionsFigure, HistoryFigure, ScoresFigure } from './figures.js';
import { Gaps } from './gaps.js';
import { RunsTable } from './runs-table.js';
import { messages, platformName } from './messages.js';
import { institutionHref } from '../../paths.js';

const FRESHNESS: readonly FreshnessStatus[] = ['up_to_date', 'late', 'stale', 'no_promise', 'unknown'];
/** Institutions listed on the page, most datasets first; the JSON report has them all. */
const INSTITUTIONS = 50;

export interface PortalView {
  portal: PortalRecord;
  /** The latest stored report; absent before the first harvest that stored one. */
  report?: PortalReport;
  reportAt?: string;
  /** Newest first. */
  runs: Run[];
  history?: HistoryReport;
}

export function PortalPage({ ctx, view }: { ctx: PageContext; view: PortalView }) {
  const t = messages[ctx.lang];
  const { portal, report, runs, history } = view;
  const summary = report && report.summary.datasets > 0 ? report.summary : undefined;
  const id = encodeURIComponent(portal.id);
  const intro = t.intro(levelLabel(ctx.lang, portal.level), countryLabel(ctx.lang, portal.country));
  return (
    <Layout ctx={ctx} title={portal.name} description={intro} section="portals">
      <p class="small"><a href="/portales">{`← ${t.backLink}`}</a></p>
      <h1>{portal.name}</h1>
      <p>{intro}</p>
      <Status ctx={ctx} hasData={Boolean(summary)} lastRun={runs[0]} />
      <section aria-labelledby="resumen">
        <h2 id="resumen">{t.summary}</h2>
        <dl class="facts">
          <div><dt>{t.country}</dt><dd>{countryLabel(ctx.lang, portal.country)}</dd></div>
          <div><dt>{t.level}</dt><dd>{levelLabel(ctx.lang, portal.level)}</dd></div>
          <div><dt>{t.platform}</dt><dd>{platformName(ctx.lang, portal.platform)}</dd></div>
          <div><dt>{t.address}</dt><dd><SafeLink href={portal.url} /></dd></div>
          {summary && report && (
            <>
              <div><dt>{t.datasets}</dt><dd>{formatNumber(ctx.lang, summary.datasets)}</dd></div>
              <div><dt>{t.withdrawn}</dt><dd>{formatNumber(ctx.lang, report.withdrawn)} <span class="small">({t.withdrawnHelp})</span></dd></div>
              <div><dt>{t.score}</dt><dd><ScoreBadge ctx={ctx} score={summary.score.mean} max={500} rating={rate(summary.score.mean, 'total')} /></dd></div>
              <div><dt>{t.mqa}</dt><dd><ScoreBadge ctx={ctx} score={summary.score.mqaMean} max={405} rating={rate(summary.score.mqaMean, 'mqa')} /></dd></div>
              <div>
                <dt>{t.freshness}</dt>
                <dd>
                  <ul class="inline-list">
                    {FRESHNESS.filter((s) => summary.freshness[s] > 0).map((s) => (
                      <li key={s}>{t.freshnessCount(freshnessLabel(ctx.lang, s), formatNumber(ctx.lang, summary.freshness[s]))}</li>
                    ))}
                  </ul>
                </dd>
              </div>
              <div>
                <dt>{t.completeness}</dt>
                <dd>{t.completenessWords(formatPercent(ctx.lang, summary.completeness.mean), formatPercent(ctx.lang, summary.completeness.metaOkShare))}</dd>
              </div>
            </>
          )}
        </dl>
        {summary && view.reportAt && <p class="small">{t.reportAt(formatDateTime(ctx.lang, view.reportAt))}</p>}
      </section>
      {summary && report && (
        <>
          <section aria-labelledby="dimensiones">
            <h2 id="dimensiones">{t.dimensions}</h2>
            <DimensionsFigure ctx={ctx} summary={summary} />
          </section>
          <section aria-labelledby="puntajes">
            <h2 id="puntajes">{t.histogram}</h2>
            <ScoresFigure ctx={ctx} summary={summary} />
          </section>
          {history && history.points.length > 0 && (
            <section aria-labelledby="evolucion">
              <h2 id="evolucion">{t.history}</h2>
              <HistoryFigure ctx={ctx} name={portal.name} history={history} />
            </section>
          )}
          <section aria-labelledby="brechas">
            <h2 id="brechas">{t.gaps}</h2>
            <Gaps ctx={ctx} missing={summary.missing} platform={portal.platform} />
          </section>
          <section aria-labelledby="instituciones">
            <h2 id="instituciones">{t.institutions}</h2>
            <Institutions ctx={ctx} report={report} />
          </section>
        </>
      )}
      <section aria-labelledby="cosechas">
        <h2 id="cosechas">{t.runs}</h2>
        <RunsTable ctx={ctx} runs={runs} />
      </section>
      <section aria-labelledby="mas">
        <h2 id="mas">{t.more}</h2>
        <ul>
          <li><a href={`/buscar?portal=${id}`}>{t.searchLink}</a></li>
          <li><a href={`/comparar?portal=${id}`}>{t.compareLink}</a></li>
          <li><a href={`/api/portals/${id}/report`}>{t.reportLink}</a></li>
        </ul>
      </section>
    </Layout>
  );
}

/** Why there are no figures: never harvested, or the last harvest failed (in words). */
function Status({ ctx, hasData, lastRun }: { ctx: PageContext; hasData: boolean; lastRun: Run | undefined }) {
  const t = messages[ctx.lang];
  const failed = lastRun?.status === 'failed' || lastRun?.status === 'interrupted';
  if (hasData && !failed) return null;
  return (
    <div class={`notice${failed ? ' error' : ''}`}>
      {!hasData && <p>{lastRun ? t.noData : t.noRunYet}</p>}
      {failed && (
        <>
          <p>{t.lastFailed}</p>
          <RunProblems ctx={ctx} run={lastRun} />
        </>
      )}
    </div>
  );
}

function Institutions({ ctx, report }: { ctx: PageContext; report: PortalReport }) {
  const t = messages[ctx.lang];
  const all = report.publishers;
  if (all.length === 0) return <p>{t.institutionsNone}</p>;
  const shown = all.slice(0, INSTITUTIONS);
  return (
    <>
      {all.length > shown.length && <p>{t.institutionsMore(shown.length, all.length)}</p>}
      <div class="table-scroll portals">
        <table>
          <thead>
            <tr><th scope="col">{t.colInstitution}</th><th scope="col">{t.colDatasets}</th><th scope="col">{t.colScore}</th></tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={p.id}>
                <th scope="row"><a href={institutionHref(p.id)}>{p.name}</a></th>
                <td class="num">{formatNumber(ctx.lang, p.datasets)}</td>
                <td><ScoreBadge ctx={ctx} score={p.meanScore} max={500} rating={rate(p.meanScore, 'total')} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

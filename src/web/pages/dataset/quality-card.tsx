/**
 * The quality card in words: both scores beside their own scales, freshness, what to improve
 * first with the points each fix gains, and every indicator with its points and explanation.
 */
import type { PageContext } from '../../context.js';
import type { DatasetReport } from '../../../../reports/index.js';
import type { Dimension } from '../../../quality/types.js';
import { INDICATORS } from '../../../quality/indicators.js';
import { FreshnessBadge, ScoreBadge } from '../../components/badges.js';
import { formatDate, formatNumber } from '../../i18n/define.js';
import { dimensionLabel, frequencyLabel, indicatorLabel } from '../../i18n/labels.js';
import { Prose } from './prose.js';
import { messages } from './messages.js';

const COSECHA_ONLY = new Set(INDICATORS.filter((i) => i.scale === 'cosecha').map((i) => i.id));
type Flag = 'future_modified' | 'metadata_stale_data_changed' | 'promised_but_unchanged';
const FLAGS: readonly Flag[] = ['future_modified', 'metadata_stale_data_changed', 'promised_but_unchanged'];

export function QualityCard({ ctx, report }: { ctx: PageContext; report: DatasetReport }) {
  const t = messages[ctx.lang];
  const { quality } = report;
  const fresh = quality.freshness;
  const frequency = report.dataset.accrualPeriodicity?.code;
  const points = (n: number) => formatNumber(ctx.lang, n, 2);
  return (
    <section aria-labelledby="quality" class="quality-card">
      <h2 id="quality">{t.quality}</h2>
      <p class="small">{t.qualityIntro} <a href="/metodologia">{t.methodology}</a></p>
      <dl class="figures quality-scores">
        <div><dt>{t.score500}</dt><dd><ScoreBadge ctx={ctx} score={quality.total} max={500} rating={quality.rating500} /></dd></div>
        <div><dt>{t.scoreMqa}</dt><dd><ScoreBadge ctx={ctx} score={quality.mqa} max={405} rating={quality.rating} /></dd></div>
        <div>
          <dt>{t.freshness}</dt>
          <dd><FreshnessBadge ctx={ctx} status={fresh.status} /></dd>
          <dd class="small">
            {fresh.lastUpdate ? t.lastUpdate(formatDate(ctx.lang, fresh.lastUpdate), formatNumber(ctx.lang, Math.max(0, Math.floor(fresh.lagDays ?? 0)))) : t.noLastUpdate}
            {frequency && ` ${t.promise(frequencyLabel(ctx.lang, frequency).toLocaleLowerCase(ctx.lang))}`}
          </dd>
          {FLAGS.filter((f) => fresh.flags.includes(f)).map((f) => <dd class="small" key={f}>{t[`flag_${f}`]}</dd>)}
        </div>
      </dl>

      <h3>{t.fixFirst}</h3>
      {report.recommendations.length === 0 ? (
        <p>{t.nothingToFix}</p>
      ) : (
        <ol class="fixes">
          {report.recommendations.map((r) => (
            <li key={`${r.indicator}-${r.code}`}>
              <strong class="gain">{t.points(points(r.gain))}</strong> <Prose text={r.text[ctx.lang]} />{' '}
              <span class="small">({[r.indicator, ...(r.also ?? [])].map((id) => indicatorLabel(ctx.lang, id)).join(', ')})</span>
            </li>
          ))}
        </ol>
      )}

      <h3 id="indicators">{t.indicators}</h3>
      <div class="table-scroll">
        <table class="indicators" aria-labelledby="indicators">
          <thead>
            <tr>
              <th scope="col">{t.colIndicator}</th>
              <th scope="col" class="num">{t.colPoints}</th>
              <th scope="col">{t.colResult}</th>
              <th scope="col">{t.colRecommendation}</th>
            </tr>
          </thead>
          {dimensionsOf(quality.indicators).map(([dimension, rows]) => (
            <tbody key={dimension}>
              <tr class="dimension-row">
                <th scope="colgroup" colSpan={4}>
                  {dimensionLabel(ctx.lang, dimension)}{' '}
                  <span class="small">{t.pointsOf(points(quality.dimensions[dimension].points), points(quality.dimensions[dimension].max))}</span>
                </th>
              </tr>
              {rows.map((i) => (
                <tr key={i.id} class={i.points < i.max ? 'lost' : undefined}>
                  <th scope="row">
                    {i.title[ctx.lang]}
                    {COSECHA_ONLY.has(i.id) && <span class="small block">{t.onlyCosecha}</span>}
                  </th>
                  <td class="num">{t.pointsOf(points(i.points), points(i.max))}</td>
                  <td><Prose text={i.explanation[ctx.lang]} /></td>
                  <td>
                    {i.recommendation && (
                      <>
                        <Prose text={i.recommendation[ctx.lang]} /> <strong class="gain">{t.points(points(i.gain))}</strong>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
}

function dimensionsOf<T extends { dimension: Dimension }>(indicators: T[]): [Dimension, T[]][] {
  const by = new Map<Dimension, T[]>();
  for (const i of indicators) by.set(i.dimension, [...(by.get(i.dimension) ?? []), i]);
  return [...by];
}

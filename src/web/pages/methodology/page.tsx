/**
 * `/metodologia`: the scales, the rating bands, every indicator, the freshness rules and how links
 * are checked — all read from the scorer's and the link checker's own definitions (rules.ts).
 */
import type { PageContext } from '../../context.js';
import { Layout } from '../../components/layout.js';
import { RatingBadge } from '../../components/badges.js';
import { formatNumber } from '../../i18n/define.js';
import { dimensionLabel } from '../../i18n/labels.js';
import { INDICATORS } from '../../../quality/indicators.js';
import { SCALES, dimensionRules, linkRules, ratingBands, type DimensionRules } from './rules.js';
import { IndicatorCards } from './indicator-cards.js';
import { FreshnessRules } from './freshness-rules.js';
import { LinkRules } from './link-rules.js';
import { messages } from './messages.js';

export function MethodologyPage({ ctx }: { ctx: PageContext }) {
  const t = messages[ctx.lang];
  const dimensions = dimensionRules();
  const sections: [string, string][] = [
    ['escalas', t.scales],
    ['calificaciones', t.ratings],
    ['indicadores', t.indicators],
    ['actualidad', t.freshness],
    ['enlaces', t.links],
  ];
  return (
    <Layout ctx={ctx} title={t.title} description={t.intro} section="methodology">
      <div class="methodology">
        <h1>{t.title}</h1>
        <p>{t.intro}</p>
        <nav aria-labelledby="contents">
          <h2 id="contents" class="visually-hidden">{t.contents}</h2>
          <ol class="method-toc">
            {sections.map(([id, title]) => <li key={id}><a href={`#${id}`}>{title}</a></li>)}
          </ol>
        </nav>

        <section aria-labelledby="escalas">
          <h2 id="escalas">{t.scales}</h2>
          <p>{t.scalesText(SCALES.total, SCALES.mqa, SCALES.total - SCALES.mqa)}</p>
          <Dimensions ctx={ctx} dimensions={dimensions} />
        </section>

        <section aria-labelledby="calificaciones">
          <h2 id="calificaciones">{t.ratings}</h2>
          <p>{t.ratingsText}</p>
          <div class="two-columns">
            <Bands ctx={ctx} scale="mqa" caption={t.ratingsMqa(SCALES.mqa)} />
            <Bands ctx={ctx} scale="total" caption={t.ratings500(SCALES.total)} />
          </div>
        </section>

        <section aria-labelledby="indicadores">
          <h2 id="indicadores">{t.indicators}</h2>
          <p>{t.indicatorsText(INDICATORS.length)}</p>
          <IndicatorCards ctx={ctx} dimensions={dimensions} />
        </section>

        <section aria-labelledby="actualidad">
          <h2 id="actualidad">{t.freshness}</h2>
          <FreshnessRules ctx={ctx} />
        </section>

        <section aria-labelledby="enlaces">
          <h2 id="enlaces">{t.links}</h2>
          <LinkRules ctx={ctx} rules={linkRules()} />
        </section>
      </div>
    </Layout>
  );
}

function Dimensions({ ctx, dimensions }: { ctx: PageContext; dimensions: DimensionRules[] }) {
  const t = messages[ctx.lang];
  const scaleOf = (d: DimensionRules) =>
    [...new Set(d.indicators.map((i) => i.scale))].map((s) => (s === 'mqa' ? t.scaleMqa(SCALES.mqa) : t.scaleCosecha(SCALES.total - SCALES.mqa))).join(', ');
  return (
    <div class="table-scroll">
      <table class="dimension-table">
        <thead>
          <tr>
            <th scope="col">{t.colDimension}</th>
            <th scope="col" class="num">{t.colPoints}</th>
            <th scope="col">{t.colScale}</th>
            <th scope="col">{t.colIndicators}</th>
          </tr>
        </thead>
        <tbody>
          {dimensions.map((d) => (
            <tr key={d.dimension}>
              <th scope="row"><a href={`#dim-${d.dimension}`}>{dimensionLabel(ctx.lang, d.dimension)}</a></th>
              <td class="num">{d.max}</td>
              <td>{scaleOf(d)}</td>
              <td>{d.indicators.map((i) => i.id).join(', ')}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t.total}</th>
            <td class="num">{SCALES.total}</td>
            <td colSpan={2} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function Bands({ ctx, scale, caption }: { ctx: PageContext; scale: 'mqa' | 'total'; caption: string }) {
  const t = messages[ctx.lang];
  const n = (x: number) => formatNumber(ctx.lang, x, 1);
  return (
    <table class="band-table" data-scale={scale}>
      <caption>{caption}</caption>
      <thead>
        <tr><th scope="col">{t.colRating}</th><th scope="col">{t.colRange}</th></tr>
      </thead>
      <tbody>
        {ratingBands(scale).map((b) => (
          <tr key={b.rating} data-rating={b.rating} data-from={b.from}>
            <th scope="row"><RatingBadge ctx={ctx} rating={b.rating} /></th>
            <td>{b.below === undefined ? t.rangeTop(n(b.from), n(SCALES[scale])) : t.rangeBelow(n(b.from), n(b.below))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

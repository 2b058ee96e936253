/** Every indicator of the table, by dimension: its id, title, points, scale, and what passes and fails it in words. */
import type { PageContext } from '../../context.js';
import { dimensionLabel } from '../../i18n/labels.js';
import type { DimensionRules } from './rules.js';
import { SCALES } from './rules.js';
import { messages } from './messages.js';

export function IndicatorCards({ ctx, dimensions }: { ctx: PageContext; dimensions: DimensionRules[] }) {
  const t = messages[ctx.lang];
  const scale = (s: 'mqa' | 'cosecha') => (s === 'mqa' ? t.scaleMqa(SCALES.mqa) : t.scaleCosecha(SCALES.total - SCALES.mqa));
  return (
    <>
      {dimensions.map((d) => (
        <section key={d.dimension} aria-labelledby={`dim-${d.dimension}`}>
          <h3 id={`dim-${d.dimension}`}>{t.dimensionHeading(dimensionLabel(ctx.lang, d.dimension), d.max)}</h3>
          {d.indicators.map((i) => (
            <article key={i.id} class="indicator-card" id={`indicador-${i.id}`} data-indicator={i.id} data-points={i.max} data-scale={i.scale}>
              <h4>
                {i.id} · {i.title[ctx.lang]} <span class="small">— {t.points(i.max)} · {scale(i.scale)}</span>
              </h4>
              <dl>
                <dt>{t.passes}</dt>
                <dd><Lines lines={i.passes.map((b) => b[ctx.lang])} /></dd>
                <dt>{t.fails}</dt>
                <dd><Lines lines={i.fails.map((b) => b[ctx.lang])} /></dd>
              </dl>
            </article>
          ))}
        </section>
      ))}
    </>
  );
}

function Lines({ lines }: { lines: string[] }) {
  if (lines.length === 1) return <>{lines[0]}</>;
  return <ul>{lines.map((line) => <li key={line}>{line}</li>)}</ul>;
}

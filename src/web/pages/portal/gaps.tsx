/**
 * The portal's most common gaps, most points to gain first: what is wrong in words (the scorer's
 * explanation), the indicator it costs, how many datasets and how many points each, and what to do.
 */
import type { PageContext } from '../../context.js';
import type { Aggregate } from '../../../../reports/index.js';
import { explanationFor, recommendationFor } from '../../../quality/explanations.js';
import { formatNumber } from '../../i18n/define.js';
import { indicatorLabel } from '../../i18n/labels.js';
import { messages } from './messages.js';

/** How many gaps the page lists (the report keeps 20). */
const SHOWN = 10;

/** `platform` words the advice in the portal's own terms (src/quality/platform-fields.ts). */
export function Gaps({ ctx, missing, platform }: { ctx: PageContext; missing: Aggregate['missing']; platform: string }) {
  const t = messages[ctx.lang];
  if (missing.length === 0) return <p>{t.gapsNone}</p>;
  return (
    <>
      <p>{t.gapsIntro}</p>
      <ol class="gaps">
        {missing.slice(0, SHOWN).map((gap) => {
          const advice = recommendationFor(gap.code, gap.indicator, platform);
          return (
            <li key={`${gap.indicator}|${gap.code}`}>
              <h3>{explanationFor(gap.code, gap.indicator)[ctx.lang]}</h3>
              <p class="gap-cost">
                <strong>{t.gapCount(gap.datasets, formatNumber(ctx.lang, gap.datasets), formatNumber(ctx.lang, gap.points, 1))}</strong>
                {gap.datasets > 1 && <span class="small"> ({t.gapTotal(formatNumber(ctx.lang, gap.datasets * gap.points))})</span>}
              </p>
              {advice && <p>{t.whatToDo} <Words text={advice[ctx.lang]} /></p>}
              <p class="small">{t.indicator}: {indicatorLabel(ctx.lang, gap.indicator)} ({gap.indicator})</p>
            </li>
          );
        })}
      </ol>
    </>
  );
}

/** A recommendation's `field names` as code, the rest as text. */
function Words({ text }: { text: string }) {
  return <>{text.split(/`([^`]+)`/).map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part))}</>;
}

/**
 * Scores and states as people read them: a rating always beside the scale it belongs to (the
 * MQA band of the score out of 405, or the band of the score out of 500), freshness in words.
 */
import type { PageContext } from '../context.js';
import type { FreshnessStatus, Rating } from '../../quality/types.js';
import { common } from '../i18n/common.js';
import { freshnessLabel, linkStateLabel, ratingLabel } from '../i18n/labels.js';

/** "312 de 500 · Buena": the score and its own band. */
export function ScoreBadge({ ctx, score, max, rating }: { ctx: PageContext; score: number; max: 500 | 405; rating: Rating }) {
  const t = common[ctx.lang];
  const scale = max === 500 ? t.score500 : t.scoreMqa;
  return (
    <span class={`badge rating-${rating}`} title={scale}>
      <span class="visually-hidden">{scale}: </span>
      {t.scoreOf(Math.round(score), max)} · {ratingLabel(ctx.lang, rating)}
    </span>
  );
}

export function RatingBadge({ ctx, rating }: { ctx: PageContext; rating: Rating }) {
  return <span class={`badge rating-${rating}`}>{ratingLabel(ctx.lang, rating)}</span>;
}

export function FreshnessBadge({ ctx, status }: { ctx: PageContext; status: FreshnessStatus | undefined }) {
  if (!status) return null;
  return <span class={`badge fresh-${status}`}>{freshnessLabel(ctx.lang, status)}</span>;
}

export function LinkStateBadge({ ctx, state }: { ctx: PageContext; state: string }) {
  return <span class={`badge link-${state}`}>{linkStateLabel(ctx.lang, state)}</span>;
}

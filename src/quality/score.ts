/**
 * The scoring stage: `score(dataset, links, now)` → Quality (QUALITY.md). Pure and deterministic:
 * it reads only its arguments (never the clock, never the network), so a rescore of the store
 * reproduces every stored score.
 */
import type { Dataset, Distribution } from '../dcat/types.js';
import type { LinkChecks } from '../links/types.js';
import type { Dimension, IndicatorId, IndicatorResult, Quality, Rating } from './types.js';
import { completeness } from './completeness.js';
import { freshness } from './freshness.js';
import {
  DIMENSION_MAX,
  INDICATORS,
  TOTAL_MAX,
  type DistributionIndicator,
} from './indicators.js';
import { type DatasetContext, type DistributionContext, type Outcome, round2 } from './outcome.js';

/**
 * Lower bounds of excellent, good and sufficient: the published MQA bands on 405 (bad 0–120,
 * sufficient 121–220, good 221–350, excellent 351–405; QUALITY.md's "sufficient ≥ 120" differs
 * from them at exactly 120, and the issue asks for MQA parity), and 86.7/54.6/29.6 % of 500.
 */
export const RATING_FLOORS: Readonly<Record<'mqa' | 'total', readonly [number, number, number]>> = {
  mqa: [351, 221, 121],
  total: [0.867 * TOTAL_MAX, 0.546 * TOTAL_MAX, 0.296 * TOTAL_MAX],
};

export function rate(points: number, scale: 'mqa' | 'total'): Rating {
  const [excellent, good, sufficient] = RATING_FLOORS[scale];
  if (points >= excellent) return 'excellent';
  if (points >= good) return 'good';
  return points >= sufficient ? 'sufficient' : 'bad';
}

const BY_DISTRIBUTION = INDICATORS.filter((i): i is DistributionIndicator => i.scope === 'distribution');
const MQA_IDS = new Set(INDICATORS.filter((i) => i.scale === 'mqa').map((i) => i.id));

export function score(dataset: Dataset, links: LinkChecks, now: Date): Quality {
  const base: DistributionContext = { dataset, links };
  const { best, outcomes } = scoreDistributions(dataset.distributions, BY_DISTRIBUTION, base);
  const ctx: DatasetContext = { ...base, now, freshness: freshness(dataset, links, now), best };

  const indicators: IndicatorResult[] = INDICATORS.map((indicator) => {
    const outcome =
      indicator.scope === 'distribution'
        ? (outcomes.get(indicator.id) ?? { points: 0, code: indicator.fail[0] })
        : indicator.check(ctx, indicator.max);
    const result: IndicatorResult = {
      id: indicator.id,
      dimension: indicator.dimension,
      points: Math.max(0, Math.min(indicator.max, outcome.points)),
      max: indicator.max,
      code: outcome.code,
    };
    if (outcome.share !== undefined) result.share = outcome.share;
    return result;
  });

  const sums = new Map<Dimension, number>();
  let mqaPoints = 0;
  let totalPoints = 0;
  for (const r of indicators) {
    sums.set(r.dimension, (sums.get(r.dimension) ?? 0) + r.points);
    if (MQA_IDS.has(r.id)) mqaPoints += r.points;
    totalPoints += r.points;
  }
  const dimensions = {} as Record<Dimension, { points: number; max: number }>;
  for (const [dimension, max] of Object.entries(DIMENSION_MAX) as [Dimension, number][]) {
    dimensions[dimension] = { points: round2(sums.get(dimension) ?? 0), max };
  }
  const mqa = round2(mqaPoints);
  const total = round2(totalPoints);
  return {
    mqa,
    total,
    rating: rate(mqa, 'mqa'),
    rating500: rate(total, 'total'),
    dimensions,
    indicators,
    freshness: ctx.freshness,
    completeness: completeness(dataset),
    scoredAt: now.toISOString(),
  };
}

/**
 * Scores every distribution on every distribution indicator and keeps the best one (highest sum;
 * the first on a tie), with the share of distributions that pass each indicator. Without
 * distributions the checks run on an empty one, so dataset-level fallbacks (licence, dates) still
 * count and each indicator still gets its own fail code; the share is then undefined.
 */
function scoreDistributions(
  distributions: readonly Distribution[],
  indicators: readonly DistributionIndicator[],
  ctx: DistributionContext,
): { best?: Distribution; outcomes: Map<IndicatorId, Outcome> } {
  const rows = distributions.map((d) => indicators.map((i) => i.check(d, ctx, i.max)));
  const sums = rows.map((row) => row.reduce((s, o) => s + o.points, 0));
  let bestIndex = -1;
  sums.forEach((sum, k) => {
    if (bestIndex < 0 || sum > sums[bestIndex]) bestIndex = k;
  });
  const best = bestIndex >= 0 ? distributions[bestIndex] : undefined;
  const bestRow = bestIndex >= 0 ? rows[bestIndex] : indicators.map((i) => i.check({ id: '' }, ctx, i.max));
  const outcomes = new Map<IndicatorId, Outcome>();
  indicators.forEach((indicator, k) => {
    const outcome: Outcome = { ...bestRow[k] };
    if (rows.length > 0) outcome.share = rows.filter((row) => row[k].points >= indicator.max).length / rows.length;
    outcomes.set(indicator.id, outcome);
  });
  return { best, outcomes };
}

/**
 * Points that one fix recovers together. A record without a licence loses R1 and, for that same
 * reason, R2 and Q4; listing them apart would give an institution three things to do where there
 * is one ("declare a licence: +35 points"). `fixOf` names, for each lost result, the result whose
 * fix recovers it: a follower goes with its root only when the root failed for the shared reason.
 */
import type { IndicatorId, IndicatorResult } from './types.js';

interface SharedCause {
  root: IndicatorId;
  /** The root's codes that mean the shared cause. */
  rootCodes: readonly string[];
  /** Results that the same fix recovers, as (indicator, code). */
  follows: readonly (readonly [IndicatorId, string])[];
}

const SHARED_CAUSES: readonly SharedCause[] = [
  { root: 'R1', rootCodes: ['license_missing'], follows: [['R2', 'license_not_recognized'], ['Q4', 'license_openness_unknown']] },
  {
    root: 'I1',
    rootCodes: ['format_missing'],
    follows: [['I3', 'format_not_in_vocabulary'], ['I4', 'format_openness_unknown'], ['I5', 'format_machine_readability_unknown']],
  },
  { root: 'A2', rootCodes: ['download_url_missing'], follows: [['A3', 'no_download_url_to_check']] },
  { root: 'T1', rootCodes: ['frequency_missing', 'frequency_unknown'], follows: [['T2', 'freshness_unknown']] },
];

export interface Fix {
  /** The result whose recommendation says what to do. */
  root: IndicatorResult;
  /** Every lost result the fix recovers, the root first. */
  results: IndicatorResult[];
  /** Points the fix would gain: the sum of what those results lost. */
  gain: number;
}

/** The lost points of one dataset's results, grouped by the fix that recovers them. */
export function fixesOf(indicators: readonly IndicatorResult[]): Fix[] {
  const lost = indicators.filter((r) => r.points < r.max);
  const byId = new Map(lost.map((r) => [r.id, r]));
  const rootOf = new Map<IndicatorResult, IndicatorResult>();
  for (const cause of SHARED_CAUSES) {
    const root = byId.get(cause.root);
    if (!root || !cause.rootCodes.includes(root.code)) continue;
    for (const [id, code] of cause.follows) {
      const follower = byId.get(id);
      if (follower?.code === code) rootOf.set(follower, root);
    }
  }
  const fixes = new Map<IndicatorResult, Fix>();
  for (const result of lost) {
    const root = rootOf.get(result) ?? result;
    const fix = fixes.get(root) ?? { root, results: [], gain: 0 };
    fix.results.push(result);
    fix.gain = Math.round((fix.gain + result.max - result.points) * 100) / 100;
    fixes.set(root, fix);
  }
  return [...fixes.values()];
}

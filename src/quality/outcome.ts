/** What an indicator function returns, and the inputs indicator functions read. */
import type { Dataset, Distribution } from '../dcat/types.js';
import type { LinkCheck, LinkChecks } from '../links/types.js';
import type { Freshness } from './types.js';

export interface Outcome {
  /** Points earned, 0 … max. */
  points: number;
  /** Stable explanation code (listed in the indicator table). */
  code: string;
  /** For distribution indicators: share (0–1) of distributions that pass. */
  share?: number;
}

/** What a distribution indicator may read besides the distribution: the dataset and link checks. */
export interface DistributionContext {
  dataset: Dataset;
  links: LinkChecks;
}

/** What a dataset indicator may read: everything, including the best-scoring distribution. */
export interface DatasetContext extends DistributionContext {
  now: Date;
  freshness: Freshness;
  /** The best-scoring distribution (ties: the first), absent when there is none. */
  best?: Distribution;
}

/** Full points with the pass code, or none with the fail code. */
export function binary(ok: boolean, max: number, pass: string, fail: string): Outcome {
  return ok ? { points: max, code: pass } : { points: 0, code: fail };
}

/** Points are rounded to cents where they are fractional (T2, T3) and in totals. */
export const round2 = (n: number): number => Math.round(n * 100) / 100;

/** The stored check of a URL, looked up as declared and trimmed. */
export function linkCheck(links: LinkChecks, url: string | undefined): LinkCheck | undefined {
  return url === undefined ? undefined : (links.get(url) ?? links.get(url.trim()));
}

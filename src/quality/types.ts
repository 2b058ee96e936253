/** The quality of one dataset (QUALITY.md). Computed by a pure function, stored with the dataset. */

export type Dimension =
  | 'findability'
  | 'accessibility'
  | 'interoperability'
  | 'reusability'
  | 'contextuality'
  | 'timeliness'
  | 'value';

export type IndicatorId =
  | 'F1' | 'F2' | 'F3' | 'F4'
  | 'A1' | 'A2' | 'A3'
  | 'I1' | 'I2' | 'I3' | 'I4' | 'I5' | 'I6'
  | 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6'
  | 'C1' | 'C2' | 'C3' | 'C4'
  | 'T1' | 'T2' | 'T3'
  | 'Q1' | 'Q2' | 'Q3' | 'Q4';

export type Rating = 'excellent' | 'good' | 'sufficient' | 'bad';
/** The ratings, best first: the order reports and pages list them in. */
export const RATINGS: readonly Rating[] = ['excellent', 'good', 'sufficient', 'bad'];

export interface IndicatorResult {
  id: IndicatorId;
  dimension: Dimension;
  /** Points earned (may be fractional for T2/T3). */
  points: number;
  /** Points available. */
  max: number;
  /** Stable explanation code, e.g. `keywords_present`, `license_missing`, `link_not_checked`. */
  code: string;
  /** For distribution indicators: share (0–1) of distributions that pass. */
  share?: number;
}

export type FreshnessStatus = 'up_to_date' | 'late' | 'stale' | 'no_promise' | 'unknown';

export interface Freshness {
  status: FreshnessStatus;
  /** 0–1 (T2 = 40 × score). */
  score: number;
  /** 0–1 (T3 = 10 × age). */
  age: number;
  /** ISO date of the last update L, when known. */
  lastUpdate?: string;
  /** now − L in days, when L is known. */
  lagDays?: number;
  /** Flags without points: future_modified, metadata_stale_data_changed, promised_but_unchanged. */
  flags: string[];
}

export interface Completeness {
  /** 0–1, weighted as QUALITY.md says. */
  score: number;
  dataset: number;
  distributions: number;
  agents: number;
  /** Shares (0–1) of mandatory, recommended and optional properties present. */
  mandatory: number;
  recommended: number;
  optional: number;
  /** True when every mandatory property is present. */
  metaOk: boolean;
}

export interface Quality {
  /** MQA-compatible score, 0–405. */
  mqa: number;
  /** Cosecha score, 0–500. */
  total: number;
  /** Rating on the 405 scale. */
  rating: Rating;
  /** Rating on the 500 scale. */
  rating500: Rating;
  dimensions: Record<Dimension, { points: number; max: number }>;
  indicators: IndicatorResult[];
  freshness: Freshness;
  completeness: Completeness;
  /** ISO time used as `now`. */
  scoredAt: string;
}

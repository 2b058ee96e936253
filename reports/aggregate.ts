/**
 * The aggregation every report shares (QUALITY.md, "Aggregation"): mean and median score, rating
 * distribution, dimension means, per-indicator pass rates, freshness counts, completeness means,
 * link status counts, the worst datasets and the most common missing items. A pure reducer over
 * stored datasets.
 */
import type { ScoredDataset } from '../src/store/store.js';
import { fixesOf } from '../src/quality/fixes.js';
import type { Dimension, FreshnessStatus, IndicatorId, IndicatorResult, Rating } from '../src/quality/types.js';
import type { CodeWords } from './words.js';

/**
 * What a dataset's A1 (access URL) or A3 (download URL) result says about its link. `no_url` when
 * there is no URL to check, so each side's counts add up to the number of datasets.
 */
export type LinkState = 'ok' | 'broken' | 'unknown' | 'not_checked' | 'refused' | 'no_url';
export const LINK_STATES: readonly LinkState[] = ['ok', 'broken', 'unknown', 'not_checked', 'refused', 'no_url'];

/** Explanation codes A1 and A3 return (src/quality/indicators.ts), read as link states. */
const LINK_STATE_OF_CODE: ReadonlyMap<string, LinkState> = new Map([
  ['access_url_reachable', 'ok'],
  ['download_url_reachable', 'ok'],
  ['link_broken', 'broken'],
  ['link_unknown', 'unknown'],
  ['link_not_checked', 'not_checked'],
  ['link_refused', 'refused'],
  ['access_url_missing', 'no_url'],
  ['no_download_url_to_check', 'no_url'],
]);

export function linkStateOf(result: Pick<IndicatorResult, 'code' | 'points' | 'max'>): LinkState {
  // A code this table does not know yet still counts: the points say whether the link was reachable.
  return LINK_STATE_OF_CODE.get(result.code) ?? (result.points >= result.max ? 'ok' : 'unknown');
}

/** Points lost for one (indicator, code), over every dataset that lost them. */
/** One fix (src/quality/fixes.ts) and the datasets it would raise. */
export interface LostPoints {
  /** The result whose recommendation says what to do. */
  indicator: IndicatorId;
  code: string;
  /** Other indicators the same fix recovers in some of the datasets (R2 and Q4 with a missing licence). */
  also?: IndicatorId[];
  datasets: number;
  /** Mean points each of those datasets would gain (constant except for T2/T3). */
  pointsEach: number;
  /** Points all of them together would gain. */
  totalGain: number;
}

export interface Aggregate {
  datasets: number;
  score: { mean: number; median: number; mqaMean: number; mqaMedian: number };
  ratings: Record<Rating, number>;
  /**
   * Datasets by Cosecha score in bands of 50 points: [0, 50), [50, 100), … [450, 500]. Absent
   * from snapshots stored before it existed.
   */
  scoreBins?: number[];
  /** Mean share (0–1) of each dimension's points. */
  dimensions: Partial<Record<Dimension, number>>;
  /** Per indicator: share of datasets earning full points, and mean points. */
  indicators: Partial<Record<IndicatorId, { passRate: number; meanPoints: number; max: number }>>;
  freshness: Record<FreshnessStatus, number>;
  /**
   * Means (0–1) of the completeness score and of the shares of mandatory, recommended and optional
   * properties present; the share of datasets with every mandatory property (`meta_ok`).
   */
  completeness: { mean: number; mandatory: number; recommended: number; optional: number; metaOkShare: number };
  /**
   * Datasets by the state of their access (A1) and download (A3) link. Indicators are scored on the
   * best distribution, so this counts datasets by their best link, not every link of the portal.
   */
  links: { access: Record<LinkState, number>; download: Record<LinkState, number> };
  /** Lowest scores first. */
  worst: { id: string; title: string; score: number; rating: Rating }[];
  /** Explanation codes of lost points, most points lost first, with the mean points lost per dataset. */
  missing: MissingItem[];
}

/**
 * One of the most common missing items. The words (words.ts) are added by the report builders,
 * in the portal's platform's terms; the aggregator's own result, and snapshots stored before the
 * words existed, have the codes alone.
 */
export interface MissingItem extends Partial<CodeWords> {
  indicator: IndicatorId;
  code: string;
  datasets: number;
  /** Mean points each of those datasets lost. */
  points: number;
}

const WORST = 10;
/** Width and number of the score bands of `scoreBins`. */
export const SCORE_BIN = 50;
const SCORE_BINS = 500 / SCORE_BIN;
const MISSING = 20;

const r2 = (x: number) => Math.round(x * 100) / 100;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

export class Aggregator {
  private n = 0;
  private scores: number[] = [];
  private mqas: number[] = [];
  private ratings: Record<Rating, number> = { excellent: 0, good: 0, sufficient: 0, bad: 0 };
  private dims = new Map<Dimension, number>();
  private ind = new Map<IndicatorId, { pass: number; points: number; max: number }>();
  private fresh: Record<FreshnessStatus, number> = { up_to_date: 0, late: 0, stale: 0, no_promise: 0, unknown: 0 };
  private completeness = { score: 0, mandatory: 0, recommended: 0, optional: 0, metaOk: 0 };
  private links = { access: emptyLinkCounts(), download: emptyLinkCounts() };
  private worst: Aggregate['worst'] = [];
  /** Keyed by the fix's `indicator|code`; `lost` is the sum of points the fix would gain. */
  private missing = new Map<string, { indicator: IndicatorId; code: string; also: Set<IndicatorId>; datasets: number; lost: number }>();

  add({ dataset, quality }: ScoredDataset): void {
    this.n++;
    this.scores.push(quality.total);
    this.mqas.push(quality.mqa);
    this.ratings[quality.rating]++;
    for (const [dim, { points, max }] of Object.entries(quality.dimensions) as [Dimension, { points: number; max: number }][]) {
      this.dims.set(dim, (this.dims.get(dim) ?? 0) + (max ? points / max : 0));
    }
    for (const r of quality.indicators) {
      const s = this.ind.get(r.id) ?? { pass: 0, points: 0, max: r.max };
      s.points += r.points;
      if (r.points >= r.max) s.pass++;
      this.ind.set(r.id, s);
      if (r.id === 'A1') this.links.access[linkStateOf(r)]++;
      if (r.id === 'A3') this.links.download[linkStateOf(r)]++;
    }
    for (const { root, results, gain } of fixesOf(quality.indicators)) {
      const key = `${root.id}|${root.code}`;
      const m = this.missing.get(key) ?? { indicator: root.id, code: root.code, also: new Set(), datasets: 0, lost: 0 };
      m.datasets++;
      m.lost += gain;
      for (const r of results.slice(1)) m.also.add(r.id);
      this.missing.set(key, m);
    }
    this.fresh[quality.freshness.status]++;
    const c = quality.completeness;
    this.completeness.score += c.score;
    this.completeness.mandatory += c.mandatory;
    this.completeness.recommended += c.recommended;
    this.completeness.optional += c.optional;
    if (c.metaOk) this.completeness.metaOk++;
    this.worst.push({ id: dataset.id, title: dataset.title, score: quality.total, rating: quality.rating });
    if (this.worst.length > WORST * 4) this.trimWorst();
  }

  private trimWorst(): void {
    this.worst.sort((a, b) => a.score - b.score || a.id.localeCompare(b.id));
    this.worst.length = Math.min(this.worst.length, WORST);
  }

  /** Every (indicator, code) that lost points, most points to gain first. */
  lostPoints(): LostPoints[] {
    return [...this.missing.values()]
      .sort((a, b) => b.lost - a.lost || b.datasets - a.datasets || a.indicator.localeCompare(b.indicator) || a.code.localeCompare(b.code))
      .map((m) => ({
        indicator: m.indicator,
        code: m.code,
        ...(m.also.size > 0 && { also: [...m.also] }),
        datasets: m.datasets,
        pointsEach: r2(m.lost / m.datasets),
        totalGain: r2(m.lost),
      }));
  }

  result(): Aggregate {
    this.trimWorst();
    const n = this.n || 1;
    const c = this.completeness;
    return {
      datasets: this.n,
      score: { mean: r2(sum(this.scores) / n), median: r2(median(this.scores)), mqaMean: r2(sum(this.mqas) / n), mqaMedian: r2(median(this.mqas)) },
      ratings: { ...this.ratings },
      scoreBins: scoreBins(this.scores),
      dimensions: Object.fromEntries([...this.dims].map(([k, v]) => [k, r3(v / n)])),
      indicators: Object.fromEntries([...this.ind].map(([k, v]) => [k, { passRate: r3(v.pass / n), meanPoints: r2(v.points / n), max: v.max }])),
      freshness: { ...this.fresh },
      completeness: {
        mean: r3(c.score / n),
        mandatory: r3(c.mandatory / n),
        recommended: r3(c.recommended / n),
        optional: r3(c.optional / n),
        metaOkShare: r3(c.metaOk / n),
      },
      links: { access: { ...this.links.access }, download: { ...this.links.download } },
      worst: [...this.worst],
      missing: this.lostPoints()
        .slice(0, MISSING)
        .map((m) => ({ indicator: m.indicator, code: m.code, datasets: m.datasets, points: m.pointsEach })),
    };
  }
}

function scoreBins(scores: number[]): number[] {
  const bins = new Array<number>(SCORE_BINS).fill(0);
  for (const score of scores) bins[Math.min(SCORE_BINS - 1, Math.max(0, Math.floor(score / SCORE_BIN)))]++;
  return bins;
}

function emptyLinkCounts(): Record<LinkState, number> {
  return { ok: 0, broken: 0, unknown: 0, not_checked: 0, refused: 0, no_url: 0 };
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

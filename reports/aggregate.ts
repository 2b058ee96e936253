/**
 * The aggregation every report shares (QUALITY.md, "Aggregation"): mean and median score, rating
 * distribution, dimension means, per-indicator pass rates, freshness counts, completeness means,
 * the worst datasets and the most common missing items. A pure reducer over stored datasets.
 */
import type { StoredDataset } from '../src/store/store.js';
import type { Dimension, FreshnessStatus, IndicatorId, Rating } from '../src/quality/types.js';

export interface Aggregate {
  datasets: number;
  score: { mean: number; median: number; mqaMean: number; mqaMedian: number };
  ratings: Record<Rating, number>;
  /** Mean share (0–1) of each dimension's points. */
  dimensions: Partial<Record<Dimension, number>>;
  /** Per indicator: share of datasets earning full points, and mean points. */
  indicators: Partial<Record<IndicatorId, { passRate: number; meanPoints: number; max: number }>>;
  freshness: Record<FreshnessStatus, number>;
  completeness: { mean: number; metaOkShare: number };
  /** Lowest scores first. */
  worst: { id: string; title: string; score: number; rating: Rating }[];
  /** Explanation codes of lost points, most points lost first, with the mean points lost per dataset. */
  missing: { indicator: IndicatorId; code: string; datasets: number; points: number }[];
}

const WORST = 10;

export class Aggregator {
  private n = 0;
  private scores: number[] = [];
  private mqas: number[] = [];
  private ratings: Record<Rating, number> = { excellent: 0, good: 0, sufficient: 0, bad: 0 };
  private dims = new Map<Dimension, number>();
  private ind = new Map<IndicatorId, { pass: number; points: number; max: number }>();
  private fresh: Record<FreshnessStatus, number> = { up_to_date: 0, late: 0, stale: 0, no_promise: 0, unknown: 0 };
  private completeness = 0;
  private metaOk = 0;
  private worst: Aggregate['worst'] = [];
  private missing = new Map<string, Aggregate['missing'][number]>();

  add({ dataset, quality }: StoredDataset): void {
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
      else {
        const key = `${r.id}|${r.code}`;
        const m = this.missing.get(key) ?? { indicator: r.id, code: r.code, datasets: 0, points: 0 };
        m.datasets++;
        m.points += r.max - r.points;
        this.missing.set(key, m);
      }
      this.ind.set(r.id, s);
    }
    this.fresh[quality.freshness.status]++;
    this.completeness += quality.completeness.score;
    if (quality.completeness.metaOk) this.metaOk++;
    this.worst.push({ id: dataset.id, title: dataset.title, score: quality.total, rating: quality.rating });
    if (this.worst.length > WORST * 4) this.trimWorst();
  }

  private trimWorst(): void {
    this.worst.sort((a, b) => a.score - b.score || a.id.localeCompare(b.id));
    this.worst.length = Math.min(this.worst.length, WORST);
  }

  result(): Aggregate {
    this.trimWorst();
    const n = this.n || 1;
    const r2 = (x: number) => Math.round(x * 100) / 100;
    const r3 = (x: number) => Math.round(x * 1000) / 1000;
    return {
      datasets: this.n,
      score: { mean: r2(sum(this.scores) / n), median: r2(median(this.scores)), mqaMean: r2(sum(this.mqas) / n), mqaMedian: r2(median(this.mqas)) },
      ratings: { ...this.ratings },
      dimensions: Object.fromEntries([...this.dims].map(([k, v]) => [k, r3(v / n)])),
      indicators: Object.fromEntries([...this.ind].map(([k, v]) => [k, { passRate: r3(v.pass / n), meanPoints: r2(v.points / n), max: v.max }])),
      freshness: { ...this.fresh },
      completeness: { mean: r3(this.completeness / n), metaOkShare: r3(this.metaOk / n) },
      worst: [...this.worst],
      missing: [...this.missing.values()]
        .sort((a, b) => b.points - a.points || a.code.localeCompare(b.code))
        .slice(0, 20)
        .map((m) => ({ ...m, points: r2(m.points / m.datasets) })),
    };
  }
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

/**
 * The history of a portal or a publisher: the report snapshots stored after every run, over time,
 * and the trend "now vs. 3 and 12 months ago" (QUALITY.md, "Aggregation and history").
 */
import { publisherKey } from './publisher-key.js';
import { NotFoundError } from '../src/errors.js';
import { RATINGS, type Rating } from '../src/quality/types.js';
import type { ReportSnapshot, Store } from '../src/store/store.js';

/** History exists for portals and publishers (their ids as in their reports). */
export interface HistoryScope {
  kind: 'portal' | 'publisher';
  id: string;
}

/** The headline figures of one snapshot. */
export interface HistoryPoint {
  /** UTC day of the snapshot, `YYYY-MM-DD`. */
  date: string;
  /** When the snapshot was stored. */
  at: string;
  runId?: string;
  datasets: number;
  meanScore: number;
  meanMqa: number;
  ratings: Record<Rating, number>;
}

/** Now minus then, figure by figure. */
export interface HistoryChange {
  datasets: number;
  meanScore: number;
  meanMqa: number;
  ratings: Record<Rating, number>;
}

export interface Trend {
  months: number;
  /** now − `months` months: `then` is the latest snapshot at or before it. */
  reference: string;
  then: HistoryPoint;
  change: HistoryChange;
}

export interface HistoryReport {
  kind: 'history';
  scope: HistoryScope;
  name: string;
  generatedAt: string;
  /**
   * `snapshots`: the scope's own snapshots. `portal_snapshots`: a publisher without snapshots of its
   * own, read from its line in each stored portal report.
   */
  source: 'snapshots' | 'portal_snapshots';
  /** The latest snapshot at or before now; absent when there is none. */
  current?: HistoryPoint;
  /** Each absent when no snapshot is that old. */
  trend: { months3?: Trend; months12?: Trend };
  /** Oldest first, one per day: the day's last snapshot. */
  points: HistoryPoint[];
}

export async function buildHistory(store: Store, scope: HistoryScope, now: Date): Promise<HistoryReport> {
  const portalId = scope.kind === 'portal' ? scope.id : scope.id.split('/')[0];
  const portal = await store.portals.get(portalId);
  const what = scope.kind === 'portal' ? `Portal '${scope.id}'` : `Publisher '${scope.id}'`;
  if (!portal || (scope.kind === 'publisher' && !scope.id.includes('/'))) throw new NotFoundError(what);

  let source: HistoryReport['source'] = 'snapshots';
  let series = toSeries(await store.reports.history(scope), portalFigures);
  let name = scope.kind === 'portal' ? portal.name : series.at(-1)?.name;
  if (scope.kind === 'publisher' && series.length === 0) {
    // Runs store portal snapshots; each lists its publishers' figures, so they are the history.
    source = 'portal_snapshots';
    series = toSeries(await store.reports.history({ kind: 'portal', id: portalId }), (r) => publisherFigures(r, scope.id));
    name = series.at(-1)?.name ?? (await publisherName(store, scope.id));
    if (name === undefined) throw new NotFoundError(what);
  }

  const past = series.filter((s) => Date.parse(s.point.at) <= now.getTime()).map((s) => s.point);
  const current = past.at(-1);
  return {
    kind: 'history',
    scope,
    name: name ?? scope.id,
    generatedAt: now.toISOString(),
    source,
    ...(current && { current }),
    trend: {
      ...trendAt(past, current, now, 3, 'months3'),
      ...trendAt(past, current, now, 12, 'months12'),
    },
    points: lastOfEachDay(past),
  };
}

/** The same date `months` months earlier, on the month's last day when it has no such day (UTC). */
export function monthsBefore(date: Date, months: number): Date {
  const d = new Date(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

type Figures = Omit<HistoryPoint, 'date' | 'at' | 'runId'> & { name?: string };

function toSeries(snapshots: ReportSnapshot[], read: (report: unknown) => Figures | undefined): { name?: string; point: HistoryPoint }[] {
  const series: { name?: string; point: HistoryPoint }[] = [];
  for (const snap of snapshots) {
    // A snapshot of another shape (an older version, a publisher absent that day) is skipped.
    const figures = read(snap.report);
    const time = Date.parse(snap.createdAt);
    if (!figures || Number.isNaN(time)) continue;
    const { name, ...rest } = figures;
    const at = new Date(time).toISOString();
    series.push({ name, point: { date: at.slice(0, 10), at, ...(snap.runId && { runId: snap.runId }), ...rest } });
  }
  return series.sort((a, b) => Date.parse(a.point.at) - Date.parse(b.point.at));
}

function portalFigures(report: unknown): Figures | undefined {
  const s = (report as { summary?: { datasets?: unknown; score?: { mean?: unknown; mqaMean?: unknown }; ratings?: unknown } } | null)?.summary;
  if (!s || !isNumber(s.datasets) || !isNumber(s.score?.mean) || !isNumber(s.score?.mqaMean) || !isRatings(s.ratings)) return undefined;
  const name = (report as { name?: unknown }).name;
  return { ...(typeof name === 'string' && { name }), datasets: s.datasets, meanScore: s.score.mean, meanMqa: s.score.mqaMean, ratings: { ...s.ratings } };
}

function publisherFigures(report: unknown, publisherId: string): Figures | undefined {
  const lines = (report as { publishers?: unknown } | null)?.publishers;
  if (!Array.isArray(lines)) return undefined;
  const line = lines.find((l): l is Record<string, unknown> => (l as { id?: unknown } | null)?.id === publisherId);
  if (!line || !isNumber(line.datasets) || !isNumber(line.meanScore) || !isNumber(line.meanMqa) || !isRatings(line.ratings)) return undefined;
  return { ...(typeof line.name === 'string' && { name: line.name }), datasets: line.datasets, meanScore: line.meanScore, meanMqa: line.meanMqa, ratings: { ...line.ratings } };
}

function trendAt(past: HistoryPoint[], current: HistoryPoint | undefined, now: Date, months: number, key: 'months3' | 'months12'): Partial<HistoryReport['trend']> {
  const reference = monthsBefore(now, months);
  const then = past.filter((p) => Date.parse(p.at) <= reference.getTime()).at(-1);
  if (!current || !then) return {};
  return { [key]: { months, reference: reference.toISOString(), then, change: difference(current, then) } };
}

function difference(now: HistoryPoint, then: HistoryPoint): HistoryChange {
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const ratings = Object.fromEntries(RATINGS.map((r) => [r, now.ratings[r] - then.ratings[r]])) as Record<Rating, number>;
  return { datasets: now.datasets - then.datasets, meanScore: r2(now.meanScore - then.meanScore), meanMqa: r2(now.meanMqa - then.meanMqa), ratings };
}

function lastOfEachDay(points: HistoryPoint[]): HistoryPoint[] {
  return points.filter((p, i) => points[i + 1]?.date !== p.date);
}

/** A publisher of the portal that no snapshot lists yet (none stored since it first appeared). */
async function publisherName(store: Store, publisherId: string): Promise<string | undefined> {
  for await (const batch of store.datasets.scanScores({ portalId: publisherId.split('/')[0] })) {
    const item = batch.find((i) => publisherKey(i.dataset) === publisherId);
    if (item) return item.dataset.publisher?.name ?? publisherId;
  }
  return undefined;
}


function isNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

function isRatings(x: unknown): x is Record<Rating, number> {
  return typeof x === 'object' && x !== null && RATINGS.every((r) => isNumber((x as Record<string, unknown>)[r]));
}

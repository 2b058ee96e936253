/**
 * The scoreboard's rows: each portal's figures from its latest stored report, the ratings of its
 * mean scores on their own scales, and the change of its mean score against three months ago from
 * its snapshot of then (one indexed read per harvested portal; no dataset is scanned). Then the
 * filters and the order a visitor asked for.
 */
import type { Store } from '../../../store/store.js';
import type { Dimension, Rating } from '../../../quality/types.js';
import { rate } from '../../../quality/score.js';
import { monthsBefore, type Aggregate, type PortalReport, type PortalState } from '../../../../reports/index.js';
import { oneOf, text } from '../../../api/params.js';
import { BadRequestError } from '../../../errors.js';
import type { Lang } from '../../i18n/lang.js';
import { LEVELS } from '../../../dcat/types.js';

/** The five MQA dimensions, in the order of the MQA. */
export const MQA_DIMENSIONS: readonly Dimension[] = ['findability', 'accessibility', 'interoperability', 'reusability', 'contextuality'];
export const SORTS = ['score', 'mqa', 'datasets', 'name', 'fresh', 'links', 'change'] as const;
export type Sort = (typeof SORTS)[number];
export type Direction = 'asc' | 'desc';

export interface ScoreRow {
  line: PortalState;
  /** Absent until the portal has a report with datasets. */
  figures?: {
    datasets: number;
    score: number;
    rating500: Rating;
    mqa: number;
    rating: Rating;
    dimensions: Partial<Record<Dimension, number>>;
    /** Share (0–1) of datasets up to date. */
    fresh: number;
    /** Share (0–1) of datasets whose access link answers; absent while no link has been checked. */
    links?: number;
  };
  /** Mean score now minus three months ago; absent when no snapshot is that old. */
  change?: number;
}

export interface ScoreQuery {
  sort: Sort;
  dir: Direction;
  country?: string;
  level?: (typeof LEVELS)[number];
}

export function scoreQuery(query: Record<string, unknown>): ScoreQuery {
  const sort = oneOf(query, 'sort', SORTS) ?? 'score';
  const country = text(query, 'country', 2)?.toUpperCase();
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) throw new BadRequestError(`The parameter 'country' must be a two-letter country code, not '${country}'.`);
  return { sort, dir: oneOf(query, 'dir', ['asc', 'desc'] as const) ?? defaultDirection(sort), country, level: oneOf(query, 'level', LEVELS) };
}

/** Names read A to Z; every figure best first. */
export function defaultDirection(sort: Sort): Direction {
  return sort === 'name' ? 'asc' : 'desc';
}

/** The portals the filters keep (before any history is read). */
export function kept(lines: readonly PortalState[], query: ScoreQuery): PortalState[] {
  return lines.filter((l) => (!query.country || l.portal.country === query.country) && (!query.level || l.portal.level === query.level));
}

export async function scoreRows(store: Store, lines: readonly PortalState[], now: Date): Promise<ScoreRow[]> {
  return Promise.all(
    lines.map(async (line): Promise<ScoreRow> => {
      const s = line.summary;
      if (!s || s.datasets === 0) return { line };
      // The change against 3 months ago, as the portal's history reads it: its report then (one read).
      const then = (await store.reports.latest({ kind: 'portal', id: line.portal.id }, monthsBefore(now, 3)))?.report as PortalReport | undefined;
      const thenMean = then?.summary?.score?.mean;
      const figures = {
        datasets: s.datasets,
        score: s.score.mean,
        rating500: rate(s.score.mean, 'total'),
        mqa: s.score.mqaMean,
        rating: rate(s.score.mqaMean, 'mqa'),
        dimensions: s.dimensions,
        fresh: s.freshness.up_to_date / s.datasets,
        ...(checked(s) && { links: s.links.access.ok / s.datasets }),
      };
      const change = thenMean === undefined ? undefined : Math.round((s.score.mean - thenMean) * 100) / 100;
      return { line, figures, ...(change !== undefined && { change }) };
    }),
  );
}

/** The rows in the asked order; rows without the sorted figure go last either way. */
export function arrange(rows: readonly ScoreRow[], query: ScoreQuery, lang: Lang): ScoreRow[] {
  const sorted = [...rows];
  const byName = (a: ScoreRow, b: ScoreRow) => a.line.portal.name.localeCompare(b.line.portal.name, lang);
  const sign = query.dir === 'asc' ? 1 : -1;
  const { sort } = query;
  if (sort === 'name') return sorted.sort((a, b) => sign * byName(a, b));
  const value = (r: ScoreRow) => figureOf(r, sort);
  return sorted.sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x === undefined || y === undefined) return x === y ? byName(a, b) : x === undefined ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

/** Whether any access link got an answer, reachable or not (offline, none is checked). */
function checked(s: Aggregate): boolean {
  const a = s.links.access;
  return a.ok + a.broken + a.unknown > 0;
}

function figureOf(row: ScoreRow, sort: Exclude<Sort, 'name'>): number | undefined {
  if (sort === 'change') return row.change;
  return row.figures?.[sort];
}

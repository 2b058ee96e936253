/**
 * The portal comparison, the OGP coordinators' view (QUALITY.md, "Aggregation"): portals side by
 * side on every aggregate figure, with country and level so national, subnational and municipal
 * portals are told apart.
 */
import { buildPortalReport, type PortalReport } from './portal-report.js';
import type { Aggregate } from './aggregate.js';
import { BadRequestError, NotFoundError } from '../src/errors.js';
import { LEVELS, type Level } from '../src/dcat/types.js';
import type { Store, PortalRecord } from '../src/store/store.js';

export { LEVELS };

/** Which portals to compare: named ones, or every portal of a country and/or level; none = all. */
export interface ComparisonFilter {
  /** Portal ids, compared in the order given. Not combined with `country` or `level`. */
  portals?: string[];
  /** ISO 3166-1 alpha-2, any case. */
  country?: string;
  level?: Level;
}

export interface ComparedPortal {
  portal: PortalRecord;
  lastRun?: PortalReport['lastRun'];
  withdrawn: number;
  summary: Aggregate;
}

export interface Comparison {
  kind: 'comparison';
  generatedAt: string;
  filter: ComparisonFilter;
  portals: ComparedPortal[];
}

/**
 * Compares portals. Unknown portal ids are a NotFoundError naming all of them; a filter that
 * matches no portal gives an empty comparison.
 */
export interface ComparisonOptions {
  /**
   * Each portal's figures from its latest stored report (saved after every run, link pass and
   * rescore) when it has one, instead of a scan of its datasets: what a web page reads, fast at
   * any size. Default false: measured now.
   */
  latest?: boolean;
}

export async function buildComparison(store: Store, filter: ComparisonFilter, now: Date, options: ComparisonOptions = {}): Promise<Comparison> {
  const clean = checkFilter(filter);
  const known = await store.portals.list();
  let chosen: PortalRecord[];
  if (clean.portals) {
    const byId = new Map(known.map((p) => [p.id, p]));
    const unknown = clean.portals.filter((id) => !byId.has(id));
    if (unknown.length) throw portalsNotFound(unknown);
    chosen = clean.portals.map((id) => byId.get(id)!);
  } else {
    chosen = known.filter((p) => (!clean.country || p.country === clean.country) && (!clean.level || p.level === clean.level));
  }
  // Each portal's figures come from buildPortalReport over the stored datasets, not from the
  // snapshot stored after its last run: link checks and rescoring update scores between runs, and
  // older snapshots may predate figures (link counts) the comparison shows. Every portal is thus
  // measured now, by the same code, at the cost of one scan per portal, as the regional report
  // (unless `latest` asks for the stored reports).
  const portals: ComparedPortal[] = [];
  for (const portal of chosen) {
    const stored = options.latest ? ((await store.reports.latest({ kind: 'portal', id: portal.id }))?.report as PortalReport | undefined) : undefined;
    const report = stored ?? (await buildPortalReport(store, portal.id, now));
    portals.push({ portal: report.portal, ...(report.lastRun && { lastRun: report.lastRun }), withdrawn: report.withdrawn, summary: report.summary });
  }
  if (!clean.portals) portals.sort(byLevelThenScore);
  return { kind: 'comparison', generatedAt: now.toISOString(), filter: clean, portals };
}

function checkFilter(filter: ComparisonFilter): ComparisonFilter {
  const portals = filter.portals?.length ? [...new Set(filter.portals)] : undefined;
  const country = filter.country?.trim().toUpperCase() || undefined;
  if (portals && (country || filter.level)) {
    throw new BadRequestError(`The parameter '${country ? 'country' : 'level'}' cannot be combined with 'portal': compare named portals, or the portals of a country and level.`);
  }
  if (country && !/^[A-Z]{2}$/.test(country)) throw new BadRequestError(`The parameter 'country' must be a two-letter country code (EC, GT, …), not '${filter.country}'.`);
  if (filter.level && !LEVELS.includes(filter.level)) throw new BadRequestError(`The parameter 'level' must be one of ${LEVELS.join(', ')}, not '${filter.level}'.`);
  return { ...(portals && { portals }), ...(country && { country }), ...(filter.level && { level: filter.level }) };
}

function portalsNotFound(ids: string[]): NotFoundError {
  const error = new NotFoundError(`Portal '${ids[0]}'`);
  if (ids.length > 1) error.message = `The portals ${ids.map((id) => `'${id}'`).join(', ')} were not found.`;
  return error;
}

/** National first, then subnational, then municipal; within a level, the best mean score first. */
function byLevelThenScore(a: ComparedPortal, b: ComparedPortal): number {
  return LEVELS.indexOf(a.portal.level) - LEVELS.indexOf(b.portal.level) || b.summary.score.mean - a.summary.score.mean || a.portal.id.localeCompare(b.portal.id);
}

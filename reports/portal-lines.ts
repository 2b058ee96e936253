/**
 * Every portal as the pages list it: its configuration or stored record, its latest stored
 * report (built after each run, so no page rescans the datasets) and its last run. Portals
 * configured but never harvested are listed too, with no figures: an operator must see them.
 */
import type { Store, PortalRecord, Run } from '../src/store/store.js';
import type { PortalConfig } from '../src/config-types.js';
import type { Aggregate } from './aggregate.js';
import type { PortalReport } from './portal-report.js';

export interface PortalState {
  portal: PortalRecord;
  configured: boolean;
  /** The latest report's figures; undefined before the first successful harvest. */
  summary?: Aggregate;
  report?: PortalReport;
  reportAt?: string;
  lastRun?: Run;
}

export async function portalLines(store: Store, configured: readonly PortalConfig[]): Promise<PortalState[]> {
  const stored = new Map((await store.portals.list()).map((p) => [p.id, p]));
  const ids = [...new Set([...configured.map((p) => p.id), ...stored.keys()])];
  return Promise.all(
    ids.map(async (id): Promise<PortalState> => {
      const conf = configured.find((p) => p.id === id);
      const portal = stored.get(id) ?? { id, name: conf!.name, country: conf!.country, level: conf!.level, platform: conf!.platform, url: conf!.url };
      const [snapshot, [lastRun]] = await Promise.all([store.reports.latest({ kind: 'portal', id }), store.runs.list({ portalId: id, limit: 1 })]);
      const report = snapshot?.report as PortalReport | undefined;
      return { portal, configured: Boolean(conf), summary: report?.summary, report, reportAt: snapshot?.createdAt, lastRun };
    }),
  );
}

/** The region's headline figures from the portals' reports: sums, and means weighted by datasets. */
export function combine(lines: readonly PortalState[]) {
  const withData = lines.filter((l) => l.summary && l.summary.datasets > 0);
  const datasets = withData.reduce((n, l) => n + l.summary!.datasets, 0);
  const weighted = (pick: (a: Aggregate) => number) => (datasets ? withData.reduce((s, l) => s + pick(l.summary!) * l.summary!.datasets, 0) / datasets : 0);
  const ratings = { excellent: 0, good: 0, sufficient: 0, bad: 0 };
  const publishers = new Set<string>();
  for (const l of withData) {
    for (const [k, v] of Object.entries(l.summary!.ratings) as [keyof typeof ratings, number][]) ratings[k] += v;
    for (const p of l.report?.publishers ?? []) publishers.add(`${l.portal.id}/${p.id}`);
  }
  return {
    portals: lines.length,
    harvested: withData.length,
    datasets,
    institutions: publishers.size,
    meanScore: Math.round(weighted((a) => a.score.mean) * 10) / 10,
    meanMqa: Math.round(weighted((a) => a.score.mqaMean) * 10) / 10,
    upToDateShare: datasets ? withData.reduce((n, l) => n + l.summary!.freshness.up_to_date, 0) / datasets : 0,
    ratings,
  };
}

/**
 * What the report card shows: the publisher report (its figures and grouped fixes), its datasets
 * with their scores and the fix that gains each one most, and its history. The datasets are those
 * the report reads (one read, through the publisher's name); the history from stored snapshots.
 */
import { buildHistory, buildPublisherReport, type HistoryReport, type PortalReport, type PublisherReport } from '../../../../reports/index.js';
import { recommendations, type Recommendation } from '../../../quality/explanations.js';
import type { FreshnessStatus, Rating } from '../../../quality/types.js';
import type { ScoredDataset, Store } from '../../../store/store.js';

export interface InstitutionDataset {
  id: string;
  title: string;
  score: number;
  mqa: number;
  /** The MQA band of `mqa` (405). */
  rating: Rating;
  /** The band of `score` (500). */
  rating500: Rating;
  freshness: FreshnessStatus;
  /** The fix that gains it most, among those the institution can make. */
  topFix?: Recommendation;
}

export interface DatasetRef {
  id: string;
  title: string;
}

export interface InstitutionView {
  report: PublisherReport;
  /** Lowest score first, then by title. */
  datasets: InstitutionDataset[];
  /** The first datasets each fix group raises, keyed `<indicator>|<code>` as the groups are. */
  affected: ReadonlyMap<string, DatasetRef[]>;
  history: HistoryReport;
}

/** Datasets named under each fix on the page; the rest are counted. */
export const AFFECTED_SHOWN = 5;

export function fixKey(fix: { indicator: string; code: string }): string {
  return `${fix.indicator}|${fix.code}`;
}

/** Cards kept, each until its portal's next stored report. */
const KEPT = 32;
/** Per store: a process may serve several (the tests do). */
const keptByStore = new WeakMap<Store, Map<string, Promise<InstitutionView>>>();

/**
 * `publisherId` is `<portalId>/<slug>`; an unknown one is a NotFoundError. A card is built once
 * per stored portal report: every run, link pass and rescore stores a new one, so a kept card is
 * never older than the figures the portal page shows. (Building one reads every dataset of the
 * institution: about 2 s for 12,500 of them on the bench's machine.)
 */
export async function institutionView(store: Store, publisherId: string, now: Date): Promise<InstitutionView> {
  const snapshot = await store.reports.latest({ kind: 'portal', id: publisherId.split('/')[0] });
  if (!snapshot) return buildView(store, publisherId, now);
  const key = `${publisherId}|${snapshot.createdAt}|${snapshot.runId ?? ''}`;
  let kept = keptByStore.get(store);
  if (!kept) keptByStore.set(store, (kept = new Map()));
  let view = kept.get(key);
  if (!view) {
    view = buildView(store, publisherId, now, snapshot.report as PortalReport);
    view.catch(() => kept.delete(key));
    kept.set(key, view);
    if (kept.size > KEPT) kept.delete(kept.keys().next().value as string);
  }
  return view;
}

async function buildView(store: Store, publisherId: string, now: Date, portal?: PortalReport): Promise<InstitutionView> {
  // The name the portal's latest report lists: the card reads only the datasets published under it.
  const name = portal?.publishers.find((p) => p.id === publisherId)?.name;
  // The datasets come with the report's own read of them.
  const read: Pick<ScoredDataset, 'dataset' | 'quality'>[] = [];
  const report = await buildPublisherReport(store, publisherId, now, { name, each: (item) => read.push(item) });
  // Codes the institution cannot act on (links not checked yet), as the report marks them.
  const waiting = new Set(report.fixes.filter((f) => !f.actionable).map((f) => f.code));
  const datasets: InstitutionDataset[] = [];
  const affected = new Map<string, DatasetRef[]>();
  for (const { dataset, quality } of read) {
    const fixes = recommendations(quality, report.portal.platform);
    for (const fix of fixes) {
      const refs = affected.get(fixKey(fix)) ?? [];
      if (refs.length < AFFECTED_SHOWN) refs.push({ id: dataset.id, title: dataset.title });
      affected.set(fixKey(fix), refs);
    }
    datasets.push({
      id: dataset.id,
      title: dataset.title,
      score: quality.total,
      mqa: quality.mqa,
      rating: quality.rating,
      rating500: quality.rating500,
      freshness: quality.freshness.status,
      topFix: fixes.find((f) => !waiting.has(f.code)),
    });
  }
  datasets.sort((a, b) => a.score - b.score || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  const history = await buildHistory(store, { kind: 'publisher', id: publisherId }, now);
  return { report, datasets, affected, history };
}

/** The portal report: the whole portal aggregated, and one line per publisher. Stored after every run. */
import { Aggregator, type Aggregate } from './aggregate.js';
import { publisherKey } from './publisher-key.js';
import { withWords } from './words.js';
import { NotFoundError } from '../src/errors.js';
import type { Store, PortalRecord, Run } from '../src/store/store.js';
import type { Rating } from '../src/quality/types.js';

export interface PublisherLine {
  id: string;
  name: string;
  datasets: number;
  meanScore: number;
  meanMqa: number;
  ratings: Record<Rating, number>;
}

export interface PortalReport {
  kind: 'portal';
  portal: PortalRecord;
  generatedAt: string;
  /** The latest run, with its notes: why it withdrew nothing, when it held back. */
  lastRun?: Pick<Run, 'id' | 'mode' | 'status' | 'startedAt' | 'finishedAt' | 'counts' | 'notes' | 'declared'>;
  withdrawn: number;
  summary: Aggregate;
  publishers: PublisherLine[];
}

export interface PortalReportOptions {
  /**
   * Add the words of the missing items (words.ts); default true. A stored snapshot can do without
   * them (about 11 KB each): whoever reads it words the codes again (`wordsOf`).
   */
  words?: boolean;
}

export async function buildPortalReport(store: Store, portalId: string, now: Date, options: PortalReportOptions = {}): Promise<PortalReport> {
  const portal = await store.portals.get(portalId);
  if (!portal) throw new NotFoundError(`Portal '${portalId}'`);
  const all = new Aggregator();
  const byPublisher = new Map<string, { name: string; agg: Aggregator }>();
  for await (const batch of store.datasets.scanScores({ portalId })) {
    for (const item of batch) {
      all.add(item);
      const key = publisherKey(item.dataset);
      if (!key) continue;
      let entry = byPublisher.get(key);
      if (!entry) byPublisher.set(key, (entry = { name: item.dataset.publisher?.name ?? key, agg: new Aggregator() }));
      entry.agg.add(item);
    }
  }
  const publishers = [...byPublisher].map(([id, { name, agg }]) => {
    const a = agg.result();
    return { id, name, datasets: a.datasets, meanScore: a.score.mean, meanMqa: a.score.mqaMean, ratings: a.ratings };
  });
  publishers.sort((a, b) => b.datasets - a.datasets || a.name.localeCompare(b.name));
  return {
    kind: 'portal',
    portal,
    generatedAt: now.toISOString(),
    lastRun: await lastRunOf(store, portalId),
    withdrawn: await store.datasets.count({ portalId, state: 'withdrawn' }),
    // The missing items in words, in the terms of the portal's own platform.
    summary: options.words === false ? all.result() : withWords(all.result(), portal.platform),
    publishers,
  };
}

/**
 * The portal report when no dataset of the portal changed since `previous` was built (a harvest
 * that found every record unchanged): its figures, with the latest run and the time.
 */
export async function refreshPortalReport(store: Store, previous: PortalReport, now: Date): Promise<PortalReport> {
  return { ...previous, generatedAt: now.toISOString(), lastRun: await lastRunOf(store, previous.portal.id) };
}

async function lastRunOf(store: Store, portalId: string): Promise<PortalReport['lastRun']> {
  const [run] = await store.runs.list({ portalId, limit: 1 });
  return (
    run && {
      id: run.id, mode: run.mode, status: run.status, startedAt: run.startedAt, finishedAt: run.finishedAt,
      counts: run.counts, notes: run.notes, ...(run.declared !== undefined && { declared: run.declared }),
    }
  );
}

/**
 * The report card of one publisher (institution) within a portal: the key figures, then what to
 * fix first — the lost points grouped by (indicator, code), "37 datasets have no licence (+20 points
 * each)", most points to gain first (QUALITY.md, "Explanations and recommendations").
 */
import { Aggregator, type Aggregate, type LostPoints } from './aggregate.js';
import { publisherKey } from './publisher-key.js';
import { withWords, wordsFor, type CodeWords } from './words.js';
import { NotFoundError } from '../src/errors.js';
import { recommendationFor } from '../src/quality/explanations.js';
import type { IndicatorId } from '../src/quality/types.js';
import type { Store, PortalRecord, ScoredDataset } from '../src/store/store.js';

export interface LocalizedText {
  es: string;
  en: string;
}

/**
 * The recommendation for an explanation code, Spanish and English, in the words of the portal's
 * `platform`; undefined when there is none. The shape of `recommendationFor` in
 * src/quality/explanations.ts, the default.
 */
export type Recommend = (code: string, indicator?: IndicatorId, platform?: string) => LocalizedText | undefined;

/**
 * One thing to fix: every dataset that lost points for the same (indicator, code), with the
 * indicator's title, what the code means and what to do (`recommendation`, the same as `text`).
 */
export interface FixGroup extends LostPoints, CodeWords {
  /** How much the publisher's mean score would rise if all of them were fixed. */
  meanGain: number;
  /** False when the publisher has nothing to do: the link was not checked yet (`link_not_checked`). */
  actionable: boolean;
  /** What to do, from `recommend`; absent when it has no text for the code. */
  text?: LocalizedText;
}

export interface PublisherReport {
  kind: 'publisher';
  id: string;
  name: string;
  portal: PortalRecord;
  generatedAt: string;
  summary: Aggregate;
  /** Ordered by total points to gain. */
  fixes: FixGroup[];
}

export interface PublisherReportOptions {
  /** Fills `FixGroup.text` and `recommendation`; default `recommendationFor` (src/quality/explanations.ts). */
  recommend?: Recommend;
  /**
   * The publisher's name as the portal report lists it: only the datasets published under that
   * name are read (the store's publisher index), not the whole portal; a page at 100k datasets
   * needs that. A dataset of the same publisher id under another name is then left out. When no
   * dataset carries the name, the whole portal is read as without it.
   */
  name?: string;
  /** Called with each of the publisher's datasets as the report reads it: a caller needing them reads them once. */
  each?: (item: ScoredDataset) => void;
}

/** The active datasets of `publisherId`, through its name when one is given (see `name` above). */
export async function* publisherScores(store: Store, publisherId: string, name?: string): AsyncIterable<ScoredDataset[]> {
  const portalId = publisherId.split('/')[0];
  let found = false;
  if (name?.trim()) {
    for await (const batch of store.datasets.scanScores({ portalId, publisher: name.trim() })) {
      const own = batch.filter((item) => publisherKey(item.dataset) === publisherId);
      found ||= own.length > 0;
      yield own;
    }
    if (found) return;
  }
  for await (const batch of store.datasets.scanScores({ portalId })) yield batch.filter((item) => publisherKey(item.dataset) === publisherId);
}

/** Codes that wait on the link checker rather than on the publisher. */
const WAITING_ON_CHECKS = new Set(['link_not_checked']);

/** `publisherId` is `<portalId>/<slug>` as listed in the portal report. */
export async function buildPublisherReport(store: Store, publisherId: string, now: Date, options: PublisherReportOptions = {}): Promise<PublisherReport> {
  const portalId = publisherId.split('/')[0];
  const portal = await store.portals.get(portalId);
  if (!portal) throw new NotFoundError(`Publisher '${publisherId}'`);
  const agg = new Aggregator();
  let name: string | undefined;
  for await (const batch of publisherScores(store, publisherId, options.name)) {
    for (const item of batch) {
      name ??= item.dataset.publisher?.name;
      agg.add(item);
      options.each?.(item);
    }
  }
  if (name === undefined) throw new NotFoundError(`Publisher '${publisherId}'`);
  const summary = withWords(agg.result(), portal.platform);
  const recommend = options.recommend ?? recommendationFor;
  const fixes = agg.lostPoints().map((lost): FixGroup => {
    const text = recommend(lost.code, lost.indicator, portal.platform);
    const { title, explanation } = wordsFor(lost.indicator, lost.code, portal.platform);
    return {
      ...lost,
      meanGain: Math.round((lost.totalGain / summary.datasets) * 100) / 100,
      actionable: !WAITING_ON_CHECKS.has(lost.code),
      title,
      explanation,
      ...(text && { recommendation: text, text }),
    };
  });
  return { kind: 'publisher', id: publisherId, name, portal, generatedAt: now.toISOString(), summary, fixes };
}

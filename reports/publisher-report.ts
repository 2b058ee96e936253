/**
 * The report card of one publisher (institution) within a portal: the key figures, then what to
 * fix first — the lost points grouped by (indicator, code), "37 datasets have no licence (+20 points
 * each)", most points to gain first (QUALITY.md, "Explanations and recommendations").
 */
import { Aggregator, type Aggregate, type LostPoints } from './aggregate.js';
import { publisherKey } from './publisher-key.js';
import { NotFoundError } from '../src/errors.js';
import { recommendationFor } from '../src/quality/explanations.js';
import type { IndicatorId } from '../src/quality/types.js';
import type { Store, PortalRecord } from '../src/store/store.js';

export interface LocalizedText {
  es: string;
  en: string;
}

/**
 * The recommendation for an explanation code, Spanish and English; undefined when there is none.
 * The shape of `recommendationFor` in src/quality/explanations.ts, the default.
 */
export type Recommend = (code: string, indicator?: IndicatorId) => LocalizedText | undefined;

/** One thing to fix: every dataset that lost points for the same (indicator, code). */
export interface FixGroup extends LostPoints {
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
  /** Fills `FixGroup.text`; default `recommendationFor` (src/quality/explanations.ts). */
  recommend?: Recommend;
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
  for await (const batch of store.datasets.scanScores({ portalId })) {
    for (const item of batch) {
      if (publisherKey(item.dataset) !== publisherId) continue;
      name ??= item.dataset.publisher?.name;
      agg.add(item);
    }
  }
  if (name === undefined) throw new NotFoundError(`Publisher '${publisherId}'`);
  const summary = agg.result();
  const recommend = options.recommend ?? recommendationFor;
  const fixes = agg.lostPoints().map((lost): FixGroup => {
    const text = recommend(lost.code, lost.indicator);
    return {
      ...lost,
      meanGain: Math.round((lost.totalGain / summary.datasets) * 100) / 100,
      actionable: !WAITING_ON_CHECKS.has(lost.code),
      ...(text && { text }),
    };
  });
  return { kind: 'publisher', id: publisherId, name, portal, generatedAt: now.toISOString(), summary, fixes };
}

/**
 * One link-check pass over a portal (QUALITY.md, link checks): the URLs of its active datasets'
 * distributions that were never checked or are due, checked politely and stored chunk by chunk
 * (a stopped pass keeps what it checked), then every dataset of the portal scored again with
 * the checks, which feed A1, A3 and the observed-change input of freshness.
 */
import { checkLinks, isDue } from './check-links.js';
import { score } from '../quality/score.js';
import { linkUrls } from '../harvest/process-page.js';
import type { LinkCheckOptions } from './options.js';
import type { LinkStatus, LinkTarget } from './types.js';
import type { Store } from '../store/store.js';

export interface LinkPassResult {
  portalId: string;
  /** Distinct URLs the portal's datasets link to. */
  urls: number;
  /** How many of them were checked now (never checked, or due). */
  checked: number;
  /** The status of every URL after the pass, checked now or before. */
  statuses: Record<LinkStatus | 'not_checked', number>;
  /** Datasets scored again. */
  rescored: number;
}

export interface LinkPassOptions extends LinkCheckOptions {
  now: () => Date;
  /** Called after each checked link. */
  onProgress?: (done: number, total: number) => void;
}

/** Checks stored per write: small enough that a stopped pass loses little. */
const CHUNK = 100;

export async function checkPortalLinks(store: Store, portal: { id: string; url: string }, options: LinkPassOptions): Promise<LinkPassResult> {
  const targets = await linkTargets(store, portal.id);
  const urls = targets.map((t) => t.url);
  const previous = await store.links.get(urls);
  const due = targets.filter((t) => isDue(previous.get(t.url), options.now()));
  // The portal's own host is fetched even when private (invariant 7): an intranet portal's files live there.
  const allowHosts = [new URL(portal.url).hostname, ...(options.allowHosts ?? [])];
  for (let start = 0; start < due.length; start += CHUNK) {
    const chunk = due.slice(start, start + CHUNK);
    const progress = options.onProgress && ((done: number) => options.onProgress!(start + done, due.length));
    await store.links.put(await checkLinks(chunk, previous, { ...options, allowHosts }, progress));
  }
  const after = await store.links.get(urls);
  const statuses: LinkPassResult['statuses'] = { ok: 0, broken: 0, unknown: 0, refused: 0, not_checked: 0 };
  for (const url of urls) statuses[after.get(url)?.status ?? 'not_checked'] += 1;
  const rescored = await rescoreWithLinks(store, portal.id, options.now());
  return { portalId: portal.id, urls: urls.length, checked: due.length, statuses, rescored };
}

/** Every distinct URL of the portal's active datasets, with the format its distribution declares. */
async function linkTargets(store: Store, portalId: string): Promise<LinkTarget[]> {
  const targets = new Map<string, LinkTarget>();
  for await (const batch of store.datasets.scan({ portalId })) {
    for (const { dataset } of batch) {
      for (const d of dataset.distributions) {
        for (const url of [d.accessURL, d.downloadURL]) {
          if (url && !targets.has(url)) targets.set(url, { url, ...(d.format?.code && { format: d.format.code }) });
        }
      }
    }
  }
  return [...targets.values()];
}

/**
 * Scores every active dataset of the portal again, also when no link was due: freshness depends on
 * `now`, and this pass (every 6 h) is what keeps stored scores current between harvests.
 */
async function rescoreWithLinks(store: Store, portalId: string, now: Date): Promise<number> {
  let rescored = 0;
  for await (const batch of store.datasets.scan({ portalId })) {
    const links = await store.links.get(linkUrls(batch));
    await store.datasets.updateQuality(batch.map(({ dataset }) => ({ id: dataset.id, quality: score(dataset, links, now) })));
    rescored += batch.length;
  }
  return rescored;
}

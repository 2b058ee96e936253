/**
 * One page through the stages: records whose source is what it was are only marked seen; the
 * others go through map (the harvester's toDcat) → normalize → score. A record that fails any
 * stage becomes a RecordFailure; the rest of the page goes on.
 */
import { normalize } from '../normalize/index.js';
import { score } from '../quality/score.js';
import { messageOf, isCosechaError } from '../errors.js';
import type { Harvester, RawPage } from './types.js';
import type { PortalConfig } from '../config-types.js';
import type { DatasetWrite, RecordFailure } from '../store/store.js';
import type { LinkChecks } from '../links/types.js';
import type { Dataset } from '../dcat/types.js';

export interface PageInput {
  harvester: Harvester;
  portal: PortalConfig;
  page: RawPage;
  runId: string;
  harvestedAt: string;
  /** The source hash of a record (harvest/source-hash.ts). */
  sourceHash: (raw: unknown) => string;
}

/** A page ready to store, the records that failed a stage, and how many were found unchanged. */
export interface ProcessedPage {
  writes: DatasetWrite[];
  failures: RecordFailure[];
  /** Records whose source was what it was: marked seen, not mapped again. */
  unchanged: number;
}

/** What a page reads and marks in the store. */
export interface PageStore {
  /** The stored link checks of some URLs. */
  links: (urls: string[]) => Promise<LinkChecks>;
  /** Marks seen the stored datasets whose source hash is one of these; returns those found. */
  touchUnchanged: (sourceHashes: string[]) => Promise<Set<string>>;
}

const NO_LINKS: LinkChecks = new Map();

/** Every stage of one page: skip the unchanged, map, normalize, read the link checks, score. */
export async function processPage(input: PageInput, store: PageStore, now: Date): Promise<ProcessedPage> {
  const hashes = input.page.records.map(input.sourceHash);
  const found = await store.touchUnchanged([...new Set(hashes)]);
  const fresh: { raw: unknown; sourceHash: string }[] = [];
  input.page.records.forEach((raw, i) => found.has(hashes[i]) || fresh.push({ raw, sourceHash: hashes[i] }));
  const { datasets, failures } = mapPage(input, fresh);
  const urls = linkUrls(datasets);
  const links = urls.length === 0 ? NO_LINKS : await store.links(urls);
  return { writes: scorePage(datasets, links, now), failures, unchanged: hashes.length - fresh.length };
}

export interface MappedPage {
  datasets: { dataset: Dataset; raw: unknown; sourceHash?: string }[];
  failures: RecordFailure[];
}

/** Maps and normalizes records of a page (by default all); duplicates within the page keep the first. */
export function mapPage(
  { harvester, portal, page, runId, harvestedAt }: Omit<PageInput, 'sourceHash'>,
  records: { raw: unknown; sourceHash?: string }[] = page.records.map((raw) => ({ raw })),
): MappedPage {
  const datasets: MappedPage['datasets'] = [];
  const failures: RecordFailure[] = [];
  const ids = new Set<string>();
  for (const { raw, sourceHash } of records) {
    let sourceId: string | undefined;
    let stage = 'map';
    try {
      sourceId = harvester.sourceId(raw);
      const draft = harvester.toDcat(raw, portal);
      stage = 'normalize';
      const dataset = normalize(draft, { portalId: portal.id, harvestedAt, runId, sourceUrl: page.url });
      if (ids.has(dataset.id)) continue;
      ids.add(dataset.id);
      datasets.push({ dataset, raw, sourceHash });
    } catch (error) {
      failures.push({
        sourceId,
        url: page.url,
        stage,
        code: isCosechaError(error) ? error.code : 'unexpected',
        message: messageOf(error),
      });
    }
  }
  return { datasets, failures };
}

/** Every URL whose link check scoring reads. */
export function linkUrls(datasets: readonly { dataset: Dataset }[]): string[] {
  const urls = new Set<string>();
  for (const { dataset } of datasets) {
    for (const d of dataset.distributions) {
      if (d.accessURL) urls.add(d.accessURL);
      if (d.downloadURL) urls.add(d.downloadURL);
    }
  }
  return [...urls];
}

/** Scores mapped datasets against the stored link checks. */
export function scorePage(datasets: MappedPage['datasets'], links: LinkChecks, now: Date): DatasetWrite[] {
  return datasets.map(({ dataset, raw, sourceHash }) => ({ dataset, raw, sourceHash, quality: score(dataset, links, now) }));
}

/**
 * One page through the pure stages: map (the harvester's toDcat) → normalize → score.
 * A record that fails any stage becomes a RecordFailure; the rest of the page goes on.
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
}

/** A page ready to store, and the records that failed a stage. */
export interface ProcessedPage {
  writes: DatasetWrite[];
  failures: RecordFailure[];
}

/** The stored link checks of some URLs. */
export type LinkLookup = (urls: string[]) => Promise<LinkChecks>;

const NO_LINKS: LinkChecks = new Map();

/** Every stage of one page: map, normalize, read the link checks, score. */
export async function processPage(input: PageInput, lookup: LinkLookup, now: Date): Promise<ProcessedPage> {
  const { datasets, failures } = mapPage(input);
  const urls = linkUrls(datasets);
  const links = urls.length === 0 ? NO_LINKS : await lookup(urls);
  return { writes: scorePage(datasets, links, now), failures };
}

export interface MappedPage {
  datasets: { dataset: Dataset; raw: unknown }[];
  failures: RecordFailure[];
}

/** Maps and normalizes every record of a page; duplicates within the page keep the first. */
export function mapPage({ harvester, portal, page, runId, harvestedAt }: PageInput): MappedPage {
  const datasets: MappedPage['datasets'] = [];
  const failures: RecordFailure[] = [];
  const ids = new Set<string>();
  for (const raw of page.records) {
    let sourceId: string | undefined;
    let stage = 'map';
    try {
      sourceId = harvester.sourceId(raw);
      const draft = harvester.toDcat(raw, portal);
      stage = 'normalize';
      const dataset = normalize(draft, { portalId: portal.id, harvestedAt, runId, sourceUrl: page.url });
      if (ids.has(dataset.id)) continue;
      ids.add(dataset.id);
      datasets.push({ dataset, raw });
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
  return datasets.map(({ dataset, raw }) => ({ dataset, raw, quality: score(dataset, links, now) }));
}

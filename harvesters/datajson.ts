/**
 * DCAT-US 1.1 `data.json` harvester (HARVESTING.md, "DCAT-US 1.1 data.json"): DKAN, Junar,
 * Socrata, ArcGIS Hub, OpenDataSoft, CKAN with ckanext-dcat and Argentina's Andino. The catalog is
 * one document, or pages of it with `?page=N` (ckanext-dcat from 1, DKAN from 0). Each document
 * is read while it downloads (src/harvest/json-stream.ts): `list` yields its datasets in pages of
 * the portal's `pageSize` as they arrive, so a catalog of any size is stored batch by batch in
 * bounded memory, within the portal's `maxResponseBytes`. `toDcat` is the shared mapping of
 * harvesters/datajson-map.ts.
 *
 * Not incremental: data.json has no filter by modification time, so every run is a full listing
 * (change detection by hash makes an unchanged dataset a no-op).
 *
 * Portal options: `dataJson` (the catalog URL, when `url` is the site), `paged` (true: always ask
 * for the next page; false: never; absent: decide from the first document), `firstPage` (the
 * number of the first page when the URL names none; default 1).
 */
import { ConfigError, HarvestError } from '../src/errors.js';
import type { PortalConfig } from '../src/config-types.js';
import type { DocumentShape, StreamedBatch } from '../src/harvest/http.js';
import type { Harvester, HarvestContext, RawPage } from '../src/harvest/types.js';
import { firstSighting } from '../src/harvest/first-sighting.js';
import { isObject, text } from './values.js';
import { dataJsonSourceId, dataJsonToDcat } from './datajson-map.js';
import type { DataJsonRecord } from './datajson-types.js';

export type { DataJsonRecord, DataJsonDataset, DataJsonDistribution, DataJsonCatalog } from './datajson-types.js';
export { dataJsonToDcat, dataJsonSourceId } from './datajson-map.js';

/** Pages asked for at most: a server that pages forever fails the run instead of never ending it. */
const MAX_PAGES = 10_000;
/**
 * When the portal does not say whether its catalog is paged, a first document this small might be
 * page 1 of several, so page 2 is asked for: a server that does not page answers the same
 * document again, which ends the listing. A bigger document is taken as the whole catalog (page
 * sizes stay far below these), so big catalogs are never downloaded twice.
 */
const PROBE_MAX_DATASETS = 1000;
const PROBE_MAX_BYTES = 2_000_000;

export const datajson: Harvester<DataJsonRecord> = {
  platform: 'datajson',
  incremental: false,
  list: (ctx) => listCatalog(ctx, { url: dataJsonUrl(ctx.portal), ...pagingOptions(ctx.portal), label: 'data.json catalog', sourceId: dataJsonSourceId }),
  sourceId: dataJsonSourceId,
  toDcat: (record) => dataJsonToDcat(record),
};

export interface CatalogListOptions {
  /** The catalog document's URL. */
  url: string;
  /** true: ask for `?page=N+1` after every page; false: never; undefined: decide from the first document. */
  paged?: boolean;
  /** The number of the first page when neither the URL nor the server's redirect names one. Default 1. */
  firstPage?: number;
  /** What the document is called in messages: `data.json catalog`, `ArcGIS Hub feed`. */
  label: string;
  /** The records' ids, for the guard against datasets listed twice. */
  sourceId(record: DataJsonRecord): string | undefined;
}

/**
 * The catalog URL: the `dataJson` option, else the portal URL; a site root gets `/data.json`.
 * A URL that names a `.json` document or carries a query is used as given.
 */
export function dataJsonUrl(portal: PortalConfig): string {
  const option = portal.options.dataJson;
  const configured = typeof option === 'string' ? option : portal.url;
  if (!URL.canParse(configured)) throw new ConfigError(`The data.json URL "${configured}" of portal ${portal.id} is not a valid URL.`);
  const url = new URL(configured);
  if (/\.json$/i.test(url.pathname) || url.search) return url.toString();
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/data.json`;
  return url.toString();
}

/** The portal's `paged` and `firstPage` options, checked. */
export function pagingOptions(portal: PortalConfig): Pick<CatalogListOptions, 'paged' | 'firstPage'> {
  const { paged, firstPage } = portal.options;
  if (paged !== undefined && typeof paged !== 'boolean') {
    throw new ConfigError(`Portal ${portal.id}: option 'paged' must be true or false.`);
  }
  if (firstPage !== undefined && !(Number.isInteger(firstPage) && (firstPage as number) >= 0)) {
    throw new ConfigError(`Portal ${portal.id}: option 'firstPage' must be a non-negative integer.`);
  }
  return { paged, firstPage: firstPage as number | undefined };
}

/** What the listing needs to know of one catalog document once it is read. */
interface CatalogDocument {
  /** The final URL, after redirects. */
  url: string;
  /** Datasets in the document. */
  count: number;
  /** Their ids, one per line: a page identical to the one before ends the listing. */
  ids: string;
  /** Datasets not listed before. */
  fresh: number;
  /** Bytes of the body. */
  size: number;
}

/** Each dataset of a catalog object (and Argentina's theme labels), or of a bare list. */
const CATALOG_PATHS = { object: ['$.dataset.*', '$.themeTaxonomy'], array: ['$.*'] };

/**
 * Lists a catalog: the first document, then, when paged, `?page=N` until a page is empty, repeats
 * the one before (a server that ignores `page`, or DKAN sending the last page again), lists only
 * datasets already seen, or answers 404. A dataset listed a second time is skipped.
 */
export async function* listCatalog(ctx: HarvestContext, options: CatalogListOptions): AsyncGenerator<RawPage<DataJsonRecord>> {
  const seen = new Set<string>();
  let pageUrl: ((n: number) => string) | undefined;
  let previousIds: string | undefined;
  for (let n = 0; n < MAX_PAGES; n++) {
    ctx.signal.throwIfAborted();
    const url = pageUrl ? pageUrl(n) : options.url;
    // Past the first page, a 404 is the end of the catalog; on an unasked-for probe, any 4xx is.
    const probing = n === 1 && options.paged === undefined;
    const ends = n === 0 ? () => false : (e: HarvestError) => e.status === 404 || (probing && isClientError(e));
    const doc = yield* readDocument(ctx, url, options, { seen, previousIds }, ends);
    if (!doc || doc.count === 0 || doc.ids === previousIds || doc.fresh === 0) return;
    previousIds = doc.ids;
    pageUrl ??= pagerOf(doc, options);
    if (!pageUrl) return;
  }
  throw new HarvestError('paging_loop', `The ${options.label} at ${options.url} still had new datasets after ${MAX_PAGES} pages.`, { url: options.url });
}

/** How to name page `n` (counted from 0, the first document), or undefined when the catalog is not paged. */
function pagerOf(first: CatalogDocument, options: CatalogListOptions): ((n: number) => string) | undefined {
  const declared = pageParam(first.url) ?? pageParam(options.url);
  const small = first.count <= PROBE_MAX_DATASETS && first.size <= PROBE_MAX_BYTES;
  if (!(options.paged ?? (declared !== undefined || small))) return undefined;
  const base = declared ?? options.firstPage ?? 1;
  return (n) => {
    const url = new URL(first.url);
    url.searchParams.set('page', String(base + n));
    return url.toString();
  };
}

function pageParam(url: string): number | undefined {
  const page = new URL(url).searchParams.get('page');
  return page !== null && /^\d+$/.test(page) ? Number(page) : undefined;
}

const isClientError = (error: HarvestError) => (error.status ?? 0) >= 400 && (error.status ?? 0) < 500 && error.status !== 429;

/**
 * Reads one document while it downloads, yielding its new datasets in pages of the portal's
 * `pageSize`; returns what the listing needs of it, or undefined when `ends` says the error that
 * came instead of it marks the end of the catalog.
 */
async function* readDocument(
  ctx: HarvestContext,
  url: string,
  options: CatalogListOptions,
  { seen, previousIds }: { seen: Set<string>; previousIds?: string },
  ends: (error: HarvestError) => boolean,
): AsyncGenerator<RawPage<DataJsonRecord>, CatalogDocument | undefined> {
  const doc: CatalogDocument = { url, count: 0, ids: '', fresh: 0, size: 0 };
  const seenBefore = seen.size;
  const reader = new CatalogReader(options.label, url);
  const pageSize = Math.max(1, ctx.portal.pageSize);
  const fresh: DataJsonRecord[] = [];
  try {
    for await (const batch of ctx.http.streamJson(url, { signal: ctx.signal, paths: CATALOG_PATHS, batchSize: pageSize })) {
      doc.url = batch.url;
      doc.size = batch.bytes;
      const records = reader.take(batch);
      doc.count += records.length;
      doc.ids += records.map((record) => `${options.sourceId(record) ?? ''}\n`).join('');
      fresh.push(...records.filter((record) => firstSighting(ctx, seen, options.sourceId(record), batch.url)));
      if (fresh.length >= pageSize) yield { url: doc.url, records: fresh.splice(0, pageSize) };
    }
  } catch (error) {
    ctx.signal.throwIfAborted();
    if (!(error instanceof HarvestError) || doc.count > 0) throw error;
    if (ends(error)) {
      ctx.log.info({ url, status: error.status }, 'The catalog has no further page: the listing ends here.');
      return undefined;
    }
    if (error.code === 'too_large') {
      const advice = `A ${options.label} comes as one document: raise maxResponseBytes for portal ${ctx.portal.id} in config/portals.yaml to harvest it.`;
      throw new HarvestError('too_large', `${error.message} ${advice}`, { url: error.url ?? url, cause: error });
    }
    throw error;
  }
  reader.finish(ctx);
  doc.fresh = seen.size - seenBefore;
  // A document identical to the one before ends the listing: its records without an id are not new.
  if (fresh.length && doc.ids !== previousIds) yield { url: doc.url, records: fresh };
  return doc;
}

/**
 * Turns the values streamed from one document into records: datasets of its `dataset` list (or of
 * a bare list), each with the labels of Argentina's `themeTaxonomy` when the document declared it
 * before them, which Andino and ckanext-dcat do. A taxonomy that comes after its datasets is too
 * late for them: they keep their theme ids, and the listing says so.
 */
class CatalogReader {
  private taxonomy = new Map<string, string>();
  private shape?: DocumentShape;
  private unlabeled = 0;

  constructor(
    private readonly label: string,
    private readonly url: string,
  ) {}

  take({ values, shape }: StreamedBatch): DataJsonRecord[] {
    this.shape = shape;
    const records: DataJsonRecord[] = [];
    for (const { value, keys } of values) {
      if (keys[0] === 'themeTaxonomy') this.taxonomy = taxonomyOf(value);
      else records.push(this.record(value));
    }
    return records;
  }

  /** Checks, once the document is read, that it was a catalog: a list, or an object with a `dataset` list. */
  finish(ctx: HarvestContext): void {
    if (this.shape?.root !== 'array' && this.shape?.members.dataset !== 'array') {
      throw new HarvestError('bad_response', `The ${this.label} at ${this.url} is not a DCAT-US catalog: it has no "dataset" list.`, { url: this.url });
    }
    if (this.unlabeled > 0 && this.taxonomy.size > 0) {
      ctx.log.warn({ url: this.url, datasets: this.unlabeled }, 'The catalog declares its themeTaxonomy after its datasets: their themes keep their ids.');
    }
  }

  private record(dataset: unknown): DataJsonRecord {
    if (this.taxonomy.size === 0) {
      if (isObject(dataset) && Array.isArray(dataset.theme) && dataset.theme.length > 0) this.unlabeled += 1;
      return { dataset };
    }
    const labels = themeLabels(dataset, this.taxonomy);
    return labels ? { dataset, themeLabels: labels } : { dataset };
  }
}

/** Argentina's `themeTaxonomy`: label by theme id. */
function taxonomyOf(value: unknown): Map<string, string> {
  const taxonomy = new Map<string, string>();
  for (const theme of Array.isArray(value) ? value : []) {
    const id = isObject(theme) ? text(theme.id) : undefined;
    const label = isObject(theme) ? text(theme.label) : undefined;
    if (id && label) taxonomy.set(id, label);
  }
  return taxonomy;
}

/** The taxonomy labels of the themes a dataset names, or undefined when it names none of them. */
function themeLabels(dataset: unknown, taxonomy: Map<string, string>): Record<string, string> | undefined {
  const themes = isObject(dataset) && Array.isArray(dataset.theme) ? dataset.theme : [];
  const pairs = themes.flatMap((id) => (typeof id === 'string' && taxonomy.has(id) ? [[id, taxonomy.get(id) as string]] : []));
  return pairs.length ? Object.fromEntries(pairs) : undefined;
}


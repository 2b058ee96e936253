/**
 * DCAT-US 1.1 `data.json` harvester (HARVESTING.md, "DCAT-US 1.1 data.json"): DKAN, Junar,
 * Socrata, ArcGIS Hub, OpenDataSoft, CKAN with ckanext-dcat and Argentina's Andino. The catalog is
 * one document, or pages of it with `?page=N` (ckanext-dcat from 1, DKAN from 0). `list` yields
 * its datasets in pages of the portal's `pageSize`, so the run stores them batch by batch;
 * `toDcat` is the shared mapping of harvesters/datajson-map.ts.
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
import { parseJson, type TextResponse } from '../src/harvest/http.js';
import type { Harvester, HarvestContext, RawPage } from '../src/harvest/types.js';
import { isObject, text } from './ckan-values.js';
import { dataJsonSourceId, dataJsonToDcat } from './datajson-map.js';
import type { DataJsonCatalog, DataJsonRecord } from './datajson-types.js';

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
const PROBE_MAX_CHARS = 2_000_000;

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

/** One catalog document, read. */
interface CatalogDocument {
  /** The final URL, after redirects. */
  url: string;
  records: DataJsonRecord[];
  /** Characters in the body. */
  size: number;
}

/**
 * Lists a catalog: the first document, then, when paged, `?page=N` until a page is empty, repeats
 * the one before (a server that ignores `page`, or DKAN sending the last page again), lists only
 * datasets already seen, or answers 404. A dataset listed a second time is skipped.
 */
export async function* listCatalog(ctx: HarvestContext, options: CatalogListOptions): AsyncGenerator<RawPage<DataJsonRecord>> {
  const seen = new Set<string>();
  const chunk = Math.max(1, ctx.portal.pageSize);
  let pageUrl: ((n: number) => string) | undefined;
  let previousIds: string | undefined;
  for (let n = 0; n < MAX_PAGES; n++) {
    ctx.signal.throwIfAborted();
    const url = pageUrl ? pageUrl(n) : options.url;
    // Past the first page, a 404 is the end of the catalog; on an unasked-for probe, any 4xx is.
    const probing = n === 1 && options.paged === undefined;
    const doc = await fetchDocument(ctx, url, options.label, n === 0 ? () => false : (e) => e.status === 404 || (probing && isClientError(e)));
    if (!doc || doc.records.length === 0) return;
    const ids = doc.records.map((record) => options.sourceId(record) ?? '').join('\n');
    if (ids === previousIds) return;
    previousIds = ids;
    const fresh = doc.records.filter((record) => firstSighting(ctx, seen, options.sourceId(record), doc.url));
    if (fresh.length === 0) return;
    for (let i = 0; i < fresh.length; i += chunk) yield { url: doc.url, records: fresh.slice(i, i + chunk) };
    pageUrl ??= pagerOf(doc, options);
    if (!pageUrl) return;
  }
  throw new HarvestError('paging_loop', `The ${options.label} at ${options.url} still had new datasets after ${MAX_PAGES} pages.`, { url: options.url });
}

/** How to name page `n` (counted from 0, the first document), or undefined when the catalog is not paged. */
function pagerOf(first: CatalogDocument, options: CatalogListOptions): ((n: number) => string) | undefined {
  const declared = pageParam(first.url) ?? pageParam(options.url);
  const small = first.records.length <= PROBE_MAX_DATASETS && first.size <= PROBE_MAX_CHARS;
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

/** Fetches and reads one document; undefined when `ends` says the error marks the end of the catalog. */
async function fetchDocument(ctx: HarvestContext, url: string, label: string, ends: (error: HarvestError) => boolean): Promise<CatalogDocument | undefined> {
  let response: TextResponse;
  try {
    response = await ctx.http.getText(url, { signal: ctx.signal, headers: { accept: 'application/json' } });
  } catch (error) {
    ctx.signal.throwIfAborted();
    if (!(error instanceof HarvestError)) throw error;
    if (ends(error)) {
      ctx.log.info({ url, status: error.status }, 'The catalog has no further page: the listing ends here.');
      return undefined;
    }
    if (error.code === 'too_large') {
      const advice = `A ${label} comes as one document: raise maxResponseBytes for portal ${ctx.portal.id} in config/portals.yaml to harvest it.`;
      throw new HarvestError('too_large', `${error.message} ${advice}`, { url: error.url ?? url, cause: error });
    }
    throw error;
  }
  const body = parseJson<unknown>(response);
  return { url: response.url, records: recordsOf(body, response.url, label), size: response.body.length };
}

/** The datasets of a document: a catalog's `dataset` list, or a bare list of datasets. */
function recordsOf(body: unknown, url: string, label: string): DataJsonRecord[] {
  if (Array.isArray(body)) return body.map((dataset) => ({ dataset }));
  const catalog = body as DataJsonCatalog;
  if (!isObject(catalog) || !Array.isArray(catalog.dataset)) {
    throw new HarvestError('bad_response', `The ${label} at ${url} is not a DCAT-US catalog: it has no "dataset" list.`, { url });
  }
  const taxonomy = taxonomyOf(catalog.themeTaxonomy);
  return catalog.dataset.map((dataset) => {
    const labels = taxonomy.size ? themeLabels(dataset, taxonomy) : undefined;
    return labels ? { dataset, themeLabels: labels } : { dataset };
  });
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

/** False (and logged) for a record whose id an earlier record of this listing already had. */
function firstSighting(ctx: HarvestContext, seen: Set<string>, id: string | undefined, url: string): boolean {
  if (id === undefined) return true; // toDcat reports it as a bad record
  if (seen.has(id)) {
    ctx.log.warn({ id, url }, 'Skipped a dataset whose id was already listed.');
    return false;
  }
  seen.add(id);
  return true;
}

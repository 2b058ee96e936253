/**
 * The Socrata harvester's fallback: a portal's `/data.json` (DCAT-US 1.1, one document), read when
 * the Discovery API is not available. Its records are the bare datasets, mapped by the shared
 * data.json mapping (socrata-datajson-map.ts); the reading stays here because it keeps Socrata's
 * four-by-four ids and leaves out the datasets of other domains.
 */
import { HarvestError } from '../src/errors.js';
import type { HarvestContext, RawPage } from '../src/harvest/types.js';
import type { SocrataSite } from './socrata-api.js';
import type { DataJsonDataset } from './socrata-types.js';
import { isObject, text } from './values.js';

// Socrata's data.json names a dataset `https://<domain>/api/views/<id>`, its page `https://<domain>/d/<id>`.
const VIEW_URL = /^https?:\/\/([^/]+)\/(?:api\/views|d)\/([a-z0-9]{4}-[a-z0-9]{4})(?:[/?#]|$)/i;

/** The four-by-four id of a data.json dataset (the id the Discovery API gives), else its identifier. */
export function dataJsonId(dataset: DataJsonDataset): string | undefined {
  if (!isObject(dataset)) return undefined;
  const identifier = text(dataset.identifier);
  const view = VIEW_URL.exec(identifier ?? '') ?? VIEW_URL.exec(text(dataset.landingPage) ?? '');
  return view ? view[2].toLowerCase() : identifier;
}

/** The domain a Socrata data.json dataset belongs to, read from its identifier or landing page. */
function datasetDomain(dataset: DataJsonDataset): string | undefined {
  const view = VIEW_URL.exec(text(dataset.identifier) ?? '') ?? VIEW_URL.exec(text(dataset.landingPage) ?? '');
  return view?.[1].toLowerCase();
}

/**
 * Reads the whole document (it is one response, capped in size by the HTTP client) and yields it
 * in pages of `pageSize` so the driver stores it in batches. Datasets of another domain and ids
 * already seen are skipped, as in the Discovery listing.
 */
export async function* listDataJson(ctx: HarvestContext, site: SocrataSite): AsyncGenerator<RawPage<DataJsonDataset>> {
  const url = site.dataJson;
  let body: unknown;
  try {
    body = (await ctx.http.getJson(url, { headers: site.headers, signal: ctx.signal })).body;
  } catch (error) {
    ctx.signal.throwIfAborted();
    throw error;
  }
  const datasets = Array.isArray(body) ? body : isObject(body) ? body.dataset : undefined;
  if (!Array.isArray(datasets)) {
    throw new HarvestError('bad_response', `The data.json document has no "dataset" list at ${url}.`, { url });
  }
  const seen = new Set<string>();
  let federated = 0;
  const keep = (dataset: unknown): boolean => {
    const domain = isObject(dataset) ? datasetDomain(dataset) : undefined;
    if (domain && domain !== site.domain) {
      federated++;
      return false;
    }
    const id = dataJsonId(dataset as DataJsonDataset);
    if (id === undefined) return true; // the mapping reports it as a bad record
    if (seen.has(id)) {
      ctx.log.warn({ id, url }, 'Skipped a dataset whose id was already listed.');
      return false;
    }
    seen.add(id);
    return true;
  };
  const size = Math.max(1, ctx.portal.pageSize);
  for (let start = 0; start < datasets.length; start += size) {
    ctx.signal.throwIfAborted();
    const records = (datasets.slice(start, start + size) as unknown[]).filter(keep) as DataJsonDataset[];
    if (records.length) yield { url, records };
  }
  if (federated) ctx.log.info({ federated, url }, 'Skipped the datasets of other domains listed in data.json.');
}

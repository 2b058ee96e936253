/**
 * ArcGIS Hub's DCAT-AP 2.1.1 feed (`/api/feed/dcat-ap/2.1.1.json`): one JSON-LD document whose
 * `@context` declares its prefixes inline. It is read as RDF by the DCAT harvester (dcat.ts:
 * parseRdf, readCatalogPage, toDcat), so Cosecha has one JSON-LD mapping; only what Hub writes
 * its own way is adjusted here, as for its DCAT-US feed (arcgis-values.ts):
 * - the licence is a literal, often an HTML fragment, read as hubLicense reads it;
 * - the identifier is a Hub URL: the item and layer it names are the source id, so a dataset
 *   keeps its id whichever feed the portal is configured with;
 * - the spatial coverage is often a bare `W,S,E,N` literal, read as the DCAT-US feed's;
 * - the dataset's `@id` is its landing page, and Esri's template may write no dcat:landingPage;
 * - Esri's published DCAT-AP example writes the access URL as `dcat:accessUrl`, which DCAT lacks.
 */
import type { PortalConfig } from '../src/config-types.js';
import type { DatasetDraft } from '../src/dcat/types.js';
import type { HarvestContext, RawPage } from '../src/harvest/types.js';
import { hubItemKey, hubLicense } from './arcgis-values.js';
import { spatialOf } from './datajson-values.js';
import { dcat } from './dcat.js';
import { identifierOf } from './dcat-fields.js';
import { toDcat } from './dcat-map.js';
import { isLiteral, isNode, type RdfNode, type RdfValue } from './dcat-terms.js';
import { isHttpUrl, valuesOf } from './dcat-values.js';

/** Where every Hub site serves its DCAT-AP 2.1.1 feed. */
export const HUB_DCAT_AP_FEED = '/api/feed/dcat-ap/2.1.1.json';

/**
 * A dataset of the DCAT-AP feed as listed and stored: its subgraph (dcat-terms.ts), tagged with
 * the feed so that `cosecha rescore` maps it with this mapping. Records of the DCAT-US feed keep
 * their untagged data.json shape, so records stored before this feed was read stay readable.
 */
export interface HubDcatApRecord {
  feed: 'dcat-ap';
  node: RdfNode;
}

export function isDcatApRecord(record: unknown): record is HubDcatApRecord {
  return typeof record === 'object' && record !== null && (record as { feed?: unknown }).feed === 'dcat-ap';
}

/**
 * The feed's datasets through the DCAT listing (its errors name the URL), in pages of the
 * portal's `pageSize` so that the run stores them batch by batch, as the DCAT-US feed's.
 */
export async function* listDcatApFeed(ctx: HarvestContext, url: string): AsyncGenerator<RawPage<HubDcatApRecord>> {
  const size = Math.max(1, ctx.portal.pageSize);
  for await (const page of dcat.list({ ...ctx, portal: { ...ctx.portal, url } })) {
    const records = page.records.map((node): HubDcatApRecord => ({ feed: 'dcat-ap', node }));
    for (let i = 0; i < records.length; i += size) yield { url: page.url, records: records.slice(i, i + size) };
  }
}

/**
 * The item key of the dataset's dct:identifier, else of its `@id`; without one, the identifier
 * itself, else the `@id`. The DCAT-US feed writes the same identifier, hence the same id.
 */
export function dcatApSourceId(record: HubDcatApRecord): string | undefined {
  if (!isNode(record.node)) return undefined;
  const declared = [identifierOf(record.node), record.node['@id']].filter((id): id is string => Boolean(id));
  return declared.map(hubItemKey).find(Boolean) ?? declared[0];
}

/** The DCAT mapping of the dataset, with Hub's source id, licence, bounding box and landing page. */
export function dcatApToDcat(record: HubDcatApRecord, portal: PortalConfig): DatasetDraft {
  const dataset = isNode(record.node) ? withAccessUrls(record.node) : record.node;
  const draft = toDcat(dataset, portal);
  const [license] = valuesOf(dataset, 'dct:license');
  const [spatial] = valuesOf(dataset, 'dct:spatial');
  const id = dataset['@id'];
  return {
    ...draft,
    sourceId: dcatApSourceId(record) ?? draft.sourceId,
    license: (isLiteral(license) ? hubLicense(license['@value']) : undefined) ?? draft.license,
    spatial: isLiteral(spatial) ? spatialOf(spatial['@value']) : draft.spatial,
    landingPage: draft.landingPage ?? (isHttpUrl(id) ? id : undefined),
  };
}

/** The dataset with each distribution's `dcat:accessUrl` read as the dcat:accessURL it stands for. */
function withAccessUrls(dataset: RdfNode): RdfNode {
  const fixed = (d: RdfValue): RdfValue => (isNode(d) && d['dcat:accessUrl'] && !d['dcat:accessURL'] ? { ...d, 'dcat:accessURL': d['dcat:accessUrl'] } : d);
  return { ...dataset, 'dcat:distribution': valuesOf(dataset, 'dcat:distribution').map(fixed) };
}

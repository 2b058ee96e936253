/**
 * ArcGIS Hub harvester (HARVESTING.md, "ArcGIS Hub feeds"). Every Hub site publishes its catalog
 * as a DCAT-US 1.1 feed at `/api/feed/dcat-us/1.1.json` and as a DCAT-AP 2.1.1 feed at
 * `/api/feed/dcat-ap/2.1.1.json` (see hubFeed for which one a portal is read through).
 *
 * The DCAT-US feed is listed like any data.json catalog (harvesters/datajson.ts) and mapped by the
 * same mapping, with Hub's quirks: the licence is often an HTML fragment (its text, its link's URL
 * and words are kept) and the identifiers are Hub URLs (the ArcGIS item and layer they name becomes
 * the source id). The bare `W,S,E,N` bounding box of `spatial` is read by the shared mapping.
 *
 * The DCAT-AP feed is JSON-LD, read as RDF by the DCAT harvester with the same quirks on top
 * (arcgis-dcat-ap.ts); its records are tagged `feed: 'dcat-ap'` so that one mapping can tell them
 * from the DCAT-US records, stored untagged as they always were. A dataset gets the same source id
 * through either feed, so switching a portal's URL from one to the other keeps its datasets.
 *
 * Not incremental: the feeds have no filter by modification time.
 */
import { ConfigError } from '../src/errors.js';
import type { PortalConfig } from '../src/config-types.js';
import type { Harvester, HarvestContext, RawPage } from '../src/harvest/types.js';
import { hubLicense, hubSourceId } from './arcgis-values.js';
import { dcatApSourceId, dcatApToDcat, HUB_DCAT_AP_FEED, isDcatApRecord, listDcatApFeed, type HubDcatApRecord } from './arcgis-dcat-ap.js';
import { listCatalog, pagingOptions } from './datajson.js';
import { dataJsonToDcat } from './datajson-map.js';
import type { DataJsonRecord } from './datajson-types.js';

export { hubItemKey, hubLicense, hubSourceId } from './arcgis-values.js';
export { HUB_DCAT_AP_FEED, type HubDcatApRecord } from './arcgis-dcat-ap.js';

/** Where every Hub site serves its DCAT-US 1.1 feed. */
export const HUB_DCAT_US_FEED = '/api/feed/dcat-us/1.1.json';

/** One record of either feed: a data.json record (DCAT-US) or a tagged RDF node (DCAT-AP). */
export type HubRecord = DataJsonRecord | HubDcatApRecord;

const HUB_MAPPING = { sourceId: hubSourceId, license: hubLicense };

export const arcgis: Harvester<HubRecord> = {
  platform: 'arcgis',
  incremental: false,
  list: listFeed,
  sourceId: (record) => (isDcatApRecord(record) ? dcatApSourceId(record) : hubSourceId(record)),
  toDcat: (record, portal) => (isDcatApRecord(record) ? dcatApToDcat(record, portal) : dataJsonToDcat(record, HUB_MAPPING)),
};

function listFeed(ctx: HarvestContext): AsyncIterable<RawPage<HubRecord>> {
  const { feed, url } = hubFeed(ctx.portal);
  if (feed === 'dcat-ap') return listDcatApFeed(ctx, url);
  return listCatalog(ctx, { url, ...pagingOptions(ctx.portal), label: 'ArcGIS Hub feed', sourceId: hubSourceId });
}

/** A Hub feed to read: which one, and its URL. */
export interface HubFeed {
  feed: 'dcat-us' | 'dcat-ap';
  url: string;
}

/** The DCAT-AP feed's path, with or without `.json` (Hub answers both). */
const DCAT_AP_PATHS = [HUB_DCAT_AP_FEED, HUB_DCAT_AP_FEED.replace(/\.json$/, '')];

/**
 * The feed a portal is read through: the configured URL when it is the DCAT-AP 2.1.1 or the
 * DCAT-US feed (its query kept), else the DCAT-US feed at the site's root (a site URL, a page of
 * the site, a feed of another format or version).
 */
export function hubFeed(portal: PortalConfig): HubFeed {
  if (!URL.canParse(portal.url)) throw new ConfigError(`The ArcGIS Hub URL "${portal.url}" of portal ${portal.id} is not a valid URL.`);
  const url = new URL(portal.url);
  const path = url.pathname.replace(/\/+$/, '');
  if (DCAT_AP_PATHS.some((feed) => path.endsWith(feed))) return { feed: 'dcat-ap', url: url.toString() };
  if (path.endsWith(HUB_DCAT_US_FEED)) return { feed: 'dcat-us', url: url.toString() };
  return { feed: 'dcat-us', url: `${url.origin}${HUB_DCAT_US_FEED}` };
}

/**
 * ArcGIS Hub harvester (HARVESTING.md, "ArcGIS Hub feeds"). A Hub site publishes its catalog as a
 * DCAT-US 1.1 feed at `/api/feed/dcat-us/1.1.json`; it is listed like any data.json catalog
 * (harvesters/datajson.ts) and mapped by the same mapping, with Hub's quirks: the licence is often
 * an HTML fragment (its text, its link's URL and words are kept) and the identifiers are Hub URLs
 * (the ArcGIS item and layer they name becomes the source id). The bare `W,S,E,N` bounding box of
 * `spatial` is read by the shared mapping.
 *
 * The DCAT-AP 2.1.1 feed (`/api/feed/dcat-ap/2.1.1.json`) is not read: a portal configured with it
 * is harvested through the DCAT-US feed of the same site, which every Hub site serves.
 *
 * Not incremental: the feed has no filter by modification time.
 */
import { ConfigError } from '../src/errors.js';
import type { PortalConfig } from '../src/config-types.js';
import type { Harvester } from '../src/harvest/types.js';
import { hubLicense, hubSourceId } from './arcgis-values.js';
import { listCatalog, pagingOptions } from './datajson.js';
import { dataJsonToDcat } from './datajson-map.js';
import type { DataJsonRecord } from './datajson-types.js';

export { hubItemKey, hubLicense, hubSourceId } from './arcgis-values.js';

/** Where every Hub site serves its DCAT-US 1.1 feed. */
export const HUB_DCAT_US_FEED = '/api/feed/dcat-us/1.1.json';

const HUB_MAPPING = { sourceId: hubSourceId, license: hubLicense };

export const arcgis: Harvester<DataJsonRecord> = {
  platform: 'arcgis',
  incremental: false,
  list: (ctx) => listCatalog(ctx, { url: hubFeedUrl(ctx.portal), ...pagingOptions(ctx.portal), label: 'ArcGIS Hub feed', sourceId: hubSourceId }),
  sourceId: hubSourceId,
  toDcat: (record) => dataJsonToDcat(record, HUB_MAPPING),
};

/**
 * The DCAT-US feed of the portal's Hub site: the configured URL when it is that feed (its query
 * kept), else the feed at the site's root (a site URL, a page of the site, the DCAT-AP feed).
 */
export function hubFeedUrl(portal: PortalConfig): string {
  if (!URL.canParse(portal.url)) throw new ConfigError(`The ArcGIS Hub URL "${portal.url}" of portal ${portal.id} is not a valid URL.`);
  const url = new URL(portal.url);
  if (url.pathname.replace(/\/+$/, '').endsWith(HUB_DCAT_US_FEED)) return url.toString();
  return `${url.origin}${HUB_DCAT_US_FEED}`;
}

/**
 * Where a portal's CSW endpoint lives and where a record's page is. Operators configure a
 * CSW endpoint (`…/geonetwork/srv/spa/csw`, `…/catalogue/csw`, `…/pycsw/csw.py`), sometimes with
 * a GetCapabilities query, or a GeoNetwork root (`…/geonetwork`, `…/geonetwork/srv/spa`).
 */
import { ConfigError } from '../src/errors.js';

/** The ISO 19139 namespace: the `outputSchema` asked for. */
export const GMD_NAMESPACE = 'http://www.isotc211.org/2005/gmd';

export interface CswSite {
  /** The endpoint GetRecords is sent to, without a query: `https://ide.gob.gt/geonetwork/srv/spa/csw`. */
  endpoint: string;
  /** The GeoNetwork root (`https://ide.gob.gt/geonetwork`) when the URL looks like GeoNetwork. */
  geonetwork?: string;
}

// `/geonetwork`, `/srv`, `/srv/spa`, `/srv/spa/csw`, `/srv/spa/catalog.search`, `/srv/api/…` and the like.
const GEONETWORK = /^(.*?)\/srv(?:\/[^/]+)*\/?$/;

export function cswSite(portalUrl: string): CswSite {
  if (!URL.canParse(portalUrl)) throw new ConfigError(`The portal URL "${portalUrl}" is not a valid URL.`);
  const url = new URL(portalUrl);
  const pathname = url.pathname.replace(/\/+$/, '');
  const srv = GEONETWORK.exec(pathname);
  const geonetworkPath = srv ? srv[1] : /\/geonetwork$/i.test(pathname) ? pathname : undefined;
  const geonetwork = geonetworkPath === undefined ? undefined : `${url.origin}${geonetworkPath}`;
  const endpoint = /csw/i.test(pathname) || geonetwork === undefined ? `${url.origin}${pathname}` : `${geonetwork}/srv/spa/csw`;
  return { endpoint, geonetwork };
}

/**
 * The record's page for people: GeoNetwork's record view when the portal is a GeoNetwork,
 * otherwise the record itself (`GetRecordById`, ISO 19139), the one address every CSW server has.
 */
export function recordPage(portalUrl: string, fileIdentifier: string): string {
  const site = cswSite(portalUrl);
  const id = encodeURIComponent(fileIdentifier);
  if (site.geonetwork) return `${site.geonetwork}/srv/spa/catalog.search#/metadata/${id}`;
  const url = new URL(site.endpoint);
  url.search = new URLSearchParams({
    service: 'CSW',
    version: '2.0.2',
    request: 'GetRecordById',
    id: fileIdentifier,
    outputSchema: GMD_NAMESPACE,
    elementSetName: 'full',
  }).toString();
  return url.toString();
}

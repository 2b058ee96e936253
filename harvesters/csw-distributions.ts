/**
 * ISO 19139 online resources → DCAT distributions. Every `CI_OnlineResource` of the record's
 * `distributionInfo` (transfer options and distributors' transfer options) is one distribution:
 * `linkage` the access URL, `name` the title, `description` the description. The format is what
 * the source says: the protocol for services and links (`OGC:WMS`, `WWW:LINK-1.0-http--link`),
 * the declared `distributionFormat` for downloads (the one that fits the file when there are
 * several), else the protocol; normalization reads the file extension when nothing fits.
 */
import type { Distribution } from '../src/dcat/types.js';
import { formatFromName, formatFromUrl } from '../src/dcat/vocabularies/format-lookup.js';
import { codeOf, kids, path, textAt, textsAt, type XmlNode } from './csw-xml.js';

// A URL whose path ends in one of these names a file to download, not a service or a web page.
const FILE_EXTENSION = /\.(csv|tsv|txt|json|geojson|xml|gml|xls|xlsx|ods|pdf|doc|docx|zip|gz|7z|rar|kml|kmz|shp|gpkg|dbf|tif|tiff|geotiff|ecw|jp2|png|jpg|jpeg|las|laz)$/i;

/** `rights` is the record's rights statement, repeated on each distribution as DCAT-AP places it. */
export function distributionsOf(md: XmlNode, rights: string | undefined): Distribution[] {
  const info = path(md, 'distributionInfo', 'MD_Distribution');
  const distributors = path(info, 'distributor', 'MD_Distributor');
  const formats = [...new Set([...textsAt(info, 'distributionFormat', 'MD_Format', 'name'), ...textsAt(distributors, 'distributorFormat', 'MD_Format', 'name')])];
  const resources = [
    ...path(info, 'transferOptions', 'MD_DigitalTransferOptions', 'onLine', 'CI_OnlineResource'),
    ...path(distributors, 'distributorTransferOptions', 'MD_DigitalTransferOptions', 'onLine', 'CI_OnlineResource'),
  ];
  const ids = new Set<string>();
  const out: Distribution[] = [];
  for (const resource of resources) {
    const url = textAt(resource, 'linkage');
    if (!url) continue; // a resource without an address leads nowhere
    const name = textAt(resource, 'name');
    const protocol = textAt(resource, 'protocol');
    const download = isDownload(url, protocol, codeOf(kids(resource, 'function')[0]));
    // One service URL often serves several layers (one resource per layer): the layer keeps the ids apart.
    let id = url;
    if (ids.has(id)) id = `${url}#${name ?? out.length + 1}`;
    ids.add(id);
    const format = formatOf(url, protocol, download, formats);
    out.push({
      id,
      title: name,
      description: textAt(resource, 'description'),
      accessURL: url,
      downloadURL: download ? url : undefined,
      format: format ? { raw: format } : undefined,
      rights,
    });
  }
  return out;
}

function isDownload(url: string, protocol: string | undefined, fn: string | undefined): boolean {
  if (fn === 'download' || /download/i.test(protocol ?? '')) return true;
  if (protocol && /^(OGC|ESRI|OSGEO):|WWW:LINK/i.test(protocol)) return false;
  try {
    return FILE_EXTENSION.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

function formatOf(url: string, protocol: string | undefined, download: boolean, formats: string[]): string | undefined {
  if (!download) return protocol;
  if (formats.length === 1) return formats[0];
  // The declared format the file is, else one served as the same media type (a shapefile in a `.zip`).
  const file = formatFromUrl(url);
  if (!file) return protocol;
  const declared = formats.map((name) => ({ name, entry: formatFromName(name) }));
  const fitting = declared.find(({ entry }) => entry?.code === file.code) ?? declared.find(({ entry }) => entry?.mediaType !== undefined && entry.mediaType === file.mediaType);
  return fitting?.name ?? protocol;
}

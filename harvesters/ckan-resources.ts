/** CKAN resources → DCAT distributions, as declared (formats and media types stay raw). */
import type { Checksum, Distribution } from '../src/dcat/types.js';
import type { CkanResource } from './ckan-types.js';
import { isObject, text } from './values.js';

// A URL whose path ends in one of these names a file, not an API or a web page.
const FILE_EXTENSION =
  /\.(csv|tsv|txt|json|geojson|jsonld|xml|rdf|ttl|nt|xls|xlsx|xlsm|ods|odt|doc|docx|pdf|ppt|pptx|zip|gz|tgz|bz2|7z|rar|kml|kmz|shp|gpkg|gml|dbf|tif|tiff|png|jpg|jpeg|parquet|sav|dta|mdb|accdb)$/i;

/** Entries that are not objects are skipped: they carry nothing to map. */
export function toDistributions(resources: unknown[]): Distribution[] {
  return resources.filter(isObject).map((resource, index) => toDistribution(resource as CkanResource, index));
}

function toDistribution(res: CkanResource, index: number): Distribution {
  const url = text(res.url);
  const format = text(res.format);
  const mediaType = text(res.mimetype);
  const issued = text(res.created);
  const modified = text(res.last_modified);
  return {
    id: text(res.id) ?? url ?? `resource-${index + 1}`,
    title: text(res.name),
    description: text(res.description),
    accessURL: url,
    downloadURL: url && looksLikeFile(url, text(res.url_type)) ? url : undefined,
    format: format ? { raw: format } : undefined,
    mediaType: mediaType ? { raw: mediaType } : undefined,
    byteSize: byteSize(res.size),
    issued: issued ? { raw: issued } : undefined,
    modified: modified ? { raw: modified } : undefined,
    checksum: checksum(text(res.hash)),
  };
}

function looksLikeFile(url: string, urlType: string | undefined): boolean {
  if (urlType === 'upload') return true;
  try {
    return FILE_EXTENSION.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/** A number or a numeric string (`"245760"`, `"1.5E7"`); `"2.3 MB"` and negatives are not sizes. */
function byteSize(size: unknown): number | undefined {
  const value = typeof size === 'string' && /^\s*\d+(\.\d+)?(e\d+)?\s*$/i.test(size) ? Number(size) : size;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined;
}

const DIGEST_BY_LENGTH: Record<number, string> = { 32: 'md5', 40: 'sha1', 64: 'sha256', 128: 'sha512' };

/** `md5:…`/`sha256:…`, or a bare hex digest whose length names the algorithm. */
function checksum(hash: string | undefined): Checksum | undefined {
  if (!hash) return undefined;
  const prefixed = /^(md5|sha1|sha-?256|sha-?512):(.+)$/i.exec(hash);
  if (prefixed) return { algorithm: prefixed[1].toLowerCase().replace('-', ''), value: prefixed[2] };
  const algorithm = /^[0-9a-f]+$/i.test(hash) ? DIGEST_BY_LENGTH[hash.length] : undefined;
  return algorithm ? { algorithm, value: hash } : { value: hash };
}

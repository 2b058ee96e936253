/**
 * Indicator functions scored per distribution (the scorer keeps the best distribution and the
 * share that pass). A dataset-level licence, issue date and modification date apply to every
 * distribution, so those checks fall back to the dataset.
 */
import type { Distribution } from '../dcat/types.js';
import { type DistributionContext, type Outcome, binary, linkCheck } from './outcome.js';
import { present, presentCoded, presentDate, presentLicense, validByteSize } from './present.js';
import { isIanaMediaType } from './syntax.js';

/** EU file-type codes QUALITY.md counts as machine-readable (I5). */
export const MACHINE_READABLE: ReadonlySet<string> = new Set([
  'CSV', 'GEOJSON', 'ICS', 'JSON', 'JSON_LD', 'KML', 'KMZ', 'NETCDF', 'ODS', 'RDFA', 'RDF_N_QUADS',
  'RDF_N_TRIPLES', 'RDF_TRIG', 'RDF_TURTLE', 'RDF_XML', 'RSS', 'SHP', 'XLS', 'XLSX', 'XML',
]);

/** EU file-type codes QUALITY.md counts as non-proprietary (I4). */
export const NON_PROPRIETARY: ReadonlySet<string> = new Set([
  'BMP', 'CSV', 'DBF', 'GEOJSON', 'GZIP', 'HTML', 'ICS', 'JPEG2000', 'JSON', 'JSON_LD', 'KML', 'KMZ',
  'NETCDF', 'ODS', 'PNG', 'RDF_N_QUADS', 'RDF_N_TRIPLES', 'RDF_TRIG', 'RDF_TURTLE', 'RDF_XML', 'RSS',
  'RTF', 'TAR', 'TIFF', 'TSV', 'TXT', 'WMS_SRVC', 'XML', 'ZIP',
]);

/**
 * A1/A3: only a stored `ok` check earns points. An unchecked link scores 0 with its own code, so
 * scores improve as checks complete rather than guessing either way.
 */
function reachable(url: string | undefined, ctx: DistributionContext, max: number, pass: string, noUrl: string): Outcome {
  if (!present(url)) return { points: 0, code: noUrl };
  const check = linkCheck(ctx.links, url);
  if (check === undefined) return { points: 0, code: 'link_not_checked' };
  if (check.status === 'ok') return { points: max, code: pass };
  return { points: 0, code: LINK_FAILURE[check.status] ?? 'link_unknown' };
}

const LINK_FAILURE: Partial<Record<string, string>> = {
  broken: 'link_broken',
  refused: 'link_refused',
  unknown: 'link_unknown',
};

export const accessReachable = (d: Distribution, ctx: DistributionContext, max: number): Outcome =>
  reachable(d.accessURL, ctx, max, 'access_url_reachable', 'access_url_missing');

export const downloadGiven = (d: Distribution, _ctx: DistributionContext, max: number): Outcome =>
  binary(present(d.downloadURL), max, 'download_url_given', 'download_url_missing');

export const downloadReachable = (d: Distribution, ctx: DistributionContext, max: number): Outcome =>
  reachable(d.downloadURL, ctx, max, 'download_url_reachable', 'no_download_url_to_check');

export const formatGiven = (d: Distribution, _ctx: DistributionContext, max: number): Outcome =>
  binary(presentCoded(d.format), max, 'format_given', 'format_missing');

export const mediaTypeGiven = (d: Distribution, _ctx: DistributionContext, max: number): Outcome =>
  binary(presentCoded(d.mediaType), max, 'media_type_given', 'media_type_missing');

/** Normalization sets `format.code` only for EU file types and `mediaType.code` only for IANA types. */
export function vocabularies(d: Distribution, _ctx: DistributionContext, max: number): Outcome {
  if (!present(d.format?.code)) return { points: 0, code: 'format_not_in_vocabulary' };
  if (!isIanaMediaType(d.mediaType?.code)) return { points: 0, code: 'media_type_not_in_vocabulary' };
  return { points: max, code: 'format_and_media_type_in_vocabularies' };
}

export function nonProprietary(d: Distribution, _ctx: DistributionContext, max: number): Outcome {
  const code = d.format?.code?.trim();
  if (!present(code)) return { points: 0, code: 'format_openness_unknown' };
  return binary(NON_PROPRIETARY.has(code.toUpperCase()), max, 'format_non_proprietary', 'format_proprietary');
}

export function machineReadable(d: Distribution, _ctx: DistributionContext, max: number): Outcome {
  const code = d.format?.code?.trim();
  if (!present(code)) return { points: 0, code: 'format_machine_readability_unknown' };
  return binary(MACHINE_READABLE.has(code.toUpperCase()), max, 'format_machine_readable', 'format_not_machine_readable');
}

export const licenseGiven = (d: Distribution, ctx: DistributionContext, max: number): Outcome =>
  binary(presentLicense(d.license) || presentLicense(ctx.dataset.license), max, 'license_given', 'license_missing');

export const licenseKnown = (d: Distribution, ctx: DistributionContext, max: number): Outcome =>
  binary(present(d.license?.id) || present(ctx.dataset.license?.id), max, 'license_known', 'license_not_recognized');

export const rightsGiven = (d: Distribution, _ctx: DistributionContext, max: number): Outcome =>
  binary(present(d.rights), max, 'rights_given', 'rights_missing');

export function byteSizeGiven(d: Distribution, _ctx: DistributionContext, max: number): Outcome {
  if (d.byteSize == null) return { points: 0, code: 'byte_size_missing' };
  return binary(validByteSize(d.byteSize), max, 'byte_size_given', 'byte_size_invalid');
}

export const issuedGiven = (d: Distribution, ctx: DistributionContext, max: number): Outcome =>
  binary(presentDate(d.issued) || presentDate(ctx.dataset.issued), max, 'issued_given', 'issued_missing');

export const modifiedGiven = (d: Distribution, ctx: DistributionContext, max: number): Outcome =>
  binary(presentDate(d.modified) || presentDate(ctx.dataset.modified), max, 'modified_given', 'modified_missing');

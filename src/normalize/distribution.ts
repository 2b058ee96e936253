/**
 * One distribution normalized: clean text, formats and media types from the vocabularies,
 * licence and dates read, placeholders dropped.
 */
import type { Checksum, Distribution } from '../dcat/types.js';
import { compact, date, identifier, line, paragraphs, url } from './fields.js';
import { normalizeFormat } from './format.js';
import { normalizeLicense } from './license.js';
import { present } from './text.js';

function byteSize(n: unknown): number | undefined {
  const v = typeof n === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(n) ? Number(n) : n;
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.round(v) : undefined;
}

function checksum(c: Checksum | undefined): Checksum | undefined {
  if (!c || !present(c.value)) return undefined;
  return compact<Checksum>({ algorithm: line(c.algorithm)?.toLowerCase(), value: c.value.trim() });
}

/**
 * `index` names the distribution when the source gave no id and no URL, so the record still has
 * a stable id within its dataset.
 */
export function normalizeDistribution(d: Distribution, index: number): Distribution {
  const accessURL = url(d.accessURL);
  const downloadURL = url(d.downloadURL);
  const { format, mediaType } = normalizeFormat({ format: d.format, mediaType: d.mediaType, accessURL, downloadURL });
  const id = identifier(d.id) ?? downloadURL ?? accessURL ?? `distribution-${index + 1}`;
  return compact<Distribution>({
    id,
    title: line(d.title),
    description: paragraphs(d.description),
    accessURL,
    downloadURL,
    format,
    mediaType,
    byteSize: byteSize(d.byteSize),
    license: normalizeLicense(d.license),
    rights: paragraphs(d.rights),
    issued: date(d.issued),
    modified: date(d.modified),
    checksum: checksum(d.checksum),
  });
}

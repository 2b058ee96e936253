/**
 * The distributions of an OpenDataSoft dataset: the exports the API generates from its records
 * (CSV, JSON, GeoJSON when it has geographic fields, XLSX), then the files its publisher uploaded
 * (`attachments`) and the ready-made exports that replace or complete them (`alternative_exports`).
 */
import type { Distribution } from '../src/dcat/types.js';
import { idSegment, type OdsSite } from './opendatasoft-api.js';
import { isObject, text } from './values.js';
import type { OdsDataset, OdsFile } from './opendatasoft-types.js';

interface ExportFormat {
  path: string;
  format: string;
  mediaType: string;
  title: string;
}

const EXPORTS: ExportFormat[] = [
  { path: 'csv', format: 'CSV', mediaType: 'text/csv', title: 'Exportación CSV' },
  { path: 'json', format: 'JSON', mediaType: 'application/json', title: 'Exportación JSON' },
  { path: 'geojson', format: 'GeoJSON', mediaType: 'application/geo+json', title: 'Exportación GeoJSON' },
  { path: 'xlsx', format: 'XLSX', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', title: 'Exportación Excel (XLSX)' },
];

const GEO_TYPES = new Set(['geo_point_2d', 'geo_shape']);

/** Every distribution of one dataset, exports first, in a stable order. */
export function toDistributions(dataset: OdsDataset, datasetId: string, site: OdsSite): Distribution[] {
  const base = `${site.datasets}/${idSegment(datasetId)}`;
  const metas = isObject(dataset.metas) && isObject(dataset.metas.default) ? dataset.metas.default : {};
  const processed = text(metas.data_processed);
  return [
    ...(hasRecords(dataset, metas.records_count) ? exportsOf(dataset, base, processed) : []),
    ...filesOf(dataset.attachments, `${base}/attachments`, 'attachment'),
    ...filesOf(dataset.alternative_exports, `${base}/alternative_exports`, 'alternative-export'),
  ];
}

/** A dataset of attachments only (no records) exports empty files: those are not distributions. */
function hasRecords(dataset: OdsDataset, recordsCount: unknown): boolean {
  return dataset.has_records !== false && recordsCount !== 0;
}

function exportsOf(dataset: OdsDataset, base: string, processed: string | undefined): Distribution[] {
  const geo = hasGeoFields(dataset);
  return EXPORTS.filter((e) => geo || e.path !== 'geojson').map((e) => ({
    id: `export-${e.path}`,
    title: e.title,
    accessURL: `${base}/exports/${e.path}`,
    downloadURL: `${base}/exports/${e.path}`,
    format: { raw: e.format },
    mediaType: { raw: e.mediaType },
    // Exports are generated from the records as last processed.
    modified: processed ? { raw: processed } : undefined,
  }));
}

/** The `geo` feature, or a field of a geographic type. */
function hasGeoFields(dataset: OdsDataset): boolean {
  if (Array.isArray(dataset.features) && dataset.features.includes('geo')) return true;
  return Array.isArray(dataset.fields) && dataset.fields.some((field) => isObject(field) && GEO_TYPES.has(String(field.type)));
}

/**
 * Attachments and alternative exports. ODS often declares their URL as `odsfile://name.ext`, an
 * internal address: the public one is `<dataset>/attachments/<id>` (or `alternative_exports`).
 */
function filesOf(list: unknown, filesUrl: string, kind: string): Distribution[] {
  if (!Array.isArray(list)) return [];
  return list.filter(isObject).flatMap((file: OdsFile, index): Distribution[] => {
    const id = text(file.id);
    const declared = [text(file.url), text(file.href)].find((url) => url && /^https?:\/\//i.test(url));
    const url = declared ?? (id ? `${filesUrl}/${encodeURIComponent(id)}` : undefined);
    if (!url) return [];
    const mediaType = text(file.mimetype);
    return [{
      id: `${kind}-${id ?? index + 1}`,
      title: text(file.title),
      accessURL: url,
      downloadURL: url,
      format: extensionOf(text(file.title) ?? text(file.url)),
      mediaType: mediaType ? { raw: mediaType } : undefined,
    }];
  });
}

/** `Presupuesto 2024.pdf` → `{raw: 'pdf'}`: the only format a file declares is its name. */
function extensionOf(name: string | undefined): Distribution['format'] {
  const match = name ? /\.([a-z0-9]{2,8})$/i.exec(name) : null;
  return match ? { raw: match[1].toLowerCase() } : undefined;
}

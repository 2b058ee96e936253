/**
 * Reading CKAN `extras`: free key/value pairs whose keys vary by portal, case and language
 * (`frecuencia`, `Frecuencia de actualización`, `accrualPeriodicity`…). Portals built on
 * ckanext-scheming put the same fields at the top level of the package instead, so both are read;
 * an extra wins over a top-level field of the same name. Values are kept as declared (`raw`):
 * recognizing them is the normalization stage's work.
 */
import type { Coded, Spatial, Temporal } from '../src/dcat/types.js';
import type { CkanPackage } from './ckan-types.js';
import { isObject, parseJsonText, text } from './values.js';

/** Accepted keys per field, in normalized form (lower case, no accents, `_` between words). */
const KEYS = {
  identifier: ['identifier', 'dct_identifier', 'guid'],
  frequency: ['frequency', 'accrualperiodicity', 'accrual_periodicity', 'frecuencia', 'frecuencia_actualizacion', 'frecuencia_de_actualizacion', 'update_frequency', 'periodicidad'],
  spatial: ['spatial', 'cobertura_geografica', 'cobertura_espacial', 'spatial_text'],
  spatialUri: ['spatial_uri'],
  temporal: ['temporal', 'cobertura_temporal'],
  temporalStart: ['temporal_start', 'temporal_coverage_from'],
  temporalEnd: ['temporal_end', 'temporal_coverage_to'],
  language: ['language', 'idioma'],
  accessRights: ['access_rights', 'accessrights', 'nivel_acceso', 'nivel_de_acceso'],
  issued: ['issued', 'fecha_publicacion', 'fecha_de_publicacion'],
  modified: ['modified', 'fecha_actualizacion', 'fecha_de_actualizacion', 'ultima_actualizacion'],
  theme: ['theme', 'category', 'tema', 'categoria'],
  conformsTo: ['conforms_to', 'conformsto'],
  publisherUri: ['publisher_uri'],
  harvestObjectId: ['harvest_object_id'],
  harvestSourceUrl: ['harvest_source_url', 'harvest_url', 'source_url'],
} satisfies Record<string, string[]>;

/** What the extras (and scheming fields) say about a dataset. */
export interface ExtraFields {
  identifier?: string;
  accrualPeriodicity?: Coded;
  spatial?: Spatial;
  temporal?: Temporal;
  language: string[];
  accessRights?: Coded;
  issued?: string;
  modified?: string;
  themes: string[];
  conformsTo: string[];
  publisherUri?: string;
  source?: { harvestSourceUrl?: string; harvestObjectId?: string };
}

export function readExtras(pkg: CkanPackage): ExtraFields {
  const fields = customFields(pkg);
  const get = (names: string[]) => names.map((name) => fields.get(name)).find((value) => value !== undefined);
  const coded = (names: string[]): Coded | undefined => {
    const raw = get(names);
    return raw === undefined ? undefined : { raw };
  };
  const harvestObjectId = get(KEYS.harvestObjectId);
  const harvestSourceUrl = get(KEYS.harvestSourceUrl);
  return {
    identifier: get(KEYS.identifier),
    accrualPeriodicity: coded(KEYS.frequency),
    spatial: spatialOf(KEYS.spatial.map((name) => fields.get(name)), get(KEYS.spatialUri)),
    temporal: temporalOf(get(KEYS.temporal), get(KEYS.temporalStart), get(KEYS.temporalEnd)),
    language: listOf(get(KEYS.language), /[,;]/),
    accessRights: coded(KEYS.accessRights),
    issued: get(KEYS.issued),
    modified: get(KEYS.modified),
    themes: KEYS.theme.flatMap((name) => listOf(fields.get(name))),
    conformsTo: listOf(get(KEYS.conformsTo), /[,;\s]+/),
    publisherUri: get(KEYS.publisherUri),
    source: harvestObjectId || harvestSourceUrl ? { harvestSourceUrl, harvestObjectId } : undefined,
  };
}

/** `Frecuencia de actualización` → `frecuencia_de_actualizacion`. */
export function normalizeKey(key: string): string {
  if (/^[a-z0-9]+(_[a-z0-9]+)*$/.test(key)) return key; // the common case, and the hot path on big catalogs
  return key.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

/** Non-empty string values by normalized key: extras first, then top-level scalar fields. */
function customFields(pkg: CkanPackage): Map<string, string> {
  const fields = new Map<string, string>();
  const put = (key: string, value: unknown) => {
    const found = scalarText(value);
    const name = normalizeKey(key);
    if (found !== undefined && !fields.has(name)) fields.set(name, found);
  };
  for (const extra of Array.isArray(pkg.extras) ? pkg.extras : []) {
    if (isObject(extra) && typeof extra.key === 'string') put(extra.key, extra.value);
  }
  for (const [key, value] of Object.entries(pkg)) put(key, value);
  return fields;
}

/** Strings as they are (trimmed), numbers as text, lists of strings as a JSON list; nothing else. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value) && value.length && value.every((v) => typeof v === 'string')) return JSON.stringify(value);
  return text(value);
}

/** A JSON list (`["es","en"]`), or plain text split by `separator` (one item when none is given). */
function listOf(value: string | undefined, separator?: RegExp): string[] {
  if (value === undefined) return [];
  const parsed = value.startsWith('[') ? parseJsonText(value) : undefined;
  const items = Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : separator ? value.split(separator) : [value];
  return items.map((item) => item.trim()).filter(Boolean);
}

/** `2019-01-01/2019-12-31` is a start and an end; a part that is an ISO duration (`P1Y`, `R/…`) is not a date. */
function temporalOf(range: string | undefined, start: string | undefined, end: string | undefined): Temporal | undefined {
  const parts = range?.split('/') ?? [];
  const date = (part: string | undefined) => (part && !/^[PR]/.test(part.trim()) ? part.trim() : undefined);
  const from = start ?? (parts.length === 2 ? date(parts[0]) : undefined);
  const to = end ?? (parts.length === 2 ? date(parts[1]) : undefined);
  if (!range && !from && !to) return undefined;
  return { start: from ? { raw: from } : undefined, end: to ? { raw: to } : undefined, raw: range };
}

/** GeoJSON gives a bounding box; text gives a label. */
function spatialOf(values: (string | undefined)[], uri: string | undefined): Spatial | undefined {
  let bbox: Spatial['bbox'];
  let label: string | undefined;
  for (const value of values) {
    if (value === undefined) continue;
    if (/^[[{]/.test(value)) bbox ??= bboxOf(parseJsonText(value));
    else label ??= value;
  }
  return bbox || label || uri ? { label, uri, bbox } : undefined;
}

/** West, south, east, north over every position of a GeoJSON value; undefined when any is not WGS84. */
export function bboxOf(geojson: unknown): Spatial['bbox'] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  let valid = true;
  const visit = (node: unknown, depth: number): void => {
    if (depth > 8 || !valid) return;
    if (Array.isArray(node) && typeof node[0] === 'number' && typeof node[1] === 'number') {
      const [lon, lat] = node as number[];
      valid = Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
      box[0] = Math.min(box[0], lon);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lon);
      box[3] = Math.max(box[3], lat);
    } else if (Array.isArray(node)) {
      for (const child of node) visit(child, depth + 1);
    } else if (isObject(node)) {
      for (const key of ['coordinates', 'geometry', 'geometries', 'features']) visit(node[key], depth + 1);
    }
  };
  visit(geojson, 0);
  return valid && Number.isFinite(box[0]) ? box : undefined;
}

/**
 * Readers for the values of a `data.json` dataset whose shape varies by publisher: lists sent as
 * bare strings, e-mails with or without `mailto:`, spatial coverage as a name, a URI, a bounding
 * box or GeoJSON. Values stay as declared: the normalization stage reads them against vocabularies.
 */
import type { Agent, ContactPoint, Distribution, License, Spatial, Temporal, Theme } from '../src/dcat/types.js';
import { themeByCode } from '../src/dcat/vocabularies/themes.js';
import { bboxOf } from './ckan-extras.js';
import { isObject, parseJsonText, text } from './values.js';
import type { DataJsonDistribution } from './datajson-types.js';

/** A trimmed string, or a finite number as text (ids sent as numbers). */
export function idText(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : text(value);
}

/** The strings of a list, or a bare string split by `separator` (kept whole without one). */
export function textList(value: unknown, separator?: RegExp): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' && separator ? value.split(separator) : [value];
  return [...new Set(items.map(idText).filter((item): item is string => item !== undefined))];
}

export function httpUrl(value: unknown): string | undefined {
  const url = text(value);
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/** `mailto:datos@quito.gob.ec` → `datos@quito.gob.ec`. */
export function mailAddress(value: unknown): string | undefined {
  return text(text(value)?.replace(/^mailto:/i, ''));
}

/** The publisher; when it has no name of its own, the nearest named organization it belongs to. */
export function publisherOf(value: unknown): Agent | undefined {
  if (typeof value === 'string') return text(value) ? { name: text(value) } : undefined;
  if (!isObject(value)) return undefined;
  const agent = { name: organizationName(value), uri: httpUrl(value['@id']), email: mailAddress(value.mbox) };
  return agent.name || agent.uri || agent.email ? agent : undefined;
}

function organizationName(org: unknown, depth = 0): string | undefined {
  if (!isObject(org) || depth > 5) return undefined;
  return text(org.name) ?? organizationName(org.subOrganizationOf, depth + 1);
}

/** A `vcard:Contact`; some catalogs send a bare name or address instead. */
export function contactOf(value: unknown): ContactPoint | undefined {
  if (typeof value === 'string') {
    const declared = mailAddress(value);
    return declared ? (declared.includes('@') ? { email: declared } : { name: declared }) : undefined;
  }
  if (!isObject(value)) return undefined;
  const contact = { name: text(value.fn), email: mailAddress(value.hasEmail), url: httpUrl(value.hasURL) };
  return contact.name || contact.email || contact.url ? contact : undefined;
}

/** A licence as declared: a URL is kept as the URL, anything else as the declared name or id. */
export function licenseOf(value: unknown): License | undefined {
  const declared = text(value);
  return declared ? { raw: declared, url: httpUrl(declared) } : undefined;
}

const NUMBER = String.raw`\s*(-?\d+(?:\.\d+)?)\s*`;
/** `-79.0,-2.9,-78.9,-2.8` (west, south, east, north), commas or spaces between the numbers. */
const BOX = new RegExp(`^${NUMBER}[,\\s]${NUMBER}[,\\s]${NUMBER}[,\\s]${NUMBER}$`);

/**
 * A place name, a URI, a `W,S,E,N` box, a list of four numbers or GeoJSON (object or text).
 * GeoJSON without valid coordinates is no coverage, as text as much as as an object; text that only
 * looks like JSON is kept as the label.
 */
export function spatialOf(value: unknown): Spatial | undefined {
  const declared = typeof value === 'string' ? value.trim() : value;
  if (typeof declared === 'string') {
    if (declared === '') return undefined;
    const box = BOX.exec(declared);
    if (box) return { bbox: [Number(box[1]), Number(box[2]), Number(box[3]), Number(box[4])] };
    const json = /^[[{]/.test(declared) ? parseJsonText(declared) : undefined;
    if (json !== undefined) return geometry(json);
    return httpUrl(declared) ? { uri: declared } : { label: declared };
  }
  return geometry(declared);
}

function geometry(value: unknown): Spatial | undefined {
  if (Array.isArray(value) && value.length === 4 && value.every((n) => typeof n === 'number')) {
    return { bbox: [value[0], value[1], value[2], value[3]] };
  }
  const bbox = isObject(value) ? bboxOf(value) : undefined;
  return bbox ? { bbox } : undefined;
}

const DURATION = /^PT?\d/i;
const DATE_START = /^\d/;

/**
 * `start/end` is left whole: normalization reads it, and rejects half a reading. Of `start/duration`
 * (`2020-01-01/P1Y`) or `duration/end` only the date is a date: it is kept, and no other is computed.
 */
export function temporalOf(value: unknown): Temporal | undefined {
  const raw = text(value);
  if (!raw) return undefined;
  const [first, second, ...rest] = raw.split('/').map((part) => part.trim());
  if (rest.length || second === undefined) return { raw };
  if (DATE_START.test(first) && DURATION.test(second)) return { start: { raw: first }, raw };
  if (DURATION.test(first) && DATE_START.test(second)) return { end: { raw: second }, raw };
  return { raw };
}

/**
 * A `modified` with a time of day (`2024-01-08T09:00:00-04:00`) as the instant the record changed,
 * UTC when it names no zone; a bare date is not an instant.
 */
export function instantOf(value: string | undefined): string | undefined {
  if (!value || !/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(value)) return undefined;
  const time = Date.parse(/(?:Z|[+-]\d\d:?\d\d)$/i.test(value) ? value : `${value}Z`);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * Argentina's `superTheme` codes (EU data themes, in any case) labelled in Spanish, then the
 * `theme` values, labelled by the catalog's taxonomy when it names them by id.
 */
export function themesOf(superThemes: unknown, themes: unknown, labels: Record<string, string> = {}): Theme[] {
  const out: Theme[] = [];
  for (const declared of textList(superThemes)) {
    const entry = themeByCode(declared.toUpperCase());
    out.push(entry ? { code: entry.code, label: entry.label.es } : { label: declared });
  }
  for (const declared of textList(themes)) out.push({ label: Object.hasOwn(labels, declared) ? labels[declared] : declared });
  return out.filter((theme, i) => out.findIndex((other) => other.label === theme.label) === i);
}

/** A number or a numeric string (`"5120"`); `"2.3 MB"` and negatives are not sizes. */
export function byteSizeOf(value: unknown): number | undefined {
  const size = typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
  return typeof size === 'number' && Number.isFinite(size) && size >= 0 ? Math.round(size) : undefined;
}

/** A list of distributions; a single object stands for a list of one. Entries that are not objects are skipped. */
export function distributionsOf(value: unknown): Distribution[] {
  const list: unknown[] = Array.isArray(value) ? value : isObject(value) ? [value] : [];
  return list.filter(isObject).map((entry, index) => toDistribution(entry as DataJsonDistribution, index));
}

function toDistribution(d: DataJsonDistribution, index: number): Distribution {
  const downloadURL = text(d.downloadURL);
  // DCAT-US asks for either URL, DCAT-AP for an access URL: a download URL gives access too.
  const accessURL = text(d.accessURL) ?? downloadURL;
  const format = text(d.format);
  const mediaType = text(d.mediaType);
  const issued = text(d.issued);
  const modified = text(d.modified);
  return {
    id: idText(d.identifier) ?? text(d['@id']) ?? downloadURL ?? accessURL ?? `distribution-${index + 1}`,
    title: text(d.title),
    description: text(d.description),
    accessURL,
    downloadURL,
    format: format ? { raw: format } : undefined,
    mediaType: mediaType ? { raw: mediaType } : undefined,
    byteSize: byteSizeOf(d.byteSize),
    license: licenseOf(d.license),
    rights: text(d.rights),
    issued: issued ? { raw: issued } : undefined,
    modified: modified ? { raw: modified } : undefined,
  };
}

/**
 * A DKAN 2 dataset (DCAT-US 1.1, as the metastore keeps it) → DCAT draft, values as declared.
 * DKAN's `%Ref:…` keys and the US-only fields (bureauCode, programCode) are not read.
 */
import { RecordError } from '../src/errors.js';
import type { DatasetDraft, Distribution, Spatial, Temporal } from '../src/dcat/types.js';
import type { PortalConfig } from '../src/config-types.js';
import { bboxOf } from './ckan-extras.js';
import { isObject, parseJsonText, text } from './ckan-values.js';
import { dkanSite } from './dkan-api.js';

export function dkan2SourceId(dataset: unknown): string | undefined {
  return isObject(dataset) ? text(dataset.identifier) : undefined;
}

export function dkan2ToDcat(dataset: unknown, portal: PortalConfig): DatasetDraft {
  if (!isObject(dataset)) throw new RecordError('bad_record', 'The DKAN dataset is not an object.');
  const sourceId = dkan2SourceId(dataset);
  if (!sourceId) throw new RecordError('bad_record', 'The DKAN dataset has no "identifier".');
  const title = text(dataset.title);
  if (!title) throw new RecordError('bad_record', `The DKAN dataset ${sourceId} has no title.`, sourceId);
  const distributions = dataset.distribution;
  if (distributions !== undefined && distributions !== null && !Array.isArray(distributions) && !isObject(distributions)) {
    throw new RecordError('bad_record', `The DKAN dataset ${sourceId} has a "distribution" that is neither a list nor an object.`, sourceId);
  }
  const publisher = isObject(dataset.publisher) ? text(dataset.publisher.name) : text(dataset.publisher);
  const contact = isObject(dataset.contactPoint) ? dataset.contactPoint : {};
  const email = text(contact.hasEmail);
  const license = text(dataset.license);
  const issued = text(dataset.issued);
  const modified = text(dataset.modified);
  const frequency = text(dataset.accrualPeriodicity);
  const accessLevel = text(dataset.accessLevel);
  return {
    sourceId,
    identifier: sourceId,
    title,
    description: text(dataset.description),
    keywords: strings(dataset.keyword),
    themes: strings(dataset.theme).map((label) => ({ label })),
    publisher: publisher ? { name: publisher } : undefined,
    contactPoint: text(contact.fn) || email ? { name: text(contact.fn), email } : undefined,
    issued: issued ? { raw: issued } : undefined,
    modified: modified ? { raw: modified } : undefined,
    accrualPeriodicity: frequency ? { raw: frequency } : undefined,
    temporal: temporalOf(text(dataset.temporal)),
    spatial: spatialOf(dataset.spatial),
    language: strings(dataset.language),
    license: license ? (/^https?:\/\//i.test(license) ? { raw: license, url: license } : { raw: license }) : undefined,
    accessRights: accessLevel ? { raw: accessLevel } : undefined,
    landingPage: text(dataset.landingPage) ?? `${dkanSite(portal.url).root}/dataset/${encodeURIComponent(sourceId)}`,
    conformsTo: strings(dataset.conformsTo),
    distributions: (Array.isArray(distributions) ? distributions : distributions ? [distributions] : []).filter(isObject).map(toDistribution),
    sourceModified: modified && /^\d{4}-\d\d-\d\dT/.test(modified) && !Number.isNaN(Date.parse(modified)) ? new Date(modified).toISOString() : undefined,
  };
}

function toDistribution(dist: Record<string, unknown>, index: number): Distribution {
  const downloadURL = text(dist.downloadURL);
  const accessURL = text(dist.accessURL) ?? downloadURL;
  const format = text(dist.format);
  const mediaType = text(dist.mediaType);
  return {
    id: text(dist.identifier) ?? downloadURL ?? accessURL ?? `distribution-${index + 1}`,
    title: text(dist.title),
    description: text(dist.description),
    accessURL,
    downloadURL,
    format: format ? { raw: format } : undefined,
    mediaType: mediaType ? { raw: mediaType } : undefined,
  };
}

/** A list of strings, or one string (some portals write `"keyword": "tránsito"`). */
function strings(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return [...new Set(list.map(text).filter((item): item is string => item !== undefined))];
}

/** `2022-01-01/2022-12-31`; a part that is a duration (`P1Y`) is not a date. */
function temporalOf(raw: string | undefined): Temporal | undefined {
  if (!raw) return undefined;
  const parts = raw.split('/').map((part) => part.trim());
  const date = (part: string | undefined) => (part && !/^[PR]/.test(part) ? { raw: part } : undefined);
  return parts.length === 2 ? { start: date(parts[0]), end: date(parts[1]), raw } : { raw };
}

/** A place name, a bounding box `west,south,east,north`, or GeoJSON (as an object or as text). */
function spatialOf(value: unknown): Spatial | undefined {
  const raw = text(value);
  const geo = isObject(value) ? value : raw && /^[[{]/.test(raw) ? parseJsonText(raw) : undefined;
  if (geo !== undefined) {
    const bbox = bboxOf(geo);
    return bbox ? { bbox } : undefined;
  }
  if (!raw) return undefined;
  const numbers = raw.split(',').map((n) => Number(n.trim()));
  if (numbers.length === 4 && numbers.every(Number.isFinite)) return { bbox: numbers as [number, number, number, number] };
  return { label: raw };
}

/**
 * Pure mapping of one DCAT-US 1.1 dataset (a Socrata `/data.json` entry) to a DCAT draft, values
 * as declared. Used by the Socrata harvester's fallback only; see socrata-datajson.ts.
 */
import { RecordError } from '../src/errors.js';
import type { DatasetDraft, Distribution } from '../src/dcat/types.js';
import type { DataJsonDataset } from './socrata-types.js';
import { dataJsonId } from './socrata-datajson.js';
import { isObject, text } from './ckan-values.js';

/** True for a value shaped like a data.json dataset rather than a Discovery record. */
export function looksLikeDataJson(raw: unknown): raw is DataJsonDataset {
  return isObject(raw) && !('resource' in raw) && ('identifier' in raw || 'title' in raw || 'distribution' in raw);
}

export function dataJsonToDcat(dataset: DataJsonDataset): DatasetDraft {
  const sourceId = dataJsonId(dataset);
  if (!sourceId) throw new RecordError('bad_record', 'The data.json dataset has no "identifier".');
  const title = text(dataset.title);
  if (!title) throw new RecordError('bad_record', `The data.json dataset ${sourceId} has no title.`, sourceId);
  if (dataset.distribution !== undefined && dataset.distribution !== null && !Array.isArray(dataset.distribution)) {
    throw new RecordError('bad_record', `The data.json dataset ${sourceId} has a "distribution" that is not a list.`, sourceId);
  }
  const publisher = isObject(dataset.publisher) ? text(dataset.publisher.name) : undefined;
  const contact = isObject(dataset.contactPoint) ? dataset.contactPoint : undefined;
  const email = text(text(contact?.hasEmail)?.replace(/^mailto:/i, ''));
  const license = text(dataset.license);
  const issued = text(dataset.issued);
  const modified = text(dataset.modified);
  const frequency = text(dataset.accrualPeriodicity);
  const temporal = text(dataset.temporal);
  const spatial = text(dataset.spatial);
  const accessLevel = text(dataset.accessLevel);
  const conformsTo = text(dataset.conformsTo);
  return {
    sourceId,
    identifier: text(dataset.identifier),
    title,
    description: text(dataset.description),
    keywords: list(dataset.keyword),
    themes: list(dataset.theme).map((label) => ({ label })),
    publisher: publisher ? { name: publisher } : undefined,
    contactPoint: text(contact?.fn) || email ? { name: text(contact?.fn), email } : undefined,
    issued: issued ? { raw: issued } : undefined,
    modified: modified ? { raw: modified } : undefined,
    accrualPeriodicity: frequency ? { raw: frequency } : undefined,
    temporal: temporal ? { raw: temporal } : undefined,
    spatial: spatial ? { label: spatial } : undefined,
    language: list(dataset.language),
    license: license ? { raw: license, url: /^https?:\/\//i.test(license) ? license : undefined } : undefined,
    accessRights: accessLevel ? { raw: accessLevel } : undefined,
    landingPage: text(dataset.landingPage),
    conformsTo: conformsTo ? [conformsTo] : [],
    distributions: (dataset.distribution ?? []).filter(isObject).map(toDistribution),
  };
}

function toDistribution(entry: Record<string, unknown>, index: number): Distribution {
  const downloadURL = text(entry.downloadURL);
  const accessURL = text(entry.accessURL) ?? downloadURL;
  const format = text(entry.format);
  const mediaType = text(entry.mediaType);
  return {
    id: downloadURL ?? accessURL ?? `distribution-${index + 1}`,
    title: text(entry.title),
    description: text(entry.description),
    accessURL,
    downloadURL,
    format: format ? { raw: format } : undefined,
    mediaType: mediaType ? { raw: mediaType } : undefined,
  };
}

/** A list of strings, or one string of comma-separated items (some portals send `"agua, riego"`). */
function list(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return [...new Set(items.map((item) => text(item)).filter((item): item is string => item !== undefined))];
}

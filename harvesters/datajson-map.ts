/**
 * The pure mapping of one DCAT-US 1.1 `data.json` dataset to a DCAT draft, values as declared.
 * The one mapping of DCAT-US in Cosecha: the data.json harvester's (DKAN, Junar, Socrata,
 * OpenDataSoft, CKAN and Andino catalogs), ArcGIS Hub's feed, Socrata's `/data.json` fallback and
 * DKAN 2's metastore, each platform passing its own id rule and quirks as a `DataJsonMapping`.
 *
 * Not mapped (no place in the DCAT record): the US-only fields (`bureauCode`, `programCode`,
 * `primaryITInvestmentUII`, `systemOfRecords`, `dataQuality`), `isPartOf`, `references`,
 * `describedBy`, the dataset-level `rights`, Argentina's `source` and distribution `field` lists.
 */
import { createHash } from 'node:crypto';
import { RecordError } from '../src/errors.js';
import type { DatasetDraft, License } from '../src/dcat/types.js';
import { isObject, text } from './values.js';
import type { DataJsonDataset, DataJsonRecord } from './datajson-types.js';
import { contactOf, distributionsOf, httpUrl, idText, instantOf, licenseOf, publisherOf, spatialOf, temporalOf, textList, themesOf } from './datajson-values.js';

/** The dataset of a record, when it is an object. */
export function datasetOf(record: DataJsonRecord | undefined): DataJsonDataset | undefined {
  return isObject(record) && isObject(record.dataset) ? (record.dataset as DataJsonDataset) : undefined;
}

/**
 * Identifiers that stand for none. Several datasets of one catalog share them, so each falls back
 * to its own key instead. (Normalization has the full placeholder list; harvesters cannot import it.)
 */
const PLACEHOLDER_ID = /^(?:[^\p{L}\p{N}]*|n\/?[ad]|null|none|nil|nan|undefined|s\/?d|sin (?:id|identificador))$/iu;

/** The dataset's declared identifier (`identifier`, else its JSON-LD `@id`), unless a placeholder. */
export function declaredIdentifier(dataset: DataJsonDataset): string | undefined {
  const declared = idText(dataset.identifier);
  return (declared && !PLACEHOLDER_ID.test(declared) ? declared : undefined) ?? text(dataset['@id']);
}

/**
 * The record's id in the source: its declared identifier; without one, its landing page; without
 * that, a digest of its title and publisher (stable while they do not change).
 */
export function dataJsonSourceId(record: DataJsonRecord): string | undefined {
  const dataset = datasetOf(record);
  if (!dataset) return undefined;
  const declared = declaredIdentifier(dataset) ?? httpUrl(dataset.landingPage);
  if (declared) return declared;
  const title = text(dataset.title);
  if (!title) return undefined;
  const digest = createHash('sha1').update(`${title}\n${publisherOf(dataset.publisher)?.name ?? ''}`).digest('hex');
  return `sha1-${digest.slice(0, 16)}`;
}

/** How a platform that serves DCAT-US with quirks of its own reads them; every member is optional. */
export interface DataJsonMapping {
  /** The record's id in the source (Socrata: the four-by-four; ArcGIS Hub: the item). Default: dataJsonSourceId. */
  sourceId?(record: DataJsonRecord): string | undefined;
  /** The dataset's `license` (ArcGIS Hub: HTML). Default: licenseOf, a URL as the URL, anything else as the declared name. */
  license?(value: unknown): License | undefined;
  /** The dataset's page when it declares no `landingPage` (DKAN 2 has one it does not declare). Default: none. */
  landingPage?(sourceId: string): string | undefined;
}

/** Pure mapping of one data.json dataset. Throws RecordError for an entry that cannot be a dataset. */
export function dataJsonToDcat(record: DataJsonRecord, mapping: DataJsonMapping = {}): DatasetDraft {
  const d = datasetOf(record);
  if (!d) throw new RecordError('bad_record', 'The data.json entry is not a dataset object.');
  const sourceId = (mapping.sourceId ?? dataJsonSourceId)(record);
  const title = text(d.title);
  // Only a platform's own id rule can leave a titled dataset without an id.
  if (!sourceId && title) throw new RecordError('bad_record', 'The data.json dataset has no "identifier".');
  if (!sourceId || !title) {
    throw new RecordError('bad_record', `The data.json dataset ${sourceId ?? '(without identifier)'} has no title.`, sourceId);
  }
  if (d.distribution !== undefined && d.distribution !== null && !Array.isArray(d.distribution) && !isObject(d.distribution)) {
    throw new RecordError('bad_record', `The data.json dataset ${sourceId} has a "distribution" that is not a list.`, sourceId);
  }
  const issued = text(d.issued);
  const modified = text(d.modified);
  const accrual = text(d.accrualPeriodicity);
  const accessLevel = text(d.accessLevel);
  return {
    sourceId,
    identifier: declaredIdentifier(d),
    title,
    description: text(d.description),
    keywords: textList(d.keyword, /[,;]/),
    themes: themesOf(d.superTheme, d.theme, record.themeLabels),
    publisher: publisherOf(d.publisher),
    contactPoint: contactOf(d.contactPoint),
    issued: issued ? { raw: issued } : undefined,
    modified: modified ? { raw: modified } : undefined,
    accrualPeriodicity: accrual ? { raw: accrual } : undefined,
    temporal: temporalOf(d.temporal),
    spatial: spatialOf(d.spatial),
    language: textList(d.language),
    license: (mapping.license ?? licenseOf)(d.license),
    accessRights: accessLevel ? { raw: accessLevel } : undefined,
    landingPage: text(d.landingPage) ?? mapping.landingPage?.(sourceId),
    conformsTo: textList(d.conformsTo),
    distributions: distributionsOf(d.distribution),
    // data.json has no date of the metadata record's own: its `modified` is the nearest.
    sourceModified: instantOf(modified),
  };
}

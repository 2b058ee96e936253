/**
 * Pure mapping of one Discovery API record to a DCAT draft, values as declared. Socrata serves
 * every tabular dataset as CSV and JSON at fixed addresses of its domain: those are its
 * distributions.
 */
import { RecordError } from '../src/errors.js';
import type { DatasetDraft, Distribution } from '../src/dcat/types.js';
import type { PortalConfig } from '../src/config-types.js';
import { portalDomain } from './socrata-api.js';
import { readDomainMetadata } from './socrata-metadata.js';
import type { SocrataRecord, SocrataResource } from './socrata-types.js';
import { isObject, text } from './values.js';

/** The record's id (`resource.id`), or undefined when it has none. */
export function discoveryId(record: SocrataRecord): string | undefined {
  return isObject(record) && isObject(record.resource) ? text(record.resource.id) : undefined;
}

/** The domain a record belongs to (`metadata.domain`), lower case. */
export function recordDomain(record: SocrataRecord): string | undefined {
  return isObject(record) && isObject(record.metadata) ? text(record.metadata.domain)?.toLowerCase() : undefined;
}

/** The DCAT identifier: the address Socrata's own data.json gives the dataset, so both sources agree. */
export function socrataIdentifier(domain: string, id: string): string {
  return `https://${domain}/api/views/${id}`;
}

export function discoveryToDcat(record: SocrataRecord, portal: PortalConfig): DatasetDraft {
  if (!isObject(record) || !isObject(record.resource)) throw new RecordError('bad_record', 'The Socrata record has no "resource" object.');
  const resource = record.resource;
  const id = text(resource.id);
  if (!id) throw new RecordError('bad_record', 'The Socrata record has no "resource.id".');
  const title = text(resource.name);
  if (!title) throw new RecordError('bad_record', `The Socrata dataset ${id} has no name.`, id);
  const classification = isObject(record.classification) ? record.classification : {};
  const fields = readDomainMetadata(classification.domain_metadata);
  const domain = recordDomain(record) ?? portalDomain(portal) ?? 'localhost';
  const issued = text(resource.publication_date) ?? text(resource.createdAt);
  // dct:modified is when the data changed; the metadata record's own change goes to sourceModified.
  const modified = text(resource.data_updated_at) ?? text(resource.updatedAt);
  const license = (isObject(record.metadata) ? text(record.metadata.license) : undefined) ?? fields.license;
  const contactEmail = text(resource.contact_email) ?? fields.contactEmail;
  return {
    sourceId: id,
    identifier: socrataIdentifier(domain, id),
    title,
    description: text(resource.description),
    keywords: unique([...strings(classification.domain_tags), ...strings(classification.tags)]),
    themes: unique([text(classification.domain_category), ...strings(classification.categories)]).map((label) => ({ label })),
    publisher: publisherOf(record, resource, fields.publisher),
    contactPoint: fields.contactName || contactEmail ? { name: fields.contactName, email: contactEmail } : undefined,
    issued: issued ? { raw: issued } : undefined,
    modified: modified ? { raw: modified } : undefined,
    accrualPeriodicity: fields.frequency ? { raw: fields.frequency } : undefined,
    temporal: fields.temporal ? { raw: fields.temporal } : undefined,
    spatial: fields.spatial ? { label: fields.spatial } : undefined,
    language: fields.language,
    license: license ? { raw: license, title: license } : undefined,
    accessRights: fields.accessRights ? { raw: fields.accessRights } : undefined,
    landingPage: httpUrl(record.link) ?? httpUrl(record.permalink) ?? `https://${domain}/d/${id}`,
    conformsTo: [],
    distributions: isTabular(resource) ? downloads(domain, id, modified) : [],
    sourceModified: isoTime(text(resource.metadata_updated_at) ?? text(resource.updatedAt)),
  };
}

/** The institution named in the portal's fields or the attribution; else the owning account. */
function publisherOf(record: SocrataRecord, resource: SocrataResource, named: string | undefined): DatasetDraft['publisher'] {
  const name = named ?? text(resource.attribution);
  if (name) return { name, uri: httpUrl(resource.attribution_link) };
  const owner = isObject(record.owner) ? record.owner : isObject(record.creator) ? record.creator : undefined;
  return owner && text(owner.display_name) ? { name: text(owner.display_name), id: text(owner.id) } : undefined;
}

/** Tabular datasets have rows to export; files (`blobby`) and external links (`href`) do not. */
function isTabular(resource: SocrataResource): boolean {
  const type = text(resource.type) ?? 'dataset';
  const lens = text(resource.lens_view_type) ?? 'tabular';
  return type === 'dataset' && lens === 'tabular';
}

function downloads(domain: string, id: string, modified: string | undefined): Distribution[] {
  const changed = modified ? { raw: modified } : undefined;
  const csv = `https://${domain}/api/views/${id}/rows.csv?accessType=DOWNLOAD`;
  const json = `https://${domain}/resource/${id}.json`;
  return [
    { id: csv, title: 'CSV', accessURL: csv, downloadURL: csv, format: { raw: 'CSV' }, mediaType: { raw: 'text/csv' }, modified: changed },
    { id: json, title: 'JSON (API SODA)', accessURL: json, downloadURL: json, format: { raw: 'JSON' }, mediaType: { raw: 'application/json' }, modified: changed },
  ];
}

function isoTime(value: string | undefined): string | undefined {
  const time = value ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

function httpUrl(value: unknown): string | undefined {
  const url = text(value);
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => text(v)).filter((v): v is string => v !== undefined) : [];
}

function unique(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== undefined))];
}

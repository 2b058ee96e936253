/**
 * One OpenDataSoft dataset → a DCAT draft, values as declared. `metas.default` gives the core,
 * `metas.dcat` the DCAT extras (frequency, coverage, contact, issued), `metas.dcat_ap` (when the
 * domain enables it) the DCAT-AP ones; normalization turns the raw values into codes.
 */
import { RecordError } from '../src/errors.js';
import type { DatasetDraft, Spatial } from '../src/dcat/types.js';
import type { PortalConfig } from '../src/config-types.js';
import { idSegment, odsSite } from './opendatasoft-api.js';
import { toDistributions } from './opendatasoft-distributions.js';
import { isObject, text } from './values.js';
import type { OdsDataset, OdsDcatMetas, OdsDefaultMetas } from './opendatasoft-types.js';

/** Pure mapping of one catalog dataset. Throws RecordError for a record that cannot be a dataset. */
export function toDcat(dataset: OdsDataset, portal: PortalConfig): DatasetDraft {
  if (!isObject(dataset)) throw new RecordError('bad_record', 'The OpenDataSoft dataset is not an object.');
  const sourceId = text(dataset.dataset_id);
  if (!sourceId) throw new RecordError('bad_record', 'The OpenDataSoft dataset has no "dataset_id".');
  const metas = isObject(dataset.metas) ? dataset.metas : undefined;
  if (!metas || !isObject(metas.default)) throw new RecordError('bad_record', `The OpenDataSoft dataset ${sourceId} has no "metas.default".`, sourceId);
  const meta: OdsDefaultMetas = metas.default;
  const title = text(meta.title);
  if (!title) throw new RecordError('bad_record', `The OpenDataSoft dataset ${sourceId} has no title.`, sourceId);
  const dcat: OdsDcatMetas = isObject(metas.dcat) ? metas.dcat : {};
  const ap: OdsDcatMetas = isObject(metas.dcat_ap) ? metas.dcat_ap : {};
  const site = odsSite(portal.url);
  return {
    sourceId,
    identifier: text(ap.identifier) ?? sourceId,
    title,
    description: text(meta.description),
    keywords: unique(texts(meta.keyword)),
    themes: unique([...texts(meta.theme), ...texts(ap.theme)]).map((label) => ({ label })),
    publisher: agent(text(meta.publisher) ?? text(dcat.creator)),
    contactPoint: contactOf(dcat),
    issued: raw(text(dcat.issued) ?? text(dcat.created) ?? text(ap.issued)),
    modified: raw(text(meta.modified) ?? text(meta.data_processed)),
    accrualPeriodicity: raw(text(dcat.accrualperiodicity) ?? text(ap.accrualperiodicity)),
    temporal: rawTemporal(text(dcat.temporal) ?? text(ap.temporal)),
    spatial: spatialOf(meta, [text(dcat.spatial), text(ap.spatial)]),
    language: unique(texts(meta.language)),
    license: licenseOf(meta),
    accessRights: raw(text(ap.access_rights) ?? text(ap.accessrights) ?? visibilityRights(dataset.visibility)),
    landingPage: `${site.root}/explore/dataset/${idSegment(sourceId)}/`,
    conformsTo: unique([...texts(ap.conforms_to), ...texts(ap.conformsto)]),
    distributions: toDistributions(dataset, sourceId, site),
    source: federationOf(meta),
    sourceModified: isoTime(text(meta.metadata_processed)),
  };
}

/** A string, or the strings of a list: ODS templates hold either, depending on the domain. */
export function texts(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map(text).filter((item): item is string => item !== undefined);
}

function raw(value: string | undefined): { raw: string } | undefined {
  return value === undefined ? undefined : { raw: value };
}

function rawTemporal(value: string | undefined): DatasetDraft['temporal'] {
  return value === undefined ? undefined : { raw: value }; // normalization reads `start/end` intervals
}

function agent(name: string | undefined): DatasetDraft['publisher'] {
  return name ? { name } : undefined;
}

function contactOf(dcat: OdsDcatMetas): DatasetDraft['contactPoint'] {
  const contact = { name: text(dcat.contact_name), email: text(dcat.contact_email) };
  return contact.name || contact.email ? contact : undefined;
}

function licenseOf(meta: OdsDefaultMetas): DatasetDraft['license'] {
  const license = { raw: text(meta.license), url: text(meta.license_url) };
  return license.raw || license.url ? license : undefined;
}

/** A URI from the DCAT templates; a label from them, else the territories, else the reference codes. */
function spatialOf(meta: OdsDefaultMetas, declared: (string | undefined)[]): Spatial | undefined {
  const isUri = (value: string | undefined) => value !== undefined && /^https?:\/\//i.test(value);
  const uri = declared.find(isUri);
  const joined = (values: string[]) => (values.length ? values.join(', ') : undefined);
  const label = declared.find((value) => value !== undefined && !isUri(value)) ?? joined(texts(meta.territory)) ?? joined(texts(meta.geographic_reference));
  return uri || label ? { label, uri } : undefined;
}

/**
 * ODS's own access levels, in words the normalizer reads: `domain` datasets are public on the
 * portal, `restricted` ones only for the users it grants.
 */
function visibilityRights(visibility: unknown): string | undefined {
  if (visibility === 'domain') return 'public';
  return visibility === 'restricted' ? 'restricted' : undefined;
}

/** A federated dataset names the portal and dataset it copies: the link to its origin. */
function federationOf(meta: OdsDefaultMetas): DatasetDraft['source'] {
  const address = text(meta.source_domain_address);
  const origin = text(meta.source_dataset);
  if (!address || !origin) return undefined;
  const root = /^https?:\/\//i.test(address) ? address.replace(/\/+$/, '') : `https://${address}`;
  return { harvestSourceUrl: `${root}/explore/dataset/${idSegment(origin)}/`, harvestObjectId: origin };
}

/** ODS writes `2024-05-03T08:00:01.123000+00:00`: read into ISO, or kept as declared. */
function isoTime(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

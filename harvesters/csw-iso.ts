/**
 * One ISO 19139 record (`gmd:MD_Metadata`, or `gmi:MI_Metadata`) → a DCAT draft, GeoDCAT-AP style,
 * values as declared. Pure and synchronous.
 */
import { RecordError } from '../src/errors.js';
import type { DateValue, DatasetDraft } from '../src/dcat/types.js';
import type { PortalConfig } from '../src/config-types.js';
import type { CswRecord } from './csw-response.js';
import { distributionsOf } from './csw-distributions.js';
import { referenceSystems, spatialOf, temporalOf, topicThemes } from './csw-extent.js';
import { agentsOf, termsOf } from './csw-parties.js';
import { recordPage } from './csw-site.js';
import { codeOf, isNode, kids, path, textAt, textsAt, type XmlNode } from './csw-xml.js';

/** The ISO metadata element of a record, when it is one. */
function metadataOf(raw: CswRecord): XmlNode | undefined {
  return isNode(raw) ? (kids(raw, 'MD_Metadata')[0] ?? kids(raw, 'MI_Metadata')[0]) : undefined;
}

/** `fileIdentifier`; for a record in another schema, its Dublin Core `identifier`, so failures name it. */
export function recordId(raw: CswRecord): string | undefined {
  const md = metadataOf(raw);
  if (md) return textAt(md, 'fileIdentifier');
  return isNode(raw) ? textAt(kids(raw, '*'), 'identifier') : undefined;
}

/** True for a record whose `hierarchyLevel` is `service` (ISO's default level is `dataset`). */
export function isServiceRecord(raw: CswRecord): boolean {
  return codeOf(kids(metadataOf(raw), 'hierarchyLevel')[0]) === 'service';
}

export function isoToDcat(raw: CswRecord, portal: PortalConfig): DatasetDraft {
  const md = metadataOf(raw);
  if (!md) {
    const element = isNode(raw) ? Object.keys(raw)[0] : undefined;
    if (!element) throw new RecordError('bad_record', 'The CSW record is not a parsed XML element.');
    throw new RecordError('unsupported_schema', `The CSW record is a ${element}, not an ISO 19139 MD_Metadata.`, recordId(raw));
  }
  const sourceId = textAt(md, 'fileIdentifier');
  if (!sourceId) throw new RecordError('bad_record', 'The ISO record has no fileIdentifier.');
  const identification = kids(md, 'identificationInfo').flatMap((info) => kids(info, '*'))[0];
  if (!identification) throw new RecordError('bad_record', `The ISO record ${sourceId} has no identificationInfo.`, sourceId);
  const citation = path(identification, 'citation', 'CI_Citation')[0];
  const title = textAt(citation, 'title');
  if (!title) throw new RecordError('bad_record', `The ISO record ${sourceId} has no title.`, sourceId);
  const dates = citationDates(citation);
  const extents = path(identification, 'extent', 'EX_Extent');
  const terms = termsOf(identification);
  const maintenance = path(identification, 'resourceMaintenance', 'MD_MaintenanceInformation');
  const frequency = codeOf(path(maintenance, 'maintenanceAndUpdateFrequency')[0]) ?? textAt(maintenance, 'userDefinedMaintenanceFrequency');
  const languages = kids(identification, 'language').map(codeOf);
  return {
    sourceId,
    identifier: textAt(citation, 'identifier', '*', 'code') ?? sourceId,
    title,
    description: textAt(identification, 'abstract'),
    keywords: textsAt(identification, 'descriptiveKeywords', 'MD_Keywords', 'keyword'),
    themes: topicThemes(identification),
    ...agentsOf(md, identification, citation),
    issued: dates.creation ?? dates.publication,
    modified: dates.revision ?? dates.publication,
    accrualPeriodicity: frequency ? { raw: frequency } : undefined,
    temporal: temporalOf(extents),
    spatial: spatialOf(extents),
    language: present(languages.length ? languages : kids(md, 'language').map(codeOf)),
    license: terms.license,
    accessRights: terms.accessRights,
    landingPage: recordPage(portal.url, sourceId),
    conformsTo: referenceSystems(md),
    version: textAt(citation, 'edition'),
    distributions: distributionsOf(md, terms.rights),
    sourceModified: timestamp(textAt(md, 'dateStamp')),
  };
}

/** The citation's dates by type; of several of one type, the latest. */
function citationDates(citation: XmlNode | undefined): Partial<Record<'creation' | 'publication' | 'revision', DateValue>> {
  const latest = new Map<string, string>();
  for (const entry of path(citation, 'date', 'CI_Date')) {
    const type = codeOf(kids(entry, 'dateType')[0]);
    const value = textAt(entry, 'date');
    if (!type || !value) continue;
    const known = latest.get(type);
    if (known === undefined || value > known) latest.set(type, value);
  }
  const at = (type: string): DateValue | undefined => (latest.has(type) ? { raw: latest.get(type) } : undefined);
  return { creation: at('creation'), publication: at('publication'), revision: at('revision') };
}

/**
 * `dateStamp` as an ISO instant. GeoNetwork writes its server's local time without a zone; it is
 * read as UTC, as CKAN's timestamps are, so every run reads it the same on any machine.
 */
function timestamp(value: string | undefined): string | undefined {
  const iso = value && /^(\d{4}-\d\d-\d\d)(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/.exec(value);
  // Anything else (`06/05/2024`) would be read by the JavaScript engine's guesses: kept as declared.
  if (!iso) return value;
  const time = Date.parse(iso[2] && !iso[5] ? `${value}Z` : value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

function present(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== undefined))];
}

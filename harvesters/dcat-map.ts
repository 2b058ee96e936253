/**
 * The pure mapping of one DCAT raw record (a dataset's subgraph, see dcat-terms.ts) to a
 * DatasetDraft, values as declared. Texts are taken in the portal's language (`options.language`,
 * Spanish by default), machine translations skipped.
 */
import { RecordError } from '../src/errors.js';
import type { DatasetDraft, Distribution } from '../src/dcat/types.js';
import type { PortalConfig } from '../src/config-types.js';
import { isNode, type RdfNode } from './dcat-terms.js';
import { agentOf, contactOf, identifierOf, licenseOf, spatialOf, temporalOf, themeOf } from './dcat-fields.js';
import { toDistribution } from './dcat-distributions.js';
import { declaredOf, firstText, iriOrText, pickText, pickTexts, valuesOf } from './dcat-values.js';

/** The region's portals write Spanish unless configured otherwise. */
const DEFAULT_LANGUAGE = 'es';

/** The dataset's IRI, or its dct:identifier when the dataset is a blank node. */
export function datasetSourceId(raw: unknown): string | undefined {
  if (!isNode(raw)) return undefined;
  return (typeof raw['@id'] === 'string' && raw['@id'].trim()) || identifierOf(raw);
}

export function preferredLanguage(portal: PortalConfig): string {
  const configured = portal.options?.language;
  return typeof configured === 'string' && configured.trim() ? configured.trim().toLowerCase() : DEFAULT_LANGUAGE;
}

export function toDcat(raw: unknown, portal: PortalConfig): DatasetDraft {
  if (!isNode(raw)) throw new RecordError('bad_record', 'The DCAT record is not an RDF node.');
  const dataset: RdfNode = raw;
  const sourceId = datasetSourceId(dataset);
  if (!sourceId) throw new RecordError('bad_record', 'The DCAT dataset is a blank node without dct:identifier.');
  const language = preferredLanguage(portal);
  const text = (...properties: string[]) => pickText(valuesOf(dataset, ...properties), language);
  const first = (property: string) => valuesOf(dataset, property)[0];
  const title = text('dct:title', 'dc:title');
  if (!title) throw new RecordError('bad_record', `The DCAT dataset ${sourceId} has no dct:title.`, sourceId);
  const distributions = valuesOf(dataset, 'dcat:distribution')
    .map((value, index) => toDistribution(value, index, language))
    .filter((d): d is Distribution => d !== undefined);
  const issued = firstText(dataset, 'dct:issued');
  const modified = firstText(dataset, 'dct:modified');
  const frequency = declaredOf(first('dct:accrualPeriodicity'), language);
  const accessRights = declaredOf(first('dct:accessRights'), language);
  return {
    sourceId,
    identifier: identifierOf(dataset) ?? dataset['@id'],
    title,
    description: text('dct:description', 'dc:description'),
    keywords: pickTexts(valuesOf(dataset, 'dcat:keyword'), language),
    themes: valuesOf(dataset, 'dcat:theme').map((theme) => themeOf(theme, language)).filter((t) => t !== undefined),
    publisher: agentOf(first('dct:publisher'), language),
    contactPoint: contactOf(first('dcat:contactPoint'), language),
    issued: issued ? { raw: issued } : undefined,
    modified: modified ? { raw: modified } : undefined,
    accrualPeriodicity: frequency ? { raw: frequency } : undefined,
    temporal: temporalOf(first('dct:temporal')),
    spatial: spatialOf(first('dct:spatial'), language),
    language: valuesOf(dataset, 'dct:language').map(iriOrText).filter((l) => l !== undefined),
    // CKAN's DCAT profile states the licence on each distribution only.
    license: licenseOf(first('dct:license'), language) ?? distributions.find((d) => d.license)?.license,
    accessRights: accessRights ? { raw: accessRights } : undefined,
    landingPage: iriOrText(first('dcat:landingPage')),
    conformsTo: valuesOf(dataset, 'dct:conformsTo').map(iriOrText).filter((c) => c !== undefined),
    version: firstText(dataset, 'dcat:version', 'owl:versionInfo', 'adms:version'),
    distributions,
    sourceModified: isoTime(modified),
  };
}

/** The record's own modification time in ISO form, when it reads as one; a time without a zone is UTC (CKAN). */
function isoTime(value: string | undefined): string | undefined {
  const match = value ? /^(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d(?::\d\d)?)(\.\d{1,3})?\d*(Z|[+-]\d\d:?\d\d)?)?$/.exec(value) : null;
  if (!match) return undefined;
  const [, day, clock, fraction = '', zone] = match;
  const time = Date.parse(clock ? `${day}T${clock}${fraction}${zone ?? 'Z'}` : day);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

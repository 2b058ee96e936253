/**
 * The mapping from Cosecha's record to DCAT-AP 3, written once. Both exports print the node this
 * returns; nothing here knows about JSON-LD or Turtle.
 */
import type { Dataset, Distribution } from './types.js';
import { add, node, type RdfNode } from './rdf-graph.js';
import { AUTHORITY } from './rdf-terms.js';
import { EU_FREQUENCY_BASE } from './frequencies.js';
import { byteSize, codeIri, dateLiteral, iriValue, text } from './rdf-values.js';
import { agentNode, checksumNode, codedValue, contactNode, labelled, licenseValue, locationNode, periodNode } from './rdf-parts.js';

export interface RdfExportOptions {
  /** Public base URL of the API (`https://cosecha.example.org`); without it, IRIs are `urn:cosecha:…`. */
  baseUrl?: string;
}

// Characters an IRI cannot hold, or that would change its meaning (`#`, `?`, `%`).
const NOT_IRI_SAFE = /[\u0000-\u0020<>"{}|\\^`#?%\u007f-\u009f]/g;

/** `${baseUrl}/api/datasets/<id>` (the API's own URL for the record), else `urn:cosecha:dataset:<id>`. */
export function datasetIri(id: string, options: RdfExportOptions = {}): string {
  if (options.baseUrl) return `${options.baseUrl.replace(/\/+$/, '')}/api/datasets/${encodeURIComponent(id)}`;
  return `urn:cosecha:dataset:${id.replace(NOT_IRI_SAFE, (c) => encodeURIComponent(c))}`;
}

/** The record's text language: DCAT-AP tags literals, and Cosecha's portals write Spanish. */
function textLanguage(dataset: Dataset): string | undefined {
  return dataset.language.includes('SPA') ? 'es' : undefined;
}

const MEDIA_TYPE = /^[A-Za-z0-9][\w.+-]*\/[A-Za-z0-9][\w.+-]*$/;

export function distributionNode(dist: Distribution, id: string, language?: string): RdfNode {
  const result = node('Distribution', id);
  add(result, 'identifier', text(dist.id, undefined));
  add(result, 'title', text(dist.title, language));
  add(result, 'description', text(dist.description, language));
  add(result, 'accessURL', iriValue(dist.accessURL));
  add(result, 'downloadURL', iriValue(dist.downloadURL));
  add(result, 'format', codedValue(dist.format, (c) => codeIri(AUTHORITY.fileType, c), 'MediaTypeOrExtent', language));
  add(result, 'mediaType', codedValue(dist.mediaType, (c) => codeIri(AUTHORITY.mediaType, c?.toLowerCase(), MEDIA_TYPE), 'MediaType'));
  add(result, 'byteSize', byteSize(dist.byteSize));
  add(result, 'license', licenseValue(dist.license, language));
  add(result, 'rights', labelled('RightsStatement', dist.rights, language));
  add(result, 'issued', dateLiteral(dist.issued));
  add(result, 'modified', dateLiteral(dist.modified));
  return add(result, 'checksum', checksumNode(dist.checksum));
}

/** Cosecha's own entry for the dataset: its id, when it was harvested and from which URL. */
function catalogRecord(dataset: Dataset, id: string): RdfNode {
  const record = node('CatalogRecord', `${id}#record`);
  add(record, 'identifier', text(dataset.id, undefined));
  add(record, 'modified', dateLiteral(dataset.provenance.harvestedAt));
  return add(record, 'source', iriValue(dataset.provenance.sourceUrl));
}

export function datasetNode(dataset: Dataset, options: RdfExportOptions = {}): RdfNode {
  const id = datasetIri(dataset.id, options);
  const lang = textLanguage(dataset);
  const result = node('Dataset', id);
  add(result, 'identifier', text(dataset.identifier, undefined));
  add(result, 'title', text(dataset.title, lang));
  add(result, 'description', text(dataset.description, lang));
  add(result, 'keyword', ...dataset.keywords.map((k) => text(k, lang)));
  add(result, 'theme', ...dataset.themes.map((t) => codedValue({ code: t.code, raw: t.label }, (c) => codeIri(AUTHORITY.dataTheme, c), 'Concept', lang)));
  add(result, 'publisher', agentNode(dataset.publisher));
  add(result, 'contactPoint', contactNode(dataset.contactPoint));
  add(result, 'issued', dateLiteral(dataset.issued));
  add(result, 'modified', dateLiteral(dataset.modified));
  add(result, 'accrualPeriodicity', codedValue(dataset.accrualPeriodicity, (c) => codeIri(EU_FREQUENCY_BASE, c), 'Frequency', lang));
  add(result, 'temporal', periodNode(dataset.temporal));
  add(result, 'spatial', locationNode(dataset.spatial, lang));
  add(result, 'language', ...dataset.language.map((code) => codeIri(AUTHORITY.language, code)));
  add(result, 'license', licenseValue(dataset.license, lang));
  add(result, 'accessRights', codedValue(dataset.accessRights, (c) => codeIri(AUTHORITY.accessRight, c), 'RightsStatement', lang));
  add(result, 'landingPage', iriValue(dataset.landingPage));
  add(result, 'conformsTo', ...dataset.conformsTo.map((u) => iriValue(u)));
  add(result, 'version', text(dataset.version, undefined));
  add(result, 'distribution', ...dataset.distributions.map((d, i) => distributionNode(d, `${id}#dist-${i + 1}`, lang)));
  result.reverse.primaryTopic = [catalogRecord(dataset, id)];
  return result;
}

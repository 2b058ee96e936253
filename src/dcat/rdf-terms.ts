/**
 * The one table of RDF names that both exports read: the JSON-LD `@context` is generated from it
 * and the Turtle writer expands the same compact IRIs, so the two serializations cannot drift.
 */

/** Namespaces, as written in the JSON-LD context and the Turtle `@prefix` lines. */
export const PREFIXES = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  adms: 'http://www.w3.org/ns/adms#',
  spdx: 'http://spdx.org/rdf/terms#',
  locn: 'http://www.w3.org/ns/locn#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  schema: 'http://schema.org/',
  dcatap: 'http://data.europa.eu/r5r/',
  gsp: 'http://www.opengis.net/ont/geosparql#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

export type Prefix = keyof typeof PREFIXES;
/** A compact IRI such as `dct:title`. */
export type CompactIri = `${Prefix}:${string}`;

/** Vocabularies whose codes Cosecha's record carries, as IRI bases. */
export const AUTHORITY = {
  dataTheme: 'http://publications.europa.eu/resource/authority/data-theme/',
  language: 'http://publications.europa.eu/resource/authority/language/',
  fileType: 'http://publications.europa.eu/resource/authority/file-type/',
  accessRight: 'http://publications.europa.eu/resource/authority/access-right/',
  mediaType: 'https://www.iana.org/assignments/media-types/',
  spdxLicense: 'https://spdx.org/licenses/',
} as const;

/** Classes, by the name the JSON-LD `@type` uses. */
export const CLASSES = {
  Catalog: 'dcat:Catalog',
  CatalogRecord: 'dcat:CatalogRecord',
  Dataset: 'dcat:Dataset',
  Distribution: 'dcat:Distribution',
  Agent: 'foaf:Agent',
  Kind: 'vcard:Kind',
  Concept: 'skos:Concept',
  PeriodOfTime: 'dct:PeriodOfTime',
  Location: 'dct:Location',
  Frequency: 'dct:Frequency',
  MediaTypeOrExtent: 'dct:MediaTypeOrExtent',
  MediaType: 'dct:MediaType',
  LicenseDocument: 'dct:LicenseDocument',
  RightsStatement: 'dct:RightsStatement',
  Checksum: 'spdx:Checksum',
} as const satisfies Record<string, CompactIri>;

export type ClassName = keyof typeof CLASSES;

/** Literal datatypes the exports write. */
export type Datatype =
  | 'xsd:date'
  | 'xsd:dateTime'
  | 'xsd:gYear'
  | 'xsd:gYearMonth'
  | 'xsd:nonNegativeInteger'
  | 'xsd:hexBinary'
  | 'gsp:wktLiteral';

export interface TermDefinition {
  /** The property. */
  iri: CompactIri;
  /** The value is an IRI or a node (JSON-LD `"@type": "@id"`). */
  ref?: true;
  /** The one datatype every value of this term has (dates vary, so they carry their own). */
  datatype?: Datatype;
  /** Always written as a JSON array, even with one value. */
  many?: true;
}

/** Properties, by the camelCase name the JSON-LD export uses (DCAT-AP 3 local names). */
export const TERMS = {
  // Catalog and catalog record
  dataset: { iri: 'dcat:dataset', ref: true, many: true },
  record: { iri: 'dcat:record', ref: true, many: true },
  primaryTopic: { iri: 'foaf:primaryTopic', ref: true },
  source: { iri: 'dct:source', ref: true },
  // Dataset and distribution
  identifier: { iri: 'dct:identifier' },
  title: { iri: 'dct:title' },
  description: { iri: 'dct:description' },
  keyword: { iri: 'dcat:keyword', many: true },
  theme: { iri: 'dcat:theme', ref: true, many: true },
  publisher: { iri: 'dct:publisher', ref: true },
  contactPoint: { iri: 'dcat:contactPoint', ref: true },
  issued: { iri: 'dct:issued' },
  modified: { iri: 'dct:modified' },
  accrualPeriodicity: { iri: 'dct:accrualPeriodicity', ref: true },
  temporal: { iri: 'dct:temporal', ref: true },
  spatial: { iri: 'dct:spatial', ref: true },
  language: { iri: 'dct:language', ref: true, many: true },
  license: { iri: 'dct:license', ref: true },
  accessRights: { iri: 'dct:accessRights', ref: true },
  landingPage: { iri: 'dcat:landingPage', ref: true },
  conformsTo: { iri: 'dct:conformsTo', ref: true, many: true },
  version: { iri: 'dcat:version' },
  distribution: { iri: 'dcat:distribution', ref: true, many: true },
  accessURL: { iri: 'dcat:accessURL', ref: true },
  downloadURL: { iri: 'dcat:downloadURL', ref: true },
  format: { iri: 'dct:format', ref: true },
  mediaType: { iri: 'dcat:mediaType', ref: true },
  byteSize: { iri: 'dcat:byteSize', datatype: 'xsd:nonNegativeInteger' },
  rights: { iri: 'dct:rights', ref: true },
  checksum: { iri: 'spdx:checksum', ref: true },
  algorithm: { iri: 'spdx:algorithm', ref: true },
  checksumValue: { iri: 'spdx:checksumValue' },
  // Agents, contact points, periods, places, labels
  name: { iri: 'foaf:name' },
  mbox: { iri: 'foaf:mbox', ref: true },
  fn: { iri: 'vcard:fn' },
  hasEmail: { iri: 'vcard:hasEmail', ref: true },
  hasURL: { iri: 'vcard:hasURL', ref: true },
  startDate: { iri: 'dcat:startDate' },
  endDate: { iri: 'dcat:endDate' },
  bbox: { iri: 'dcat:bbox', datatype: 'gsp:wktLiteral' },
  prefLabel: { iri: 'skos:prefLabel' },
  label: { iri: 'rdfs:label' },
} as const satisfies Record<string, TermDefinition>;

export type TermName = keyof typeof TERMS;

export const RDF_TYPE = `${PREFIXES.rdf}type`;

/** `dct:title` → `http://purl.org/dc/terms/title`. */
export function expandIri(compact: CompactIri): string {
  const colon = compact.indexOf(':');
  return PREFIXES[compact.slice(0, colon) as Prefix] + compact.slice(colon + 1);
}

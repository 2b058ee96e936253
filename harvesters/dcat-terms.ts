/**
 * The shape of a DCAT raw record and the names it uses. A record is a dataset's subgraph as one
 * JSON-LD node object in expanded form, with compact IRIs as keys (`dct:title`) so that it reads
 * like the source and needs no context to be understood again by `toDcat` (`cosecha rescore`).
 */
import { PREFIXES } from '../src/dcat/rdf-terms.js';

/** Namespaces compacted in raw records: the export's table, plus what DCAT catalogs also use. */
export const NS: Readonly<Record<string, string>> = {
  ...PREFIXES,
  dc: 'http://purl.org/dc/elements/1.1/',
  // schema.org is declared with either scheme; `schema:` is the http one, `sdo:` the https one.
  sdo: 'https://schema.org/',
  hydra: 'http://www.w3.org/ns/hydra/core#',
  owl: 'http://www.w3.org/2002/07/owl#',
  time: 'http://www.w3.org/2006/time#',
};

/** A literal as the source wrote it: lexical form, language tag or datatype (compact). */
export interface RdfLiteral {
  '@value': string;
  '@language'?: string;
  '@type'?: string;
}

/**
 * One node of a record. `@id` is the node's IRI (absent for a blank node: parser labels are not
 * stable across pages); `@type` its classes; every other key is a property and holds a list of
 * values, sorted so that the same graph gives the same record in every syntax.
 */
export interface RdfNode {
  '@id'?: string;
  '@type'?: string[];
  [property: string]: RdfValue[] | string | string[] | undefined;
}

export type RdfValue = RdfNode | RdfLiteral;

const LOCAL_NAME = /^[A-Za-z_][\w.-]*$/;
const NAMESPACES = Object.entries(NS).sort(([, a], [, b]) => b.length - a.length);

/** `http://purl.org/dc/terms/title` → `dct:title`; an IRI outside the known namespaces stays whole. */
export function compactIri(iri: string): string {
  for (const [prefix, namespace] of NAMESPACES) {
    if (iri.startsWith(namespace) && LOCAL_NAME.test(iri.slice(namespace.length))) return `${prefix}:${iri.slice(namespace.length)}`;
  }
  return iri;
}

export const expandIri = (compact: `${string}:${string}`): string => {
  const colon = compact.indexOf(':');
  const namespace = NS[compact.slice(0, colon)];
  return namespace ? namespace + compact.slice(colon + 1) : compact;
};

export function isLiteral(value: unknown): value is RdfLiteral {
  return typeof value === 'object' && value !== null && typeof (value as RdfLiteral)['@value'] === 'string';
}

export function isNode(value: unknown): value is RdfNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isLiteral(value);
}

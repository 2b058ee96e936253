/**
 * Test helpers that reduce both exports to comparable triple lines, blank nodes written `_:b`.
 * The JSON-LD side is a tiny expansion of the subset of JSON-LD the export writes (no processor is
 * installed): terms and prefixes from the document's own context, value objects, `@reverse`.
 */
import type { Quad, Term } from 'n3';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function expand(context: JsonObject, name: string): string {
  const entry = context[name];
  if (typeof entry === 'string') return expand(context, entry);
  if (isObject(entry) && typeof entry['@id'] === 'string') return expand(context, entry['@id']);
  const colon = name.indexOf(':');
  const prefix = colon > 0 ? context[name.slice(0, colon)] : undefined;
  return typeof prefix === 'string' ? prefix + name.slice(colon + 1) : name;
}

const literalLine = (value: string, tag: string) => JSON.stringify(value) + tag;

export function jsonLdTriples(document: JsonObject): string[] {
  const context = document['@context'] as JsonObject;
  const lines: string[] = [];
  const walk = (node: JsonObject): string => {
    const subject = typeof node['@id'] === 'string' ? `<${node['@id']}>` : '_:b';
    for (const type of [node['@type'] ?? []].flat()) lines.push(`${subject} <${RDF_TYPE}> <${expand(context, String(type))}>`);
    for (const [key, raw] of Object.entries(node)) {
      if (key.startsWith('@')) continue;
      const def = context[key];
      const coercion = isObject(def) ? def['@type'] : undefined;
      for (const value of [raw].flat()) lines.push(`${subject} <${expand(context, key)}> ${object(value, coercion)}`);
    }
    for (const [key, raw] of Object.entries((node['@reverse'] ?? {}) as JsonObject)) {
      for (const value of [raw].flat()) lines.push(`${walk(value as JsonObject)} <${expand(context, key)}> ${subject}`);
    }
    return subject;
  };
  const object = (value: Json, coercion: Json | undefined): string => {
    if (typeof value === 'string') {
      if (coercion === '@id') return `<${value}>`;
      return literalLine(value, typeof coercion === 'string' ? `^^<${expand(context, coercion)}>` : '');
    }
    if (!isObject(value)) throw new Error(`unexpected JSON-LD value ${JSON.stringify(value)}`);
    if (value['@value'] === undefined) return walk(value);
    const text = String(value['@value']);
    if (typeof value['@language'] === 'string') return literalLine(text, `@${value['@language']}`);
    return literalLine(text, typeof value['@type'] === 'string' ? `^^<${expand(context, value['@type'])}>` : '');
  };
  for (const node of (document['@graph'] as JsonObject[] | undefined) ?? [document]) walk(node);
  return lines.sort();
}

function termLine(term: Term): string {
  if (term.termType === 'BlankNode') return '_:b';
  if (term.termType !== 'Literal') return `<${term.value}>`;
  if (term.language) return literalLine(term.value, `@${term.language}`);
  const datatype = term.datatype.value;
  return literalLine(term.value, datatype === XSD_STRING || datatype === LANG_STRING ? '' : `^^<${datatype}>`);
}

export function quadLines(quads: Quad[]): string[] {
  return quads.map((q) => `${termLine(q.subject)} <${q.predicate.value}> ${termLine(q.object)}`).sort();
}

/**
 * Reading values out of a raw DCAT record: literals in the portal's language, IRIs that some
 * portals write as plain literals, labels of concepts and agents.
 */
import { isLiteral, isNode, type RdfNode, type RdfValue } from './dcat-terms.js';

/** Every value of the given properties, in order of the properties. */
export function valuesOf(node: RdfNode, ...properties: string[]): RdfValue[] {
  return properties.flatMap((property) => {
    const values = node[property];
    return Array.isArray(values) ? (values as unknown[]).filter((v): v is RdfValue => isLiteral(v) || isNode(v)) : [];
  });
}

export function nodesOf(node: RdfNode, ...properties: string[]): RdfNode[] {
  return valuesOf(node, ...properties).filter(isNode);
}

/** BCP 47 transformed content (`en-t-es-t0-mtec`): piveau's machine translations, never the portal's own words. */
const isMachineTranslated = (tag: string) => /-t-/i.test(tag);

/** 0: the portal's language; 1: no language tag; 2: another language; undefined: skipped. */
function rank(value: RdfValue, language: string): number | undefined {
  if (!isLiteral(value) || value['@value'].trim() === '') return undefined;
  const tag = value['@language']?.toLowerCase();
  if (!tag) return 1;
  if (isMachineTranslated(tag)) return undefined;
  return tag === language || tag.startsWith(`${language}-`) ? 0 : 2;
}

/** The one text to show: in the portal's language, else untagged, else another language. */
export function pickText(values: RdfValue[], language: string): string | undefined {
  let best: { rank: number; text: string } | undefined;
  for (const value of values) {
    const r = rank(value, language);
    if (r !== undefined && (!best || r < best.rank)) best = { rank: r, text: (value as { '@value': string })['@value'].trim() };
  }
  return best?.text;
}

/**
 * Several texts (keywords): those in the portal's language and the untagged ones; only when there
 * are none, those of the other languages.
 */
export function pickTexts(values: RdfValue[], language: string): string[] {
  const ranked = values.map((value) => ({ value, rank: rank(value, language) })).filter((v) => v.rank !== undefined);
  const keep = ranked.some((v) => (v.rank ?? 2) <= 1) ? (r: number) => r <= 1 : () => true;
  return ranked.filter((v) => keep(v.rank ?? 2)).map((v) => (v.value as { '@value': string })['@value'].trim());
}

/** A node's IRI, or a literal's text: URLs and codes are often written as plain literals. */
export function iriOrText(value: RdfValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = isLiteral(value) ? value['@value'] : value['@id'];
  return text?.trim() || undefined;
}

export const isHttpUrl = (text: string | undefined): text is string => text !== undefined && /^https?:\/\/\S+$/i.test(text);

/** Label properties of concepts, agents, locations and documents, most specific first. */
const LABELS = ['skos:prefLabel', 'foaf:name', 'vcard:fn', 'vcard:organization-name', 'dct:title', 'rdfs:label', 'schema:name', 'sdo:name', 'locn:geographicName', 'skos:altLabel'];

/** What a value is called: a literal's text, or the best label of a node. */
export function labelOf(value: RdfValue | undefined, language: string, properties = LABELS): string | undefined {
  if (value === undefined) return undefined;
  if (isLiteral(value)) return value['@value'].trim() || undefined;
  for (const property of properties) {
    const label = pickText(valuesOf(value, property), language);
    if (label) return label;
  }
  return undefined;
}

/** A coded value as declared: the IRI, else the literal, else the label of a blank node. */
export function declaredOf(value: RdfValue | undefined, language: string): string | undefined {
  return iriOrText(value) ?? labelOf(value, language);
}

/** The first literal of a property, as written (dates, sizes, identifiers). */
export function firstText(node: RdfNode, ...properties: string[]): string | undefined {
  for (const value of valuesOf(node, ...properties)) {
    const text = isLiteral(value) ? value['@value'].trim() : undefined;
    if (text) return text;
  }
  return undefined;
}

/** The local name of an IRI: `…/data-theme/ECON` → `ECON`, `spdx:checksumAlgorithm_sha1` → `checksumAlgorithm_sha1`. */
export function localName(iri: string): string {
  const name = iri.replace(/[/#]+$/, '').split(/[/#:]/).pop() ?? iri;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

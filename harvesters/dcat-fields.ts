/**
 * The structured parts of a DCAT dataset, as declared: agents (foaf:Agent or skos:Concept),
 * contact points (vcard), licences, periods, locations, themes and identifiers.
 */
import type { Agent, ContactPoint, License, Spatial, Temporal, Theme } from '../src/dcat/types.js';
import { isLiteral, type RdfNode, type RdfValue } from './dcat-terms.js';
import { firstText, iriOrText, isHttpUrl, labelOf, localName, nodesOf, valuesOf } from './dcat-values.js';

/** A publisher: an agent named by foaf:name, a concept named by skos:prefLabel, or a bare name or IRI. */
export function agentOf(value: RdfValue | undefined, language: string): Agent | undefined {
  if (value === undefined) return undefined;
  if (isLiteral(value)) {
    const text = iriOrText(value);
    return isHttpUrl(text) ? { uri: text } : text ? { name: text } : undefined;
  }
  const agent: Agent = {
    name: labelOf(value, language),
    id: firstText(value, 'dct:identifier', 'skos:notation'),
    uri: value['@id'],
    email: iriOrText(valuesOf(value, 'foaf:mbox', 'vcard:hasEmail')[0]),
  };
  return agent.name || agent.uri || agent.email ? agent : undefined;
}

/** A vcard:Kind: its name, e-mail (a `mailto:` IRI or a literal) and URL. */
export function contactOf(value: RdfValue | undefined, language: string): ContactPoint | undefined {
  if (value === undefined) return undefined;
  if (isLiteral(value)) {
    const text = iriOrText(value);
    return text?.includes('@') ? { email: text } : text ? { name: text } : undefined;
  }
  const emailValue = valuesOf(value, 'vcard:hasEmail', 'vcard:email', 'foaf:mbox')[0];
  const contact: ContactPoint = {
    name: labelOf(value, language, ['vcard:fn', 'vcard:organization-name', 'foaf:name', 'rdfs:label']),
    // vCard also lets an e-mail be a node whose vcard:value holds the address.
    email: emailValue && !isLiteral(emailValue) && !emailValue['@id'] ? firstText(emailValue, 'vcard:value') : iriOrText(emailValue),
    url: iriOrText(valuesOf(value, 'vcard:hasURL', 'foaf:homepage')[0]),
  };
  return contact.name || contact.email || contact.url ? contact : undefined;
}

/** A dct:LicenseDocument by IRI (with its title when described), or a licence named in a literal. */
export function licenseOf(value: RdfValue | undefined, language: string): License | undefined {
  if (value === undefined) return undefined;
  const declared = iriOrText(value);
  const title = isLiteral(value) ? undefined : labelOf(value, language);
  if (isHttpUrl(declared)) return { url: declared, title };
  const license: License = { raw: declared ?? firstText(value as RdfNode, 'dct:identifier'), title };
  return license.raw || license.title ? license : undefined;
}

const START = ['dcat:startDate', 'schema:startDate', 'sdo:startDate'];
const END = ['dcat:endDate', 'schema:endDate', 'sdo:endDate'];

/** A dct:PeriodOfTime (DCAT or schema.org dates), or a period written as one literal (`2019/2020`). */
export function temporalOf(value: RdfValue | undefined): Temporal | undefined {
  if (value === undefined) return undefined;
  if (isLiteral(value)) return iriOrText(value) ? { raw: iriOrText(value) } : undefined;
  const start = firstText(value, ...START);
  const end = firstText(value, ...END);
  if (!start && !end) return undefined;
  return { start: start ? { raw: start } : undefined, end: end ? { raw: end } : undefined };
}

/** A dct:Location: its IRI, its name, and a bounding box read from dcat:bbox or locn:geometry. */
export function spatialOf(value: RdfValue | undefined, language: string): Spatial | undefined {
  if (value === undefined) return undefined;
  if (isLiteral(value)) {
    const text = iriOrText(value);
    return isHttpUrl(text) ? { uri: text } : text ? { label: text, bbox: bboxOf(text) } : undefined;
  }
  const geometries = valuesOf(value, 'dcat:bbox', 'locn:geometry').map(iriOrText);
  const spatial: Spatial = {
    uri: value['@id'],
    label: labelOf(value, language),
    bbox: geometries.map((text) => (text ? bboxOf(text) : undefined)).find(Boolean),
  };
  return spatial.uri || spatial.label || spatial.bbox ? spatial : undefined;
}

/**
 * West, south, east, north of a WKT (`POLYGON((-79.1 -2.9, …))`, with or without a CRS IRI in
 * front) or GeoJSON geometry: every number pair is a longitude and a latitude (CRS84 order).
 */
export function bboxOf(text: string): Spatial['bbox'] {
  const body = text.replace(/^\s*<[^>]*>\s*/, '').replace(/^SRID=\d+;/i, '').replace(/"[^"]*"\s*:/g, '').replace(/"[^"]*"/g, '');
  const numbers = (body.match(/-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/gi) ?? []).map(Number);
  if (numbers.length < 2 || numbers.length % 2 !== 0) return undefined;
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < numbers.length; i += 2) {
    const [lon, lat] = [numbers[i], numbers[i + 1]];
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return undefined;
    box[0] = Math.min(box[0], lon);
    box[1] = Math.min(box[1], lat);
    box[2] = Math.max(box[2], lon);
    box[3] = Math.max(box[3], lat);
  }
  return box;
}

/**
 * A theme: its label when the concept is described or written as a literal, else the IRI's
 * last segment; the IRI goes as the code for normalization to read (EU data-theme URIs).
 */
export function themeOf(value: RdfValue, language: string): Theme | undefined {
  const iri = isLiteral(value) ? undefined : value['@id'];
  // A bare group IRI (`…/group/desarrollo-territorial`) is named by its slug, read as words.
  const label = labelOf(value, language) ?? (iri ? localName(iri).replace(/[-_]+/g, ' ').trim() || undefined : undefined);
  if (!label) return undefined;
  return iri ? { code: iri, label } : { label };
}

/** dct:identifier, else the notation of an adms:Identifier. */
export function identifierOf(node: RdfNode): string | undefined {
  return valuesOf(node, 'dct:identifier').map(iriOrText).find(Boolean) ?? nodesOf(node, 'adms:identifier').map((id) => firstText(id, 'skos:notation')).find(Boolean);
}

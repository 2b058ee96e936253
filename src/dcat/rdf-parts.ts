/** Mappings for the parts a dataset and its distributions share: coded values, licences, agents. */
import type { Agent, Checksum, Coded, ContactPoint, License, Spatial, Temporal } from './types.js';
import { add, hasContent, iri, literal, node, type RdfNode, type RdfValue } from './rdf-graph.js';
import { AUTHORITY, PREFIXES, type ClassName } from './rdf-terms.js';
import { dateLiteral, iriValue, mailto, text, wktPolygon } from './rdf-values.js';

const present = (n: RdfNode): RdfNode | undefined => (hasContent(n) ? n : undefined);

/**
 * A blank node of `type` that only carries a label: how an unrecognized value stays visible.
 * Concepts take skos:prefLabel, everything else rdfs:label.
 */
export function labelled(type: ClassName, label: string | undefined, language?: string): RdfNode | undefined {
  return present(add(node(type), type === 'Concept' ? 'prefLabel' : 'label', text(label, language)));
}

/** The vocabulary IRI when the value was recognized, else the declared value as a label. */
export function codedValue(
  value: Coded | undefined,
  toIri: (code: string | undefined) => RdfValue | undefined,
  type: ClassName,
  language?: string,
): RdfValue | undefined {
  if (!value) return undefined;
  return toIri(value.code) ?? labelled(type, value.raw, language);
}

// SPDX ids are letters, digits, `.`, `-` and `+`; `LicenseRef-…` ids are local to a document.
const SPDX_ID = /^(?!LicenseRef-)[A-Za-z0-9][A-Za-z0-9.+-]*$/;

/** The SPDX licence IRI, else the declared licence URL, else a licence document with the label. */
export function licenseValue(license: License | undefined, language?: string): RdfValue | undefined {
  if (!license) return undefined;
  if (license.id && SPDX_ID.test(license.id)) return iri(AUTHORITY.spdxLicense + license.id);
  return iriValue(license.url) ?? labelled('LicenseDocument', license.title ?? license.raw, language);
}

export function agentNode(agent: Agent | undefined): RdfNode | undefined {
  if (!agent) return undefined;
  const result = node('Agent', iriValue(agent.uri)?.iri);
  add(result, 'name', text(agent.name, undefined));
  add(result, 'identifier', text(agent.id, undefined));
  return present(add(result, 'mbox', mailto(agent.email)));
}

export function contactNode(contact: ContactPoint | undefined): RdfNode | undefined {
  if (!contact) return undefined;
  const result = add(node('Kind'), 'fn', text(contact.name, undefined));
  add(result, 'hasEmail', mailto(contact.email));
  return present(add(result, 'hasURL', iriValue(contact.url)));
}

export function periodNode(temporal: Temporal | undefined): RdfNode | undefined {
  const result = add(node('PeriodOfTime'), 'startDate', dateLiteral(temporal?.start));
  return present(add(result, 'endDate', dateLiteral(temporal?.end)));
}

export function locationNode(spatial: Spatial | undefined, language?: string): RdfNode | undefined {
  if (!spatial) return undefined;
  const result = node('Location', iriValue(spatial.uri)?.iri);
  add(result, 'prefLabel', text(spatial.label, language));
  return present(add(result, 'bbox', wktPolygon(spatial.bbox)));
}

// The algorithms SPDX names as `checksumAlgorithm_<name>` individuals.
const SPDX_ALGORITHMS = new Set(['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']);

export function checksumNode(checksum: Checksum | undefined): RdfNode | undefined {
  const value = checksum?.value.trim();
  if (!value) return undefined;
  const algorithm = checksum?.algorithm?.toLowerCase().replace(/[^a-z0-9]/g, '');
  const result = node('Checksum');
  if (algorithm && SPDX_ALGORITHMS.has(algorithm)) add(result, 'algorithm', iri(`${PREFIXES.spdx}checksumAlgorithm_${algorithm}`));
  const hex = /^[0-9a-fA-F]+$/.test(value) && value.length % 2 === 0;
  return add(result, 'checksumValue', hex ? literal(value.toLowerCase(), { datatype: 'xsd:hexBinary' }) : literal(value));
}

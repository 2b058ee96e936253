/** dcat:Distribution nodes → DCAT distributions, as declared (formats and media types stay raw). */
import type { Checksum, Distribution } from '../src/dcat/types.js';
import { isLiteral, type RdfNode, type RdfValue } from './dcat-terms.js';
import { licenseOf } from './dcat-fields.js';
import { declaredOf, firstText, iriOrText, isHttpUrl, labelOf, localName, nodesOf, pickText, valuesOf } from './dcat-values.js';

/** A distribution written as a bare URL is a download link; anything else that is not a node carries nothing. */
export function toDistribution(value: RdfValue, index: number, language: string): Distribution | undefined {
  if (isLiteral(value)) {
    const url = iriOrText(value);
    return isHttpUrl(url) ? { id: url, accessURL: url } : undefined;
  }
  const accessURL = iriOrText(valuesOf(value, 'dcat:accessURL')[0]);
  const downloadURL = iriOrText(valuesOf(value, 'dcat:downloadURL')[0]);
  const format = declaredOf(valuesOf(value, 'dct:format')[0], language);
  const mediaType = declaredOf(valuesOf(value, 'dcat:mediaType')[0], language);
  const issued = firstText(value, 'dct:issued');
  const modified = firstText(value, 'dct:modified');
  return {
    // A blank node's label changes from page to page: the URLs name it instead.
    id: value['@id'] ?? downloadURL ?? accessURL ?? `distribution-${index + 1}`,
    title: pickText(valuesOf(value, 'dct:title'), language),
    description: pickText(valuesOf(value, 'dct:description'), language),
    accessURL,
    downloadURL,
    format: format ? { raw: format } : undefined,
    mediaType: mediaType ? { raw: mediaType } : undefined,
    byteSize: byteSize(firstText(value, 'dcat:byteSize')),
    license: licenseOf(valuesOf(value, 'dct:license')[0], language),
    rights: rightsOf(valuesOf(value, 'dct:rights')[0], language),
    issued: issued ? { raw: issued } : undefined,
    modified: modified ? { raw: modified } : undefined,
    checksum: nodesOf(value, 'spdx:checksum').map(checksumOf).find(Boolean),
  };
}

/** `"1234"`, `"1234.0"^^xsd:decimal` (CKAN), `"1.5E7"`; a negative or non-numeric size is no size. */
function byteSize(text: string | undefined): number | undefined {
  if (text === undefined || !/^\+?\d+(\.\d+)?(e\+?\d+)?$/i.test(text)) return undefined;
  const size = Number(text);
  return Number.isFinite(size) ? Math.round(size) : undefined;
}

/** A rights statement: its text, or the label or description of a dct:RightsStatement, or its IRI. */
function rightsOf(value: RdfValue | undefined, language: string): string | undefined {
  if (value === undefined || isLiteral(value)) return iriOrText(value);
  return labelOf(value, language, ['rdfs:label', 'dct:title', 'dct:description', 'skos:prefLabel']) ?? value['@id'];
}

/** spdx:Checksum: the algorithm's IRI (`spdx:checksumAlgorithm_sha256`) read as `sha256`. */
function checksumOf(node: RdfNode): Checksum | undefined {
  const value = firstText(node, 'spdx:checksumValue');
  if (!value) return undefined;
  const algorithm = iriOrText(valuesOf(node, 'spdx:algorithm')[0]);
  return { algorithm: algorithm ? localName(algorithm).replace(/^checksumAlgorithm_/, '') : undefined, value };
}

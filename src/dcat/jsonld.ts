/**
 * DCAT-AP 3 as JSON-LD. The context is offline (no remote context to fetch) and generated from
 * the same term table the Turtle export expands, so the two say the same thing.
 */
import type { Dataset } from './types.js';
import type { LiteralValue, RdfNode, RdfValue } from './rdf-graph.js';
import { CLASSES, PREFIXES, TERMS, type TermDefinition, type TermName } from './rdf-terms.js';
import { datasetNode, type RdfExportOptions } from './dataset-rdf.js';
import { catalogLinks, catalogNode, writeChunk, type CatalogOptions } from './catalog-rdf.js';

export type JsonLdValue = string | number | boolean | JsonLdObject | JsonLdValue[];
export interface JsonLdObject {
  [key: string]: JsonLdValue;
}

function termContext(def: TermDefinition): JsonLdObject {
  const entry: JsonLdObject = { '@id': def.iri };
  if (def.ref) entry['@type'] = '@id';
  else if (def.datatype) entry['@type'] = def.datatype;
  if (def.many) entry['@container'] = '@set';
  return entry;
}

/**
 * Prefixes, classes (`"@type": "Dataset"`) and camelCase properties. Dates carry their own
 * `@type` (xsd:date or xsd:dateTime, read from the value), so no date term coerces one.
 */
export const DCAT_CONTEXT: JsonLdObject = Object.freeze({
  ...PREFIXES,
  ...CLASSES,
  ...Object.fromEntries(Object.entries(TERMS).map(([term, def]) => [term, termContext(def)])),
});

function literalToJsonLd(value: LiteralValue, def: TermDefinition): JsonLdValue {
  if (value.language) return { '@value': value.value, '@language': value.language };
  if (value.datatype) return value.datatype === def.datatype ? value.value : { '@value': value.value, '@type': value.datatype };
  // A bare string would be coerced by a term that types its values.
  return def.ref || def.datatype ? { '@value': value.value } : value.value;
}

function valueToJsonLd(value: RdfValue, def: TermDefinition): JsonLdValue {
  if (value.kind === 'node') return nodeToJsonLd(value);
  if (value.kind === 'iri') return def.ref ? value.iri : { '@id': value.iri };
  return literalToJsonLd(value, def);
}

function termEntries<T>(map: Partial<Record<TermName, T[]>>): Array<[TermName, T[]]> {
  return Object.entries(map) as Array<[TermName, T[]]>;
}

/** Prints a node of the neutral graph with the terms of DCAT_CONTEXT. */
export function nodeToJsonLd(target: RdfNode): JsonLdObject {
  const out: JsonLdObject = {};
  if (target.id !== undefined) out['@id'] = target.id;
  if (target.type !== undefined) out['@type'] = target.type;
  for (const [term, values] of termEntries(target.props)) {
    const def: TermDefinition = TERMS[term];
    const printed = values.map((v) => valueToJsonLd(v, def));
    out[term] = def.many || printed.length > 1 ? printed : printed[0];
  }
  const reverse = termEntries(target.reverse);
  if (reverse.length > 0) {
    out['@reverse'] = Object.fromEntries(reverse.map(([term, nodes]) => [term, nodes.map(nodeToJsonLd)]));
  }
  return out;
}

/**
 * One dcat:Dataset node (with its distributions, publisher… nested), to be read with DCAT_CONTEXT:
 * it carries no `@context` of its own so that it can sit in a `@graph`.
 */
export function datasetToJsonLd(dataset: Dataset, options: RdfExportOptions = {}): JsonLdObject {
  return nodeToJsonLd(datasetNode(dataset, options));
}

/** A complete JSON-LD document: the dcat:Catalog and its datasets in one `@graph`. */
export function catalogToJsonLd(datasets: Iterable<Dataset>, options: CatalogOptions = {}): JsonLdObject {
  const catalog = catalogNode(options);
  const nodes = [...datasets].map((d) => datasetNode(d, options));
  const links = catalogLinks(catalog.id ?? '', nodes);
  catalog.props = { ...catalog.props, ...links.props };
  return { '@context': DCAT_CONTEXT, '@graph': [catalog, ...nodes].map(nodeToJsonLd) };
}

/**
 * Streams the same document batch by batch. The catalog's links to each batch are written as a
 * fragment with the catalog's `@id`, which JSON-LD merges into one node. The stream is not ended.
 */
export async function writeJsonLd(
  batches: AsyncIterable<Dataset[]> | Iterable<Dataset[]>,
  out: NodeJS.WritableStream,
  options: CatalogOptions = {},
): Promise<void> {
  const catalog = catalogNode(options);
  await writeChunk(out, `{"@context":${JSON.stringify(DCAT_CONTEXT)},\n"@graph":[\n${JSON.stringify(nodeToJsonLd(catalog))}`);
  for await (const batch of batches) {
    const nodes = batch.map((d) => datasetNode(d, options));
    if (nodes.length === 0) continue;
    const printed = [catalogLinks(catalog.id ?? '', nodes), ...nodes].map((n) => JSON.stringify(nodeToJsonLd(n)));
    await writeChunk(out, `,\n${printed.join(',\n')}`);
  }
  await writeChunk(out, '\n]}\n');
}

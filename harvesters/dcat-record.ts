/**
 * From the quads of one catalog page to its records: every dcat:Dataset with the subgraph that
 * describes it (distributions, publisher, contact point, temporal and spatial nodes…), and the
 * page's link to the next one (hydra:next, or the older hydra:nextPage that CKAN writes as a
 * plain literal).
 */
import { compactIri, expandIri, NS, type RdfLiteral, type RdfNode, type RdfValue } from './dcat-terms.js';

/** The parts of an RDF/JS term and quad the harvester reads (n3 and the streaming parsers agree on them). */
export interface RdfTerm {
  termType: string;
  value: string;
  language?: string;
  datatype?: { value: string };
}

export interface RdfQuad {
  subject: RdfTerm;
  predicate: RdfTerm;
  object: RdfTerm;
}

export interface CatalogPage {
  /** The datasets described on the page, in document order. */
  records: RdfNode[];
  /** Next-page links, as written (relative ones are resolved by the parser or the caller). */
  next: string[];
  /** True when the page says it is a DCAT catalog (or a page of one), even without datasets. */
  isCatalog: boolean;
  /** The whole collection's size, when the page states it (`hydra:totalItems`). */
  totalItems?: number;
}

const RDF_TYPE = expandIri('rdf:type');
const DATASET = expandIri('dcat:Dataset');
const CATALOG = expandIri('dcat:Catalog');
const HAS_DATASET = expandIri('dcat:dataset');
/** Paging links: Hydra's `next`, its older `nextPage`, under both spellings of the namespace, and XHTML's `next`. */
const NEXT = new Set(['next', 'nextPage'].flatMap((name) => [NS.hydra, 'https://www.w3.org/ns/hydra/core#', 'http://purl.org/hydra/core#'].map((ns) => ns + name)));
NEXT.add('http://www.w3.org/1999/xhtml/vocab#next');
const TOTAL_ITEMS = new Set([NS.hydra, 'https://www.w3.org/ns/hydra/core#', 'http://purl.org/hydra/core#'].map((ns) => `${ns}totalItems`));
const PAGING_TYPES = new Set(['PagedCollection', 'PartialCollectionView', 'Collection'].map((name) => NS.hydra + name));
/** Nodes deeper than this are referenced by IRI only: a dataset's description is never that deep. */
const MAX_DEPTH = 6;
const PLAIN_DATATYPES = new Set([expandIri('xsd:string'), expandIri('rdf:langString')]);

export function readCatalogPage(quads: readonly RdfQuad[]): CatalogPage {
  const bySubject = new Map<string, RdfQuad[]>();
  const datasets = new Map<string, RdfTerm>();
  const boundaries = new Set<string>();
  const next: string[] = [];
  let isCatalog = false;
  let totalItems: number | undefined;
  for (const quad of quads) {
    const subject = keyOf(quad.subject);
    const described = bySubject.get(subject);
    if (described) described.push(quad);
    else bySubject.set(subject, [quad]);
    const predicate = quad.predicate.value;
    const object = quad.object;
    if (predicate === RDF_TYPE && object.value === DATASET) datasets.set(subject, quad.subject);
    else if (predicate === HAS_DATASET && object.termType !== 'Literal') datasets.set(keyOf(object), object);
    if (predicate === HAS_DATASET || (predicate === RDF_TYPE && (object.value === CATALOG || PAGING_TYPES.has(object.value)))) {
      isCatalog = true;
      boundaries.add(subject);
    }
    const link = NEXT.has(predicate) && object.termType !== 'BlankNode' ? object.value.trim() : '';
    if (link && !next.includes(link)) next.push(link);
    if (TOTAL_ITEMS.has(predicate) && object.termType === 'Literal' && /^\d+$/.test(object.value.trim())) totalItems = Number(object.value);
  }
  for (const key of datasets.keys()) boundaries.add(key);

  /** A node with what the page says of it; datasets, catalogs and nodes on the current path are only referenced. */
  const describe = (term: RdfTerm, depth: number, path: Set<string>): RdfNode => {
    const node: RdfNode = term.termType === 'NamedNode' ? { '@id': term.value } : {};
    const key = keyOf(term);
    const quadsOf = bySubject.get(key);
    if (!quadsOf || path.has(key) || depth >= MAX_DEPTH || (depth > 0 && boundaries.has(key))) return node;
    path.add(key);
    const types = new Set<string>();
    const properties = new Map<string, RdfValue[]>();
    for (const { predicate, object } of quadsOf) {
      if (predicate.value === RDF_TYPE && object.termType === 'NamedNode') {
        types.add(compactIri(object.value));
        continue;
      }
      const name = compactIri(predicate.value);
      const value = object.termType === 'Literal' ? literal(object) : describe(object, depth + 1, path);
      const list = properties.get(name);
      if (list) list.push(value);
      else properties.set(name, [value]);
    }
    path.delete(key);
    if (types.size) node['@type'] = [...types].sort();
    for (const name of [...properties.keys()].sort()) node[name] = sortValues(properties.get(name) ?? []);
    return node;
  };

  const records = [...datasets].filter(([key]) => bySubject.has(key)).map(([, term]) => describe(term, 0, new Set()));
  return { records, next, isCatalog: isCatalog || records.length > 0, ...(totalItems !== undefined && { totalItems }) };
}

function keyOf(term: RdfTerm): string {
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

function literal(term: RdfTerm): RdfLiteral {
  const value: RdfLiteral = { '@value': term.value };
  if (term.language) value['@language'] = term.language;
  else if (term.datatype && !PLAIN_DATATYPES.has(term.datatype.value)) value['@type'] = compactIri(term.datatype.value);
  return value;
}

/** RDF has no order: values are sorted by their JSON form, so every syntax gives the same record. */
function sortValues(values: RdfValue[]): RdfValue[] {
  const keyed = values.map((value) => [JSON.stringify(value), value] as const);
  keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return keyed.filter(([key], index) => index === 0 || keyed[index - 1][0] !== key).map(([, value]) => value);
}

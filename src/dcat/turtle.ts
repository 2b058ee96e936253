/**
 * DCAT-AP 3 as RDF quads and streamed Turtle, built with N3's DataFactory from the same neutral
 * graph as the JSON-LD export. N3 does the escaping (quotes, newlines) and the prefixed names.
 */
import { DataFactory, Writer, type Quad, type Quad_Object, type Quad_Subject } from 'n3';
import type { Dataset } from './types.js';
import type { LiteralValue, RdfNode } from './rdf-graph.js';
import { CLASSES, PREFIXES, RDF_TYPE, TERMS, expandIri, type TermName } from './rdf-terms.js';
import { datasetNode, type RdfExportOptions } from './dataset-rdf.js';
import { catalogLinks, catalogNode, writeChunk, type CatalogOptions } from './catalog-rdf.js';

const { blankNode, literal, namedNode, quad } = DataFactory;
const rdfType = namedNode(RDF_TYPE);

function literalTerm(value: LiteralValue): Quad_Object {
  if (value.language) return literal(value.value, value.language);
  return value.datatype ? literal(value.value, namedNode(expandIri(value.datatype))) : literal(value.value);
}

function predicate(term: TermName) {
  return namedNode(expandIri(TERMS[term].iri));
}

/**
 * The quads of a node and of the nodes it holds. A node's statements come together and nested
 * nodes follow their parent, so N3 can group them under one subject.
 */
export function nodeQuads(root: RdfNode): Quad[] {
  const quads: Quad[] = [];
  const subjects = new Map<RdfNode, Quad_Subject>();
  const subjectOf = (n: RdfNode): Quad_Subject => {
    let subject = subjects.get(n);
    if (subject === undefined) subjects.set(n, (subject = n.id !== undefined ? namedNode(n.id) : blankNode()));
    return subject;
  };
  // Each queued node may owe a statement pointing back at its parent (a reverse property).
  const queue: Array<{ n: RdfNode; back?: [TermName, Quad_Subject] }> = [{ n: root }];
  for (let i = 0; i < queue.length; i++) {
    const { n, back } = queue[i];
    const subject = subjectOf(n);
    if (n.type !== undefined) quads.push(quad(subject, rdfType, namedNode(expandIri(CLASSES[n.type]))));
    if (back) quads.push(quad(subject, predicate(back[0]), back[1]));
    for (const [term, values] of Object.entries(n.props) as Array<[TermName, RdfNode['props'][TermName]]>) {
      for (const value of values ?? []) {
        if (value.kind === 'node') queue.push({ n: value });
        const object = value.kind === 'node' ? subjectOf(value) : value.kind === 'iri' ? namedNode(value.iri) : literalTerm(value);
        quads.push(quad(subject, predicate(term), object));
      }
    }
    for (const [term, nodes] of Object.entries(n.reverse) as Array<[TermName, RdfNode[]]>) {
      for (const other of nodes) queue.push({ n: other, back: [term, subject] });
    }
  }
  return quads;
}

/** The dataset, its distributions and its catalog record as N3 quads. */
export function datasetQuads(dataset: Dataset, options: RdfExportOptions = {}): Quad[] {
  return nodeQuads(datasetNode(dataset, options));
}

/**
 * Writes one Turtle document: prefixes once, the dcat:Catalog, then each batch as it arrives
 * with the catalog's links to it. Memory holds one batch at a time; the stream is not ended.
 */
export async function writeTurtle(
  batches: AsyncIterable<Dataset[]> | Iterable<Dataset[]>,
  out: NodeJS.WritableStream,
  options: CatalogOptions = {},
): Promise<void> {
  let pending = '';
  // N3 writes into this buffer; it is handed to `out` per batch, with backpressure.
  const sink = {
    write(chunk: string, _encoding?: string, done?: () => void): boolean {
      pending += chunk;
      done?.();
      return true;
    },
    end(done?: () => void): void {
      done?.();
    },
  };
  const flush = async (): Promise<void> => {
    const chunk = pending;
    pending = '';
    await writeChunk(out, chunk);
  };
  const writer = new Writer(sink, { prefixes: { ...PREFIXES }, end: false });
  const catalog = catalogNode(options);
  writer.addQuads(nodeQuads(catalog));
  await flush();
  for await (const batch of batches) {
    const nodes = batch.map((d) => datasetNode(d, options));
    if (nodes.length === 0) continue;
    writer.addQuads(nodeQuads(catalogLinks(catalog.id ?? '', nodes)));
    for (const n of nodes) writer.addQuads(nodeQuads(n));
    await flush();
  }
  writer.end();
  await flush();
}

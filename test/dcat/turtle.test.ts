import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { Parser, Store, DataFactory, type Quad } from 'n3';
import { datasetQuads, writeTurtle } from '../../src/dcat/turtle.js';
import { catalogToJsonLd } from '../../src/dcat/jsonld.js';
import { nodeQuads } from '../../src/dcat/turtle.js';
import { catalogNode } from '../../src/dcat/catalog-rdf.js';
import type { Dataset } from '../../src/dcat/types.js';
import { sampleDataset } from './sample-dataset.js';
import { jsonLdTriples, quadLines } from './triples.js';

const { namedNode, literal } = DataFactory;
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const RDF_TYPE = namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type');
const EU = 'http://publications.europa.eu/resource/authority';
const BASE = 'https://cosecha.example.org';
const DATASET = namedNode(`${BASE}/api/datasets/ec-datos%3Amatricula-escolar-2023`);
const DIST_1 = namedNode(`${DATASET.value}#dist-1`);
const DIST_2 = namedNode(`${DATASET.value}#dist-2`);

/** A writable that takes its time, so that backpressure is exercised. */
function slowSink(): { out: Writable; text: () => string } {
  const chunks: string[] = [];
  const out = new Writable({
    highWaterMark: 64,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      setImmediate(done);
    },
  });
  return { out, text: () => chunks.join('') };
}

async function turtleOf(batches: Dataset[][]): Promise<string> {
  const { out, text } = slowSink();
  await writeTurtle(batches, out, { baseUrl: BASE });
  await new Promise<void>((resolve) => out.end(resolve));
  return text();
}

function parse(turtle: string): Store {
  return new Store(new Parser({ format: 'text/turtle' }).parse(turtle));
}

describe('writeTurtle', () => {
  let store: Store;
  let turtle: string;
  before(async () => {
    turtle = await turtleOf([[sampleDataset()]]);
    store = parse(turtle);
  });

  it('writes Turtle that parses back, with the Spanish title tagged @es', () => {
    assert.equal(store.countQuads(DATASET, RDF_TYPE, namedNode(`${DCAT}Dataset`), null), 1);
    assert.equal(store.countQuads(DATASET, namedNode(`${DCT}title`), literal('Matrícula escolar por año lectivo', 'es'), null), 1);
  });

  it('keeps quotes, newlines and accents of the description intact through N3 escaping', () => {
    const [description] = store.getObjects(DATASET, namedNode(`${DCT}description`), null);
    assert.equal(description.value, sampleDataset().description);
    assert.match(turtle, /Registro \\"AMIE\\" de estudiantes matriculados\.\\nIncluye/);
  });

  it('links theme, frequency, language and licence to their vocabulary IRIs', () => {
    assert.ok(store.has(DataFactory.quad(DATASET, namedNode(`${DCAT}theme`), namedNode(`${EU}/data-theme/EDUC`))));
    assert.ok(store.has(DataFactory.quad(DATASET, namedNode(`${DCT}accrualPeriodicity`), namedNode(`${EU}/frequency/ANNUAL`))));
    assert.ok(store.has(DataFactory.quad(DATASET, namedNode(`${DCT}language`), namedNode(`${EU}/language/SPA`))));
    assert.ok(store.has(DataFactory.quad(DATASET, namedNode(`${DCT}license`), namedNode('https://spdx.org/licenses/CC-BY-4.0'))));
  });

  it('types dates and sizes', () => {
    assert.ok(store.has(DataFactory.quad(DATASET, namedNode(`${DCT}issued`), literal('2023-09-01', namedNode(`${XSD}date`)))));
    assert.ok(store.has(DataFactory.quad(DATASET, namedNode(`${DCT}modified`), literal('2024-02-15T14:30:00.000Z', namedNode(`${XSD}dateTime`)))));
    assert.ok(store.has(DataFactory.quad(DIST_1, namedNode(`${DCAT}byteSize`), literal('1048576', namedNode(`${XSD}nonNegativeInteger`)))));
  });

  it('gives each distribution its file type, and no accessURL triple for a link that is not an IRI', () => {
    assert.ok(store.has(DataFactory.quad(DIST_1, namedNode(`${DCT}format`), namedNode(`${EU}/file-type/CSV`))));
    assert.ok(store.has(DataFactory.quad(DIST_1, namedNode(`${DCAT}mediaType`), namedNode('https://www.iana.org/assignments/media-types/text/csv'))));
    assert.equal(store.countQuads(DIST_2, namedNode(`${DCAT}accessURL`), null, null), 0);
    assert.doesNotMatch(turtle, /diccionario variables/);
    const [format] = store.getObjects(DIST_2, namedNode(`${DCT}format`), null);
    assert.equal(format.termType, 'BlankNode');
    assert.equal(store.getObjects(format, namedNode('http://www.w3.org/2000/01/rdf-schema#label'), null)[0].value, 'SHP comprimido');
  });
});

describe('writeTurtle with several batches', () => {
  it('streams two batches into one document: prefixes and catalog once, a link to every dataset', async () => {
    const second = sampleDataset({ id: 'ec-datos:otro', title: 'Otro conjunto' });
    const turtle = await turtleOf([[sampleDataset()], [], [second]]);
    assert.equal(turtle.match(/@prefix dcat:/g)?.length, 1);
    const store = parse(turtle);
    const catalog = namedNode(`${BASE}/api/datasets`);
    assert.equal(store.countQuads(null, RDF_TYPE, namedNode(`${DCAT}Catalog`), null), 1);
    assert.deepEqual(
      store.getObjects(catalog, namedNode(`${DCAT}dataset`), null).map((t) => t.value).sort(),
      [DATASET.value, `${BASE}/api/datasets/ec-datos%3Aotro`],
    );
    assert.equal(store.countQuads(null, RDF_TYPE, namedNode(`${DCAT}Dataset`), null), 2);
  });

  it('when there are no datasets, still writes a valid document with the catalog', async () => {
    const store = parse(await turtleOf([]));
    assert.equal(store.countQuads(null, RDF_TYPE, namedNode(`${DCAT}Catalog`), null), 1);
  });
});

describe('JSON-LD and Turtle exports', () => {
  it('say the same triples for the same catalog', () => {
    const datasets = [sampleDataset(), sampleDataset({ id: 'ec-datos:otro', language: [] })];
    const fromJsonLd = jsonLdTriples(catalogToJsonLd(datasets, { baseUrl: BASE }) as never);
    const quads: Quad[] = nodeQuads(catalogNode({ baseUrl: BASE }));
    quads.push(...datasets.flatMap((d) => datasetQuads(d, { baseUrl: BASE })));
    const catalog = `${BASE}/api/datasets`;
    for (const d of datasets) {
      const id = `${BASE}/api/datasets/${encodeURIComponent(d.id)}`;
      quads.push(DataFactory.quad(namedNode(catalog), namedNode(`${DCAT}dataset`), namedNode(id)));
      quads.push(DataFactory.quad(namedNode(catalog), namedNode(`${DCAT}record`), namedNode(`${id}#record`)));
    }
    assert.deepEqual(fromJsonLd, quadLines(quads));
  });

  it('datasetQuads builds the quads without any JSON-LD processing, every IRI absolute', () => {
    for (const q of datasetQuads(sampleDataset(), {})) {
      for (const term of [q.subject, q.predicate, q.object]) {
        if (term.termType === 'NamedNode') assert.match(term.value, /^[a-z][a-z0-9+.-]*:\S+$/i);
      }
    }
  });
});

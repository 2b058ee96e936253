/**
 * The catalog behind the fake DCAT server: one Turtle document cut into pages of datasets (each
 * with its whole description), and each page written in Turtle, N-Triples, RDF/XML or JSON-LD,
 * so that every syntax serves the same graph.
 */
import { DataFactory, Parser, Writer, type Quad, type Term } from 'n3';

export type ServedSyntax = 'turtle' | 'ntriples' | 'rdfxml' | 'jsonld';

export const MEDIA_TYPES: Record<ServedSyntax, string> = {
  turtle: 'text/turtle',
  ntriples: 'application/n-triples',
  rdfxml: 'application/rdf+xml',
  jsonld: 'application/ld+json',
};

export const PREFIXES: Record<string, string> = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  locn: 'http://www.w3.org/ns/locn#',
  spdx: 'http://spdx.org/rdf/terms#',
  adms: 'http://www.w3.org/ns/adms#',
  schema: 'http://schema.org/',
  gsp: 'http://www.opengis.net/ont/geosparql#',
  hydra: 'http://www.w3.org/ns/hydra/core#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

const { namedNode, literal, quad } = DataFactory;
const RDF_TYPE = `${PREFIXES.rdf}type`;

export interface PagedCatalog {
  /** Number of pages (at least one). */
  pages: number;
  /** Number of datasets. */
  total: number;
  /** The quads of page `n` (from 1), without paging links. */
  page(n: number): Quad[];
}

/** Cuts a Turtle catalog into pages of `pageSize` datasets. Hydra nodes of the source are dropped. */
export function pageCatalog(turtle: string, pageSize: number, baseIRI = 'http://localhost/'): PagedCatalog {
  const quads = new Parser({ baseIRI }).parse(turtle);
  const key = (term: Term) => `${term.termType}:${term.value}`;
  /** Subjects typed `type`, in order of appearance. */
  const typed = (test: (type: string) => boolean) =>
    [...new Map(quads.filter((q) => q.predicate.value === RDF_TYPE && test(q.object.value)).map((q) => [key(q.subject), q.subject])).values()];
  const paging = new Set(typed((type) => type.startsWith(PREFIXES.hydra)).map(key));
  const catalogs = typed((type) => type === `${PREFIXES.dcat}Catalog`);
  const datasets = typed((type) => type === `${PREFIXES.dcat}Dataset`);
  const bySubject = new Map<string, Quad[]>();
  for (const q of quads) if (!paging.has(key(q.subject))) bySubject.set(key(q.subject), [...(bySubject.get(key(q.subject)) ?? []), q]);
  const stops = new Set([...catalogs, ...datasets].map(key));
  const catalogQuads = catalogs.flatMap((c) => (bySubject.get(key(c)) ?? []).filter((q) => q.predicate.value !== `${PREFIXES.dcat}dataset`));

  /** A dataset's quads and those of every node it reaches, other datasets and catalogs excepted. */
  const closure = (start: Term): Quad[] => {
    const out: Quad[] = [];
    const queue = [start];
    const done = new Set<string>();
    while (queue.length) {
      const term = queue.shift() as Term;
      if (done.has(key(term))) continue;
      done.add(key(term));
      for (const q of bySubject.get(key(term)) ?? []) {
        out.push(q);
        if (q.object.termType !== 'Literal' && !stops.has(key(q.object))) queue.push(q.object);
      }
    }
    return out;
  };

  const size = Math.max(1, pageSize);
  return {
    pages: Math.max(1, Math.ceil(datasets.length / size)),
    total: datasets.length,
    page(n) {
      const slice = datasets.slice((n - 1) * size, n * size);
      const links = catalogs.flatMap((c) => slice.map((d) => quad(c as Quad['subject'], namedNode(`${PREFIXES.dcat}dataset`), d)));
      const all = [...catalogQuads, ...links, ...slice.flatMap((d) => closure(d))];
      const seen = new Set<string>();
      return all.filter((q) => {
        const id = `${key(q.subject)} ${q.predicate.value} ${key(q.object)} ${q.object.termType === 'Literal' ? `${q.object.language}|${q.object.datatype.value}` : ''}`;
        return seen.has(id) ? false : (seen.add(id), true);
      });
    },
  };
}

/** Paging links in ckanext-dcat's shape (a hydra:PagedCollection, URLs as plain literals) or Hydra's current one. */
export function pagingQuads(style: 'legacy' | 'hydra', pageUrl: string, links: { first: string; last: string; next?: string; total: number; perPage: number }): Quad[] {
  const h = (name: string) => namedNode(PREFIXES.hydra + name);
  const self = namedNode(pageUrl);
  const integer = (n: number) => literal(String(n), namedNode(`${PREFIXES.xsd}integer`));
  const url = (value: string) => (style === 'legacy' ? literal(value) : namedNode(value));
  const out = [
    quad(self, namedNode(RDF_TYPE), h(style === 'legacy' ? 'PagedCollection' : 'PartialCollectionView')),
    quad(self, h(style === 'legacy' ? 'firstPage' : 'first'), url(links.first)),
    quad(self, h(style === 'legacy' ? 'lastPage' : 'last'), url(links.last)),
    quad(self, h('totalItems'), integer(links.total)),
    quad(self, h('itemsPerPage'), integer(links.perPage)),
  ];
  if (links.next) out.push(quad(self, h(style === 'legacy' ? 'nextPage' : 'next'), url(links.next)));
  return out;
}

export async function serialize(quads: Quad[], syntax: ServedSyntax): Promise<string> {
  const labelled = relabel(quads);
  if (syntax === 'rdfxml') return toRdfXml(labelled);
  if (syntax === 'jsonld') return toJsonLd(labelled);
  const writer = new Writer(syntax === 'turtle' ? { prefixes: PREFIXES } : { format: 'N-Triples' });
  writer.addQuads(labelled);
  return new Promise((resolve, reject) => writer.end((error, text) => (error ? reject(error) : resolve(text))));
}

/** Blank nodes renamed b0, b1… in order of appearance (valid in every syntax). */
function relabel(quads: Quad[]): Quad[] {
  const names = new Map<string, Term>();
  const term = <T extends Term>(t: T): T => {
    if (t.termType !== 'BlankNode') return t;
    if (!names.has(t.value)) names.set(t.value, DataFactory.blankNode(`b${names.size}`));
    return names.get(t.value) as T;
  };
  return quads.map((q) => quad(term(q.subject), q.predicate, term(q.object)));
}

const escapeXml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

function toRdfXml(quads: Quad[]): string {
  const prefixOf = new Map(Object.entries(PREFIXES).map(([prefix, ns]) => [ns, prefix]));
  const used = new Set<string>(['rdf']);
  const qname = (iri: string) => {
    const [, ns, local] = /^(.*[#/])([A-Za-z_][\w.-]*)$/.exec(iri) ?? [];
    if (!ns) throw new Error(`No QName for ${iri}`);
    if (!prefixOf.has(ns)) prefixOf.set(ns, `ns${prefixOf.size}`);
    used.add(prefixOf.get(ns) as string);
    return `${prefixOf.get(ns)}:${local}`;
  };
  const subjects = new Map<string, Quad[]>();
  for (const q of quads) subjects.set(`${q.subject.termType}:${q.subject.value}`, [...(subjects.get(`${q.subject.termType}:${q.subject.value}`) ?? []), q]);
  const body = [...subjects.values()].map((list) => {
    const s = list[0].subject;
    const about = s.termType === 'BlankNode' ? `rdf:nodeID="${s.value}"` : `rdf:about="${escapeXml(s.value)}"`;
    const properties = list.map(({ predicate, object }) => {
      const name = qname(predicate.value);
      if (object.termType === 'NamedNode') return `    <${name} rdf:resource="${escapeXml(object.value)}"/>`;
      if (object.termType === 'BlankNode') return `    <${name} rdf:nodeID="${object.value}"/>`;
      const lit = object as Quad['object'] & { language: string; datatype: Term };
      const attribute = lit.language ? ` xml:lang="${lit.language}"` : lit.datatype.value === `${PREFIXES.xsd}string` ? '' : ` rdf:datatype="${escapeXml(lit.datatype.value)}"`;
      return `    <${name}${attribute}>${escapeXml(lit.value)}</${name}>`;
    });
    return `  <rdf:Description ${about}>\n${properties.join('\n')}\n  </rdf:Description>`;
  });
  const namespaces = [...prefixOf].filter(([, prefix]) => used.has(prefix)).map(([ns, prefix]) => `\n    xmlns:${prefix}="${ns}"`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF${namespaces}>\n${body.join('\n')}\n</rdf:RDF>\n`;
}

/** Flattened JSON-LD: a `@graph` of node objects, properties as compact IRIs over a prefix context. */
function toJsonLd(quads: Quad[]): string {
  const compact = (iri: string) => {
    const hit = Object.entries(PREFIXES).find(([, ns]) => iri.startsWith(ns) && /^[A-Za-z_][\w.-]*$/.test(iri.slice(ns.length)));
    return hit ? `${hit[0]}:${iri.slice(hit[1].length)}` : iri;
  };
  const id = (t: Term) => (t.termType === 'BlankNode' ? `_:${t.value}` : t.value);
  const nodes = new Map<string, Record<string, unknown[] | string>>();
  for (const { subject, predicate, object } of quads) {
    const node = nodes.get(id(subject)) ?? { '@id': id(subject) };
    nodes.set(id(subject), node);
    if (predicate.value === RDF_TYPE && object.termType === 'NamedNode') {
      node['@type'] = [...((node['@type'] as string[] | undefined) ?? []), compact(object.value)];
      continue;
    }
    const lit = object as Quad['object'] & { language: string; datatype: Term };
    const value = object.termType !== 'Literal'
      ? { '@id': id(object) }
      : lit.language ? { '@value': lit.value, '@language': lit.language }
      : lit.datatype.value === `${PREFIXES.xsd}string` ? { '@value': lit.value } : { '@value': lit.value, '@type': compact(lit.datatype.value) };
    const key = compact(predicate.value);
    node[key] = [...((node[key] as unknown[] | undefined) ?? []), value];
  }
  return `${JSON.stringify({ '@context': PREFIXES, '@graph': [...nodes.values()] }, null, 2)}\n`;
}

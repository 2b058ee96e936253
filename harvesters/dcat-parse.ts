/**
 * Reading one catalog document into quads with real RDF parsers: n3 for Turtle, N-Triples,
 * N-Quads and TriG, rdfxml-streaming-parser for RDF/XML, jsonld-streaming-parser for JSON-LD.
 * The syntax comes from the content type, but servers lie (Turtle as text/plain, RDF/XML as
 * application/xml, JSON-LD as application/json or octet-stream), so the body's first characters
 * and the URL's extension decide where the header cannot be trusted.
 */
import { Parser as N3Parser } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { JsonLdParser } from 'jsonld-streaming-parser';
import { XMLValidator } from 'fast-xml-parser';
import { HarvestError, messageOf } from '../src/errors.js';
import type { TextResponse } from '../src/harvest/http.js';
import { OfflineContextLoader } from './dcat-contexts.js';
import type { RdfQuad } from './dcat-record.js';

export type RdfSyntax = 'turtle' | 'n-triples' | 'n-quads' | 'trig' | 'rdfxml' | 'jsonld';

/** What a catalog is asked for with: every syntax, Turtle first (CKAN and piveau serve it whole). */
export const RDF_ACCEPT =
  'text/turtle, application/rdf+xml;q=0.9, application/ld+json;q=0.9, application/n-triples;q=0.8, application/trig;q=0.7, application/json;q=0.5, */*;q=0.1';

const BY_MEDIA_TYPE: Record<string, RdfSyntax> = {
  'text/turtle': 'turtle',
  'application/x-turtle': 'turtle',
  'text/n3': 'turtle',
  'application/n-triples': 'n-triples',
  'application/n-quads': 'n-quads',
  'application/trig': 'trig',
  'application/rdf+xml': 'rdfxml',
  'application/ld+json': 'jsonld',
};

const BY_EXTENSION: Record<string, RdfSyntax> = {
  ttl: 'turtle', n3: 'turtle', nt: 'n-triples', nq: 'n-quads', trig: 'trig',
  rdf: 'rdfxml', owl: 'rdfxml', xml: 'rdfxml', jsonld: 'jsonld', json: 'jsonld',
};

const NAMES: Record<RdfSyntax, string> = {
  turtle: 'Turtle', 'n-triples': 'N-Triples', 'n-quads': 'N-Quads', trig: 'TriG', rdfxml: 'RDF/XML', jsonld: 'JSON-LD',
};

type Sniffed = 'json' | 'xml' | 'turtle' | 'html' | 'markup' | undefined;

/** What the first characters of a body show, when they show anything. */
function sniff(start: string): Sniffed {
  if (/^[{[]/.test(start)) return 'json';
  const html = /^<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(start) || (/<html[\s>]/i.test(start) && !/rdf:RDF|xmlns:rdf/.test(start));
  if (html) return 'html';
  if (/^<(\?xml|!--|!doctype|rdf:RDF[\s>])/i.test(start)) return 'xml';
  if (/^(@prefix|@base|prefix\s|base\s)/i.test(start)) return 'turtle';
  // `<name ` opens an element; a Turtle document may also open with `<iri>`, so this one is weak.
  return /^<[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?[\s/>]/.test(start) ? 'markup' : undefined;
}

const isN3Family = (syntax: RdfSyntax | undefined) => syntax !== undefined && syntax !== 'rdfxml' && syntax !== 'jsonld';

/**
 * The syntax of a response: JSON and XML bodies are what they look like whatever the header says;
 * otherwise the content type decides, then the URL's extension, then the body's first tag. An
 * empty body and an HTML page (errors disguised as success) are HarvestErrors naming the URL.
 */
export function chooseSyntax(response: TextResponse): RdfSyntax {
  const start = response.body.replace(/^\uFEFF/, '').trimStart().slice(0, 1024);
  const url = response.url;
  if (start === '') throw new HarvestError('empty_body', `The portal answered an empty body at ${url}.`, { url });
  const mediaType = response.contentType.split(';')[0].trim().toLowerCase();
  const declared = BY_MEDIA_TYPE[mediaType];
  const byExtension = BY_EXTENSION[/\.([a-z0-9]+)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase() ?? ''];
  const sniffed = sniff(start);
  if (sniffed === 'html' || (mediaType === 'text/html' && (sniffed === 'markup' || sniffed === undefined))) {
    throw new HarvestError('html_instead_of_data', `The portal answered an HTML page instead of an RDF catalog at ${url}.`, { url });
  }
  if (sniffed === 'json') return 'jsonld';
  if (sniffed === 'xml') return 'rdfxml';
  if (sniffed === 'turtle') return [declared, byExtension].find(isN3Family) ?? 'turtle';
  return declared ?? byExtension ?? (sniffed === 'markup' ? 'rdfxml' : 'turtle');
}

/**
 * The quads of a response. A document the parser refuses is a HarvestError with the URL and
 * the parser's own message; a JSON-LD remote context is served from the bundled ones or refused.
 */
export async function parseRdf(response: TextResponse): Promise<{ syntax: RdfSyntax; quads: RdfQuad[] }> {
  const syntax = chooseSyntax(response);
  const url = response.url;
  const body = response.body.replace(/^\uFEFF/, '');
  const loader = new OfflineContextLoader();
  try {
    if (syntax === 'rdfxml') {
      assertWellFormed(body);
      return { syntax, quads: await streamed(new RdfXmlParser({ baseIRI: url }), body) };
    }
    if (syntax === 'jsonld') {
      // Contexts come from the document or the bundled copies; validating them costs time and catches nothing a harvest needs.
      const parser = new JsonLdParser({ baseIRI: url, documentLoader: loader, skipContextValidation: true });
      return { syntax, quads: await streamed(parser, body) };
    }
    return { syntax, quads: new N3Parser({ baseIRI: url, format: NAMES[syntax] }).parse(body) };
  } catch (cause) {
    if (loader.refused) throw loader.refusal(url, cause);
    const code = syntax === 'rdfxml' ? 'not_xml' : syntax === 'jsonld' && isJsonSyntaxError(cause) ? 'not_json' : 'bad_response';
    throw new HarvestError(code, `The catalog at ${url} is not valid ${NAMES[syntax]}: ${messageOf(cause)}`, { url, cause });
  }
}

/**
 * The RDF/XML parser drops what follows a bare `&` and accepts an unclosed document without a
 * word, so well-formedness is checked first.
 */
function assertWellFormed(xml: string): void {
  const result = XMLValidator.validate(xml);
  if (result === true) return;
  const { line, col, msg } = result.err;
  throw new Error(`line ${line}, column ${col}: ${msg.replace(/\s+/g, ' ')}`);
}

/** The streaming parsers: write the whole text, collect the quads, fail on the first error. */
function streamed(parser: RdfXmlParser | JsonLdParser, text: string): Promise<RdfQuad[]> {
  return new Promise((resolve, reject) => {
    const quads: RdfQuad[] = [];
    parser.on('data', (quad: RdfQuad) => quads.push(quad));
    parser.on('error', reject);
    parser.on('end', () => resolve(quads));
    parser.write(text);
    parser.end();
  });
}

/** The JSON tokenizer's messages, as opposed to JSON-LD's own (which carry an error code). */
function isJsonSyntaxError(error: unknown): boolean {
  return !(error instanceof Error && 'code' in error) && /unexpected|unclosed|invalid|json/i.test(messageOf(error));
}

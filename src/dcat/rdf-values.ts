/**
 * Record values turned into RDF terms. Each helper returns `undefined` for a value that would
 * make invalid RDF (a relative link, an address with spaces, an unparsed date): harvested
 * metadata is messy, and one bad link must not spoil the export of a whole catalog.
 */
import type { DateValue } from './types.js';
import { iri, literal, type IriValue, type LiteralValue } from './rdf-graph.js';
import type { Datatype } from './rdf-terms.js';

// RFC 3987 excludes these from IRIs; N3 would write them verbatim and break the document.
const FORBIDDEN_IN_IRI = /[\u0000-\u0020<>"{}|\\^`\u007f-\u009f]/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** The absolute IRI a string denotes, or `undefined` when it is not one. */
export function toIri(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text || !SCHEME.test(text) || FORBIDDEN_IN_IRI.test(text) || !URL.canParse(text)) return undefined;
  // `http:example.org` parses, but is not what anyone meant.
  if (/^https?:/i.test(text) && !/^https?:\/\/[^/?#]+/i.test(text)) return undefined;
  return text;
}

export function iriValue(value: string | undefined): IriValue | undefined {
  const checked = toIri(value);
  return checked === undefined ? undefined : iri(checked);
}

/** `ana@ejemplo.ec` (or `mailto:ana@ejemplo.ec`) → the `mailto:` IRI. */
export function mailto(email: string | undefined): IriValue | undefined {
  const address = email?.trim().replace(/^mailto:/i, '');
  if (!address || !/^[^@\s]+@[^@\s]+$/.test(address)) return undefined;
  return iriValue(`mailto:${address}`);
}

/** `base` + `code` when the code is a plain vocabulary token. */
export function codeIri(base: string, code: string | undefined, shape = /^[A-Za-z0-9_.-]+$/): IriValue | undefined {
  return code !== undefined && shape.test(code) ? iri(base + code) : undefined;
}

const DATE_SHAPES: Array<[RegExp, Datatype]> = [
  [/^-?\d{4,}-\d{2}-\d{2}$/, 'xsd:date'],
  [/^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/, 'xsd:dateTime'],
  [/^-?\d{4,}-\d{2}$/, 'xsd:gYearMonth'],
  [/^-?\d{4,}$/, 'xsd:gYear'],
];

/** A parsed date as a typed literal, the datatype read from its shape; raw values are not dates. */
export function dateLiteral(date: DateValue | string | undefined): LiteralValue | undefined {
  const value = typeof date === 'string' ? date : date?.value;
  if (value === undefined) return undefined;
  const shape = DATE_SHAPES.find(([pattern]) => pattern.test(value));
  return shape ? literal(value, { datatype: shape[1] }) : undefined;
}

/** Free text, tagged with the record's language when it has one. */
export function text(value: string | undefined, language: string | undefined): LiteralValue | undefined {
  const trimmed = value?.trim();
  return trimmed ? literal(trimmed, { language }) : undefined;
}

/** West, south, east, north → a closed WKT polygon in CRS84 (the wktLiteral default: lon lat). */
export function wktPolygon(bbox: readonly number[] | undefined): LiteralValue | undefined {
  if (!bbox || bbox.length !== 4 || !bbox.every(Number.isFinite)) return undefined;
  const [w, s, e, n] = bbox;
  const ring = [[w, s], [e, s], [e, n], [w, n], [w, s]].map(([x, y]) => `${x} ${y}`).join(', ');
  return literal(`POLYGON((${ring}))`, { datatype: 'gsp:wktLiteral' });
}

/** A byte count as `xsd:nonNegativeInteger`, when it is one. */
export function byteSize(size: number | undefined): LiteralValue | undefined {
  return size !== undefined && Number.isSafeInteger(size) && size >= 0
    ? literal(String(size), { datatype: 'xsd:nonNegativeInteger' })
    : undefined;
}

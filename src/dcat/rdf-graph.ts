/**
 * A serialization-neutral description of the RDF a record becomes. `dataset-rdf.ts` builds it
 * once; `jsonld.ts` and `turtle.ts` only print it, so both exports say the same thing.
 */
import type { ClassName, Datatype, TermName } from './rdf-terms.js';

/** An absolute IRI (checked before it gets here). */
export interface IriValue {
  kind: 'iri';
  iri: string;
}

export interface LiteralValue {
  kind: 'literal';
  value: string;
  /** BCP 47 tag; exclusive with `datatype`. */
  language?: string;
  datatype?: Datatype;
}

/** A resource with properties: an IRI when `id` is set, a blank node otherwise. */
export interface RdfNode {
  kind: 'node';
  id?: string;
  /** Absent on a fragment that only adds statements to a node typed elsewhere. */
  type?: ClassName;
  props: Partial<Record<TermName, RdfValue[]>>;
  /** Nodes that point at this one (`node --term--> this`), such as the catalog record. */
  reverse: Partial<Record<TermName, RdfNode[]>>;
}

export type RdfValue = IriValue | LiteralValue | RdfNode;

export function node(type: ClassName | undefined, id?: string): RdfNode {
  return { kind: 'node', ...(type === undefined ? {} : { type }), ...(id === undefined ? {} : { id }), props: {}, reverse: {} };
}

export function iri(value: string): IriValue {
  return { kind: 'iri', iri: value };
}

export function literal(value: string, tag?: { language?: string; datatype?: Datatype }): LiteralValue {
  if (tag?.language) return { kind: 'literal', value, language: tag.language };
  if (tag?.datatype) return { kind: 'literal', value, datatype: tag.datatype };
  return { kind: 'literal', value };
}

/** Adds the values that are present; `undefined` (a value that did not map) is skipped. */
export function add(target: RdfNode, term: TermName, ...values: Array<RdfValue | undefined>): RdfNode {
  const present = values.filter((v): v is RdfValue => v !== undefined);
  if (present.length > 0) target.props[term] = [...(target.props[term] ?? []), ...present];
  return target;
}

/** A node is worth writing when it says something beyond its type. */
export function hasContent(target: RdfNode): boolean {
  return target.id !== undefined || Object.keys(target.props).length > 0;
}

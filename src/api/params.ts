/** Query-parameter readers for the API: every bad value is a BadRequestError (400) naming it. */
import { BadRequestError } from '../errors.js';

type Query = Record<string, unknown>;

/** A single optional string parameter, at most `max` characters. */
export function text(query: Query, name: string, max = 200): string | undefined {
  const v = query[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') throw new BadRequestError(`The parameter '${name}' must be given once, as text.`);
  if (v.length > max) throw new BadRequestError(`The parameter '${name}' is longer than ${max} characters.`);
  return v;
}

/** An optional whole number in [min, max]. */
export function int(query: Query, name: string, min: number, max: number): number | undefined {
  const v = text(query, name, 12);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < min || n > max) throw new BadRequestError(`The parameter '${name}' must be a whole number from ${min} to ${max}, not '${v}'.`);
  return n;
}

/** One of a fixed set of values. */
export function oneOf<T extends string>(query: Query, name: string, values: readonly T[]): T | undefined {
  const v = text(query, name);
  if (v === undefined) return undefined;
  if (!(values as readonly string[]).includes(v)) throw new BadRequestError(`The parameter '${name}' must be one of ${values.join(', ')}, not '${v}'.`);
  return v as T;
}

/** A parameter that may repeat (`?portal=a&portal=b`). */
export function list(query: Query, name: string): string[] {
  const v = query[name];
  if (v === undefined) return [];
  const values = Array.isArray(v) ? v : [v];
  if (!values.every((x) => typeof x === 'string' && x.length <= 200)) throw new BadRequestError(`The parameter '${name}' must be text.`);
  return values as string[];
}

/**
 * Content hashes for change detection: the same content gives the same hash whatever the order
 * of its object keys, so a re-harvest of an unchanged source writes nothing.
 */
import { createHash } from 'node:crypto';

/** Deeper than any DCAT record; reaching it means a cycle (cheaper to detect than a visited set). */
const MAX_DEPTH = 100;

/**
 * Canonical JSON: object keys sorted, no whitespace; otherwise JSON.stringify's rules (undefined
 * properties and functions dropped, `toJSON` honoured, non-finite numbers as null). Throws on a
 * cycle rather than hashing a truncated value.
 */
export function canonicalJson(value: unknown): string {
  return write(value, 0) ?? 'null';
}

// Strings that JSON.stringify would escape: quotes, backslashes, controls, lone surrogates.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
/** Record keys repeat across 100k records; quoting each once is measurably cheaper. */
const quotedKeys = new Map<string, string>();

function quote(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

function quoteKey(key: string): string {
  let q = quotedKeys.get(key);
  if (q === undefined) {
    q = JSON.stringify(key);
    if (quotedKeys.size < 10_000) quotedKeys.set(key, q);
  }
  return q;
}

/** The JSON text of a value, or undefined for what JSON omits (undefined, functions, symbols). */
function write(value: unknown, depth: number): string | undefined {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return undefined;
  }
  if (value === null) return 'null';
  if (depth > MAX_DEPTH) throw new TypeError('canonicalJson: the value contains a cycle or is nested too deeply.');
  if (Array.isArray(value)) {
    let s = '[';
    for (let i = 0; i < value.length; i++) s += (i > 0 ? ',' : '') + (write(value[i], depth + 1) ?? 'null');
    return s + ']';
  }
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') return write(withJson.toJSON(), depth + 1);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length > 1) keys.sort();
  let s = '{';
  for (const key of keys) {
    const v = write(record[key], depth + 1);
    if (v === undefined) continue;
    s += (s.length > 1 ? ',' : '') + quoteKey(key) + ':' + v;
  }
  return s + '}';
}

/** SHA-256, hex, of the canonical JSON of `value`. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

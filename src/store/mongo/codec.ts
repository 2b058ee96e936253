/** Conversions between port values and what the MongoDB documents hold. */
import { gunzipSync, gzipSync } from 'node:zlib';
import { isCosechaError, messageOf, StoreError } from '../../errors.js';

/**
 * The value as JSON would carry it: undefined members dropped, no prototypes. Both adapters then
 * give back the same objects (SQLite keeps JSON text), and BSON never stores `undefined` as null.
 */
export function plain<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** The source record as gzip-compressed JSON; undefined when there is none. */
export function compress(raw: unknown): Buffer | undefined {
  const text = raw === undefined ? undefined : JSON.stringify(raw);
  return text === undefined ? undefined : gzipSync(text);
}

/** A stored Buffer comes back from a lean query as a BSON Binary (or a Buffer when hydrated). */
export function decompress(stored: unknown): unknown {
  const bytes = toBytes(stored);
  return bytes === undefined ? undefined : (JSON.parse(gunzipSync(bytes).toString('utf8')) as unknown);
}

function toBytes(stored: unknown): Uint8Array | undefined {
  if (stored == null) return undefined;
  if (stored instanceof Uint8Array) return stored;
  const inner = (stored as { buffer?: unknown }).buffer;
  return inner instanceof Uint8Array ? inner : undefined;
}

export const iso = (date: Date): string => date.toISOString();

/** An ISO time held as a Date, back to the port's string; undefined stays undefined. */
export const isoOf = (date: Date | null | undefined): string | undefined => (date ? date.toISOString() : undefined);

/** MongoDB's duplicate-key error (a unique index refused a write). */
export function isDuplicateKey(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 11000;
}

/** Runs `fn`; a failure that is not already a Cosecha error becomes a StoreError that says what was being done. */
export async function attempt<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isCosechaError(e)) throw e;
    throw new StoreError(`MongoDB store: could not ${what}: ${messageOf(e)}`, { cause: e });
  }
}

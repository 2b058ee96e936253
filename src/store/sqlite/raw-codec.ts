/** Reading a stored source record: gzip-compressed JSON (written by RawCompressor). */
import { gunzipSync } from 'node:zlib';

export function decodeRaw(stored: Buffer | null | undefined): unknown {
  return stored ? (JSON.parse(gunzipSync(stored).toString('utf8')) as unknown) : undefined;
}

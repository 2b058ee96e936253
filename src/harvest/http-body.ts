/**
 * Reading a fetched body: the text in the encoding it declares, and JSON that names what came
 * instead when the portal answered something else.
 */
import { HarvestError } from '../errors.js';
import type { TextResponse } from './http.js';

/**
 * The body as text in the encoding it declares: the Content-Type charset, else an XML
 * declaration's or an HTML meta's, else UTF-8. Municipal sites and SDIs still serve ISO-8859-1.
 */
export function decodeBody(bytes: Uint8Array, contentType: string): string {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const label =
    /charset=["']?([\w.:-]+)/i.exec(contentType)?.[1] ??
    /^\s*<\?xml[^>]*encoding=["']([\w.:-]+)/i.exec(head)?.[1] ??
    /<meta[^>]+charset=["']?([\w.:-]+)/i.exec(head)?.[1];
  try {
    return new TextDecoder(label ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes); // an encoding name no decoder knows
  }
}

/** Reads a JSON body, naming what came instead when it is not JSON. */
export function parseJson<T>(response: TextResponse): T {
  const text = response.body.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    throw new HarvestError('empty_body', `The portal answered an empty body at ${response.url}.`, { url: response.url });
  }
  if (/^\s*</.test(text) || response.contentType.includes('text/html')) {
    throw new HarvestError('not_json', `The portal answered HTML instead of JSON at ${response.url}.`, { url: response.url });
  }
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    throw new HarvestError('not_json', `The portal answered malformed JSON at ${response.url}.`, { url: response.url, cause });
  }
}

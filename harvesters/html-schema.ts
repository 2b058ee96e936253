/**
 * schema.org values read as DCAT parts, as declared: text from strings, `{"@value"}` objects or
 * lists; agents, licences, places and DataDownloads from nodes or plain strings.
 */
import type { Agent, ContactPoint, DateValue, Distribution, License, Spatial } from '../src/dcat/types.js';
import { prop, type JsonLdNode } from './html-jsonld.js';
import { absoluteUrl, isObject, text } from './html-values.js';

/** Text: a string, a number, a `{"@value"}` object, or the first text of a list. */
export function str(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return value.map(str).find((s) => s !== undefined);
  if (isObject(value) && '@value' in value) return str(value['@value']);
  return text(value);
}

export function list(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : [value].flat();
}

/** Every text of a value, a node (a DefinedTerm, a Thing, a Language) giving its name. */
export function texts(value: unknown, nameOf = (node: JsonLdNode) => str(prop(node, 'name'))): string[] {
  return list(value)
    .map((item) => (isObject(item) && !('@value' in item) ? nameOf(item) : str(item)))
    .filter((s): s is string => s !== undefined);
}

/** `keywords`: a list, or one comma-separated text (as schema.org describes it). */
export function keywords(value: unknown): string[] {
  return texts(value).flatMap((k) => (Array.isArray(value) ? [k] : k.split(',')).map((s) => s.trim()).filter(Boolean));
}

/** An http(s) address: a string, or a node's `url`, else its `@id`. */
export function urlOf(value: unknown, base: string): string | undefined {
  if (!isObject(value)) return absoluteUrl(str(value), base);
  return absoluteUrl(str(prop(value, 'url')), base) ?? (typeof value['@id'] === 'string' && !value['@id'].startsWith('_:') ? absoluteUrl(value['@id'], base) : undefined);
}

export function dateValue(value: unknown): DateValue | undefined {
  const raw = str(value);
  return raw ? { raw } : undefined;
}

/** An Organization or Person, or a name given as text. */
export function agent(value: unknown, base: string): Agent | undefined {
  const node = list(value)[0];
  if (!isObject(node)) {
    const name = str(node);
    return name ? { name } : undefined;
  }
  const found = { name: str(prop(node, 'name')) ?? str(prop(node, 'legalName')), uri: urlOf(node, base), email: str(prop(node, 'email')) };
  return found.name || found.uri || found.email ? found : undefined;
}

/** The agent's `contactPoint` (schema.org puts it on the organization). */
export function contactOf(value: unknown, base: string): ContactPoint | undefined {
  const owner = list(value)[0];
  const point = isObject(owner) ? list(prop(owner, 'contactPoint'))[0] : undefined;
  if (!isObject(point)) return undefined;
  const found = { name: str(prop(point, 'name')) ?? str(prop(point, 'contactType')), email: str(prop(point, 'email')), url: urlOf(point, base) };
  return found.email || found.url || found.name ? found : undefined;
}

/** A licence URL, a licence name, or a CreativeWork naming one. */
export function license(value: unknown, base: string): License | undefined {
  const node = list(value)[0];
  if (!isObject(node)) {
    const declared = str(node);
    if (!declared) return undefined;
    return /^https?:\/\//i.test(declared) ? { url: declared } : { raw: declared };
  }
  const found = { raw: str(prop(node, 'identifier')), title: str(prop(node, 'name')), url: urlOf(node, base) };
  return found.raw || found.title || found.url ? found : undefined;
}

/** A place's name, its address (`@id`, `url`, else `sameAs`), and a GeoShape `box` as a bounding box. */
export function spatial(value: unknown, base: string): Spatial | undefined {
  const node = list(value)[0];
  if (!isObject(node)) {
    const label = str(node);
    return label ? { label } : undefined;
  }
  const geo = list(prop(node, 'geo')).find(isObject);
  const found = { label: str(prop(node, 'name')), uri: urlOf(node, base) ?? absoluteUrl(str(prop(node, 'sameAs')), base), bbox: geo ? box(str(prop(geo, 'box'))) : undefined };
  return found.label || found.uri || found.bbox ? found : undefined;
}

/** schema.org `box` is "lat lon lat lon" (lower corner, upper corner); DCAT wants west, south, east, north. */
function box(value: string | undefined): Spatial['bbox'] {
  const n = (value ?? '').split(/[\s,]+/).filter(Boolean).map(Number);
  if (n.length !== 4 || n.some((x) => !Number.isFinite(x))) return undefined;
  return [n[1], n[0], n[3], n[2]];
}

/** A DataDownload. `encodingFormat` is a media type when it has a slash, else a format name. */
export function distribution(node: JsonLdNode, index: number, base: string): Distribution {
  const contentUrl = absoluteUrl(str(prop(node, 'contentUrl')), base);
  const url = urlOf(prop(node, 'url'), base);
  const encoding = str(prop(node, 'encodingFormat')) ?? str(prop(node, 'fileFormat'));
  const size = str(prop(node, 'contentSize'));
  return {
    id: str(prop(node, 'identifier')) ?? contentUrl ?? url ?? `distribution-${index + 1}`,
    title: str(prop(node, 'name')),
    description: str(prop(node, 'description')),
    accessURL: url ?? contentUrl,
    downloadURL: contentUrl,
    format: encoding && !encoding.includes('/') ? { raw: encoding } : undefined,
    mediaType: encoding?.includes('/') ? { raw: encoding } : undefined,
    byteSize: size && /^\d+$/.test(size) ? Number(size) : undefined,
    license: license(prop(node, 'license'), base),
    issued: dateValue(prop(node, 'datePublished')),
    modified: dateValue(prop(node, 'dateModified')),
  };
}

/**
 * schema.org JSON-LD in a page (`<script type="application/ld+json">`): the `Dataset` nodes,
 * wherever they sit (top level, arrays, `@graph`, a `DataCatalog`'s `dataset`, a `WebPage`'s
 * `mainEntity`). No remote context is fetched: schema.org terms are read by name, with or
 * without a `schema:` or `https://schema.org/` prefix.
 */
import { isObject } from './html-values.js';

export type JsonLdNode = Record<string, unknown>;

export interface JsonLdReading {
  /** Dataset nodes, with references (`{"@id": …}`) to other nodes of the page embedded. */
  datasets: JsonLdNode[];
  /** Why a script that seems to describe a Dataset could not be read. */
  broken: string[];
}

const PREFIXES = ['', 'schema:', 'http://schema.org/', 'https://schema.org/'];
/** Deep enough for WebPage → mainEntity → DataCatalog → dataset; bounded against hostile nesting. */
const MAX_DEPTH = 8;
/** How deep references are embedded (publisher → contactPoint). */
const EMBED_DEPTH = 4;
const MENTIONS_DATASET = /"@type"\s*:\s*(\[[^\]]*)?"(schema:|https?:\/\/schema\.org\/)?Dataset"/;

/** A schema.org property of a node, however its name is prefixed. */
export function prop(node: JsonLdNode, name: string): unknown {
  for (const prefix of PREFIXES) {
    const value = node[prefix + name];
    if (value !== undefined) return value;
  }
  return undefined;
}

/** True when the node's `@type` is (or includes) the schema.org type. */
export function isType(node: JsonLdNode, type: string): boolean {
  return [node['@type']].flat().some((t) => typeof t === 'string' && PREFIXES.some((prefix) => t === prefix + type));
}

/** Reads every script of a page. */
export function readJsonLd(scripts: readonly string[]): JsonLdReading {
  const roots: unknown[] = [];
  const broken: string[] = [];
  scripts.forEach((script, i) => {
    const body = unwrap(script);
    if (body === '') return;
    const parsed = parseLenient(body);
    if (parsed.ok) roots.push(parsed.value);
    else if (MENTIONS_DATASET.test(body)) broken.push(`JSON-LD script ${i + 1} is not valid JSON`);
  });
  const index = new Map<string, JsonLdNode>();
  for (const root of roots) indexNodes(root, index, 0);
  const found: JsonLdNode[] = [];
  for (const root of roots) findDatasets(root, undefined, found, 0);
  const datasets = [...new Set(found)].map((node) => embed(node, index, EMBED_DEPTH) as JsonLdNode);
  return { datasets, broken };
}

/** CMSs wrap scripts in HTML comments or CDATA sections. */
function unwrap(script: string): string {
  return script
    .trim()
    .replace(/^(\/\/\s*)?(<!--|<!\[CDATA\[)/, '')
    .replace(/(\/\/\s*)?(-->|\]\]>)$/, '')
    .trim();
}

/** JSON, or JSON with raw line breaks inside strings (templates write them; JSON forbids them). */
function parseLenient(body: string): { ok: true; value: unknown } | { ok: false } {
  for (const text of [body, body.replace(/[\u0000-\u001f]+/g, ' ')]) {
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch {
      // the next reading, or not JSON
    }
  }
  return { ok: false };
}

function indexNodes(value: unknown, index: Map<string, JsonLdNode>, depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) return value.forEach((item) => indexNodes(item, index, depth + 1));
  if (!isObject(value)) return;
  const id = value['@id'];
  if (typeof id === 'string' && Object.keys(value).length > 1 && !index.has(id)) index.set(id, value);
  for (const child of Object.values(value)) indexNodes(child, index, depth + 1);
}

/**
 * Collects Dataset nodes. A dataset inside a DataCatalog that names no publisher of its own
 * takes the catalog's: the catalog states who publishes what it lists.
 */
function findDatasets(value: unknown, catalogPublisher: unknown, out: JsonLdNode[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) return value.forEach((item) => findDatasets(item, catalogPublisher, out, depth + 1));
  if (!isObject(value)) return;
  if (isType(value, 'Dataset')) {
    const own = prop(value, 'publisher') ?? prop(value, 'creator');
    out.push(own === undefined && catalogPublisher !== undefined ? { ...value, publisher: catalogPublisher } : value);
    return;
  }
  const publisher = isType(value, 'DataCatalog') ? (prop(value, 'publisher') ?? prop(value, 'creator') ?? catalogPublisher) : catalogPublisher;
  for (const [key, child] of Object.entries(value)) {
    if (key !== '@context') findDatasets(child, publisher, out, depth + 1);
  }
}

/** A copy of the value with `{"@id": X}` references replaced by the node X of the page. */
function embed(value: unknown, index: Map<string, JsonLdNode>, depth: number): unknown {
  if (Array.isArray(value)) return value.map((item) => embed(item, index, depth));
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && typeof value['@id'] === 'string') {
    const target = index.get(value['@id']);
    return target && depth > 0 ? embed(target, index, depth - 1) : value;
  }
  if (depth <= 0) return value;
  return Object.fromEntries(keys.map((key) => [key, key === '@context' ? value[key] : embed(value[key], index, depth - 1)]));
}

/** The dcat:Catalog that wraps an export, and the links from it to each dataset written. */
import { once } from 'node:events';
import { add, iri, node, type RdfNode } from './rdf-graph.js';
import { text } from './rdf-values.js';
import type { RdfExportOptions } from './dataset-rdf.js';

export interface CatalogOptions extends RdfExportOptions {
  /** Set when the export holds one portal's datasets; it names the catalog. */
  portalId?: string;
  /** Catalog title (Spanish). Default: "Cosecha: datos abiertos de América Latina". */
  title?: string;
  /** Catalog description (Spanish). Default: a sentence saying the records are harvested and normalized. */
  description?: string;
}

const DEFAULT_TITLE = 'Cosecha: datos abiertos de América Latina';
const DEFAULT_DESCRIPTION =
  'Registros DCAT cosechados de portales de datos abiertos y normalizados por Cosecha; cada conjunto enlaza a su página de origen.';

/** `${baseUrl}/api/datasets[?portal=ID]` (the listing the catalog is), else `urn:cosecha:catalog[:ID]`. */
export function catalogIri(options: CatalogOptions = {}): string {
  const portal = options.portalId;
  if (options.baseUrl) {
    const query = portal === undefined ? '' : `?portal=${encodeURIComponent(portal)}`;
    return `${options.baseUrl.replace(/\/+$/, '')}/api/datasets${query}`;
  }
  return portal === undefined ? 'urn:cosecha:catalog' : `urn:cosecha:catalog:${encodeURIComponent(portal)}`;
}

/** The catalog's own statements, written once at the head of an export. */
export function catalogNode(options: CatalogOptions = {}): RdfNode {
  const catalog = node('Catalog', catalogIri(options));
  add(catalog, 'title', text(options.title ?? DEFAULT_TITLE, 'es'));
  return add(catalog, 'description', text(options.description ?? DEFAULT_DESCRIPTION, 'es'));
}

/**
 * The catalog's `dcat:dataset` / `dcat:record` links to one batch, as a fragment of the catalog
 * node: a streamed export adds one per batch instead of holding every id until the end.
 */
export function catalogLinks(catalogId: string, datasets: readonly RdfNode[]): RdfNode {
  const links = node(undefined, catalogId);
  for (const dataset of datasets) {
    if (dataset.id !== undefined) add(links, 'dataset', iri(dataset.id));
    for (const record of dataset.reverse.primaryTopic ?? []) if (record.id !== undefined) add(links, 'record', iri(record.id));
  }
  return links;
}

/** Writes honouring backpressure, so a slow reader holds at most one batch in memory. */
export async function writeChunk(out: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (chunk !== '' && !out.write(chunk)) await once(out, 'drain');
}

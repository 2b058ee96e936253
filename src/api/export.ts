/** Streams the stored DCAT records as JSON Lines, a JSON-LD catalog or Turtle (CLI and API). */
import type { Writable } from 'node:stream';
import { writeJsonLd } from '../dcat/jsonld.js';
import { writeTurtle } from '../dcat/turtle.js';
import { writeChunk } from '../dcat/catalog-rdf.js';
import type { Store } from '../store/store.js';
import type { Dataset } from '../dcat/types.js';

export const EXPORT_FORMATS = ['jsonl', 'jsonld', 'ttl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_TYPES: Record<ExportFormat, string> = {
  jsonl: 'application/x-ndjson; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
  ttl: 'text/turtle; charset=utf-8',
};

export interface ExportOptions {
  portalId?: string;
  format: ExportFormat;
  /** Public base URL of the API, for dataset IRIs. */
  baseUrl?: string;
}

async function* datasets(store: Store, portalId?: string): AsyncIterable<Dataset[]> {
  for await (const batch of store.datasets.scan({ portalId })) yield batch.map((s) => s.dataset);
}

/** Writes batch by batch with backpressure: memory stays flat whatever the catalog size. */
export async function writeCatalog(store: Store, options: ExportOptions, out: Writable): Promise<void> {
  const rdf = { baseUrl: options.baseUrl, portalId: options.portalId };
  if (options.format === 'ttl') return writeTurtle(datasets(store, options.portalId), out, rdf);
  if (options.format === 'jsonld') return writeJsonLd(datasets(store, options.portalId), out, rdf);
  for await (const batch of datasets(store, options.portalId)) await writeChunk(out, batch.map((d) => JSON.stringify(d)).join('\n') + '\n');
}

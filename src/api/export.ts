/** Streams the stored DCAT records as JSON Lines, a JSON-LD catalog or Turtle (CLI and API). */
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { DCAT_CONTEXT, datasetToJsonLd } from '../dcat/jsonld.js';
import { writeTurtle } from '../dcat/turtle.js';
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

/** Writes with backpressure: memory stays flat whatever the catalog size. */
async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

export async function writeCatalog(store: Store, options: ExportOptions, out: Writable): Promise<void> {
  if (options.format === 'ttl') return writeTurtle(datasets(store, options.portalId), out, { baseUrl: options.baseUrl });
  if (options.format === 'jsonl') {
    for await (const batch of datasets(store, options.portalId)) await write(out, batch.map((d) => JSON.stringify(d)).join('\n') + '\n');
    return;
  }
  await write(out, `{"@context":${JSON.stringify(DCAT_CONTEXT)},"@graph":[`);
  let first = true;
  for await (const batch of datasets(store, options.portalId)) {
    const nodes = batch.map((d) => JSON.stringify(datasetToJsonLd(d, { baseUrl: options.baseUrl })));
    await write(out, (first ? '' : ',') + nodes.join(','));
    if (nodes.length) first = false;
  }
  await write(out, ']}\n');
}

/**
 * JSON-LD remote contexts, offline. A harvest never fetches a `@context` URL: the common DCAT
 * contexts are bundled (harvesters/dcat-contexts/, written for Cosecha after the shapes those
 * URLs publish) and any other is refused with an error naming it, so that a catalog never
 * depends on a third host being up, and a harvested document cannot make Cosecha fetch a URL.
 */
import { readFileSync } from 'node:fs';
import { HarvestError } from '../src/errors.js';

/** Bundled contexts by URL (compared without scheme and trailing slash), and their file. */
const BUNDLED: Record<string, string> = {
  'semiceu.github.io/DCAT-AP/releases/3.0.0/context/dcat-ap.jsonld': 'dcat-ap-3.json',
  'project-open-data.cio.gov/v1.1/schema/catalog.jsonld': 'dcat-us-1.1.json',
  'resources.data.gov/schemas/dcat-us/v1.1/schema/catalog.jsonld': 'dcat-us-1.1.json',
};

const cache = new Map<string, { '@context': Record<string, unknown> }>();

const keyOf = (url: string) => url.trim().replace(/^https?:\/\//i, '').replace(/\/+$/, '');

/** The URLs of the bundled contexts (for documentation and tests). */
export const bundledContexts = (): string[] => Object.keys(BUNDLED).map((key) => `https://${key}`);

/** A jsonld-streaming-parser document loader that serves only bundled contexts. One per document. */
export class OfflineContextLoader {
  /** The first context URL refused, when one was. */
  refused?: string;

  async load(url: string): Promise<{ '@context': Record<string, unknown> }> {
    const file = BUNDLED[keyOf(url)];
    if (!file) {
      this.refused ??= url;
      throw new Error(`the context ${url} is not bundled and remote contexts are not fetched`);
    }
    let document = cache.get(file);
    if (!document) {
      document = JSON.parse(readFileSync(new URL(`./dcat-contexts/${file}`, import.meta.url), 'utf8')) as { '@context': Record<string, unknown> };
      cache.set(file, document);
    }
    return document;
  }

  /** The run error for a document whose remote context was refused. */
  refusal(documentUrl: string, cause: unknown): HarvestError {
    return new HarvestError(
      'bad_response',
      `The JSON-LD catalog at ${documentUrl} uses the remote context ${this.refused}, which Cosecha does not bundle; remote contexts are never fetched.`,
      { url: documentUrl, cause },
    );
  }
}

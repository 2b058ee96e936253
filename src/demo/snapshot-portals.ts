/**
 * The demo's portals: each bundled snapshot (src/demo/snapshots/*.json) served on 127.0.0.1 by
 * the fake server of its platform, its file links moved onto the demo's download server.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCkanServer } from './ckan-server.js';
import { startDataJsonServer } from './datajson-server.js';
import { startHtmlServer } from './html-server.js';
import type { FileServer } from './file-server.js';
import type { CkanPackage } from '../../harvesters/ckan.js';

const SNAPSHOTS = fileURLToPath(new URL('./snapshots/', import.meta.url));

type Json = Record<string, unknown>;

export interface Snapshot {
  portal: { id: string; name: string; country: string; level: string; platform?: string };
  /** CKAN `package_show` results (platform `ckan`, the default). */
  packages?: CkanPackage[];
  /** A DCAT-US 1.1 catalog (platform `datajson`). */
  catalog?: Json & { dataset: Json[] };
  /** Platform `html`: where the site's pages are written (a municipal web site without an API). */
  site?: string;
}

export interface ServedPortal {
  snapshot: Snapshot;
  platform: string;
  url: string;
  close(): Promise<void>;
}

export function loadSnapshots(dir = SNAPSHOTS): Snapshot[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Snapshot);
}

/** Serves one snapshot with the fake server of its platform. */
export async function serveSnapshot(snapshot: Snapshot, files: FileServer): Promise<ServedPortal> {
  const platform = snapshot.portal.platform ?? 'ckan';
  if (platform === 'ckan' && snapshot.packages) {
    const server = await startCkanServer({ packages: snapshot.packages.map((p) => ckanWithLocalFiles(p, files)) });
    return { snapshot, platform, url: server.url, close: () => server.close() };
  }
  if (platform === 'datajson' && snapshot.catalog) {
    const dataset = snapshot.catalog.dataset.map((d) => dataJsonWithLocalFiles(d, files));
    const server = await startDataJsonServer({ catalog: { ...snapshot.catalog, dataset } });
    return { snapshot, platform, url: server.url, close: () => server.close() };
  }
  if (platform === 'html') {
    // The site's pages and files are served by the fake municipal site itself (src/demo/html-site.ts).
    const server = await startHtmlServer();
    return { snapshot, platform, url: server.url, close: () => server.close() };
  }
  throw new Error(`Demo snapshot ${snapshot.portal.id}: platform '${platform}' has no demo server or its data is missing.`);
}

function ckanWithLocalFiles(pkg: CkanPackage, files: FileServer): CkanPackage {
  if (!Array.isArray(pkg.resources)) return pkg;
  return { ...pkg, resources: pkg.resources.map((r) => (typeof r?.url === 'string' && r.url ? { ...r, url: files.localUrl(r.url) } : r)) };
}

function dataJsonWithLocalFiles(dataset: Json, files: FileServer): Json {
  if (!Array.isArray(dataset.distribution)) return dataset;
  const local = (url: unknown) => (typeof url === 'string' && url ? files.localUrl(url) : url);
  return { ...dataset, distribution: dataset.distribution.map((d: Json) => ({ ...d, downloadURL: local(d.downloadURL), accessURL: local(d.accessURL) })) };
}

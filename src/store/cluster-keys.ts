/**
 * The keys that link one dataset listed by several portals (HARVESTING.md, "Duplicates across
 * portals"): a shared identifier URI, the same set of downloadable files, or the same title from
 * the same publisher; and, for records a portal harvested from another, the link to their origin:
 * CKAN's harvester keeps the remote package's id (a UUID), and harvest-source extras
 * (`harvest_url`, ODS federation) name the origin's page, which is the origin's landing page.
 * Records of different portals that share any key form one cluster; search shows a cluster once,
 * with every portal that lists it. Both store adapters use these keys.
 */
import { createHash } from 'node:crypto';
import type { Dataset } from '../dcat/types.js';
import { vocabKey } from '../dcat/vocabularies/keys.js';

/** Shorter titles ("Presupuesto", "Datos 2020") are too common to tell two datasets apart. */
const MIN_TITLE_KEY = 12;
/**
 * The version of the rules below: a store recomputes the keys of records keyed by an older one.
 * 2: UUID identifiers and dataset pages (landing page, harvest origin). 3: harvested copies marked.
 */
export const CLUSTER_KEYS_VERSION = 3;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function clusterKeys(dataset: Dataset): string[] {
  const keys: string[] = [];
  const uri = identifierUri(dataset.identifier);
  if (uri) keys.push(`uri:${uri}`);
  const uuid = [dataset.identifier, dataset.sourceId].find((id) => id !== undefined && UUID.test(id.trim()));
  if (uuid) keys.push(`id:${uuid.trim().toLowerCase()}`);
  for (const page of [dataset.landingPage, dataset.source?.harvestSourceUrl]) {
    const url = page ? pathUrl(page) : undefined;
    if (url) keys.push(`page:${url}`);
  }
  const files = [...new Set(dataset.distributions.map((d) => pathUrl(d.downloadURL)).filter((u): u is string => u !== undefined))].sort();
  if (files.length > 0) keys.push(`files:${createHash('sha1').update(files.join('\n')).digest('hex').slice(0, 20)}`);
  const title = vocabKey(dataset.title);
  const publisher = dataset.publisher?.name ? vocabKey(dataset.publisher.name) : '';
  if (title.length >= MIN_TITLE_KEY && publisher) keys.push(`title:${title}|${publisher}`);
  return [...new Set(keys)];
}

/**
 * A record a portal harvested from another (harvest-source extras, ODS federation): a cluster is
 * shown as its origin, not as a copy, whichever was stored first.
 */
export function isHarvestedCopy(dataset: Dataset): boolean {
  return Boolean(dataset.source?.harvestSourceUrl || dataset.source?.harvestObjectId);
}

/** An identifier that names the dataset world-wide (an http(s) URI), in one spelling. */
function identifierUri(identifier: string | undefined): string | undefined {
  if (!identifier || !/^https?:\/\//i.test(identifier)) return undefined;
  return canonicalUrl(identifier);
}

/** A URL that points at a file or page (not a site's home page), in one spelling. */
function pathUrl(url: string | undefined): string | undefined {
  const canonical = url ? canonicalUrl(url) : undefined;
  // Trailing slashes are gone: a URL with no `/` left after its host is a site's home page.
  return canonical?.includes('/') ? canonical : undefined;
}

/** Scheme-less, host lower-cased, no fragment or trailing slash: `HTTP://Datos.gob.ec/a/` → `datos.gob.ec/a`. */
function canonicalUrl(url: string): string | undefined {
  try {
    const u = new URL(url.trim());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    return `${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return undefined;
  }
}

/** One record holding a key, as the clustering sees it. */
export interface KeyHolder<Id> {
  id: Id;
  portalId: string;
}

/** Clusters from each dataset's keys: the records that hold each key, grouped, then {@link clustersOfGroups}. */
export function clustersOf<Id>(members: Iterable<KeyHolder<Id> & { keys: readonly string[] }>, order: (a: Id, b: Id) => number): Map<Id, Id> {
  const byKey = new Map<string, KeyHolder<Id>[]>();
  for (const m of members) {
    for (const key of m.keys) {
      const list = byKey.get(key);
      if (list) list.push(m);
      else byKey.set(key, [m]);
    }
  }
  return clustersOfGroups(byKey.values(), order);
}

/**
 * Clusters from the groups of records that share a key: records of different portals sharing a
 * key are linked, and links are followed (union-find), so a national copy of a municipal copy
 * joins both. A key only one portal uses links nothing. Nor does a key that two records of one
 * portal share: it does not name one dataset there (a placeholder identifier, every dataset's
 * landing page the institution's home, a catalog-wide `harvest_source_url`, a title a publisher
 * gives each year's file), and following it would chain unrelated datasets into one cluster.
 * Returns, per dataset in a cluster, the cluster's id: the smallest member id by `order` (the
 * origin before copies, then the first stored). Only linked records are held in memory, so groups
 * can be streamed.
 */
export function clustersOfGroups<Id>(groups: Iterable<readonly KeyHolder<Id>[]>, order: (a: Id, b: Id) => number): Map<Id, Id> {
  const parent = new Map<Id, Id>();
  const find = (x: Id): Id => {
    if (!parent.has(x)) parent.set(x, x);
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) as Id;
    // Path compression: every node on the way now points at the root.
    for (let y = x; y !== root; ) {
      const next = parent.get(y) as Id;
      parent.set(y, root);
      y = next;
    }
    return root;
  };
  // The root is always the smallest member, so it is the cluster's id.
  const union = (a: Id, b: Id) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb) return;
    if (order(ra, rb) < 0) parent.set(rb, ra);
    else parent.set(ra, rb);
  };
  for (const list of groups) {
    if (list.length < 2) continue;
    const portals = new Set(list.map((m) => m.portalId));
    if (portals.size < 2 || portals.size < list.length) continue;
    for (const m of list.slice(1)) union(list[0].id, m.id);
  }
  // A record enters only by being linked to another: every one here is in a cluster of two or more.
  const clusters = new Map<Id, Id>();
  for (const id of parent.keys()) clusters.set(id, find(id));
  return clusters;
}

/**
 * The catalog behind the fake CKAN server: a fixed list searched like CKAN's Solr index does it
 * (sort, `fq` on `metadata_modified`, a plain `q`), or a page function for synthetic catalogs
 * that never sit in memory whole.
 */

/** A package as served: any JSON object (a CkanPackage fits). */
export type FakePackage = Record<string, unknown>;

/** Returns the packages at positions `start … start+rows-1` of a synthetic catalog, in `id asc` order. */
export type PackagePage = (start: number, rows: number) => FakePackage[];

export interface SearchQuery {
  start: number;
  rows: number;
  sort: string;
  fq?: string;
  q?: string;
}

export interface Catalog {
  search(query: SearchQuery): { count: number; results: FakePackage[] };
  /** By id or name; only for a fixed list. */
  show(idOrName: string): FakePackage | undefined;
  /** Organization names, or objects with `all_fields`; only for a fixed list. */
  organizations(allFields: boolean): unknown[];
}

export function createCatalog(packages: readonly FakePackage[] | PackagePage, total?: number): Catalog {
  if (typeof packages === 'function') {
    if (total === undefined) throw new Error('A page function needs `total`, the size of the synthetic catalog.');
    return {
      search: ({ start, rows }) => ({ count: total, results: start < total ? packages(start, Math.min(rows, total - start)) : [] }),
      show: () => undefined,
      organizations: () => [],
    };
  }
  return listCatalog(packages);
}

function listCatalog(packages: readonly FakePackage[]): Catalog {
  const sorted = new Map<string, FakePackage[]>();
  const bySort = (sort: string) => {
    const key = /^id asc$/i.test(sort.trim()) ? 'id' : 'modified';
    let list = sorted.get(key);
    if (!list) {
      // Stable sorts, so packages sharing an id or a timestamp keep their fixture order.
      list = key === 'id' ? [...packages].sort((a, b) => compare(String(a.id ?? ''), String(b.id ?? ''))) : [...packages].sort((a, b) => modifiedTime(b) - modifiedTime(a));
      sorted.set(key, list);
    }
    return list;
  };
  return {
    search({ start, rows, sort, fq, q }) {
      const range = fq ? modifiedRange(fq) : undefined;
      const words = q && q !== '*:*' ? q.toLowerCase() : undefined;
      const matches = bySort(sort).filter((pkg) => (!range || inRange(modifiedTime(pkg), range)) && (!words || searchText(pkg).includes(words)));
      return { count: matches.length, results: matches.slice(start, start + rows) };
    },
    show: (idOrName) => packages.find((pkg) => pkg.id === idOrName || pkg.name === idOrName),
    organizations(allFields) {
      const orgs = new Map<string, { name: string; title: string; display_name: string; package_count: number }>();
      for (const pkg of packages) {
        const org = pkg.organization as { name?: unknown; title?: unknown } | null | undefined;
        if (!org || typeof org.name !== 'string') continue;
        const title = typeof org.title === 'string' ? org.title : org.name;
        const entry = orgs.get(org.name) ?? { name: org.name, title, display_name: title, package_count: 0 };
        entry.package_count++;
        orgs.set(org.name, entry);
      }
      const list = [...orgs.values()].sort((a, b) => compare(a.name, b.name));
      return allFields ? list : list.map((org) => org.name);
    },
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `metadata_modified:[2024-03-01T11:00:00Z TO *]` → bounds in ms; `*` is open. */
function modifiedRange(fq: string): { from: number; to: number } | undefined {
  const match = /metadata_modified:\[(\S+) TO (\S+)\]/.exec(fq);
  if (!match) return undefined;
  const bound = (value: string, open: number) => (value === '*' ? open : Date.parse(value));
  return { from: bound(match[1], -Infinity), to: bound(match[2], Infinity) };
}

function inRange(time: number, range: { from: number; to: number }): boolean {
  return time >= range.from && time <= range.to;
}

/** CKAN timestamps are UTC without a zone designator. */
function modifiedTime(pkg: FakePackage): number {
  const value = typeof pkg.metadata_modified === 'string' ? pkg.metadata_modified : '';
  const time = Date.parse(/(Z|[+-]\d\d:\d\d)$/i.test(value) ? value : `${value.slice(0, 23)}Z`);
  return Number.isNaN(time) ? 0 : time;
}

function searchText(pkg: FakePackage): string {
  return [pkg.name, pkg.title, pkg.notes].filter((v) => typeof v === 'string').join(' ').toLowerCase();
}

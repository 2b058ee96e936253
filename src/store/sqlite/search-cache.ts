/**
 * Search results kept while the database does not change: the landing page and popular queries
 * are asked again and again, and a facet count over 100k datasets is tens of milliseconds of
 * blocking work. A query's facets are kept apart from its pages, since every page of a query has
 * the same facets. Any commit, by this connection (`total_changes()`) or another one
 * (`PRAGMA data_version`), empties the cache.
 */
import type { Connection } from './connection.js';

const DEFAULT_SIZE = 64;

export class SearchCache<T> {
  readonly #entries = new Map<string, T>();
  #dataVersion = -1;
  #changes = -1;

  constructor(
    private readonly connection: Connection,
    private readonly size = DEFAULT_SIZE,
  ) {}

  /** A copy of the cached result, if the database is unchanged since it was stored. */
  get(key: string): T | undefined {
    const [dataVersion, changes] = this.#versions();
    if (dataVersion !== this.#dataVersion || changes !== this.#changes) {
      this.#entries.clear();
      this.#dataVersion = dataVersion;
      this.#changes = changes;
    }
    const hit = this.#entries.get(key);
    if (!hit) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, hit);
    return structuredClone(hit);
  }

  /** Stores a result computed right after `get` missed; a commit by another process meanwhile makes it unsafe to keep. */
  set(key: string, result: T): void {
    const [dataVersion, changes] = this.#versions();
    // The search's own scratch writes count as changes of this connection: they are not data changes.
    this.#changes = changes;
    if (dataVersion !== this.#dataVersion) return;
    this.#entries.set(key, structuredClone(result));
    if (this.#entries.size > this.size) this.#entries.delete(this.#entries.keys().next().value as string);
  }

  #versions(): [number, number] {
    return [
      this.connection.db.pragma('data_version', { simple: true }) as number,
      this.connection.sql('SELECT total_changes()').pluck().get() as number,
    ];
  }
}

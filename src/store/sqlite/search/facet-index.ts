/**
 * The search fields of every dataset, held in memory by pk as small integer codes (a faceting
 * index, like Lucene's doc values): state, score, cluster, copy mark, modified date and each
 * facet's values.
 * Counting the facets of 100k datasets over these arrays takes a few milliseconds, where SQL
 * joins or index scans took a hundred or more. The index follows the store through the change
 * log the schema's triggers write (changes-sql.ts): `sync()`, called inside a search's
 * read transaction, reads the rows changed since it last looked, so it is always as fresh as
 * the snapshot the search reads, whichever process wrote.
 */
import type { FacetName } from '../../store.js';
import type { Connection } from '../connection.js';
import { ListColumn } from './list-column.js';

/** Facets kept as a column of `datasets`. */
export const COLUMN_FACETS = { portal: 'portal_id', country: 'country', level: 'level', publisher: 'publisher', license: 'license', rating: 'rating' } as const;
/** Facets kept in a side table of (dataset_pk, value). */
export const LIST_FACETS = { theme: 'dataset_themes', format: 'dataset_formats' } as const;
export type ColumnFacet = keyof typeof COLUMN_FACETS;
export type ListFacet = keyof typeof LIST_FACETS;

export const ACTIVE = 1;
const WITHDRAWN = 2;
/** Past this share of the catalog changed at once, reading everything again is cheaper than row by row. */
const RELOAD_SHARE = 0.25;
/** Changed pks remembered (changesSince), over the last generations. */
const HISTORY = 50_000;

/** The datasets changed since a generation, and whether any full-text row was among the changes. */
export interface Changes {
  pks: Set<number>;
  text: boolean;
}

/** A facet's values and their codes (codes are never reused, so counts can be arrays). */
export class Dictionary {
  readonly values: string[] = [];
  readonly #codes = new Map<string, number>();

  code(value: string): number {
    let code = this.#codes.get(value);
    if (code === undefined) {
      code = this.values.push(value) - 1;
      this.#codes.set(value, code);
    }
    return code;
  }

  find(value: string): number | undefined {
    return this.#codes.get(value);
  }
}

export class SearchIndex {
  state = new Uint8Array(0);
  score = new Float64Array(0);
  /** The cluster's pk (its first member), 0 for a dataset no other portal lists. */
  cluster = new Int32Array(0);
  copy = new Uint8Array(0);
  /**
   * The code of the modified date in `modifiedDates`, -1 for none. It changes only with the record,
   * so with its hash: the change log sees it without a trigger of its own.
   */
  modified = new Int32Array(0);
  /** Every modified date seen (codes are never reused: search/sort.ts ranks them by code). */
  readonly modifiedDates = new Dictionary();
  readonly columns = Object.fromEntries(Object.keys(COLUMN_FACETS).map((f) => [f, new Int32Array(0)])) as Record<ColumnFacet, Int32Array>;
  lists = listColumns();
  readonly dictionaries = Object.fromEntries([...Object.keys(COLUMN_FACETS), ...Object.keys(LIST_FACETS)].map((f) => [f, new Dictionary()])) as Record<FacetName, Dictionary>;
  /** Bumped by every change seen: what was computed at one generation holds until the next. */
  generation = 0;
  /** Bumped by a change of full-text rows (a new, changed, withdrawn or restored record). */
  textGeneration = 0;
  /** Bumped when the page order may have changed (a score, a title, a record come or gone). */
  orderGeneration = 0;
  /** The last change read from the log; -1 before the first load. */
  #seen = -1;
  #ordered?: { pks: Int32Array; position: Int32Array };
  /** The text generation the order was computed at: a changed title may reorder. */
  #orderedAt = 0;
  #members?: Map<number, number[]>;
  /** The changes of the last generations, oldest first. */
  #history: { generation: number; pks: number[]; text: boolean }[] = [];

  constructor(private readonly connection: Connection) {}

  get capacity(): number {
    return this.state.length;
  }

  /** Brings the index up to the snapshot of the current read transaction. */
  sync(): void {
    if (this.#seen < 0) return this.#loadAll();
    const changes = this.connection.sql('SELECT dataset_pk, seq, text_seq FROM search_changes WHERE seq > ? ORDER BY seq').raw().all(this.#seen) as number[][];
    if (changes.length === 0) return;
    const before = this.#seen;
    this.#seen = changes[changes.length - 1][1];
    if (changes.length > RELOAD_SHARE * this.capacity) return this.#loadAll();
    const pks = changes.map(([pk]) => pk);
    const was = pks.map((pk) => this.#fields(pk));
    for (const pk of pks) this.#clear(pk);
    this.#read(pks);
    const now = pks.map((pk) => this.#fields(pk));
    const changed = (field: number) => pks.some((_, i) => was[i][field] !== now[i][field]);
    this.generation += 1;
    const text = changes.some(([, , textSeq]) => textSeq > before);
    if (text) this.textGeneration += 1;
    this.#history.push({ generation: this.generation, pks, text });
    let kept = this.#history.reduce((n, h) => n + h.pks.length, 0);
    while (kept > HISTORY) kept -= (this.#history.shift() as { pks: number[] }).pks.length;
    if (this.textGeneration !== this.#orderedAt || changed(0) || changed(1)) {
      this.#ordered = undefined;
      this.orderGeneration += 1;
    }
    if (changed(0) || changed(2) || changed(3)) this.#members = undefined;
  }

  /** What changed after `generation`; undefined when that is no longer known (the index was read again since, or long ago). */
  changesSince(generation: number): Changes | undefined {
    if (generation === this.generation) return { pks: new Set(), text: false };
    const since = this.#history.filter((h) => h.generation > generation);
    if (since.length === 0 || since[0].generation !== generation + 1) return undefined;
    return { pks: new Set(since.flatMap((h) => h.pks)), text: since.some((h) => h.text) };
  }

  /** The active datasets in page order without text: best score first, then title, then id. */
  ordered(): { pks: Int32Array; position: Int32Array } {
    if (!this.#ordered) {
      const pks = Int32Array.from(
        this.connection.sql(`SELECT pk FROM datasets INDEXED BY datasets_by_order WHERE state = 'active' ORDER BY score DESC, title, id`).pluck().all() as number[],
      );
      const position = new Int32Array(this.capacity).fill(-1);
      pks.forEach((pk, i) => (position[pk] = i));
      this.#ordered = { pks, position };
      this.#orderedAt = this.textGeneration;
    }
    return this.#ordered;
  }

  /** The active members of a cluster, in the order search prefers them: the origin before copies, then the first stored. */
  members(cluster: number): number[] {
    if (!this.#members) {
      const members = new Map<number, number[]>();
      for (let pk = 1; pk < this.capacity; pk++) {
        if (this.state[pk] !== ACTIVE || this.cluster[pk] === 0) continue;
        const list = members.get(this.cluster[pk]);
        if (list) list.push(pk);
        else members.set(this.cluster[pk], [pk]);
      }
      for (const list of members.values()) list.sort((a, b) => this.copy[a] - this.copy[b] || a - b);
      this.#members = members;
    }
    return this.#members.get(cluster) ?? [];
  }

  /** State, score, cluster and copy mark of a pk: what decides the order and the clusters. */
  #fields(pk: number): number[] {
    return pk < this.capacity ? [this.state[pk], this.score[pk], this.cluster[pk], this.copy[pk]] : [0, 0, 0, 0];
  }

  #loadAll(): void {
    this.#seen = this.connection.sql('SELECT coalesce(max(seq), 0) FROM search_changes').pluck().get() as number;
    this.state = new Uint8Array(0);
    this.score = new Float64Array(0);
    this.cluster = new Int32Array(0);
    this.copy = new Uint8Array(0);
    this.modified = new Int32Array(0);
    for (const facet of Object.keys(COLUMN_FACETS) as ColumnFacet[]) this.columns[facet] = new Int32Array(0);
    this.lists = listColumns();
    this.#read();
    this.generation += 1;
    this.textGeneration += 1;
    this.orderGeneration += 1;
    this.#ordered = undefined;
    this.#members = undefined;
    this.#history = [];
  }

  /**
   * Reads the rows of `pks` (all rows without), one column at a time: better-sqlite3 hands over
   * a column of values several times faster than rows of them.
   */
  #read(pks?: number[]): void {
    const params = pks ? [JSON.stringify(pks)] : [];
    const column = (name: string, table = 'datasets', key = 'pk') => {
      const where = pks ? `WHERE ${key} IN (SELECT value FROM json_each(?))` : '';
      const order = table === 'datasets' ? key : `${key}, value`;
      return this.connection.sql(`SELECT ${name} FROM ${table} ${where} ORDER BY ${order}`).pluck().all(...params) as unknown[];
    };
    const found = column('pk') as number[];
    this.#grow(found.length > 0 ? found[found.length - 1] : 0);
    const [states, scores, clusters, copies, modified] = ['state', 'score', 'cluster', 'copy', 'modified'].map((name) => column(name));
    found.forEach((pk, i) => {
      this.state[pk] = states[i] === 'active' ? ACTIVE : WITHDRAWN;
      this.score[pk] = scores[i] as number;
      this.cluster[pk] = (clusters[i] as number | null) ?? 0;
      this.copy[pk] = copies[i] as number;
      this.modified[pk] = modified[i] === null ? -1 : this.modifiedDates.code(modified[i] as string);
    });
    for (const [facet, name] of Object.entries(COLUMN_FACETS) as [ColumnFacet, string][]) {
      const dictionary = this.dictionaries[facet];
      const codes = this.columns[facet];
      column(name).forEach((value, i) => (codes[found[i]] = value === null ? -1 : dictionary.code(value as string)));
    }
    for (const [facet, table] of Object.entries(LIST_FACETS) as [ListFacet, string][]) {
      const dictionary = this.dictionaries[facet];
      const list = this.lists[facet];
      const values = column('value', table, 'dataset_pk');
      (column('dataset_pk', table, 'dataset_pk') as number[]).forEach((pk, i) => list.add(pk, dictionary.code(values[i] as string)));
    }
  }

  #clear(pk: number): void {
    if (pk >= this.capacity) return;
    this.state[pk] = 0;
    for (const facet of Object.keys(LIST_FACETS) as ListFacet[]) this.lists[facet].clear(pk);
  }

  /** Room for pk `max` (arrays double, so a growing catalog copies them rarely). */
  #grow(max: number): void {
    if (max < this.capacity) return;
    const size = Math.max(1024, this.capacity * 2, max + 1);
    const grown = <T extends Uint8Array | Int32Array | Float64Array>(from: T, make: (n: number) => T, fill = 0): T => {
      const to = make(size).fill(fill) as T;
      to.set(from);
      return to;
    };
    this.state = grown(this.state, (n) => new Uint8Array(n));
    this.score = grown(this.score, (n) => new Float64Array(n));
    this.cluster = grown(this.cluster, (n) => new Int32Array(n));
    this.copy = grown(this.copy, (n) => new Uint8Array(n));
    this.modified = grown(this.modified, (n) => new Int32Array(n), -1);
    for (const facet of Object.keys(COLUMN_FACETS) as ColumnFacet[]) this.columns[facet] = grown(this.columns[facet], (n) => new Int32Array(n), -1);
    for (const facet of Object.keys(LIST_FACETS) as ListFacet[]) this.lists[facet].grow(size);
  }
}

function listColumns(): Record<ListFacet, ListColumn> {
  return { theme: new ListColumn(), format: new ListColumn() };
}

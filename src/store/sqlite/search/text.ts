/**
 * The datasets a full-text expression matches, in page order (best bm25 rank first, then the
 * order without text), kept per expression: ranking every hit is the one costly part of a text
 * search (about 0.7 ms per thousand hits), and visitors repeat words with ever other filters and
 * pages. After a write, only the changed datasets are matched and ranked again and merged in, so
 * the hits are always exactly the store's; the ranks of the others keep the corpus statistics
 * (document count, lengths) of their last full ranking, at most REFRESH_MS old.
 */
import type { Connection } from '../connection.js';
import type { Changes, SearchIndex } from './facet-index.js';

/** bm25 weights of title, description, keywords, publisher: a word in the title counts most. */
const RANK = 'bm25(datasets_fts, 10.0, 1.0, 4.0, 2.0)';
/** Expressions kept, and hits kept over all of them (12 bytes each), the least recently used dropped first. */
const KEPT = 128;
const KEPT_HITS = 1_000_000;
/** Hits kept through writes are ranked again in full after this long. */
const REFRESH_MS = 10_000;

interface Hits {
  /** The index generation they are right for. */
  generation: number;
  rankedAt: number;
  /** In page order, with their ranks. */
  pks: Int32Array;
  ranks: Float64Array;
}

export class TextHits {
  readonly #kept = new Map<string, Hits>();

  constructor(
    private readonly connection: Connection,
    private readonly index: SearchIndex,
  ) {}

  /** The datasets `match` finds, in page order; call after the index's sync, in the same read transaction. */
  ordered(match: string): Int32Array {
    let hits = this.#kept.get(match);
    this.#kept.delete(match);
    if (hits?.generation !== this.index.generation) {
      const changes = hits && Date.now() - hits.rankedAt < REFRESH_MS ? this.index.changesSince(hits.generation) : undefined;
      hits = hits && changes && changes.pks.size < hits.pks.length + 1000 ? this.#update(match, hits, changes) : this.#rank(match);
    }
    this.#kept.set(match, hits);
    let size = 0;
    for (const kept of this.#kept.values()) size += kept.pks.length;
    for (const [oldest, kept] of this.#kept) {
      if (this.#kept.size <= 1 || (this.#kept.size <= KEPT && size <= KEPT_HITS)) break;
      this.#kept.delete(oldest);
      size -= kept.pks.length;
    }
    return hits.pks;
  }

  #rank(match: string): Hits {
    const { pks, ranks } = this.#match(match);
    return { generation: this.index.generation, rankedAt: Date.now(), ...this.#sorted(pks, ranks) };
  }

  /** The kept hits without the changed datasets, merged with the changed ones that match now. */
  #update(match: string, hits: Hits, changes: Changes): Hits {
    const [changedPks, changedRanks] = this.#pick(hits, (pk) => changes.pks.has(pk));
    const fresh = changes.text ? this.#match(match, [...changes.pks]) : { pks: changedPks, ranks: changedRanks };
    const kept = this.#pick(hits, (pk) => !changes.pks.has(pk));
    const added = this.#sorted(fresh.pks, fresh.ranks);
    const { position } = this.index.ordered();
    const pks = new Int32Array(kept[0].length + added.pks.length);
    const ranks = new Float64Array(pks.length);
    // Both lists are in page order already: an unchanged dataset keeps its place among the others.
    for (let i = 0, a = 0, b = 0; i < pks.length; i++) {
      const fromKept = b >= added.pks.length || (a < kept[0].length && before(kept[1][a], position[kept[0][a]], added.ranks[b], position[added.pks[b]]));
      pks[i] = fromKept ? kept[0][a] : added.pks[b];
      ranks[i] = fromKept ? kept[1][a++] : added.ranks[b++];
    }
    return { generation: this.index.generation, rankedAt: hits.rankedAt, pks, ranks };
  }

  #pick(hits: Hits, keep: (pk: number) => boolean): [Int32Array, Float64Array] {
    const pks = new Int32Array(hits.pks.length);
    const ranks = new Float64Array(hits.pks.length);
    let n = 0;
    for (let i = 0; i < hits.pks.length; i++) {
      if (!keep(hits.pks[i])) continue;
      pks[n] = hits.pks[i];
      ranks[n++] = hits.ranks[i];
    }
    return [pks.slice(0, n), ranks.slice(0, n)];
  }

  #sorted(pks: Int32Array, ranks: Float64Array): { pks: Int32Array; ranks: Float64Array } {
    const { position } = this.index.ordered();
    const order = [...pks.keys()].sort((a, b) => ranks[a] - ranks[b] || position[pks[a]] - position[pks[b]]);
    return { pks: Int32Array.from(order, (i) => pks[i]), ranks: Float64Array.from(order, (i) => ranks[i]) };
  }

  /**
   * The matches (of `among` only, when given) and their ranks. All of them come as two plain
   * columns: one value per row is several times faster to read than rows, and FTS5 gives one
   * expression's matches in rowid order both times. `among` is asked as rowid ranges (FTS5 runs a
   * whole match per value of an IN list), then narrowed.
   */
  #match(match: string, among?: number[]): { pks: Int32Array; ranks: Float64Array } {
    const from = 'FROM datasets_fts WHERE datasets_fts MATCH ? AND rowid BETWEEN ? AND ?';
    if (!among) {
      const column = (value: string) => this.connection.sql(`SELECT ${value} ${from}`).pluck().all(match, -Infinity, Infinity) as number[];
      return { pks: Int32Array.from(column('rowid')), ranks: Float64Array.from(column(RANK)) };
    }
    // A few changed datasets: rows are cheap, and one pass over the expression's doclists instead of two.
    const wanted = new Set(among);
    const rows = rowidRanges(among).flatMap(([low, high]) => this.connection.sql(`SELECT rowid, ${RANK} ${from}`).raw().all(match, low, high) as [number, number][]);
    const found = rows.filter(([pk]) => wanted.has(pk));
    return { pks: Int32Array.from(found, ([pk]) => pk), ranks: Float64Array.from(found, ([, rank]) => rank) };
  }
}

/** Nearby pks grouped into a few [from, to] ranges (a harvest's new records are one run of pks). */
function rowidRanges(pks: number[]): [number, number][] {
  const sorted = [...pks].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const pk of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && pk - last[1] <= 1000) last[1] = pk;
    else ranges.push([pk, pk]);
  }
  return ranges.length <= 8 ? ranges : [[sorted[0], sorted[sorted.length - 1]]];
}

/** Page order of two hits: better (lower) rank first, then their place in the order without text. */
function before(rankA: number, positionA: number, rankB: number, positionB: number): boolean {
  return rankA < rankB || (rankA === rankB && positionA < positionB);
}

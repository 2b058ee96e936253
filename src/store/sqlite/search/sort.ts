/**
 * The orders search offers besides relevance (SearchSort in store.ts), from the in-memory index.
 * A query's shown datasets are counted once, in relevance order (count.ts); another order of
 * them is one native sort of numeric keys (a dataset's place in the default order, led by its
 * date's place among every date), a few milliseconds for 100k datasets and no SQL.
 */
import type { SearchSort } from '../../store.js';
import type { SearchIndex } from './facet-index.js';

export class SortOrders {
  /** The codes of the modified dates, latest first, for the first `length` codes of the index's dates. */
  #latestFirst = new Int32Array(0);
  /** Each date's place in `#latestFirst`, by code. */
  #places = new Int32Array(0);

  constructor(private readonly index: SearchIndex) {}

  /**
   * `shown` (a query's datasets, in relevance order; `text` when the query had some) in `sort`'s
   * order. Call after the index's sync.
   */
  sorted(shown: Int32Array, sort: SearchSort, text: boolean): Int32Array {
    // Without text, relevance is the default order already: count.ts walks candidates in it.
    if (sort === 'relevance' || (sort === 'score' && !text)) return shown;
    const { pks, position } = this.index.ordered();
    if (sort === 'score') return Int32Array.from(Int32Array.from(shown, (pk) => position[pk]).sort(), (at) => pks[at]);
    // Key: the date's place (those without one after every date), then the place in the default order.
    const places = this.#datePlaces();
    const { modified } = this.index;
    const n = pks.length;
    const keys = Float64Array.from(shown, (pk) => (modified[pk] < 0 ? places.length : places[modified[pk]]) * n + position[pk]).sort();
    return Int32Array.from(keys, (key) => pks[key % n]);
  }

  /**
   * The places of the modified dates. Dates are distinct and compared as text (ISO 8601: text
   * order is time order), as the MongoDB adapter sorts them. Codes are never reused, so dates
   * the index had not seen are sorted alone and merged in: a write costs one pass, not a sort.
   */
  #datePlaces(): Int32Array {
    const dates = this.index.modifiedDates.values;
    const known = this.#latestFirst;
    if (known.length === dates.length) return this.#places;
    const later = (a: number, b: number) => dates[a] > dates[b];
    const added = Int32Array.from({ length: dates.length - known.length }, (_, i) => known.length + i).sort((a, b) => (later(a, b) ? -1 : 1));
    const merged = new Int32Array(dates.length);
    for (let i = 0, k = 0, a = 0; i < merged.length; i++) {
      merged[i] = a >= added.length || (k < known.length && later(known[k], added[a])) ? known[k++] : added[a++];
    }
    this.#latestFirst = merged;
    this.#places = new Int32Array(dates.length);
    merged.forEach((code, place) => (this.#places[code] = place));
    return this.#places;
  }
}

/**
 * The active datasets holding each value of a facet, in page order (posting lists), built from
 * the in-memory index when a filter first asks for them and kept until the index changes: a
 * search filtered by a value then walks the datasets that have it, not the whole catalog.
 */
import type { FacetName } from '../../store.js';
import { COLUMN_FACETS, type ColumnFacet, type ListFacet, type SearchIndex } from './facet-index.js';

export class Postings {
  #generation = -1;
  readonly #byFacet = new Map<FacetName, Int32Array[]>();

  constructor(private readonly index: SearchIndex) {}

  /** The datasets with `value` in `facet`, in page order; call after the index's sync. */
  of(facet: FacetName, value: string): Int32Array {
    if (this.#generation !== this.index.generation) {
      this.#byFacet.clear();
      this.#generation = this.index.generation;
    }
    let lists = this.#byFacet.get(facet);
    if (!lists) {
      lists = this.#build(facet);
      this.#byFacet.set(facet, lists);
    }
    const code = this.index.dictionaries[facet].find(value);
    return (code !== undefined && lists[code]) || new Int32Array(0);
  }

  /** Two passes over the page order: the size of each list, then its members. */
  #build(facet: FacetName): Int32Array[] {
    const { pks } = this.index.ordered();
    const sizes = new Int32Array(this.index.dictionaries[facet].values.length);
    const each = (visit: (pk: number, code: number) => void) => {
      if (facet in COLUMN_FACETS) {
        const codes = this.index.columns[facet as ColumnFacet];
        for (const pk of pks) if (codes[pk] >= 0) visit(pk, codes[pk]);
      } else {
        const list = this.index.lists[facet as ListFacet];
        for (const pk of pks) list.each(pk, (code) => visit(pk, code));
      }
    };
    each((_, code) => (sizes[code] += 1));
    const lists = Array.from(sizes, (size) => new Int32Array(size));
    const filled = new Int32Array(sizes.length);
    each((pk, code) => (lists[code][filled[code]++] = pk));
    return lists;
  }
}

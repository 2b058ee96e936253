/**
 * Lookup keys shared by every vocabulary table: one normalization applied both to the aliases
 * (once, at module load) and to each declared value, so that a lookup is a single Map access
 * instead of a loop of regular expressions.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const ASCII = /^[\x00-\x7f]*$/;
const NON_ALNUM_RUN = /[^a-z0-9.]+/g;
// A dot survives only between digits (`4.0`); `.csv`, `tar.gz`, `Anual.` lose theirs.
const LOOSE_DOT = /(?<!\d)\.|\.(?!\d)/g;

/** Lower-cases and removes diacritics: `Educación` → `educacion`, `Ñandú` → `nandu`. */
export function foldAccents(s: string): string {
  // Most values are plain ASCII: skip the Unicode decomposition for them.
  if (ASCII.test(s)) return s.toLowerCase();
  return s.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

/**
 * The key every vocabulary indexes by: accent- and case-folded, punctuation runs turned into
 * one space (a dot between digits is kept: it carries versions such as `4.0`), trimmed.
 * `  Atribución-CompartirIgual 4.0 ` → `atribucion compartirigual 4.0`; `.CSV` → `csv`.
 */
export function vocabKey(s: string): string {
  return foldAccents(s).replace(NON_ALNUM_RUN, ' ').replace(LOOSE_DOT, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Builds a key → value map, refusing an alias that two entries claim: a silent overwrite would
 * make the table's meaning depend on its order.
 */
export function indexAliases<V>(entries: Iterable<[alias: string, value: V]>, key = vocabKey): Map<string, V> {
  const map = new Map<string, V>();
  for (const [alias, value] of entries) {
    const k = key(alias);
    if (k === '') continue;
    const prior = map.get(k);
    if (prior !== undefined && prior !== value) {
      throw new Error(`Vocabulary alias "${alias}" (key "${k}") is claimed twice.`);
    }
    map.set(k, value);
  }
  return map;
}

/**
 * Memoizes a pure string function with a size cap. Harvested catalogs repeat the same few hundred
 * declared values across 100k records, so the slow fallback paths run once per distinct value;
 * the cap keeps a hostile catalog of unique values from growing memory without bound.
 */
export function memoize<R>(fn: (s: string) => R, cap = 5000): (s: string) => R {
  const cache = new Map<string, R>();
  return (s: string): R => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as R;
    const value = fn(s);
    if (cache.size >= cap) cache.clear();
    cache.set(s, value);
    return value;
  };
}

/**
 * Words for full-text search, folded the way the SQLite adapter's FTS5 tokenizer (`unicode61
 * remove_diacritics 2`) folds them: letters and digits only, lower case, diacritics removed
 * ("Educación" → "educacion", "Año" → "ano"). Documents store their words folded; a query is folded
 * the same way, so matching is exact equality (or a prefix for the last word) on stored words.
 *
 * Why not a MongoDB text index: `$text` stems and drops stop words by language (with
 * `default_language: 'spanish'` "datos" is stored as "dat" and "de" not at all), has no prefix
 * matching, and its tokenizer is not the one the SQLite adapter uses, so the two adapters would
 * answer the same query differently. A multikey index over the folded words gives the port's
 * semantics exactly ("every word must match, prefix match on the last") and stays an index scan.
 */

/** More words than this add nothing to a search but cost; the rest are ignored (as in SQLite). */
export const MAX_QUERY_WORDS = 16;

/** The folded words of a text, in order, repeats kept. */
export function foldedWords(text: string | undefined): string[] {
  if (!text) return [];
  const folded = text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The distinct folded words of several texts. */
export function distinctWords(...texts: (string | undefined)[]): string[] {
  return [...new Set(texts.flatMap(foldedWords))];
}

/** A query's words: every one must match; `prefix` is the last, which may be partly typed. */
export interface QueryWords {
  whole: string[];
  prefix: string;
}

/** The words of what a user typed, or undefined when it holds no word at all. */
export function queryWords(q: string | undefined): QueryWords | undefined {
  const words = foldedWords(q).slice(0, MAX_QUERY_WORDS);
  if (words.length === 0) return undefined;
  return { whole: words.slice(0, -1), prefix: words[words.length - 1] };
}

/** An anchored regex source for words starting with `prefix`. */
export function prefixPattern(prefix: string): string {
  return `^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
}

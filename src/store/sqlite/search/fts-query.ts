/**
 * Turns what a user typed into an FTS5 MATCH expression that cannot inject FTS syntax: the text is
 * split into words (letters, digits, combining marks), each word becomes a quoted string, all are
 * required (FTS5's implicit AND) and the last one matches as a prefix, so "educacion sup" finds
 * "Educación superior" while the user is still typing.
 */

/** More words than this add nothing to a search but cost; the rest are ignored. */
const MAX_WORDS = 16;

/** The MATCH expression, or undefined when the text holds no word at all. */
export function ftsMatchExpression(text: string | undefined): string | undefined {
  const words = text?.normalize('NFC').match(/[\p{L}\p{N}\p{M}]+/gu)?.slice(0, MAX_WORDS);
  if (!words?.length) return undefined;
  return words.map((word, i) => `"${word.replaceAll('"', '""')}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

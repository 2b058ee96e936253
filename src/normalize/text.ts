/**
 * Text cleaning for every harvested string, and the placeholder test QUALITY.md's "present"
 * relies on: a value is present when it is non-empty after trimming and not a placeholder.
 */
import { foldAccents, memoize } from '../dcat/vocabularies/keys.js';
import { htmlToText, looksLikeHtml } from './html-text.js';
import { fixMojibake } from './mojibake.js';

export interface CleanTextOptions {
  /** Keep paragraph and line breaks (descriptions). Default false: one line (titles, names). */
  multiline?: boolean;
  /** Longer text is cut (with "…"): a hostile or broken record must not bloat the store. Default 100 000. */
  maxLength?: number;
}

const DEFAULT_MAX_LENGTH = 100_000;
const ASCII = /^[\x00-\x7f]*$/;
// Zero-width characters, the byte-order mark and C0/C1 controls other than tab and newline.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff]/g;

function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Trims, repairs mojibake, turns HTML into plain text, removes invisible characters, composes
 * accents (NFC) and collapses whitespace. Nullish input gives ''.
 * `"  <p>Educaci&oacute;n</p> "` → `"Educación"`; `"aÃ±o"` → `"año"`.
 */
export function cleanText(s: string | null | undefined, options: CleanTextOptions = {}): string {
  if (typeof s !== 'string') return typeof s === 'number' || typeof s === 'boolean' ? String(s) : '';
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  let text = s.length > maxLength * 2 ? s.slice(0, maxLength * 2) : s;
  text = fixMojibake(text);
  // Entities can spell mojibake too (`Educaci&Atilde;&sup3;n`), so repair again after decoding.
  if (looksLikeHtml(text)) text = fixMojibake(htmlToText(text));
  text = text.replace(/\r\n?/g, '\n').replace(INVISIBLE, '');
  if (!ASCII.test(text)) text = text.normalize('NFC');
  text = options.multiline ? tidyLines(text) : text.replace(/\s+/g, ' ').trim();
  return text.length > maxLength ? `${text.slice(0, maxLength - 1).trimEnd()}…` : text;
}

/** Folded forms of values that stand for "nothing" (QUALITY.md, "present"). */
const PLACEHOLDERS = new Set([
  'n/a', 'n.a', 'n a', 'na', 'n/d', 'n.d', 'null', 'nil', 'nan', 'none', 'undefined', 'sin informacion', 'sin info',
  'sin informacion disponible', 'informacion no disponible', 'no aplica', 'no disponible', 'sin datos', 's/d', 's.d', 's d',
  'ninguno', 'ninguna', 'no especificado', 'no especificada', 'no definido', 'no definida', 'sin definir', 'sin especificar',
  'sin descripcion', 'sin titulo', 'no tiene', 'no hay', 'desconocido', 'desconocida', 'unknown', 'not available',
  'not applicable', 'tbd', 'por definir', 'por completar', 'xxx',
]);
const HAS_WORD = /[\p{L}\p{N}]/u;
/** Longer values (titles, URLs, descriptions) are never looked up: most values skip the folding. */
const LONGEST_PLACEHOLDER = 40;
const WRAPPING = /^[\s"'“”‘’()[\]{}<>]+|[\s"'“”‘’()[\]{}<>.:;]+$/g;

/**
 * True for values that mean "nothing": `-`, `.`, `n/a`, `null`, `sin información`, `S/D`,
 * `No aplica`… in any case, with or without accents, quotes or brackets. Empty is not a
 * placeholder (it is simply absent).
 */
export function isPlaceholder(s: string): boolean {
  const trimmed = s.trim();
  if (trimmed === '') return false;
  if (trimmed.length > LONGEST_PLACEHOLDER) return !HAS_WORD.test(trimmed);
  return isShortPlaceholder(trimmed);
}

// Short values (keywords, formats, frequencies) repeat across a catalog: fold each once.
const isShortPlaceholder = memoize((trimmed: string): boolean => {
  if (!HAS_WORD.test(trimmed)) return true;
  return PLACEHOLDERS.has(foldAccents(trimmed).replace(WRAPPING, '').replace(/\s+/g, ' '));
});

/** Non-empty after trimming and not a placeholder. */
export function present(s: unknown): s is string {
  return typeof s === 'string' && s.trim() !== '' && !isPlaceholder(s);
}

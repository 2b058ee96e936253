/**
 * Repairs mojibake: UTF-8 text that was decoded as Latin-1 or Windows-1252 somewhere upstream
 * (`EducaciÃ³n` → `Educación`, `aÃ±o` → `año`, `â€œ` → `“`), common on portals fed from
 * spreadsheets and old databases (HARVESTING.md).
 *
 * Only runs of characters shaped like a mis-decoded UTF-8 sequence are touched, one run at a
 * time, so correct accents elsewhere in the same text stay as they are. A run is replaced only
 * when its bytes are valid UTF-8 and decode to a character plausible in Latin American text;
 * otherwise (a legitimate `Ó»` at the end of a quote decodes to Cyrillic) it is left alone.
 */

/** Windows-1252 characters for bytes 0x80–0x9F (bytes it leaves undefined read as C1 controls). */
const CP1252: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b,
  'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99,
  'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

// A UTF-8 continuation byte (0x80–0xBF) as Latin-1 or Windows-1252 shows it.
const CONT = '[\\u0080-\\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]';
const SEQUENCE = new RegExp(`[\\u00C2-\\u00DF]${CONT}|[\\u00E0-\\u00EF]${CONT}{2}|[\\u00F0-\\u00F4]${CONT}{3}`, 'g');
/** Cheap pre-check: a lead character directly followed by a continuation character. */
const SUSPICIOUS = new RegExp(`[\\u00C2-\\u00F4]${CONT}`);

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Characters a repaired sequence may produce: Latin letters, Latin-1 signs, general punctuation. */
function plausible(cp: number): boolean {
  return (cp >= 0xa0 && cp <= 0x24f) || (cp >= 0x2010 && cp <= 0x203a) || cp === 0x20ac || cp === 0x2122 || cp === 0x2c6 || cp === 0x2dc;
}

function repairSequence(seq: string): string {
  const bytes = new Uint8Array(seq.length);
  for (let i = 0; i < seq.length; i++) {
    const c = seq.charCodeAt(i);
    bytes[i] = c <= 0xff ? c : CP1252[seq[i]];
  }
  let decoded: string;
  try {
    decoded = decoder.decode(bytes);
  } catch {
    return seq;
  }
  const cp = decoded.codePointAt(0) ?? 0;
  return plausible(cp) ? decoded : seq;
}

/** Repairs mis-decoded UTF-8 runs; text without any is returned unchanged (and quickly). */
export function fixMojibake(text: string): string {
  let current = text;
  // Text mis-decoded twice (`EducaciÃƒÂ³n`) needs a second pass; three is already pathological.
  for (let pass = 0; pass < 3 && SUSPICIOUS.test(current); pass++) {
    const next = current.replace(SEQUENCE, repairSequence);
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * Languages as EU language codes (publications.europa.eu/resource/authority/language), which are
 * ISO 639-3 codes in upper case: SPA, ENG, QUE. Read from ISO 639-1 (`es`), 639-2/B (`fre`),
 * 639-3 (`spa`), BCP 47 tags (`es-EC`, `es_419`), EU and Library of Congress URIs and the
 * language's name in Spanish, English or itself. A value not listed is dropped: a made-up code
 * would look valid to every consumer.
 */
import { foldAccents, indexAliases, memoize, vocabKey } from './keys.js';

export const EU_LANGUAGE_BASE = 'http://publications.europa.eu/resource/authority/language/';

interface LanguageRow {
  code: string;
  /** ISO 639-1, when the language has one. */
  iso1?: string;
  /** Other codes and names: ISO 639-2/B, names in Spanish, English and the language itself. */
  aliases: readonly string[];
}

// The region's official and indigenous languages first, then those its portals also publish in.
const ROWS: readonly LanguageRow[] = [
  { code: 'SPA', iso1: 'es', aliases: ['Español', 'Espanol', 'Castellano', 'Spanish', 'esp', 'Espagnol'] },
  { code: 'POR', iso1: 'pt', aliases: ['Portugués', 'Português', 'Portuguese'] },
  { code: 'ENG', iso1: 'en', aliases: ['Inglés', 'English'] },
  { code: 'FRA', iso1: 'fr', aliases: ['fre', 'Francés', 'Français', 'French'] },
  // Kichwa (Ecuador) and Quichua are varieties of the Quechua macrolanguage.
  { code: 'QUE', iso1: 'qu', aliases: ['Quechua', 'Kichwa', 'Quichua', 'Runa simi', 'Runasimi', 'qug', 'quz', 'quy'] },
  { code: 'GRN', iso1: 'gn', aliases: ['Guaraní', 'Guarani', "Avañe'ẽ", 'gug'] },
  { code: 'AYM', iso1: 'ay', aliases: ['Aimara', 'Aymara', 'ayr'] },
  { code: 'NAH', aliases: ['Náhuatl', 'Nahuatl', 'Nahua'] },
  { code: 'YUA', aliases: ['Maya yucateco', 'Maya', 'Yucatec Maya'] },
  { code: 'QUC', aliases: ["K'iche'", 'Kiche', 'Quiché'] },
  { code: 'ARN', aliases: ['Mapudungun', 'Mapuche'] },
  { code: 'JIV', aliases: ['Shuar'] },
  { code: 'CAB', aliases: ['Garífuna', 'Garifuna'] },
  { code: 'MIQ', aliases: ['Miskito', 'Misquito'] },
  { code: 'GUC', aliases: ['Wayuu', 'Wayuunaiki'] },
  { code: 'DEU', iso1: 'de', aliases: ['ger', 'Alemán', 'Deutsch', 'German'] },
  { code: 'ITA', iso1: 'it', aliases: ['Italiano', 'Italian'] },
  { code: 'NLD', iso1: 'nl', aliases: ['dut', 'Neerlandés', 'Holandés', 'Nederlands', 'Dutch'] },
  { code: 'CAT', iso1: 'ca', aliases: ['Catalán', 'Català', 'Catalan'] },
  { code: 'EUS', iso1: 'eu', aliases: ['baq', 'Euskera', 'Vasco', 'Basque'] },
  { code: 'GLG', iso1: 'gl', aliases: ['Gallego', 'Galego', 'Galician'] },
  { code: 'ZHO', iso1: 'zh', aliases: ['chi', 'Chino', 'Chinese'] },
  { code: 'JPN', iso1: 'ja', aliases: ['Japonés', 'Japanese'] },
  { code: 'KOR', iso1: 'ko', aliases: ['Coreano', 'Korean'] },
  { code: 'RUS', iso1: 'ru', aliases: ['Ruso', 'Russian'] },
  { code: 'ARA', iso1: 'ar', aliases: ['Árabe', 'Arabic'] },
  { code: 'HAT', iso1: 'ht', aliases: ['Criollo haitiano', 'Haitian Creole', 'Kreyòl'] },
];

const PREFIXES = [EU_LANGUAGE_BASE, 'http://id.loc.gov/vocabulary/iso639-1/', 'http://id.loc.gov/vocabulary/iso639-2/', 'http://lexvo.org/id/iso639-3/', 'http://lexvo.org/id/iso639-1/'];

const INDEX = indexAliases(
  ROWS.flatMap((r) => [r.code, ...(r.iso1 ? [r.iso1] : []), ...r.aliases].map((a): [string, string] => [a, r.code])),
);

function matchUncached(value: string): string | undefined {
  let v = value.trim();
  const lower = v.toLowerCase().replace(/^https:/, 'http:');
  const prefix = PREFIXES.find((p) => lower.startsWith(p.toLowerCase()));
  if (prefix) v = v.slice(prefix.length).replace(/\/$/, '');
  const hit = INDEX.get(vocabKey(v));
  if (hit) return hit;
  // A BCP 47 tag: the primary subtag names the language (`es-EC`, `pt_BR`, `es-419`).
  const primary = /^([a-z]{2,3})[-_][a-z0-9]{2,8}$/i.exec(v);
  if (primary) return INDEX.get(primary[1].toLowerCase());
  // "Español (Ecuador)", "Kichwa de Imbabura": the first word names the language.
  const firstWord = foldAccents(v).split(/[\s(,]+/)[0];
  return firstWord.length > 3 ? INDEX.get(vocabKey(firstWord)) : undefined;
}

/** The EU language code one declared value names; undefined when it is not listed. */
export const matchLanguage: (value: string) => string | undefined = memoize(matchUncached);

/**
 * Every EU language code a list of declared values names, in order, without repeats. One value
 * may hold several languages (`es, en`, `spa; que`, `Español y Kichwa`).
 */
export function normalizeLanguages(values: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const value of values ?? []) {
    if (typeof value !== 'string') continue;
    const parts = /^https?:/i.test(value.trim()) ? [value] : value.split(/\s*(?:[,;|/]|\s+y\s+|\s+and\s+)\s*/);
    for (const part of parts) {
      const code = part.trim() === '' ? undefined : matchLanguage(part);
      if (code && !out.includes(code)) out.push(code);
    }
  }
  return out;
}

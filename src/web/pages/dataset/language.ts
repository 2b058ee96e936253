/**
 * EU language codes (ISO 639-3 in upper case: SPA, QUE) as BCP 47 tags (`es`, `qu`) and by their
 * names in the page's language, from the platform's CLDR data; a language CLDR does not name is
 * shown by its code.
 */
import type { Lang } from '../../i18n/lang.js';

const NAMES = { es: new Intl.DisplayNames(['es'], { type: 'language' }), en: new Intl.DisplayNames(['en'], { type: 'language' }) };

export function languageTag(code: string): string {
  try {
    return Intl.getCanonicalLocales(code.toLowerCase())[0] ?? code.toLowerCase();
  } catch {
    return code.toLowerCase();
  }
}

export function languageLabel(lang: Lang, code: string): string {
  const tag = languageTag(code);
  let name: string | undefined;
  try {
    name = NAMES[lang].of(tag);
  } catch {
    name = undefined;
  }
  return name && name !== tag ? name.charAt(0).toLocaleUpperCase(lang) + name.slice(1) : code;
}

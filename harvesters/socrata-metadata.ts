/**
 * Reading a Socrata portal's custom metadata (`classification.domain_metadata`). Each portal
 * defines its own fieldsets, so keys vary: `Información-de-Datos_Frecuencia-de-Actualización`,
 * `Información-de-contacto_Correo`, `Licencia_Licencia`, `Common-Core_Contact-Email`… A key is
 * `<fieldset>_<field>` with dashes for spaces; fields are recognized by the words of their name
 * (accents and case ignored). Values are kept as declared: normalization reads them.
 */
import { normalizeKey } from './ckan-extras.js';
import { isObject, text } from './values.js';

/** What a portal's custom fields say about a dataset. */
export interface DomainFields {
  frequency?: string;
  language: string[];
  license?: string;
  publisher?: string;
  contactName?: string;
  contactEmail?: string;
  spatial?: string;
  temporal?: string;
  accessRights?: string;
}

type Rule = { field: keyof Omit<DomainFields, 'language'> | 'language'; test: (fieldset: string, field: string) => boolean };

/** First matching rule wins; the order matters where names overlap (`nombre` of a contact vs of an entity). */
const RULES: Rule[] = [
  { field: 'contactEmail', test: (_set, f) => /(^|_)(correo|e_?mail|email)(_|$)/.test(f) },
  { field: 'contactName', test: (set, f) => /contact/.test(set + f) && /(^|_)(nombre|name|fn|responsable)(_|$)/.test(f) },
  { field: 'frequency', test: (_set, f) => /frecuencia|periodicidad|frequency|periodicity/.test(f) },
  { field: 'language', test: (_set, f) => /idioma|lenguaje|language/.test(f) },
  { field: 'license', test: (_set, f) => /licencia|license|licence/.test(f) },
  { field: 'publisher', test: (set, f) => /^(nombre_de_la_)?entidad$|^nombre_entidad$|^publicador$|^publisher$/.test(f) || (/entidad|publisher/.test(set) && /^nombre$|^name$/.test(f)) },
  { field: 'spatial', test: (_set, f) => /cobertura_geografica|cobertura_espacial|ambito_geografico|spatial/.test(f) },
  { field: 'temporal', test: (_set, f) => /cobertura_temporal|periodo_de_referencia|temporal/.test(f) },
  { field: 'accessRights', test: (_set, f) => /nivel_de_acceso|access_level|public_access_level|access_rights/.test(f) },
];

export function readDomainMetadata(entries: unknown): DomainFields {
  const found: Partial<Record<Rule['field'], string>> = {};
  for (const entry of Array.isArray(entries) ? entries : []) {
    if (!isObject(entry) || typeof entry.key !== 'string') continue;
    const value = typeof entry.value === 'number' ? String(entry.value) : text(entry.value);
    if (value === undefined) continue;
    const split = entry.key.indexOf('_');
    const fieldset = split > 0 ? normalizeKey(entry.key.slice(0, split)) : '';
    const field = normalizeKey(split > 0 ? entry.key.slice(split + 1) : entry.key);
    const rule = RULES.find((r) => r.test(fieldset, field));
    if (rule) found[rule.field] ??= value;
  }
  const { language, ...rest } = found;
  return { ...rest, language: language ? language.split(/[,;]/).map((l) => l.trim()).filter(Boolean) : [] };
}

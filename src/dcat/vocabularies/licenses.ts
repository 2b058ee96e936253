/**
 * Known licences, and how a declared licence (CKAN id, title, URL, free text, even an HTML
 * snippet) is read against them.
 *
 * Canonical ids are SPDX where SPDX has one. Licences SPDX lacks (the region's national ones, a
 * bare public-domain statement) use SPDX's own convention for them, `LicenseRef-…`.
 *
 * What a declaration can mean (QUALITY.md R1, R2, Q4):
 * - a known licence: an id and whether it conforms to the Open Definition (R2 passes);
 * - a category without a licence (`other-open`, `other-at`, `other-nc`, `other-closed`): the
 *   publisher says what kind of terms apply but not which licence, so a reuser cannot know the
 *   terms. No id (R2 fails) but the declared openness is kept (Q4 follows it);
 * - an explicit "no licence" (`notspecified`, "Licencia no especificada"): normalization drops
 *   the licence, as it does a placeholder (R1 fails).
 */
import { creativeCommonsFromKey, creativeCommonsFromUrlKey, isOpenCreativeCommons } from './creative-commons.js';
import { indexAliases, memoize, vocabKey } from './keys.js';

export interface LicenseEntry {
  /** SPDX id, or `LicenseRef-…` for licences SPDX lacks. */
  id: string;
  /** True when the licence conforms to the Open Definition (NC and ND licences do not). */
  open: boolean;
  /** Display names, Spanish first. */
  name: { es: string; en: string };
  url?: string;
  /** CKAN ids, titles and URLs that mean this licence (its id is always an alias too). */
  aliases: readonly string[];
}

export type LicenseCategory = 'other-open' | 'other-at' | 'other-nc' | 'other-closed';

export type LicenseMatch =
  | { kind: 'known'; id: string; open: boolean }
  | { kind: 'category'; category: LicenseCategory; open: boolean }
  | { kind: 'none' };

const cc = (id: string, es: string, en: string, path: string, aliases: string[]): LicenseEntry => ({
  id, open: isOpenCreativeCommons(id), name: { es, en }, url: `https://creativecommons.org/${path}/`, aliases,
});

export const LICENSES: readonly LicenseEntry[] = [
  cc('CC-BY-4.0', 'Creative Commons Atribución 4.0 Internacional', 'Creative Commons Attribution 4.0 International', 'licenses/by/4.0',
    ['cc-by', 'cc-by-4', 'cc-by-4.0', 'CC_BY_4_0', 'Creative Commons Reconocimiento', 'opendefinition.org/licenses/cc-by']),
  cc('CC-BY-SA-4.0', 'Creative Commons Atribución-CompartirIgual 4.0 Internacional', 'Creative Commons Attribution-ShareAlike 4.0 International', 'licenses/by-sa/4.0',
    ['cc-by-sa', 'cc-by-sa-4.0', 'CC_BYSA_4_0', 'opendefinition.org/licenses/cc-by-sa']),
  cc('CC-BY-3.0', 'Creative Commons Atribución 3.0', 'Creative Commons Attribution 3.0', 'licenses/by/3.0', ['CC_BY_3_0']),
  cc('CC-BY-SA-3.0', 'Creative Commons Atribución-CompartirIgual 3.0', 'Creative Commons Attribution-ShareAlike 3.0', 'licenses/by-sa/3.0', ['CC_BYSA_3_0']),
  cc('CC-BY-2.5', 'Creative Commons Atribución 2.5', 'Creative Commons Attribution 2.5', 'licenses/by/2.5', []),
  cc('CC-BY-NC-4.0', 'Creative Commons Atribución-NoComercial 4.0 Internacional', 'Creative Commons Attribution-NonCommercial 4.0 International', 'licenses/by-nc/4.0',
    ['cc-nc', 'cc-by-nc', 'CC_BYNC_4_0']),
  cc('CC-BY-ND-4.0', 'Creative Commons Atribución-SinDerivadas 4.0 Internacional', 'Creative Commons Attribution-NoDerivatives 4.0 International', 'licenses/by-nd/4.0',
    ['cc-by-nd', 'CC_BYND_4_0']),
  cc('CC-BY-NC-SA-4.0', 'Creative Commons Atribución-NoComercial-CompartirIgual 4.0 Internacional', 'Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International', 'licenses/by-nc-sa/4.0',
    ['cc-by-nc-sa', 'CC_BYNCSA_4_0']),
  cc('CC-BY-NC-ND-4.0', 'Creative Commons Atribución-NoComercial-SinDerivadas 4.0 Internacional', 'Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International', 'licenses/by-nc-nd/4.0',
    ['cc-by-nc-nd', 'CC_BYNCND_4_0']),
  cc('CC0-1.0', 'Creative Commons CC0 1.0 Universal (dedicación al dominio público)', 'Creative Commons CC0 1.0 Universal', 'publicdomain/zero/1.0',
    ['cc-zero', 'cc0', 'CC0', 'Creative Commons CCZero', 'opendefinition.org/licenses/cc-zero']),
  cc('CC-PDM-1.0', 'Marca de Dominio Público 1.0', 'Public Domain Mark 1.0', 'publicdomain/mark/1.0', ['CC_PDM_1_0']),
  {
    id: 'ODbL-1.0', open: true, url: 'https://opendatacommons.org/licenses/odbl/1-0/',
    name: { es: 'Licencia Abierta de Bases de Datos (ODbL) 1.0', en: 'Open Data Commons Open Database License 1.0' },
    aliases: ['odc-odbl', 'odbl', 'ODC_BL', 'Open Database License', 'Open Database License (ODbL)', 'Open Data Commons Open Database License (ODbL)',
      'Licencia Abierta de Bases de Datos', 'Licencia de Base de Datos Abierta', 'opendatacommons.org/licenses/odbl', 'opendatacommons.org/licenses/odbl/1.0',
      'opendatacommons.org/licenses/odbl/1-0'],
  },
  {
    id: 'ODC-By-1.0', open: true, url: 'https://opendatacommons.org/licenses/by/1-0/',
    name: { es: 'Licencia de Atribución de Open Data Commons 1.0', en: 'Open Data Commons Attribution License 1.0' },
    aliases: ['odc-by', 'ODC_BY', 'Open Data Commons Attribution License', 'Open Data Commons Attribution License (ODC-By)',
      'opendatacommons.org/licenses/by', 'opendatacommons.org/licenses/by/1.0', 'opendatacommons.org/licenses/by/1-0'],
  },
  {
    id: 'PDDL-1.0', open: true, url: 'https://opendatacommons.org/licenses/pddl/1-0/',
    name: { es: 'Dedicación al Dominio Público de Open Data Commons 1.0', en: 'Open Data Commons Public Domain Dedication and License 1.0' },
    aliases: ['odc-pddl', 'pddl', 'ODC_PDDL', 'Open Data Commons Public Domain Dedication and License', 'Open Data Commons Public Domain Dedication and License (PDDL)',
      'opendatacommons.org/licenses/pddl', 'opendatacommons.org/licenses/pddl/1.0', 'opendatacommons.org/licenses/pddl/1-0'],
  },
  {
    id: 'OGL-UK-3.0', open: true, url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
    name: { es: 'Licencia de Gobierno Abierto del Reino Unido 3.0', en: 'UK Open Government Licence 3.0' },
    aliases: ['uk-ogl', 'OGL_3_0', 'OGL', 'Open Government Licence', 'UK Open Government Licence (OGL)', 'nationalarchives.gov.uk/doc/open-government-licence/version/3',
      'nationalarchives.gov.uk/doc/open-government-licence'],
  },
  {
    id: 'OGL-UK-2.0', open: true, url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/2/',
    name: { es: 'Licencia de Gobierno Abierto del Reino Unido 2.0', en: 'UK Open Government Licence 2.0' },
    aliases: ['nationalarchives.gov.uk/doc/open-government-licence/version/2'],
  },
  {
    id: 'GFDL-1.3-or-later', open: true, url: 'https://www.gnu.org/licenses/fdl-1.3.html',
    name: { es: 'Licencia de Documentación Libre de GNU', en: 'GNU Free Documentation License' },
    aliases: ['gfdl', 'GNU_FDL_1_3', 'GNU Free Documentation License', 'Licencia de Documentación Libre de GNU', 'gnu.org/licenses/fdl-1.3.html', 'gnu.org/copyleft/fdl.html'],
  },
  {
    // Attribution only, set by Decreto 54/2017; CKAN id on catalogodatos.gub.uy: odc-uy.
    id: 'LicenseRef-UY-Datos-Abiertos', open: true,
    name: { es: 'Licencia de Datos Abiertos del Uruguay', en: 'Uruguay Open Data Licence' },
    aliases: ['odc-uy', 'Licencia de Datos Abiertos del Uruguay', 'Licencia de Datos Abiertos de Uruguay', 'Licencia de Datos Abiertos Uruguay', 'Uruguay Open Data License'],
  },
  {
    // Mexico's federal terms: reuse for any purpose, commercial included, with attribution.
    id: 'LicenseRef-MX-Libre-Uso', open: true, url: 'https://datos.gob.mx/libreusomx',
    name: { es: 'Términos de Libre Uso MX', en: 'Mexico Free Use Terms (Libre Uso MX)' },
    aliases: ['Libre Uso MX', 'LIBRE USO MX', 'libreusomx', 'Términos de Libre Uso MX', 'Términos de Libre Uso', 'Términos de Libre Uso de la Información',
      'Términos de Libre Uso de la Información (LIBRE USO MX)', 'datos.gob.mx/libreusomx'],
  },
  {
    // Named as a known regional licence by QUALITY.md (R2); portals declare it by this title alone.
    id: 'LicenseRef-Licencia-Abierta-Uso-Informacion', open: true,
    name: { es: 'Licencia abierta de uso de información', en: 'Open licence for the use of information' },
    aliases: ['Licencia abierta de uso de información', 'Licencia abierta de uso de la información', 'Licencia de uso abierto de información'],
  },
  {
    // A public-domain statement without a legal instrument: the terms are still unambiguous.
    id: 'LicenseRef-Public-Domain', open: true,
    name: { es: 'Dominio público', en: 'Public domain' },
    aliases: ['other-pd', 'Other (Public Domain)', 'Otro (Dominio público)', 'Public Domain', 'Dominio público', 'Dominio publico', 'opendefinition.org/licenses/other-pd'],
  },
];

const CATEGORY_ALIASES: Record<LicenseCategory, readonly string[]> = {
  'other-open': ['other-open', 'Other (Open)', 'Otro (Abierto)', 'Otra (Abierta)', 'Otra licencia abierta', 'Licencia abierta', 'Open licence', 'Open license'],
  'other-at': ['other-at', 'Other (Attribution)', 'Otro (Atribución)', 'Otra (Atribución)'],
  'other-nc': ['other-nc', 'Other (Non-Commercial)', 'Otro (No comercial)', 'Otra (No comercial)'],
  'other-closed': ['other-closed', 'Other (Not Open)', 'Otro (No abierto)', 'Otra (No abierta)', 'Licencia cerrada', 'All rights reserved', 'Todos los derechos reservados', 'Copyright'],
};
const CATEGORY_OPEN: Record<LicenseCategory, boolean> = { 'other-open': true, 'other-at': true, 'other-nc': false, 'other-closed': false };

const NONE_ALIASES = ['notspecified', 'notspec', 'License not specified', 'Licencia no especificada', 'Licencia no definida', 'No especificada',
  'Sin licencia', 'No license', 'No license provided', 'Sin especificar'];

const URL_LIKE = /^(https?:\/\/|www\.)|^[a-z0-9-]+(\.[a-z0-9-]+)+\//i;

/** Reduces a licence URL to what identifies it: no scheme, `www.`, query, page suffix or slash. */
export function licenseUrlKey(url: string): string {
  let k = url.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/[?#].*$/, '');
  for (;;) {
    const next = k.replace(/\/+$/, '').replace(/\/(legalcode|deed)(\.[a-z-]+)?$/, '').replace(/\/(index\.html?|summary)$/, '');
    if (next === k) return k;
    k = next;
  }
}

function buildIndexes(): { text: Map<string, LicenseMatch>; url: Map<string, LicenseMatch> } {
  const textPairs: [string, LicenseMatch][] = [];
  const urlPairs: [string, LicenseMatch][] = [];
  const add = (alias: string, m: LicenseMatch): void => {
    (URL_LIKE.test(alias) ? urlPairs : textPairs).push([alias, m]);
  };
  for (const e of LICENSES) {
    const m: LicenseMatch = { kind: 'known', id: e.id, open: e.open };
    for (const a of [e.id, e.name.es, e.name.en, ...e.aliases, ...(e.url ? [e.url] : [])]) add(a, m);
  }
  for (const [category, aliases] of Object.entries(CATEGORY_ALIASES) as [LicenseCategory, readonly string[]][]) {
    const m: LicenseMatch = { kind: 'category', category, open: CATEGORY_OPEN[category] };
    for (const a of aliases) add(a, m);
  }
  const none: LicenseMatch = { kind: 'none' };
  for (const a of NONE_ALIASES) add(a, none);
  return { text: indexAliases(textPairs), url: indexAliases(urlPairs, licenseUrlKey) };
}

const INDEX = buildIndexes();
const BY_ID = new Map(LICENSES.map((e) => [e.id, e]));
/** Hosts whose URLs end in a licence id or code: SPDX, Open Definition, the EU licence authority. */
const ID_HOSTS = ['spdx.org/licenses/', 'opendefinition.org/licenses/', 'publications.europa.eu/resource/authority/licence/'];

function fromSpdxLikeId(id: string): LicenseMatch | undefined {
  const entry = BY_ID.get(id);
  if (entry) return { kind: 'known', id, open: entry.open };
  if (/^CC-BY(-NC)?(-ND|-SA)?-\d\.\d$/.test(id)) return { kind: 'known', id, open: isOpenCreativeCommons(id) };
  return undefined;
}

function matchUrl(url: string): LicenseMatch | undefined {
  const key = licenseUrlKey(url);
  const hit = INDEX.url.get(key);
  if (hit) return hit;
  const cc = creativeCommonsFromUrlKey(key);
  if (cc) return fromSpdxLikeId(cc);
  const host = ID_HOSTS.find((h) => key.startsWith(h));
  if (host) return matchText(key.slice(host.length).replace(/\.(html|json|txt)$/, ''));
  return undefined;
}

function matchText(text: string): LicenseMatch | undefined {
  const key = vocabKey(text);
  const hit = INDEX.text.get(key);
  if (hit) return hit;
  const cc = creativeCommonsFromKey(key);
  return cc ? fromSpdxLikeId(cc) : undefined;
}

function matchUncached(value: string): LicenseMatch | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  if (URL_LIKE.test(v) && !/\s/.test(v)) return matchUrl(v);
  const direct = matchText(v.replace(/<[^>]*>/g, ' '));
  if (direct) return direct;
  // Free text or an HTML snippet (ArcGIS Hub) that links to the licence: try each URL in it.
  for (const m of v.matchAll(/https?:\/\/[^\s"'<>)]+/g)) {
    const hit = matchUrl(m[0]);
    if (hit) return hit;
  }
  return undefined;
}

/** Reads one declared value (id, title, URL or text); undefined when it names nothing known. */
export const matchLicense: (value: string) => LicenseMatch | undefined = memoize(matchUncached);

/** The table entry for a canonical id (display names for reports). */
export function licenseById(id: string): LicenseEntry | undefined {
  return BY_ID.get(id);
}

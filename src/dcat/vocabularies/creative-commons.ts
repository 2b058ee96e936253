/**
 * Reads Creative Commons licences from the many ways portals write them: URLs of any version,
 * port or page (`/deed.es`, `/legalcode`), short codes (`CC BY-SA 4.0`) and the English and
 * Spanish long names (`Atribución-NoComercial-CompartirIgual 4.0 Internacional`,
 * `Reconocimiento-SinObraDerivada`). Returns an SPDX id. Rules instead of an alias list, because
 * six licence types × five versions × two languages × word orders is too many to enumerate.
 */

/** The versions Creative Commons published; SPDX has an id for every type at each of them. */
const VERSIONS = new Set(['1.0', '2.0', '2.5', '3.0', '4.0']);
/**
 * A name without a version (`cc-by`, "Creative Commons Atribución") is read as the current
 * version: that is what a publisher choosing it today gets, and CKAN's own `cc-by` has no version.
 */
const DEFAULT_VERSION = '4.0';

/** True for the two CC licences that conform to the Open Definition (and for CC0, read apart). */
export function isOpenCreativeCommons(id: string): boolean {
  return /^CC-BY(-SA)?-\d\.\d$/.test(id) || id === 'CC0-1.0' || id === 'CC-PDM-1.0';
}

function spdxId(nc: boolean, nd: boolean, sa: boolean, version: string): string | undefined {
  if (nd && sa) return undefined; // no such licence
  if (!VERSIONS.has(version)) return undefined;
  return `CC-BY${nc ? '-NC' : ''}${nd ? '-ND' : ''}${sa ? '-SA' : ''}-${version}`;
}

const CC_URL = /^creativecommons\.org\/(licenses|publicdomain)\/([a-z-]+)(?:\/(\d(?:\.\d)?))?(?:\/[a-z-]{2,5})?$/;

/** Reads a URL already reduced by the licence URL key (no scheme, `www.`, page or trailing slash). */
export function creativeCommonsFromUrlKey(key: string): string | undefined {
  const m = CC_URL.exec(key);
  if (!m) return undefined;
  const [, kind, type, rawVersion] = m;
  const version = rawVersion === undefined ? DEFAULT_VERSION : rawVersion.includes('.') ? rawVersion : `${rawVersion}.0`;
  if (kind === 'publicdomain') {
    if (type === 'zero') return 'CC0-1.0';
    if (type === 'mark') return 'CC-PDM-1.0';
    return undefined;
  }
  const parts = new Set(type.split('-'));
  if (!parts.has('by')) return undefined;
  for (const p of parts) if (!['by', 'nc', 'nd', 'sa'].includes(p)) return undefined;
  return spdxId(parts.has('nc'), parts.has('nd'), parts.has('sa'), version);
}

// Markers are searched in the key with its spaces removed, so "Compartir Igual",
// "CompartirIgual" and "compartir-igual" are one case.
const NC_MARKERS = ['nocomercial', 'noncommercial', 'nocommercial', 'sinusocomercial'];
const ND_MARKERS = ['sinobraderivada', 'sinobrasderivadas', 'sinderivadas', 'noderivatives', 'noderivs', 'noderivadas', 'sinderivar'];
const SA_MARKERS = ['compartirigual', 'sharealike', 'licenciarigual'];
const BY_MARKERS = ['atribucion', 'reconocimiento', 'attribution'];
const ZERO_MARKERS = ['cc0', 'cczero', 'publicdomaindedication'];

const hasAny = (s: string, markers: readonly string[]): boolean => markers.some((m) => s.includes(m));

/**
 * Reads a vocabulary key (see `vocabKey`) as a CC licence. Only keys that name Creative Commons
 * (`cc …`, `creative commons …`) or start with a CC element name (`atribucion …`) are read, so
 * "Open Data Commons Attribution License" is left to the table.
 */
export function creativeCommonsFromKey(key: string): string | undefined {
  const tokens = key.split(' ');
  const first = tokens[0];
  const namesCc = first === 'cc' || first === 'cc0' || key.includes('creative commons') || BY_MARKERS.includes(first);
  if (!namesCc) return undefined;
  const joined = tokens.join('');
  if (hasAny(joined, ZERO_MARKERS) || tokens.includes('zero') || tokens.includes('cero')) return 'CC0-1.0';
  const set = new Set(tokens);
  const nc = set.has('nc') || hasAny(joined, NC_MARKERS);
  const nd = set.has('nd') || hasAny(joined, ND_MARKERS);
  const sa = set.has('sa') || hasAny(joined, SA_MARKERS);
  const by = set.has('by') || hasAny(joined, BY_MARKERS);
  if (!by && !nc && !nd && !sa) return undefined; // "Creative Commons" alone names no licence
  const versionToken = tokens.find((t) => /^[1-4](\.\d)?$/.test(t));
  const version = versionToken === undefined ? DEFAULT_VERSION : versionToken.includes('.') ? versionToken : `${versionToken}.0`;
  return spdxId(nc, nd, sa, version);
}

/**
 * Access rights read into the EU access-right codes (QUALITY.md R3, R4): PUBLIC, RESTRICTED,
 * NON_PUBLIC. Sources: EU URIs and codes, DCAT-US `accessLevel` (`public`, `restricted public`,
 * `non-public`) and the Spanish words of the region's transparency laws, where "información
 * reservada" or "confidencial" is information that is not public.
 */
import type { Coded } from '../dcat/types.js';
import { indexAliases, memoize, vocabKey } from '../dcat/vocabularies/keys.js';
import { isPlaceholder } from './text.js';

export type AccessRightCode = 'PUBLIC' | 'RESTRICTED' | 'NON_PUBLIC';

export const EU_ACCESS_RIGHT_BASE = 'http://publications.europa.eu/resource/authority/access-right/';

const LABELS: Record<AccessRightCode, readonly string[]> = {
  PUBLIC: ['public', 'publico', 'publica', 'acceso publico', 'abierto', 'abierta', 'acceso abierto', 'open', 'open access', 'libre', 'acceso libre',
    'informacion publica', 'sin restricciones', 'sin restriccion', 'sin restricciones de acceso', 'sin limitaciones', 'sin limitaciones al acceso publico',
    'no limitations', 'no restrictions', 'nolimitations'],
  RESTRICTED: ['restricted', 'restricted public', 'restringido', 'restringida', 'acceso restringido', 'uso restringido', 'limitado', 'acceso limitado',
    'publico restringido', 'bajo solicitud', 'previa solicitud', 'requiere registro'],
  NON_PUBLIC: ['non public', 'nonpublic', 'not public', 'no publico', 'no publica', 'privado', 'privada', 'confidencial', 'reservado', 'reservada',
    'informacion reservada', 'informacion confidencial', 'clasificado', 'clasificada', 'sensitive', 'confidential'],
};

const INDEX = indexAliases(
  (Object.entries(LABELS) as [AccessRightCode, readonly string[]][]).flatMap(([code, labels]) =>
    [code, ...labels].map((l): [string, AccessRightCode] => [l, code]),
  ),
);
const EU_URI = /^https?:\/\/publications\.europa\.eu\/resource\/authority\/access-right\/([a-z_]+)\/?$/i;
/** INSPIRE's code list of limitations on public access (GeoDCAT-AP, CSW records): `…/noLimitations` is public. */
const INSPIRE_URI = /^https?:\/\/inspire\.ec\.europa\.eu\/metadata-codelist\/LimitationsOnPublicAccess\/([a-z0-9_]+)\/?$/i;

const read = memoize((value: string): AccessRightCode | undefined => {
  const uri = EU_URI.exec(value) ?? INSPIRE_URI.exec(value);
  return INDEX.get(vocabKey(uri ? uri[1] : value));
});

/**
 * Reads declared access rights. Absent, blank or placeholder input gives undefined; a value that
 * does not read keeps its raw with no code (R3 present, R4 not met).
 */
export function normalizeAccessRights(raw: string | null | undefined): Coded | undefined {
  if (typeof raw !== 'string' || raw.trim() === '' || isPlaceholder(raw)) return undefined;
  const code = read(raw.trim());
  return code === undefined ? { raw } : { code, raw };
}

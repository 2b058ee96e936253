/**
 * Reading a declared format, media type or URL against the file-type table. Every alias is
 * indexed once at module load; a lookup is one or two Map accesses, plus a token pass over
 * short free-text values ("Excel 97-2003 (.xls)", "Shapefile (zip)").
 */
import { FORMATS, type FormatEntry } from './formats.js';
import { indexAliases, memoize, vocabKey } from './keys.js';

const BY_CODE = new Map(FORMATS.map((f) => [f.code, f]));

/** Codes and extensions: a token naming one of them is stronger evidence than a loose name. */
const EXACT = indexAliases(
  FORMATS.flatMap((f) => [f.code, ...(f.extensions ?? [])].map((a): [string, FormatEntry] => [a, f])),
  vocabKey,
);
const NAMES = indexAliases(FORMATS.flatMap((f) => (f.aliases ?? []).map((a): [string, FormatEntry] => [a, f])), vocabKey);
const BY_EXTENSION = new Map(FORMATS.flatMap((f) => (f.extensions ?? []).map((e): [string, FormatEntry] => [e, f])));
const BY_MEDIA_TYPE = new Map(
  FORMATS.flatMap((f) => [...(f.borrowsMediaType || !f.mediaType ? [] : [f.mediaType]), ...(f.otherMediaTypes ?? [])].map(
    (t): [string, FormatEntry] => [t, f],
  )),
);

const IANA_URI = /^https?:\/\/(www\.)?iana\.org\/assignments\/media-types\//i;
const EU_FILE_TYPE_URI = /^https?:\/\/publications\.europa\.eu\/resource\/authority\/file-type\//i;
const MEDIA_TYPE = /^(application|audio|font|image|message|model|multipart|text|video)\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;
const MAX_TOKENS = 8;


export function formatByCode(code: string): FormatEntry | undefined {
  return BY_CODE.get(code);
}

/**
 * A declared media type reduced to `type/subtype`, lower-cased, without parameters; undefined
 * when it is not shaped like an IANA media type ("CSV", "x-gis/x-shapefile").
 * `text/csv; charset=utf-8` → `text/csv`.
 */
export function normalizeMediaType(value: string): string | undefined {
  const t = value.trim().replace(IANA_URI, '').split(';')[0].trim().toLowerCase();
  return MEDIA_TYPE.test(t) ? t : undefined;
}

/** The format a media type names (`application/vnd.ms-excel` → XLS); undefined when none does. */
export function formatFromMediaType(value: string): FormatEntry | undefined {
  const t = value.trim().replace(IANA_URI, '').split(';')[0].trim().toLowerCase();
  return BY_MEDIA_TYPE.get(t);
}

function pick(candidates: Set<FormatEntry>): FormatEntry | undefined {
  const content = [...candidates].filter((f) => !f.container);
  const chosen = content.length > 0 ? content : [...candidates];
  return chosen.length === 1 ? chosen[0] : undefined;
}

/** Reads the tokens of a short free-text value; only an unambiguous reading is returned. */
function fromTokens(key: string): FormatEntry | undefined {
  const tokens = key.split(' ');
  if (tokens.length > MAX_TOKENS) return undefined;
  const exact = new Set<FormatEntry>();
  const named = new Set<FormatEntry>();
  for (const t of tokens) {
    const e = EXACT.get(t);
    if (e) exact.add(e);
    const n = NAMES.get(t);
    if (n) named.add(n);
  }
  // A content format named loosely ("shapefile (zip)") still beats an archive named exactly.
  const exactContent = [...exact].filter((f) => !f.container);
  if (exactContent.length > 0) return pick(new Set(exactContent));
  const namedContent = [...named].filter((f) => !f.container);
  if (namedContent.length > 0) return pick(new Set(namedContent));
  return pick(exact) ?? pick(named);
}

function fromNameUncached(value: string): FormatEntry | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  if (EU_FILE_TYPE_URI.test(v)) return BY_CODE.get(v.replace(EU_FILE_TYPE_URI, '').replace(/\/$/, '').toUpperCase());
  if (v.includes('/')) {
    const byType = formatFromMediaType(v);
    if (byType) return byType;
  }
  const key = vocabKey(v);
  return EXACT.get(key) ?? NAMES.get(key) ?? fromTokens(key);
}

/**
 * The format a declared value names: an EU code or URI, a media type, an extension, a name in
 * English or Spanish. `" .CSV "`, `text/csv`, `Excel`, `zip (shp)`, `Esri REST` are all read.
 */
export const formatFromName: (value: string) => FormatEntry | undefined = memoize(fromNameUncached);

const SERVICE_PARAM = new Map([['wms', 'WMS_SRVC'], ['wfs', 'WFS_SRVC'], ['wcs', 'WCS_SRVC'], ['wmts', 'WMTS_SRVC']]);
const FORMAT_PARAMS = ['format', 'f', 'outputformat', '_format'];

/**
 * The format a URL reveals: its file extension (`.xlsx`, `.tar.gz`, `.shp.zip` → SHP), else a
 * format query parameter (`?f=geojson`), else an OGC or ArcGIS service address.
 */
export function formatFromUrl(url: string): FormatEntry | undefined {
  const u = url.trim();
  const scheme = u.indexOf('://');
  if (scheme < 0) return undefined;
  // The extension is read from the raw path: this runs for every distribution, and a full URL
  // parse is only worth it when there is a query to read.
  const end = u.search(/[?#]/);
  const path = (end < 0 ? u : u.slice(0, end)).slice(scheme + 3).toLowerCase();
  const slash = path.indexOf('/');
  const byPath = slash < 0 ? undefined : fromPath(path.slice(slash));
  if (byPath) return byPath;
  if (end >= 0 && u[end] === '?') {
    const byQuery = fromQuery(u);
    if (byQuery) return byQuery;
  }
  return slash < 0 ? undefined : fromServicePath(path.slice(slash));
}

function fromPath(path: string): FormatEntry | undefined {
  const parts = path.slice(path.lastIndexOf('/') + 1).split('.');
  if (parts.length < 2) return undefined;
  const last = parts[parts.length - 1];
  const previous = parts.length > 2 ? parts[parts.length - 2] : '';
  if (last === 'zip' && previous === 'shp') return BY_CODE.get('SHP');
  if (last === 'gz' && previous === 'tar') return BY_CODE.get('TAR_GZ');
  return BY_EXTENSION.get(last);
}

function fromQuery(url: string): FormatEntry | undefined {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return undefined;
  }
  for (const [name, value] of params) {
    const lower = name.toLowerCase();
    if (FORMAT_PARAMS.includes(lower)) {
      const f = formatFromName(value);
      if (f) return f;
    }
    const service = SERVICE_PARAM.get(value.toLowerCase());
    if (lower === 'service' && service) return BY_CODE.get(service);
  }
  return undefined;
}

function fromServicePath(path: string): FormatEntry | undefined {
  if (/\/(mapserver|featureserver|imageserver)(\/|$)/.test(path)) return BY_CODE.get('MAP_SRVC');
  const service = /\/(wms|wfs|wcs|wmts)\/?$/.exec(path);
  const code = service ? SERVICE_PARAM.get(service[1]) : undefined;
  return code ? BY_CODE.get(code) : undefined;
}

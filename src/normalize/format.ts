/**
 * A distribution's format and media type (QUALITY.md I1–I3). The format comes from the declared
 * format, else the declared media type, else the file extension of the download or access URL.
 * The media type is the declared one, else the one the format implies.
 */
import type { Coded } from '../dcat/types.js';
import { formatFromMediaType, formatFromName, formatFromUrl, normalizeMediaType } from '../dcat/vocabularies/format-lookup.js';
import type { FormatEntry } from '../dcat/vocabularies/formats.js';
import { vocabKey } from '../dcat/vocabularies/keys.js';
import { declared } from './fields.js';

/**
 * Formats a generic name covers ("Excel", "Word"): the URL's extension may say which one the
 * file is. A name that is itself a code or extension ("XLS") is taken as declared.
 */
const FAMILIES: readonly (readonly string[])[] = [
  ['XLS', 'XLSX', 'XLSM', 'XLSB'],
  ['DOC', 'DOCX'],
  ['PPT', 'PPTX'],
  ['TIFF', 'GEOTIFF'],
];
const FAMILY_OF = new Map(FAMILIES.flatMap((family) => family.map((code): [string, readonly string[]] => [code, family])));

interface FormatInput {
  format?: Coded;
  mediaType?: Coded;
  downloadURL?: string;
  accessURL?: string;
}

function fromUrls(d: FormatInput): FormatEntry | undefined {
  return (d.downloadURL ? formatFromUrl(d.downloadURL) : undefined) ?? (d.accessURL ? formatFromUrl(d.accessURL) : undefined);
}

function isGenericName(value: string, entry: FormatEntry): boolean {
  const key = vocabKey(value);
  return key !== entry.code.toLowerCase() && !(entry.extensions ?? []).includes(key) && !value.includes('/');
}

function resolveEntry(d: FormatInput, declaredFormat: string | undefined, declaredType: string | undefined): FormatEntry | undefined {
  const named = declaredFormat === undefined ? undefined : formatFromName(declaredFormat);
  if (named) {
    const family = FAMILY_OF.get(named.code);
    if (family && declaredFormat !== undefined && isGenericName(declaredFormat, named)) {
      const byUrl = fromUrls(d);
      if (byUrl && family.includes(byUrl.code)) return byUrl;
    }
    return named;
  }
  const byType = declaredType === undefined ? undefined : formatFromMediaType(declaredType) ?? formatFromName(declaredType);
  return byType ?? fromUrls(d);
}

/** The format and media type, codes filled in, declared values kept as `raw`. */
export function normalizeFormat(d: FormatInput): { format?: Coded; mediaType?: Coded } {
  const declaredFormat = declared(d.format);
  const declaredType = declared(d.mediaType);
  const entry = resolveEntry(d, declaredFormat, declaredType);

  let format: Coded | undefined;
  if (entry) format = declaredFormat === undefined ? { code: entry.code } : { code: entry.code, raw: declaredFormat };
  else if (declaredFormat !== undefined) format = { raw: declaredFormat };

  let mediaType: Coded | undefined;
  if (declaredType !== undefined) {
    // Some portals put a format name in the media type field ("CSV"): read it as that format's type.
    const code = normalizeMediaType(declaredType) ?? formatFromName(declaredType)?.mediaType;
    mediaType = code === undefined ? { raw: declaredType } : { code, raw: declaredType };
  } else if (entry?.mediaType) {
    mediaType = { code: entry.mediaType };
  }
  return { ...(format && { format }), ...(mediaType && { mediaType }) };
}

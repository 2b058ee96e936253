/** Small readers shared by the HTML harvester's files: text, URLs, sites, file links, slugs. */

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A trimmed, non-empty string; anything else is absent. */
export function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? undefined : trimmed;
}

/** `href` read against `base`, when it is an http(s) URL; `mailto:`, `javascript:` and garbage are absent. */
export function absoluteUrl(href: string | undefined, base: string): string | undefined {
  const value = href?.trim();
  if (!value) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** The URL without its fragment: what makes two page addresses the same page. */
export function pageKey(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.toString();
}

/**
 * The site of a URL: host name without `www.`, and port. `http://` and `https://`, `www.` and
 * none, are one municipality's one site; another host is another site.
 */
export function siteOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname.toLowerCase().replace(/^www\./, '')}:${parsed.port}`;
  } catch {
    return undefined;
  }
}

/** The extensions that make a link a file, and so a distribution (lower case). */
export const FILE_EXTENSIONS: ReadonlySet<string> = new Set(['csv', 'xlsx', 'xls', 'json', 'geojson', 'zip', 'pdf', 'kml', 'shp', 'ods', 'xml']);

/** Other extensions of addresses that are not web pages (documents, media, archives). */
const NOT_PAGE = new Set(['doc', 'docx', 'ppt', 'pptx', 'odt', 'txt', 'jpg', 'jpeg', 'png', 'gif', 'svg', 'webp', 'mp3', 'mp4', 'avi', 'rar', '7z', 'gz', 'kmz', 'tif', 'tiff']);

/**
 * The file extension of a link, from its path or, for download scripts
 * (`descargar.php?archivo=plan.xlsx`), from a query value; only extensions of FILE_EXTENSIONS.
 */
export function fileExtension(url: string): string | undefined {
  const parsed = new URL(url);
  const candidates = [parsed.pathname, ...parsed.searchParams.values()];
  for (const candidate of candidates) {
    const ext = /\.([a-z0-9]{2,8})$/i.exec(candidate)?.[1]?.toLowerCase();
    if (ext && FILE_EXTENSIONS.has(ext)) return ext;
  }
  return undefined;
}

/**
 * The extension of a file named only in the query (`descargar.php?archivo=plan.xlsx`): the
 * format the link shows, which a reading of the path alone would miss.
 */
export function queryFileExtension(url: string): string | undefined {
  const parsed = new URL(url);
  const inPath = /\.([a-z0-9]{2,8})$/i.exec(parsed.pathname)?.[1]?.toLowerCase();
  return inPath && FILE_EXTENSIONS.has(inPath) ? undefined : fileExtension(url);
}

/** True for an address whose path names a file rather than a page: never fetched as a page. */
export function namesFile(url: string): boolean {
  const ext = /\.([a-z0-9]{2,8})$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  return ext !== undefined && (FILE_EXTENSIONS.has(ext) || NOT_PAGE.has(ext));
}

/** `Presupuesto participativo 2024 (cantón)` → `presupuesto-participativo-2024-canton`. */
export function slug(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

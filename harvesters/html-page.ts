/**
 * One HTML page read into raw records: its schema.org Dataset JSON-LD when it has some, else the
 * configured selectors and its file links. A page with neither is not a dataset page; when it
 * looks like an error page (served with 200), the caller is told so.
 */
import * as cheerio from 'cheerio';
import type { CheerioAPI, Cheerio } from 'cheerio';
// cheerio's own node type (its type declarations import it from domhandler).
import type { AnyNode } from 'domhandler';
import { prop, readJsonLd, type JsonLdNode } from './html-jsonld.js';
import type { HtmlSelectors } from './html-options.js';
import type { BlockRecord, FileLink, HtmlRecord, JsonLdRecord } from './html-records.js';
import { absoluteUrl, fileExtension, pageKey, slug, text } from './html-values.js';

export interface PageInput {
  body: string;
  /** The page's address (after redirects). */
  url: string;
  /** What derived ids start with: the page, or the first page of a paginated listing. */
  idBase: string;
  lastmod?: string;
  selectors?: HtmlSelectors;
  /** Derived ids given so far in this run: a suffix met again gets `-2`, `-3`… */
  taken: Set<string>;
}

export interface PageReading {
  records: HtmlRecord[];
  /** Set when the page has no dataset and its title says it is an error page. */
  errorPage?: { gone: boolean; title: string };
}

type Selection = Cheerio<AnyNode>;

export function readPage(input: PageInput): PageReading {
  const $ = cheerio.load(input.body);
  const base = absoluteUrl($('base[href]').first().attr('href'), input.url) ?? input.url;
  const scripts = $('script')
    .filter((_, el) => /^\s*application\/ld\+json/i.test($(el).attr('type') ?? ''))
    .map((_, el) => $(el).text())
    .get();
  const jsonld = readJsonLd(scripts);
  const page = { pageUrl: input.url, lastmod: input.lastmod };
  if (jsonld.datasets.length) return { records: jsonLdRecords($, jsonld.datasets, base, input) };
  if (jsonld.broken.length) {
    const message = `The page ${input.url} describes a dataset whose JSON-LD cannot be read: ${jsonld.broken[0]}.`;
    return { records: [{ kind: 'failure', sourceId: pageKey(input.url), ...page, code: 'bad_jsonld', message }] };
  }
  const records = blockRecords($, base, input);
  return records.length ? { records } : { records, errorPage: errorPageOf($) };
}

function jsonLdRecords($: CheerioAPI, nodes: JsonLdNode[], base: string, input: PageInput): JsonLdRecord[] {
  const several = nodes.length > 1;
  return nodes.map((node, i) => {
    const declared = idOf(node['@id'], base) ?? idOf(prop(node, 'url'), base);
    // Several datasets that all give the page's own address as theirs are told apart by name.
    const usable = declared && !(several && declared === pageKey(input.url));
    const sourceId = usable ? declared : several ? derivedId(input, text(prop(node, 'name')), i) : pageKey(input.url);
    const record: JsonLdRecord = { kind: 'jsonld', sourceId, pageUrl: input.url, lastmod: input.lastmod, node };
    if (!several && prop(node, 'distribution') === undefined) {
      const files = fileLinks($, mainOf($), undefined, base);
      if (files.length) record.pageFiles = files;
    }
    return record;
  });
}

/** A JSON-LD `@id` or `url` as an id: absolute (any scheme), or read against the page; blank nodes are not ids. */
function idOf(value: unknown, base: string): string | undefined {
  const id = text(value);
  if (!id || id.startsWith('_:')) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(id) && !/^https?:/i.test(id)) return id;
  return absoluteUrl(id, base);
}

function derivedId(input: PageInput, name: string | undefined, index: number, elementId?: string): string {
  const suffix = text(elementId) ?? ((name && slug(repairLatin1(name))) || `bloque-${index + 1}`);
  const stem = `${pageKey(input.idBase)}#${suffix}`;
  let id = stem;
  for (let n = 2; input.taken.has(id); n++) id = `${stem}-${n}`;
  input.taken.add(id);
  return id;
}

/**
 * UTF-8 text read as Latin-1 (`InformaciÃ³n`), read back, for ids only: a municipality that
 * fixes its mojibake keeps its ids. Normalization repairs the text itself.
 */
function repairLatin1(value: string): string {
  if (!/[\u00C2-\u00F4][\u0080-\u00BF]/.test(value) || /[^\u0000-\u00FF]/.test(value)) return value;
  const decoded = Buffer.from(value, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? value : decoded;
}

function blockRecords($: CheerioAPI, base: string, input: PageInput): BlockRecord[] {
  const selectors = input.selectors;
  const siteName = text($('meta[property="og:site_name"]').attr('content'));
  const page = { kind: 'block' as const, pageUrl: input.url, lastmod: input.lastmod, siteName };
  if (selectors?.dataset) {
    return $(selectors.dataset)
      .toArray()
      .map((el, i) => {
        const block = $(el);
        const title = textOf(block.find(selectors.title).first());
        const record = { ...page, sourceId: derivedId(input, title, i, block.attr('id')), title };
        return { ...record, ...details($, block, selectors, base) };
      });
  }
  const files = fileLinks($, selectors?.files ? $.root() : mainOf($), selectors?.files, base);
  if (!files.length) return [];
  const title = selectors ? textOf($(selectors.title).first()) : defaultTitle($);
  const description = selectors?.description ? htmlOf($(selectors.description).first()) : defaultDescription($);
  const modified = selectors?.modified ? dateOf($(selectors.modified).first()) : undefined;
  return [{ ...page, sourceId: pageKey(input.url), title, description, modified, files }];
}

function details($: CheerioAPI, block: Selection, selectors: HtmlSelectors, base: string) {
  return {
    description: selectors.description ? htmlOf(block.find(selectors.description).first()) : undefined,
    modified: selectors.modified ? dateOf(block.find(selectors.modified).first()) : undefined,
    files: fileLinks($, block, selectors.files, base),
  };
}

/** The page's main content: navigation and footers link to files on every page. */
function mainOf($: CheerioAPI): Selection {
  for (const candidate of ['main', '[role="main"]', 'body']) {
    const found = $(candidate).first();
    if (found.length) return found;
  }
  return $.root();
}

function defaultTitle($: CheerioAPI): string | undefined {
  return textOf($('h1').first()) ?? text($('meta[property="og:title"]').attr('content')) ?? textOf($('title').first());
}

function defaultDescription($: CheerioAPI): string | undefined {
  return text($('meta[name="description"]').attr('content')) ?? text($('meta[property="og:description"]').attr('content'));
}

function textOf(el: Selection): string | undefined {
  if (!el.length) return undefined;
  return el.is('meta') ? text(el.attr('content')) : text(el.text());
}

function htmlOf(el: Selection): string | undefined {
  if (!el.length) return undefined;
  return el.is('meta') ? text(el.attr('content')) : (el.html() ?? undefined)?.trim() || undefined;
}

function dateOf(el: Selection): string | undefined {
  return text(el.attr('datetime')) ?? text(el.attr('content')) ?? textOf(el);
}

/**
 * The file links of a block: every link the `files` selector matches (or the links inside what
 * it matches), else the links whose address ends in a file extension. One per URL.
 */
function fileLinks($: CheerioAPI, scope: Selection, filesSelector: string | undefined, base: string): FileLink[] {
  const anchors = filesSelector
    ? scope.find(filesSelector).toArray().flatMap((el) => ($(el).is('a[href], area[href]') ? [el] : $(el).find('a[href]').toArray()))
    : scope.find('a[href], area[href]').toArray();
  const links = new Map<string, FileLink>();
  for (const el of anchors) {
    const url = absoluteUrl($(el).attr('href'), base);
    if (!url || links.has(url) || (!filesSelector && !fileExtension(url))) continue;
    links.set(url, { url, title: linkTitle($(el), url) });
  }
  return [...links.values()];
}

const GENERIC_WORDS = new Set([
  'descargar', 'descarga', 'download', 'ver', 'abrir', 'aqui', 'clic', 'click', 'here', 'haga', 'enlace', 'link', 'archivo',
  'documento', 'formato', 'el', 'la', 'en', 'pdf', 'xlsx', 'xls', 'csv', 'json', 'geojson', 'zip', 'kml', 'shp', 'ods', 'xml',
]);

/** The link text; for "Descargar"-style links in a table, the row's label; else the file's name. */
function linkTitle(link: Selection, url: string): string | undefined {
  const own = text(link.text()) ?? text(link.attr('title')) ?? text(link.find('img').attr('alt'));
  const words = (own ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (own && !words.every((word) => GENERIC_WORDS.has(word))) return own;
  const firstCell = link.closest('tr').children('td, th').first();
  const label = firstCell.length && link.closest('td, th').get(0) !== firstCell.get(0) ? text(firstCell.text()) : undefined;
  return label ?? own ?? fileName(url);
}

function fileName(url: string): string | undefined {
  const parsed = new URL(url);
  const name = [...parsed.searchParams.values()].find((value) => fileExtension(`http://x/${value}`)) ?? parsed.pathname.split('/').pop();
  try {
    return text(decodeURIComponent(name ?? ''));
  } catch {
    return text(name);
  }
}

const GONE = /no encontrad|no existe|not found|\b404\b|\b410\b|ya no est[aá] disponible/i;
const FAILED = /\berror\b|mantenimiento|maintenance|no disponible|unavailable|temporalmente|demasiadas (solicitudes|peticiones)|too many requests|acceso denegado|forbidden|\b50[0-4]\b|\b429\b/i;

/** An error page served with 200: its `<title>` or first heading says so. */
export function errorPageOf($: CheerioAPI): PageReading['errorPage'] {
  const title = [...new Set([textOf($('title').first()), textOf($('h1').first())].filter(Boolean))].join(' — ');
  if (GONE.test(title)) return { gone: true, title };
  if (FAILED.test(title)) return { gone: false, title };
  return undefined;
}

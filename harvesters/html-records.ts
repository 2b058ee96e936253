/**
 * The raw records of the HTML harvester: what `list` read from a page, kept as the source record
 * (the run stores it, and `cosecha rescore` maps it again without fetching the page).
 */
import type { JsonLdNode } from './html-jsonld.js';

/** A link to a file, as the page shows it. */
export interface FileLink {
  /** Absolute URL. */
  url: string;
  /** The link text (or, for "Descargar"-style links, the label the page gives the file). */
  title?: string;
}

interface PageRecord {
  /** The page the record was read from (relative URLs are read against it). */
  pageUrl: string;
  /** The page's `<lastmod>` in the sitemap, as declared. */
  lastmod?: string;
}

/** A schema.org Dataset found in the page's JSON-LD. */
export interface JsonLdRecord extends PageRecord {
  kind: 'jsonld';
  /** The record's id in the source: the JSON-LD `@id`/`url`, else the page URL (with a suffix when the page has several). */
  sourceId: string;
  node: JsonLdNode;
  /** The page's file links, kept when the page's only Dataset declares no distribution. */
  pageFiles?: FileLink[];
}

/** A page, or a repeated block of one, read with selectors and file links. */
export interface BlockRecord extends PageRecord {
  kind: 'block';
  /** The page URL, with a suffix for a repeated block. */
  sourceId: string;
  title?: string;
  /** HTML, as the page has it (normalization turns it into text). */
  description?: string;
  modified?: string;
  /** The site's name (`og:site_name`): on a municipality's own site, the municipality. */
  siteName?: string;
  files: FileLink[];
}

/** A page that could not be read: recorded against the page and skipped. */
export interface FailedPage extends PageRecord {
  kind: 'failure';
  /**
   * The page URL, so that a dataset stored under it is kept; absent when the page is gone (404,
   * 410, moved off the site): what it held may be withdrawn.
   */
  sourceId?: string;
  code: string;
  message: string;
}

export type HtmlRecord = JsonLdRecord | BlockRecord | FailedPage;

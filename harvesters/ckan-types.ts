/**
 * The parts of a CKAN Action API v3 package (`package_search` / `package_show` result) that the
 * CKAN harvester reads. Everything else a portal sends is kept as `unknown`. The shapes describe
 * what CKAN normally sends; the mapping still reads every value defensively, because portals send
 * nulls, numbers as strings and the occasional string where a list belongs.
 */

export interface CkanTag {
  name?: string;
  display_name?: string;
  [key: string]: unknown;
}

/** A group (CKAN's theme) or an organization (CKAN's publisher). */
export interface CkanGroup {
  id?: string;
  name?: string;
  title?: string;
  display_name?: string;
  [key: string]: unknown;
}

/** One `extras` entry: free key/value pairs whose keys vary by portal, case and language. */
export interface CkanExtra {
  key?: string;
  value?: unknown;
  [key: string]: unknown;
}

export interface CkanResource {
  id?: string;
  name?: string | null;
  description?: string | null;
  url?: string | null;
  /** `upload` for files stored by CKAN itself; empty or absent for links. */
  url_type?: string | null;
  format?: string | null;
  mimetype?: string | null;
  /** Bytes; portals send a number, a numeric string or nothing. */
  size?: number | string | null;
  created?: string | null;
  last_modified?: string | null;
  /** Often `md5:…`/`sha256:…`, or a bare hex digest. */
  hash?: string | null;
  [key: string]: unknown;
}

export interface CkanPackage {
  id?: string;
  name?: string;
  title?: string | null;
  notes?: string | null;
  /** The dataset's "source" URL in CKAN; used as the landing page. */
  url?: string | null;
  version?: string | null;
  license_id?: string | null;
  license_title?: string | null;
  license_url?: string | null;
  maintainer?: string | null;
  maintainer_email?: string | null;
  author?: string | null;
  author_email?: string | null;
  /** UTC without a zone designator, often with microseconds (`2023-05-02T14:03:11.123456`). */
  metadata_created?: string | null;
  metadata_modified?: string | null;
  organization?: CkanGroup | null;
  groups?: CkanGroup[];
  tags?: CkanTag[];
  extras?: CkanExtra[];
  resources?: CkanResource[];
  [key: string]: unknown;
}

/** The `result` of `package_search`. */
export interface CkanSearchResult {
  count?: number;
  results: unknown[];
  [key: string]: unknown;
}

/** The envelope of every Action API reply. */
export interface CkanEnvelope {
  help?: string;
  success?: boolean;
  result?: unknown;
  error?: { __type?: string; message?: string; [key: string]: unknown };
}

/** The result of checking one URL (QUALITY.md, link checks). Scoring reads these; it never fetches. */
export type LinkStatus = 'ok' | 'broken' | 'unknown' | 'refused';

export interface LinkCheck {
  url: string;
  status: LinkStatus;
  /** ISO 8601 time of the latest check. */
  checkedAt: string;
  httpStatus?: number;
  finalUrl?: string;
  contentType?: string;
  contentLength?: number;
  lastModified?: string;
  etag?: string;
  /** Flags such as `html_instead_of_csv`. */
  flags?: string[];
  /** ISO 8601 time a change of Last-Modified, ETag or length was last observed. */
  changedAt?: string;
}

/** Link checks by URL, as scoring receives them. */
export type LinkChecks = ReadonlyMap<string, LinkCheck>;

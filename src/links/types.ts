/** The result of checking one URL (QUALITY.md, link checks). Scoring reads these; it never fetches. */
export type LinkStatus = 'ok' | 'broken' | 'unknown' | 'refused';

/**
 * What one attempt found, before the rules that turn attempts into a status (two failures 24 h
 * apart make `broken`; an `unknown` keeps the last definitive result for 30 days).
 */
export type AttemptOutcome = 'ok' | 'failed' | 'unknown' | 'refused';

/** Why an attempt did not end in `ok`. Stable: stored and shown in reports. */
export type LinkErrorCode =
  /** Not an http(s) URL with a host, or it has spaces. Outcome `failed`. */
  | 'invalid_url'
  /** A redirect without a usable Location, or to another scheme. Outcome `failed`. */
  | 'bad_redirect'
  /** More redirects than allowed. Outcome `failed`. */
  | 'too_many_redirects'
  /** A final non-2xx answer (the code is in `httpStatus`). Outcome `failed`. */
  | 'http_status'
  /** Nothing listens on the host's port. Outcome `failed`. */
  | 'connection_refused'
  /** The host (or a redirect) resolves to a private, loopback, link-local… address. Outcome `refused`. */
  | 'private_address'
  /** HTTP 429. Outcome `unknown`. */
  | 'rate_limited'
  /** A firewall, bot wall or captcha answered instead of the server. Outcome `unknown`. */
  | 'firewall'
  /** The host name did not resolve. Outcome `unknown`. */
  | 'dns_failure'
  /** TLS handshake or certificate failure. Outcome `unknown`. */
  | 'tls_error'
  /** No answer within the timeout (or HTTP 408). Outcome `unknown`. */
  | 'timeout'
  /** Reset, hang-up, unreachable network, malformed HTTP. Outcome `unknown`. */
  | 'network_error';

/** The latest attempt, whatever the status it led to. */
export interface LinkAttempt {
  outcome: AttemptOutcome;
  /** ISO 8601. */
  checkedAt: string;
  httpStatus?: number;
  error?: LinkErrorCode;
}

export interface LinkCheck {
  url: string;
  status: LinkStatus;
  /** ISO 8601 time of the latest check. */
  checkedAt: string;
  // The response fields below (httpStatus … etag, flags) describe the answer the status rests on:
  // when an attempt leaves the status as it was (a 429 after an ok), they stay those of the earlier
  // answer and the attempt is in `lastAttempt`.
  httpStatus?: number;
  finalUrl?: string;
  contentType?: string;
  /** The size of the whole file in bytes (from Content-Range when a ranged GET answered 206). */
  contentLength?: number;
  lastModified?: string;
  etag?: string;
  /** Flags such as `html_instead_of_csv`. */
  flags?: string[];
  /** ISO 8601 time a change of Last-Modified, ETag or length was last observed. */
  changedAt?: string;
  /** ISO 8601 time of the latest definitive (ok or broken) answer; such a status is kept for 30 days after it. */
  confirmedAt?: string;
  /** ISO 8601 time the current run of failed attempts began; absent after a success. */
  failingSince?: string;
  /** Consecutive `ok` attempts, which widen the re-check schedule. */
  okStreak?: number;
  /** ISO 8601 time the link is due for its next check. */
  nextCheckAt?: string;
  lastAttempt?: LinkAttempt;
}

/** Link checks by URL, as scoring receives them. */
export type LinkChecks = ReadonlyMap<string, LinkCheck>;

/** A URL to check and the format its distribution declares. */
export interface LinkTarget {
  url: string;
  /** EU file-type code (CSV, JSON, XLSX…), when the distribution declares one. */
  format?: string;
}

/** What the HTTP probe saw: the input of the status rules, with no history applied. */
export interface Observation {
  outcome: AttemptOutcome;
  error?: LinkErrorCode;
  httpStatus?: number;
  finalUrl?: string;
  contentType?: string;
  contentLength?: number;
  lastModified?: string;
  etag?: string;
  flags?: string[];
}

/**
 * Cosecha's error hierarchy. Every error has a stable `code` (shown to users and stored in run
 * reports) and says what the engine should do about it.
 */

/** What the engine does when it meets an error. */
export type ErrorAction =
  /** Transport-level: already retried by the HTTP client; the run may go on with the next page or fail. */
  | 'retry'
  /** Try again at the next scheduled run (portal down, lease held). */
  | 'retry_later'
  /** Record the failure against one record and go on. */
  | 'skip_record'
  /** Stop the run; withdraw nothing. */
  | 'abort_run'
  /** The operator must fix configuration or usage; exit code 2. */
  | 'fix_config';

export class CosechaError extends Error {
  readonly code: string;
  readonly action: ErrorAction;
  constructor(code: string, message: string, action: ErrorAction, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.action = action;
  }
}

/** Bad configuration file, bad environment, bad command-line usage. Exit code 2. */
export class ConfigError extends CosechaError {
  constructor(message: string, options?: { cause?: unknown; code?: string }) {
    super(options?.code ?? 'bad_config', message, 'fix_config', options);
  }
}

/** A request to a portal failed or answered something that is not what was asked for. */
export class HarvestError extends CosechaError {
  readonly url?: string;
  readonly status?: number;
  /** The start of the body of a non-2xx answer (APIs put their real error there). */
  readonly body?: string;
  constructor(
    code: HarvestErrorCode,
    message: string,
    details: { url?: string; status?: number; body?: string; cause?: unknown; action?: ErrorAction } = {},
  ) {
    super(code, message, details.action ?? 'abort_run', { cause: details.cause });
    this.url = details.url;
    this.status = details.status;
    this.body = details.body;
  }
}

export type HarvestErrorCode =
  | 'unreachable'
  | 'timeout'
  | 'tls_error'
  | 'http_status'
  | 'rate_limited'
  | 'too_large'
  | 'not_json'
  | 'not_xml'
  | 'html_instead_of_data'
  | 'empty_body'
  | 'api_error'
  | 'bad_response'
  | 'paging_loop'
  | 'unsafe_url';

/** One record could not be mapped or stored; the run goes on. */
export class RecordError extends CosechaError {
  readonly sourceId?: string;
  constructor(code: string, message: string, sourceId?: string, options?: { cause?: unknown }) {
    super(code, message, 'skip_record', options);
    this.sourceId = sourceId;
  }
}

/** Another process holds the harvest lease of this portal. */
export class LeaseHeldError extends CosechaError {
  constructor(portalId: string, holder: string) {
    super('lease_held', `Portal ${portalId} is already being harvested by ${holder}.`, 'retry_later');
  }
}

/** An id asked for does not exist (API 404). */
export class NotFoundError extends CosechaError {
  constructor(what: string) {
    super('not_found', `${what} was not found.`, 'fix_config');
  }
}

/** A request parameter is invalid (API 400, CLI exit 2). */
export class BadRequestError extends CosechaError {
  constructor(message: string) {
    super('bad_request', message, 'fix_config');
  }
}

/** The store failed. */
export class StoreError extends CosechaError {
  constructor(message: string, options?: { cause?: unknown; code?: string }) {
    super(options?.code ?? 'store_error', message, 'abort_run', options);
  }
}

export const isCosechaError = (e: unknown): e is CosechaError => e instanceof CosechaError;
export const isHarvestError = (e: unknown): e is HarvestError => e instanceof HarvestError;
export const isRecordError = (e: unknown): e is RecordError => e instanceof RecordError;

/** A one-line message for any thrown value. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The HTTP status of an error, for the API and the web pages alike. */
import { BadRequestError, NotFoundError } from '../errors.js';

/**
 * 400 bad input, 404 unknown ids, 500 otherwise. Express and its parsers mark errors caused by
 * the request (a malformed %-escape, say) with a 4xx of their own, which is kept.
 */
export function statusOf(error: unknown): number {
  if (error instanceof BadRequestError) return 400;
  if (error instanceof NotFoundError) return 404;
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 500;
}

/**
 * The one retry a harvester adds to the HTTP client's: a page that still fails with a 5xx after the
 * client's retries is asked for again with half as many records (overloaded search indexes fail on
 * big pages), at most three times and never below ten records.
 */
import { HarvestError } from '../errors.js';
import type { HarvestContext } from './types.js';

const MIN_SIZE = 10;
const MAX_SHRINKS = 3;

export interface ShrunkPage<T> {
  page: T;
  /** The page size that answered. */
  size: number;
  shrunk: boolean;
}

export async function fetchShrinking<T>(ctx: HarvestContext, size: number, fetch: (size: number) => Promise<T>): Promise<ShrunkPage<T>> {
  for (let shrinks = 0; ; shrinks++) {
    try {
      return { page: await fetch(size), size, shrunk: shrinks > 0 };
    } catch (error) {
      const serverError = error instanceof HarvestError && (error.status ?? 0) >= 500;
      if (!serverError || size <= MIN_SIZE || shrinks >= MAX_SHRINKS) throw error;
      size = Math.max(MIN_SIZE, Math.floor(size / 2));
      ctx.log.warn({ url: error.url, status: error.status, size }, `The portal keeps failing on this page: asking for ${size} records.`);
    }
  }
}

/** What every page component knows of its request: the language and the address it answers. */
import type { Request, Response } from 'express';
import type { Lang } from './i18n/lang.js';

export interface PageContext {
  lang: Lang;
  /** The request's path and query, as asked (for the language switch and paging links). */
  url: string;
  /** Cosecha's version: assets are addressed by it so a new release is never served a stale CSS. */
  version: string;
}

/** Every page route's context, set by the web router before the route runs. */
export function ctxOf(res: Response): PageContext {
  return res.locals.ctx as PageContext;
}

export function pageContext(req: Request, lang: Lang, version: string): PageContext {
  return { lang, url: req.originalUrl, version };
}

/** `url` with its query parameters changed: `undefined` removes one. */
export function withParams(url: string, changes: Record<string, string | number | undefined>): string {
  const parsed = new URL(url, 'http://x');
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) parsed.searchParams.delete(key);
    else parsed.searchParams.set(key, String(value));
  }
  const query = parsed.searchParams.toString();
  return `${parsed.pathname}${query ? `?${query}` : ''}`;
}

/**
 * The page's language: `?lang=` (remembered in a cookie), else the cookie, else the browser's
 * Accept-Language, else Spanish. Spanish first: it is the language of the region's portals.
 */
import type { Request, Response } from 'express';

export const LANGS = ['es', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const COOKIE = 'lang';
const YEAR_S = 365 * 24 * 3600;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The language of this request; a valid `?lang=` is remembered for the next pages. */
export function chooseLang(req: Request, res: Response): Lang {
  const asked = req.query.lang;
  if (isLang(asked)) {
    res.append('Set-Cookie', `${COOKIE}=${asked}; Path=/; Max-Age=${YEAR_S}; SameSite=Lax`);
    return asked;
  }
  const kept = cookieValue(req.get('cookie'), COOKIE);
  if (isLang(kept)) return kept;
  const accepted = req.acceptsLanguages(...LANGS);
  return isLang(accepted) ? accepted : 'es';
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

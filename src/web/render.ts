/** A page component rendered to an HTML document: Preact escapes every value it is given. */
import type { Response } from 'express';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

export function sendPage(res: Response, page: VNode, status = 200): void {
  res.status(status).type('html').send(`<!doctype html>${renderToString(page)}`);
}

/** JSON for a `<script type="application/ld+json">` block: `<` escaped so no value can close it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

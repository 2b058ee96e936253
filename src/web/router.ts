/**
 * The web application: its assets, the language of each request, its pages (pages/*), the old
 * addresses redirected, and the 404 and error pages in the layout. A page route asks one report
 * builder for its data and hands a plain view model to its page component.
 */
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { fileURLToPath } from 'node:url';
import { NotFoundError, messageOf } from '../errors.js';
import { statusOf } from '../api/status.js';
import type { ApiDeps } from '../api/app.js';
import { chooseLang } from './i18n/lang.js';
import { pageContext, type PageContext } from './context.js';
import { sendPage } from './render.js';
import { ErrorPage } from './pages/error-page.js';
import { PAGES } from './pages/index.js';

const ASSETS = fileURLToPath(new URL('./assets/', import.meta.url));

export function webRouter(deps: ApiDeps): Router {
  const web = Router();
  web.use('/static', express.static(ASSETS, { maxAge: '1d', fallthrough: false, index: false }));
  web.use((req, res, next) => {
    res.locals.ctx = pageContext(req, chooseLang(req, res), deps.version);
    next();
  });
  // The addresses of the first pages keep working.
  web.get('/datasets/:id', (req, res) => res.redirect(301, `/conjuntos/${encodeURIComponent(String(req.params.id))}`));
  for (const page of PAGES) page(web, deps);
  web.use((req) => {
    throw new NotFoundError(`The page '${req.path}'`);
  });
  web.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const ctx = (res.locals.ctx as PageContext | undefined) ?? pageContext(req, 'es', deps.version);
    // The page speaks of a missing page, a bad request or a failure; other 4xx read as a bad request.
    const own = statusOf(error);
    const status = own === 404 ? 404 : own < 500 ? 400 : 500;
    if (status === 500) deps.log.error({ err: messageOf(error), path: req.path }, 'A web page failed.');
    sendPage(res, ErrorPage({ ctx, status, detail: status === 400 ? messageOf(error) : undefined }), status);
  });
  return web;
}

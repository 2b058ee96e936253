/** `/metodologia`: how Cosecha scores, generated from the definitions the scorer uses. */
import type { PageRoutes } from '../index.js';
import { ctxOf } from '../../context.js';
import { sendPage } from '../../render.js';
import { MethodologyPage } from './page.js';

export const methodologyPage: PageRoutes = (router) => {
  router.get('/metodologia', (_req, res) => {
    sendPage(res, MethodologyPage({ ctx: ctxOf(res) }));
  });
};

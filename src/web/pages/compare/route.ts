/**
 * `/comparar`: chosen portals (`?portal=a&portal=b`) or those of a country and level, side by side
 * (buildComparison, from the portals' latest stored reports). With nothing chosen every portal is compared while they are few; with more,
 * the page asks to choose. An unknown portal is a 404 naming it, a bad parameter a 400, in words.
 */
import type { PageRoutes } from '../index.js';
import { ctxOf } from '../../context.js';
import { sendPage } from '../../render.js';
import { ErrorPage } from '../error-page.js';
import { buildComparison } from '../../../../reports/index.js';
import { compareQuery } from './params.js';
import { ComparePage } from './page.js';
import { messages } from './messages.js';

/** With nothing chosen, every portal is compared up to this many; beyond, the page asks to choose. */
export const SHOW_ALL_UP_TO = 12;

export const comparePage: PageRoutes = (router, { store, now }) => {
  router.get('/comparar', async (req, res) => {
    const ctx = ctxOf(res);
    const filter = compareQuery(req.query, ctx.lang);
    const known = await store.portals.list();
    const ids = new Set(known.map((p) => p.id));
    const unknown = (filter.portals ?? []).filter((id) => !ids.has(id));
    if (unknown.length > 0) {
      sendPage(res, ErrorPage({ ctx, status: 400, detail: messages[ctx.lang].unknownPortals(unknown) }), 404);
      return;
    }
    const chosen = Boolean(filter.portals || filter.country || filter.level);
    const comparison = chosen || known.length <= SHOW_ALL_UP_TO ? await buildComparison(store, filter, now?.() ?? new Date(), { latest: true }) : undefined;
    sendPage(res, ComparePage({ ctx, known, filter, comparison }));
  });
};

/** `/`: the region at a glance, from the portals' stored reports and the latest runs. */
import type { PageRoutes } from '../index.js';
import { ctxOf } from '../../context.js';
import { sendPage } from '../../render.js';
import { portalLines } from '../../../../reports/index.js';
import { HomePage } from './page.js';

const LATEST_RUNS = 8;

export const homePage: PageRoutes = (router, { store, portals }) => {
  router.get('/', async (_req, res) => {
    const [lines, runs] = await Promise.all([portalLines(store, portals), store.runs.list({ limit: LATEST_RUNS })]);
    sendPage(res, HomePage({ ctx: ctxOf(res), lines, runs }));
  });
};

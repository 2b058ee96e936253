/** `/portales/:id`: the portal's latest stored report, its history and its last runs; 404 for a portal nobody configured or stored. */
import type { PageRoutes } from '../index.js';
import { ctxOf } from '../../context.js';
import { sendPage } from '../../render.js';
import { NotFoundError } from '../../../errors.js';
import { buildHistory, type PortalReport } from '../../../../reports/index.js';
import { PortalPage } from './page.js';

const RUNS = 10;

export const portalPage: PageRoutes = (router, { store, portals, now }) => {
  router.get('/portales/:id', async (req, res) => {
    const id = String(req.params.id);
    const stored = await store.portals.get(id);
    const conf = portals.find((p) => p.id === id);
    if (!stored && !conf) throw new NotFoundError(`Portal '${id}'`);
    const portal = stored ?? { id, name: conf!.name, country: conf!.country, level: conf!.level, platform: conf!.platform, url: conf!.url };
    const [snapshot, runs, history] = await Promise.all([
      store.reports.latest({ kind: 'portal', id }),
      store.runs.list({ portalId: id, limit: RUNS }),
      // A portal configured but never harvested is not stored yet, so it has no history.
      stored ? buildHistory(store, { kind: 'portal', id }, now?.() ?? new Date()) : undefined,
    ]);
    const view = { portal, report: snapshot?.report as PortalReport | undefined, reportAt: snapshot?.createdAt, runs, history };
    sendPage(res, PortalPage({ ctx: ctxOf(res), view }));
  });
};

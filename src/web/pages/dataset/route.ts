/** `/conjuntos/:id`: one dataset, from its dataset report (reports/dataset-report.ts). */
import type { PageRoutes } from '../index.js';
import { NotFoundError } from '../../../errors.js';
import { buildDatasetReport } from '../../../../reports/index.js';
import { ctxOf } from '../../context.js';
import { sendPage } from '../../render.js';
import { originOf } from '../../data/origin.js';
import { portalNames } from '../../data/portal-names.js';
import { otherPortals } from './also-in.js';
import { datasetJsonLd } from './json-ld.js';
import { DatasetPage } from './page.js';

export const datasetPage: PageRoutes = (router, { store, portals }) => {
  router.get('/conjuntos/:id', async (req, res) => {
    const id = String(req.params.id);
    const stored = await store.datasets.get(id);
    if (!stored) throw new NotFoundError(`Dataset '${id}'`);
    const [report, names, others, record] = await Promise.all([
      buildDatasetReport(store, stored),
      portalNames(store, portals),
      otherPortals(store, stored),
      store.portals.get(stored.dataset.portalId),
    ]);
    const ref = (portalId: string) => ({ id: portalId, name: names.get(portalId) ?? portalId });
    const portal = ref(stored.dataset.portalId);
    const pageUrl = `${originOf(req)}/conjuntos/${encodeURIComponent(id)}`;
    const jsonLd = datasetJsonLd(stored.dataset, { pageUrl, catalog: { name: portal.name, url: record?.url ?? portals.find((p) => p.id === portal.id)?.url } });
    sendPage(res, DatasetPage({ ctx: ctxOf(res), view: { report, portal, alsoIn: others.map(ref), jsonLd } }));
  });
};

/** `/buscar`: search with facets, sort and paging; `/buscar.csv`: the same query as a file. */
import type { PageRoutes } from '../index.js';
import { ctxOf } from '../../context.js';
import { sendPage } from '../../render.js';
import { sendTable } from '../../data/table-file.js';
import { PAGE_SIZE, readSearchParams } from './params.js';
import { originOf } from '../../data/origin.js';
import { portalNames } from '../../data/portal-names.js';
import { searchTable } from './result-table.js';
import { SearchPage } from './page.js';

export const searchPage: PageRoutes = (router, { store, portals }) => {
  router.get('/buscar', async (req, res) => {
    const ctx = ctxOf(res);
    const params = readSearchParams(req.query as Record<string, unknown>, ctx.lang);
    const [result, names] = await Promise.all([
      store.search.search({ q: params.q, filters: Object.fromEntries(params.filters), sort: params.sort, page: params.page, limit: PAGE_SIZE }),
      portalNames(store, portals),
    ]);
    sendPage(res, SearchPage({ ctx, params, result, names }));
  });

  router.get('/buscar.csv', async (req, res) => {
    const { lang } = ctxOf(res);
    const params = readSearchParams(req.query as Record<string, unknown>, lang);
    const names = await portalNames(store, portals);
    await sendTable(res, 'csv', await searchTable(store.search, params, { lang, names, origin: originOf(req) }));
  });
};

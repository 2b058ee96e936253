/**
 * `/instituciones/:portal/:publisher`: the report card of the publisher `<portal>/<publisher>`,
 * the id the portal report lists (reports/publisher-key.ts), so the portal page links to
 * `/instituciones/<portalId>/<slug>`. `?format=csv|xlsx` gives its datasets as a file.
 */
import type { PageRoutes } from '../index.js';
import { ctxOf } from '../../context.js';
import { sendPage } from '../../render.js';
import { BadRequestError } from '../../../errors.js';
import { sendTable } from '../../data/table-file.js';
import { originOf } from '../../data/origin.js';
import { institutionView } from './data.js';
import { datasetTable } from './table.js';
import { InstitutionPage } from './page.js';
import { messages } from './messages.js';

export const institutionPage: PageRoutes = (router, { store, now }) => {
  router.get('/instituciones/:portal/:publisher', async (req, res) => {
    const ctx = ctxOf(res);
    const portal = String(req.params.portal);
    // The whole id, its slash escaped, is read as the same publisher.
    const asked = String(req.params.publisher);
    const local = asked.startsWith(`${portal}/`) ? asked.slice(portal.length + 1) : asked;
    const format = req.query.format;
    if (format !== undefined && format !== 'csv' && format !== 'xlsx') throw new BadRequestError(messages[ctx.lang].badFormat);
    const view = await institutionView(store, `${portal}/${local}`, now?.() ?? new Date());
    if (format) return sendTable(res, format, datasetTable(ctx.lang, view, originOf(req)));
    sendPage(res, InstitutionPage({ ctx, view, page: pageOf(req.query.page) }));
  });
};

function pageOf(value: unknown): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

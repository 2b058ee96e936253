/**
 * The HTTP API (DESIGN.md, "HTTP API") and the web pages. Routes validate input, call one domain
 * function and return; one error middleware maps errors to status codes. Never a 500 for user input.
 */
import express, { type Request, type Response, type NextFunction } from 'express';
import { text, int, oneOf, list } from './params.js';
import { writeCatalog, EXPORT_FORMATS, EXPORT_TYPES } from './export.js';
import { webRouter } from '../web/router.js';
import { securityHeaders } from '../web/security.js';
import { statusOf } from './status.js';
import { portalLines, buildPublisherReport, buildRegionalReport, buildPortalReport, buildComparison, buildHistory, buildDatasetReport } from '../../reports/index.js';
import { BadRequestError, NotFoundError, isCosechaError, messageOf } from '../errors.js';
import { FACET_NAMES, SEARCH_SORTS, type Store, type FacetName } from '../store/store.js';
import type { PortalConfig } from '../config-types.js';
import type { Logger } from '../log.js';
import { LEVELS } from '../dcat/types.js';

export interface ApiDeps {
  store: Store;
  /** The configured portals (listed even before their first run). */
  portals: readonly PortalConfig[];
  log: Logger;
  version: string;
  now?: () => Date;
}

/** How long `/api/health` waits for its read of the store. */
const HEALTH_TIMEOUT_MS = 2000;
/** Portals one comparison request may name. */
const MAX_COMPARED = 50;

export function createApp(deps: ApiDeps): express.Express {
  const { store } = deps;
  const now = deps.now ?? (() => new Date());
  const app = express();
  app.disable('x-powered-by');
  app.set('json spaces', 0);
  app.use(securityHeaders());
  const api = express.Router();

  // A real read of the store (the portals table is small), bounded: a store that cannot be read is not ok.
  api.get('/health', async (_req, res) => {
    const about = { store: store.description, version: deps.version };
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`it did not answer within ${HEALTH_TIMEOUT_MS / 1000} s`)), HEALTH_TIMEOUT_MS);
    });
    try {
      await Promise.race([store.portals.list(), late]);
      res.json({ status: 'ok', ...about });
    } catch (error) {
      const reason = messageOf(error).replace(/\.?$/, '.');
      res.status(503).json({ status: 'unavailable', ...about, error: `La tienda no se puede leer / the store cannot be read: ${reason}` });
    } finally {
      clearTimeout(timer);
    }
  });

  api.get('/datasets', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    const filters: Partial<Record<FacetName, string>> = {};
    for (const name of FACET_NAMES) filters[name] = text(q, name);
    if (filters.level) oneOf(q, 'level', LEVELS);
    if (filters.country) filters.country = filters.country.toUpperCase();
    res.json(await store.search.search({ q: text(q, 'q'), filters, sort: oneOf(q, 'sort', SEARCH_SORTS), page: int(q, 'page', 1, 10_000), limit: int(q, 'limit', 1, 100) }));
  });

  api.get('/datasets/:id', async (req, res) => {
    const found = await store.datasets.get(String(req.params.id));
    if (!found) throw new NotFoundError(`Dataset '${req.params.id}'`);
    res.json(await buildDatasetReport(store, found));
  });

  api.get('/portals', async (_req, res) => {
    const items = await Promise.all((await portalLines(store, deps.portals)).map(async ({ portal, configured, summary, lastRun }) => ({
      ...portal,
      configured,
      datasets: await store.datasets.count({ portalId: portal.id, state: 'active' }),
      lastRun: lastRun ?? null,
      score: summary?.score.mean ?? null,
      mqa: summary?.score.mqaMean ?? null,
    })));
    res.json({ items });
  });

  api.get('/portals/:id/report', async (req, res) => {
    res.json(await buildPortalReport(store, String(req.params.id), now()));
  });

  api.get('/portals/:id/history', async (req, res) => {
    res.json(await buildHistory(store, { kind: 'portal', id: String(req.params.id) }, now()));
  });

  api.get('/publishers/:id/report', async (req, res) => {
    res.json(await buildPublisherReport(store, String(req.params.id), now()));
  });

  api.get('/publishers/:id/history', async (req, res) => {
    res.json(await buildHistory(store, { kind: 'publisher', id: String(req.params.id) }, now()));
  });

  // `?portal=a&portal=b`, or `?country=EC&level=municipal`, or nothing: every portal.
  api.get('/compare', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    const portals = list(q, 'portal');
    if (portals.length > MAX_COMPARED) throw new BadRequestError(`The parameter 'portal' may be given at most ${MAX_COMPARED} times.`);
    res.json(await buildComparison(store, { portals, country: text(q, 'country'), level: oneOf(q, 'level', LEVELS) }, now()));
  });

  api.get('/report', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    res.json(await buildRegionalReport(store, now(), { country: text(q, 'country')?.toUpperCase(), level: oneOf(q, 'level', LEVELS) }));
  });

  api.get('/runs', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    const portalId = text(q, 'portal');
    if (portalId && !(await store.portals.get(portalId))) throw new NotFoundError(`Portal '${portalId}'`);
    res.json({ items: await store.runs.list({ portalId, limit: int(q, 'limit', 1, 500) ?? 50 }) });
  });

  api.get('/catalog', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    const format = oneOf(q, 'format', EXPORT_FORMATS) ?? 'jsonld';
    const portalId = list(q, 'portal')[0];
    if (portalId && !(await store.portals.get(portalId))) throw new NotFoundError(`Portal '${portalId}'`);
    res.type(EXPORT_TYPES[format]);
    await writeCatalog(store, { portalId, format, baseUrl: `${req.protocol}://${req.get('host')}` }, res);
    res.end();
  });

  api.use((req) => {
    throw new NotFoundError(`The API path '${req.path}'`);
  });

  app.use('/api', api);
  app.use(webRouter(deps));
  app.use(errorMiddleware(deps.log));
  return app;
}

/** Maps errors to status codes: 400 bad input, 404 unknown ids, 503 store down, 500 otherwise. */
function errorMiddleware(log: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const status = statusOf(error);
    if (status === 500) log.error({ err: messageOf(error), path: req.path }, 'The API failed on a request.');
    const code = isCosechaError(error) ? error.code : status === 500 ? 'internal' : 'bad_request';
    if (res.headersSent) return void res.end();
    res.status(status).json({ error: { code, message: status === 500 ? 'Error interno / internal error.' : messageOf(error) } });
  };
}

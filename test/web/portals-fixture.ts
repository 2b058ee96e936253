/**
 * The store and server of the portal pages' tests: the report seed's three portals with their
 * reports stored (the national one also three and a half months earlier, 40 points lower;
 * Guatemala's without its score histogram, as older snapshots are), one
 * portal configured but never harvested whose only run could not reach it, a portal whose
 * address is `javascript:`, and runs that failed or held back.
 */
import type { Server } from 'node:http';
import { once } from 'node:events';
import { createApp } from '../../src/api/app.js';
import { buildPortalReport } from '../../reports/index.js';
import { silentLogger } from '../../src/log.js';
import { ckanPortal } from '../support/test-container.js';
import { samplePortal } from '../support/samples.js';
import { seededStore, NOW, NATIONAL, MUNICIPAL, GUATEMALA } from '../reports/seed.js';
import type { FinishRun, Store } from '../../src/store/store.js';

export { NOW, NATIONAL, MUNICIPAL, GUATEMALA };
export const NEVER = ckanPortal('pe-nunca', 'http://127.0.0.1:9', { name: 'Portal Nunca Cosechado', country: 'PE', level: 'municipal' });
export const UNSAFE = samplePortal({ id: 'gt-raro', name: 'Portal de dirección rara', country: 'GT', level: 'subnational', url: 'JaVaScRiPt:alert(1)' });

export interface Fixture {
  store: Store;
  server: Server;
  base: string;
  get(path: string, lang?: 'es' | 'en'): Promise<{ status: number; type: string; text: string }>;
  close(): Promise<void>;
}

const COUNTS = { seen: 4, created: 4, updated: 0, unchanged: 0, withdrawn: 0, restored: 0, failed: 0 };

async function run(store: Store, portalId: string, at: string, result: Omit<FinishRun, 'counts' | 'failures'> & Partial<FinishRun>): Promise<void> {
  const started = await store.runs.start({ portalId, mode: 'full', owner: 'test:1', leaseMs: 60_000, now: new Date(at) });
  await store.runs.finish(started.id, { counts: COUNTS, failures: [], ...result, now: new Date(Date.parse(at) + 60_000) });
}

export async function portalsFixture(): Promise<Fixture> {
  const store = await seededStore();
  await store.portals.upsert(UNSAFE);
  await run(store, NATIONAL.id, '2026-02-13T10:00:00.000Z', { status: 'succeeded' });
  await run(store, MUNICIPAL.id, '2026-02-14T10:00:00.000Z', {
    status: 'succeeded',
    notes: [{ code: 'listing_short', declared: 10, listed: 2, message: 'El portal declaró 10 conjuntos y el listado dio 2. The portal declared 10 datasets and the listing gave 2.' }],
  });
  await run(store, NEVER.id, '2026-02-14T11:00:00.000Z', { status: 'failed', counts: { ...COUNTS, seen: 0, created: 0 }, error: { code: 'unreachable', message: 'connect ECONNREFUSED 127.0.0.1:9' } });
  for (const portal of [NATIONAL, MUNICIPAL, GUATEMALA]) {
    const report = await buildPortalReport(store, portal.id, NOW);
    // Guatemala's report is stored as a Cosecha from before the score histogram would have.
    if (portal === GUATEMALA) delete report.summary.scoreBins;
    await store.reports.save({ scope: { kind: 'portal', id: portal.id }, createdAt: NOW.toISOString(), report });
  }
  const old = await buildPortalReport(store, NATIONAL.id, new Date('2025-11-01T00:00:00.000Z'));
  old.summary = { ...old.summary, score: { ...old.summary.score, mean: old.summary.score.mean - 40 } };
  await store.reports.save({ scope: { kind: 'portal', id: NATIONAL.id }, createdAt: '2025-11-01T00:00:00.000Z', report: old });
  // The national portal's latest harvest timed out: its figures stay those of the last good one.
  await run(store, NATIONAL.id, '2026-02-14T12:00:00.000Z', { status: 'failed', counts: { ...COUNTS, seen: 0, created: 0 }, error: { code: 'timeout', message: 'Timeout awaiting response for 30000ms' } });

  const server = createApp({ store, portals: [NEVER], log: silentLogger, version: 'test', now: () => NOW }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    store,
    server,
    base,
    async get(path, lang = 'es') {
      const res = await fetch(base + path, { headers: { 'accept-language': lang } });
      return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
    },
    async close() {
      server.close();
      await store.close();
    },
  };
}

/** The portal ids of the scoreboard's rows, in order. */
export function rowIds(html: string): string[] {
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  return [...body.matchAll(/<th scope="row"><a href="\/portales\/([^"]+)"/g)].map((m) => decodeURIComponent(m[1]));
}

/** The text of an HTML fragment without its tags, spaces collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ');
}

/**
 * A store whose harvested values are hostile: portals, a publisher and datasets whose titles,
 * descriptions, keywords and names carry markup, and whose every URL field holds one spelling of a
 * script URL, with one dataset of good URLs beside them. Scored by the real scorer, with a stored
 * portal report and runs whose failures and error repeat the markup.
 */
import { openStore } from '../../../src/container.js';
import { buildPortalReport } from '../../../reports/index.js';
import { addDatasets, scored, NOW } from '../../reports/seed.js';
import { samplePortal } from '../../support/samples.js';
import type { Store } from '../../../src/store/store.js';

export const SCRIPT = '<script>alert(1)</script>';
export const IMG = '"><img src=x onerror=alert(1)>';

/** Every spelling of a URL that must never become a link. */
export const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  ' javascript:alert(1)',
  '\njavascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:x',
  '//evil.example/x',
];
export const GOOD_URL = 'https://datos.example/ok';
export const GOOD_MAIL = 'mailto:datos@example.org';

export const PORTAL = samplePortal({ id: 'ec-hostil', name: `Portal ${SCRIPT} ${IMG}`, url: 'javascript:alert(1)' });
export const NEIGHBOUR = samplePortal({ id: 'ec-vecino', name: `Vecino ${IMG}`, level: 'municipal', url: '//evil.example/x' });
export const PUBLISHER = { id: 'hostil', name: `Ministerio ${IMG} ${SCRIPT}`, uri: 'JaVaScRiPt:alert(1)', email: IMG };
/** The publisher's card: `/instituciones/<portal>/<slug of its id>`. */
export const INSTITUTION_PATH = `/instituciones/${PORTAL.id}/${PUBLISHER.id}`;

export const hostileTitle = (i: number) => `Conjunto hostil ${i} ${i % 2 ? IMG : SCRIPT}`;
export const GOOD_TITLE = 'Conjunto de enlaces buenos';

function hostileDataset(url: string, i: number) {
  return scored(
    {
      portalId: PORTAL.id,
      sourceId: `hostil-${i}`,
      title: hostileTitle(i),
      description: `Descripción ${SCRIPT} y ${IMG} del conjunto ${i}.`,
      keywords: [SCRIPT, IMG, 'educación'],
      themes: [{ label: `Tema ${SCRIPT}` }],
      publisher: PUBLISHER,
      contactPoint: { name: `Contacto ${IMG}`, email: IMG, url },
      landingPage: url,
      conformsTo: [url],
      spatial: { label: `Lugar ${SCRIPT}`, uri: url },
      license: { raw: `Licencia ${IMG}`, url, title: `Licencia ${SCRIPT}` },
      accrualPeriodicity: { raw: `Frecuencia ${SCRIPT}` },
      distributions: [
        { id: `d-${i}`, title: `Archivo ${SCRIPT}`, description: IMG, accessURL: url, downloadURL: url, format: { raw: `CSV ${IMG}` }, license: { raw: IMG, url } },
      ],
      source: { harvestSourceUrl: url },
      provenance: { sourceUrl: url },
    },
    { access: 'broken', download: 'ok' },
  );
}

function goodDataset() {
  return scored(
    {
      portalId: PORTAL.id,
      sourceId: 'bueno',
      title: GOOD_TITLE,
      publisher: PUBLISHER,
      landingPage: GOOD_URL,
      distributions: [{ id: 'bueno-csv', title: 'CSV', accessURL: GOOD_MAIL, downloadURL: GOOD_URL, format: { code: 'CSV', raw: 'csv' } }],
    },
    { access: 'ok', download: 'ok' },
  );
}

/** The hostile store in memory, with its portal report saved as a harvest would save it. */
export async function hostileStore(): Promise<Store> {
  const store = await openStore('sqlite::memory:');
  const started = await store.runs.start({ portalId: PORTAL.id, mode: 'full', owner: 'prueba:1', leaseMs: 60_000, now: new Date(NOW.getTime() - 7_200_000) });
  await addDatasets(store, PORTAL, [...HOSTILE_URLS.map(hostileDataset), goodDataset()], started.id);
  const counts = { seen: 10, created: 9, updated: 0, unchanged: 0, withdrawn: 0, restored: 0, failed: 1 };
  await store.runs.finish(started.id, {
    status: 'succeeded',
    counts,
    failures: [{ sourceId: SCRIPT, url: 'javascript:alert(1)', stage: 'map', code: IMG, message: `Registro ${SCRIPT}` }],
    now: new Date(NOW.getTime() - 7_000_000),
  });
  await store.reports.save({ scope: { kind: 'portal', id: PORTAL.id }, runId: started.id, createdAt: NOW.toISOString(), report: await buildPortalReport(store, PORTAL.id, NOW) });
  // The latest run failed: the pages show its error, in the portal's words.
  const failed = await store.runs.start({ portalId: PORTAL.id, mode: 'incremental', owner: 'prueba:1', leaseMs: 60_000, now: new Date(NOW.getTime() - 3_600_000) });
  await store.runs.finish(failed.id, {
    status: 'failed',
    counts: { ...counts, seen: 0, created: 0, failed: 0 },
    failures: [],
    error: { code: SCRIPT, message: `Falló ${IMG}`, url: 'java\tscript:alert(1)' },
    now: new Date(NOW.getTime() - 3_500_000),
  });

  const neighbour = await store.runs.start({ portalId: NEIGHBOUR.id, mode: 'full', owner: 'prueba:1', leaseMs: 60_000, now: new Date(NOW.getTime() - 7_200_000) });
  await addDatasets(store, NEIGHBOUR, [scored({ portalId: NEIGHBOUR.id, sourceId: 'vecino', title: `Vecino ${SCRIPT}`, landingPage: 'vbscript:x', publisher: { name: `GAD ${IMG}` } })], neighbour.id);
  await store.runs.finish(neighbour.id, { status: 'succeeded', counts: { ...counts, failed: 0, seen: 1, created: 1 }, failures: [] });
  await store.reports.save({ scope: { kind: 'portal', id: NEIGHBOUR.id }, runId: neighbour.id, createdAt: NOW.toISOString(), report: await buildPortalReport(store, NEIGHBOUR.id, NOW) });
  return store;
}

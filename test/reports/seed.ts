/**
 * A seeded store for the report tests: two Ecuadorian portals (national and municipal) and one
 * Guatemalan, datasets scored by the real scorer with chosen link-check results.
 */
import { openStore } from '../../src/container.js';
import { score } from '../../src/quality/score.js';
import { sampleDataset, samplePortal, sampleRaw, type DatasetOverrides } from '../support/samples.js';
import type { Dataset } from '../../src/dcat/types.js';
import type { LinkCheck, LinkStatus } from '../../src/links/types.js';
import type { DatasetWrite, PortalRecord, Store } from '../../src/store/store.js';

export const NOW = new Date('2026-02-15T00:00:00.000Z');

export const NATIONAL = samplePortal();
export const MUNICIPAL = samplePortal({ id: 'ec-cuenca', name: 'Datos Abiertos Cuenca', level: 'municipal', url: 'https://cuenca.example' });
export const GUATEMALA = samplePortal({ id: 'gt-segeplan', name: 'SEGEPLAN Guatemala', country: 'GT', url: 'https://segeplan.example' });

const INEC = { name: 'Instituto Nacional de Estadística y Censos', id: 'inec' };

/** A dataset write scored at NOW, with the access and download links in the given states (unchecked when omitted). */
export function scored(overrides: DatasetOverrides, links: { access?: LinkStatus; download?: LinkStatus } = {}): DatasetWrite {
  const dataset = sampleDataset(overrides);
  return { dataset, quality: score(dataset, linkChecks(dataset, links), NOW), raw: sampleRaw(dataset) };
}

function linkChecks(dataset: Dataset, links: { access?: LinkStatus; download?: LinkStatus }): Map<string, LinkCheck> {
  const checks = new Map<string, LinkCheck>();
  const d = dataset.distributions[0];
  const put = (url: string | undefined, status: LinkStatus | undefined) => {
    if (url && status) checks.set(url, { url, status, checkedAt: '2026-02-14T00:00:00.000Z' });
  };
  put(d?.accessURL, links.access);
  put(d?.downloadURL, links.download);
  return checks;
}

/**
 * ec-datosabiertos (national): mineduc a (complete, links ok), b (no licence, access broken),
 * c (no licence, no keywords, access refused, download unknown); inec d (access ok, download broken).
 * ec-cuenca (municipal): e (no licence), f (no licence, no distribution); links not checked.
 * gt-segeplan (national, GT): g.
 */
export const SEED: Record<string, DatasetWrite[]> = {
  [NATIONAL.id]: [
    scored({ sourceId: 'a' }, { access: 'ok', download: 'ok' }),
    scored({ sourceId: 'b', license: undefined }, { access: 'broken' }),
    scored({ sourceId: 'c', license: undefined, keywords: [] }, { access: 'refused', download: 'unknown' }),
    scored({ sourceId: 'd', title: 'Censo de población 2022', publisher: INEC }, { access: 'ok', download: 'broken' }),
  ],
  [MUNICIPAL.id]: [
    scored({ portalId: MUNICIPAL.id, sourceId: 'e', license: undefined, publisher: { name: 'GAD Municipal de Cuenca', id: 'gad-cuenca' } }),
    scored({ portalId: MUNICIPAL.id, sourceId: 'f', license: undefined, distributions: [], publisher: { name: 'GAD Municipal de Cuenca', id: 'gad-cuenca' } }),
  ],
  [GUATEMALA.id]: [scored({ portalId: GUATEMALA.id, sourceId: 'g' }, { access: 'ok', download: 'ok' })],
};

export async function seededStore(): Promise<Store> {
  const store = await openStore('sqlite::memory:');
  await seedInto(store);
  return store;
}

export async function seedInto(store: Store): Promise<void> {
  for (const portal of [NATIONAL, MUNICIPAL, GUATEMALA]) await addDatasets(store, portal, SEED[portal.id]);
}

export async function addDatasets(store: Store, portal: PortalRecord, items: DatasetWrite[], runId = 'run-semilla'): Promise<void> {
  await store.portals.upsert(portal);
  await store.datasets.upsertBatch(portal, runId, items);
}

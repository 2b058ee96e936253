import assert from 'node:assert/strict';
import { startCkanServer, type CkanServer, type FakePackage } from '../../src/demo/ckan-server.js';
import { buildRegionalReport } from '../../reports/index.js';
import { ckanPackage } from '../support/ckan-packages.js';
import { ckanPortal, testContainer } from '../support/test-container.js';
import type { Container } from '../../src/container.js';

/** A municipal dataset, and the national portal's copy of it: another id, the same files, title and organization. */
function relisted(i: number, city: string) {
  const own = ckanPackage(i, {
    title: `Recolección de residuos en ${city} ${2020 + i}`,
    organization: { id: `org-${city}`, name: city.toLowerCase(), title: `GAD Municipal de ${city}` },
    resources: [{ id: `r-${city}-${i}`, name: 'Datos', format: 'CSV', url: `https://datos.${city.toLowerCase()}.gob.ec/residuos-${i}.csv` }],
  });
  return { own, copy: { ...own, id: `nacional-${city.toLowerCase()}-${i}`, name: `copia-${city.toLowerCase()}-${i}` } };
}

/**
 * Loja datasets the national portal harvested with CKAN's harvester: another title, its own copy of
 * the file, and only the link to the origin in common: the package id CKAN's harvester keeps, or
 * the origin's page named by a `harvest_url` extra.
 */
function harvested(lojaUrl: string) {
  const org = { id: 'org-Loja', name: 'loja', title: 'GAD Municipal de Loja' };
  const keptId = ckanPackage(4, { id: '5e0c2b7a-93d1-4f8e-a2b6-0c4d9e7f1a35', title: 'Recolección de residuos en Loja 2024', organization: org });
  const linked = ckanPackage(5, { name: 'residuos-loja-2025', title: 'Recolección de residuos en Loja 2025', organization: org });
  const harvestExtras = [{ key: 'harvest_object_id', value: 'b1f4' }, { key: 'harvest_source_title', value: 'Nodo Loja' }];
  const copies = [
    { ...keptId, name: 'residuos-solidos-loja-2024', title: 'Residuos sólidos: Loja 2024 (nodo Loja)', resources: [{ id: 'n-1', format: 'CSV', url: 'https://datos.gob.ec/mirror/residuos-loja-2024.csv' }], extras: harvestExtras },
    { ...linked, id: 'nacional-loja-5', name: 'residuos-solidos-loja-2025', title: 'Residuos sólidos: Loja 2025 (nodo Loja)', resources: [{ id: 'n-2', format: 'CSV', url: 'https://datos.gob.ec/mirror/residuos-loja-2025.csv' }], extras: [...harvestExtras, { key: 'harvest_url', value: `${lojaUrl}/dataset/residuos-loja-2025` }] },
  ];
  return { own: [keptId, linked], copies };
}

describe('duplicates across portals', () => {
  const servers: CkanServer[] = [];
  let c: Container;
  before(async () => {
    const cuenca = [relisted(1, 'Cuenca'), relisted(2, 'Cuenca')];
    const loja = [relisted(3, 'Loja')];
    servers.push(await startCkanServer({ packages: cuenca.map((r) => r.own) }));
    const lojaPackages: FakePackage[] = loja.map((r) => r.own);
    servers.push(await startCkanServer({ packages: lojaPackages }));
    const byHarvest = harvested(servers[1].url);
    lojaPackages.push(...byHarvest.own);
    const national: FakePackage[] = [...[...cuenca, ...loja].map((r) => r.copy), ...byHarvest.copies, ckanPackage(9, { title: 'Presupuesto General del Estado 2024' })];
    servers.push(await startCkanServer({ packages: national }));
    c = await testContainer([
      ckanPortal('ec-cuenca', servers[0].url, { level: 'municipal' }),
      ckanPortal('ec-loja', servers[1].url, { level: 'municipal' }),
      ckanPortal('ec-nacional', servers[2].url),
    ]);
    for (const portal of c.config.portals) await c.harvest({ portal });
  });
  after(async () => {
    await c.close();
    await Promise.all(servers.map((s) => s.close()));
  });

  it('search shows each re-listed dataset once, with every portal that lists it', async () => {
    const found = await c.store.search.search({ q: 'residuos' });
    assert.equal(found.total, 5);
    assert.deepEqual(found.items.map((i) => [i.portalId, i.alsoIn]).sort(), [
      ['ec-cuenca', ['ec-nacional']], ['ec-cuenca', ['ec-nacional']], ['ec-loja', ['ec-nacional']], ['ec-loja', ['ec-nacional']], ['ec-loja', ['ec-nacional']],
    ]);
    assert.equal((await c.store.search.search({ q: 'residuos', filters: { portal: 'ec-nacional' } })).total, 5, "the national portal's own view lists its copies");
  });

  it('links a harvested copy to its origin by the package id CKAN keeps and by its harvest_url, whatever its title and files', async () => {
    const copies = (await c.store.search.search({ q: 'nodo loja', filters: { portal: 'ec-nacional' } })).items;
    assert.deepEqual(copies.map((i) => i.title).sort(), ['Residuos sólidos: Loja 2024 (nodo Loja)', 'Residuos sólidos: Loja 2025 (nodo Loja)']);
    assert.ok(copies.every((i) => i.alsoIn?.includes('ec-loja')));
  });

  it('a harvest that writes nothing leaves the clusters as they are without recomputing them; a rescore recomputes them', async () => {
    const datasets = c.store.datasets;
    const recluster = datasets.recluster.bind(datasets);
    let calls = 0;
    datasets.recluster = () => ((calls += 1), recluster());
    try {
      const run = await c.harvest({ portal: c.config.portals.find((p) => p.id === 'ec-nacional')!, full: true });
      assert.equal(run.counts.unchanged, 6);
      assert.equal(calls, 0);
      assert.equal((await c.store.search.search({ q: 'residuos' })).total, 5, 'the clusters still show once');
      await c.rescore('ec-nacional');
      assert.equal(calls, 1);
    } finally {
      datasets.recluster = recluster;
    }
  });

  it('the regional report counts a re-listed dataset once; each portal counts its own records', async () => {
    const region = await buildRegionalReport(c.store, new Date());
    assert.equal(region.summary.datasets, 6);
    assert.equal(region.relisted, 5);
    assert.equal(region.portals.find((p) => p.id === 'ec-nacional')?.datasets, 6);
  });
});

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

describe('duplicates across portals', () => {
  const servers: CkanServer[] = [];
  let c: Container;
  before(async () => {
    const cuenca = [relisted(1, 'Cuenca'), relisted(2, 'Cuenca')];
    const loja = [relisted(3, 'Loja')];
    const national: FakePackage[] = [...[...cuenca, ...loja].map((r) => r.copy), ckanPackage(9, { title: 'Presupuesto General del Estado 2024' })];
    servers.push(
      await startCkanServer({ packages: cuenca.map((r) => r.own) }),
      await startCkanServer({ packages: loja.map((r) => r.own) }),
      await startCkanServer({ packages: national }),
    );
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
    assert.equal(found.total, 3);
    assert.deepEqual(found.items.map((i) => [i.portalId, i.alsoIn]).sort(), [['ec-cuenca', ['ec-nacional']], ['ec-cuenca', ['ec-nacional']], ['ec-loja', ['ec-nacional']]]);
    assert.equal((await c.store.search.search({ q: 'residuos', filters: { portal: 'ec-nacional' } })).total, 3, "the national portal's own view lists its copies");
  });

  it('the regional report counts a re-listed dataset once; each portal counts its own records', async () => {
    const region = await buildRegionalReport(c.store, new Date());
    assert.equal(region.summary.datasets, 4);
    assert.equal(region.relisted, 3);
    assert.equal(region.portals.find((p) => p.id === 'ec-nacional')?.datasets, 4);
  });
});

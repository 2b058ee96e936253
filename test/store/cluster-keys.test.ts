import assert from 'node:assert/strict';
import { clusterKeys, clustersOf } from '../../src/store/cluster-keys.js';
import { sampleDataset } from '../support/samples.js';

describe('cluster keys', () => {
  it('names a dataset by identifier URI, landing page, file set and title with publisher, each in one spelling', () => {
    const base = sampleDataset({ sourceId: 'a' });
    const a = { ...base, identifier: 'HTTPS://Datos.gob.ec/dataset/matricula/', landingPage: 'https://educacion.gob.ec/matricula/', distributions: [{ id: 'd1', downloadURL: 'http://www.cuenca.gob.ec/files/matricula.csv' }] };
    const b = { ...base, identifier: 'https://datos.gob.ec/dataset/matricula', landingPage: 'http://EDUCACION.gob.ec/matricula', distributions: [{ id: 'd9', downloadURL: 'https://WWW.cuenca.gob.ec/files/matricula.csv/' }] };
    assert.deepEqual(clusterKeys(a), clusterKeys(b));
    assert.deepEqual(clusterKeys(a).map((key) => key.split(':')[0]), ['uri', 'page', 'files', 'title']);
    assert.equal(clusterKeys(a)[1], 'page:educacion.gob.ec/matricula');
    assert.match(clusterKeys(a)[3], /^title:matricula escolar 2023\|/);
  });

  it('leaves out what cannot tell datasets apart: a bare id, a home page, a short title, a missing publisher', () => {
    const d = { ...sampleDataset({ sourceId: 'a' }), identifier: '3f2a-uuid', title: 'Presupuesto', landingPage: 'https://www.cuenca.gob.ec', distributions: [{ id: 'x', downloadURL: 'https://www.cuenca.gob.ec/' }] };
    assert.deepEqual(clusterKeys(d), []);
    assert.deepEqual(clusterKeys({ ...sampleDataset({ sourceId: 'a' }), landingPage: undefined, publisher: undefined, distributions: [] }), []);
  });

  it('names a harvested copy by its origin: the remote package id CKAN keeps, and the origin page its harvest extras name', () => {
    const origin = { ...sampleDataset({ portalId: 'ec-cuenca', sourceId: '7C1D7E0A-5B3F-4B7E-9D3A-2F1E0C9B8A76' }), landingPage: undefined, distributions: [] };
    const copy = { ...sampleDataset({ portalId: 'ec-nacional', sourceId: 'otra-copia' }), identifier: '7c1d7e0a-5b3f-4b7e-9d3a-2f1e0c9b8a76', distributions: [] };
    assert.ok(clusterKeys(origin).includes('id:7c1d7e0a-5b3f-4b7e-9d3a-2f1e0c9b8a76'));
    assert.ok(clusterKeys(copy).includes('id:7c1d7e0a-5b3f-4b7e-9d3a-2f1e0c9b8a76'));
    const harvested = { ...copy, identifier: 'otra-copia', source: { harvestSourceUrl: 'https://datos.cuenca.gob.ec/dataset/residuos-2021' } };
    assert.ok(clusterKeys(harvested).includes('page:datos.cuenca.gob.ec/dataset/residuos-2021'));
    assert.ok(clusterKeys({ ...origin, landingPage: 'https://datos.cuenca.gob.ec/dataset/residuos-2021/' }).includes('page:datos.cuenca.gob.ec/dataset/residuos-2021'));
  });
});

describe('clusters of keys', () => {
  const order = (a: number, b: number) => a - b;
  it('links records of different portals sharing a key, follows links, and names each cluster by its first member', () => {
    const clusters = clustersOf(
      [
        { id: 5, portalId: 'ec-nacional', keys: ['files:1', 'title:x'] },
        { id: 2, portalId: 'ec-cuenca', keys: ['files:1'] },
        { id: 9, portalId: 'ec-loja', keys: ['title:x'] },
        { id: 7, portalId: 'ec-nacional', keys: ['files:3'] },
      ],
      order,
    );
    assert.deepEqual([...clusters].sort((a, b) => a[0] - b[0]), [[2, 2], [5, 2], [9, 2]]);
  });

  it('does not link two records of one portal that share a key: that is the portal’s own duplicate', () => {
    const clusters = clustersOf([{ id: 1, portalId: 'ec-nacional', keys: ['title:x'] }, { id: 2, portalId: 'ec-nacional', keys: ['title:x'] }], order);
    assert.equal(clusters.size, 0);
  });

  it('takes a key that two records of one portal share for one that names no dataset there, and links nothing by it', () => {
    const members = [
      { id: 1, portalId: 'ec-cuenca', keys: ['page:www.cuenca.gob.ec/transparencia', 'id:00000000-0000-0000-0000-000000000000'] },
      { id: 2, portalId: 'ec-cuenca', keys: ['page:www.cuenca.gob.ec/transparencia', 'id:00000000-0000-0000-0000-000000000000'] },
      { id: 3, portalId: 'ec-nacional', keys: ['page:www.cuenca.gob.ec/transparencia', 'id:00000000-0000-0000-0000-000000000000'] },
    ];
    assert.equal(clustersOf(members, order).size, 0);
    // The same page on one record per portal names one dataset.
    assert.deepEqual([...clustersOf([members[0], members[2]], order)], [[1, 1], [3, 1]]);
    // A title a publisher gives many records (each year's file) would chain them all with another portal's.
    const titles = members.map((m) => ({ ...m, keys: ['title:presupuesto participativo|gad cuenca'] }));
    assert.equal(clustersOf(titles, order).size, 0);
  });
});

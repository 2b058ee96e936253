import assert from 'node:assert/strict';
import { clusterKeys, clustersOf } from '../../src/store/cluster-keys.js';
import { sampleDataset } from '../support/samples.js';

describe('cluster keys', () => {
  it('names a dataset by identifier URI, file set and title with publisher, each in one spelling', () => {
    const base = sampleDataset({ sourceId: 'a' });
    const a = { ...base, identifier: 'HTTPS://Datos.gob.ec/dataset/matricula/', distributions: [{ id: 'd1', downloadURL: 'http://www.cuenca.gob.ec/files/matricula.csv' }] };
    const b = { ...base, identifier: 'https://datos.gob.ec/dataset/matricula', distributions: [{ id: 'd9', downloadURL: 'https://WWW.cuenca.gob.ec/files/matricula.csv/' }] };
    assert.deepEqual(clusterKeys(a), clusterKeys(b));
    assert.equal(clusterKeys(a).length, 3);
    assert.match(clusterKeys(a)[2], /^title:matricula escolar 2023\|/);
  });

  it('leaves out what cannot tell datasets apart: a bare id, a home page, a short title, a missing publisher', () => {
    const d = { ...sampleDataset({ sourceId: 'a' }), identifier: '3f2a-uuid', title: 'Presupuesto', distributions: [{ id: 'x', downloadURL: 'https://www.cuenca.gob.ec/' }] };
    assert.deepEqual(clusterKeys(d), []);
    assert.deepEqual(clusterKeys({ ...sampleDataset({ sourceId: 'a' }), publisher: undefined, distributions: [] }), []);
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
});

import assert from 'node:assert/strict';
import type { DatasetDraft } from '../../src/dcat/types.js';
import { canonicalJson, contentHash } from '../../src/normalize/hash.js';
import { normalize } from '../../src/normalize/index.js';

const run = { portalId: 'gt-segeplan', harvestedAt: '2024-11-05T10:00:00.000Z', runId: 'run-1', sourceUrl: 'https://datos.segeplan.gob.gt/api/3/action/package_search?start=0' };

function draft(): DatasetDraft {
  return {
    sourceId: 'nbi-por-municipio',
    title: 'Necesidades básicas insatisfechas por municipio',
    keywords: ['NBI', 'pobreza'],
    themes: [{ label: 'Pobreza' }],
    language: ['es'],
    conformsTo: [],
    distributions: [{ id: 'r1', downloadURL: 'https://datos.segeplan.gob.gt/nbi.csv', format: { raw: 'CSV' } }],
    modified: { raw: '2024-10-01' },
    sourceModified: '2024-10-01T12:00:00',
  };
}

describe('canonicalJson', () => {
  it('sorts object keys at every depth and drops undefined properties', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } }), '{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('writes what JSON.stringify would for strings, numbers and nulls', () => {
    const v = { s: 'año "x"\n', n: 1.5, i: -3, z: null, nan: NaN, t: true };
    assert.deepEqual(JSON.parse(canonicalJson(v)), JSON.parse(JSON.stringify(v)));
  });

  it('refuses a value with a cycle', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    assert.throws(() => canonicalJson(a), /cycle/);
  });
});

describe('contentHash', () => {
  it('gives the same SHA-256 whatever the key order', () => {
    const h = contentHash({ title: 'Presupuesto', keywords: ['a', 'b'], publisher: { name: 'GAD', id: 'gad' } });
    assert.match(h, /^[0-9a-f]{64}$/);
    assert.equal(contentHash({ publisher: { id: 'gad', name: 'GAD' }, keywords: ['a', 'b'], title: 'Presupuesto' }), h);
  });

  it('changes when a value or the order of an array changes', () => {
    const h = contentHash({ keywords: ['a', 'b'] });
    assert.notEqual(contentHash({ keywords: ['b', 'a'] }), h);
    assert.notEqual(contentHash({ keywords: ['a', 'c'] }), h);
  });
});

describe('normalize provenance hash', () => {
  it('when the same source is harvested in another run, gives the same hash', () => {
    const first = normalize(draft(), run);
    const second = normalize(draft(), { ...run, runId: 'run-2', harvestedAt: '2024-11-06T10:00:00.000Z', sourceUrl: 'https://otra/url' });
    assert.equal(second.provenance.hash, first.provenance.hash);
    assert.notDeepEqual(second.provenance, first.provenance);
  });

  it('when only the source metadata timestamp changes, gives the same hash', () => {
    const d = { ...draft(), sourceModified: '2024-10-30T08:00:00' };
    assert.equal(normalize(d, run).provenance.hash, normalize(draft(), run).provenance.hash);
  });

  it('when the draft differs only in whitespace or key order, gives the same hash', () => {
    const d = draft();
    const reordered: DatasetDraft = { distributions: d.distributions, title: `  ${d.title}  `, sourceId: d.sourceId, keywords: d.keywords, themes: d.themes,
      language: d.language, conformsTo: [], modified: d.modified };
    assert.equal(normalize(reordered, run).provenance.hash, normalize(d, run).provenance.hash);
  });

  it('when a field changes, gives another hash', () => {
    const base = normalize(draft(), run).provenance.hash;
    assert.notEqual(normalize({ ...draft(), title: 'NBI por departamento' }, run).provenance.hash, base);
    assert.notEqual(normalize({ ...draft(), modified: { raw: '2024-10-02' } }, run).provenance.hash, base);
    const d = draft();
    d.distributions[0].downloadURL = 'https://datos.segeplan.gob.gt/nbi-v2.csv';
    assert.notEqual(normalize(d, run).provenance.hash, base);
  });

  it('equals the hash of the record without its provenance', () => {
    const { provenance, ...rest } = normalize(draft(), run);
    assert.equal(provenance.hash, contentHash(rest));
  });
});

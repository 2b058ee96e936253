import assert from 'node:assert/strict';
import { present } from '../../src/quality/present.js';
import { isEmail, isHttpIri, parseIsoTime } from '../../src/quality/syntax.js';

describe('present', () => {
  for (const value of ['', '   ', '-', 'N/A', 'na', 'NULL', 'NaN', 'None', 'Sin información', 'SIN INFORMACION', 'no  aplica', 'No Disponible', undefined, null]) {
    it(`treats ${JSON.stringify(value)} as absent`, () => assert.equal(present(value), false));
  }
  for (const value of ['Quito', 'nada que declarar', 'NAS', '0']) {
    it(`treats ${JSON.stringify(value)} as present`, () => assert.equal(present(value), true));
  }
});

describe('syntax', () => {
  it('reads ISO dates strictly, as UTC, and rejects impossible ones', () => {
    assert.equal(parseIsoTime('2024-03-01'), Date.UTC(2024, 2, 1));
    assert.equal(parseIsoTime('2024'), Date.UTC(2024, 0, 1));
    assert.equal(parseIsoTime('2024-03-01T10:00:00'), Date.UTC(2024, 2, 1, 10));
    assert.equal(parseIsoTime('2024-03-01T10:00:00-05:00'), Date.UTC(2024, 2, 1, 15));
    assert.equal(parseIsoTime('2024-03-01T10:00:00.5Z'), Date.UTC(2024, 2, 1, 10, 0, 0, 500));
    for (const bad of ['2024-02-30', '2023-02-29', '2024-13-01', '01/03/2024', 'March 1, 2024', '2024-03-01T25:00', '']) {
      assert.equal(parseIsoTime(bad), undefined, bad);
    }
  });

  it('knows an http(s) IRI and an e-mail when it sees one', () => {
    assert.equal(isHttpIri('https://datos.gob.ec/dataset/ñandú'), true);
    assert.equal(isHttpIri('www.gob.ec'), false);
    assert.equal(isHttpIri('https://x.gob.ec/a b'), false);
    assert.equal(isHttpIri('mailto:a@b.ec'), false);
    assert.equal(isEmail('Datos.Abiertos@quito.gob.ec'), true);
    assert.equal(isEmail('mailto:datos@quito.gob.ec'), true);
    assert.equal(isEmail('datos@quito'), false);
    assert.equal(isEmail('datos @quito.gob.ec'), false);
  });
});

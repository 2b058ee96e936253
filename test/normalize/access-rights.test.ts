import assert from 'node:assert/strict';
import { normalizeAccessRights } from '../../src/normalize/access-rights.js';

describe('normalizeAccessRights', () => {
  const cases: [string, string][] = [
    ['http://publications.europa.eu/resource/authority/access-right/PUBLIC', 'PUBLIC'],
    ['http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC', 'NON_PUBLIC'],
    ['https://publications.europa.eu/resource/authority/access-right/RESTRICTED/', 'RESTRICTED'],
    ['PUBLIC', 'PUBLIC'],
    ['public', 'PUBLIC'],
    ['Público', 'PUBLIC'],
    ['publico', 'PUBLIC'],
    ['Acceso público', 'PUBLIC'],
    ['restricted public', 'RESTRICTED'],
    ['restricted', 'RESTRICTED'],
    ['Restringido', 'RESTRICTED'],
    ['non-public', 'NON_PUBLIC'],
    ['Privado', 'NON_PUBLIC'],
    ['Confidencial', 'NON_PUBLIC'],
    ['Información reservada', 'NON_PUBLIC'],
    ['Sin restricciones', 'PUBLIC'],
    ['Sin limitaciones al acceso público', 'PUBLIC'],
    ['http://inspire.ec.europa.eu/metadata-codelist/LimitationsOnPublicAccess/noLimitations', 'PUBLIC'],
  ];
  for (const [raw, code] of cases) {
    it(`reads ${JSON.stringify(raw)} as ${code} and keeps the raw`, () => {
      assert.deepEqual(normalizeAccessRights(raw), { code, raw });
    });
  }

  it('when the value is not in the vocabulary, keeps the raw without a code', () => {
    assert.deepEqual(normalizeAccessRights('Según la LOTAIP'), { raw: 'Según la LOTAIP' });
  });

  it('when nothing or a placeholder is declared, gives nothing', () => {
    assert.equal(normalizeAccessRights(undefined), undefined);
    assert.equal(normalizeAccessRights(' '), undefined);
    assert.equal(normalizeAccessRights('N/A'), undefined);
  });
});

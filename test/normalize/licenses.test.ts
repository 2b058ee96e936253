import assert from 'node:assert/strict';
import { LICENSES, licenseById, matchLicense } from '../../src/dcat/vocabularies/licenses.js';
import { normalizeLicense } from '../../src/normalize/license.js';

describe('matchLicense', () => {
  const known: [string, string, boolean][] = [
    // CKAN ids
    ['cc-by', 'CC-BY-4.0', true],
    ['cc-by-sa', 'CC-BY-SA-4.0', true],
    ['cc-zero', 'CC0-1.0', true],
    ['odc-odbl', 'ODbL-1.0', true],
    ['odc-by', 'ODC-By-1.0', true],
    ['odc-pddl', 'PDDL-1.0', true],
    ['uk-ogl', 'OGL-UK-3.0', true],
    ['gfdl', 'GFDL-1.3-or-later', true],
    ['other-pd', 'LicenseRef-Public-Domain', true],
    ['cc-nc', 'CC-BY-NC-4.0', false],
    ['cc-by-4.0', 'CC-BY-4.0', true],
    // Titles, English and Spanish
    ['Creative Commons Attribution', 'CC-BY-4.0', true],
    ['Creative Commons Atribución 4.0', 'CC-BY-4.0', true],
    ['Creative Commons Atribución 4.0 Internacional', 'CC-BY-4.0', true],
    ['Creative Commons Reconocimiento', 'CC-BY-4.0', true],
    ['Atribución-CompartirIgual', 'CC-BY-SA-4.0', true],
    ['Atribución-CompartirIgual 3.0', 'CC-BY-SA-3.0', true],
    ['CC BY-NC-SA 4.0', 'CC-BY-NC-SA-4.0', false],
    ['Creative Commons Atribución-NoComercial 4.0 Internacional', 'CC-BY-NC-4.0', false],
    ['Reconocimiento-NoComercial-SinObraDerivada 3.0', 'CC-BY-NC-ND-3.0', false],
    ['Creative Commons Attribution-NoDerivatives 4.0 International', 'CC-BY-ND-4.0', false],
    ['Creative Commons Attribution | Share Alike 4.0 International', 'CC-BY-SA-4.0', true],
    ['Creative Commons 1.0 Universal (Public Domain Dedication)', 'CC0-1.0', true],
    ['CC0', 'CC0-1.0', true],
    ['Dominio público', 'LicenseRef-Public-Domain', true],
    ['Open Database License (ODbL)', 'ODbL-1.0', true],
    ['Open Data Commons Attribution License', 'ODC-By-1.0', true],
    ['Licencia de Datos Abiertos del Uruguay', 'LicenseRef-UY-Datos-Abiertos', true],
    ['odc-uy', 'LicenseRef-UY-Datos-Abiertos', true],
    ['Libre Uso MX', 'LicenseRef-MX-Libre-Uso', true],
    ['Términos de Libre Uso MX', 'LicenseRef-MX-Libre-Uso', true],
    ['Licencia abierta de uso de información', 'LicenseRef-Licencia-Abierta-Uso-Informacion', true],
    // URLs
    ['https://creativecommons.org/licenses/by/4.0/', 'CC-BY-4.0', true],
    ['http://creativecommons.org/licenses/by/4.0', 'CC-BY-4.0', true],
    ['https://creativecommons.org/licenses/by/4.0/deed.es', 'CC-BY-4.0', true],
    ['https://creativecommons.org/licenses/by/4.0/legalcode', 'CC-BY-4.0', true],
    ['https://creativecommons.org/licenses/by-sa/4.0/legalcode.es', 'CC-BY-SA-4.0', true],
    ['http://creativecommons.org/licenses/by/3.0/ec/', 'CC-BY-3.0', true],
    ['https://creativecommons.org/licenses/by/2.5/ar/', 'CC-BY-2.5', true],
    ['https://creativecommons.org/licenses/by-nc/4.0/', 'CC-BY-NC-4.0', false],
    ['https://creativecommons.org/publicdomain/zero/1.0/', 'CC0-1.0', true],
    ['http://www.opendefinition.org/licenses/cc-by', 'CC-BY-4.0', true],
    ['http://opendatacommons.org/licenses/odbl/1.0/', 'ODbL-1.0', true],
    ['https://opendatacommons.org/licenses/odbl/1-0/', 'ODbL-1.0', true],
    ['https://spdx.org/licenses/CC-BY-4.0.html', 'CC-BY-4.0', true],
    ['https://spdx.org/licenses/ODbL-1.0', 'ODbL-1.0', true],
    ['http://publications.europa.eu/resource/authority/licence/CC_BY_4_0', 'CC-BY-4.0', true],
    ['http://publications.europa.eu/resource/authority/licence/ODC_BL', 'ODbL-1.0', true],
    ['https://datos.gob.mx/libreusomx', 'LicenseRef-MX-Libre-Uso', true],
    // ArcGIS Hub: the licence is an HTML snippet
    ['<a href="https://creativecommons.org/licenses/by/4.0/" target="_blank">Creative Commons</a>', 'CC-BY-4.0', true],
  ];
  for (const [value, id, open] of known) {
    it(`reads ${JSON.stringify(value)} as ${id} (${open ? 'open' : 'not open'})`, () => {
      assert.deepEqual(matchLicense(value), { kind: 'known', id, open });
    });
  }

  it('reads CKAN "other" categories as openness without a known licence', () => {
    assert.deepEqual(matchLicense('other-open'), { kind: 'category', category: 'other-open', open: true });
    assert.deepEqual(matchLicense('Licencia abierta'), { kind: 'category', category: 'other-open', open: true });
    assert.deepEqual(matchLicense('other-at'), { kind: 'category', category: 'other-at', open: true });
    assert.deepEqual(matchLicense('other-nc'), { kind: 'category', category: 'other-nc', open: false });
    assert.deepEqual(matchLicense('Other (Not Open)'), { kind: 'category', category: 'other-closed', open: false });
  });

  it('reads "not specified" declarations as no licence', () => {
    for (const v of ['notspecified', 'License not specified', 'Licencia no especificada', 'Sin licencia']) assert.deepEqual(matchLicense(v), { kind: 'none' });
  });

  it('leaves unknown licences unmatched', () => {
    for (const v of ['Términos de uso del portal', 'https://www.example.gob.ec/terminos', 'Creative Commons', 'CC BY-ND-SA']) assert.equal(matchLicense(v), undefined);
  });

  it('has one entry per id, each with Spanish and English names', () => {
    assert.equal(new Set(LICENSES.map((l) => l.id)).size, LICENSES.length);
    for (const l of LICENSES) assert.ok(l.name.es && l.name.en, l.id);
    assert.equal(licenseById('CC-BY-4.0')?.name.es, 'Creative Commons Atribución 4.0 Internacional');
  });
});

describe('normalizeLicense', () => {
  it('when the CKAN id has no version but the URL has one, the URL decides', () => {
    assert.deepEqual(normalizeLicense({ raw: 'cc-by', title: 'Creative Commons Attribution', url: 'http://creativecommons.org/licenses/by/3.0/' }), {
      id: 'CC-BY-3.0', open: true, raw: 'cc-by', url: 'http://creativecommons.org/licenses/by/3.0/', title: 'Creative Commons Attribution',
    });
  });

  it('when the licence is other-open, keeps it without an id and marks it open', () => {
    assert.deepEqual(normalizeLicense({ raw: 'other-open', title: 'Other (Open)' }), { open: true, raw: 'other-open', title: 'Other (Open)' });
  });

  it('when the licence is not specified or a placeholder, drops it', () => {
    assert.equal(normalizeLicense({ raw: 'notspecified', title: 'License not specified' }), undefined);
    assert.equal(normalizeLicense({ raw: 'n/a' }), undefined);
    assert.equal(normalizeLicense({ raw: '-', title: 'Sin información' }), undefined);
  });

  it('when the licence is unknown, keeps what was declared without an id', () => {
    assert.deepEqual(normalizeLicense({ raw: 'terminos-portal', title: 'Términos del portal' }), { raw: 'terminos-portal', title: 'Términos del portal' });
  });
});

import assert from 'node:assert/strict';
import { matchLanguage, normalizeLanguages } from '../../src/dcat/vocabularies/languages.js';
import { matchTheme, THEMES } from '../../src/dcat/vocabularies/themes.js';

describe('matchTheme', () => {
  const cases: [string, string][] = [
    ['Educación', 'EDUC'], ['EDUCACION', 'EDUC'], ['educación ', 'EDUC'], ['Salud', 'HEAL'], ['Salud pública', 'HEAL'],
    ['Economía y finanzas', 'ECON'], ['Finanzas públicas', 'ECON'], ['Presupuesto', 'ECON'], ['Inversión pública', 'ECON'], ['Turismo', 'ECON'],
    ['Empleo', 'ECON'], ['Trabajo', 'ECON'], ['Medio ambiente', 'ENVI'], ['Ambiente', 'ENVI'], ['Transporte', 'TRAN'], ['Movilidad', 'TRAN'],
    ['Seguridad', 'JUST'], ['Justicia', 'JUST'], ['Gobierno', 'GOVE'], ['Gobierno y sector público', 'GOVE'], ['Población y sociedad', 'SOCI'],
    ['Desarrollo social', 'SOCI'], ['Pobreza', 'SOCI'], ['Agricultura', 'AGRI'], ['Pesca', 'AGRI'], ['Energía', 'ENER'],
    ['Ciencia y tecnología', 'TECH'], ['Cultura', 'EDUC'], ['Deporte', 'EDUC'], ['Territorio', 'REGI'], ['Ordenamiento territorial', 'REGI'],
    ['Vivienda', 'REGI'], ['Cooperación internacional', 'INTR'], ['Seguridad social', 'SOCI'],
    // Longer labels read by their first distinctive word
    ['Salud y nutrición infantil', 'HEAL'], ['Transporte público urbano', 'TRAN'],
    // EU codes, URIs and English labels; Argentina's lower-case codes
    ['HEAL', 'HEAL'], ['educ', 'EDUC'], ['http://publications.europa.eu/resource/authority/data-theme/ENVI', 'ENVI'],
    ['Government and public sector', 'GOVE'], ['Agriculture, fisheries, forestry and food', 'AGRI'],
  ];
  for (const [label, code] of cases) {
    it(`reads the category ${JSON.stringify(label)} as ${code}`, () => {
      assert.equal(matchTheme(label), code);
    });
  }

  it('leaves labels without a theme unread', () => {
    for (const label of ['Otros', 'Varios', 'Estadísticas', '']) assert.equal(matchTheme(label), undefined);
  });

  it('covers the thirteen EU data themes', () => {
    assert.deepEqual(THEMES.map((t) => t.code).sort(), ['AGRI', 'ECON', 'EDUC', 'ENER', 'ENVI', 'GOVE', 'HEAL', 'INTR', 'JUST', 'REGI', 'SOCI', 'TECH', 'TRAN']);
  });
});

describe('matchLanguage and normalizeLanguages', () => {
  const cases: [string, string][] = [
    ['es', 'SPA'], ['ES', 'SPA'], ['es-EC', 'SPA'], ['es_419', 'SPA'], ['spa', 'SPA'], ['SPA', 'SPA'], ['Español', 'SPA'], ['español', 'SPA'],
    ['Spanish', 'SPA'], ['castellano', 'SPA'], ['Español (Ecuador)', 'SPA'], ['http://publications.europa.eu/resource/authority/language/SPA', 'SPA'],
    ['http://id.loc.gov/vocabulary/iso639-1/es', 'SPA'], ['en', 'ENG'], ['English', 'ENG'], ['Inglés', 'ENG'], ['pt-BR', 'POR'], ['Português', 'POR'],
    ['fre', 'FRA'], ['Francés', 'FRA'], ['Kichwa', 'QUE'], ['quechua', 'QUE'], ['qu', 'QUE'], ['Guaraní', 'GRN'], ['gn', 'GRN'], ['Aymara', 'AYM'],
    ['Náhuatl', 'NAH'],
  ];
  for (const [value, code] of cases) {
    it(`reads ${JSON.stringify(value)} as ${code}`, () => {
      assert.equal(matchLanguage(value), code);
    });
  }

  it('splits lists, keeps order and drops repeats and unknown values', () => {
    assert.deepEqual(normalizeLanguages(['es', 'Español', 'en, pt', 'spa; que', 'Español y Kichwa', 'xx', '', 'n/a']), ['SPA', 'ENG', 'POR', 'QUE']);
  });

  it('when nothing is declared, gives an empty list', () => {
    assert.deepEqual(normalizeLanguages(undefined), []);
  });
});

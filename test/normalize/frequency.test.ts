import assert from 'node:assert/strict';
import { frequencyForDays, normalizeFrequency } from '../../src/normalize/frequency.js';

describe('normalizeFrequency', () => {
  const cases: [string, string][] = [
    // EU URIs and codes
    ['http://publications.europa.eu/resource/authority/frequency/ANNUAL', 'ANNUAL'],
    ['https://publications.europa.eu/resource/authority/frequency/QUARTERLY/', 'QUARTERLY'],
    ['http://publications.europa.eu/resource/authority/frequency/MONTHLY_2', 'BIWEEKLY'],
    ['http://publications.europa.eu/resource/authority/frequency/HOURLY', 'CONT'],
    ['http://publications.europa.eu/resource/authority/frequency/DECENNIAL', 'OTHER'],
    ['ANNUAL_2', 'ANNUAL_2'],
    ['IRREG', 'IRREG'],
    ['AS_NEEDED', 'AS_NEEDED'],
    // ISO 8601 repeating durations (Argentina's profile, DKAN)
    ['R/P1Y', 'ANNUAL'],
    ['R/P6M', 'ANNUAL_2'],
    ['R/P4M', 'ANNUAL_3'],
    ['R/P3M', 'QUARTERLY'],
    ['R/P2M', 'BIMONTHLY'],
    ['R/P1M', 'MONTHLY'],
    ['R/P0.5M', 'BIWEEKLY'],
    ['R/P0.33M', 'BIWEEKLY'],
    ['R/P2W', 'BIWEEKLY'],
    ['R/P1W', 'WEEKLY'],
    ['R/P0.5W', 'WEEKLY'],
    ['R/P1D', 'DAILY'],
    ['R/PT1H', 'CONT'],
    ['R/PT1S', 'CONT'],
    ['R/P2Y', 'BIENNIAL'],
    ['R/P3Y', 'TRIENNIAL'],
    ['R/P4Y', 'OTHER'],
    ['R/P10Y', 'OTHER'],
    ['P1Y', 'ANNUAL'],
    // CKAN / DKAN English values
    ['daily', 'DAILY'],
    ['Weekly', 'WEEKLY'],
    ['monthly', 'MONTHLY'],
    ['annually', 'ANNUAL'],
    ['yearly', 'ANNUAL'],
    ['irregular', 'IRREG'],
    ['as needed', 'AS_NEEDED'],
    ['continuous', 'CONT'],
    ['never', 'NEVER'],
    ['semiannual', 'ANNUAL_2'],
    // Spanish labels (QUALITY.md)
    ['Diario', 'DAILY'],
    ['Diaria', 'DAILY'],
    ['Semanal', 'WEEKLY'],
    ['Quincenal', 'BIWEEKLY'],
    ['Mensual', 'MONTHLY'],
    ['Bimestral', 'BIMONTHLY'],
    ['Trimestral', 'QUARTERLY'],
    ['Cuatrimestral', 'ANNUAL_3'],
    ['Semestral', 'ANNUAL_2'],
    ['Anual', 'ANNUAL'],
    ['ANUAL', 'ANNUAL'],
    [' anual. ', 'ANNUAL'],
    ['Bienal', 'BIENNIAL'],
    ['Bianual', 'ANNUAL_2'],
    ['Trienal', 'TRIENNIAL'],
    ['Eventual', 'AS_NEEDED'],
    ['Por demanda', 'AS_NEEDED'],
    ['A demanda', 'AS_NEEDED'],
    ['Irregular', 'IRREG'],
    ['No planificado', 'NOT_PLANNED'],
    ['Tiempo real', 'CONT'],
    ['Tiempo Real', 'CONT'],
    ['Continuo', 'CONT'],
    ['Nunca', 'NEVER'],
    ['No aplica', 'NEVER'],
    ['NO APLICA', 'NEVER'],
    ['Actualización mensual', 'MONTHLY'],
    ['Frecuencia: trimestral', 'QUARTERLY'],
    ['cada 15 días', 'BIWEEKLY'],
    ['cada dos años', 'BIENNIAL'],
    ['Cada 5 años', 'OTHER'],
    ['Quinquenal', 'OTHER'],
    ['Desconocido', 'UNKNOWN'],
    // ISO 19115 maintenance frequency codes, as CSW records give them.
    ['continual', 'CONT'],
    ['asNeeded', 'AS_NEEDED'],
    ['notPlanned', 'NOT_PLANNED'],
    ['fortnightly', 'BIWEEKLY'],
    ['biannually', 'ANNUAL_2'],
    ['irregular', 'IRREG'],
    // Dublin Core Collection Description frequencies.
    ['http://purl.org/cld/freq/annual', 'ANNUAL'],
    ['http://purl.org/cld/freq/monthly', 'MONTHLY'],
    ['http://purl.org/cld/freq/threeTimesAYear', 'ANNUAL_3'],
    ['http://purl.org/cld/freq/irregular', 'IRREG'],
  ];
  for (const [raw, code] of cases) {
    it(`reads "${raw}" as ${code} and keeps the raw`, () => {
      assert.deepEqual(normalizeFrequency(raw), { code, raw });
    });
  }

  it('when the value is not a known frequency, gives UNKNOWN with the raw kept', () => {
    assert.deepEqual(normalizeFrequency('Cuando haya presupuesto'), { code: 'UNKNOWN', raw: 'Cuando haya presupuesto' });
    assert.deepEqual(normalizeFrequency('R/P0D'), { code: 'UNKNOWN', raw: 'R/P0D' });
  });

  it('when nothing or a placeholder is declared, gives nothing', () => {
    assert.equal(normalizeFrequency(undefined), undefined);
    assert.equal(normalizeFrequency(''), undefined);
    assert.equal(normalizeFrequency('   '), undefined);
    assert.equal(normalizeFrequency('-'), undefined);
    assert.equal(normalizeFrequency('n/a'), undefined);
  });
});

describe('frequencyForDays', () => {
  it('reads intervals under a day as CONT and over three years as OTHER', () => {
    assert.equal(frequencyForDays(1 / 24), 'CONT');
    assert.equal(frequencyForDays(1461), 'OTHER');
  });

  it('picks the nearest known interval on a ratio scale', () => {
    assert.equal(frequencyForDays(3.5), 'WEEKLY');
    assert.equal(frequencyForDays(2), 'DAILY');
    assert.equal(frequencyForDays(40), 'MONTHLY');
    assert.equal(frequencyForDays(50), 'BIMONTHLY');
    assert.equal(frequencyForDays(400), 'ANNUAL');
  });
});

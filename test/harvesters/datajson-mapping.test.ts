/** The data.json mapping on the shapes publishers really send, and what normalization makes of it. */
import assert from 'node:assert/strict';
import { datajson, type DataJsonRecord } from '../../harvesters/datajson.js';
import { spatialOf } from '../../harvesters/datajson-values.js';
import { normalize } from '../../src/normalize/index.js';
import { isRecordError } from '../../src/errors.js';
import { testPortal } from '../support/portal-config.js';

const portal = testPortal({ id: 'ar-datos', platform: 'datajson', url: 'https://datos.gob.ar/data.json' });
const base = { identifier: 'ds-1', title: 'Presupuesto participativo 2024' };
const draft = (dataset: Record<string, unknown>, themeLabels?: Record<string, string>) => datajson.toDcat({ dataset: { ...base, ...dataset }, themeLabels }, portal);
const normalized = (dataset: Record<string, unknown>) =>
  normalize(draft(dataset), { portalId: portal.id, harvestedAt: '2024-04-01T00:00:00.000Z', runId: 'r1', sourceUrl: portal.url });

function mappingError(record: unknown): { code: string; message: string } {
  try {
    datajson.toDcat(record as DataJsonRecord, portal);
  } catch (error) {
    if (isRecordError(error)) return error;
    throw error;
  }
  throw new Error('Expected a RecordError.');
}

describe('data.json mapping: Argentina\'s profile', () => {
  for (const language of [['spa'], ['SPA'], 'spa', 'es', ['es', 'en'], 'spa, eng']) {
    it(`when language is ${JSON.stringify(language)}, Spanish is read as SPA`, () => {
      assert.equal(normalized({ language }).language[0], 'SPA');
    });
  }

  it('reads accrualPeriodicity R/P1Y as ANNUAL, keeping the declared value', () => {
    assert.deepEqual(normalized({ accrualPeriodicity: 'R/P1Y' }).accrualPeriodicity, { code: 'ANNUAL', raw: 'R/P1Y' });
  });

  it('reads temporal start/end as the coverage\'s start and end', () => {
    const { temporal } = normalized({ temporal: '2015-01-01/2015-12-31' });
    assert.equal(temporal?.start?.value, '2015-01-01');
    assert.equal(temporal?.end?.value, '2015-12-31');
  });

  it('when temporal is a start and a duration, reads the start and invents no end', () => {
    assert.deepEqual(draft({ temporal: '2023-01-01/P1Y' }).temporal, { start: { raw: '2023-01-01' }, raw: '2023-01-01/P1Y' });
    const { temporal } = normalized({ temporal: '2023-01-01/P1Y' });
    assert.deepEqual([temporal?.start?.value, temporal?.end], ['2023-01-01', undefined]);
    assert.deepEqual(draft({ temporal: 'P1Y/2023-12-31' }).temporal, { end: { raw: '2023-12-31' }, raw: 'P1Y/2023-12-31' });
    assert.deepEqual(draft({ temporal: 'R/P1Y' }).temporal, { raw: 'R/P1Y' }, 'a frequency written as coverage has no date');
  });

  it('reads superTheme codes in any case as EU themes with their Spanish label, then the themes by their taxonomy label', () => {
    const themes = draft({ superTheme: ['econ', 'GOVE'], theme: ['presupuesto', 'Otro tema'] }, { presupuesto: 'Presupuesto' }).themes;
    assert.deepEqual(themes, [
      { code: 'ECON', label: 'Economía y finanzas' },
      { code: 'GOVE', label: 'Gobierno y sector público' },
      { label: 'Presupuesto' },
      { label: 'Otro tema' },
    ]);
  });

  it('reads the publisher\'s mbox as its e-mail', () => {
    assert.deepEqual(draft({ publisher: { name: 'Ministerio de Economía', mbox: 'datos@mecon.gob.ar' } }).publisher, { name: 'Ministerio de Economía', email: 'datos@mecon.gob.ar', uri: undefined });
  });
});

describe('data.json mapping: DCAT-US values', () => {
  it('reads contactPoint fn and hasEmail without its mailto: prefix', () => {
    assert.deepEqual(draft({ contactPoint: { '@type': 'vcard:Contact', fn: 'Mesa de datos', hasEmail: 'mailto:datos@quito.gob.ec' } }).contactPoint, {
      name: 'Mesa de datos', email: 'datos@quito.gob.ec', url: undefined,
    });
  });

  it('when hasEmail is a bare "mailto:", keeps only the name', () => {
    assert.equal(draft({ contactPoint: { fn: 'Mesa de datos', hasEmail: 'mailto:' } }).contactPoint?.email, undefined);
  });

  it('when the publisher has no name, names it after the organization it belongs to', () => {
    const publisher = { '@type': 'org:Organization', subOrganizationOf: { '@type': 'org:Organization', name: 'Ministerio de Obras Públicas' } };
    assert.equal(draft({ publisher }).publisher?.name, 'Ministerio de Obras Públicas');
  });

  it('keeps a licence URL as the URL and reads it as its canonical licence', () => {
    const license = normalized({ license: 'https://creativecommons.org/licenses/by/4.0/' }).license;
    assert.equal(license?.id, 'CC-BY-4.0');
    assert.equal(license?.url, 'https://creativecommons.org/licenses/by/4.0/');
  });

  it('keeps a licence name as the declared value', () => {
    assert.deepEqual(draft({ license: 'Open Database License (ODbL) v1.0' }).license, { raw: 'Open Database License (ODbL) v1.0', url: undefined });
  });

  it('reads accessLevel as the access right', () => {
    assert.deepEqual(normalized({ accessLevel: 'restricted public' }).accessRights, { code: 'RESTRICTED', raw: 'restricted public' });
  });

  it('reads keyword as a list, or splits a bare string at commas', () => {
    assert.deepEqual(draft({ keyword: 'agua, saneamiento; alcantarillado' }).keywords, ['agua', 'saneamiento', 'alcantarillado']);
    assert.deepEqual(draft({ keyword: ['agua, potable'] }).keywords, ['agua, potable']);
  });

  it('reads conformsTo as a string or a list', () => {
    assert.deepEqual(draft({ conformsTo: 'https://example.org/esquema' }).conformsTo, ['https://example.org/esquema']);
    assert.deepEqual(draft({ conformsTo: ['https://a.example', 'https://b.example'] }).conformsTo, ['https://a.example', 'https://b.example']);
  });

  it('maps every distribution field, a single distribution object as a list of one', () => {
    const distribution = {
      '@type': 'dcat:Distribution', title: 'Presupuesto 2024', description: 'Por programa', downloadURL: 'https://x.example/p.csv', accessURL: 'https://x.example/p',
      mediaType: 'text/csv', format: 'CSV', byteSize: '2048', license: 'https://creativecommons.org/licenses/by/4.0/', rights: 'Uso libre', issued: '2024-01-02', modified: '2024-02-03',
    };
    assert.deepEqual(JSON.parse(JSON.stringify(draft({ distribution }).distributions)), [{
      id: 'https://x.example/p.csv', title: 'Presupuesto 2024', description: 'Por programa', accessURL: 'https://x.example/p', downloadURL: 'https://x.example/p.csv',
      format: { raw: 'CSV' }, mediaType: { raw: 'text/csv' }, byteSize: 2048, rights: 'Uso libre',
      license: { raw: 'https://creativecommons.org/licenses/by/4.0/', url: 'https://creativecommons.org/licenses/by/4.0/' },
      issued: { raw: '2024-01-02' }, modified: { raw: '2024-02-03' },
    }]);
  });

  it('when a distribution has only a download URL, it is its access URL too', () => {
    const [distribution] = draft({ distribution: [{ downloadURL: 'https://x.example/p.csv' }] }).distributions;
    assert.deepEqual([distribution.accessURL, distribution.downloadURL], ['https://x.example/p.csv', 'https://x.example/p.csv']);
  });

  it('reads a modified with a time of day as the source modification time, a bare date not', () => {
    assert.equal(draft({ modified: '2023-02-01T14:22:10-04:00' }).sourceModified, '2023-02-01T18:22:10.000Z');
    assert.equal(draft({ modified: '2024-01-08T09:00:00' }).sourceModified, '2024-01-08T09:00:00.000Z', 'no zone: UTC');
    assert.equal(draft({ modified: '2024-01-08' }).sourceModified, undefined);
    assert.equal(draft({ modified: 'R/P1Y' }).sourceModified, undefined);
  });

  it('skips distribution entries that are not objects and sizes that are not numbers', () => {
    const distributions = draft({ distribution: [null, 'https://x.example/a.csv', { title: 'A', byteSize: '2.3 MB' }] }).distributions;
    assert.deepEqual(distributions.map((d) => [d.id, d.byteSize]), [['distribution-1', undefined]]);
  });
});

describe('data.json mapping: spatial coverage', () => {
  const cases: [string, unknown, unknown][] = [
    ['a W,S,E,N box', '-79.0,-2.9,-78.9,-2.8', { bbox: [-79, -2.9, -78.9, -2.8] }],
    ['a box separated by spaces', '-79.0 -2.9 -78.9 -2.8', { bbox: [-79, -2.9, -78.9, -2.8] }],
    ['a list of four numbers', [-58.53, -34.71, -58.33, -34.53], { bbox: [-58.53, -34.71, -58.33, -34.53] }],
    ['a GeoJSON object', { type: 'Point', coordinates: [-78.5, -0.2] }, { bbox: [-78.5, -0.2, -78.5, -0.2] }],
    ['GeoJSON as text', '{"type":"LineString","coordinates":[[-78.6,-0.3],[-78.4,-0.1]]}', { bbox: [-78.6, -0.3, -78.4, -0.1] }],
    ['a URI', 'http://sws.geonames.org/3658192/', { uri: 'http://sws.geonames.org/3658192/' }],
    ['a place name', 'Cantón Cuenca', { label: 'Cantón Cuenca' }],
    ['broken JSON', '{"type":"Point"', { label: '{"type":"Point"' }],
    ['GeoJSON text out of range', '{"type":"Polygon","coordinates":[[[500,500]]]}', undefined],
    ['an empty string', '', undefined],
    ['a number', 12, undefined],
  ];
  for (const [what, value, expected] of cases) {
    it(`when spatial is ${what}, reads ${JSON.stringify(expected)}`, () => assert.deepEqual(spatialOf(value), expected));
  }
});

describe('data.json mapping: identity and bad records', () => {
  const sourceId = (dataset: unknown) => datajson.sourceId({ dataset });

  it('uses identifier, a numeric identifier as text, then @id, then the landing page', () => {
    assert.equal(sourceId({ identifier: ' abc ', '@id': 'https://x.example/ds/1' }), 'abc');
    assert.equal(sourceId({ identifier: 48213 }), '48213');
    assert.equal(sourceId({ identifier: '', '@id': 'https://x.example/ds/1' }), 'https://x.example/ds/1');
    assert.equal(sourceId({ title: 'T', landingPage: 'https://x.example/dataset/t' }), 'https://x.example/dataset/t');
  });

  for (const placeholder of ['N/A', 'null', '-', 's/d', 'Sin identificador']) {
    it(`when identifier is the placeholder "${placeholder}", falls back to the landing page`, () => {
      assert.equal(sourceId({ identifier: placeholder, title: 'T', landingPage: 'https://x.example/dataset/t' }), 'https://x.example/dataset/t');
    });
  }

  it('without any of them, uses a digest of the title and publisher that is the same in every run', () => {
    const a = sourceId({ title: 'Funcionarios 2023', publisher: { name: 'Municipalidad de Asunción' } });
    assert.match(a ?? '', /^sha1-[0-9a-f]{16}$/);
    assert.equal(sourceId({ title: 'Funcionarios 2023', publisher: { name: 'Municipalidad de Asunción' }, modified: '2024-01-01' }), a);
    assert.notEqual(sourceId({ title: 'Funcionarios 2023', publisher: { name: 'Municipalidad de Luque' } }), a);
    assert.equal(sourceId({ description: 'sin título ni identificador' }), undefined);
  });

  it('when an entry is not an object, throws bad_record', () => {
    assert.equal(mappingError({ dataset: 'dataset-eliminado' }).code, 'bad_record');
    assert.equal(mappingError(null).code, 'bad_record');
  });

  it('when a dataset has no title, throws bad_record naming it', () => {
    assert.match(mappingError({ dataset: { identifier: 'x-1', title: '  ' } }).message, /x-1 has no title/);
  });

  it('when distribution is a string, throws bad_record', () => {
    assert.match(mappingError({ dataset: { ...base, distribution: 'https://x.example/a.csv' } }).message, /"distribution" that is not a list/);
  });
});

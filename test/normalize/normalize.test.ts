import assert from 'node:assert/strict';
import type { Dataset, DatasetDraft } from '../../src/dcat/types.js';
import { isRecordError } from '../../src/errors.js';
import { contentHash } from '../../src/normalize/hash.js';
import { normalize } from '../../src/normalize/index.js';

const run = {
  portalId: 'ec-cuenca',
  harvestedAt: '2024-11-05T10:00:00.000Z',
  runId: 'run-42',
  sourceUrl: 'https://cuencaendatos.cuenca.gob.ec/api/3/action/package_search?rows=100&start=0',
};

/** What a CKAN mapping gives for a municipal budget dataset, flaws included. */
function ckanDraft(): DatasetDraft {
  return {
    sourceId: ' presupuesto-municipal-2020 ',
    identifier: '6f1c2a9e-3b1d-4c55-9a7e-2f0e8d1b7c10',
    title: '  Presupuesto   municipal 2020 ',
    description: '<p>EjecuciÃ³n presupuestaria del GAD Municipal de Cuenca, a&ntilde;o 2020.</p>\r\n<p>Incluye ingresos y gastos por partida.</p>',
    keywords: ['Presupuesto', 'presupuesto', ' Finanzas ', 'n/a', 'GAD'],
    themes: [{ label: 'Finanzas públicas' }, { label: 'Gestión municipal' }, { label: 'Otros' }],
    publisher: { name: 'GAD Municipal de Cuenca', id: 'gad-cuenca', email: 'mailto:datos@cuenca.gob.ec' },
    contactPoint: { name: 'Dirección de Planificación', email: 'planificacion@cuenca.gob.ec' },
    issued: { raw: '10/12/2019' },
    modified: { raw: 'mar, 10/12/2019 - 09:23' },
    accrualPeriodicity: { raw: 'Anual' },
    temporal: { raw: '2020-01-01/2020-12-31' },
    spatial: { label: 'Cuenca, Azuay', bbox: [-79.2, -3, -78.9, -2.8] },
    language: ['es'],
    license: { raw: 'cc-by', title: 'Creative Commons Atribución', url: 'https://creativecommons.org/licenses/by/4.0/deed.es' },
    accessRights: { raw: 'public' },
    landingPage: 'https://cuencaendatos.cuenca.gob.ec/dataset/presupuesto-municipal-2020',
    conformsTo: [],
    version: '-',
    distributions: [
      {
        id: 'a1b2c3',
        title: 'Presupuesto 2020 (Excel)',
        description: 'Sin información',
        accessURL: 'https://cuencaendatos.cuenca.gob.ec/dataset/presupuesto-municipal-2020/resource/a1b2c3',
        downloadURL: 'https://cuencaendatos.cuenca.gob.ec/dataset/a1b2c3/download/presupuesto_2020.xls',
        format: { raw: 'Excel' },
        byteSize: 48213,
        issued: { raw: '2019-12-10T14:23:11.123456' },
        modified: { raw: 'R/P1D' },
      },
      {
        id: 'd4e5f6',
        title: 'Presupuesto 2020 (CSV)',
        downloadURL: 'https://cuencaendatos.cuenca.gob.ec/dataset/a1b2c3/download/presupuesto_2020.csv',
        format: { raw: '' },
        mediaType: { raw: 'text/csv; charset=utf-8' },
        license: { raw: 'notspecified', title: 'Licencia no especificada' },
      },
    ],
    sourceModified: '2019-12-10T14:23:11.123456',
  };
}

const expected: Omit<Dataset, 'provenance'> = {
  id: 'ec-cuenca:presupuesto-municipal-2020',
  portalId: 'ec-cuenca',
  sourceId: 'presupuesto-municipal-2020',
  identifier: '6f1c2a9e-3b1d-4c55-9a7e-2f0e8d1b7c10',
  title: 'Presupuesto municipal 2020',
  description: 'Ejecución presupuestaria del GAD Municipal de Cuenca, año 2020.\n\nIncluye ingresos y gastos por partida.',
  keywords: ['Presupuesto', 'Finanzas', 'GAD'],
  themes: [{ code: 'ECON', label: 'Finanzas públicas' }, { code: 'GOVE', label: 'Gestión municipal' }, { label: 'Otros' }],
  publisher: { name: 'GAD Municipal de Cuenca', id: 'gad-cuenca', email: 'datos@cuenca.gob.ec' },
  contactPoint: { name: 'Dirección de Planificación', email: 'planificacion@cuenca.gob.ec' },
  issued: { value: '2019-12-10', raw: '10/12/2019' },
  modified: { value: '2019-12-10T09:23:00.000Z', raw: 'mar, 10/12/2019 - 09:23' },
  accrualPeriodicity: { code: 'ANNUAL', raw: 'Anual' },
  temporal: {
    start: { value: '2020-01-01', raw: '2020-01-01' },
    end: { value: '2020-12-31', raw: '2020-12-31' },
    raw: '2020-01-01/2020-12-31',
  },
  spatial: { label: 'Cuenca, Azuay', bbox: [-79.2, -3, -78.9, -2.8] },
  language: ['SPA'],
  license: {
    id: 'CC-BY-4.0', open: true, raw: 'cc-by', url: 'https://creativecommons.org/licenses/by/4.0/deed.es', title: 'Creative Commons Atribución',
  },
  accessRights: { code: 'PUBLIC', raw: 'public' },
  landingPage: 'https://cuencaendatos.cuenca.gob.ec/dataset/presupuesto-municipal-2020',
  conformsTo: [],
  distributions: [
    {
      id: 'a1b2c3',
      title: 'Presupuesto 2020 (Excel)',
      accessURL: 'https://cuencaendatos.cuenca.gob.ec/dataset/presupuesto-municipal-2020/resource/a1b2c3',
      downloadURL: 'https://cuencaendatos.cuenca.gob.ec/dataset/a1b2c3/download/presupuesto_2020.xls',
      format: { code: 'XLS', raw: 'Excel' },
      mediaType: { code: 'application/vnd.ms-excel' },
      byteSize: 48213,
      issued: { value: '2019-12-10T14:23:11.123Z', raw: '2019-12-10T14:23:11.123456' },
      modified: { raw: 'R/P1D' },
    },
    {
      id: 'd4e5f6',
      title: 'Presupuesto 2020 (CSV)',
      downloadURL: 'https://cuencaendatos.cuenca.gob.ec/dataset/a1b2c3/download/presupuesto_2020.csv',
      format: { code: 'CSV' },
      mediaType: { code: 'text/csv', raw: 'text/csv; charset=utf-8' },
    },
  ],
};

describe('normalize', () => {
  it('turns a CKAN draft from a Spanish-language portal into the stored DCAT record', () => {
    const dataset = normalize(ckanDraft(), run);
    const { provenance, ...record } = dataset;
    assert.deepEqual(record, expected);
    assert.deepEqual(provenance, {
      harvestedAt: run.harvestedAt,
      runId: run.runId,
      sourceUrl: run.sourceUrl,
      sourceModified: '2019-12-10T14:23:11.123456',
      hash: contentHash(expected),
    });
  });

  it('when a theme or format is given as an EU URI, reads the code', () => {
    const d: DatasetDraft = { ...ckanDraft(), themes: [{ label: '', code: 'http://publications.europa.eu/resource/authority/data-theme/ECON' }] };
    assert.deepEqual(normalize(d, run).themes, [{ code: 'ECON', label: 'ECON' }]);
  });

  it('when the licence is a placeholder, the dataset has no licence', () => {
    const d: DatasetDraft = { ...ckanDraft(), license: { raw: 'N/A', title: '-' } };
    assert.equal(normalize(d, run).license, undefined);
  });

  it('when the frequency says "No aplica", reads NEVER rather than dropping it as a placeholder', () => {
    const d: DatasetDraft = { ...ckanDraft(), accrualPeriodicity: { raw: 'No aplica' } };
    assert.deepEqual(normalize(d, run).accrualPeriodicity, { code: 'NEVER', raw: 'No aplica' });
  });

  it('when a distribution has no id and no URL, names it by its position', () => {
    const d: DatasetDraft = { ...ckanDraft(), distributions: [{ id: '', title: 'Anexo' }] };
    assert.equal(normalize(d, run).distributions[0].id, 'distribution-1');
  });

  it('when the bounding box is out of range, drops it and keeps the label', () => {
    const d: DatasetDraft = { ...ckanDraft(), spatial: { label: 'Cuenca', bbox: [-79.2, -300, -78.9, -2.8] } };
    assert.deepEqual(normalize(d, run).spatial, { label: 'Cuenca' });
  });

  for (const sourceId of ['', '   ', '-', 'null', 'N/A']) {
    it(`when the source id is ${JSON.stringify(sourceId)}, throws a missing_id record error`, () => {
      assert.throws(() => normalize({ ...ckanDraft(), sourceId }, run), (e: unknown) => isRecordError(e) && e.code === 'missing_id' && e.action === 'skip_record');
    });
  }

  for (const title of ['', '  ', 'Sin título', '<p></p>']) {
    it(`when the title is ${JSON.stringify(title)}, throws a missing_title record error naming the record`, () => {
      assert.throws(
        () => normalize({ ...ckanDraft(), title }, run),
        (e: unknown) => isRecordError(e) && e.code === 'missing_title' && e.sourceId === 'presupuesto-municipal-2020',
      );
    });
  }
});

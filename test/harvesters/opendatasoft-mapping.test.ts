/** Unit tests of the OpenDataSoft mapping for the variants the golden catalog does not cover. */
import assert from 'node:assert/strict';
import { opendatasoft, type OdsDataset } from '../../harvesters/opendatasoft.js';
import type { OdsDcatMetas, OdsDefaultMetas } from '../../harvesters/opendatasoft-types.js';
import { RecordError } from '../../src/errors.js';
import { testPortal } from '../support/portal-config.js';

const portal = testPortal({ platform: 'opendatasoft', url: 'https://datos.example.opendatasoft.com/api/explore/v2.1/catalog/datasets' });
const base = 'https://datos.example.opendatasoft.com/api/explore/v2.1/catalog/datasets';

interface Parts {
  meta?: Partial<OdsDefaultMetas>;
  dcat?: OdsDcatMetas;
  dcat_ap?: OdsDcatMetas;
  dataset?: Partial<OdsDataset>;
}

const map = ({ meta = {}, dcat, dcat_ap, dataset = {} }: Parts = {}) =>
  opendatasoft.toDcat({ dataset_id: 'conjunto', metas: { default: { title: 'Conjunto', ...meta }, dcat, dcat_ap }, ...dataset }, portal);

const isBadRecord = (e: unknown) => e instanceof RecordError && e.code === 'bad_record';

describe('OpenDataSoft harvester: mapping', () => {
  it('when the record is not an object, has no dataset_id or no metas.default, throws a bad_record RecordError', () => {
    for (const raw of [null, 'texto', 42, []]) assert.throws(() => opendatasoft.toDcat(raw as unknown as OdsDataset, portal), isBadRecord);
    assert.throws(() => opendatasoft.toDcat({ dataset_id: ' ', metas: { default: { title: 'x' } } }, portal), isBadRecord);
    assert.throws(() => opendatasoft.toDcat({ dataset_id: 'a', metas: { dcat: {} } }, portal), (e: unknown) => isBadRecord(e) && (e as RecordError).sourceId === 'a');
    assert.equal(opendatasoft.sourceId('texto' as unknown as OdsDataset), undefined);
  });

  it('reads lists written as one string and strings written as lists', () => {
    const draft = map({ meta: { keyword: 'presupuesto', theme: 'Economía', language: ['es', 'qu'] as unknown as string, territory: 'Loja' } });
    assert.deepEqual(draft.keywords, ['presupuesto']);
    assert.deepEqual(draft.themes, [{ label: 'Economía' }]);
    assert.deepEqual(draft.language, ['es', 'qu']);
    assert.deepEqual(draft.spatial, { label: 'Loja', uri: undefined });
  });

  it('keeps the @ of a federated id in the landing page and escapes what a path cannot hold', () => {
    assert.equal(map({ dataset: { dataset_id: 'población@inec' } }).landingPage, 'https://datos.example.opendatasoft.com/explore/dataset/poblaci%C3%B3n@inec/');
  });

  it('offers the GeoJSON export only for datasets with geographic fields', () => {
    const formats = (dataset: Partial<OdsDataset>) => map({ dataset }).distributions.map((d) => d.id);
    assert.deepEqual(formats({ features: ['analyze'] }), ['export-csv', 'export-json', 'export-xlsx']);
    assert.deepEqual(formats({ features: ['geo'] }), ['export-csv', 'export-json', 'export-geojson', 'export-xlsx']);
    assert.deepEqual(formats({ fields: [{ name: 'zona', type: 'geo_shape' }] }), ['export-csv', 'export-json', 'export-geojson', 'export-xlsx']);
  });

  it('offers no export for a dataset without records, only its files', () => {
    assert.deepEqual(map({ dataset: { has_records: false } }).distributions, []);
    assert.deepEqual(map({ meta: { records_count: 0 } }).distributions, []);
    assert.equal(map({ meta: { records_count: 3 } }).distributions.length, 3);
  });

  it('gives odsfile:// attachments their public URL, keeps http ones, and skips entries it cannot link', () => {
    const draft = map({
      dataset: {
        has_records: false,
        attachments: [
          { id: 'ficha_pdf', title: 'Ficha técnica.PDF', mimetype: 'application/pdf', url: 'odsfile://Ficha técnica.PDF' },
          { id: 'externo', title: 'Anexo', href: 'https://www.loja.gob.ec/anexo.ods' },
          { title: 'Sin id ni enlace', url: 'odsfile://x.csv' },
          'texto',
        ] as unknown as OdsDataset['attachments'],
        alternative_exports: { id: 'no-es-lista' } as unknown as OdsDataset['alternative_exports'],
      },
    });
    assert.deepEqual(draft.distributions.map((d) => [d.id, d.downloadURL, d.format?.raw]), [
      ['attachment-ficha_pdf', `${base}/conjunto/attachments/ficha_pdf`, 'pdf'],
      ['attachment-externo', 'https://www.loja.gob.ec/anexo.ods', undefined],
    ]);
  });

  it('takes the publisher from dcat.creator when default.publisher is empty, and leaves out an empty contact', () => {
    assert.deepEqual(map({ meta: { publisher: ' ' }, dcat: { creator: 'Dirección de Catastros' } }).publisher, { name: 'Dirección de Catastros' });
    assert.equal(map({ meta: { publisher: null } }).publisher, undefined);
    assert.equal(map({ dcat: { contact_name: '', contact_email: null } }).contactPoint, undefined);
  });

  it('reads dcat_ap when the domain has it: identifier, access rights over visibility, conformance, frequency and issued as fallbacks', () => {
    const draft = map({
      dataset: { visibility: 'domain' },
      dcat: { accrualperiodicity: 'Trimestral' },
      dcat_ap: { identifier: 'https://datos.example/id/conjunto', access_rights: 'Restringido', conforms_to: ['https://norma.example/a', 'https://norma.example/a'], accrualperiodicity: 'Anual', issued: '2020-02-02' },
    });
    assert.equal(draft.identifier, 'https://datos.example/id/conjunto');
    assert.deepEqual(draft.accessRights, { raw: 'Restringido' });
    assert.deepEqual(draft.conformsTo, ['https://norma.example/a']);
    assert.deepEqual(draft.accrualPeriodicity, { raw: 'Trimestral' }, 'the dcat template wins');
    assert.deepEqual(draft.issued, { raw: '2020-02-02' });
  });

  it('reads ODS visibility as access rights only when it is one ODS defines', () => {
    assert.deepEqual(map({ dataset: { visibility: 'restricted' } }).accessRights, { raw: 'restricted' });
    assert.equal(map({ dataset: { visibility: 'otra' } }).accessRights, undefined);
  });

  it('falls back to data_processed for modified, keeps an unreadable metadata_processed as declared', () => {
    const draft = map({ meta: { data_processed: '2024-02-01T12:00:00+00:00', metadata_processed: 'ayer' } });
    assert.deepEqual(draft.modified, { raw: '2024-02-01T12:00:00+00:00' });
    assert.equal(draft.sourceModified, 'ayer');
  });

  it('links a federated dataset to its origin, whether the address has a scheme or not', () => {
    assert.equal(map({ meta: { source_domain_address: 'https://inec.opendatasoft.com/', source_dataset: 'censo' } }).source?.harvestSourceUrl, 'https://inec.opendatasoft.com/explore/dataset/censo/');
    assert.equal(map({ meta: { source_domain_address: 'inec.opendatasoft.com' } }).source, undefined);
  });
});

/** Unit tests of the Socrata mapping for the variants the golden catalog does not cover. */
import assert from 'node:assert/strict';
import { socrata, type SocrataRaw, type SocrataRecord } from '../../harvesters/socrata.js';
import { readDomainMetadata } from '../../harvesters/socrata-metadata.js';
import { RecordError } from '../../src/errors.js';
import { testPortal } from '../support/portal-config.js';

const portal = testPortal({ platform: 'socrata', url: 'https://www.datos.gov.co' });
const base = (): SocrataRecord => ({
  resource: { id: 'abcd-1234', name: 'Conjunto', type: 'dataset', updatedAt: '2024-05-01T10:00:00.000Z' },
  classification: { domain_metadata: [] },
  metadata: { domain: 'www.datos.gov.co' },
});
const map = (change: (record: SocrataRecord) => void = () => undefined) => {
  const record = base();
  change(record);
  return socrata.toDcat(record, portal);
};
const isBadRecord = (sourceId?: string) => (e: unknown) => e instanceof RecordError && e.code === 'bad_record' && e.sourceId === sourceId;

describe('Socrata harvester: mapping', () => {
  it('when the record is not an object or has no resource, throws a bad_record RecordError', () => {
    for (const raw of [null, 'texto', 42, [], { foo: 1 }, { resource: 'x' }]) {
      assert.throws(() => socrata.toDcat(raw as unknown as SocrataRaw, portal), isBadRecord());
      assert.equal(socrata.sourceId(raw as unknown as SocrataRaw), undefined);
    }
  });

  it('when the resource has no id, or an id but no name, throws bad_record (with the id when there is one)', () => {
    assert.throws(() => map((r) => delete r.resource!.id), isBadRecord());
    assert.throws(() => map((r) => (r.resource!.name = '   ')), isBadRecord('abcd-1234'));
    assert.throws(() => map((r) => (r.resource!.name = null)), isBadRecord('abcd-1234'));
  });

  it('names the publisher by the portal\'s entity field, else the attribution, else the owning account, else nobody', () => {
    const entity = map((r) => {
      r.resource!.attribution = 'Atribución';
      r.classification!.domain_metadata = [{ key: 'Información-de-la-Entidad_Departamento', value: 'Nariño' }, { key: 'Información-de-la-Entidad_Nombre-de-la-Entidad', value: 'Alcaldía de Pasto' }];
    });
    assert.deepEqual(entity.publisher, { name: 'Alcaldía de Pasto', uri: undefined });
    assert.equal(map((r) => (r.resource!.attribution = 'Atribución')).publisher?.name, 'Atribución');
    assert.deepEqual(map((r) => (r.owner = { id: 'own1-0001', display_name: 'Cuenta del portal' })).publisher, { name: 'Cuenta del portal', id: 'own1-0001' });
    assert.equal(map((r) => (r.creator = { id: 'cre1-0001', display_name: 'Creador' })).publisher?.name, 'Creador');
    assert.equal(map().publisher, undefined);
  });

  it('reads custom fields whatever their fieldset, case or accents', () => {
    const fields = readDomainMetadata([
      { key: 'Información-de-contacto_Correo', value: 'datos@pasto.gov.co' },
      { key: 'Información-de-contacto_Nombre', value: 'Oficina TIC' },
      { key: 'FRECUENCIA-DE-ACTUALIZACIÓN', value: 'Mensual' },
      { key: 'Información-de-Datos_Idioma', value: 'Español; Quechua' },
      { key: 'Licencia_Licencia', value: 'CC BY 4.0' },
      { key: 'Cobertura_Ámbito-Geográfico', value: 'Departamental' },
      { key: 'Información-de-Datos_Periodo-de-referencia', value: '2020/2022' },
      { key: 'Información-de-Datos_Número-de-filas', value: 1200 },
      { key: 'Información-de-Datos_Frecuencia-de-Actualización', value: 'Anual' },
      { key: 'sin valor', value: null },
      'no es un objeto',
    ]);
    assert.deepEqual(fields, {
      contactEmail: 'datos@pasto.gov.co',
      contactName: 'Oficina TIC',
      frequency: 'Mensual',
      language: ['Español', 'Quechua'],
      license: 'CC BY 4.0',
      spatial: 'Departamental',
      temporal: '2020/2022',
    });
    assert.deepEqual(readDomainMetadata(undefined), { language: [] });
  });

  it('prefers the API\'s licence and contact email to the custom fields', () => {
    const draft = map((r) => {
      r.metadata!.license = 'Public Domain';
      r.resource!.contact_email = 'api@datos.gov.co';
      r.classification!.domain_metadata = [{ key: 'Licencia_Licencia', value: 'CC BY 4.0' }, { key: 'Contacto_Correo', value: 'campo@datos.gov.co' }];
    });
    assert.deepEqual(draft.license, { raw: 'Public Domain', title: 'Public Domain' });
    assert.equal(draft.contactPoint?.email, 'api@datos.gov.co');
  });

  it('takes issued from publication_date else createdAt, modified from data_updated_at else updatedAt, sourceModified from metadata_updated_at', () => {
    const draft = map((r) => Object.assign(r.resource!, { createdAt: '2020-01-01T00:00:00.000Z', publication_date: '2020-02-01T00:00:00.000Z', data_updated_at: '2024-04-01T00:00:00.000Z', metadata_updated_at: '2024-03-01T00:00:00.000Z' }));
    assert.deepEqual([draft.issued?.raw, draft.modified?.raw, draft.sourceModified], ['2020-02-01T00:00:00.000Z', '2024-04-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z']);
    const bare = map();
    assert.deepEqual([bare.issued, bare.modified?.raw, bare.sourceModified], [undefined, '2024-05-01T10:00:00.000Z', '2024-05-01T10:00:00.000Z']);
    assert.equal(map((r) => (r.resource!.updatedAt = 'ayer')).sourceModified, 'ayer', 'an unreadable time is passed on as declared');
  });

  it('gives a tabular dataset its CSV and JSON exports on its own domain, and a link or a file none', () => {
    const urls = map().distributions.map((d) => [d.downloadURL, d.format?.raw, d.mediaType?.raw]);
    assert.deepEqual(urls, [
      ['https://www.datos.gov.co/api/views/abcd-1234/rows.csv?accessType=DOWNLOAD', 'CSV', 'text/csv'],
      ['https://www.datos.gov.co/resource/abcd-1234.json', 'JSON', 'application/json'],
    ]);
    assert.deepEqual(map((r) => (r.resource!.lens_view_type = 'href')).distributions, []);
    assert.deepEqual(map((r) => (r.resource!.lens_view_type = 'blobby')).distributions, []);
    assert.deepEqual(map((r) => (r.resource!.type = 'map')).distributions, []);
  });

  it('when the record names no domain, builds its addresses on the portal\'s domain (options.domain first)', () => {
    const other = testPortal({ platform: 'socrata', url: 'http://127.0.0.1:9', options: { domain: 'datos.example.gov.co' } });
    const record = base();
    record.metadata = {};
    const draft = socrata.toDcat(record, other);
    assert.equal(draft.identifier, 'https://datos.example.gov.co/api/views/abcd-1234');
    assert.equal(draft.landingPage, 'https://datos.example.gov.co/d/abcd-1234');
    assert.equal(draft.distributions[0].downloadURL, 'https://datos.example.gov.co/api/views/abcd-1234/rows.csv?accessType=DOWNLOAD');
  });

  it('takes the landing page from link, else permalink, ignoring values that are not http(s) URLs', () => {
    assert.equal(map((r) => Object.assign(r, { link: 'https://www.datos.gov.co/Educaci-n/Conjunto/abcd-1234', permalink: 'https://www.datos.gov.co/d/abcd-1234' })).landingPage, 'https://www.datos.gov.co/Educaci-n/Conjunto/abcd-1234');
    assert.equal(map((r) => Object.assign(r, { link: 'javascript:void(0)', permalink: 'https://www.datos.gov.co/d/abcd-1234' })).landingPage, 'https://www.datos.gov.co/d/abcd-1234');
  });

  it('joins the portal\'s and Socrata\'s tags as keywords and its category and Socrata\'s categories as themes, once each', () => {
    const draft = map((r) => (r.classification = { domain_tags: ['agua', 'riego', 'agua'], tags: ['water', 'riego', 3 as unknown as string], domain_category: 'Agricultura', categories: ['agriculture', 'Agricultura'] }));
    assert.deepEqual(draft.keywords, ['agua', 'riego', 'water']);
    assert.deepEqual(draft.themes, [{ label: 'Agricultura' }, { label: 'agriculture' }]);
  });

  it('reads a data.json dataset: comma-separated keywords, mailto: emails, a licence URL, a distribution list that is not a list', () => {
    const dataset = {
      identifier: 'https://www.datos.gov.co/api/views/wxyz-9876',
      title: 'Conjunto desde data.json',
      keyword: 'agua, riego',
      contactPoint: { fn: 'Oficina', hasEmail: 'mailto:oficina@datos.gov.co' },
      license: 'https://creativecommons.org/licenses/by/4.0/',
      distribution: [{ accessURL: 'https://www.datos.gov.co/d/wxyz-9876', format: 'HTML' }, 'no es un objeto'],
    };
    const draft = socrata.toDcat(dataset, portal);
    assert.equal(draft.sourceId, 'wxyz-9876');
    assert.deepEqual(draft.keywords, ['agua', 'riego']);
    assert.deepEqual(draft.contactPoint, { name: 'Oficina', email: 'oficina@datos.gov.co', url: undefined });
    assert.deepEqual(draft.license, { raw: 'https://creativecommons.org/licenses/by/4.0/', url: 'https://creativecommons.org/licenses/by/4.0/' });
    assert.deepEqual(draft.distributions.map((d) => [d.id, d.downloadURL, d.format?.raw]), [['https://www.datos.gov.co/d/wxyz-9876', undefined, 'HTML']]);
    assert.throws(() => socrata.toDcat({ ...dataset, distribution: 'x' as unknown as unknown[] }, portal), isBadRecord('wxyz-9876'));
    assert.throws(() => socrata.toDcat({ title: 'Sin identificador' }, portal), isBadRecord());
    assert.equal(socrata.sourceId({ identifier: 'urn:uuid:1234', title: 'Otro' }), 'urn:uuid:1234', 'an identifier that is not a Socrata view is kept whole');
  });
});

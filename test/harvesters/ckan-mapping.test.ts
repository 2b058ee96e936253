/** Unit tests of the CKAN mapping for the variants the golden catalog does not cover. */
import assert from 'node:assert/strict';
import { ckan, type CkanPackage } from '../../harvesters/ckan.js';
import { RecordError } from '../../src/errors.js';
import { testPortal } from '../support/portal-config.js';

const portal = testPortal({ url: 'https://datos.gob.mx/busca/api/3/action/package_search' });
const map = (pkg: Partial<CkanPackage>) => ckan.toDcat({ id: 'p1', name: 'conjunto', title: 'Conjunto', ...pkg }, portal);

describe('CKAN harvester: mapping', () => {
  it('when the record is not an object, throws a bad_record RecordError', () => {
    for (const raw of [null, 'texto', 42, []]) {
      assert.throws(() => ckan.toDcat(raw as unknown as CkanPackage, portal), (e: unknown) => e instanceof RecordError && e.code === 'bad_record');
    }
  });

  it('when the package has a name but no id, uses the name as source id', () => {
    const draft = ckan.toDcat({ name: 'solo-nombre', title: 'Solo nombre' }, portal);
    assert.equal(draft.sourceId, 'solo-nombre');
    assert.equal(ckan.sourceId({ name: 'solo-nombre' }), 'solo-nombre');
  });

  it('builds the landing page under the site path prefix when the package has no URL', () => {
    assert.equal(map({ url: '' }).landingPage, 'https://datos.gob.mx/busca/dataset/conjunto');
    assert.equal(map({ url: 'no es una URL' }).landingPage, 'https://datos.gob.mx/busca/dataset/conjunto');
  });

  it('reads extras whatever their case, accents or spacing, and scheming fields at the top level', () => {
    const draft = map({
      extras: [
        { key: 'Frecuencia de Actualización', value: 'Trimestral' },
        { key: 'Nivel de acceso', value: 'Restringido' },
        { key: 'identifier', value: 'https://datos.gob.mx/id/conjunto' },
      ],
      idioma: ['es', 'en'],
      temporal_start: '2020-01-01',
      temporal_end: '2020-06-30',
    });
    assert.deepEqual(draft.accrualPeriodicity, { raw: 'Trimestral' });
    assert.deepEqual(draft.accessRights, { raw: 'Restringido' });
    assert.equal(draft.identifier, 'https://datos.gob.mx/id/conjunto');
    assert.deepEqual(draft.language, ['es', 'en']);
    assert.deepEqual(draft.temporal, { start: { raw: '2020-01-01' }, end: { raw: '2020-06-30' }, raw: undefined });
  });

  it('when an extra and a top-level field share a name, the extra wins', () => {
    assert.deepEqual(map({ extras: [{ key: 'frequency', value: 'Mensual' }], frequency: 'Anual' }).accrualPeriodicity, { raw: 'Mensual' });
  });

  it('reads the bounding box of a GeoJSON FeatureCollection and ignores projected coordinates', () => {
    const collection = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [-79.0, -2.9] } }, { type: 'Feature', geometry: { type: 'Point', coordinates: [-78.5, -0.2] } }] };
    assert.deepEqual(map({ extras: [{ key: 'spatial', value: JSON.stringify(collection) }] }).spatial?.bbox, [-79.0, -2.9, -78.5, -0.2]);
    const utm = { type: 'Point', coordinates: [721000, 9680000] };
    assert.equal(map({ extras: [{ key: 'spatial', value: JSON.stringify(utm) }] }).spatial, undefined);
    assert.equal(map({ extras: [{ key: 'spatial', value: '{roto' }] }).spatial, undefined);
  });

  it('keeps an ISO repeating interval as the temporal raw value without inventing dates', () => {
    assert.deepEqual(map({ extras: [{ key: 'temporal', value: 'R/P1Y' }] }).temporal, { start: undefined, end: undefined, raw: 'R/P1Y' });
  });

  it('sets downloadURL only for uploads and file links, never for APIs or web pages', () => {
    const draft = map({
      resources: [
        { id: 'a', url: 'https://x.gob.ec/api/3/action/datastore_search?resource_id=a', format: 'API' },
        { id: 'b', url: 'https://x.gob.ec/descarga?id=9', url_type: 'upload' },
        { id: 'c', url: 'https://x.gob.ec/archivos/datos.XLSX' },
        { id: 'd', url: 'https://x.gob.ec/visor' },
      ],
    });
    assert.deepEqual(draft.distributions.map((d) => Boolean(d.downloadURL)), [false, true, true, false]);
  });

  it('reads sizes and checksums as portals write them', () => {
    const draft = map({
      resources: [
        { id: 'a', url: 'https://x/a.csv', size: '1024', hash: 'SHA256:abc' },
        { id: 'b', url: 'https://x/b.csv', size: '1,5 MB', hash: 'da39a3ee5e6b4b0d3255bfef95601890afd80709' },
        { id: 'c', url: 'https://x/c.csv', size: -3, hash: 'cualquiera' },
      ],
    });
    assert.deepEqual(draft.distributions.map((d) => d.byteSize), [1024, undefined, undefined]);
    assert.deepEqual(draft.distributions.map((d) => d.checksum), [
      { algorithm: 'sha256', value: 'abc' },
      { algorithm: 'sha1', value: 'da39a3ee5e6b4b0d3255bfef95601890afd80709' },
      { value: 'cualquiera' },
    ]);
  });

  it('skips resources that are not objects and numbers the ones without id or URL', () => {
    const draft = map({ resources: ['texto', null, { name: 'Sin enlace' }] as unknown as CkanPackage['resources'] });
    assert.deepEqual(draft.distributions.map((d) => [d.id, d.title]), [['resource-1', 'Sin enlace']]);
  });

  it('falls back from maintainer to author for the contact point, and leaves it out when neither is given', () => {
    assert.deepEqual(map({ maintainer: ' ', author: 'Unidad de Datos', author_email: 'datos@x.gob.ec' }).contactPoint, { name: 'Unidad de Datos', email: 'datos@x.gob.ec' });
    assert.equal(map({}).contactPoint, undefined);
  });
});

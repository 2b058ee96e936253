/** Unit tests of the DKAN mapping for the variants the golden catalogs do not cover, and of malformed records. */
import assert from 'node:assert/strict';
import { dkan, type DkanRecord } from '../../harvesters/dkan.js';
import { dkanSite } from '../../harvesters/dkan-api.js';
import { RecordError } from '../../src/errors.js';
import { testPortal } from '../support/portal-config.js';

const portal = testPortal({ platform: 'dkan', url: 'https://datos.example.gov.py/data.json' });
const isRecordError = (code: string) => (e: unknown) => e instanceof RecordError && e.code === code;
const map7 = (pkg: Record<string, unknown>) => dkan.toDcat({ api: 'dkan7', package: { id: 'u-1', name: 'conjunto', title: 'Conjunto', ...pkg } }, portal);
const map2 = (dataset: Record<string, unknown>) => dkan.toDcat({ api: 'dkan2', dataset: { identifier: 'u-2', title: 'Conjunto', ...dataset } }, portal);

describe('DKAN harvester: mapping', () => {
  it('when the record is not an object or names no API, throws a bad_record RecordError', () => {
    for (const raw of [null, 'texto', 42, [], { api: 'dkan9' }]) {
      assert.throws(() => dkan.toDcat(raw as unknown as DkanRecord, portal), isRecordError('bad_record'));
      assert.equal(dkan.sourceId(raw as unknown as DkanRecord), undefined);
    }
  });

  it('when the package or dataset inside is not an object, throws a bad_record RecordError', () => {
    assert.throws(() => dkan.toDcat({ api: 'dkan7', package: ['lista'] }, portal), isRecordError('bad_record'));
    assert.throws(() => dkan.toDcat({ api: 'dkan2', dataset: 'texto' }, portal), isRecordError('bad_record'));
  });

  it('a dataset package_show could not give is a fetch_failed record naming its URL, with the listed name as id', () => {
    const raw: DkanRecord = { api: 'unfetched', id: 'mapa-de-baches', url: 'https://datos.example.gov.py/api/3/action/package_show?id=mapa-de-baches', code: 'timeout', message: 'The request to … timed out.' };
    assert.equal(dkan.sourceId(raw), 'mapa-de-baches');
    assert.throws(() => dkan.toDcat(raw, portal), (e: unknown) => e instanceof RecordError && e.code === 'fetch_failed' && e.sourceId === 'mapa-de-baches' && /\(timeout\)/.test(e.message));
  });

  it('a DKAN 7 package is known by its uuid, and by its name when it has none', () => {
    assert.equal(dkan.sourceId({ api: 'dkan7', package: { id: 'u-1', name: 'conjunto' } }), 'u-1');
    assert.equal(dkan.sourceId({ api: 'dkan7', package: { name: 'conjunto' } }), 'conjunto');
    assert.throws(() => dkan.toDcat({ api: 'dkan7', package: { title: 'Sin id' } }, portal), isRecordError('bad_record'));
  });

  it('DKAN 7: the first group is the publisher and no group is a theme; a CKAN-style organization wins', () => {
    const groups = [{ name: 'finanzas', title: 'Dirección de Finanzas' }, { name: 'obras', title: 'Dirección de Obras' }];
    const draft = map7({ groups, extras: [{ key: 'tema', value: 'Economía' }] });
    assert.deepEqual(draft.publisher, { name: 'Dirección de Finanzas', id: 'finanzas' });
    assert.deepEqual(draft.themes, [{ label: 'Economía' }]);
    assert.deepEqual(map7({ groups, organization: { name: 'municipalidad', title: 'Municipalidad' } }).publisher, { name: 'Municipalidad', id: 'municipalidad', uri: undefined });
  });

  it('DKAN 7: an ISO metadata_modified is the source modification time; a localized one is left to normalization', () => {
    assert.equal(map7({ metadata_modified: '2023-05-02T14:03:11.123456' }).sourceModified, '2023-05-02T14:03:11.123Z');
    const localized = map7({ metadata_modified: 'mar, 10/12/2019 - 09:23' });
    assert.equal(localized.sourceModified, undefined);
    assert.deepEqual(localized.modified, { raw: 'mar, 10/12/2019 - 09:23' });
  });

  it('DKAN 7: without a dataset URL, the landing page is built under the site root, not under data.json', () => {
    assert.equal(map7({ url: null }).landingPage, 'https://datos.example.gov.py/dataset/conjunto');
  });

  it('DKAN 2: a licence that is not a URL, a single distribution object, one keyword as text', () => {
    const draft = map2({ license: 'Licencia municipal', distribution: { downloadURL: 'https://datos.example.bo/a.csv', format: 'csv' }, keyword: 'tránsito' });
    assert.deepEqual(draft.license, { raw: 'Licencia municipal', url: undefined });
    assert.equal(draft.distributions.length, 1);
    assert.equal(draft.distributions[0].accessURL, 'https://datos.example.bo/a.csv');
    assert.deepEqual(draft.keywords, ['tránsito']);
  });

  it('DKAN 2: without a landingPage, the dataset page is built under the site root from the uuid; a declared one wins', () => {
    assert.equal(map2({}).landingPage, 'https://datos.example.gov.py/dataset/u-2');
    assert.equal(map2({ landingPage: 'https://datos.example.gov.py/dataset/conjunto' }).landingPage, 'https://datos.example.gov.py/dataset/conjunto');
  });

  it('DKAN 2: spatial as a GeoJSON object, as a bounding box, as a place name', () => {
    assert.deepEqual(map2({ spatial: { type: 'Point', coordinates: [-57.6, -25.3] } }).spatial, { bbox: [-57.6, -25.3, -57.6, -25.3] });
    assert.deepEqual(map2({ spatial: '-57.7,-25.4,-57.5,-25.2' }).spatial, { bbox: [-57.7, -25.4, -57.5, -25.2] });
    assert.deepEqual(map2({ spatial: 'Asunción' }).spatial, { label: 'Asunción' });
    assert.equal(map2({ spatial: '{"type": "Polygon", "coordinates": [[[500, 500]]]}' }).spatial, undefined);
  });

  it('DKAN 2: a distribution without URLs keeps its position as id; entries that are not objects are skipped', () => {
    const draft = map2({ distribution: [{ title: 'Sin enlace' }, 'https://datos.example.bo/b.csv', null] });
    assert.deepEqual(draft.distributions.map((d) => d.id), ['distribution-1']);
  });

  it('reads the site root from any URL of the portal', () => {
    for (const url of ['https://d.example.gov.py', 'https://d.example.gov.py/', 'https://d.example.gov.py/data.json', 'https://d.example.gov.py/api/3/action/package_list', 'https://d.example.gov.py/api/1/search?page=1', 'https://d.example.gov.py/api/1/metastore/schemas/dataset/items']) {
      assert.equal(dkanSite(url).root, 'https://d.example.gov.py', url);
    }
    assert.equal(dkanSite('https://municipio.example.bo/datos/api/1/search').root, 'https://municipio.example.bo/datos');
    assert.equal(dkanSite('https://municipio.example.bo/datos/api/1/search').hint, 2);
    assert.equal(dkanSite('https://municipio.example.bo/api/3').hint, 7);
    assert.equal(dkanSite('https://municipio.example.bo/').hint, undefined);
  });
});

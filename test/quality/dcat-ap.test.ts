import assert from 'node:assert/strict';
import type { Dataset } from '../../src/dcat/types.js';
import { checkDcatAp, conformsToDcatAp } from '../../src/quality/dcat-ap.js';
import { fullDataset, fullDistribution } from './build.js';

const codes = (d: Dataset) => checkDcatAp(d).map((v) => `${v.severity}:${v.code}@${v.path}`);
const dist = (patch: Parameters<typeof fullDistribution>[0]) => fullDataset({ distributions: [fullDistribution(patch)] });

describe('DCAT-AP 3 conformance (I6)', () => {
  it('a complete, well-formed record breaks no rule', () => {
    assert.deepEqual(checkDcatAp(fullDataset()), []);
  });

  const errors: [string, Dataset, string][] = [
    ['no title', fullDataset({ title: ' ' }), 'error:title_missing@title'],
    ['no description', fullDataset({ description: 'n/a' }), 'error:description_missing@description'],
    ['a distribution without access URL', dist({ accessURL: undefined }), 'error:access_url_missing@distributions[0].accessURL'],
    ['an access URL with spaces', dist({ accessURL: 'https://x.gob.ec/mi archivo.csv' }), 'error:access_url_not_iri@distributions[0].accessURL'],
    ['a relative download URL', dist({ downloadURL: '/files/a.csv' }), 'error:download_url_not_iri@distributions[0].downloadURL'],
    ['a landing page without scheme', fullDataset({ landingPage: 'datos.gob.ec/x' }), 'error:landing_page_not_iri@landingPage'],
    ['a licence URL that is a name', fullDataset({ license: { url: 'CC BY 4.0' } }), 'error:license_url_not_iri@license.url'],
    ['a distribution licence URL that is a name', dist({ license: { url: 'Libre' } }), 'error:license_url_not_iri@distributions[0].license.url'],
    ['a standard that is a text', fullDataset({ conformsTo: ['ISO 19115'] }), 'error:conforms_to_not_iri@conformsTo[0]'],
    ['a spatial URI that is a text', fullDataset({ spatial: { uri: 'Quito' } }), 'error:spatial_uri_not_iri@spatial.uri'],
    ['a publisher URI that is not http(s)', fullDataset({ publisher: { name: 'X', uri: 'urn:x' } }), 'error:publisher_uri_not_iri@publisher.uri'],
    ['a date that did not parse', fullDataset({ issued: { raw: 'ayer' } }), 'error:date_unparseable@issued'],
    ['a temporal end that did not parse', fullDataset({ temporal: { end: { raw: 'fin' } } }), 'error:date_unparseable@temporal.end'],
    ['a distribution date that is impossible', dist({ modified: { value: '2025-02-29' } }), 'error:date_unparseable@distributions[0].modified'],
    ['a fractional byte size', dist({ byteSize: 10.5 }), 'error:byte_size_invalid@distributions[0].byteSize'],
    ['a negative byte size', dist({ byteSize: -1 }), 'error:byte_size_invalid@distributions[0].byteSize'],
    ['a checksum without algorithm', dist({ checksum: { value: 'abc123' } }), 'error:checksum_algorithm_missing@distributions[0].checksum.algorithm'],
    ['a checksum that is not hex', dist({ checksum: { algorithm: 'MD5', value: 'md5:xyz' } }), 'error:checksum_value_invalid@distributions[0].checksum.value'],
    ['a publisher with id but no name', fullDataset({ publisher: { id: 'org-1' } }), 'error:publisher_name_missing@publisher.name'],
  ];
  for (const [situation, d, expected] of errors) {
    it(`with ${situation}, reports ${expected.split('@')[0]} and fails`, () => {
      assert.deepEqual(codes(d), [expected]);
      assert.equal(conformsToDcatAp(checkDcatAp(d)), false);
    });
  }

  const warnings: [string, Dataset, string][] = [
    ['an unrecognized format', dist({ format: { raw: 'planilla' } }), 'warning:format_not_in_vocabulary@distributions[0].format'],
    ['a media type that is not IANA', dist({ mediaType: { raw: 'excel' } }), 'warning:media_type_not_in_vocabulary@distributions[0].mediaType'],
    ['an unrecognized frequency', fullDataset({ accrualPeriodicity: { raw: 'a veces' } }), 'warning:frequency_not_in_vocabulary@accrualPeriodicity'],
    ['unrecognized access rights', fullDataset({ accessRights: { raw: 'libre' } }), 'warning:access_rights_not_in_vocabulary@accessRights'],
    ['a theme without EU code', fullDataset({ themes: [{ label: 'Salud' }] }), 'warning:theme_not_in_vocabulary@themes[0]'],
    ['a language that is not an EU code', fullDataset({ language: ['es'] }), 'warning:language_not_in_vocabulary@language[0]'],
    ['a malformed contact e-mail', fullDataset({ contactPoint: { email: 'datos(at)gob.ec' } }), 'warning:contact_email_invalid@contactPoint.email'],
    ['a contact URL without scheme', fullDataset({ contactPoint: { url: 'www.gob.ec' } }), 'warning:contact_url_not_iri@contactPoint.url'],
    ['a temporal start after its end', fullDataset({ temporal: { start: { value: '2024-01-01' }, end: { value: '2020-01-01' } } }), 'warning:temporal_start_after_end@temporal'],
    ['a bounding box upside down', fullDataset({ spatial: { bbox: [-79, 2, -78, 1] } }), 'warning:spatial_bbox_invalid@spatial.bbox'],
  ];
  for (const [situation, d, expected] of warnings) {
    it(`with ${situation}, warns ${expected.split('@')[0]} and still conforms`, () => {
      assert.deepEqual(codes(d), [expected]);
      assert.equal(conformsToDcatAp(checkDcatAp(d)), true);
    });
  }

  it('accepts an ftp access URL (any absolute IRI) but not an ftp landing page', () => {
    assert.deepEqual(codes(dist({ accessURL: 'ftp://ftp.inec.gob.ec/censo.zip' })), []);
    assert.deepEqual(codes(fullDataset({ landingPage: 'ftp://ftp.inec.gob.ec/' })), ['error:landing_page_not_iri@landingPage']);
  });
});

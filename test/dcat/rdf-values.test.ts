import assert from 'node:assert/strict';
import { dateLiteral, mailto, toIri, wktPolygon } from '../../src/dcat/rdf-values.js';
import { datasetIri } from '../../src/dcat/dataset-rdf.js';

describe('RDF value helpers', () => {
  it('accept absolute IRIs and refuse relative paths, spaces and scheme-only http', () => {
    assert.equal(toIri(' https://datos.gob.ec/a?b=1#c '), 'https://datos.gob.ec/a?b=1#c');
    assert.equal(toIri('urn:isbn:978'), 'urn:isbn:978');
    assert.equal(toIri('descargas/archivo.csv'), undefined);
    assert.equal(toIri('https://datos.gob.ec/mi archivo.csv'), undefined);
    assert.equal(toIri('http:datos.gob.ec'), undefined);
    assert.equal(toIri('https://x.ec/<script>'), undefined);
  });

  it('turn an address into a mailto: IRI once, and ignore what is not an address', () => {
    assert.equal(mailto('ana@gob.ec')?.iri, 'mailto:ana@gob.ec');
    assert.equal(mailto('MAILTO:ana@gob.ec')?.iri, 'mailto:ana@gob.ec');
    assert.equal(mailto('escribir a Ana'), undefined);
  });

  it('type dates by shape and skip values that are not ISO dates', () => {
    assert.equal(dateLiteral({ value: '2024-03-01' })?.datatype, 'xsd:date');
    assert.equal(dateLiteral('2024-03-01T10:00:00+05:00')?.datatype, 'xsd:dateTime');
    assert.equal(dateLiteral({ value: '2024' })?.datatype, 'xsd:gYear');
    assert.equal(dateLiteral({ raw: 'marzo' }), undefined);
    assert.equal(dateLiteral({ value: '2024-03-01T10:00Z' }), undefined);
  });

  it('write a bounding box as a closed polygon, and nothing for a broken one', () => {
    assert.equal(wktPolygon([-79, -3, -78, -2])?.value, 'POLYGON((-79 -3, -78 -3, -78 -2, -79 -2, -79 -3))');
    assert.equal(wktPolygon([Number.NaN, 0, 1, 1]), undefined);
  });

  it('percent-encode characters an IRI cannot hold in urn:cosecha ids', () => {
    assert.equal(datasetIri('loja:plan #2 ?'), 'urn:cosecha:dataset:loja:plan%20%232%20%3F');
  });
});

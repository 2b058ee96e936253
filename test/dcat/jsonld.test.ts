import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { DCAT_CONTEXT, catalogToJsonLd, datasetToJsonLd, writeJsonLd, type JsonLdObject } from '../../src/dcat/jsonld.js';
import { sampleDataset } from './sample-dataset.js';

const EU = 'http://publications.europa.eu/resource/authority';
const ID = 'urn:cosecha:dataset:ec-datos:matricula-escolar-2023';

function collectKeys(value: unknown, keys: Set<string>, types: Set<string>): void {
  if (Array.isArray(value)) return value.forEach((v) => collectKeys(v, keys, types));
  if (typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    if (key === '@type' && typeof child === 'string') types.add(child);
    else if (!key.startsWith('@')) keys.add(key);
    if (key === '@reverse' || !key.startsWith('@')) collectKeys(child, keys, types);
  }
}

describe('datasetToJsonLd', () => {
  const node = datasetToJsonLd(sampleDataset(), {}) as Record<string, any>;

  it('names the dataset urn:cosecha:dataset:<id> without a base URL, and the API URL with one', () => {
    assert.equal(node['@id'], ID);
    assert.equal(node['@type'], 'Dataset');
    const withBase = datasetToJsonLd(sampleDataset(), { baseUrl: 'https://cosecha.example.org/' }) as Record<string, any>;
    assert.equal(withBase['@id'], 'https://cosecha.example.org/api/datasets/ec-datos%3Amatricula-escolar-2023');
    assert.equal(withBase.distribution[1]['@id'], `${withBase['@id']}#dist-2`);
  });

  it('when the record is in Spanish, tags title, description and keywords @es, keeping quotes and newlines', () => {
    assert.deepEqual(node.title, { '@value': 'Matrícula escolar por año lectivo', '@language': 'es' });
    assert.equal(node.description['@language'], 'es');
    assert.match(node.description['@value'], /^Registro "AMIE" de estudiantes matriculados\.\nIncluye/);
    assert.deepEqual(node.keyword, [{ '@value': 'educación', '@language': 'es' }, { '@value': 'matrícula', '@language': 'es' }]);
    assert.equal(node.identifier, 'MINEDUC-AMIE-2023');
  });

  it('when the record declares no Spanish, writes text without a language tag', () => {
    const english = datasetToJsonLd(sampleDataset({ language: ['ENG'] }), {}) as Record<string, any>;
    assert.equal(english.title, 'Matrícula escolar por año lectivo');
    assert.deepEqual(english.language, [`${EU}/language/ENG`]);
  });

  it('maps coded themes to EU data-theme IRIs and keeps an uncoded label on a skos:Concept', () => {
    assert.deepEqual(node.theme, [
      `${EU}/data-theme/EDUC`,
      { '@type': 'Concept', prefLabel: { '@value': 'Niñez y adolescencia', '@language': 'es' } },
    ]);
  });

  it('writes the publisher as foaf:Agent and the contact point as vcard:Kind with mailto: IRIs', () => {
    assert.deepEqual(node.publisher, { '@type': 'Agent', name: 'Ministerio de Educación', identifier: 'mineduc', mbox: 'mailto:datos@educacion.gob.ec' });
    assert.deepEqual(node.contactPoint, {
      '@type': 'Kind',
      fn: 'Dirección Nacional de Análisis e Información Educativa',
      hasEmail: 'mailto:amie@educacion.gob.ec',
      hasURL: 'https://educacion.gob.ec/amie/',
    });
  });

  it('types parsed dates xsd:date or xsd:dateTime by their shape and leaves unparsed ones out', () => {
    assert.deepEqual(node.issued, { '@value': '2023-09-01', '@type': 'xsd:date' });
    assert.deepEqual(node.modified, { '@value': '2024-02-15T14:30:00.000Z', '@type': 'xsd:dateTime' });
    assert.deepEqual(node.temporal, { '@type': 'PeriodOfTime', startDate: { '@value': '2023-09-01', '@type': 'xsd:date' } });
    assert.equal(node.distribution[1].modified, undefined);
  });

  it('maps frequency, language, access rights and licence to their vocabulary IRIs', () => {
    assert.equal(node.accrualPeriodicity, `${EU}/frequency/ANNUAL`);
    assert.deepEqual(node.language, [`${EU}/language/SPA`]);
    assert.equal(node.accessRights, `${EU}/access-right/PUBLIC`);
    assert.equal(node.license, 'https://spdx.org/licenses/CC-BY-4.0');
    assert.equal(node.version, '2023-2024');
  });

  it('when the frequency is not recognized, keeps the declared label on a dct:Frequency', () => {
    const odd = datasetToJsonLd(sampleDataset({ accrualPeriodicity: { raw: 'cuando hay presupuesto' } }), {}) as Record<string, any>;
    assert.deepEqual(odd.accrualPeriodicity, { '@type': 'Frequency', label: { '@value': 'cuando hay presupuesto', '@language': 'es' } });
  });

  it('writes the bounding box as a WKT polygon and links back to the source landing page', () => {
    assert.deepEqual(node.spatial, {
      '@type': 'Location',
      prefLabel: { '@value': 'Ecuador', '@language': 'es' },
      bbox: 'POLYGON((-81.08 -5.02, -75.19 -5.02, -75.19 1.68, -81.08 1.68, -81.08 -5.02))',
    });
    assert.equal(DCAT_CONTEXT.bbox && (DCAT_CONTEXT.bbox as JsonLdObject)['@type'], 'gsp:wktLiteral');
    assert.equal(node.landingPage, 'https://www.datosabiertos.gob.ec/dataset/matricula-escolar-2023');
  });

  it('maps a distribution: IRIs for links, EU file type, IANA media type, typed size and checksum', () => {
    const [csv] = node.distribution;
    assert.equal(csv['@id'], `${ID}#dist-1`);
    assert.equal(csv.accessURL, 'https://www.datosabiertos.gob.ec/dataset/matricula-escolar-2023/resource/res-1');
    assert.equal(csv.downloadURL, 'https://www.datosabiertos.gob.ec/datastore/dump/res-1.csv');
    assert.equal(csv.format, `${EU}/file-type/CSV`);
    assert.equal(csv.mediaType, 'https://www.iana.org/assignments/media-types/text/csv');
    assert.equal(csv.byteSize, '1048576');
    assert.equal(csv.license, 'https://www.datosabiertos.gob.ec/licencia');
    assert.deepEqual(csv.rights, { '@type': 'RightsStatement', label: { '@value': 'Citar al Ministerio de Educación como fuente.', '@language': 'es' } });
    assert.equal(csv.checksum.algorithm, 'http://spdx.org/rdf/terms#checksumAlgorithm_sha256');
    assert.equal(csv.checksum.checksumValue['@type'], 'xsd:hexBinary');
  });

  it('when a link is not an absolute IRI, leaves it out instead of writing invalid RDF', () => {
    const second = node.distribution[1];
    assert.equal(second.accessURL, undefined);
    assert.deepEqual(node.conformsTo, ['https://www.datosabiertos.gob.ec/normas/amie']);
    assert.deepEqual(second.format, { '@type': 'MediaTypeOrExtent', label: { '@value': 'SHP comprimido', '@language': 'es' } });
    assert.deepEqual(second.license, { '@type': 'LicenseDocument', label: { '@value': 'Licencia institucional', '@language': 'es' } });
  });

  it('records the harvest as a dcat:CatalogRecord whose primary topic is the dataset', () => {
    assert.deepEqual(node['@reverse'].primaryTopic, [
      {
        '@id': `${ID}#record`,
        '@type': 'CatalogRecord',
        identifier: 'ec-datos:matricula-escolar-2023',
        modified: { '@value': '2024-03-01T06:00:00.000Z', '@type': 'xsd:dateTime' },
        source: 'https://www.datosabiertos.gob.ec/api/3/action/package_show?id=matricula-escolar-2023',
      },
    ]);
  });

  it('uses only terms and classes the offline context defines', () => {
    const keys = new Set<string>();
    const types = new Set<string>();
    collectKeys(node, keys, types);
    for (const key of keys) assert.ok(key in DCAT_CONTEXT, `term ${key} is not in the context`);
    for (const type of types) assert.ok(type in DCAT_CONTEXT || /^[a-z]+:/.test(type), `type ${type} is not in the context`);
    for (const value of Object.values(DCAT_CONTEXT)) {
      const id = typeof value === 'string' ? value : String((value as JsonLdObject)['@id']);
      const prefix = id.split(':')[0];
      assert.ok(prefix === 'http' || prefix === 'https' || prefix in DCAT_CONTEXT, `prefix of ${id} is undefined`);
    }
  });
});

describe('catalogToJsonLd', () => {
  it('wraps the datasets in one @graph headed by a dcat:Catalog that links to each of them', () => {
    const doc = catalogToJsonLd([sampleDataset(), sampleDataset({ id: 'ec-datos:otro' })], { portalId: 'ec-datos' }) as Record<string, any>;
    assert.equal(doc['@context'], DCAT_CONTEXT);
    const [catalog, ...datasets] = doc['@graph'];
    assert.equal(catalog['@id'], 'urn:cosecha:catalog:ec-datos');
    assert.equal(catalog['@type'], 'Catalog');
    assert.equal(catalog.title['@language'], 'es');
    assert.deepEqual(catalog.dataset, [ID, 'urn:cosecha:dataset:ec-datos:otro']);
    assert.deepEqual(catalog.record, [`${ID}#record`, 'urn:cosecha:dataset:ec-datos:otro#record']);
    assert.deepEqual(datasets.map((d: JsonLdObject) => d['@id']), catalog.dataset);
  });
});

describe('writeJsonLd', () => {
  it('streams two batches as one JSON-LD document with the context once', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    await writeJsonLd((async function* () {
      yield [sampleDataset()];
      yield [];
      yield [sampleDataset({ id: 'ec-datos:otro' })];
    })(), out, {});
    const doc = JSON.parse(text) as { '@context': unknown; '@graph': Array<Record<string, any>> };
    assert.equal(text.split('"@context"').length, 2);
    const datasets = doc['@graph'].filter((n) => n['@type'] === 'Dataset');
    assert.deepEqual(datasets.map((d) => d['@id']), [ID, 'urn:cosecha:dataset:ec-datos:otro']);
    const links = doc['@graph'].filter((n) => n['@id'] === 'urn:cosecha:catalog').flatMap((n) => n.dataset ?? []);
    assert.deepEqual(links, [ID, 'urn:cosecha:dataset:ec-datos:otro']);
  });
});

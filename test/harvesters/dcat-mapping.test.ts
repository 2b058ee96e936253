/** The DCAT mapping on the quirks portals have: one small Turtle dataset per situation. */
import assert from 'node:assert/strict';
import { dcat } from '../../harvesters/dcat.js';
import { isRecordError } from '../../src/errors.js';
import { normalize } from '../../src/normalize/index.js';
import { testPortal } from '../support/portal-config.js';
import { draftOf, PREFIXES, recordsOf } from './dcat-support.js';

const DS = '<https://datos.gob.ec/dataset/d1> a dcat:Dataset ; dct:identifier "d1" ; dct:title "Presupuesto municipal"@es';
const portal = testPortal({ platform: 'dcat' });

describe('DCAT harvester: mapping quirks', () => {
  it('reads a publisher published as a skos:Concept by its prefLabel, and one as a foaf:Agent by its foaf:name', async () => {
    const concept = await draftOf(`${DS} ; dct:publisher <https://datos.gob.ec/organization/gad-cuenca> .
      <https://datos.gob.ec/organization/gad-cuenca> a skos:Concept ; skos:prefLabel "GAD Municipal de Cuenca"@es, "Cuenca Municipality"@en .`);
    assert.deepEqual(concept.publisher, { name: 'GAD Municipal de Cuenca', uri: 'https://datos.gob.ec/organization/gad-cuenca' });
    const agent = await draftOf(`${DS} ; dct:publisher [ a foaf:Organization ; foaf:name "GAD Municipal de Loja" ; foaf:mbox <mailto:datos@loja.gob.ec> ] .`);
    assert.deepEqual(agent.publisher, { name: 'GAD Municipal de Loja', email: 'mailto:datos@loja.gob.ec' });
    const bare = await draftOf(`${DS} ; dct:publisher "Prefectura del Carchi" .`);
    assert.deepEqual(bare.publisher, { name: 'Prefectura del Carchi' });
  });

  it('reads URLs written as plain literals like IRIs', async () => {
    const draft = await draftOf(`${DS} ; dcat:landingPage "https://datos.gob.ec/dataset/presupuesto" ;
      dcat:distribution [ a dcat:Distribution ; dcat:accessURL "https://datos.gob.ec/descargas/presupuesto.csv" ; dcat:downloadURL "https://datos.gob.ec/descargas/presupuesto.csv"^^xsd:anyURI ] .`);
    assert.equal(draft.landingPage, 'https://datos.gob.ec/dataset/presupuesto');
    assert.equal(draft.distributions[0].accessURL, 'https://datos.gob.ec/descargas/presupuesto.csv');
    assert.equal(draft.distributions[0].downloadURL, 'https://datos.gob.ec/descargas/presupuesto.csv');
    assert.equal(draft.distributions[0].id, 'https://datos.gob.ec/descargas/presupuesto.csv', 'a blank distribution is named by its URL');
  });

  it('reads sizes written as decimals and doubles, and drops sizes that are not numbers', async () => {
    const sizes = async (literal: string) => (await draftOf(`${DS} ; dcat:distribution [ dcat:accessURL <https://datos.gob.ec/a.csv> ; dcat:byteSize ${literal} ] .`)).distributions[0].byteSize;
    assert.equal(await sizes('"1234.0"^^xsd:decimal'), 1234);
    assert.equal(await sizes('"2.5E6"^^xsd:double'), 2500000);
    assert.equal(await sizes('"20480"^^xsd:nonNegativeInteger'), 20480);
    assert.equal(await sizes('"-5"^^xsd:integer'), undefined);
    assert.equal(await sizes('"2,3 MB"'), undefined);
  });

  it('keeps the portal\'s language: Spanish over untagged over other languages, and never a machine translation', async () => {
    const draft = await draftOf(`<https://datos.gob.ec/dataset/d1> a dcat:Dataset ;
      dct:title "Municipal budget"@en, "Presupuesto municipal"@es-419, "Haushalt"@de-t-es-t0-mtec ;
      dct:description "Budget by program"@en-t-es-t0-mtec, "Budget by program (original English)"@en ;
      dcat:keyword "presupuesto"@es, "finanzas", "budget"@en, "Finanzen"@de-t-es-t0-mtec .`);
    assert.equal(draft.title, 'Presupuesto municipal');
    assert.equal(draft.description, 'Budget by program (original English)', 'the only human text');
    assert.deepEqual(draft.keywords, ['finanzas', 'presupuesto']);
    const english = await draftOf('<https://datos.gob.ec/dataset/d1> a dcat:Dataset ; dct:title "Budget"@en ; dcat:keyword "budget"@en, "money"@en-t-es-t0-mtec .');
    assert.deepEqual(english.keywords, ['budget'], 'other languages only when there is nothing in Spanish');
    const portuguese = await draftOf('<https://dados.gov.br/d/1> a dcat:Dataset ; dct:title "Presupuesto"@es, "Orçamento"@pt-BR .', { options: { language: 'pt' } });
    assert.equal(portuguese.title, 'Orçamento', 'the portal\'s configured language');
  });

  it('keeps dates as declared (xsd:date, xsd:dateTime, plain strings) for normalization to read', async () => {
    const draft = await draftOf(`${DS} ; dct:issued "2018-05"; dct:modified "2024-03-01T10:15:00.123456"^^xsd:dateTime ;
      dcat:distribution [ dcat:accessURL <https://datos.gob.ec/a.csv> ; dct:issued "2019-12-10"^^xsd:date ; dct:modified "mar, 10/12/2019 - 09:23" ] .`);
    assert.deepEqual(draft.issued, { raw: '2018-05' });
    assert.deepEqual(draft.modified, { raw: '2024-03-01T10:15:00.123456' });
    assert.equal(draft.sourceModified, '2024-03-01T10:15:00.123Z', 'a time without a zone is UTC');
    assert.deepEqual(draft.distributions[0].issued, { raw: '2019-12-10' });
    const dataset = normalize(draft, { portalId: 'ec-prueba', harvestedAt: '2024-04-01T00:00:00.000Z', runId: 'r1', sourceUrl: 'https://datos.gob.ec/catalog.ttl' });
    assert.equal(dataset.modified?.value, '2024-03-01T10:15:00.123Z');
    assert.equal(dataset.distributions[0].issued?.value, '2019-12-10');
  });

  it('takes the licence of the distributions when the dataset states none, and the dataset\'s own when it does', async () => {
    const dist = '[ dcat:accessURL <https://datos.gob.ec/a.csv> ; dct:license <https://creativecommons.org/licenses/by/4.0/> ]';
    assert.deepEqual((await draftOf(`${DS} ; dcat:distribution ${dist} .`)).license, { url: 'https://creativecommons.org/licenses/by/4.0/' });
    const own = await draftOf(`${DS} ; dct:license <http://publications.europa.eu/resource/authority/licence/ODC_BL> ; dcat:distribution ${dist} .`);
    assert.equal(own.license?.url, 'http://publications.europa.eu/resource/authority/licence/ODC_BL');
    const named = await draftOf(`${DS} ; dct:license [ a dct:LicenseDocument ; dct:title "Licencia abierta del Ecuador"@es ] .`);
    assert.deepEqual(named.license, { title: 'Licencia abierta del Ecuador' });
  });

  it('reads periods from dcat: or schema: dates, locations with a WKT or GeoJSON geometry, and contact points', async () => {
    const draft = await draftOf(`${DS} ;
      dct:temporal [ a dct:PeriodOfTime ; schema:startDate "2020-01-01"^^xsd:date ; schema:endDate "2020-12-31"^^xsd:date ] ;
      dct:spatial [ a dct:Location ; locn:geometry "<http://www.opengis.net/def/crs/OGC/1.3/CRS84> POLYGON((-79.1 -2.95, -78.9 -2.95, -78.9 -2.85, -79.1 -2.85, -79.1 -2.95))"^^gsp:wktLiteral ; skos:prefLabel "Cuenca"@es ] ;
      dcat:contactPoint [ a vcard:Kind ; vcard:fn "Unidad de Datos" ; vcard:hasEmail "datos@cuenca.gob.ec" ; vcard:hasURL <https://www.cuenca.gob.ec/contacto> ] ;
      dct:accrualPeriodicity "Anual" ; dct:language "es" ; dct:conformsTo <https://datos.gob.ec/esquemas/presupuesto.json> .`);
    assert.deepEqual(draft.temporal, { start: { raw: '2020-01-01' }, end: { raw: '2020-12-31' } });
    assert.deepEqual(draft.spatial, { label: 'Cuenca', bbox: [-79.1, -2.95, -78.9, -2.85] });
    assert.deepEqual(draft.contactPoint, { name: 'Unidad de Datos', email: 'datos@cuenca.gob.ec', url: 'https://www.cuenca.gob.ec/contacto' });
    assert.deepEqual(draft.accrualPeriodicity, { raw: 'Anual' });
    assert.deepEqual(draft.language, ['es']);
    assert.deepEqual(draft.conformsTo, ['https://datos.gob.ec/esquemas/presupuesto.json']);
  });

  it('names a blank-node dataset by dct:identifier (else adms:identifier), and reports one with neither, or without a title, as a bad record', async () => {
    const blank = await draftOf('[] a dcat:Dataset ; dct:identifier "ec-presupuesto-2024" ; dct:title "Presupuesto 2024"@es .');
    assert.equal(blank.sourceId, 'ec-presupuesto-2024');
    const adms = await draftOf('[] a dcat:Dataset ; adms:identifier [ skos:notation "INEC-0042" ] ; dct:title "Censo"@es .');
    assert.equal(adms.sourceId, 'INEC-0042');
    const bad = async (turtle: string, message: RegExp) => {
      const [record] = await recordsOf(PREFIXES + turtle);
      assert.throws(() => dcat.toDcat(record, portal), (e: unknown) => isRecordError(e) && e.code === 'bad_record' && message.test(e.message));
    };
    await bad('[] a dcat:Dataset ; dct:title "Sin identificador"@es .', /blank node without dct:identifier/);
    await bad('<https://datos.gob.ec/dataset/x> a dcat:Dataset ; dct:title "   " .', /has no dct:title/);
    await bad('<https://datos.gob.ec/dataset/x> a dcat:Dataset ; dct:title "Budget"@en-t-es-t0-mtec .', /has no dct:title/);
  });

  it('maps a stored raw record alone: it survives JSON and garbage is a bad record, not a crash', async () => {
    const [record] = await recordsOf(`${PREFIXES}${DS} ; dct:publisher <https://datos.gob.ec/org/1> ; dcat:distribution <https://datos.gob.ec/dist/1> .
      <https://datos.gob.ec/org/1> foaf:name "GAD de Cuenca" .
      <https://datos.gob.ec/dist/1> dcat:accessURL <https://datos.gob.ec/a.csv> ; dct:isPartOf <https://datos.gob.ec/dataset/d1> .`);
    const stored = JSON.parse(JSON.stringify(record));
    assert.deepEqual(dcat.toDcat(stored, portal), dcat.toDcat(record, portal));
    const distribution = (record['dcat:distribution'] as Record<string, unknown>[])[0];
    assert.deepEqual(distribution['dct:isPartOf'], [{ '@id': 'https://datos.gob.ec/dataset/d1' }], 'the dataset is referenced, not embedded again');
    for (const garbage of [null, 'texto', [1, 2], 42]) {
      assert.throws(() => dcat.toDcat(garbage as never, portal), (e: unknown) => isRecordError(e));
    }
  });
});

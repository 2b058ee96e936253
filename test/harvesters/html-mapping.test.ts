/** The HTML harvester's page reading and mapping on small pages: JSON-LD shapes, selectors, file links. */
import assert from 'node:assert/strict';
import { html, type HtmlRecord, type JsonLdRecord } from '../../harvesters/html.js';
import { readPage, type PageInput } from '../../harvesters/html-page.js';
import { isRecordError } from '../../src/errors.js';
import { testPortal } from '../support/portal-config.js';

const PAGE = 'https://www.villaesperanza.gob.ec/datos/pagina';
const portal = testPortal({ platform: 'html', url: 'https://www.villaesperanza.gob.ec/' });

function read(body: string, input: Partial<PageInput> = {}): HtmlRecord[] {
  return readPage({ body, url: PAGE, idBase: PAGE, taken: new Set(), ...input }).records;
}

const script = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('HTML harvester: reading pages and mapping', () => {
  it('reads schema.org terms however they are prefixed, with @value texts and a GeoShape box as west, south, east, north', () => {
    const [record] = read(script({
      '@context': { schema: 'http://schema.org/' },
      '@type': 'schema:Dataset',
      'schema:name': { '@value': 'Predios rurales', '@language': 'es' },
      'http://schema.org/keywords': ['catastro', 'rural'],
      'schema:spatialCoverage': { '@type': 'schema:Place', 'schema:geo': { '@type': 'GeoShape', box: '-2.1 -79.9,-1.9 -79.7' } },
      'schema:distribution': [{ '@type': 'DataDownload', 'schema:contentUrl': 'predios.csv', 'schema:encodingFormat': 'CSV' }],
    }));
    const draft = html.toDcat(record, portal);
    assert.equal(draft.title, 'Predios rurales');
    assert.deepEqual(draft.keywords, ['catastro', 'rural']);
    assert.deepEqual(draft.spatial?.bbox, [-79.9, -2.1, -79.7, -1.9]);
    assert.equal(draft.distributions[0].downloadURL, 'https://www.villaesperanza.gob.ec/datos/predios.csv', 'read against the page');
    assert.deepEqual(draft.distributions[0].format, { raw: 'CSV' });
    assert.equal(draft.sourceId, PAGE, 'a lone Dataset without @id or url is the page');
  });

  it('takes a blank node id for no id, a PropertyValue identifier\'s value, and the catalog\'s publisher for a dataset that names none', () => {
    const records = read(script({
      '@type': 'DataCatalog',
      publisher: { '@type': 'Organization', name: 'GAD Municipal' },
      dataset: [
        { '@type': 'Dataset', '@id': '_:b0', name: 'Parques', identifier: { '@type': 'PropertyValue', value: 'DA-015' } },
        { '@type': 'Dataset', '@id': 'urn:uuid:4e1c0a7e-5d7c-4a54-9b0e-3f1f0f6a2c11', name: 'Mercados', publisher: 'Dirección de Mercados' },
      ],
    }));
    assert.deepEqual(records.map((r) => r.sourceId), [`${PAGE}#parques`, 'urn:uuid:4e1c0a7e-5d7c-4a54-9b0e-3f1f0f6a2c11']);
    const [parques, mercados] = records.map((r) => html.toDcat(r, portal));
    assert.equal(parques.identifier, 'DA-015');
    assert.equal(parques.publisher?.name, 'GAD Municipal');
    assert.deepEqual(mercados.publisher, { name: 'Dirección de Mercados' });
  });

  it('reads JSON-LD wrapped in CDATA, and ignores a broken script that does not describe a Dataset', () => {
    const body = `<script type="application/ld+json">{"@type": "Organization", "name": </script>
<script type="application/ld+json">//<![CDATA[
{"@type": "Dataset", "name": "Ferias libres"}
//]]></script>`;
    assert.deepEqual(read(body).map((r) => (r as JsonLdRecord).node.name), ['Ferias libres']);
  });

  it('with a dataset selector, gives each block its element id, else its title, as the suffix of its id', () => {
    const body = `<main><div class="item" id="ds-7"><h3>Agua potable</h3><a href="agua.csv">CSV</a></div>
<div class="item"><h3>Alcantarillado</h3><a href="/alc.xlsx">XLSX</a><a href="/mapa">Mapa</a></div></main>`;
    const records = read(body, { selectors: { dataset: '.item', title: 'h3' } });
    assert.deepEqual(records.map((r) => r.sourceId), [`${PAGE}#ds-7`, `${PAGE}#alcantarillado`]);
    const draft = html.toDcat(records[1], portal);
    assert.deepEqual(draft.distributions.map((d) => d.downloadURL), ['https://www.villaesperanza.gob.ec/alc.xlsx'], 'only links to files');
  });

  it('without selectors, takes file links of the main content only, resolved against <base>, one per address', () => {
    const body = `<html><head><base href="https://archivos.villaesperanza.gob.ec/lotaip/"><title>LOTAIP marzo</title></head><body>
<nav><a href="/menu/ley.pdf">Ley</a></nav>
<main><h1>LOTAIP – Marzo 2024</h1>
<a href="a1.pdf">Organigrama</a> <a href="a1.pdf">Organigrama (copia)</a> <a href="javascript:void(0)">x.pdf</a> <a href="mailto:a@b.ec">b.pdf</a>
<a href="informe.PDF?v=2">Informe</a> <a href="reporte.docx">Reporte</a></main></body></html>`;
    const [record] = read(body);
    const draft = html.toDcat(record, portal);
    assert.equal(draft.title, 'LOTAIP – Marzo 2024');
    assert.deepEqual(draft.distributions.map((d) => [d.downloadURL, d.title]), [
      ['https://archivos.villaesperanza.gob.ec/lotaip/a1.pdf', 'Organigrama'],
      ['https://archivos.villaesperanza.gob.ec/lotaip/informe.PDF?v=2', 'Informe'],
    ]);
  });

  it('a page with neither JSON-LD nor file links is no dataset, and an error page among them is told apart', () => {
    assert.deepEqual(readPage({ body: '<h1>Noticias</h1><p>Texto</p>', url: PAGE, idBase: PAGE, taken: new Set() }), { records: [], errorPage: undefined });
    const reading = readPage({ body: '<title>Error 503</title><h1>Servicio no disponible</h1>', url: PAGE, idBase: PAGE, taken: new Set() });
    assert.deepEqual(reading.errorPage, { gone: false, title: 'Error 503 — Servicio no disponible' });
  });

  it('a record of a page that could not be read maps to a RecordError naming the page', () => {
    const failure: HtmlRecord = { kind: 'failure', sourceId: PAGE, pageUrl: PAGE, code: 'page_gone', message: `The page ${PAGE} is gone.` };
    assert.throws(() => html.toDcat(failure, portal), (error) => isRecordError(error) && error.code === 'page_gone' && error.sourceId === PAGE);
    assert.throws(() => html.toDcat({ kind: 'otro' } as unknown as HtmlRecord, portal), (error) => isRecordError(error) && error.code === 'bad_record');
  });
});

/** JSON-LD catalogs with a remote `@context`: read offline from the bundled contexts, never fetched. */
import assert from 'node:assert/strict';
import { startDcatServer, type DcatServer } from '../../src/demo/dcat-server.js';
import { DCAT_AP_CONTEXT } from '../../src/demo/dcat-documents.js';
import { bundledContexts } from '../../harvesters/dcat-contexts.js';
import { isHarvestError } from '../../src/errors.js';
import { listDcat, mapRecords, recordsOf, rejection } from './dcat-support.js';

describe('DCAT harvester: JSON-LD remote contexts', () => {
  let server: DcatServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('when a catalog names the DCAT-AP 3 context by URL, reads it from the bundled copy without any other request', async () => {
    server = await startDcatServer();
    const pages = await listDcat(`${server.url}/contexto-remoto.jsonld`);
    assert.deepEqual(server.requests, [`${server.url}/contexto-remoto.jsonld`]);
    const { drafts, errors } = mapRecords(pages.flatMap((page) => page.records));
    assert.deepEqual(errors, []);
    assert.deepEqual(drafts.map((d) => d.title), ['Índice de pobreza por cantón', 'Proyectos de inversión pública'], 'Spanish kept, machine translations skipped');
    const pobreza = drafts[0];
    assert.equal(pobreza.publisher?.name, 'Secretaría Nacional de Planificación');
    assert.deepEqual(pobreza.keywords, ['NBI', 'pobreza']);
    assert.equal(pobreza.distributions[0].byteSize, 20480);
    assert.equal(pobreza.distributions[0].mediaType?.raw, 'https://www.iana.org/assignments/media-types/text/csv');
    assert.deepEqual(pobreza.themes, [{ code: 'http://publications.europa.eu/resource/authority/data-theme/GOVE', label: 'GOVE' }]);
  });

  it('when a catalog names a context that is not bundled, the run fails naming that context, and it is never fetched', async () => {
    server = await startDcatServer();
    const contextUrl = `${server.url}/contexto/dcat.jsonld`;
    const error = await rejection(listDcat(`${server.url}/contexto-propio.jsonld`));
    assert.ok(isHarvestError(error));
    assert.equal(error.code, 'bad_response');
    assert.equal(error.url, `${server.url}/contexto-propio.jsonld`);
    assert.ok(error.message.includes(`remote context ${contextUrl}`), error.message);
    assert.ok(!server.requests.includes(contextUrl), 'the context URL was not requested');
  });

  it('bundles the DCAT-AP 3 and DCAT-US 1.1 contexts, whichever scheme the document writes', async () => {
    assert.ok(bundledContexts().includes(DCAT_AP_CONTEXT));
    const dataJson = {
      '@context': 'http://project-open-data.cio.gov/v1.1/schema/catalog.jsonld/',
      '@type': 'dcat:Catalog',
      dataset: [{
        '@type': 'dcat:Dataset',
        identifier: 'py-mec-matriculas-2023',
        title: 'Matriculaciones por departamento 2023',
        keyword: ['educación', 'matrícula'],
        publisher: { '@type': 'org:Organization', name: 'Ministerio de Educación y Ciencias' },
        distribution: [{ '@type': 'dcat:Distribution', downloadURL: 'https://datos.gov.py/dataset/matriculaciones/resource/matriculas_2023.csv', mediaType: 'text/csv' }],
      }],
    };
    const records = await recordsOf(JSON.stringify(dataJson), 'application/json', 'https://datos.gov.py/data.json');
    const { drafts } = mapRecords(records);
    assert.equal(drafts.length, 1);
    assert.equal(drafts[0].sourceId, 'py-mec-matriculas-2023', 'a blank-node dataset is named by its dct:identifier');
    assert.equal(drafts[0].publisher?.name, 'Ministerio de Educación y Ciencias');
    assert.deepEqual(drafts[0].keywords, ['educación', 'matrícula']);
    assert.equal(drafts[0].distributions[0].downloadURL, 'https://datos.gov.py/dataset/matriculaciones/resource/matriculas_2023.csv');
  });
});

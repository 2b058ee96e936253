/**
 * Every platform that states its catalog's size declares it to the run (issue 9: CKAN `count`, CSW
 * `numberOfRecordsMatched`, Socrata `resultSetSize`, OpenDataSoft `total_count`, hydra
 * `totalItems`, DKAN's lists), and a full run checks its listing against it: records left out on
 * purpose (another domain's copies, service records) do not make a listing short; records the
 * server counts but never serves do.
 */
import assert from 'node:assert/strict';
import { startCswServer } from '../../src/demo/csw-server.js';
import { startSocrataServer } from '../../src/demo/socrata-server.js';
import { startOpendatasoftServer } from '../../src/demo/opendatasoft-server.js';
import { startDcatServer } from '../../src/demo/dcat-server.js';
import { startDkanServer } from '../../src/demo/dkan-server.js';
import { ckanPortal, testContainer } from '../support/test-container.js';
import { isoRecords } from '../harvesters/csw-support.js';
import { records as socrataRecords, DOMAIN } from '../harvesters/socrata-support.js';
import { odsDatasets } from '../harvesters/opendatasoft-support.js';
import { fixture as dcatFixture } from '../harvesters/dcat-support.js';
import { packages7, datasets2 } from '../harvesters/dkan-support.js';
import type { Run } from '../../src/store/store.js';

interface Served {
  url: string;
  close(): Promise<void>;
}

/** One full run of a portal of `platform` at the server's URL (plus `path`). */
async function fullRun(server: Served, platform: string, extra: Record<string, unknown> = {}, path = ''): Promise<Run> {
  const portal = ckanPortal('zz-portal', `${server.url}${path}`, { platform, pageSize: 4, ...extra });
  const c = await testContainer([portal]);
  try {
    return await c.harvest({ portal, full: true });
  } finally {
    await c.close();
    await server.close();
  }
}

describe('faults: the count each platform declares', () => {
  it('CSW declares numberOfRecordsMatched; records it counts but never serves make the listing short', async () => {
    const honest = await fullRun(await startCswServer({ records: isoRecords(10), maxRecords: 4 }), 'csw');
    assert.deepEqual([honest.declared, honest.notes], [10, []]);
    const phantoms = await fullRun(await startCswServer({ records: isoRecords(10), maxRecords: 4, phantoms: 20 }), 'csw');
    assert.equal(phantoms.declared, 30);
    assert.deepEqual(phantoms.notes.map((n) => [n.code, n.listed]), [['listing_short', 10]]);
  });

  it('Socrata declares resultSetSize; the federated copies it leaves out are not missing', async () => {
    const records = [...socrataRecords(9), ...socrataRecords(9, 'datos.otro.gov.co').map((r, i) => ({ ...r, resource: { ...r.resource, id: `fed${i}-copy` } }))];
    const run = await fullRun(await startSocrataServer({ records }), 'socrata', { options: { domain: DOMAIN } });
    assert.equal(run.declared, 18);
    assert.equal(run.counts.seen, 9);
    assert.deepEqual(run.notes, []);
  });

  it('OpenDataSoft declares total_count when it pages the catalog (the whole-catalog export states no count)', async () => {
    const exported = await fullRun(await startOpendatasoftServer({ datasets: odsDatasets(9) }), 'opendatasoft');
    assert.deepEqual([exported.counts.seen, exported.declared], [9, undefined]);
    const paged = await fullRun(await startOpendatasoftServer({ datasets: odsDatasets(9), faults: (r) => (r.endpoint === 'export' ? 'status:404' : undefined) }), 'opendatasoft');
    assert.deepEqual([paged.counts.seen, paged.declared, paged.notes], [9, 9, []]);
  });

  it('a DCAT catalog declares hydra:totalItems', async () => {
    const run = await fullRun(await startDcatServer({ catalog: dcatFixture('catalogo-ckan.ttl'), pageSize: 3, paging: 'hydra' }), 'dcat', {}, '/catalog.ttl');
    assert.deepEqual([run.counts.seen, run.declared, run.notes], [7, 7, []]);
  });

  it('DKAN 7 declares the length of package_list, DKAN 2 its search total', async () => {
    const seven = await fullRun(await startDkanServer({ version: 7, datasets: packages7(6) }), 'dkan');
    assert.deepEqual([seven.counts.seen, seven.declared, seven.notes], [6, 6, []]);
    const two = await fullRun(await startDkanServer({ version: 2, datasets: datasets2(6) }), 'dkan');
    assert.deepEqual([two.counts.seen, two.declared, two.notes], [6, 6, []]);
  });
});

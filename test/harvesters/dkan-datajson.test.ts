/**
 * The data.json door: with a data.json harvester injected, the DKAN harvester lists `/data.json`
 * through it and falls back to the DKAN APIs only when the document is not served, fails before
 * its first record or lists nothing. A small stand-in plays the data.json harvester.
 */
import assert from 'node:assert/strict';
import { createDkanHarvester, dkan } from '../../harvesters/dkan.js';
import { startDkanServer, type DkanServer, type DkanServerOptions } from '../../src/demo/dkan-server.js';
import { HarvestError, RecordError } from '../../src/errors.js';
import type { Harvester, HarvestContext } from '../../src/harvest/types.js';
import { testPortal } from '../support/portal-config.js';
import { fixture, listAll, paths, recordsOf, rejection } from './dkan-support.js';

interface DataJsonDataset {
  identifier?: string;
  title?: string;
}

/** A stand-in data.json harvester: reads `ctx.portal.url` as a DCAT-US catalog, in pages of 3. */
function standIn(options: { failAfterFirstPage?: boolean } = {}) {
  const seenUrls: string[] = [];
  const harvester: Harvester<DataJsonDataset> = {
    platform: 'datajson',
    incremental: false,
    async *list(ctx: HarvestContext) {
      seenUrls.push(ctx.portal.url);
      const { url, body } = await ctx.http.getJson<{ dataset?: DataJsonDataset[] }>(ctx.portal.url, { signal: ctx.signal });
      if (!Array.isArray(body.dataset)) throw new HarvestError('bad_response', `No "dataset" list at ${url}.`, { url });
      for (let start = 0; start < body.dataset.length; start += 3) {
        if (start > 0 && options.failAfterFirstPage) throw new HarvestError('timeout', `The request to ${url} timed out.`, { url });
        yield { url, records: body.dataset.slice(start, start + 3) };
      }
    },
    sourceId: (record) => record.identifier,
    toDcat: (record) => ({ sourceId: String(record.identifier), title: `data.json: ${record.title}`, keywords: [], themes: [], language: [], conformsTo: [], distributions: [] }),
  };
  return { harvester, seenUrls };
}

const portal = testPortal({ id: 'py-asuncion', platform: 'dkan', url: 'https://datos.asuncion.gov.py' });
const catalog = fixture('dkan7-packages');

describe('DKAN harvester: data.json delegation', () => {
  let server: DkanServer | undefined;
  const start = async (options: Partial<DkanServerOptions> = {}) => (server = await startDkanServer({ version: 7, datasets: catalog, dataJson: true, ...options }));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('when /data.json is served, lists it through the injected harvester and asks no DKAN API', async () => {
    const { url } = await start();
    const { harvester: dataJson, seenUrls } = standIn();
    const harvester = createDkanHarvester({ dataJson });
    const pages = await listAll(url, { harvester });
    assert.deepEqual(seenUrls, [`${url}/data.json`], 'the delegate is given the document URL');
    assert.deepEqual(paths(server!.requests), ['/data.json']);
    assert.deepEqual(pages.map((page) => page.records.length), [3, 3, 3]);
    const records = recordsOf(pages);
    assert.ok(records.every((record) => record.api === 'data.json'));
    // Identity and mapping are the delegate's.
    assert.equal(harvester.sourceId(records[0]), catalog[0].id);
    assert.equal(harvester.toDcat(records[0], portal).title, `data.json: ${catalog[0].title}`);
  });

  it('when the configured URL is the data.json itself, reads that document once', async () => {
    const { url } = await start();
    const { harvester: dataJson, seenUrls } = standIn();
    await listAll(`${url}/data.json`, { harvester: createDkanHarvester({ dataJson }) });
    assert.deepEqual(seenUrls, [`${url}/data.json`]);
    assert.deepEqual(paths(server!.requests), ['/data.json']);
  });

  it('when /data.json is not served, falls back to the DKAN 7 API after that one request', async () => {
    const { url } = await start({ dataJson: false });
    const pages = await listAll(url, { harvester: createDkanHarvester({ dataJson: standIn().harvester }) });
    assert.deepEqual(paths(server!.requests).slice(0, 2), ['/data.json', '/api/3/action/package_list']);
    assert.equal(recordsOf(pages).filter((record) => record.api === 'dkan7').length, catalog.length);
  });

  it('when /data.json keeps failing with 500, falls back to the API', async () => {
    const { url } = await start({ faults: (req) => (req.endpoint === 'data.json' ? 'status:500' : undefined) });
    const pages = await listAll(url, { harvester: createDkanHarvester({ dataJson: standIn().harvester }), http: { retries: 1 } });
    assert.equal(paths(server!.requests).filter((path) => path === '/data.json').length, 2, 'retried once by the HTTP client');
    assert.equal(recordsOf(pages).length, catalog.length);
  });

  it('when /data.json lists no dataset, falls back to the API', async () => {
    // DKAN 7's data.json lists only the groups chosen in its settings: it can be empty.
    const { url } = await start({ dataJson: 'empty' });
    const pages = await listAll(url, { harvester: createDkanHarvester({ dataJson: standIn().harvester }) });
    assert.equal(paths(server!.requests)[0], '/data.json');
    assert.equal(recordsOf(pages).length, catalog.length);
  });

  it('when /data.json fails after its first page, the run fails with that error and the API is not asked', async () => {
    const { url } = await start();
    const harvester = createDkanHarvester({ dataJson: standIn({ failAfterFirstPage: true }).harvester });
    const error = await rejection(listAll(url, { harvester }));
    assert.equal(error.code, 'timeout');
    assert.ok(!server!.requests.some((request) => request.includes('/api/')));
  });

  it('when the portal says options.dataJson: false, does not ask for /data.json', async () => {
    const { url } = await start();
    await listAll(url, { harvester: createDkanHarvester({ dataJson: standIn().harvester }), portal: { options: { dataJson: false } } });
    assert.ok(!server!.requests.some((request) => request.endsWith('/data.json')));
  });

  it('the default harvester has no data.json door: it never asks for /data.json and refuses to map a data.json record', async () => {
    const { url } = await start();
    await listAll(url);
    assert.ok(!server!.requests.some((request) => request.endsWith('/data.json')));
    assert.throws(() => dkan.toDcat({ api: 'data.json', record: { identifier: 'x' } }, portal), (e: unknown) => e instanceof RecordError && e.code === 'no_mapping');
  });
});

/** The failure cases of HARVESTING.md on a DKAN 7 portal, each served by the fake DKAN and met by the harvester. */
import assert from 'node:assert/strict';
import { startDkanServer, type DkanFaultHook, type DkanServer, type DkanServerOptions } from '../../src/demo/dkan-server.js';
import { isHarvestError } from '../../src/errors.js';
import { MAX_CONSECUTIVE_SHOW_FAILURES } from '../../harvesters/dkan-7.js';
import { dkan } from '../../harvesters/dkan.js';
import { contextFor, listAll, packages7, paths, recordsOf, rejection, type ListOptions } from './dkan-support.js';

describe('DKAN harvester: DKAN 7 failure cases', () => {
  let server: DkanServer | undefined;
  const start = async (options: Partial<DkanServerOptions> = {}) => (server = await startDkanServer({ version: 7, datasets: packages7(6), ...options }));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const onPackageList = (fault: ReturnType<DkanFaultHook>): DkanFaultHook => (req, n) => (req.endpoint === 'package_list' && n === 1 ? fault : undefined);
  const ids = (pages: Awaited<ReturnType<typeof listAll>>) => recordsOf(pages).map((r) => (r.api === 'dkan7' ? (r.package as { name: string }).name : r.api));

  async function failing(faults: DkanFaultHook, options: ListOptions = {}) {
    const { url, requests } = await start({ faults });
    return { error: await rejection(listAll(url, options)), requests };
  }

  it('when the portal answers an HTML page with HTTP 200 everywhere, the run fails with not_json naming every API tried', async () => {
    const { error, requests } = await failing((req) => (req.endpoint === 'package_list' ? 'html' : undefined));
    assert.ok(isHarvestError(error));
    assert.equal(error.code, 'not_json');
    assert.match(error.message, /^No DKAN API answered at http:\/\/127\.0\.0\.1:\d+\./);
    assert.ok(error.message.includes(requests[0]), 'names the package_list URL');
    assert.match(error.message, /HTTP 404 at .*\/api\/1\/metastore\/schemas\/dataset\/items/, 'and what DKAN 2 answered');
  });

  it('when package_list answers success:false, DKAN 2 is tried and the run fails with api_error', async () => {
    const { error } = await failing(onPackageList('success_false'));
    assert.equal(error.code, 'api_error');
    assert.match(error.message, /Validation Error: Parámetros no válidos/);
  });

  it('when package_list answers an empty body, the run fails with empty_body', async () => {
    assert.equal((await failing(onPackageList('empty'))).error.code, 'empty_body');
  });

  it('when package_list keeps answering 500, the run fails with the HTTP error and DKAN 2 is not tried', async () => {
    const { error, requests } = await failing((req) => (req.endpoint === 'package_list' ? 'status:500' : undefined));
    assert.equal(error.status, 500);
    assert.ok(requests.every((url) => url.endsWith('/package_list')), 'a failing portal is not probed further');
  });

  it('when the portal answers 500 twice and then 200, the request is retried and the listing completes', async () => {
    const { url } = await start({ faults: (req, n) => (req.endpoint === 'package_list' && n <= 2 ? 'status:500' : undefined) });
    assert.equal(recordsOf(await listAll(url)).length, 6);
  });

  it('when the portal answers 429 with Retry-After: 1, waits about a second and succeeds', async () => {
    const { url } = await start({ faults: onPackageList('status:429:retry-after=1') });
    const began = Date.now();
    const pages = await listAll(url);
    assert.ok(Date.now() - began >= 900, 'waited for Retry-After');
    assert.equal(recordsOf(pages).length, 6);
  });

  it('when the portal does not answer within the timeout, the run fails with timeout', async () => {
    const { error } = await failing(onPackageList('timeout'), { http: { timeoutMs: 200, retries: 0 } });
    assert.equal(error.code, 'timeout');
  });

  it('when one package_show keeps failing with 500, that dataset is a failed record and the others are listed', async () => {
    const { url } = await start({ listWithResources: false, faults: (req) => (req.endpoint === 'package_show' && req.params.id === 'conjunto-2' ? 'status:500' : undefined) });
    const records = recordsOf(await listAll(url, { http: { retries: 1 } }));
    assert.equal(records.length, 6);
    const failed = records.find((r) => r.api === 'unfetched');
    assert.ok(failed?.api === 'unfetched');
    assert.equal(failed.id, 'conjunto-2');
    assert.equal(failed.code, 'api_error', 'the 500 came with the API\'s own error body');
    assert.match(failed.url, /package_show\?id=conjunto-2$/);
  });

  it('package_show calls are bounded: at most politeness.concurrency run ahead of the dataset the run is storing', async () => {
    const { url, requests } = await start({ datasets: packages7(20), listWithResources: false });
    const pages = dkan.list(contextFor(url, { portal: { politeness: { concurrency: 2, intervalMs: 0 } } }))[Symbol.asyncIterator]();
    await pages.next(); // the first dataset; the run now stores it
    await new Promise((resolve) => setTimeout(resolve, 100));
    const shows = requests.filter((u) => u.includes('package_show')).length;
    assert.ok(shows <= 3, `${shows} package_show requests while one dataset was taken`);
    await pages.return?.(undefined);
  });

  it('when one package_show answers truncated JSON, that dataset is a failed record', async () => {
    const { url } = await start({ listWithResources: false, faults: (req) => (req.params.id === 'conjunto-4' ? 'bad_json' : undefined) });
    const failed = recordsOf(await listAll(url)).filter((r) => r.api === 'unfetched');
    assert.deepEqual(failed.map((r) => r.api === 'unfetched' && [r.id, r.code]), [['conjunto-4', 'not_json']]);
  });

  it(`when package_show fails ${MAX_CONSECUTIVE_SHOW_FAILURES} times in a row, the run fails: the API is gone`, async () => {
    const { url, requests } = await start({ datasets: packages7(20), listWithResources: false, faults: (req) => (req.endpoint === 'package_show' && Number(req.params.id.split('-')[1]) >= 3 ? 'status:503' : undefined) });
    const error = await rejection(listAll(url, { http: { retries: 0 } }));
    assert.equal(error.status, 503);
    assert.match(error.message, new RegExp(`package_show failed for ${MAX_CONSECUTIVE_SHOW_FAILURES} datasets in a row .*after 3 datasets`));
    assert.ok(requests.filter((u) => u.includes('package_show')).length < 20, 'stopped asking');
  });

  it('when current_package_list_with_resources fails part-way, the rest is read with package_show', async () => {
    const { url, requests } = await start({ faults: (req) => (req.endpoint === 'current_package_list_with_resources' && req.params.offset === '4' ? 'status:500' : undefined) });
    const pages = await listAll(url, { http: { retries: 0 } });
    assert.deepEqual(ids(pages), ['conjunto-0', 'conjunto-1', 'conjunto-2', 'conjunto-3', 'conjunto-4', 'conjunto-5']);
    assert.deepEqual(paths(requests).slice(-2), ['/api/3/action/package_show?id=conjunto-4', '/api/3/action/package_show?id=conjunto-5']);
  });

  it('when current_package_list_with_resources answers HTML, every dataset is read with package_show', async () => {
    const { url, requests } = await start({ faults: (req) => (req.endpoint === 'current_package_list_with_resources' ? 'html' : undefined) });
    assert.equal(recordsOf(await listAll(url)).length, 6);
    assert.equal(requests.filter((u) => u.includes('package_show')).length, 6);
  });

  it('when current_package_list_with_resources ignores limit and sends everything, asks once', async () => {
    const { url, requests } = await start({ listWithResources: 'ignores-limit' });
    assert.deepEqual((await listAll(url)).map((page) => page.records.length), [6]);
    assert.deepEqual(paths(requests), ['/api/3/action/package_list', '/api/3/action/current_package_list_with_resources?limit=4&offset=0']);
  });

  it('when the next page repeats the previous one, stops paging and shows the rest, each dataset once', async () => {
    const { url } = await start({ faults: (req, n) => (req.endpoint === 'current_package_list_with_resources' && n === 2 ? 'repeat_previous_page' : undefined) });
    const names = ids(await listAll(url));
    assert.deepEqual(names, ['conjunto-0', 'conjunto-1', 'conjunto-2', 'conjunto-3', 'conjunto-4', 'conjunto-5']);
  });

  it('when a dataset shows up again on a later page (a change shifted the list), it is yielded once', async () => {
    // Newest first: a dataset changed while paging moves up, and the next page repeats it.
    const catalog = packages7(6);
    const { url } = await start({ datasets: [...catalog.slice(0, 4), catalog[3], ...catalog.slice(4)] });
    assert.deepEqual(ids(await listAll(url)), catalog.map((pkg) => pkg.name));
  });

  it('when a page of current_package_list_with_resources is over the size cap, reads the datasets one by one', async () => {
    const { url } = await start();
    const pages = await listAll(url, { http: { maxResponseBytes: 1500 }, portal: { pageSize: 100 } });
    assert.equal(recordsOf(pages).length, 6);
    assert.ok(pages.every((page) => page.url.includes('package_show')));
  });

  it('when the run is aborted while package_show is waiting, stops at once with the abort reason', async () => {
    const { url } = await start({ listWithResources: false, faults: (req) => (req.endpoint === 'package_show' ? 'timeout' : undefined) });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('apagado')), 100);
    const began = Date.now();
    const error = await rejection(listAll(url, { signal: controller.signal, http: { timeoutMs: 5000 } }));
    assert.equal(error.message, 'apagado');
    assert.ok(Date.now() - began < 2000);
  });
});

/** checkLinks: the batch, the per-host gate and Retry-After, measured on the server's side. */
import assert from 'node:assert/strict';
import { checkLinks } from '../../src/links/check-links.js';
import { HostGate } from '../../src/links/host-gate.js';
import type { LinkCheckOptions } from '../../src/links/options.js';
import type { LinkCheck } from '../../src/links/types.js';
import { answer, byMethod, silence, startLinkServer, type LinkServer, type SeenRequest } from './link-server.js';

const T0 = new Date('2025-03-10T12:00:00.000Z');
const CSV = { 'content-type': 'text/csv', 'content-length': 42 };
const fast = (extra: LinkCheckOptions = {}): LinkCheckOptions => ({ allowHosts: ['127.0.0.1'], timeoutMs: 1000, perHostIntervalMs: 0, now: () => T0, ...extra });
const gaps = (requests: SeenRequest[]): number[] => requests.slice(1).map((r, i) => r.at - requests[i].at);

describe('checkLinks (real local servers)', () => {
  let server: LinkServer | undefined;
  const serve = async (...args: Parameters<typeof startLinkServer>) => (server = await startLinkServer(...args));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('returns one check per URL in the order given, checks a repeated URL once and reports progress', async () => {
    const s = await serve({ '/a.csv': answer(200, CSV), '/b.csv': answer(200, CSV) });
    const progress: string[] = [];
    const targets = [{ url: `${s.origin}/b.csv` }, { url: `${s.origin}/a.csv` }, { url: `${s.origin}/b.csv`, format: 'CSV' }, { url: 'mal url' }];
    const checks = await checkLinks(targets, new Map(), fast(), (done, total) => progress.push(`${done}/${total}`));
    assert.deepEqual(checks.map((c) => [c.url, c.status]), [[`${s.origin}/b.csv`, 'ok'], [`${s.origin}/a.csv`, 'ok'], ['mal url', 'broken']]);
    assert.deepEqual(progress, ['1/3', '2/3', '3/3']);
    assert.deepEqual(s.requests.map((r) => r.path).sort(), ['/a.csv', '/b.csv']);
  });

  it('reads each URL\'s previous check from the map', async () => {
    const s = await serve({ '/a.csv': answer(429) });
    const url = `${s.origin}/a.csv`;
    const previous: LinkCheck = { url, status: 'ok', checkedAt: '2025-03-05T12:00:00.000Z', httpStatus: 200 };
    const [check] = await checkLinks([{ url }], new Map([[url, previous]]), fast());
    assert.equal(check.status, 'ok');
    assert.equal(check.lastAttempt?.error, 'rate_limited');
  });

  it('spaces requests to one host by the interval, across links and within one (HEAD then GET)', async () => {
    const s = await serve({ '/a.csv': answer(200, CSV), '/b.csv': byMethod(answer(405), answer(200, CSV)), '/c.csv': answer(200, CSV) });
    const urls = ['/a.csv', '/b.csv', '/c.csv'].map((path) => ({ url: `${s.origin}${path}` }));
    await checkLinks(urls, new Map(), fast({ perHostIntervalMs: 200, concurrency: 3 }));
    assert.equal(s.requests.length, 4);
    for (const gap of gaps(s.requests)) assert.ok(gap >= 200, `requests ${gaps(s.requests).join(', ')} ms apart`);
  });

  it('sends at most one request at a time to a host', async () => {
    let open = 0;
    let most = 0;
    const s = await serve({
      '/lento.csv': (req, res) => {
        most = Math.max(most, ++open);
        setTimeout(() => {
          open--;
          answer(200, CSV)(req, res);
        }, 30);
      },
    });
    const urls = Array.from({ length: 4 }, (_, i) => ({ url: `${s.origin}/lento.csv?n=${i}` }));
    await checkLinks(urls, new Map(), fast({ concurrency: 4 }));
    assert.equal(s.requests.length, 4);
    assert.equal(most, 1);
  });

  it('honours Retry-After (seconds) before the next request to that host', async () => {
    const s = await serve({ '/a.csv': answer(429, { 'retry-after': '1' }), '/b.csv': answer(200, CSV) });
    const checks = await checkLinks([{ url: `${s.origin}/a.csv` }, { url: `${s.origin}/b.csv` }], new Map(), fast({ concurrency: 2 }));
    assert.deepEqual(checks.map((c) => c.status), ['unknown', 'ok']);
    assert.deepEqual(s.requests.map((r) => r.path), ['/a.csv', '/b.csv']);
    assert.ok(gaps(s.requests)[0] >= 1000, `waited ${gaps(s.requests)[0]} ms`);
  });

  it('cuts a long Retry-After to maxRetryAfterMs', async () => {
    const s = await serve({ '/a.csv': answer(503, { 'retry-after': '3600' }), '/b.csv': answer(200, CSV) });
    const checks = await checkLinks([{ url: `${s.origin}/a.csv` }, { url: `${s.origin}/b.csv` }], new Map(), fast({ maxRetryAfterMs: 300 }));
    assert.equal(checks[1].status, 'ok');
    assert.ok(gaps(s.requests)[0] >= 300, `waited ${gaps(s.requests)[0]} ms`);
  });

  it('takes hosts in turn, so that a host with many links does not make the others wait', async () => {
    const s = await serve({ '/a1': answer(200, CSV), '/a2': answer(200, CSV), '/a3': answer(200, CSV), '/b1': answer(200, CSV) });
    const resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const on = (host: string, path: string) => ({ url: `http://${host}:${s.port}${path}` });
    const targets = [on('uno.test', '/a1'), on('uno.test', '/a2'), on('uno.test', '/a3'), on('dos.test', '/b1')];
    await checkLinks(targets, new Map(), fast({ allowHosts: ['uno.test', 'dos.test'], resolver, concurrency: 1 }));
    assert.deepEqual(s.requests.map((r) => r.path), ['/a1', '/b1', '/a2', '/a3']);
  });

  it('a shared gate keeps the pause between separate batches', async () => {
    const s = await serve({ '/a.csv': answer(200, CSV), '/b.csv': answer(200, CSV) });
    const gate = new HostGate({ intervalMs: 200 });
    await checkLinks([{ url: `${s.origin}/a.csv` }], new Map(), fast({ gate }));
    await checkLinks([{ url: `${s.origin}/b.csv` }], new Map(), fast({ gate }));
    assert.ok(gaps(s.requests)[0] >= 200, `requests ${gaps(s.requests)[0]} ms apart`);
  });

  it('when the signal aborts while a link waits for its host\'s turn, the batch rejects with its reason', async () => {
    const s = await serve({ '/a.csv': answer(429, { 'retry-after': '30' }), '/b.csv': answer(200, CSV) });
    const controller = new AbortController();
    const urls = [{ url: `${s.origin}/a.csv` }, { url: `${s.origin}/b.csv` }];
    const batch = checkLinks(urls, new Map(), fast({ concurrency: 2, signal: controller.signal }));
    setTimeout(() => controller.abort(new Error('apagado')), 100);
    await assert.rejects(batch, /apagado/);
    assert.deepEqual(s.requests.map((r) => r.path), ['/a.csv']);
  });

  it('when the signal aborts, the batch rejects with its reason instead of waiting for the timeout', async () => {
    const s = await serve({ '/lento.csv': silence });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('apagado')), 50);
    await assert.rejects(checkLinks([{ url: `${s.origin}/lento.csv` }], new Map(), fast({ timeoutMs: 10_000, signal: controller.signal })), /apagado/);
  });
});

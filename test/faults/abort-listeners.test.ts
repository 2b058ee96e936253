/**
 * A long pass holds one AbortSignal for hours (issue 9): what a request adds to it, a listener or a
 * timer, must go when the request ends, and requests still waiting their turn must add nothing, or
 * Node warns "MaxListenersExceededWarning: Possible EventTarget memory leak detected".
 */
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { setImmediate as tick } from 'node:timers/promises';
import { checkLinks } from '../../src/links/check-links.js';
import { createHttpClient } from '../../src/harvest/http.js';
import type { Resolver } from '../../src/links/address-policy.js';
import { answer, startLinkServer, type Handler, type LinkServer } from '../links/link-server.js';

const CSV = { 'content-type': 'text/csv', 'content-length': 42 };
const loopback: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

/** The most abort listeners `signal` had at any `sample()`, and the warnings the process emitted meanwhile. */
function watch(signal: AbortSignal) {
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(String(warning));
  process.on('warning', onWarning);
  const seen = { most: 0, warnings };
  return {
    seen,
    sample: () => void (seen.most = Math.max(seen.most, getEventListeners(signal, 'abort').length)),
    stop: async () => {
      await tick(); // warnings are emitted on a later tick
      process.off('warning', onWarning);
      return seen;
    },
  };
}

describe('per-request listeners and timers on a long-lived signal', () => {
  let server: LinkServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  /** A server whose every answer first calls `sample` (the moment a request is in flight). */
  const serve = async (sample: () => void, handler: Handler) => (server = await startLinkServer({ '/datos.csv': (req, res) => (sample(), handler(req, res)) }));

  it('a link pass of 200 URLs over ten hosts keeps one abort listener on its signal, and leaves no listener or timer behind', async () => {
    const controller = new AbortController();
    const watching = watch(controller.signal);
    const s = await serve(watching.sample, answer(200, CSV));
    const hosts = Array.from({ length: 10 }, (_, h) => `anfitrion-${h}.test`);
    const targets = Array.from({ length: 200 }, (_, i) => ({ url: `http://${hosts[i % 10]}:${s.port}/datos.csv?n=${i}` }));
    const timersBefore = timers();
    const checks = await checkLinks(
      targets,
      new Map(),
      { allowHosts: hosts, resolver: loopback, timeoutMs: 2000, perHostIntervalMs: 2, signal: controller.signal },
      watching.sample,
    );
    assert.equal(checks.filter((c) => c.status === 'ok').length, 200);
    assert.equal(getEventListeners(controller.signal, 'abort').length, 0, 'no listener left after the pass');
    assert.ok(timers() <= timersBefore, `timers ${timersBefore} before the pass, ${timers()} after`);
    const { most, warnings } = await watching.stop();
    assert.ok(most <= 1, `${most} abort listeners on the pass's signal at once`);
    assert.deepEqual(warnings, []);
  });

  it('when a pass with 200 URLs waiting aborts, it rejects with the reason at once, sends nothing more and leaves no listener', async () => {
    const controller = new AbortController();
    let requests = 0;
    const s = await serve(() => ++requests === 20 && controller.abort(new Error('apagado')), answer(200, CSV));
    const targets = Array.from({ length: 200 }, (_, i) => ({ url: `${s.origin}/datos.csv?n=${i}` }));
    const pass = checkLinks(targets, new Map(), { allowHosts: ['127.0.0.1'], timeoutMs: 2000, perHostIntervalMs: 2, signal: controller.signal });
    await assert.rejects(pass, /apagado/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(requests, 20, 'no request after the abort');
    assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
  });

  it('the harvest client keeps at most its per-host concurrency of listeners on a run\'s signal, and none after', async () => {
    const controller = new AbortController();
    const watching = watch(controller.signal);
    const s = await serve(watching.sample, answer(200, { 'content-type': 'application/json' }, '{}'));
    const http = createHttpClient({
      timeoutMs: 2000, maxResponseBytes: 1 << 20, retries: 0, backoffLimitMs: 10, maxRetryAfterMs: 100,
      userAgent: 'Cosecha test', insecure: false, politeness: { concurrency: 2, intervalMs: 0 }, guard: { allowHosts: ['127.0.0.1'] },
    });
    const timersBefore = timers();
    await Promise.all(Array.from({ length: 100 }, (_, i) => http.getJson(`${s.origin}/datos.csv?n=${i}`, { signal: controller.signal })));
    assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
    assert.ok(timers() <= timersBefore, `timers ${timersBefore} before, ${timers()} after`);
    const { most, warnings } = await watching.stop();
    assert.ok(most <= 2, `${most} abort listeners at once`);
    assert.deepEqual(warnings, []);
  });
});

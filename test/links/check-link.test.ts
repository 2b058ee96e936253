/** checkLink against real local servers: the protocol of QUALITY.md, link checks, one situation per test. */
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { checkLink } from '../../src/links/check-links.js';
import type { LinkCheckOptions } from '../../src/links/options.js';
import type { LinkCheck } from '../../src/links/types.js';
import { answer, byMethod, redirect, silence, startLinkServer, type Handler, type LinkServer } from './link-server.js';

const T0 = new Date('2025-03-10T12:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number): Date => new Date(T0.getTime() + ms);

/** Fast options: the test server's address allowed, short timeout, no pause between requests, a fixed clock. */
const fast = (extra: LinkCheckOptions = {}): LinkCheckOptions => ({
  allowHosts: ['127.0.0.1'],
  timeoutMs: 1000,
  perHostIntervalMs: 0,
  now: () => T0,
  ...extra,
});

const CSV_HEADERS = { 'content-type': 'text/csv', 'content-length': 42, etag: '"v1"', 'last-modified': 'Mon, 03 Mar 2025 10:00:00 GMT' };

describe('checkLink (real local servers)', () => {
  let server: LinkServer | undefined;
  const serve = async (routes: Record<string, Handler>) => (server = await startLinkServer(routes));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('when HEAD answers 200 with headers, the link is ok after one request, with every response field stored', async () => {
    const s = await serve({ '/datos.csv': answer(200, CSV_HEADERS) });
    const check = await checkLink({ url: `${s.origin}/datos.csv`, format: 'CSV' }, undefined, fast());
    assert.deepEqual(check, {
      url: `${s.origin}/datos.csv`,
      status: 'ok',
      httpStatus: 200,
      finalUrl: `${s.origin}/datos.csv`,
      contentType: 'text/csv',
      contentLength: 42,
      lastModified: 'Mon, 03 Mar 2025 10:00:00 GMT',
      etag: '"v1"',
      confirmedAt: T0.toISOString(),
      checkedAt: T0.toISOString(),
      okStreak: 1,
      nextCheckAt: at(DAY).toISOString(),
      lastAttempt: { outcome: 'ok', checkedAt: T0.toISOString(), httpStatus: 200 },
    });
    assert.deepEqual(s.requests.map((r) => r.method), ['HEAD']);
  });

  it('sends a browser-like User-Agent that names Cosecha and not the word "link"', async () => {
    const s = await serve({ '/datos.csv': answer(200, CSV_HEADERS) });
    await checkLink({ url: `${s.origin}/datos.csv` }, undefined, fast());
    const agent = String(s.requests[0].headers['user-agent']);
    assert.match(agent, /^Mozilla\/5\.0 .*Cosecha/);
    assert.doesNotMatch(agent, /link/i);
  });

  it('when HEAD answers 405, a GET asking for the first 1024 bytes decides, and the size comes from Content-Range', async () => {
    const s = await serve({
      '/datos.csv': byMethod(answer(405), answer(206, { 'content-type': 'text/csv', 'content-range': 'bytes 0-1023/5000' }, 'a'.repeat(1024))),
    });
    const check = await checkLink({ url: `${s.origin}/datos.csv`, format: 'CSV' }, undefined, fast());
    assert.equal(check.status, 'ok');
    assert.equal(check.httpStatus, 206);
    assert.equal(check.contentLength, 5000);
    assert.deepEqual(s.requests.map((r) => r.method), ['HEAD', 'GET']);
    assert.equal(s.requests[1].headers.range, 'bytes=0-1023');
  });

  it('when HEAD answers 200 with neither Content-Type nor Content-Length, the ranged GET supplies them', async () => {
    const s = await serve({
      '/datos.json': byMethod(
        (_req, res) => {
          res.removeHeader('content-length');
          res.writeHead(200, { 'transfer-encoding': 'chunked' });
          res.end();
        },
        answer(200, { 'content-type': 'application/json' }, '[]'),
      ),
    });
    const check = await checkLink({ url: `${s.origin}/datos.json` }, undefined, fast());
    assert.deepEqual(s.requests.map((r) => r.method), ['HEAD', 'GET']);
    assert.equal(check.status, 'ok');
    assert.equal(check.contentType, 'application/json');
  });

  it('when the server ignores Range and streams a huge file, the GET hangs up after the headers', async () => {
    const total = 256 * 1024 * 1024;
    let sent = 0;
    const huge: Handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': total });
      pump(res, total, (n) => (sent = n));
    };
    const s = await serve({ '/enorme.csv': byMethod(answer(405), huge) });
    const check = await checkLink({ url: `${s.origin}/enorme.csv` }, undefined, fast({ timeoutMs: 5000 }));
    assert.equal(check.status, 'ok');
    assert.equal(check.contentLength, total);
    await waitFor(() => s.requests.length === 2 && sent > 0);
    assert.ok(sent < total, `the server sent ${sent} of ${total} bytes`);
  });

  describe('failures', () => {
    it('when HEAD and GET answer 404, the first failure is not broken yet and a second 24 h later is', async () => {
      const s = await serve({});
      const url = `${s.origin}/borrado.csv`;
      const first = await checkLink({ url }, undefined, fast());
      assert.equal(first.status, 'unknown');
      assert.equal(first.failingSince, T0.toISOString());
      assert.deepEqual(first.lastAttempt, { outcome: 'failed', checkedAt: T0.toISOString(), httpStatus: 404, error: 'http_status' });
      assert.equal(first.nextCheckAt, at(DAY).toISOString());
      assert.deepEqual(s.requests.map((r) => r.method), ['HEAD', 'GET']);

      const second = await checkLink({ url }, first, fast({ now: () => at(DAY) }));
      assert.equal(second.status, 'broken');
      assert.equal(second.httpStatus, 404);
      assert.equal(second.failingSince, T0.toISOString());
    });

    it('when the second 404 comes only 2 h after the first, the link is still not broken', async () => {
      const s = await serve({});
      const url = `${s.origin}/borrado.csv`;
      const first = await checkLink({ url }, undefined, fast());
      const second = await checkLink({ url }, first, fast({ now: () => at(2 * HOUR) }));
      assert.equal(second.status, 'unknown');
      assert.equal(second.failingSince, T0.toISOString());
    });

    it('when a link that was ok starts answering 404, the first failure keeps ok and records the attempt', async () => {
      const s = await serve({});
      const url = `${s.origin}/borrado.csv`;
      const check = await checkLink({ url }, okCheck(url, at(-3 * DAY)), fast());
      assert.equal(check.status, 'ok');
      assert.equal(check.httpStatus, 200);
      assert.equal(check.failingSince, T0.toISOString());
      assert.equal(check.lastAttempt?.httpStatus, 404);
    });

    it('when the answer is 429, the link is unknown, never broken, and no GET follows', async () => {
      const s = await serve({ '/datos.csv': answer(429) });
      const check = await checkLink({ url: `${s.origin}/datos.csv` }, undefined, fast());
      assert.equal(check.status, 'unknown');
      assert.equal(check.failingSince, undefined);
      assert.deepEqual(check.lastAttempt, { outcome: 'unknown', checkedAt: T0.toISOString(), httpStatus: 429, error: 'rate_limited' });
      assert.deepEqual(s.requests.map((r) => r.method), ['HEAD']);
    });

    it('when the answer is 429 and the link was ok 10 days ago, it stays ok with the earlier answer and the attempt recorded', async () => {
      const s = await serve({ '/datos.csv': answer(429) });
      const url = `${s.origin}/datos.csv`;
      const previous = okCheck(url, at(-10 * DAY));
      const check = await checkLink({ url }, previous, fast());
      assert.equal(check.status, 'ok');
      assert.equal(check.etag, previous.etag);
      assert.equal(check.confirmedAt, previous.confirmedAt);
      assert.equal(check.checkedAt, T0.toISOString());
      assert.equal(check.lastAttempt?.error, 'rate_limited');
      assert.equal(check.nextCheckAt, at(DAY).toISOString());
    });

    it('when the answer is 429 and the last ok is 31 days old, the link is unknown', async () => {
      const s = await serve({ '/datos.csv': answer(429) });
      const url = `${s.origin}/datos.csv`;
      const check = await checkLink({ url }, okCheck(url, at(-31 * DAY)), fast());
      assert.equal(check.status, 'unknown');
    });

    it('when a firewall challenge page answers HEAD and GET with 403, the link is unknown, not failed', async () => {
      const challenge = answer(403, { 'content-type': 'text/html' }, '<!DOCTYPE html><html><head><title>Just a moment...</title>');
      const s = await serve({ '/datos.csv': challenge });
      const check = await checkLink({ url: `${s.origin}/datos.csv` }, undefined, fast());
      assert.equal(check.status, 'unknown');
      assert.equal(check.lastAttempt?.error, 'firewall');
      assert.equal(check.failingSince, undefined);
    });

    it('when the server never answers, the link is unknown after HEAD and GET time out', async () => {
      const s = await serve({ '/lento.csv': silence });
      const check = await checkLink({ url: `${s.origin}/lento.csv` }, undefined, fast({ timeoutMs: 150 }));
      assert.equal(check.status, 'unknown');
      assert.equal(check.lastAttempt?.error, 'timeout');
      await waitFor(() => s.requests.length === 2);
      assert.deepEqual(s.requests.map((r) => r.method), ['HEAD', 'GET']);
    });

    it('when nothing listens on the port, the attempt fails (connection refused) and starts a streak', async () => {
      const s = await serve({});
      const url = `${s.origin}/datos.csv`;
      await s.close();
      server = undefined;
      const check = await checkLink({ url }, undefined, fast());
      assert.equal(check.lastAttempt?.outcome, 'failed');
      assert.equal(check.lastAttempt?.error, 'connection_refused');
      assert.equal(check.failingSince, T0.toISOString());
    });

    for (const url of ['ftp://datos.gob.ec/a.csv', 'http://datos.gob.ec/mi archivo.csv', 'http:///solo-ruta.csv', 'datos.csv', '']) {
      it(`an invalid URL (${JSON.stringify(url)}) is broken at once, without any request`, async () => {
        const resolver = async () => assert.fail('no lookup for an invalid URL');
        const check = await checkLink({ url }, undefined, fast({ resolver }));
        assert.equal(check.status, 'broken');
        assert.equal(check.lastAttempt?.error, 'invalid_url');
      });
    }
  });

  describe('redirects', () => {
    it('follows a chain of 3 redirects to an ok file and stores the final URL', async () => {
      const s = await serve({ '/a': redirect('/b', 301), '/b': redirect('/c', 307), '/c': redirect('/datos.csv', 308), '/datos.csv': answer(200, CSV_HEADERS) });
      const check = await checkLink({ url: `${s.origin}/a` }, undefined, fast());
      assert.equal(check.status, 'ok');
      assert.equal(check.finalUrl, `${s.origin}/datos.csv`);
      assert.deepEqual(s.requests.map((r) => r.path), ['/a', '/b', '/c', '/datos.csv']);
    });

    it('follows exactly 5 redirects', async () => {
      const s = await serve(chain(5));
      const check = await checkLink({ url: `${s.origin}/r0` }, undefined, fast());
      assert.equal(check.status, 'ok');
      assert.equal(check.finalUrl, `${s.origin}/r5`);
    });

    it('stops at the 6th redirect: the attempt fails with too_many_redirects', async () => {
      const s = await serve(chain(6));
      const check = await checkLink({ url: `${s.origin}/r0` }, undefined, fast());
      assert.notEqual(check.status, 'ok');
      assert.equal(check.lastAttempt?.outcome, 'failed');
      assert.equal(check.lastAttempt?.error, 'too_many_redirects');
      assert.equal(s.requests.length, 6);
      assert.ok(!s.requests.some((r) => r.path === '/r6'));
    });

    it('refuses a redirect from an allowed host to 127.0.0.1 when 127.0.0.1 is not allowed', async () => {
      const s = await serve({ '/secreto': answer(200, CSV_HEADERS) });
      const front = await startLinkServer({ '/inicio': redirect(`${s.origin}/secreto`) });
      try {
        const options = fast({ allowHosts: ['portal.test'], resolver: resolveTo('127.0.0.1') });
        const check = await checkLink({ url: `http://portal.test:${front.port}/inicio` }, undefined, options);
        assert.equal(check.status, 'refused');
        assert.equal(check.lastAttempt?.error, 'private_address');
        assert.equal(check.finalUrl, `${s.origin}/secreto`);
        assert.deepEqual(front.requests.map((r) => r.path), ['/inicio']);
        assert.equal(s.requests.length, 0);
      } finally {
        await front.close();
      }
    });

    it('refuses a redirect to a host name that resolves to a private address, at connection time', async () => {
      const s = await serve({ '/inicio': (req, res) => redirect(`http://intranet.test:${s.port}/secreto`)(req, res), '/secreto': answer(200, CSV_HEADERS) });
      const check = await checkLink({ url: `${s.origin}/inicio` }, undefined, fast({ resolver: resolveTo('127.0.0.1') }));
      assert.equal(check.status, 'refused');
      assert.deepEqual(s.requests.map((r) => r.path), ['/inicio']);
    });
  });

  describe('address policy', () => {
    it('refuses 127.0.0.1 when it is not allowed, and no request reaches the server', async () => {
      const s = await serve({ '/datos.csv': answer(200, CSV_HEADERS) });
      const check = await checkLink({ url: `${s.origin}/datos.csv` }, undefined, fast({ allowHosts: [] }));
      assert.equal(check.status, 'refused');
      assert.equal(check.lastAttempt?.error, 'private_address');
      assert.equal(s.requests.length, 0);
    });

    it('refuses a host name when any of its addresses is private, and no request reaches the server', async () => {
      const s = await serve({ '/datos.csv': answer(200, CSV_HEADERS) });
      const resolver = async () => [
        { address: '127.0.0.1', family: 4 },
        { address: '93.184.216.34', family: 4 },
      ];
      const check = await checkLink({ url: `http://datos.test:${s.port}/datos.csv` }, undefined, fast({ allowHosts: [], resolver }));
      assert.equal(check.status, 'refused');
      assert.equal(s.requests.length, 0);
    });

    it('fetches a host name that resolves to a private address when the host is allowed', async () => {
      const s = await serve({ '/datos.csv': answer(200, CSV_HEADERS) });
      const options = fast({ allowHosts: ['Portal.Test'], resolver: resolveTo('127.0.0.1') });
      const check = await checkLink({ url: `http://portal.test:${s.port}/datos.csv` }, undefined, options);
      assert.equal(check.status, 'ok');
      assert.equal(s.requests[0].headers.host, `portal.test:${s.port}`);
    });

    it('when the host name does not resolve, the link is unknown (dns_failure), not failed', async () => {
      const resolver = async () => {
        throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
      };
      const check = await checkLink({ url: 'http://no-existe.test/datos.csv' }, undefined, fast({ resolver }));
      assert.equal(check.status, 'unknown');
      assert.equal(check.lastAttempt?.error, 'dns_failure');
      assert.equal(check.failingSince, undefined);
    });
  });

  describe('content', () => {
    it('when HTML comes where CSV was declared, the link is ok with the flag html_instead_of_csv', async () => {
      const s = await serve({ '/datos.csv': answer(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': 120 }) });
      const check = await checkLink({ url: `${s.origin}/datos.csv`, format: 'CSV' }, undefined, fast());
      assert.equal(check.status, 'ok');
      assert.deepEqual(check.flags, ['html_instead_of_csv']);
    });

    it('when HTML comes where HTML was declared, there is no flag', async () => {
      const s = await serve({ '/portal': answer(200, { 'content-type': 'text/html', 'content-length': 120 }) });
      const check = await checkLink({ url: `${s.origin}/portal`, format: 'HTML' }, undefined, fast());
      assert.equal(check.status, 'ok');
      assert.equal(check.flags, undefined);
    });

    it('sets changedAt when the ETag changes and carries it while nothing changes', async () => {
      let etag = '"v1"';
      const s = await serve({ '/datos.csv': (req, res) => answer(200, { ...CSV_HEADERS, etag })(req, res) });
      const url = `${s.origin}/datos.csv`;
      const first = await checkLink({ url }, undefined, fast());
      assert.equal(first.changedAt, undefined);
      const same = await checkLink({ url }, first, fast({ now: () => at(DAY) }));
      assert.equal(same.changedAt, undefined);
      etag = '"v2"';
      const changed = await checkLink({ url }, same, fast({ now: () => at(8 * DAY) }));
      assert.equal(changed.changedAt, at(8 * DAY).toISOString());
      assert.equal(changed.etag, '"v2"');
      const later = await checkLink({ url }, changed, fast({ now: () => at(38 * DAY) }));
      assert.equal(later.changedAt, at(8 * DAY).toISOString());
    });
  });
});

/** A stored ok check made at `when`. */
function okCheck(url: string, when: Date): LinkCheck {
  return {
    url,
    status: 'ok',
    checkedAt: when.toISOString(),
    confirmedAt: when.toISOString(),
    httpStatus: 200,
    contentType: 'text/csv',
    etag: '"v0"',
    okStreak: 1,
    nextCheckAt: new Date(when.getTime() + DAY).toISOString(),
    lastAttempt: { outcome: 'ok', checkedAt: when.toISOString(), httpStatus: 200 },
  };
}

/** `/r0` → `/r1` → … → `/r<n>`, which answers 200. */
function chain(n: number): Record<string, Handler> {
  const routes: Record<string, Handler> = { [`/r${n}`]: answer(200, CSV_HEADERS) };
  for (let i = 0; i < n; i++) routes[`/r${i}`] = redirect(`/r${i + 1}`);
  return routes;
}

/** A resolver that answers `address` for every name. */
function resolveTo(address: string) {
  return async () => [{ address, family: 4 }];
}

/** Writes up to `total` bytes as fast as the client reads, reporting the count; stops when the client goes. */
function pump(res: ServerResponse, total: number, report: (sent: number) => void): void {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let sent = 0;
  const write = (): void => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      report(sent);
      if (!res.write(chunk)) {
        res.once('drain', write);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  write();
}

/** Polls `condition` (server-side effects can trail the client's answer by a tick). */
async function waitFor(condition: () => boolean, ms = 1000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('The condition did not come true in time.');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

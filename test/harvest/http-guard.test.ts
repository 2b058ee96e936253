/**
 * Invariant 7 in the harvesters' HTTP client: a request or redirect to a private, loopback or
 * link-local address is refused unless its host is the portal's own or allowed; a caller may also
 * refuse a redirect before it is followed. Host names resolve through a test resolver to the local
 * server, so the refusals are judged by name and address as in production.
 */
import assert from 'node:assert/strict';
import { createHttpClient, type AddressGuard } from '../../src/harvest/http.js';
import { HarvestError } from '../../src/errors.js';
import type { Resolver } from '../../src/links/address-policy.js';
import { answer, redirect, startLinkServer, type LinkServer } from '../links/link-server.js';

/** Every name resolves to the loopback address, where the test server listens. */
const loopback: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];

function client(guard: AddressGuard) {
  return createHttpClient({
    timeoutMs: 2000, maxResponseBytes: 1 << 20, retries: 0, backoffLimitMs: 10, maxRetryAfterMs: 100,
    userAgent: 'Cosecha test', insecure: false, politeness: { concurrency: 2, intervalMs: 0 }, guard,
  });
}

const refused = (words: RegExp) => (e: unknown) => e instanceof HarvestError && e.code === 'unsafe_url' && words.test(e.message);

describe('HTTP client: safe outward requests (invariant 7)', () => {
  let server: LinkServer;
  let at: (host: string, path: string) => string;
  before(async () => {
    server = await startLinkServer({
      '/datos': answer(200, { 'content-type': 'application/json' }, '{"ok": true}'),
      '/a-interno': (req, res) => redirect(`http://interno.example:${server.port}/datos`)(req, res),
      '/a-ip': (req, res) => redirect(`http://127.0.0.1:${server.port}/datos`)(req, res),
      '/a-permitido': (req, res) => redirect(`http://espejo.example:${server.port}/datos`)(req, res),
    });
    at = (host, path) => `http://${host}:${server.port}${path}`;
  });
  after(() => server.close());

  it('fetches the portal\'s own host even on a private address', async () => {
    const http = client({ allowHosts: ['portal.example'], resolver: loopback });
    assert.deepEqual((await http.getJson(at('portal.example', '/datos'))).body, { ok: true });
  });

  it('refuses a redirect to another host on a private address, by name or as an IP literal, before asking it', async () => {
    const http = client({ allowHosts: ['portal.example'], resolver: loopback });
    const before = server.requests.length;
    await assert.rejects(http.getText(at('portal.example', '/a-interno')), refused(/interno\.example resolves to a non-public address.*linkAllowHosts/));
    await assert.rejects(http.getText(at('portal.example', '/a-ip')), refused(/127\.0\.0\.1 is a non-public address/));
    assert.deepEqual(server.requests.slice(before).map((r) => r.path), ['/a-interno', '/a-ip'], 'only the portal was asked');
  });

  it('refuses a URL a harvester was handed that names another host on a private address, streamed or not', async () => {
    const http = client({ allowHosts: ['portal.example'], resolver: loopback });
    await assert.rejects(http.getJson(at('metadatos.example', '/datos')), refused(/metadatos\.example resolves to a non-public address/));
    const stream = http.streamJson(at('metadatos.example', '/datos'), { paths: { object: ['$.ok'] } });
    await assert.rejects(stream.next(), refused(/metadatos\.example resolves to a non-public address/));
  });

  it('follows a redirect to a host the settings allow', async () => {
    const http = client({ allowHosts: ['portal.example', 'espejo.example'], resolver: loopback });
    const response = await http.getText(at('portal.example', '/a-permitido'));
    assert.equal(response.url, at('espejo.example', '/datos'));
  });

  it('refuses a redirect the caller does not allow before following it', async () => {
    const http = client({ allowHosts: ['portal.example', 'espejo.example'], resolver: loopback });
    const before = server.requests.length;
    const onPortal = (to: string) => new URL(to).hostname === 'portal.example';
    await assert.rejects(http.getText(at('portal.example', '/a-permitido'), { redirectAllowed: onPortal }), refused(/redirects to http:\/\/espejo\.example:\d+\/datos/));
    assert.deepEqual(server.requests.slice(before).map((r) => r.path), ['/a-permitido']);
  });

  it('keeps refusing non-public addresses when the caller also has a say on redirects', async () => {
    const http = client({ allowHosts: ['portal.example'], resolver: loopback });
    await assert.rejects(http.getText(at('portal.example', '/a-ip'), { redirectAllowed: () => true }), refused(/127\.0\.0\.1 is a non-public address/));
    await assert.rejects(http.getText(at('portal.example', '/a-interno'), { redirectAllowed: () => true }), refused(/interno\.example resolves to a non-public address/));
  });
});

/**
 * Invariant 7 against every spelling of a private address (issue 9): link checks and harvests
 * refuse a harvested URL, a paging link or a redirect that leads to the loopback address, however
 * it is written. The test server really listens there (127.0.0.1, and [::1] when the machine has
 * it), so a guard that let one through would be seen asking it.
 */
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { checkLink } from '../../src/links/check-links.js';
import { createHttpClient } from '../../src/harvest/http.js';
import { HarvestError } from '../../src/errors.js';
import type { Resolver } from '../../src/links/address-policy.js';
import type { LinkCheckOptions } from '../../src/links/options.js';
import type { Container } from '../../src/container.js';
import { startCkanServer, type CkanServer } from '../../src/demo/ckan-server.js';
import { ckanPackage } from '../support/ckan-packages.js';
import { ckanPortal, testContainer } from '../support/test-container.js';
import { answer, redirect, startLinkServer, type LinkServer } from '../links/link-server.js';

/** The loopback address as strangers write it: every one but `[::127.0.0.1]` reaches the test server unless refused. */
const SPELLINGS = [
  '2130706433', // decimal
  '0x7f.1', // hex, short
  '0x7f000001', // hex
  '0177.0.0.1', // octal
  '127.1', // short
  '[::1]',
  '[::ffff:127.0.0.1]', // IPv4-mapped
  '[::ffff:7f00:1]',
  '[::127.0.0.1]', // IPv4-compatible (deprecated; routed off the machine, never loopback)
  '0.0.0.0',
  '0',
  '[::]',
  'localhost',
];

/** Every name resolves to the loopback address (an injected resolver, as a hostile DNS would). */
const loopback: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];

const CSV = { 'content-type': 'text/csv', 'content-length': 42 };

/** Where the fake CKAN's package_search redirects, and where the DCAT page's next page is (set per run). */
let searchRedirect = '';
let nextPage = '';

describe('private addresses in every spelling are refused (invariant 7)', () => {
  let server: LinkServer;
  /** `http://<host>:<port of the test server><path>` */
  let at: (host: string, path: string) => string;
  /** Fails when a request reached the address the guard should have kept it from. */
  const noneTrapped = () => assert.deepEqual(server.requests.filter((r) => r.path.startsWith('/trampa')), [], 'a refused address was asked');
  const redirectTo = (req: IncomingMessage) => at(new URL(req.url ?? '/', 'http://x').searchParams.get('a') ?? '', '/trampa.csv');

  before(async () => {
    server = await startLinkServer(
      {
        '/trampa.csv': answer(200, CSV),
        '/propio.csv': answer(200, CSV),
        // `/salta?a=HOST`: a 302 to the trap on HOST (the portal's own host, allowed, sending elsewhere).
        '/salta': (req, res) => redirect(redirectTo(req))(req, res),
        '/api/3/action/package_search': (req, res) => redirect(at(searchRedirect, '/trampa.json'))(req, res),
        '/catalogo.ttl': (req, res) => answer(200, { 'content-type': 'text/turtle' }, catalogPage(at(nextPage, '/trampa.ttl')))(req, res),
      },
      { ipv6: true },
    );
    at = (host, path) => `http://${host}:${server.port}${path}`;
  });
  after(() => server.close());
  beforeEach(() => void (server.requests.length = 0));

  describe('link checks', () => {
    /** The portal is `portal.example` (allowed, resolving to the test server); every other host is a stranger's. */
    const options = (extra: LinkCheckOptions = {}): LinkCheckOptions => ({ allowHosts: ['portal.example'], resolver: loopback, timeoutMs: 2000, perHostIntervalMs: 0, ...extra });

    for (const host of SPELLINGS) {
      it(`refuses http://${host}/, and a redirect to it from the portal's own host, without asking it`, async () => {
        const direct = await checkLink({ url: at(host, '/trampa.csv') }, undefined, options());
        assert.equal(direct.status, 'refused');
        assert.equal(direct.lastAttempt?.error, 'private_address');
        const hops = server.requests.length;
        const redirected = await checkLink({ url: at('portal.example', `/salta?a=${host}`) }, undefined, options());
        assert.equal(redirected.status, 'refused');
        assert.equal(redirected.finalUrl, new URL(at(host, '/trampa.csv')).href);
        assert.deepEqual(server.requests.slice(hops).map((r) => r.path), ['/salta'], 'the portal was asked, the address it sent to was not');
        noneTrapped();
      });
    }

    it('refuses a host name an injected resolver resolves to 127.0.0.1, asked directly or through a redirect', async () => {
      assert.equal((await checkLink({ url: at('datos.example', '/trampa.csv') }, undefined, options())).status, 'refused');
      assert.equal((await checkLink({ url: at('portal.example', '/salta?a=datos.example') }, undefined, options())).status, 'refused');
      noneTrapped();
    });

    it('a portal trusted as 127.0.0.1 is trusted in every spelling the URL writes 127.0.0.1, and no other host that reaches it is', async () => {
      // The operator trusted a host: the URL standard reads 2130706433 and 0x7f.1 as the host
      // 127.0.0.1 (browsers too), so they are that host; localhost and [::ffff:127.0.0.1] reach
      // the same address but are other hosts, and a stranger's link may not use them.
      const trusted = { allowHosts: [new URL(server.origin).hostname], resolver: undefined };
      const sameHost = ['2130706433', '0x7f.1', '0x7f000001', '0177.0.0.1', '127.1'];
      for (const host of sameHost) {
        assert.equal((await checkLink({ url: at(host, '/propio.csv') }, undefined, options(trusted))).status, 'ok', host);
      }
      assert.equal(server.requests.filter((r) => r.path === '/propio.csv').length, sameHost.length);
      for (const host of SPELLINGS.filter((h) => !sameHost.includes(h))) {
        assert.equal((await checkLink({ url: at(host, '/trampa.csv') }, undefined, options(trusted))).status, 'refused', host);
      }
      noneTrapped();
    });

    describe('a link pass over a portal harvested from http://localhost:PORT', () => {
      let portal: CkanServer;
      let c: Container;
      before(async () => {
        const links = SPELLINGS.filter((h) => h !== 'localhost').flatMap((host) => [at(host, '/trampa.csv'), at('localhost', `/salta?a=${host}`)]);
        const resources = links.map((url, i) => ({ id: `r${i}`, name: `Recurso ${i}`, format: 'CSV', url }));
        portal = await startCkanServer({ packages: [ckanPackage(1, { resources })] });
        c = await testContainer([ckanPortal('ec-trampas', `http://localhost:${new URL(portal.url).port}`)]);
        assert.equal((await c.harvest({ portal: c.config.portals[0] })).status, 'succeeded');
      });
      after(async () => {
        await c.close();
        await portal.close();
      });

      it('records every link refused, each direct one and each redirect from the portal\'s own host', async () => {
        const result = await c.checkLinks('ec-trampas');
        assert.equal(result.urls, (SPELLINGS.length - 1) * 2);
        assert.deepEqual(result.statuses, { ok: 0, broken: 0, unknown: 0, refused: result.urls, not_checked: 0 });
        noneTrapped();
      });
    });
  });

  describe('harvests', () => {
    /** The HTTP client as the container builds it for a portal at `portal.example`. */
    const http = () =>
      createHttpClient({
        timeoutMs: 2000, maxResponseBytes: 1 << 20, retries: 0, backoffLimitMs: 10, maxRetryAfterMs: 100,
        userAgent: 'Cosecha test', insecure: false, politeness: { concurrency: 2, intervalMs: 0 },
        guard: { allowHosts: ['portal.example'], resolver: loopback },
      });
    const unsafe = (e: unknown) => e instanceof HarvestError && e.code === 'unsafe_url';

    for (const host of SPELLINGS) {
      it(`the client refuses http://${host}/ named by an API and a redirect to it, read whole or streamed, with unsafe_url`, async () => {
        const client = http();
        await assert.rejects(client.getJson(at(host, '/trampa.csv')), unsafe);
        await assert.rejects(client.streamJson(at(host, '/trampa.csv'), { paths: { object: ['$.x'] } }).next(), unsafe);
        await assert.rejects(client.getText(at('portal.example', `/salta?a=${host}`)), unsafe);
        await assert.rejects(client.streamJson(at('portal.example', `/salta?a=${host}`), { paths: { object: ['$.x'] } }).next(), unsafe);
        noneTrapped();
      });
    }

    it('the client refuses a host name an injected resolver resolves to 127.0.0.1, named or redirected to', async () => {
      await assert.rejects(http().getText(at('datos.example', '/trampa.csv')), unsafe);
      await assert.rejects(http().getText(at('portal.example', '/salta?a=datos.example')), unsafe);
      noneTrapped();
    });

    describe('whole runs of a portal at http://localhost:PORT', () => {
      let c: Container;
      afterEach(() => c?.close());

      it('a CKAN portal whose package_search redirects to any spelling fails with unsafe_url before asking it', async () => {
        c = await testContainer([ckanPortal('ec-salta', at('localhost', ''))]);
        for (const host of SPELLINGS.filter((h) => h !== 'localhost')) {
          searchRedirect = host;
          const run = await c.harvest({ portal: c.config.portals[0] });
          assert.deepEqual([run.status, run.error?.code], ['failed', 'unsafe_url'], host);
        }
        noneTrapped();
      });

      it('a DCAT catalog whose next page is on any spelling fails with unsafe_url before asking it', async () => {
        c = await testContainer([ckanPortal('ec-pagina', at('localhost', '/catalogo.ttl'), { platform: 'dcat' })]);
        for (const host of SPELLINGS.filter((h) => h !== 'localhost')) {
          nextPage = host;
          const run = await c.harvest({ portal: c.config.portals[0] });
          assert.deepEqual([run.status, run.error?.code], ['failed', 'unsafe_url'], host);
        }
        noneTrapped();
      });
    });
  });
});

/** A one-dataset DCAT page whose hydra:nextPage is `next`. */
function catalogPage(next: string): string {
  return `@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix hydra: <http://www.w3.org/ns/hydra/core#> .
<urn:pagina:1> a hydra:PagedCollection ; hydra:nextPage "${next}" .
<urn:catalogo> a dcat:Catalog ; dcat:dataset <urn:conjunto:1> .
<urn:conjunto:1> a dcat:Dataset ; dct:identifier "conjunto-1" ; dct:title "Presupuesto municipal" .
`;
}

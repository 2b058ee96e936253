/**
 * Harvested values are hostile on every page: markup must come out as text, script URLs in any
 * spelling as text (only http:, https: and mailto: become links), and every page carries a strict
 * Content-Security-Policy and `X-Content-Type-Options: nosniff`. Read with a real HTML parser.
 */
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { once } from 'node:events';
import * as cheerio from 'cheerio';
import { createApp } from '../../../src/api/app.js';
import { silentLogger } from '../../../src/log.js';
import { NOW } from '../../reports/seed.js';
import type { Store } from '../../../src/store/store.js';
import { GOOD_MAIL, GOOD_TITLE, GOOD_URL, HOSTILE_URLS, IMG, INSTITUTION_PATH, NEIGHBOUR, PORTAL, PUBLISHER, SCRIPT, hostileStore, hostileTitle } from './hostile-store.js';

/** The datasets' pages, by their id `<portal>:<source id>`. */
const HOSTILE_DATASETS = HOSTILE_URLS.map((_, i) => `/conjuntos/${encodeURIComponent(`${PORTAL.id}:hostil-${i}`)}`);
const GOOD_DATASET = `/conjuntos/${encodeURIComponent(`${PORTAL.id}:bueno`)}`;

/** Each page, and the harvested text it must show (escaped, as text). */
const PAGES: [path: string, status: number, shows: string[]][] = [
  ['/', 200, [PORTAL.name]],
  ['/buscar', 200, [hostileTitle(0), hostileTitle(1)]],
  ['/buscar?q=hostil', 200, [hostileTitle(0), hostileTitle(1)]],
  [`/buscar?q=${encodeURIComponent(SCRIPT)}`, 200, []],
  [`/buscar?q=${encodeURIComponent(IMG)}`, 200, []],
  [`/buscar?publisher=${encodeURIComponent(PUBLISHER.name)}`, 200, [hostileTitle(0), PUBLISHER.name]],
  ...HOSTILE_DATASETS.map((path, i): [string, number, string[]] => [path, 200, [hostileTitle(i), PUBLISHER.name, SCRIPT, IMG]]),
  [GOOD_DATASET, 200, [GOOD_TITLE]],
  ['/portales', 200, [PORTAL.name, NEIGHBOUR.name]],
  [`/portales/${PORTAL.id}`, 200, [PORTAL.name, PUBLISHER.name]],
  [`/portales/${NEIGHBOUR.id}`, 200, [NEIGHBOUR.name]],
  [INSTITUTION_PATH, 200, [PUBLISHER.name, hostileTitle(0)]],
  ['/comparar', 200, []],
  [`/comparar?portal=${PORTAL.id}&portal=${NEIGHBOUR.id}`, 200, [PORTAL.name, NEIGHBOUR.name]],
  ['/metodologia', 200, []],
  // The English pages carry the same values.
  ['/?lang=en', 200, [PORTAL.name]],
  [`${HOSTILE_DATASETS[0]}?lang=en`, 200, [hostileTitle(0), PUBLISHER.name]],
  [`${INSTITUTION_PATH}?lang=en`, 200, [PUBLISHER.name]],
  ['/no-existe', 404, []],
  [`/${encodeURIComponent(SCRIPT)}`, 404, []],
  [`/conjuntos/${encodeURIComponent(IMG)}`, 404, []],
];

/** Attributes a browser reads as an address. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'data', 'background', 'cite', 'longdesc', 'manifest', 'ping', 'icon']);

/**
 * An address of Cosecha itself (`/…`, `?…`, `#…`, never `//…` or `/\…`, which leave the site) or
 * an absolute http(s) or mailto URL, as safe-url.ts writes them: lower-case scheme, nothing blank.
 */
function isSafeAddress(value: string): boolean {
  if (/[\s\u0000-\u001f\u007f]/.test(value)) return false;
  if (/^[/?#]/.test(value)) return !/^[/\\][/\\]/.test(value);
  return /^(https?:\/\/[^/\\]|mailto:)/.test(value);
}

describe('web pages over hostile harvested values', () => {
  let store: Store;
  let server: Server;
  let base: string;
  const pages = new Map<string, { status: number; headers: Headers; html: string }>();

  before(async () => {
    store = await hostileStore();
    server = createApp({ store, portals: [], log: silentLogger, version: 'test', now: () => NOW }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    for (const [path] of PAGES) {
      const res = await fetch(base + path, { redirect: 'manual' });
      pages.set(path, { status: res.status, headers: res.headers, html: await res.text() });
    }
  });
  after(async () => {
    server?.close();
    await store?.close();
  });

  for (const [path, status, shows] of PAGES) {
    describe(path, () => {
      const page = () => pages.get(path)!;
      const $ = () => cheerio.load(page().html);

      it(`answers ${status} with an HTML page`, () => {
        assert.equal(page().status, status, `${path} answers ${page().status}`);
        assert.match(page().headers.get('content-type') ?? '', /^text\/html/);
      });

      it("carries a CSP allowing scripts and styles from Cosecha only, and nosniff", () => {
        const directives = cspDirectives(page().headers.get('content-security-policy'));
        assert.deepEqual(directives.get('script-src'), ["'self'"]);
        assert.deepEqual(directives.get('style-src'), ["'self'"]);
        assert.deepEqual(directives.get('object-src'), ["'none'"]);
        assert.equal(page().headers.get('x-content-type-options'), 'nosniff');
      });

      it("has no <script> but Cosecha's own (/static/…) and JSON-LD, and no inline style", () => {
        const doc = $();
        const foreign = doc('script').toArray().filter((el) => {
          const src = el.attribs.src;
          if (src !== undefined) return !src.startsWith('/static/') || doc(el).text().trim() !== '';
          return el.attribs.type !== 'application/ld+json';
        });
        assert.deepEqual(foreign.map((el) => doc.html(el)), []);
        for (const el of doc('script[type="application/ld+json"]').toArray()) {
          const json = doc(el).text();
          assert.doesNotMatch(json, /</, 'a JSON-LD block holds no "<" that could close it');
          assert.doesNotThrow(() => JSON.parse(json), 'the JSON-LD block is whole');
        }
        assert.equal(doc('style, [style]').length, 0, 'no <style> element or style attribute (the CSP forbids them)');
        assert.equal(doc('iframe, frame, object, embed, base, meta[http-equiv]').length, 0);
      });

      it('has no attribute starting with "on", and every address is Cosecha\'s own or http(s)/mailto', () => {
        const doc = $();
        const handlers: string[] = [];
        const addresses: string[] = [];
        for (const el of doc('*').toArray()) {
          if (!('attribs' in el)) continue;
          for (const [name, value] of Object.entries(el.attribs)) {
            if (/^on/i.test(name)) handlers.push(`<${el.tagName} ${name}="${value}">`);
            if (URL_ATTRIBUTES.has(name.toLowerCase()) && !isSafeAddress(value)) addresses.push(`<${el.tagName} ${name}=${JSON.stringify(value)}>`);
          }
        }
        assert.deepEqual(handlers, []);
        assert.deepEqual(addresses, []);
      });

      it('shows the hostile text as text, never as markup', () => {
        const { html } = page();
        assert.ok(!html.includes(SCRIPT), 'the <script> of a harvested value is escaped');
        assert.doesNotMatch(html, /<img[^>]*onerror/i);
        const text = $()('body').text();
        for (const expected of shows) assert.ok(text.includes(expected), `the page shows ${JSON.stringify(expected)} as text`);
      });
    });
  }

  it('a hostile query is given back as the text of the search box, and as text in the page', () => {
    for (const q of [SCRIPT, IMG]) {
      const doc = cheerio.load(pages.get(`/buscar?q=${encodeURIComponent(q)}`)!.html);
      assert.equal(doc('main input[name="q"]').val(), q);
      assert.ok(doc('title').text().includes(q), 'the title quotes the query as text');
    }
  });

  it('every spelling of a script URL on a dataset page is shown as text, never as a link', () => {
    HOSTILE_URLS.forEach((url, i) => {
      const doc = cheerio.load(pages.get(HOSTILE_DATASETS[i])!.html);
      const links = doc('a[href]').toArray().map((a) => a.attribs.href);
      assert.ok(!links.some((href) => /script|^data:|evil\.example/i.test(href)), `${JSON.stringify(url)}: ${links.join(' ')}`);
    });
  });

  it('a good https URL and a mailto address are links, marked as leading off the site', () => {
    const doc = cheerio.load(pages.get(GOOD_DATASET)!.html);
    for (const href of [GOOD_URL, GOOD_MAIL]) {
      const link = doc(`main a[href="${href}"]`);
      assert.ok(link.length > 0, `${href} is a link`);
      assert.match(link.attr('rel') ?? '', /noopener/);
      assert.match(link.attr('rel') ?? '', /noreferrer/);
    }
  });

  it('the JSON-LD block of a hostile dataset names it exactly, its markup escaped rather than removed', () => {
    const doc = cheerio.load(pages.get(HOSTILE_DATASETS[0])!.html);
    const block = doc('script[type="application/ld+json"]');
    assert.equal(block.length, 1);
    const data = JSON.parse(block.text());
    assert.equal(data['@type'], 'Dataset');
    assert.equal(data.name, hostileTitle(0));
    const addresses = urlValues(data);
    assert.ok(addresses.length > 0, 'the block names the page it describes');
    assert.deepEqual(addresses.filter((u) => !/^https?:\/\/[^/]/.test(u)), [], 'no script URL is given to search engines as an address');
  });

  it('the stylesheet, the script and the icon are served with nosniff and their own types', async () => {
    const doc = cheerio.load(pages.get('/')!.html);
    const assets = [doc('link[rel="stylesheet"]').attr('href'), doc('script[src]').attr('src'), doc('link[rel="icon"]').attr('href')];
    for (const [asset, type] of assets.map((a, i) => [a, [/^text\/css/, /javascript/, /^image\/svg\+xml/][i]] as const)) {
      assert.ok(asset, 'the layout names its assets');
      const res = await fetch(base + asset);
      assert.equal(res.status, 200, asset);
      assert.match(res.headers.get('content-type') ?? '', type, asset);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', asset);
    }
  });
});

/** JSON-LD keys whose values are addresses. */
const URL_KEYS = new Set(['@id', 'url', 'contentUrl', 'sameAs', 'mainEntityOfPage', 'isBasedOn', 'discussionUrl']);

/** Every string under an address key of a JSON-LD value, however deep. */
function urlValues(value: unknown, key?: string): string[] {
  if (typeof value === 'string') return key && URL_KEYS.has(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => urlValues(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => urlValues(v, k));
  return [];
}

/** The directives of a Content-Security-Policy header, each with its sources. */
function cspDirectives(header: string | null): Map<string, string[]> {
  assert.ok(header, 'the page sends a Content-Security-Policy');
  return new Map(header.split(';').map((d) => d.trim().split(/\s+/)).filter((parts) => parts[0]).map(([name, ...sources]) => [name.toLowerCase(), sources]));
}

/** The HTML harvester's options: defaults, and a bad option reported as a ConfigError naming the portal and the option. */
import assert from 'node:assert/strict';
import { readHtmlOptions } from '../../harvesters/html.js';
import { ConfigError } from '../../src/errors.js';
import { testPortal } from '../support/portal-config.js';
import { listAll, rejection } from './html-support.js';

const portal = (options: Record<string, unknown>, url = 'https://www.villaesperanza.gob.ec/transparencia') =>
  testPortal({ id: 'ec-villa-esperanza', platform: 'html', url, options });

function configError(options: Record<string, unknown>): ConfigError {
  try {
    readHtmlOptions(portal(options));
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    assert.equal(error.code, 'bad_config');
    return error;
  }
  throw new Error('Expected a ConfigError, but the options were accepted.');
}

describe('HTML harvester: options', () => {
  it('without options, reads /sitemap.xml of the portal\'s site with the documented limits', () => {
    const options = readHtmlOptions(portal({}));
    assert.deepEqual(options.sitemap, ['https://www.villaesperanza.gob.ec/sitemap.xml']);
    assert.deepEqual(options.listing, []);
    assert.equal(options.maxPages, 100);
    assert.equal(options.maxSitemaps, 100);
    assert.equal(options.selectors, undefined);
    assert.equal(options.fallbackPage, 'https://www.villaesperanza.gob.ec/transparencia', 'read when the site has no sitemap');
    assert.equal(readHtmlOptions(portal({}, 'https://www.villaesperanza.gob.ec/')).fallbackPage, undefined, 'the home page is no fallback');
  });

  it('reads listing addresses against the portal URL and, given a listing, reads no sitemap', () => {
    const options = readHtmlOptions(portal({ listing: '/datos-abiertos/conjuntos', next: 'a[rel=next]', include: '^https://' }));
    assert.deepEqual(options.listing, ['https://www.villaesperanza.gob.ec/datos-abiertos/conjuntos']);
    assert.deepEqual(options.sitemap, []);
    assert.equal(options.fallbackPage, undefined);
    assert.ok(options.include?.test('https://www.villaesperanza.gob.ec/'));
  });

  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['an unknown option', { selector: { title: 'h1' } }, /option 'selector' is not an option of the html harvester/],
    ['a selectors block without title', { selectors: { dataset: 'article' } }, /option 'selectors.title' is missing/],
    ['an invalid CSS selector', { selectors: { title: 'h2[' } }, /option 'selectors.title' is not a valid CSS selector/],
    ['an unknown selector', { selectors: { title: 'h2', fecha: 'time' } }, /option 'selectors.fecha' is not an option/],
    ['an invalid pattern', { include: '(datos' }, /option 'include' is not a valid regular expression/],
    ['a listing that is a number', { listing: 42 }, /option 'listing' must be a URL or a list of URLs/],
    ['an empty listing list', { listing: [] }, /option 'listing' must be a URL or a list of URLs/],
    ['a listing that is not http(s)', { listing: ['ftp://villaesperanza.gob.ec/lista'] }, /option 'listing' has "ftp:\/\/villaesperanza.gob.ec\/lista", which is not an http\(s\) URL/],
    ['a page limit of zero', { listing: '/a', maxPages: 0 }, /option 'maxPages' must be a whole number from 1 to 100000/],
    ['a page limit given as text', { listing: '/a', maxPages: '10' }, /option 'maxPages' must be a whole number/],
    ['next without a listing', { next: 'a.siguiente' }, /option 'next' needs the option 'listing'/],
    ['items without a listing', { items: 'table a' }, /option 'items' needs the option 'listing'/],
  ];
  for (const [what, options, message] of cases) {
    it(`rejects ${what} with a ConfigError naming the portal and the option`, () => {
      const error = configError(options);
      assert.match(error.message, /^Portal ec-villa-esperanza: /);
      assert.match(error.message, message);
    });
  }

  it('when the options are bad, the listing fails before any request with the ConfigError', async () => {
    const error = await rejection(listAll('http://127.0.0.1:9/', { options: { selectors: { title: '' } } }));
    assert.ok(error instanceof ConfigError);
    assert.match(error.message, /option 'selectors.title' is empty/);
  });
});

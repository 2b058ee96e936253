import assert from 'node:assert/strict';
import { renderToString } from 'preact-render-to-string';
import { safeHref } from '../../../src/web/safe-url.js';
import { SafeLink } from '../../../src/web/components/safe-link.js';
import { HOSTILE_URLS } from './hostile-store.js';

/** Further spellings a browser would still run, or that lead off the site while looking local. */
const MORE_HOSTILE = [
  'java\nscript:alert(1)',
  'java\rscript:alert(1)',
  '\t javascript:alert(1)',
  '\u0000javascript:alert(1)',
  '\u200bjavascript:alert(1)',
  'javascript://%0aalert(1)',
  'jav&#x09;ascript:alert(1)',
  'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'VBScript:msgbox(1)',
  '/\\evil.example/x',
  '\\\\evil.example\\x',
  '/conjuntos/x',
  'conjuntos/x',
  'file:///etc/passwd',
  'ftp://datos.example/x',
  'blob:https://datos.example/1',
  'about:blank',
  'https://',
  '',
  '   ',
];

describe('safeHref: only http:, https: and mailto: URLs become links', () => {
  for (const value of [...HOSTILE_URLS, ...MORE_HOSTILE]) {
    it(`${shown(value)} is no link`, () => {
      assert.equal(safeHref(value), undefined);
    });
  }

  it('nothing given is no link', () => {
    assert.equal(safeHref(undefined), undefined);
    assert.equal(safeHref(null), undefined);
  });

  it('http, https and mailto URLs are links, in the form a browser would read them', () => {
    assert.equal(safeHref('https://datos.example/ok'), 'https://datos.example/ok');
    assert.equal(safeHref('http://datos.example/a b'), 'http://datos.example/a%20b');
    assert.equal(safeHref('HTTPS://DATOS.Example/Ok'), 'https://datos.example/Ok');
    assert.equal(safeHref('  https://datos.example/ok\n'), 'https://datos.example/ok');
    assert.equal(safeHref('mailto:datos@example.org'), 'mailto:datos@example.org');
    assert.equal(safeHref('MAILTO:datos@example.org'), 'mailto:datos@example.org');
  });

  it('markup inside an allowed URL comes back percent-encoded, unable to leave its attribute', () => {
    for (const value of ['https://datos.example/"><script>alert(1)</script>', 'https://datos.example/?q="><img src=x onerror=alert(1)>', 'mailto:datos@example.org?subject="><script>']) {
      const href = safeHref(value);
      assert.ok(href, value);
      assert.doesNotMatch(href, /["<>\s]/, href);
    }
  });

  it('a mailto: link whose address is not an address is no link (the parser leaves its markup raw)', () => {
    for (const value of ['mailto:"><img src=x onerror=alert(1)>', 'mailto:', 'mailto:sin-arroba', 'mailto:a@b']) {
      assert.equal(safeHref(value), undefined, value);
    }
    assert.equal(safeHref('mailto:datos@example.org,otro@example.org?subject=Consulta'), 'mailto:datos@example.org,otro@example.org?subject=Consulta');
  });
});

describe('SafeLink', () => {
  it('renders a script URL as text in a span, in every spelling', () => {
    for (const value of HOSTILE_URLS) {
      const html = renderToString(SafeLink({ href: value }));
      assert.doesNotMatch(html, /<a\b|href=/, html);
      assert.match(html, /^<span class="unsafe-url">/);
    }
  });

  it('renders a good URL as a link that gives the harvested site no referrer and no opener', () => {
    const html = renderToString(SafeLink({ href: 'https://datos.example/ok', children: 'Fuente' }));
    assert.equal(html, '<a href="https://datos.example/ok" rel="nofollow noopener noreferrer external">Fuente</a>');
  });
});

/** A value as the test's name shows it: quoted, its invisible characters escaped. */
function shown(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\u00a0\u200b-\u200f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

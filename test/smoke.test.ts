import assert from 'node:assert/strict';
import { parseJson } from '../src/harvest/http.js';

describe('parseJson', () => {
  it('when a portal answers HTML where JSON was asked, names the URL', () => {
    assert.throws(() => parseJson({ url: 'http://x/api', status: 200, contentType: 'text/html', body: '<html>' }), /HTML instead of JSON at http:\/\/x\/api/);
  });
});

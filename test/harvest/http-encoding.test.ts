import assert from 'node:assert/strict';
import { createHttpClient, decodeBody } from '../../src/harvest/http.js';
import { answer, startLinkServer } from '../links/link-server.js';
import { HarvestError } from '../../src/errors.js';

const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('HTTP client: text in the encoding the answer declares', () => {
  it('reads the Content-Type charset, an XML declaration or an HTML meta, and UTF-8 otherwise', () => {
    assert.equal(decodeBody(latin1('Educación'), 'text/html; charset=ISO-8859-1'), 'Educación');
    assert.equal(decodeBody(latin1('<?xml version="1.0" encoding="ISO-8859-1"?><t>Niñez</t>'), 'application/xml'), '<?xml version="1.0" encoding="ISO-8859-1"?><t>Niñez</t>');
    assert.equal(decodeBody(latin1('<html><head><meta charset="windows-1252"></head><p>Población</p>'), 'text/html'), '<html><head><meta charset="windows-1252"></head><p>Población</p>');
    assert.equal(decodeBody(Buffer.from('Educación', 'utf8'), 'application/json'), 'Educación');
    assert.equal(decodeBody(Buffer.from('Educación', 'utf8'), 'text/html; charset=no-such-encoding'), 'Educación');
  });

  it('gives a Latin-1 page and a Latin-1 error body as text', async () => {
    const page = '<!DOCTYPE html><html><body><h1>Transparencia: Dirección Financiera</h1></body></html>';
    const server = await startLinkServer({
      '/lotaip': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' }).end(latin1(page)),
      '/error': (_req, res) => res.writeHead(400, { 'content-type': 'text/plain; charset=iso-8859-1' }).end(latin1('Parámetro inválido')),
      '/ok': answer(200, { 'content-type': 'application/json' }, '{"título":"Niñez"}'),
    });
    const http = createHttpClient({
      timeoutMs: 2000, maxResponseBytes: 1 << 20, retries: 0, backoffLimitMs: 10, maxRetryAfterMs: 100,
      userAgent: 'Cosecha test', insecure: false, politeness: { concurrency: 2, intervalMs: 0 },
    });
    try {
      assert.equal((await http.getText(`${server.origin}/lotaip`)).body, page);
      assert.deepEqual((await http.getJson(`${server.origin}/ok`)).body, { título: 'Niñez' });
      await assert.rejects(http.getText(`${server.origin}/error`), (e) => e instanceof HarvestError && e.body === 'Parámetro inválido');
    } finally {
      await server.close();
    }
  });
});

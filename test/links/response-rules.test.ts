/** How single answers and transport errors read as attempts: table tests of the pure rules. */
import assert from 'node:assert/strict';
import { PRIVATE_ADDRESS_CODE } from '../../src/links/address-policy.js';
import { contentLengthOf, htmlInsteadOf, needsGet, observeAnswer, observeError, retryAfterMs, type HttpAnswer } from '../../src/links/response-rules.js';

const answer = (status: number, headers: HttpAnswer['headers'] = {}, extra: Partial<HttpAnswer> = {}): HttpAnswer => ({
  method: 'HEAD',
  status,
  headers,
  url: 'https://datos.gob.ec/a.csv',
  ...extra,
});
const CSV = { 'content-type': 'text/csv', 'content-length': '42' };

describe('link check response rules', () => {
  describe('needsGet (HEAD falls back to a ranged GET)', () => {
    const table: [string, HttpAnswer, boolean][] = [
      ['200 with headers', answer(200, CSV), false],
      ['200 with only Content-Type', answer(200, { 'content-type': 'text/csv' }), false],
      ['200 with only Content-Length', answer(200, { 'content-length': '42' }), false],
      ['200 with neither', answer(200), true],
      ['403', answer(403, CSV), true],
      ['404', answer(404, CSV), true],
      ['405', answer(405), true],
      ['501', answer(501), true],
      ['500', answer(500), false],
      ['410', answer(410), false],
      ['429', answer(429), false],
    ];
    for (const [name, a, expected] of table) it(`${name} → ${expected}`, () => assert.equal(needsGet(a), expected));
  });

  describe('observeAnswer', () => {
    const table: [string, HttpAnswer, string, string | undefined][] = [
      ['200', answer(200, CSV), 'ok', undefined],
      ['206 to a ranged GET', answer(206, { 'content-range': 'bytes 0-1023/9000' }, { method: 'GET' }), 'ok', undefined],
      ['416 to a ranged GET (an empty file)', answer(416, { 'content-range': 'bytes */0' }, { method: 'GET' }), 'ok', undefined],
      ['416 to HEAD', answer(416), 'failed', 'http_status'],
      ['429', answer(429), 'unknown', 'rate_limited'],
      ['408', answer(408), 'unknown', 'timeout'],
      ['403 with cf-mitigated', answer(403, { 'cf-mitigated': 'challenge' }), 'unknown', 'firewall'],
      ['405 with x-amzn-waf-action', answer(405, { 'x-amzn-waf-action': 'captcha' }), 'unknown', 'firewall'],
      ['503 "Just a moment" page', answer(503, {}, { method: 'GET', bodyStart: '<html><head><title>Just a moment...</title>' }), 'unknown', 'firewall'],
      ['403 captcha page', answer(403, {}, { method: 'GET', bodyStart: '<div class="g-recaptcha">' }), 'unknown', 'firewall'],
      ['403 plain page', answer(403, {}, { method: 'GET', bodyStart: '<h1>Forbidden</h1>' }), 'failed', 'http_status'],
      ['200 page with a captcha in a form', answer(200, { 'content-type': 'text/html' }, { method: 'GET', bodyStart: '<form><div class="g-recaptcha">' }), 'ok', undefined],
      ['404', answer(404), 'failed', 'http_status'],
      ['500', answer(500), 'failed', 'http_status'],
      ['304 (a redirect status without a target)', answer(304), 'failed', 'http_status'],
    ];
    for (const [name, a, outcome, error] of table) {
      it(`${name} → ${outcome}${error ? ` (${error})` : ''}`, () => {
        const observation = observeAnswer(a, undefined);
        assert.equal(observation.outcome, outcome);
        assert.equal(observation.error, error);
        assert.equal(observation.httpStatus, a.status);
      });
    }

    it('stores the answer fields and flags HTML where a file was declared', () => {
      const headers = { 'content-type': 'text/html', 'content-length': '512', etag: '"e"', 'last-modified': 'Mon, 03 Mar 2025 10:00:00 GMT' };
      assert.deepEqual(observeAnswer(answer(200, headers), 'XLSX'), {
        outcome: 'ok',
        httpStatus: 200,
        finalUrl: 'https://datos.gob.ec/a.csv',
        contentType: 'text/html',
        contentLength: 512,
        lastModified: 'Mon, 03 Mar 2025 10:00:00 GMT',
        etag: '"e"',
        flags: ['html_instead_of_xlsx'],
      });
    });
  });

  describe('htmlInsteadOf', () => {
    const table: [string | undefined, string | undefined, string | undefined][] = [
      ['CSV', 'text/html', 'html_instead_of_csv'],
      ['csv', 'text/html; charset=UTF-8', 'html_instead_of_csv'],
      ['JSON', 'application/xhtml+xml', 'html_instead_of_json'],
      ['XLSX', 'TEXT/HTML', 'html_instead_of_xlsx'],
      ['PDF', 'text/html', 'html_instead_of_pdf'],
      ['CSV', 'text/csv', undefined],
      ['HTML', 'text/html', undefined],
      ['RDFA', 'application/xhtml+xml', undefined],
      ['WMS_SRVC', 'text/html', undefined],
      ['REST', 'text/html', undefined],
      ['FORMATO_RARO', 'text/html', undefined],
      [undefined, 'text/html', undefined],
      ['CSV', undefined, undefined],
    ];
    for (const [format, type, flag] of table) {
      it(`${format} served as ${type} → ${flag}`, () => assert.equal(htmlInsteadOf(format, type), flag));
    }
  });

  describe('contentLengthOf', () => {
    const table: [string, HttpAnswer, number | undefined][] = [
      ['Content-Length', answer(200, { 'content-length': '1234' }), 1234],
      ['no length', answer(200), undefined],
      ['a malformed length', answer(200, { 'content-length': '12abc' }), undefined],
      ['206: the total of Content-Range, not the part', answer(206, { 'content-length': '1024', 'content-range': 'bytes 0-1023/88000' }), 88000],
      ['206 with an unknown total', answer(206, { 'content-length': '1024', 'content-range': 'bytes 0-1023/*' }), undefined],
      ['416 with the size', answer(416, { 'content-range': 'bytes */0' }), 0],
    ];
    for (const [name, a, expected] of table) it(`${name} → ${expected}`, () => assert.equal(contentLengthOf(a), expected));
  });

  describe('retryAfterMs', () => {
    const now = Date.parse('2025-03-10T12:00:00.000Z');
    const table: [string | undefined, number | undefined][] = [
      ['120', 120_000],
      ['0', 0],
      [' 5 ', 5000],
      ['Mon, 10 Mar 2025 12:00:30 GMT', 30_000],
      ['Mon, 10 Mar 2025 11:00:00 GMT', 0],
      ['pronto', undefined],
      ['-5', undefined],
      [undefined, undefined],
    ];
    for (const [value, expected] of table) it(`${JSON.stringify(value)} → ${expected}`, () => assert.equal(retryAfterMs(value, now), expected));
  });

  describe('observeError', () => {
    const table: [string | undefined, string, string][] = [
      [PRIVATE_ADDRESS_CODE, 'refused', 'private_address'],
      ['ECONNREFUSED', 'failed', 'connection_refused'],
      ['ETIMEDOUT', 'unknown', 'timeout'],
      ['ENOTFOUND', 'unknown', 'dns_failure'],
      ['EAI_AGAIN', 'unknown', 'dns_failure'],
      ['CERT_HAS_EXPIRED', 'unknown', 'tls_error'],
      ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unknown', 'tls_error'],
      ['DEPTH_ZERO_SELF_SIGNED_CERT', 'unknown', 'tls_error'],
      ['ERR_TLS_CERT_ALTNAME_INVALID', 'unknown', 'tls_error'],
      ['EPROTO', 'unknown', 'tls_error'],
      ['ECONNRESET', 'unknown', 'network_error'],
      ['EHOSTUNREACH', 'unknown', 'network_error'],
      [undefined, 'unknown', 'network_error'],
    ];
    for (const [code, outcome, error] of table) {
      it(`${code} → ${outcome} (${error})`, () => assert.deepEqual(observeError(code), { outcome, error }));
    }
  });
});

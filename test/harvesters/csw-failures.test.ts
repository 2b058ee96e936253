/** The failure cases of HARVESTING.md, each served by the fake CSW server and met by the harvester. */
import assert from 'node:assert/strict';
import { startCswServer, type CswFault, type CswServer, type CswServerOptions } from '../../src/demo/csw-server.js';
import { readGetRecords } from '../../harvesters/csw-response.js';
import { HarvestError, isHarvestError } from '../../src/errors.js';
import { getRecordsParams, isoRecords, listAll, rejection, type ListOptions } from './csw-support.js';

describe('CSW harvester: failure cases', () => {
  let server: CswServer | undefined;
  const start = async (options: Partial<CswServerOptions> = {}) => (server = await startCswServer({ records: isoRecords(6), ...options }));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  /** Serves `fault` on the first GetRecords request (and only there), then lists. */
  async function failingOnce(fault: CswFault, options: ListOptions = {}) {
    const { url, requests } = await start({ faults: (_params, n) => (n === 1 ? fault : undefined) });
    return { error: await rejection(listAll(url, options)), requests };
  }

  it('when the server answers an ows:ExceptionReport with HTTP 200, the run fails with api_error carrying its text and the URL', async () => {
    const { error, requests } = await failingOnce('exception');
    assert.ok(isHarvestError(error));
    assert.equal(error.code, 'api_error');
    assert.equal(error.url, requests[0]);
    assert.equal(error.status, undefined);
    assert.match(error.message, /NoApplicableCode Raised exception while searching metadata : java\.lang\.NullPointerException/);
    assert.ok(error.message.includes(requests[0]));
  });

  it('when an ExceptionReport comes on a later page, the run fails there (the sortBy fallback is for the first page only)', async () => {
    const { url, requests } = await start({ maxRecords: 2, faults: (_params, n) => (n === 2 ? 'exception' : undefined) });
    const error = await rejection(listAll(url));
    assert.equal(error.code, 'api_error');
    assert.equal(requests.length, 2);
  });

  it('when the server answers an HTML page with HTTP 200, the run fails with html_instead_of_data', async () => {
    const { error, requests } = await failingOnce('html');
    assert.equal(error.code, 'html_instead_of_data');
    assert.ok(error.message.includes(requests[0]));
  });

  it('when the server answers an empty body, the run fails with empty_body', async () => {
    assert.equal((await failingOnce('empty')).error.code, 'empty_body');
  });

  it('when the server answers XML cut off mid-record, the run fails with not_xml', async () => {
    const { error } = await failingOnce('bad_xml');
    assert.equal(error.code, 'not_xml');
    assert.match(error.message, /malformed XML/);
  });

  it('when the server answers 400 with an ExceptionReport, the run fails with api_error carrying the status and the server\'s text', async () => {
    const { error } = await failingOnce('status:400', { http: { retries: 0 } });
    assert.equal(error.code, 'api_error');
    assert.equal(error.status, 400);
    assert.match(error.message, /HTTP 400, NoApplicableCode Simulated failure/);
  });

  it('when the server answers 500 twice and then 200, the page is retried and the listing completes', async () => {
    const { url, requests } = await start({ faults: (_params, n) => (n <= 2 ? 'status:500' : undefined) });
    const pages = await listAll(url);
    assert.equal(requests.length, 3);
    assert.equal(pages[0].records.length, 6);
  });

  it('when big pages keep failing with 500, asks again with half the records and goes on with the smaller pages', async () => {
    const { url, requests } = await start({ records: isoRecords(30), faults: (params) => (Number(params.maxrecords) > 10 ? 'status:500' : undefined) });
    const pages = await listAll(url, { portal: { pageSize: 20 }, http: { retries: 0 } });
    assert.deepEqual(pages.map((page) => page.records.length), [10, 10, 10]);
    assert.deepEqual(getRecordsParams(requests).map((p) => `${p.get('startPosition')}:${p.get('maxRecords')}`), ['1:20', '1:10', '11:10', '21:10']);
  });

  it('when every page size keeps failing with 500, halves maxRecords three times and then fails with the server\'s error', async () => {
    const { url, requests } = await start({ faults: () => 'status:500' });
    const error = await rejection(listAll(url, { portal: { pageSize: 100 }, http: { retries: 0 } }));
    assert.ok(error instanceof HarvestError);
    assert.equal(error.status, 500);
    assert.equal(error.code, 'api_error');
    assert.deepEqual(getRecordsParams(requests).map((p) => p.get('maxRecords')), ['100', '50', '25', '12']);
    assert.ok(error.message.includes('maxRecords=12'));
  });

  it('when sortBy is refused on a page already shrunk after 500s, asks again unsorted at the shrunk size and goes on with it', async () => {
    const { url, requests } = await start({ records: isoRecords(30), sortable: false, faults: (params) => (Number(params.maxrecords) > 12 ? 'status:500' : undefined) });
    const pages = await listAll(url, { portal: { pageSize: 100 }, http: { retries: 0 } });
    assert.deepEqual(pages.map((page) => page.records.length), [12, 12, 6]);
    assert.deepEqual(asked(requests), ['1:100 sorted', '1:50 sorted', '1:25 sorted', '1:12 sorted', '1:12', '13:12', '25:12']);
  });

  it('when big pages keep failing with 500 after sortBy was refused, halves maxRecords and stays unsorted', async () => {
    const { url, requests } = await start({ records: isoRecords(30), sortable: false, faults: (params) => (!params.sortby && Number(params.maxrecords) > 12 ? 'status:500' : undefined) });
    const pages = await listAll(url, { portal: { pageSize: 100 }, http: { retries: 0 } });
    assert.deepEqual(pages.map((page) => page.records.length), [12, 12, 6]);
    assert.deepEqual(asked(requests), ['1:100 sorted', '1:100', '1:50', '1:25', '1:12', '13:12', '25:12']);
  });

  it('when the server answers 429 with Retry-After, honours it and succeeds on the retry', async () => {
    const { url, requests } = await start({ faults: (_params, n) => (n === 1 ? 'status:429:retry-after=1' : undefined) });
    const pages = await listAll(url);
    assert.equal(requests.length, 2);
    assert.equal(pages[0].records.length, 6);
  });

  it('when Retry-After is longer than the longest wait allowed, the run fails with rate_limited', async () => {
    const { error, requests } = await failingOnce('status:429:retry-after=30', { http: { maxRetryAfterMs: 1000 } });
    assert.equal(error.code, 'rate_limited');
    assert.equal(requests.length, 1);
  });

  it('when the server does not answer within the timeout, the run fails with timeout', async () => {
    const { error } = await failingOnce('timeout', { http: { timeoutMs: 200, retries: 0 } });
    assert.equal(error.code, 'timeout');
  });

  it('when a response is larger than the size cap, the run fails with too_large', async () => {
    const { url } = await start({ records: isoRecords(60) });
    const error = await rejection(listAll(url, { http: { maxResponseBytes: 4096 } }));
    assert.equal(error.code, 'too_large');
  });
});

/** Each GetRecords request as `startPosition:maxRecords`, with ` sorted` when it sent sortBy. */
function asked(requests: string[]): string[] {
  return getRecordsParams(requests).map((p) => `${p.get('startPosition')}:${p.get('maxRecords')}${p.has('sortBy') ? ' sorted' : ''}`);
}

describe('CSW harvester: reading a GetRecords answer', () => {
  const answer = (body: string, contentType = 'application/xml') => ({ url: 'https://ide.example/csw?request=GetRecords', status: 200, contentType, body });

  it('when the document is not a GetRecordsResponse (a Capabilities document), fails with bad_response naming it', () => {
    assert.throws(
      () => readGetRecords(answer('<csw:Capabilities xmlns:csw="http://www.opengis.net/cat/csw/2.0.2"/>')),
      (e: unknown) => isHarvestError(e) && e.code === 'bad_response' && /a Capabilities, not a GetRecordsResponse/.test(e.message),
    );
  });

  it('when SearchResults is missing, fails with bad_response', () => {
    assert.throws(() => readGetRecords(answer('<GetRecordsResponse><SearchStatus/></GetRecordsResponse>')), /no SearchResults/);
  });

  it('when the body is HTML sent as XML, or HTML that opens with a comment, fails with html_instead_of_data', () => {
    const html = (e: unknown) => isHarvestError(e) && e.code === 'html_instead_of_data';
    assert.throws(() => readGetRecords(answer('<?xml version="1.0"?>\n<html><body>Error</body></html>')), html);
    assert.throws(() => readGetRecords(answer('<!-- proxy --><html><body><p>Error<br></p></body></html>', 'text/html; charset=utf-8')), html);
  });

  it('when good CSW XML comes labelled text/html, reads it', () => {
    const body = '<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2"><csw:SearchResults numberOfRecordsMatched="0" nextRecord="0"/></csw:GetRecordsResponse>';
    assert.deepEqual(readGetRecords(answer(body, 'text/html')), { matched: 0, nextRecord: 0, records: [] });
  });

  it('keeps every record element of SearchResults, whatever its schema, with its element name', () => {
    const results = readGetRecords(answer(`<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <csw:SearchResults numberOfRecordsMatched="2" nextRecord="0"><csw:Record><dc:identifier>x1</dc:identifier></csw:Record><csw:Record><dc:identifier>x2</dc:identifier></csw:Record></csw:SearchResults></csw:GetRecordsResponse>`));
    assert.deepEqual(results.records.map((r) => Object.keys(r)), [['Record'], ['Record']]);
    assert.equal(results.matched, 2);
    assert.equal(results.nextRecord, 0);
  });
});

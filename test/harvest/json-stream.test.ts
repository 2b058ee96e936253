import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { createHttpClient, type HttpOptions, type StreamedBatch } from '../../src/harvest/http.js';
import { HarvestError } from '../../src/errors.js';
import { answer, startLinkServer, type LinkServer } from '../links/link-server.js';

const CATALOG_PATHS = { object: ['$.dataset.*'], array: ['$.*'] };

function client(options: Partial<HttpOptions> = {}) {
  return createHttpClient({
    timeoutMs: 2000, maxResponseBytes: 1 << 20, retries: 0, backoffLimitMs: 10, maxRetryAfterMs: 2000,
    userAgent: 'Cosecha test', insecure: false, politeness: { concurrency: 1, intervalMs: 0 }, ...options,
  });
}

const datasets = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => JSON.stringify({ identifier: `d-${from + i}`, title: `Conjunto Nº ${from + i}` }));

async function collect(batches: AsyncIterable<StreamedBatch>): Promise<StreamedBatch[]> {
  const all: StreamedBatch[] = [];
  for await (const batch of batches) all.push(batch);
  return all;
}

/** A deferred: a promise and the function that settles it. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('HTTP client: a JSON document read while it downloads', () => {
  let server: LinkServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('hands over the first batch before the portal has sent the rest of the catalog', async () => {
    const firstBatchSeen = gate();
    let bodyEnded = false;
    server = await startLinkServer({
      '/data.json': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write(`{"title":"Catálogo de Azuay","dataset":[${datasets(0, 150).join(',')},`);
        // The rest only comes once the client has handed over a batch: a reader that waits for the whole body never finishes.
        void firstBatchSeen.opened.then(() => {
          bodyEnded = true;
          res.end(`${datasets(150, 250).join(',')}],"themeTaxonomy":[]}`);
        });
      },
    });
    const batches: StreamedBatch[] = [];
    for await (const batch of client().streamJson(`${server.origin}/data.json`, { paths: CATALOG_PATHS, batchSize: 100 })) {
      if (batches.length === 0) assert.equal(bodyEnded, false, 'the first batch came before the body ended');
      batches.push(batch);
      firstBatchSeen.open();
    }
    assert.deepEqual(batches.map((b) => b.values.length), [100, 100, 50]);
    const values = batches.flatMap((b) => b.values);
    assert.deepEqual(values[0], { value: { identifier: 'd-0', title: 'Conjunto Nº 0' }, keys: ['dataset', 0] });
    assert.deepEqual(values[249].keys, ['dataset', 249]);
    assert.deepEqual(batches.at(-1)!.shape, { root: 'object', members: { title: 'scalar', dataset: 'array', themeTaxonomy: 'array' } });
    assert.equal(batches.at(-1)!.bytes, Buffer.byteLength(`{"title":"Catálogo de Azuay","dataset":[${datasets(0, 250).join(',')}],"themeTaxonomy":[]}`));
  });

  it('reads a bare list by its own paths, and ends with one empty batch that carries the shape of an empty catalog', async () => {
    server = await startLinkServer({
      '/export': answer(200, { 'content-type': 'application/json' }, `[${datasets(0, 3).join(',')}]`),
      '/vacio': answer(200, { 'content-type': 'application/json' }, '{"dataset": []}'),
      '/error': answer(200, { 'content-type': 'application/json' }, '{"error": {"message": "Servicio en mantenimiento"}}'),
    });
    const http = client();
    const list = await collect(http.streamJson(`${server.origin}/export`, { paths: CATALOG_PATHS }));
    assert.deepEqual(list.flatMap((b) => b.values.map((v) => v.keys)), [[0], [1], [2]]);
    assert.equal(list.at(-1)!.shape.root, 'array');
    const empty = await collect(http.streamJson(`${server.origin}/vacio`, { paths: CATALOG_PATHS }));
    assert.deepEqual(empty.map((b) => [b.values.length, b.shape]), [[0, { root: 'object', members: { dataset: 'array' } }]]);
    const error = await collect(http.streamJson(`${server.origin}/error`, { paths: CATALOG_PATHS }));
    assert.deepEqual(error.at(-1)!.shape.members, { error: 'object' });
  });

  it('stops a body over the size cap, whether or not it declares its length', async () => {
    const big = `[${datasets(0, 2000).join(',')}]`;
    server = await startLinkServer({
      '/declared': answer(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(big) }, big),
      '/chunked': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(big);
      },
    });
    const http = client({ maxResponseBytes: 20_000 });
    for (const path of ['/declared', '/chunked']) {
      await assert.rejects(collect(http.streamJson(`${server.origin}${path}`, { paths: CATALOG_PATHS })), (e) => e instanceof HarvestError && e.code === 'too_large' && e.message.includes(path) && e.message.includes('20000-byte cap'));
    }
  });

  it('names HTML, an empty body and a truncated document as what they are', async () => {
    server = await startLinkServer({
      '/html': answer(200, { 'content-type': 'text/html' }, '<!DOCTYPE html><html><body>Mantenimiento</body></html>'),
      '/vacio': answer(200, { 'content-type': 'application/json' }, '  '),
      '/cortado': answer(200, { 'content-type': 'application/json' }, `{"dataset":[${datasets(0, 5).join(',')}`),
      '/basura': answer(200, { 'content-type': 'application/json' }, '{"dataset":[{"a":1}]} sobra'),
    });
    const http = client();
    const fails = (path: string, code: string, words: RegExp) =>
      assert.rejects(collect(http.streamJson(`${server!.origin}${path}`, { paths: CATALOG_PATHS })), (e) => e instanceof HarvestError && e.code === code && words.test(e.message) && e.message.includes(path));
    await fails('/html', 'not_json', /HTML instead of JSON/);
    await fails('/vacio', 'empty_body', /empty body/);
    await fails('/cortado', 'not_json', /malformed JSON/);
    await fails('/basura', 'not_json', /malformed JSON/);
  });

  it('asks again after a 503 and after a 429 with Retry-After, and not after a 404', async () => {
    let calls = 0;
    server = await startLinkServer({
      '/data.json': (_req, res: ServerResponse) => {
        calls += 1;
        if (calls === 1) return void res.writeHead(503, { 'content-type': 'text/plain' }).end('Servicio no disponible');
        if (calls === 2) return void res.writeHead(429, { 'retry-after': '0' }).end();
        res.writeHead(200, { 'content-type': 'application/json' }).end(`{"dataset":[${datasets(0, 2).join(',')}]}`);
      },
    });
    const http = client({ retries: 2 });
    const batches = await collect(http.streamJson(`${server.origin}/data.json`, { paths: CATALOG_PATHS }));
    assert.equal(batches.flatMap((b) => b.values).length, 2);
    assert.equal(calls, 3);
    await assert.rejects(collect(http.streamJson(`${server.origin}/nada`, { paths: CATALOG_PATHS })), (e) => e instanceof HarvestError && e.status === 404 && e.body === '<h1>No encontrado</h1>');
    assert.equal(server.requests.filter((r) => r.path === '/nada').length, 1);
  });

  it('decodes the charset the answer declares', async () => {
    server = await startLinkServer({
      '/latin1': (_req, res) => res.writeHead(200, { 'content-type': 'application/json; charset=ISO-8859-1' }).end(Buffer.from('[{"title":"Población de Cañar"}]', 'latin1')),
    });
    const batches = await collect(client().streamJson(`${server.origin}/latin1`, { paths: CATALOG_PATHS }));
    assert.deepEqual(batches[0].values[0].value, { title: 'Población de Cañar' });
  });

  it('holds the host slot until the document is read, so a second request to the host waits', async () => {
    const release = gate();
    server = await startLinkServer({
      '/data.json': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write(`[${datasets(0, 2).join(',')},`);
        void release.opened.then(() => res.end(`${datasets(2, 3).join(',')}]`));
      },
      '/otra': answer(200, { 'content-type': 'text/plain' }, 'ok'),
    });
    const http = client();
    const order: string[] = [];
    const stream = http.streamJson(`${server.origin}/data.json`, { paths: CATALOG_PATHS, batchSize: 2 });
    await stream.next();
    const other = http.getText(`${server.origin}/otra`).then(() => order.push('other request answered'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    order.push('document still open');
    release.open();
    for await (const batch of stream) order.push(`batch of ${batch.values.length}`);
    await other;
    assert.deepEqual(order, ['document still open', 'batch of 1', 'other request answered']);
    assert.deepEqual(server.requests.map((r) => r.path), ['/data.json', '/otra']);
  });
});

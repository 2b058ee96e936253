import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/api/app.js';
import { openStore } from '../../src/container.js';
import { silentLogger } from '../../src/log.js';
import type { Store } from '../../src/store/store.js';

/** Serves the API over `store` on port 0 and answers GET /api/health. */
async function health(store: Store): Promise<{ status: number; body: Record<string, unknown> }> {
  const server: Server = createApp({ store, portals: [], log: silentLogger, version: 'test' }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}/api/health`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  } finally {
    server.close();
  }
}

describe('GET /api/health', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cosecha-health-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the store: ok while it can, 503 with one sentence once it cannot', async () => {
    const store = await openStore(`sqlite:${join(dir, 'health.db')}`);
    const up = await health(store);
    assert.equal(up.status, 200);
    assert.deepEqual(up.body, { status: 'ok', store: store.description, version: 'test' });

    await store.close();
    const down = await health(store);
    assert.equal(down.status, 503);
    assert.deepEqual(Object.keys(down.body), ['status', 'store', 'version', 'error']);
    assert.equal(down.body.status, 'unavailable');
    assert.equal(down.body.store, store.description);
    assert.match(String(down.body.error), /^La tienda no se puede leer \/ the store cannot be read: The database connection is not open\.$/);
  });

  it('a store that does not answer is unavailable after a bounded wait', async () => {
    // A MongoDB that is down keeps a read waiting for its server selection (30 s).
    const hanging = { description: 'mongodb://nowhere/cosecha', portals: { list: () => new Promise(() => undefined) } } as unknown as Store;
    const started = Date.now();
    const { status, body } = await health(hanging);
    assert.equal(status, 503);
    assert.match(String(body.error), /did not answer within 2 s\.$/);
    assert.ok(Date.now() - started < 5000);
  });
});

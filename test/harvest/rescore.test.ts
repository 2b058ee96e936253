import assert from 'node:assert/strict';
import { startCkanServer } from '../../src/demo/ckan-server.js';
import { portalRecord } from '../../src/harvest/run-driver.js';
import { score } from '../../src/quality/score.js';
import { NotFoundError } from '../../src/errors.js';
import { ckanPackages } from '../support/ckan-packages.js';
import { ckanPortal, testContainer } from '../support/test-container.js';
import type { Container } from '../../src/container.js';

describe('rescore', () => {
  let c: Container;
  afterEach(() => c?.close());

  it('normalizes and scores again from the stored source records, offline, and stores a new report', async () => {
    const server = await startCkanServer({ packages: ckanPackages(6) });
    c = await testContainer([ckanPortal('ec-prueba', server.url)]);
    const portal = c.config.portals[0];
    await c.harvest({ portal });
    await server.close(); // rescore must not need the portal

    // The record as an older normalizer might have stored it: no licence read, and scored so.
    const id = 'ec-prueba:pkg-0001';
    const good = (await c.store.datasets.get(id))!;
    assert.ok(good.dataset.license, 'the sample record has a licence');
    const old = { ...good.dataset, license: undefined, provenance: { ...good.dataset.provenance, hash: 'old-normalizer' } };
    await c.store.datasets.rewrite(portalRecord(portal), [{ dataset: old, quality: score(old, new Map(), new Date()), raw: await c.store.datasets.getRaw(id) }]);
    const degraded = (await c.store.datasets.get(id))!;
    assert.ok(degraded.quality.total < good.quality.total);

    const result = await c.rescore('ec-prueba');
    assert.equal(result.datasets, 6);
    assert.equal(result.changed, 1);
    assert.equal(result.failed, 0);
    assert.ok(result.meanAfter > result.meanBefore);
    const after = (await c.store.datasets.get(id))!;
    assert.deepEqual(after.dataset.license, good.dataset.license);
    assert.equal(after.quality.total, good.quality.total);
    assert.equal(after.lastSeenRunId, good.lastSeenRunId);
    assert.equal((await c.store.reports.history({ kind: 'portal', id: 'ec-prueba' })).length, 2);
  });

  it('names a portal of which nothing is stored', async () => {
    c = await testContainer([]);
    await assert.rejects(c.rescore('ec-nada'), (e) => e instanceof NotFoundError && /ec-nada/.test(e.message));
  });
});

import assert from 'node:assert/strict';
import { startCkanServer, type CkanServer } from '../../src/demo/ckan-server.js';
import { ckanPackage } from '../support/ckan-packages.js';
import { ckanPortal, testContainer } from '../support/test-container.js';
import { answer, startLinkServer, type LinkServer } from './link-server.js';
import type { Container } from '../../src/container.js';

const HOUR = 3600_000;

describe('a link pass over a harvested portal', () => {
  let files: LinkServer;
  let portal: CkanServer;
  let c: Container;
  let clock = new Date('2026-03-01T12:00:00Z');

  beforeEach(async () => {
    files = await startLinkServer({
      '/ok.csv': answer(200, { 'content-type': 'text/csv', 'content-length': 10, etag: '"v1"' }),
      '/page.csv': answer(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': 20 }),
    });
    const resource = (file: string, format = 'CSV') => [{ id: file, name: file, format, url: `${files.origin}/${file}`, mimetype: 'text/csv' }];
    portal = await startCkanServer({
      packages: [
        ckanPackage(1, { resources: resource('ok.csv') }),
        ckanPackage(2, { resources: resource('gone.csv') }),
        ckanPackage(3, { resources: resource('page.csv') }),
        ckanPackage(4, { resources: [{ id: 'r', name: 'interno', format: 'CSV', url: 'http://10.1.2.3/interno.csv' }] }),
      ],
    });
    clock = new Date('2026-03-01T12:00:00Z');
    c = await testContainer([ckanPortal('ec-enlaces', portal.url)], { now: () => clock });
    await c.harvest({ portal: c.config.portals[0] });
  });
  afterEach(async () => {
    await c.close();
    await portal.close();
    await files.close();
  });

  const indicator = async (n: number, id: string) =>
    (await c.store.datasets.get(`ec-enlaces:pkg-000${n}`))!.quality.indicators.find((i) => i.id === id)!;

  it('checks every link, scores A1/A3 with the results and refuses private addresses without a request', async () => {
    assert.equal((await indicator(1, 'A1')).code, 'link_not_checked');
    const result = await c.checkLinks('ec-enlaces');
    assert.equal(result.urls, 4);
    assert.equal(result.checked, 4);
    assert.deepEqual(result.statuses, { ok: 2, broken: 0, unknown: 1, refused: 1, not_checked: 0 });
    assert.equal(result.rescored, 4);
    assert.deepEqual(await indicator(1, 'A1'), { id: 'A1', dimension: 'accessibility', points: 50, max: 50, code: 'access_url_reachable', share: 1 });
    assert.equal((await indicator(1, 'A3')).points, 30);
    assert.equal((await indicator(2, 'A1')).code, 'link_unknown', 'one failure is not yet broken');
    assert.equal((await indicator(4, 'A1')).code, 'link_refused');
    const [page] = [...(await c.store.links.get([`${files.origin}/page.csv`])).values()];
    assert.deepEqual(page.flags, ['html_instead_of_csv']);
    assert.equal(files.requests.filter((r) => r.path === '/interno.csv').length, 0);
    assert.equal((await c.store.reports.history({ kind: 'portal', id: 'ec-enlaces' })).length, 2, 'a report after the run and after the pass');
  });

  it('checks nothing that is not due, and a second failure a day later makes a link broken', async () => {
    await c.checkLinks('ec-enlaces');
    const requests = files.requests.length;
    clock = new Date(clock.getTime() + HOUR);
    assert.equal((await c.checkLinks('ec-enlaces')).checked, 0);
    assert.equal(files.requests.length, requests);
    clock = new Date(clock.getTime() + 24 * HOUR);
    const later = await c.checkLinks('ec-enlaces');
    assert.equal(later.checked, 4, 'after 24 h every link is due: a first ok, a failure and a refusal all wait a day');
    assert.equal(later.statuses.broken, 1);
    assert.equal((await indicator(2, 'A1')).code, 'link_broken');
    assert.equal((await indicator(1, 'A1')).code, 'access_url_reachable');
  });

  it('names a portal of which nothing is stored', async () => {
    await assert.rejects(c.checkLinks('ec-nada'), /Portal 'ec-nada'/);
  });
});

/**
 * Golden tests of the HTML harvester against the fake municipal site: the sitemap path (JSON-LD
 * pages and LOTAIP pages read by their file links) and the selector path (a paginated listing of
 * repeated blocks). Records are read with the server's address replaced by the site's real-looking
 * one, mapped, and compared with test/fixtures/html/expected/<case>/.
 * `UPDATE_GOLDEN=1 npx mocha test/harvesters/html.test.ts` rewrites the expected files (review the diff).
 */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { html, type HtmlRecord } from '../../harvesters/html.js';
import { isRecordError } from '../../src/errors.js';
import { startHtmlServer, type HtmlServer } from '../../src/demo/html-server.js';
import { testPortal } from '../support/portal-config.js';
import { LISTING_OPTIONS, listAll, onSite, SITE } from './html-support.js';

const expectedRoot = fileURLToPath(new URL('../fixtures/html/expected/', import.meta.url));
const portal = testPortal({ id: 'ec-villa-esperanza', platform: 'html', level: 'municipal', url: SITE });

/** A golden's file name: the source id without the site, as a slug. */
function goldenName(record: HtmlRecord): string {
  return (record.sourceId ?? record.pageUrl).replace(SITE, '').replace(/[^a-z0-9]+/gi, '-').replace(/^-+|-+$/g, '') || 'inicio';
}

function mapAll(records: HtmlRecord[]): { drafts: Map<string, unknown>; errors: unknown[] } {
  const drafts = new Map<string, unknown>();
  const errors: unknown[] = [];
  for (const record of records) {
    try {
      drafts.set(goldenName(record), JSON.parse(JSON.stringify(html.toDcat(record, portal))));
    } catch (error) {
      if (!isRecordError(error)) throw error;
      errors.push({ sourceId: error.sourceId ?? null, code: error.code, message: error.message });
    }
  }
  return { drafts, errors };
}

function compareWithGoldens(name: string, records: HtmlRecord[]): { drafts: Map<string, unknown>; errors: unknown[] } {
  const dir = `${expectedRoot}${name}/`;
  const { drafts, errors } = mapAll(records);
  if (process.env.UPDATE_GOLDEN === '1') {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const [file, draft] of drafts) writeFileSync(`${dir}${file}.json`, `${JSON.stringify(draft, null, 2)}\n`);
    writeFileSync(`${dir}_record-errors.json`, `${JSON.stringify(errors, null, 2)}\n`);
  }
  const read = (file: string): unknown => JSON.parse(readFileSync(dir + file, 'utf8'));
  const files = [...drafts.keys()].map((file) => `${file}.json`);
  assert.deepEqual(readdirSync(dir).sort(), [...files, '_record-errors.json'].sort(), 'one golden per mapped record');
  for (const [file, draft] of drafts) assert.deepEqual(draft, read(`${file}.json`), `golden ${name}/${file}.json`);
  assert.deepEqual(errors, read('_record-errors.json'));
  return { drafts, errors };
}

describe('HTML harvester: golden site', () => {
  let server: HtmlServer;
  beforeEach(async () => {
    server = await startHtmlServer();
  });
  afterEach(() => server.close());

  it('through the sitemap index, maps every JSON-LD Dataset and every LOTAIP page to its expected DCAT draft and records the malformed pages', async () => {
    const { pages } = await listAll(server.url);
    const records = onSite(pages.flatMap((page) => page.records), server.url);
    const { drafts, errors } = compareWithGoldens('sitemap', records);
    assert.equal(drafts.size, 9, 'six JSON-LD pages give seven datasets; two LOTAIP pages give two');
    assert.deepEqual(errors.map((e) => (e as { code: string }).code), ['bad_jsonld', 'page_gone']);
    assert.ok(pages.every((page) => page.records.every((record) => record.pageUrl === page.url)), 'each page is its records\' provenance');
  });

  it('through a paginated listing read with selectors, maps every repeated block to its expected DCAT draft and records the block without a title', async () => {
    const { pages } = await listAll(server.url, { options: LISTING_OPTIONS });
    assert.equal(pages.length, 3);
    const records = onSite(pages.flatMap((page) => page.records), server.url);
    const { drafts, errors } = compareWithGoldens('listing', records);
    assert.equal(drafts.size, 5);
    assert.deepEqual(errors.map((e) => (e as { code: string }).code), ['missing_title']);
  });
});

/**
 * The store contract's part on search order (SearchQuery.sort) and on the freshness of result
 * items: every adapter orders `modified` and `score` the same way, to the dataset; relevance
 * keeps the order search had before sorts existed. Run by storeContract (contract.ts).
 */
import assert from 'node:assert/strict';
import { BadRequestError } from '../../src/errors.js';
import type { FreshnessStatus } from '../../src/quality/types.js';
import type { PortalRecord, SearchQuery, SearchSort, Store } from '../../src/store/store.js';
import { samplePortal, sampleWrite } from '../support/samples.js';

const EC = samplePortal();
const CUENCA = samplePortal({ id: 'ec-cuenca', name: 'Datos Abiertos Cuenca', level: 'municipal', url: 'https://cuenca.example' });

interface Fixture {
  portal: PortalRecord;
  title: string;
  description?: string;
  modified?: string;
  total: number;
  freshness: FreshnessStatus;
}

/**
 * Seven datasets whose orders differ: b, c and d share a modified date, c and d a score too
 * (title decides: "Docentes" before "Escuelas"); e, the best scored, and f have no modified date;
 * c mentions "escolar" in its description only.
 */
const FIXTURES: Record<string, Fixture> = {
  a: { portal: EC, title: 'Matrícula escolar 2024', modified: '2024-03-01T08:00:00.000Z', total: 200, freshness: 'up_to_date' },
  b: { portal: EC, title: 'Becas escolares', modified: '2024-02-20', total: 450, freshness: 'late' },
  c: { portal: EC, title: 'Docentes por escuela', description: 'Docentes del sistema escolar, por escuela y provincia.', modified: '2024-02-20', total: 300, freshness: 'stale' },
  d: { portal: CUENCA, title: 'Escuelas rurales', modified: '2024-02-20', total: 300, freshness: 'up_to_date' },
  e: { portal: EC, title: 'Infraestructura escolar', total: 480, freshness: 'unknown' },
  f: { portal: EC, title: 'Alimentación escolar', total: 100, freshness: 'no_promise' },
  g: { portal: CUENCA, title: 'Transporte escolar rural', modified: '2023-12-31', total: 350, freshness: 'late' },
};

/** The whole write of fixture `id`, with `changes` to its record. */
function fixtureWrite(id: string, changes: { modified?: string } = {}) {
  const { portal, title, description, total, freshness, ...rest } = FIXTURES[id];
  const modified = 'modified' in changes ? changes.modified : rest.modified;
  return sampleWrite(
    {
      portalId: portal.id,
      sourceId: id,
      title,
      ...(description !== undefined && { description }),
      modified: modified === undefined ? undefined : { value: modified, raw: modified },
    },
    { total, freshness: { status: freshness, score: 0.5, age: 1, flags: [] } },
  );
}

async function seed(store: Store): Promise<void> {
  for (const portal of [EC, CUENCA]) {
    const ids = Object.keys(FIXTURES).filter((id) => FIXTURES[id].portal === portal);
    await store.datasets.upsertBatch(portal, `run-${portal.id}`, ids.map((id) => fixtureWrite(id)));
  }
}

export function searchOrderContract(store: () => Store): void {
  const find = async (query: SearchQuery) => (await store().search.search({ limit: 100, ...query })).items.map((i) => i.id.split(':')[1]);
  const BY_SCORE = ['e', 'b', 'g', 'c', 'd', 'a', 'f'];
  const BY_MODIFIED = ['a', 'b', 'c', 'd', 'g', 'e', 'f'];

  describe('search order and freshness', () => {
    beforeEach(() => seed(store()));

    it('sort modified gives the last modified first, ties in score then title order, the undated last', async () => {
      assert.deepEqual(await find({ sort: 'modified' }), BY_MODIFIED);
    });

    it('sort score gives the best Cosecha score first, ties in title order', async () => {
      assert.deepEqual(await find({ sort: 'score' }), BY_SCORE);
    });

    it('relevance, asked or by default, keeps the order without text and the text rank with it', async () => {
      assert.deepEqual(await find({}), BY_SCORE);
      assert.deepEqual(await find({ sort: 'relevance' }), BY_SCORE);
      const ranked = await find({ q: 'escolar' });
      assert.equal(ranked.at(-1), 'c', 'a match in the description only comes after the title matches');
      assert.deepEqual(await find({ q: 'escolar', sort: 'relevance' }), ranked);
    });

    it('with text, sort score and sort modified order the matches by score and by date, not by rank', async () => {
      assert.deepEqual(await find({ q: 'escolar', sort: 'score' }), ['e', 'b', 'g', 'c', 'a', 'f']);
      assert.deepEqual(await find({ q: 'escolar', sort: 'modified' }), ['a', 'b', 'c', 'g', 'e', 'f']);
    });

    it('with text and a filter, a sort orders what both match and leaves the total and facets as relevance counts them', async () => {
      const query: SearchQuery = { q: 'escolar', filters: { portal: EC.id } };
      assert.deepEqual(await find({ ...query, sort: 'modified' }), ['a', 'b', 'c', 'e', 'f']);
      assert.deepEqual(await find({ ...query, sort: 'score' }), ['e', 'b', 'c', 'a', 'f']);
      assert.deepEqual(await find({ q: 'escuel', filters: { level: 'national' }, sort: 'modified' }), ['c']);
      const [relevance, modified, score] = await Promise.all(
        (['relevance', 'modified', 'score'] as const).map((sort) => store().search.search({ ...query, sort })),
      );
      assert.equal(relevance.total, 5);
      for (const sorted of [modified, score]) assert.deepEqual([sorted.total, sorted.facets], [relevance.total, relevance.facets]);
    });

    it('pages of a sort do not overlap and together give every match once, in the sort order', async () => {
      const cases: [SearchSort, SearchQuery, string[]][] = [
        ['modified', {}, BY_MODIFIED],
        ['score', {}, BY_SCORE],
        ['modified', { q: 'escolar' }, ['a', 'b', 'c', 'g', 'e', 'f']],
      ];
      for (const [sort, query, expected] of cases) {
        for (const limit of [2, 3]) {
          const pages = await Promise.all([1, 2, 3, 4].map((page) => find({ ...query, sort, page, limit })));
          assert.deepEqual(pages.flat(), expected, `${sort} ${JSON.stringify(query)} by ${limit}`);
        }
      }
    });

    it('a record whose modified date changes, or that loses it, takes its new place in the modified order', async () => {
      assert.deepEqual(await find({ sort: 'modified' }), BY_MODIFIED);
      await store().datasets.upsertBatch(EC, 'run-2', [fixtureWrite('f', { modified: '2024-06-30' }), fixtureWrite('a', { modified: undefined })]);
      assert.deepEqual(await find({ sort: 'modified' }), ['f', 'b', 'c', 'd', 'g', 'e', 'a']);
    });

    it('refuses an unknown sort with BadRequestError naming the parameter, the value and the sorts there are', async () => {
      for (const sort of ['newest', 'MODIFIED', 42]) {
        await assert.rejects(store().search.search({ sort: sort as SearchSort }), (error: unknown) => {
          assert.ok(error instanceof BadRequestError, String(error));
          assert.match(error.message, /\bsort\b/);
          assert.ok(error.message.includes(String(sort)), error.message);
          assert.match(error.message, /relevance, modified, score/);
          return true;
        });
      }
    });

    it('every item carries its stored freshness status, and a new quality changes it', async () => {
      const items = (await store().search.search({ limit: 100 })).items;
      assert.deepEqual(
        Object.fromEntries(items.map((i) => [i.id.split(':')[1], i.freshness])),
        Object.fromEntries(Object.entries(FIXTURES).map(([id, f]) => [id, f.freshness])),
      );
      const { quality } = fixtureWrite('b');
      await store().datasets.updateQuality([{ id: `${EC.id}:b`, quality: { ...quality, freshness: { ...quality.freshness, status: 'up_to_date' } } }]);
      const [b] = (await store().search.search({ q: 'becas' })).items;
      assert.equal(b.freshness, 'up_to_date');
    });
  });
}

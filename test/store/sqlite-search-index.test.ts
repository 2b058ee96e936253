/**
 * The SQLite search's in-memory index (src/store/sqlite/search/facet-index.ts) follows the store through
 * the trigger-written change log. A store that has searched all along must answer exactly as a
 * store opened afresh on the same file, and as a count made from the records themselves, after
 * every kind of write, from its own connection or another one (another process).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { datasetFacets } from '../../src/store/facet-values.js';
import type { Dataset } from '../../src/dcat/types.js';
import type { SearchQuery, Store } from '../../src/store/store.js';
import { samplePortal, sampleQuality, sampleWrite } from '../support/samples.js';

const EC = samplePortal();
const CUENCA = samplePortal({ id: 'ec-cuenca', level: 'municipal', url: 'https://cuenca.example' });
const PUBLISHERS = ['Ministerio de Educación', 'INEC', 'GAD Municipal de Cuenca'];
const FORMATS = ['CSV', 'XLSX', 'PDF'];

/** Dataset `n` of a portal: publisher, formats, theme, score and modified date vary with n; `version` changes its text and date. */
function write(portalId: string, n: number, version = 0) {
  const formats = FORMATS.slice(0, 1 + (n % 3)).map((code) => ({ id: code, downloadURL: `https://x.example/${portalId}/${n}.${code}`, format: { code, raw: code } }));
  return sampleWrite(
    {
      portalId,
      sourceId: `d${n}`,
      title: `${version ? 'Becas' : 'Matrícula'} escolar ${n % 4 === 0 ? 'rural' : 'urbana'} ${n}`,
      publisher: { name: PUBLISHERS[n % 3] },
      themes: [{ code: n % 2 ? 'EDUC' : 'SOCI', label: 'x' }],
      distributions: formats,
      // Portals list the same dataset under the same identifier URI: they cluster.
      identifier: `https://datos.example/conjunto/${n}`,
      // Some without a date; the rest on a few days, so that dates tie.
      modified: n % 7 === 3 ? undefined : { value: `2024-0${1 + ((n + 4 * version) % 9)}-15`, raw: 'x' },
    },
    { mqa: 100 + ((n * 37) % 300), total: 120 + ((n * 37) % 370) },
  );
}

const QUERIES: SearchQuery[] = [
  {}, { q: 'matricula' }, { q: 'becas' }, { q: 'escolar rur' }, { filters: { publisher: 'INEC' } }, { filters: { format: 'XLSX' } },
  { filters: { portal: CUENCA.id } }, { q: 'escolar', filters: { format: 'PDF', publisher: 'INEC' } }, { filters: { theme: 'EDUC', rating: 'good' } },
  { q: 'matricula', filters: { portal: EC.id, format: 'CSV' } }, { page: 2, limit: 7 },
  { sort: 'modified' }, { sort: 'score', q: 'escolar' }, { sort: 'modified', q: 'matricula', filters: { format: 'XLSX' } }, { sort: 'modified', page: 3, limit: 5 },
];

/** Every answer to QUERIES: totals, facets, and the ids of every page (in order, but as a set for text ranked by relevance). */
async function answers(store: Store) {
  return Promise.all(QUERIES.map(async (query) => {
    const first = await store.search.search({ ...query, limit: 100 });
    const ids = first.items.map((i) => `${i.id}${i.alsoIn ? `+${i.alsoIn.join(',')}` : ''}`);
    return { query, total: first.total, facets: first.facets, ids: query.q && !query.sort ? ids.sort() : ids, page: (await store.search.search(query)).items.length };
  }));
}

/**
 * The facets of everything, counted from the stored records: a cluster once, as its first
 * member if that is active, else as its other active member (clusters here have two).
 */
async function countedFromRecords(store: Store) {
  const shown = new Map<string, Dataset>();
  // A portal counts every record it lists; other facets count a cluster once.
  const portals = new Map<string, number>();
  for await (const batch of store.datasets.scan({})) {
    for (const { dataset, cluster } of batch) {
      portals.set(dataset.portalId, (portals.get(dataset.portalId) ?? 0) + 1);
      const key = cluster ?? dataset.id;
      if (!shown.has(key) || dataset.id === cluster) shown.set(key, dataset);
    }
  }
  const formats = new Map<string, number>();
  for (const dataset of shown.values()) {
    for (const format of datasetFacets(dataset).formats) formats.set(format, (formats.get(format) ?? 0) + 1);
  }
  const sorted = (m: Map<string, number>) => [...m].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  return { portal: sorted(portals), format: sorted(formats) };
}

describe('SQLite search index', () => {
  let dir: string;
  const open: SqliteStore[] = [];
  const openFile = async () => {
    const store = openSqliteStore(join(dir, 'cosecha.db'));
    open.push(store);
    await store.init();
    return store;
  };
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cosecha-index-'))));
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts and filters every value of a dataset with many formats, and forgets them when it changes', async () => {
    const store = await openFile();
    const codes = ['CSV', 'XLSX', 'PDF', 'JSON', 'XML', 'ODS', 'SHP'];
    const distributions = codes.map((code) => ({ id: code, downloadURL: `https://x.example/f.${code}`, format: { code, raw: code } }));
    await store.datasets.upsertBatch(EC, 'run-1', [sampleWrite({ sourceId: 'muchos', distributions }), sampleWrite({ sourceId: 'uno' })]);
    const { facets } = await store.search.search({});
    assert.deepEqual(facets.format, [{ value: 'CSV', count: 2 }, ...codes.slice(1).sort().map((value) => ({ value, count: 1 }))]);
    assert.deepEqual((await store.search.search({ filters: { format: 'SHP' } })).items.map((i) => i.id), [`${EC.id}:muchos`]);
    await store.datasets.upsertBatch(EC, 'run-2', [sampleWrite({ sourceId: 'muchos', distributions: distributions.slice(0, 1) })]);
    assert.equal((await store.search.search({ filters: { format: 'SHP' } })).total, 0);
    assert.deepEqual((await store.search.search({})).facets.format, [{ value: 'CSV', count: 2 }]);
  });

  it('stays right after upserts, withdrawals, restores, rescore rewrites, quality updates and reclusters, compared with a fresh count', async function () {
    this.timeout(60_000);
    const kept = await openFile();
    const other = await openFile();
    const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
    const steps: [string, () => Promise<unknown>][] = [
      ['a first harvest', () => kept.datasets.upsertBatch(EC, 'run-1', range(0, 60).map((n) => write(EC.id, n)))],
      ['a second portal, from another connection', () => other.datasets.upsertBatch(CUENCA, 'run-2', range(30, 50).map((n) => write(CUENCA.id, n)))],
      ['a recluster', () => kept.datasets.recluster()],
      ['changed records', () => other.datasets.upsertBatch(EC, 'run-3', range(0, 60).map((n) => write(EC.id, n, n % 5 === 0 ? 1 : 0)))],
      ['withdrawals', () => other.datasets.withdrawUnseen(EC.id, 'run-4', new Date(), range(0, 40).map((n) => `${EC.id}:d${n}`))],
      ['a recluster after withdrawals', () => other.datasets.recluster()],
      ['restores', () => kept.datasets.upsertBatch(EC, 'run-5', range(40, 50).map((n) => write(EC.id, n)))],
      ['a rescore rewrite', () => kept.datasets.rewrite(CUENCA, range(30, 50).map((n) => write(CUENCA.id, n, 1)))],
      ['quality updates', () => other.datasets.updateQuality(range(0, 30).map((n) => ({ id: `${EC.id}:d${n}`, quality: sampleQuality({ mqa: n * 13 }) })))],
      ['a last recluster', () => kept.datasets.recluster()],
    ];
    for (const [step, run] of steps) {
      await answers(kept); // the kept store has searched before each write, so it follows by the change log
      await run();
      const fresh = await openFile();
      assert.deepEqual(await answers(kept), await answers(fresh), `after ${step}`);
      const { facets } = await kept.search.search({});
      assert.deepEqual({ portal: facets.portal, format: facets.format }, await countedFromRecords(fresh), `after ${step}, against the records`);
    }
    assert.ok((await kept.search.search({ q: 'becas' })).total > 0, 'the changed records were found by their new text');
  });
});

import assert from 'node:assert/strict';
import type { Dataset } from '../../src/dcat/types.js';
import type { IndicatorId, Quality } from '../../src/quality/types.js';
import { rate, score } from '../../src/quality/score.js';
import { NO_LINKS, NOW, bareDataset, checks, fullDataset, fullDistribution, okLinks } from './build.js';

const points = (q: Quality) => Object.fromEntries(q.indicators.map((r) => [r.id, r.points])) as Record<IndicatorId, number>;
const codes = (q: Quality) => Object.fromEntries(q.indicators.map((r) => [r.id, r.code])) as Record<IndicatorId, string>;

describe('score: worked examples', () => {
  it('when a record declares everything and its links check ok, it earns 405 and 500', () => {
    // Every indicator at its maximum (QUALITY.md table): F 30+30+20+20, A 50+20+30,
    // I 20+10+10+20+20+30, R 20+10+10+5+20+10, C 5+5+5+5 = 405; T 10+40+10, Q 15+10+5+5 = 95.
    // T2: MONTHLY, modified 2025-06-01, now 2025-06-15 → lag 14 ≤ 1.2·30+1 = 37 → 1. T3: 14 ≤ 730 → 1.
    const d = fullDataset();
    const q = score(d, okLinks(d), NOW);
    for (const r of q.indicators) assert.equal(r.points, r.max, `${r.id} ${r.code}`);
    assert.equal(q.mqa, 405);
    assert.equal(q.total, 500);
    assert.equal(q.rating, 'excellent');
    assert.equal(q.rating500, 'excellent');
    assert.deepEqual(q.dimensions, {
      findability: { points: 100, max: 100 },
      accessibility: { points: 100, max: 100 },
      interoperability: { points: 110, max: 110 },
      reusability: { points: 75, max: 75 },
      contextuality: { points: 20, max: 20 },
      timeliness: { points: 60, max: 60 },
      value: { points: 35, max: 35 },
    });
    assert.equal(q.freshness.status, 'up_to_date');
    assert.equal(q.completeness.score, 1);
    assert.equal(q.scoredAt, NOW.toISOString());
  });

  it('when a record has only a title, it earns 0 of 405 and 0 of 500', () => {
    // No property to score; I6 fails (description is mandatory); T2 = 40 · 0.5 · age, and age is
    // 0 without a date; Q3 has no date to call well formed.
    const q = score(bareDataset(), NO_LINKS, NOW);
    assert.equal(q.mqa, 0);
    assert.equal(q.total, 0);
    assert.equal(q.rating, 'bad');
    assert.equal(q.rating500, 'bad');
    assert.equal(codes(q).I6, 'dcat_ap_violation');
    assert.equal(codes(q).T2, 'freshness_unknown');
    assert.equal(codes(q).Q3, 'dates_missing');
    assert.equal(q.indicators.find((r) => r.id === 'A1')?.share, undefined);
  });

  it('when every field holds a placeholder, the placeholders earn nothing', () => {
    const d = bareDataset({
      description: 'N/A',
      keywords: ['-', '  '],
      themes: [{ label: 'Sin información' }],
      publisher: { name: 'null' },
      contactPoint: { name: 'No disponible', email: 'n/a' },
      license: { raw: 'No aplica' },
      accessRights: { raw: 'NONE' },
      accrualPeriodicity: { raw: '—' },
      spatial: { label: 'sin informacion' },
      distributions: [{ id: 'x', accessURL: 'n/a', format: { raw: 'NaN' }, mediaType: { raw: '-' }, rights: 'NA' }],
    });
    const q = score(d, NO_LINKS, NOW);
    assert.equal(q.total, 0, JSON.stringify(q.indicators.filter((r) => r.points > 0)));
  });

  it('scores a typical CKAN record (cc-by, one CSV, dates, no spatial/temporal, links unchecked) at 265 and 360', () => {
    // A CKAN package as normalization leaves it: licence_id cc-by → CC-BY-4.0 (open), one resource
    // whose url is both access and download URL, format CSV + mimetype text/csv, size, created /
    // last_modified, metadata_created / metadata_modified, an extra "frecuencia: Anual".
    const url = 'https://datosabiertos.gob.ec/dataset/recaudacion/resource/1/download/recaudacion_2023.csv';
    const d: Dataset = fullDataset({
      identifier: 'recaudacion-predial-2023',
      title: 'Recaudación de impuestos prediales 2023',
      description:
        'Valores recaudados por concepto de impuesto predial urbano y rural en el cantón Loja durante 2023, ' +
        'por parroquia y mes de pago.',
      keywords: ['impuestos', 'predial'],
      themes: [{ code: 'ECON', label: 'Economía y finanzas' }],
      publisher: { name: 'Municipio de Loja', id: 'municipio-loja' },
      contactPoint: { name: 'Unidad de TIC', email: 'tic@loja.gob.ec' },
      issued: { value: '2023-03-01T15:20:11.000Z', raw: '2023-03-01T15:20:11.123456' },
      modified: { value: '2024-01-10T09:00:00.000Z', raw: '2024-01-10T09:00:00.000000' },
      accrualPeriodicity: { code: 'ANNUAL', raw: 'Anual' },
      temporal: undefined,
      spatial: undefined,
      language: [],
      license: { id: 'CC-BY-4.0', open: true, raw: 'cc-by', title: 'Creative Commons Attribution' },
      accessRights: undefined,
      landingPage: 'https://datosabiertos.gob.ec/dataset/recaudacion',
      conformsTo: [],
      version: undefined,
      distributions: [
        {
          id: '1',
          title: 'recaudacion_2023.csv',
          accessURL: url,
          downloadURL: url,
          format: { code: 'CSV', raw: 'CSV' },
          mediaType: { code: 'text/csv', raw: 'text/csv' },
          byteSize: 48213,
          issued: { value: '2023-03-01T15:21:00.000Z' },
          modified: { value: '2024-01-10T09:00:00.000Z' },
        },
      ],
    });
    const now = new Date('2024-06-15T00:00:00.000Z');
    const q = score(d, NO_LINKS, now);
    // By hand, indicator by indicator:
    const expected: Record<IndicatorId, number> = {
      F1: 30, F2: 30, F3: 0, F4: 0, // keywords, a theme; no spatial, no temporal → 60
      A1: 0, A2: 20, A3: 0, // links not yet checked score 0 (link_not_checked) → 20
      I1: 20, I2: 10, I3: 10, I4: 20, I5: 20, I6: 30, // CSV + text/csv, conformant → 110
      R1: 20, R2: 10, R3: 0, R4: 0, R5: 20, R6: 10, // cc-by known; no access rights → 60
      C1: 0, C2: 5, C3: 5, C4: 5, // no rights statement → 15;                MQA 265 = good (≥ 221)
      T1: 10, // ANNUAL
      T2: 40, // lag 2024-01-10T09:00 → 2024-06-15 = 156.625 d ≤ 1.2·365+1 = 439 → 1
      T3: 10, // 156.625 ≤ 730 → 1
      Q1: 15, Q2: 10, Q3: 5, Q4: 5, // 124-character description, valid e-mail, dates parse, open licence
    };
    assert.deepEqual(points(q), expected);
    assert.equal(codes(q).A1, 'link_not_checked');
    assert.equal(codes(q).A3, 'link_not_checked');
    assert.equal(codes(q).F3, 'spatial_missing');
    assert.equal(codes(q).C1, 'rights_missing');
    assert.equal(q.mqa, 265);
    assert.equal(q.rating, 'good');
    assert.equal(q.total, 360); // 72 % of 500: ≥ 54.6 %, < 86.7 % → good
    assert.equal(q.rating500, 'good');
    assert.equal(q.freshness.lagDays, 156.63);
    // The same record once its link checks come back ok gains A1 + A3 = 80.
    const checked = score(d, checks([url]), now);
    assert.equal(checked.mqa, 345);
    assert.equal(checked.rating, 'good'); // 345 < 351
    assert.equal(checked.total, 440);
    assert.equal(checked.rating500, 'excellent'); // 440 ≥ 433.5
  });
});

describe('score: distributions', () => {
  it('when distributions differ, scores the best one and reports the share that pass', () => {
    const pdf = fullDistribution({
      id: 'pdf',
      accessURL: 'https://x.gob.ec/informe',
      downloadURL: undefined,
      format: { code: 'PDF', raw: 'PDF' },
      mediaType: { code: 'application/pdf' },
      byteSize: undefined,
    });
    const d = fullDataset({ distributions: [pdf, fullDistribution({ id: 'csv' })] });
    const q = score(d, okLinks(d), NOW);
    const byId = Object.fromEntries(q.indicators.map((r) => [r.id, r]));
    assert.equal(byId.I5.points, 20);
    assert.equal(byId.I5.share, 0.5);
    assert.equal(byId.A2.share, 0.5);
    assert.equal(byId.C2.share, 0.5);
    assert.equal(byId.I1.share, 1);
    assert.equal(byId.R1.share, 1); // the dataset licence applies to both
    assert.equal(byId.F1.share, undefined);
    assert.equal(q.mqa, 405);
  });

  it('when two distributions tie, the first one is the best', () => {
    const a = fullDistribution({ id: 'a', license: { raw: 'Propietaria', open: false } });
    const b = fullDistribution({ id: 'b', license: { id: 'CC0-1.0', open: true } });
    const d = fullDataset({ license: undefined, distributions: [a, b] });
    // Both earn the same distribution points (R2 passes on b only: b is best).
    const q = score(d, okLinks(d), NOW);
    assert.equal(codes(q).Q4, 'license_open');
    const tie = fullDataset({ license: undefined, distributions: [a, { ...a, id: 'c', license: { raw: 'Otra', open: true } }] });
    assert.equal(codes(score(tie, okLinks(tie), NOW)).Q4, 'license_not_open');
  });
});

describe('score: ratings', () => {
  const cases: [number, 'mqa' | 'total', string][] = [
    [405, 'mqa', 'excellent'], [351, 'mqa', 'excellent'], [350.99, 'mqa', 'good'], [221, 'mqa', 'good'],
    [220, 'mqa', 'sufficient'], [121, 'mqa', 'sufficient'], [120, 'mqa', 'bad'], [0, 'mqa', 'bad'],
    [433.5, 'total', 'excellent'], [433.49, 'total', 'good'], [273, 'total', 'good'],
    [272.99, 'total', 'sufficient'], [148, 'total', 'sufficient'], [147.99, 'total', 'bad'],
  ];
  for (const [p, scale, expected] of cases) {
    it(`${p} on the ${scale === 'mqa' ? '405' : '500'} scale is ${expected}`, () => assert.equal(rate(p, scale), expected));
  }
});

describe('score: determinism', () => {
  it('when scored twice with the same inputs, the results are deepEqual and survive JSON', () => {
    const d = fullDataset({ distributions: [fullDistribution(), fullDistribution({ id: 'r2', format: { code: 'XLSX' } })] });
    const links = checks([d.distributions[0].downloadURL], 'ok', { changedAt: '2025-06-10T00:00:00.000Z' });
    const a = score(d, links, NOW);
    const b = score(structuredClone(d), new Map(links), new Date(NOW.getTime()));
    assert.deepEqual(a, b);
    assert.deepEqual(JSON.parse(JSON.stringify(a)), a);
  });

  it('when the machine time zone changes, the score does not', () => {
    const d = fullDataset({ modified: { value: '2025-05-08T23:30:00' }, distributions: [fullDistribution({ modified: undefined })] });
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const utc = score(d, NO_LINKS, NOW);
      process.env.TZ = 'America/Guayaquil';
      assert.deepEqual(score(d, NO_LINKS, NOW), utc);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('never gives negative points or more than the maximum', () => {
    const d = fullDataset({ distributions: [fullDistribution({ byteSize: -5 })], modified: { value: '1990-01-01' } });
    for (const r of score(d, NO_LINKS, NOW).indicators) assert.ok(r.points >= 0 && r.points <= r.max, r.id);
  });
});

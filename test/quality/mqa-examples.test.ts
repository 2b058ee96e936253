/**
 * MQA parity, worked by hand. Each example states the points of every indicator as QUALITY.md's
 * table gives them for the record, with the arithmetic in a comment, and the scorer must agree on
 * every indicator, the 405 subtotal, the 500 total and both ratings. The 405 points and their
 * rating are what the published MQA method (data.europa.eu) gives the same record, with one
 * deliberate difference QUALITY.md states: an unchecked link scores 0 until it is checked.
 *
 * The CKAN records are written as normalization leaves a `package_show` result (the CKAN field
 * each value comes from is named beside it), so the examples depend on the scorer alone. Parity
 * is for that record: normalization reads a download URL from an uploaded file's `url` and a
 * media type from a known `format`, which ckanext-dcat's export of the same package states only
 * when `download_url` and `mimetype` are filled in.
 *
 * Ratings on 405 (the published MQA bands): excellent ≥ 351, good ≥ 221, sufficient ≥ 121, else
 * bad (QUALITY.md says ≥ 120; see the last test).
 * Cosecha ratings (500): excellent ≥ 433.5, good ≥ 273, sufficient ≥ 148, else bad.
 */
import assert from 'node:assert/strict';
import type { Dataset, Distribution } from '../../src/dcat/types.js';
import type { IndicatorId, Quality, Rating } from '../../src/quality/types.js';
import { INDICATORS } from '../../src/quality/indicators.js';
import { score } from '../../src/quality/score.js';
import { NOW, NO_LINKS, bareDataset, fullDataset, okLinks } from './build.js';

type Points = Record<IndicatorId, number>;

interface Example {
  name: string;
  dataset: Dataset;
  /** `ok`: every access and download URL checked ok; `unchecked`: no check stored yet. */
  links: 'ok' | 'unchecked';
  now: Date;
  points: Points;
  /** Codes worth pinning: the reason points were lost where the example is about it. */
  codes?: Partial<Record<IndicatorId, string>>;
  mqa: number;
  total: number;
  rating: Rating;
  rating500: Rating;
}

const MQA_IDS = INDICATORS.filter((i) => i.scale === 'mqa').map((i) => i.id);
const sum = (points: Points, ids: readonly IndicatorId[]) => Math.round(ids.reduce((s, id) => s + points[id], 0) * 100) / 100;
const pointsOf = (q: Quality) => Object.fromEntries(q.indicators.map((r) => [r.id, r.points])) as Points;
const codesOf = (q: Quality) => Object.fromEntries(q.indicators.map((r) => [r.id, r.code])) as Record<IndicatorId, string>;

/** Every indicator at 0, then the given points: each example lists only what it earns. */
function earns(points: Partial<Points>): Points {
  return { ...(Object.fromEntries(INDICATORS.map((i) => [i.id, 0])) as Points), ...points };
}

const ALL: Points = Object.fromEntries(INDICATORS.map((i) => [i.id, i.max])) as Points;

// A CKAN resource uploaded to the portal (`url_type: upload`), so its `url` is both access and
// download URL; `format: CSV`, no `mimetype` (normalization reads text/csv from the format),
// `size`, `created`, `last_modified`.
const CSV_URL = 'https://datos.loja.gob.ec/dataset/a1/resource/r1/download/recaudacion_2024.csv';

function ckanResource(overrides: Partial<Distribution> = {}): Distribution {
  return {
    id: 'r1',
    title: 'recaudacion_2024.csv',
    accessURL: CSV_URL,
    downloadURL: CSV_URL,
    format: { code: 'CSV', raw: 'CSV' },
    mediaType: { code: 'text/csv' },
    byteSize: 48213,
    issued: { value: '2024-02-01T15:21:00.000Z', raw: '2024-02-01T15:21:00' },
    modified: { value: '2025-03-01T09:00:00.000Z', raw: '2025-03-01T09:00:00' },
    ...overrides,
  };
}

// A typical CKAN package: `tags`, one of the `groups`, `organization`, `maintainer` and
// `maintainer_email`, `license_id: cc-by`, `notes` of 127 characters, `metadata_created` and
// `metadata_modified`, an extra `frecuencia: Anual`; no spatial, temporal or access-rights
// extras, and no rights statement (CKAN has no core field for one).
function ckanRecord(overrides: Partial<Dataset> = {}): Dataset {
  return {
    id: 'loja:a1',
    portalId: 'loja',
    sourceId: 'a1',
    identifier: 'a1',
    title: 'Recaudación del impuesto predial 2024',
    description:
      'Valores recaudados por impuesto predial urbano y rural en el cantón Loja durante 2024, por parroquia y mes de pago, en dólares.',
    keywords: ['impuestos', 'predial'],
    themes: [{ code: 'ECON', label: 'Economía' }],
    publisher: { name: 'Municipio de Loja', id: 'municipio-loja' },
    contactPoint: { name: 'Unidad de TIC', email: 'tic@loja.gob.ec' },
    issued: { value: '2024-02-01T15:20:11.123Z', raw: '2024-02-01T15:20:11.123456' },
    modified: { value: '2025-03-01T09:00:00.000Z', raw: '2025-03-01T09:00:00.000000' },
    accrualPeriodicity: { code: 'ANNUAL', raw: 'Anual' },
    language: [],
    license: { id: 'CC-BY-4.0', open: true, raw: 'cc-by', title: 'Creative Commons Attribution' },
    landingPage: 'https://datos.loja.gob.ec/dataset/recaudacion-predial-2024',
    conformsTo: [],
    distributions: [ckanResource()],
    provenance: { harvestedAt: '2025-06-14T03:00:00.000Z', runId: 'run-1', sourceUrl: 'https://datos.loja.gob.ec/api/3/action/package_search', hash: 'h' },
    ...overrides,
  };
}

/** What the typical CKAN record earns with its links checked ok at NOW (example "CKAN, links ok"). */
const CKAN_POINTS: Points = earns({
  F1: 30, F2: 30, // tags, a group; F3, F4: no spatial or temporal extra → 0   F = 60
  A1: 50, A2: 20, A3: 30, // the resource url checks ok and is a file             A = 100
  I1: 20, I2: 10, I3: 10, I4: 20, I5: 20, I6: 30, // CSV + text/csv, no violation   I = 110
  R1: 20, R2: 10, R5: 20, R6: 10, // cc-by; R3, R4: no access-rights extra → 0     R = 60
  C2: 5, C3: 5, C4: 5, // C1: no rights statement → 0                            C = 15
  // MQA: 60 + 100 + 110 + 60 + 15 = 345.
  T1: 10, // Anual → ANNUAL
  T2: 40, // lag 2025-03-01T09:00 → 2025-06-15 = 105.625 d ≤ 1.2 · 365 + 1 = 439 → 40 · 1
  T3: 10, // 105.625 ≤ 730 → 10 · 1
  Q1: 15, Q2: 10, Q3: 5, Q4: 5, // 127 characters, valid e-mail, dates parse, cc-by is open
});

const EXAMPLES: Example[] = [
  {
    // Every indicator at its maximum: F 30+30+20+20 = 100, A 50+20+30 = 100,
    // I 20+10+10+20+20+30 = 110, R 20+10+10+5+20+10 = 75, C 5+5+5+5 = 20 → 405;
    // T 10+40+10 = 60 (MONTHLY, lag 2025-06-01 → 2025-06-15 = 14 d ≤ 1.2 · 30 + 1 = 37), Q 15+10+5+5 = 35 → 500.
    name: 'a record declaring everything, links ok',
    dataset: fullDataset(),
    links: 'ok',
    now: NOW,
    points: ALL,
    mqa: 405, total: 500, rating: 'excellent', rating500: 'excellent',
  },
  {
    // Only an id and a title: nothing to find, reach or read. I6 fails (no description);
    // T2 = 40 · 0.5 · age and age = 0 without a date; Q3 finds no date to call well formed.
    name: 'a record with only a title',
    dataset: bareDataset(),
    links: 'unchecked',
    now: NOW,
    points: earns({}),
    codes: { A1: 'access_url_missing', I6: 'dcat_ap_violation', T2: 'freshness_unknown', Q3: 'dates_missing' },
    mqa: 0, total: 0, rating: 'bad', rating500: 'bad',
  },
  {
    // CKAN_POINTS: MQA 345 (good: 221 ≤ 345 < 351); + T 60 + Q 35 = 440 (excellent: ≥ 433.5).
    name: 'CKAN: licence, CSV, dates, links ok',
    dataset: ckanRecord(),
    links: 'ok',
    now: NOW,
    points: CKAN_POINTS,
    codes: { F3: 'spatial_missing', R3: 'access_rights_missing', C1: 'rights_missing' },
    mqa: 345, total: 440, rating: 'good', rating500: 'excellent',
  },
  {
    // The same record 500 days after its last update: the MQA points do not move (345).
    // T2: (500 − 365) / 365 = 0.369863 periods behind, P = 0.5 → 1 − (0.739726)² = 0.452805
    // → 40 · 0.452805 = 18.11. T3: 500 ≤ 730 → 10. Total 345 + 10 + 18.11 + 10 + 35 = 418.11 (good).
    name: 'CKAN: the same record, an annual promise 500 days old',
    dataset: ckanRecord(),
    links: 'ok',
    now: new Date('2026-07-14T09:00:00.000Z'),
    points: { ...CKAN_POINTS, T2: 18.11 },
    codes: { T2: 'freshness_late', T3: 'age_recent' },
    mqa: 345, total: 418.11, rating: 'good', rating500: 'good',
  },
  {
    // With the spatial (`spatial`), temporal (`temporal_start`, `temporal_end`) and access-rights
    // (`access_rights: público`) extras: F3 + F4 + R3 + R4 = 20 + 20 + 10 + 5 = 55 more → 400
    // (excellent). C1 is the only MQA point left: CKAN has no field for a rights statement.
    // Total 400 + 95 = 495.
    name: 'CKAN: with the spatial, temporal and access-rights extras, links ok',
    dataset: ckanRecord({
      spatial: { label: 'Loja, Ecuador' },
      temporal: { start: { value: '2024-01-01', raw: '2024-01-01' }, end: { value: '2024-12-31', raw: '2024-12-31' } },
      accessRights: { code: 'PUBLIC', raw: 'público' },
    }),
    links: 'ok',
    now: NOW,
    points: { ...CKAN_POINTS, F3: 20, F4: 20, R3: 10, R4: 5 },
    codes: { C1: 'rights_missing' },
    mqa: 400, total: 495, rating: 'excellent', rating500: 'excellent',
  },
  {
    // No `license_id` (or `notspecified`, which normalization drops): R1 20 + R2 10 lost → 345 − 30
    // = 315 (good); Q4 5 lost too → 440 − 35 = 405 (good: 273 ≤ 405 < 433.5).
    name: 'CKAN: without licence',
    dataset: ckanRecord({ license: undefined }),
    links: 'ok',
    now: NOW,
    points: { ...CKAN_POINTS, R1: 0, R2: 0, Q4: 0 },
    codes: { R1: 'license_missing', R2: 'license_not_recognized', Q4: 'license_openness_unknown' },
    mqa: 315, total: 405, rating: 'good', rating500: 'good',
  },
  {
    // An uploaded file without extension, empty `format` and `mimetype`: nothing to read a format
    // from. I1 20 + I2 10 + I3 10 + I4 20 + I5 20 = 80 lost; I6 keeps 30 (a missing format breaks
    // no mandatory rule) → 345 − 80 = 265 (good); 440 − 80 = 360 (good).
    name: 'CKAN: without format',
    dataset: ckanRecord({ distributions: [ckanResource({
      accessURL: 'https://datos.loja.gob.ec/dataset/a1/resource/r1/download/recaudacion',
      downloadURL: 'https://datos.loja.gob.ec/dataset/a1/resource/r1/download/recaudacion',
      format: undefined,
      mediaType: undefined,
    })] }),
    links: 'ok',
    now: NOW,
    points: { ...CKAN_POINTS, I1: 0, I2: 0, I3: 0, I4: 0, I5: 0 },
    codes: { I1: 'format_missing', I2: 'media_type_missing', I3: 'format_not_in_vocabulary', I4: 'format_openness_unknown', I5: 'format_machine_readability_unknown', I6: 'dcat_ap_conformant' },
    mqa: 265, total: 360, rating: 'good', rating500: 'good',
  },
  {
    // `format: Base de datos`, no `mimetype`, a file URL without extension: a format is given
    // (I1 20) but it is no EU file type, so no media type can be read from it either.
    // I2 10 + I3 10 + I4 20 + I5 20 = 60 lost; I6 keeps 30 (a vocabulary mismatch is a warning)
    // → 345 − 60 = 285 (good); 440 − 60 = 380 (good).
    name: 'CKAN: a format declared in words',
    dataset: ckanRecord({ distributions: [ckanResource({
      accessURL: 'https://datos.loja.gob.ec/dataset/a1/resource/r1/download/recaudacion',
      downloadURL: 'https://datos.loja.gob.ec/dataset/a1/resource/r1/download/recaudacion',
      format: { raw: 'Base de datos' },
      mediaType: undefined,
    })] }),
    links: 'ok',
    now: NOW,
    points: { ...CKAN_POINTS, I2: 0, I3: 0, I4: 0, I5: 0 },
    codes: { I1: 'format_given', I3: 'format_not_in_vocabulary', I6: 'dcat_ap_conformant' },
    mqa: 285, total: 380, rating: 'good', rating500: 'good',
  },
  {
    // A portal that exposes no date at all (no `metadata_created`/`metadata_modified`, no
    // `created`/`last_modified`): C3 5 + C4 5 lost → 335 (good). An annual promise without a
    // date: T2 0 (no date), T3 0 (age 0 without a date), Q3 0 (no date) → T 10 + Q 30
    // → 335 + 40 = 375 (good).
    name: 'CKAN-like: without dates',
    dataset: ckanRecord({ issued: undefined, modified: undefined, distributions: [ckanResource({ issued: undefined, modified: undefined })] }),
    links: 'ok',
    now: NOW,
    points: { ...CKAN_POINTS, C3: 0, C4: 0, T2: 0, T3: 0, Q3: 0 },
    codes: { C3: 'issued_missing', C4: 'modified_missing', T2: 'freshness_no_date', T3: 'age_no_date', Q3: 'dates_missing' },
    mqa: 335, total: 375, rating: 'good', rating500: 'good',
  },
  {
    // The only resource is a PDF (`format: PDF`, `mimetype: application/pdf`): format, media type
    // and both from vocabularies still count (I1 20 + I2 10 + I3 10), but PDF is neither
    // non-proprietary nor machine-readable: I4 20 + I5 20 lost → 345 − 40 = 305 (good); 400.
    name: 'CKAN: a PDF-only resource',
    dataset: ckanRecord({ distributions: [ckanResource({
      accessURL: 'https://datos.loja.gob.ec/dataset/a1/resource/r1/download/recaudacion_2024.pdf',
      downloadURL: 'https://datos.loja.gob.ec/dataset/a1/resource/r1/download/recaudacion_2024.pdf',
      format: { code: 'PDF', raw: 'PDF' },
      mediaType: { code: 'application/pdf', raw: 'application/pdf' },
    })] }),
    links: 'ok',
    now: NOW,
    points: { ...CKAN_POINTS, I4: 0, I5: 0 },
    codes: { I3: 'format_and_media_type_in_vocabularies', I4: 'format_proprietary', I5: 'format_not_machine_readable' },
    mqa: 305, total: 400, rating: 'good', rating500: 'good',
  },
  {
    // The first record before its link checks come back: A1 50 + A3 30 score 0 until checked
    // (QUALITY.md; the MQA itself would have checked them) → 345 − 80 = 265 (good); 360 (good).
    name: 'CKAN: links not yet checked',
    dataset: ckanRecord(),
    links: 'unchecked',
    now: NOW,
    points: { ...CKAN_POINTS, A1: 0, A3: 0 },
    codes: { A1: 'link_not_checked', A2: 'download_url_given', A3: 'link_not_checked' },
    mqa: 265, total: 360, rating: 'good', rating500: 'good',
  },
  {
    // A poor CKAN record: a group but no tags, no `notes`, no licence, one uploaded PDF, no
    // frequency extra, links not yet checked.
    // F: F2 30. A: A2 20 (a file URL). I: I1 20 + I2 10 + I3 10 = 40; I6 0 (no description is a
    // DCAT-AP violation). R: R5 20 + R6 10 = 30. C: C2 5 + C3 5 + C4 5 = 15.
    // MQA 30 + 20 + 40 + 30 + 15 = 135 (sufficient: 120 ≤ 135 < 221).
    // T1 0 (no frequency); T2 = 40 · 0.5 · age = 20 (lag 105.625 ≤ 730 → age 1); T3 10;
    // Q1 0; Q2 10; Q3 5; Q4 0 → 135 + 45 = 180 (sufficient: 148 ≤ 180 < 273).
    name: 'CKAN: a poor record (no tags, notes, licence or frequency; PDF; links unchecked)',
    dataset: poorRecord(),
    links: 'unchecked',
    now: NOW,
    points: earns({ F2: 30, A2: 20, I1: 20, I2: 10, I3: 10, R5: 20, R6: 10, C2: 5, C3: 5, C4: 5, T2: 20, T3: 10, Q2: 10, Q3: 5 }),
    codes: { I6: 'dcat_ap_violation', T1: 'frequency_missing', T2: 'freshness_unknown', Q1: 'description_missing' },
    mqa: 135, total: 180, rating: 'sufficient', rating500: 'sufficient',
  },
];

function poorRecord(overrides: Partial<Dataset> = {}): Dataset {
  return ckanRecord({
    keywords: [],
    description: undefined,
    license: undefined,
    accrualPeriodicity: undefined,
    distributions: [ckanResource({
      accessURL: 'https://datos.loja.gob.ec/dataset/a1/resource/r1/download/informe.pdf',
      downloadURL: 'https://datos.loja.gob.ec/dataset/a1/resource/r1/download/informe.pdf',
      format: { code: 'PDF', raw: 'PDF' },
      mediaType: { code: 'application/pdf' },
    })],
    ...overrides,
  });
}

describe('MQA parity: worked examples', () => {
  for (const ex of EXAMPLES) {
    it(`${ex.name}: ${ex.mqa} of 405 (${ex.rating}), ${ex.total} of 500 (${ex.rating500})`, () => {
      // The hand table must add up to the stated figures before the scorer is asked.
      assert.equal(sum(ex.points, MQA_IDS), ex.mqa, 'the hand-computed MQA subtotal');
      assert.equal(sum(ex.points, INDICATORS.map((i) => i.id)), ex.total, 'the hand-computed total');
      const q = score(ex.dataset, ex.links === 'ok' ? okLinks(ex.dataset) : NO_LINKS, ex.now);
      assert.deepEqual(pointsOf(q), ex.points);
      for (const [id, code] of Object.entries(ex.codes ?? {})) assert.equal(codesOf(q)[id as IndicatorId], code, id);
      assert.equal(q.mqa, ex.mqa);
      assert.equal(q.total, ex.total);
      assert.equal(q.rating, ex.rating);
      assert.equal(q.rating500, ex.rating500);
    });
  }
});

describe('MQA parity: the rating at exactly 120 points', () => {
  // The poor record without `size` (C2 5) and without an `organization` (R6 10): 135 − 15 = 120.
  // T and Q as in the poor record: 120 + 20 + 10 + 10 + 5 = 165 (sufficient on 500: ≥ 148).
  const q = score(poorRecord({ publisher: undefined, distributions: [{ ...poorRecord().distributions[0], byteSize: undefined }] }), NO_LINKS, NOW);

  it('scores 120 of 405 and 165 of 500, indicator by indicator', () => {
    assert.deepEqual(pointsOf(q), earns({ F2: 30, A2: 20, I1: 20, I2: 10, I3: 10, R5: 20, C3: 5, C4: 5, T2: 20, T3: 10, Q2: 10, Q3: 5 }));
    assert.equal(q.mqa, 120);
    assert.equal(q.total, 165);
    assert.equal(q.rating500, 'sufficient');
  });

  // The published MQA bands are bad 0–120, sufficient 121–220, good 221–350, excellent 351–405.
  // QUALITY.md says "sufficient ≥ 120"; the scorer follows the MQA here (parity is the point).
  it('is rated bad, as the published MQA rates 120 points', () => {
    assert.equal(q.rating, 'bad');
  });
});

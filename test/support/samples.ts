/**
 * Sample data for tests: valid, normalized DCAT records, quality results and portals with Spanish
 * content. Every builder takes overrides; the defaults are consistent with each other (the dataset
 * id is `<portalId>:<sourceId>`, the hash follows the content, the quality totals follow the
 * indicators), so a test only states what it is about.
 */
import { createHash } from 'node:crypto';
import type { Dataset, Provenance } from '../../src/dcat/types.js';
import type { Dimension, IndicatorId, IndicatorResult, Quality, Rating } from '../../src/quality/types.js';
import type { DatasetWrite, PortalRecord } from '../../src/store/store.js';

export function samplePortal(overrides: Partial<PortalRecord> = {}): PortalRecord {
  return {
    id: 'ec-datosabiertos',
    name: 'Datos Abiertos Ecuador',
    country: 'EC',
    level: 'national',
    platform: 'ckan',
    url: 'https://datosabiertos.gob.ec.example',
    ...overrides,
  };
}

export type DatasetOverrides = Partial<Omit<Dataset, 'provenance'>> & { provenance?: Partial<Provenance> };

/**
 * A dataset of `portalId` (default `ec-datosabiertos`) with source id `sourceId` (default
 * `matricula-escolar-2023`). Unless given, `id` is derived from both and `provenance.hash` from the
 * content, so changing any field changes the hash as normalization would.
 */
export function sampleDataset(overrides: DatasetOverrides = {}): Dataset {
  const { provenance, ...fields } = overrides;
  const portalId = fields.portalId ?? 'ec-datosabiertos';
  const sourceId = fields.sourceId ?? 'matricula-escolar-2023';
  const base = `https://${portalId}.example`;
  const content: Omit<Dataset, 'provenance'> = {
    id: `${portalId}:${sourceId}`,
    portalId,
    sourceId,
    identifier: sourceId,
    title: 'Matrícula escolar 2023',
    description:
      'Número de estudiantes matriculados por institución educativa, provincia, cantón y nivel de educación en el año lectivo 2023-2024.',
    keywords: ['educación', 'matrícula', 'estudiantes'],
    themes: [{ code: 'EDUC', label: 'Educación' }],
    publisher: { name: 'Ministerio de Educación', id: 'mineduc', email: 'datosabiertos@educacion.example' },
    contactPoint: { name: 'Dirección Nacional de Estadística', email: 'estadistica@educacion.example' },
    issued: { value: '2023-10-02', raw: '02/10/2023' },
    modified: { value: '2024-02-15', raw: '15/02/2024' },
    accrualPeriodicity: { code: 'ANNUAL', raw: 'Anual' },
    temporal: { start: { value: '2023-09-01', raw: '2023-09-01' }, end: { value: '2024-07-31', raw: '2024-07-31' } },
    spatial: { label: 'Ecuador' },
    language: ['SPA'],
    license: {
      id: 'CC-BY-4.0',
      open: true,
      raw: 'Creative Commons Atribución 4.0',
      url: 'https://creativecommons.org/licenses/by/4.0/deed.es',
    },
    accessRights: { code: 'PUBLIC', raw: 'Público' },
    landingPage: `${base}/dataset/${sourceId}`,
    conformsTo: [],
    distributions: [
      {
        id: `${sourceId}-csv`,
        title: 'Matrícula por institución (CSV)',
        accessURL: `${base}/dataset/${sourceId}/resource/csv`,
        downloadURL: `${base}/descargas/${sourceId}.csv`,
        format: { code: 'CSV', raw: 'csv' },
        mediaType: { code: 'text/csv', raw: 'text/csv' },
        byteSize: 184_320,
        modified: { value: '2024-02-15', raw: '2024-02-15T10:12:00' },
      },
    ],
    ...fields,
  };
  return {
    ...content,
    provenance: {
      harvestedAt: '2024-05-25T12:00:00.000Z',
      runId: 'run-de-prueba',
      sourceUrl: `${base}/api/3/action/package_show?id=${sourceId}`,
      sourceModified: '2024-02-15T10:12:00.000Z',
      hash: contentHash(content),
      ...provenance,
    },
  };
}

/** sha256 of the record without provenance, as normalization computes the change-detection hash. */
export function contentHash(content: Omit<Dataset, 'provenance'>): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** Indicators of a well-described dataset whose links were not checked yet. */
const SAMPLE_INDICATORS: [IndicatorId, Dimension, number, number, string][] = [
  ['F1', 'findability', 30, 30, 'keywords_present'],
  ['F2', 'findability', 30, 30, 'themes_present'],
  ['F3', 'findability', 20, 20, 'spatial_present'],
  ['F4', 'findability', 20, 20, 'temporal_present'],
  ['A1', 'accessibility', 0, 50, 'link_not_checked'],
  ['A2', 'accessibility', 20, 20, 'download_url_present'],
  ['A3', 'accessibility', 0, 30, 'link_not_checked'],
  ['I1', 'interoperability', 20, 20, 'format_present'],
  ['I2', 'interoperability', 10, 10, 'media_type_present'],
  ['I3', 'interoperability', 10, 10, 'format_from_vocabulary'],
  ['I4', 'interoperability', 20, 20, 'format_non_proprietary'],
  ['I5', 'interoperability', 20, 20, 'format_machine_readable'],
  ['I6', 'interoperability', 0, 30, 'dcat_ap_violation'],
  ['R1', 'reusability', 20, 20, 'license_present'],
  ['R2', 'reusability', 10, 10, 'license_known'],
  ['R3', 'reusability', 10, 10, 'access_rights_present'],
  ['R4', 'reusability', 5, 5, 'access_rights_from_vocabulary'],
  ['R5', 'reusability', 20, 20, 'contact_point_present'],
  ['R6', 'reusability', 10, 10, 'publisher_present'],
  ['C1', 'contextuality', 0, 5, 'rights_missing'],
  ['C2', 'contextuality', 5, 5, 'byte_size_present'],
  ['C3', 'contextuality', 5, 5, 'issued_present'],
  ['C4', 'contextuality', 5, 5, 'modified_present'],
  ['T1', 'timeliness', 10, 10, 'frequency_known'],
  ['T2', 'timeliness', 40, 40, 'up_to_date'],
  ['T3', 'timeliness', 10, 10, 'not_abandoned'],
  ['Q1', 'value', 15, 15, 'description_informative'],
  ['Q2', 'value', 10, 10, 'contact_reachable'],
  ['Q3', 'value', 5, 5, 'dates_well_formed'],
  ['Q4', 'value', 5, 5, 'license_open'],
];

const MQA_DIMENSIONS: Dimension[] = ['findability', 'accessibility', 'interoperability', 'reusability', 'contextuality'];
const ALL_DIMENSIONS: Dimension[] = [...MQA_DIMENSIONS, 'timeliness', 'value'];

/** Ratings on the 405 scale (QUALITY.md); the 500 scale uses the same ratios. */
export function ratingFor(points: number, max = 405): Rating {
  const share = points / max;
  if (share >= 351 / 405) return 'excellent';
  if (share >= 221 / 405) return 'good';
  if (share >= 120 / 405) return 'sufficient';
  return 'bad';
}

/**
 * The quality of the sample dataset (mqa 290, total 385, `good`). Overriding `mqa` or `total`
 * without a rating re-derives the matching rating, so `sampleQuality({ mqa: 380 })` is `excellent`.
 */
export function sampleQuality(overrides: Partial<Quality> = {}): Quality {
  const indicators: IndicatorResult[] = SAMPLE_INDICATORS.map(([id, dimension, points, max, code]) => ({
    id,
    dimension,
    points,
    max,
    code,
  }));
  const dimensions = Object.fromEntries(
    ALL_DIMENSIONS.map((dimension) => {
      const own = indicators.filter((i) => i.dimension === dimension);
      return [dimension, { points: sum(own.map((i) => i.points)), max: sum(own.map((i) => i.max)) }];
    }),
  ) as Quality['dimensions'];
  const mqa = overrides.mqa ?? sum(MQA_DIMENSIONS.map((d) => dimensions[d].points));
  const total = overrides.total ?? sum(ALL_DIMENSIONS.map((d) => dimensions[d].points));
  return {
    mqa,
    total,
    rating: ratingFor(mqa),
    rating500: ratingFor(total, 500),
    dimensions,
    indicators,
    freshness: { status: 'up_to_date', score: 1, age: 1, lastUpdate: '2024-02-15', lagDays: 100, flags: [] },
    completeness: {
      score: 0.86,
      dataset: 0.9,
      distributions: 0.8,
      agents: 0.85,
      mandatory: 1,
      recommended: 0.8,
      optional: 0.55,
      metaOk: true,
    },
    scoredAt: '2024-05-25T12:00:00.000Z',
    ...overrides,
  };
}

/** A source record shaped like a CKAN package, with accents and nesting. */
export function sampleRaw(dataset: Dataset): Record<string, unknown> {
  return {
    name: dataset.sourceId,
    title: dataset.title,
    notes: dataset.description ?? null,
    organization: { name: dataset.publisher?.id ?? null, title: dataset.publisher?.name ?? null },
    tags: dataset.keywords.map((name) => ({ name })),
    extras: [{ key: 'frecuencia', value: dataset.accrualPeriodicity?.raw ?? 'Sin información' }],
    resources: dataset.distributions.map((d) => ({ id: d.id, url: d.downloadURL ?? d.accessURL, format: d.format?.raw })),
  };
}

/** What a run writes for one dataset: the record, its quality and its source record. */
export function sampleWrite(dataset: DatasetOverrides = {}, quality: Partial<Quality> = {}): DatasetWrite {
  const record = sampleDataset(dataset);
  return { dataset: record, quality: sampleQuality(quality), raw: sampleRaw(record) };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

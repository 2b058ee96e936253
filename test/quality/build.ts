/**
 * Builders for normalized records (codes set, as src/normalize leaves them) used by the quality
 * tests. `fullDataset()` is the record that earns every point when its links check `ok`.
 */
import type { Dataset, Distribution } from '../../src/dcat/types.js';
import type { LinkCheck, LinkChecks, LinkStatus } from '../../src/links/types.js';

export const NOW = new Date('2025-06-15T00:00:00.000Z');
const DAY = 86_400_000;

/** An ISO date-time `days` before NOW (negative: after). */
export function daysAgo(days: number): string {
  return new Date(NOW.getTime() - days * DAY).toISOString();
}

export const LONG_DESCRIPTION =
  'Ejecución presupuestaria mensual del GAD Municipal de Cuenca: ingresos y gastos por partida, ' +
  'programa y fuente de financiamiento, desde enero de 2020.';

export function fullDistribution(overrides: Partial<Distribution> = {}): Distribution {
  return {
    id: 'r1',
    title: 'Ejecución presupuestaria 2025',
    description: 'Archivo CSV con la ejecución mensual.',
    accessURL: 'https://datos.cuenca.gob.ec/dataset/presupuesto/resource/r1',
    downloadURL: 'https://datos.cuenca.gob.ec/files/presupuesto-2025.csv',
    format: { code: 'CSV', raw: 'csv' },
    mediaType: { code: 'text/csv', raw: 'text/csv' },
    byteSize: 123456,
    rights: 'Uso libre citando la fuente',
    issued: { value: '2025-01-10', raw: '10/01/2025' },
    modified: { value: '2025-06-01', raw: '01/06/2025' },
    checksum: { algorithm: 'SHA-256', value: '9f86d081884c7d659a2feaa0c55ad015' },
    ...overrides,
  };
}

export function fullDataset(overrides: Partial<Dataset> = {}): Dataset {
  return {
    id: 'cuenca:presupuesto',
    portalId: 'cuenca',
    sourceId: 'presupuesto',
    identifier: 'presupuesto-municipal',
    title: 'Ejecución presupuestaria municipal',
    description: LONG_DESCRIPTION,
    keywords: ['presupuesto', 'finanzas públicas'],
    themes: [{ code: 'GOVE', label: 'Gobierno y sector público' }],
    publisher: { name: 'GAD Municipal de Cuenca', id: 'gad-cuenca', uri: 'https://www.cuenca.gob.ec' },
    contactPoint: { name: 'Dirección Financiera', email: 'datos@cuenca.gob.ec', url: 'https://www.cuenca.gob.ec/contacto' },
    issued: { value: '2020-01-10', raw: '2020-01-10' },
    modified: { value: '2025-06-01', raw: '2025-06-01' },
    accrualPeriodicity: { code: 'MONTHLY', raw: 'Mensual' },
    temporal: { start: { value: '2020-01-01', raw: '2020-01-01' }, end: { value: '2025-05-31', raw: '2025-05-31' } },
    spatial: { label: 'Cuenca, Azuay', uri: 'https://sws.geonames.org/3658666/' },
    language: ['SPA'],
    license: {
      id: 'CC-BY-4.0',
      open: true,
      raw: 'cc-by',
      title: 'Creative Commons Atribución 4.0',
      url: 'https://creativecommons.org/licenses/by/4.0/',
    },
    accessRights: { code: 'PUBLIC', raw: 'Público' },
    landingPage: 'https://datos.cuenca.gob.ec/dataset/presupuesto',
    conformsTo: ['http://www.opengis.net/def/crs/EPSG/0/4326'],
    version: '2025.06',
    distributions: [fullDistribution()],
    provenance: {
      harvestedAt: '2025-06-14T03:00:00.000Z',
      runId: 'run-1',
      sourceUrl: 'https://datos.cuenca.gob.ec/api/3/action/package_show?id=presupuesto',
      hash: 'h',
    },
    ...overrides,
  };
}

/** A record with nothing but an id and a title. */
export function bareDataset(overrides: Partial<Dataset> = {}): Dataset {
  return {
    id: 'p:bare',
    portalId: 'p',
    sourceId: 'bare',
    title: 'Datos',
    keywords: [],
    themes: [],
    language: [],
    conformsTo: [],
    distributions: [],
    provenance: { harvestedAt: NOW.toISOString(), runId: 'run-1', sourceUrl: 'http://p/api', hash: 'h' },
    ...overrides,
  };
}

/** Link checks for the given URLs, all with one status, checked at NOW. */
export function checks(urls: (string | undefined)[], status: LinkStatus = 'ok', extra: Partial<LinkCheck> = {}): Map<string, LinkCheck> {
  const map = new Map<string, LinkCheck>();
  for (const url of urls) if (url) map.set(url, { url, status, checkedAt: NOW.toISOString(), ...extra });
  return map;
}

/** `ok` checks for every access and download URL of a dataset. */
export function okLinks(d: Dataset): LinkChecks {
  return checks(d.distributions.flatMap((x) => [x.accessURL, x.downloadURL]));
}

export const NO_LINKS: LinkChecks = new Map();

/**
 * A synthetic Socrata catalog of any size for the fake Discovery API: record `i` is built from `i`
 * alone, so a catalog past the API's 10,000-result offset window never sits in memory. Ids grow
 * with `i` (base 36, digits before letters), so index order is the `dataset_id` order. Every
 * `federatedEvery`-th record is a federated copy from another domain, as a portal's own Discovery
 * search lists them.
 */

/** A Discovery API result as served: any JSON object. */
export type FakeRecord = Record<string, unknown>;

/** A catalog that builds its records on demand; `record(i)` ids must grow with `i`. */
export interface SyntheticCatalog {
  total: number;
  record: (index: number) => FakeRecord;
}

export interface SyntheticOptions {
  /** The portal's domain. Default `www.datos.gov.co`. */
  domain?: string;
  /** The domain federated copies come from. Default `datos.example.gov.co`. */
  federatedDomain?: string;
  /** Every n-th record (n > 0) is a federated copy. Default 25; 0 for none. */
  federatedEvery?: number;
  /** Only id, name, type, times and domain: for paging tests over big catalogs. Default false. */
  lean?: boolean;
}

const ENTITIES = ['Alcaldía de Santiago de Cali', 'Secretaría Distrital de Movilidad', 'Gobernación de Antioquia', 'Departamento Administrativo Nacional de Estadística', 'Instituto Nacional de Salud', 'Alcaldía de Bucaramanga', 'Ministerio de Educación Nacional'];
const CATEGORIES = ['Salud y Protección Social', 'Educación', 'Transporte', 'Hacienda y Crédito Público', 'Estadísticas Nacionales', 'Ambiente y Desarrollo Sostenible'];
const SUBJECTS = ['Matrícula escolar', 'Accidentes de tránsito', 'Ejecución presupuestal', 'Casos de dengue', 'Calidad del aire', 'Contratos SECOP II', 'Comparendos de tránsito'];
const FREQUENCIES = ['Anual', 'Mensual', 'Trimestral', 'Diaria', 'Semestral', 'No aplica'];
const LICENSES = ['Creative Commons Attribution | Share Alike 4.0 International', 'Creative Commons Attribution 4.0', 'Public Domain', null];

/** The base of every synthetic timestamp; record `i` was updated `i` minutes before it. */
const EPOCH = Date.parse('2025-02-03T15:00:00Z');

/** The four-by-four id of record `index`: `0000-0001`, …, `0000-000z`, `0000-0010`… */
export function syntheticId(index: number): string {
  const digits = index.toString(36).padStart(8, '0');
  return `${digits.slice(0, 4)}-${digits.slice(4)}`;
}

export function syntheticCatalog(total: number, options: SyntheticOptions = {}): SyntheticCatalog {
  return { total, record: (index) => syntheticRecord(index, options) };
}

export function syntheticRecord(index: number, options: SyntheticOptions = {}): FakeRecord {
  const every = options.federatedEvery ?? 25;
  const federated = every > 0 && index % every === every - 1;
  const domain = federated ? (options.federatedDomain ?? 'datos.example.gov.co') : (options.domain ?? 'www.datos.gov.co');
  const pick = <T>(list: readonly T[], salt = 0): T => list[(index * 7 + salt) % list.length];
  const id = syntheticId(index);
  const entity = pick(ENTITIES);
  const category = pick(CATEGORIES, 2);
  const year = 2016 + (index % 9);
  const name = `${pick(SUBJECTS, 1)} ${year} — ${entity}`;
  const updated = new Date(EPOCH - index * 60_000).toISOString();
  const created = new Date(EPOCH - (index + 525_600) * 60_000).toISOString();
  if (options.lean) return { resource: { id, name, type: 'dataset', updatedAt: updated }, metadata: { domain } };
  const slug = name.normalize('NFD').replace(/[^\w\s]/g, '').trim().replace(/\s+/g, '-');
  return {
    resource: {
      name,
      id,
      parent_fxf: [],
      description: `Registros de ${pick(SUBJECTS, 1).toLowerCase()} publicados por ${entity} para el año ${year}.`,
      attribution: entity,
      attribution_link: null,
      contact_email: null,
      type: 'dataset',
      updatedAt: updated,
      createdAt: created,
      metadata_updated_at: updated,
      data_updated_at: updated,
      publication_date: created,
      download_count: index % 997,
      provenance: 'official',
      lens_view_type: 'tabular',
      lens_display_type: 'table',
      blob_mime_type: null,
      hide_from_data_json: false,
    },
    classification: {
      categories: [],
      tags: [],
      domain_category: category,
      domain_tags: [pick(SUBJECTS, 1).split(' ')[0].toLowerCase(), String(year)],
      domain_metadata: [
        { key: 'Información-de-Datos_Frecuencia-de-Actualización', value: pick(FREQUENCIES, 3) },
        { key: 'Información-de-Datos_Idioma', value: 'Español' },
        { key: 'Información-de-la-Entidad_Nombre-de-la-Entidad', value: entity },
      ],
    },
    metadata: { domain, license: pick(LICENSES, 5) },
    permalink: `https://${domain}/d/${id}`,
    link: `https://${domain}/${category.replace(/\s+/g, '-')}/${slug}/${id}`,
    owner: { id: `usr${(index % 50).toString(36).padStart(2, '0')}-0000`, user_type: 'interactive', display_name: entity },
    creator: { id: `usr${(index % 50).toString(36).padStart(2, '0')}-0000`, user_type: 'interactive', display_name: entity },
  };
}

/**
 * The indicator table (QUALITY.md "Indicators") as data: id, dimension, points, titles, the
 * explanation codes each indicator can return and the pure function that scores it. The scorer
 * walks this table; reports and recommendations read it. Codes are stable: recommendations are
 * keyed by them. `link_*` codes are shared by A1 and A3.
 */
import type { Dimension, IndicatorId } from './types.js';
import type { Distribution } from '../dcat/types.js';
import type { DatasetContext, DistributionContext, Outcome } from './outcome.js';
import * as ds from './dataset-checks.js';
import * as dist from './distribution-checks.js';

interface IndicatorBase {
  id: IndicatorId;
  dimension: Dimension;
  /** Points available. */
  max: number;
  /** `mqa`: one of the 405 MQA-compatible points; `cosecha`: one of the 95 Cosecha adds. */
  scale: 'mqa' | 'cosecha';
  title: { es: string; en: string };
  /** Codes returned with full points. */
  pass: readonly string[];
  /** Codes returned when points were lost (all or, for T2/T3, some). */
  fail: readonly string[];
}

/** Scored on every distribution; the dataset gets the best distribution's result. */
export interface DistributionIndicator extends IndicatorBase {
  scope: 'distribution';
  check: (d: Distribution, ctx: DistributionContext, max: number) => Outcome;
}

export interface DatasetIndicator extends IndicatorBase {
  scope: 'dataset';
  check: (ctx: DatasetContext, max: number) => Outcome;
}

export type Indicator = DistributionIndicator | DatasetIndicator;

const LINK = ['link_not_checked', 'link_unknown', 'link_broken', 'link_refused'] as const;

export const INDICATORS: readonly Indicator[] = [
  { id: 'F1', dimension: 'findability', max: 30, scale: 'mqa', scope: 'dataset', check: ds.keywords,
    title: { es: 'Palabras clave', en: 'Keywords' }, pass: ['keywords_present'], fail: ['keywords_missing'] },
  { id: 'F2', dimension: 'findability', max: 30, scale: 'mqa', scope: 'dataset', check: ds.themes,
    title: { es: 'Temas o categorías', en: 'Themes / categories' }, pass: ['themes_present'], fail: ['themes_missing'] },
  { id: 'F3', dimension: 'findability', max: 20, scale: 'mqa', scope: 'dataset', check: ds.spatial,
    title: { es: 'Cobertura geográfica', en: 'Spatial coverage' }, pass: ['spatial_present'], fail: ['spatial_missing'] },
  { id: 'F4', dimension: 'findability', max: 20, scale: 'mqa', scope: 'dataset', check: ds.temporal,
    title: { es: 'Cobertura temporal', en: 'Temporal coverage' }, pass: ['temporal_present'], fail: ['temporal_missing'] },

  { id: 'A1', dimension: 'accessibility', max: 50, scale: 'mqa', scope: 'distribution', check: dist.accessReachable,
    title: { es: 'URL de acceso disponible', en: 'Access URL reachable' },
    pass: ['access_url_reachable'], fail: ['access_url_missing', ...LINK] },
  { id: 'A2', dimension: 'accessibility', max: 20, scale: 'mqa', scope: 'distribution', check: dist.downloadGiven,
    title: { es: 'URL de descarga declarada', en: 'Download URL given' },
    pass: ['download_url_given'], fail: ['download_url_missing'] },
  { id: 'A3', dimension: 'accessibility', max: 30, scale: 'mqa', scope: 'distribution', check: dist.downloadReachable,
    title: { es: 'URL de descarga disponible', en: 'Download URL reachable' },
    pass: ['download_url_reachable'], fail: ['no_download_url_to_check', ...LINK] },

  { id: 'I1', dimension: 'interoperability', max: 20, scale: 'mqa', scope: 'distribution', check: dist.formatGiven,
    title: { es: 'Formato declarado', en: 'Format given' }, pass: ['format_given'], fail: ['format_missing'] },
  { id: 'I2', dimension: 'interoperability', max: 10, scale: 'mqa', scope: 'distribution', check: dist.mediaTypeGiven,
    title: { es: 'Tipo de medio declarado', en: 'Media type given' }, pass: ['media_type_given'], fail: ['media_type_missing'] },
  { id: 'I3', dimension: 'interoperability', max: 10, scale: 'mqa', scope: 'distribution', check: dist.vocabularies,
    title: { es: 'Formato y tipo de medio de vocabularios', en: 'Format and media type from vocabularies' },
    pass: ['format_and_media_type_in_vocabularies'], fail: ['format_not_in_vocabulary', 'media_type_not_in_vocabulary'] },
  { id: 'I4', dimension: 'interoperability', max: 20, scale: 'mqa', scope: 'distribution', check: dist.nonProprietary,
    title: { es: 'Formato no propietario', en: 'Non-proprietary format' },
    pass: ['format_non_proprietary'], fail: ['format_proprietary', 'format_openness_unknown'] },
  { id: 'I5', dimension: 'interoperability', max: 20, scale: 'mqa', scope: 'distribution', check: dist.machineReadable,
    title: { es: 'Formato legible por máquinas', en: 'Machine-readable format' },
    pass: ['format_machine_readable'], fail: ['format_not_machine_readable', 'format_machine_readability_unknown'] },
  { id: 'I6', dimension: 'interoperability', max: 30, scale: 'mqa', scope: 'dataset', check: ds.dcatAp,
    title: { es: 'Conformidad con DCAT-AP', en: 'DCAT-AP conformance' },
    pass: ['dcat_ap_conformant'], fail: ['dcat_ap_violation'] },

  { id: 'R1', dimension: 'reusability', max: 20, scale: 'mqa', scope: 'distribution', check: dist.licenseGiven,
    title: { es: 'Licencia declarada', en: 'Licence given' }, pass: ['license_given'], fail: ['license_missing'] },
  { id: 'R2', dimension: 'reusability', max: 10, scale: 'mqa', scope: 'distribution', check: dist.licenseKnown,
    title: { es: 'Licencia conocida', en: 'Known licence' }, pass: ['license_known'], fail: ['license_not_recognized'] },
  { id: 'R3', dimension: 'reusability', max: 10, scale: 'mqa', scope: 'dataset', check: ds.accessRightsGiven,
    title: { es: 'Derechos de acceso declarados', en: 'Access rights given' },
    pass: ['access_rights_given'], fail: ['access_rights_missing'] },
  { id: 'R4', dimension: 'reusability', max: 5, scale: 'mqa', scope: 'dataset', check: ds.accessRightsVocabulary,
    title: { es: 'Derechos de acceso de vocabulario', en: 'Access rights from vocabulary' },
    pass: ['access_rights_in_vocabulary'], fail: ['access_rights_not_in_vocabulary'] },
  { id: 'R5', dimension: 'reusability', max: 20, scale: 'mqa', scope: 'dataset', check: ds.contactPoint,
    title: { es: 'Punto de contacto', en: 'Contact point' }, pass: ['contact_point_given'], fail: ['contact_point_missing'] },
  { id: 'R6', dimension: 'reusability', max: 10, scale: 'mqa', scope: 'dataset', check: ds.publisher,
    title: { es: 'Publicador', en: 'Publisher' }, pass: ['publisher_given'], fail: ['publisher_missing'] },

  { id: 'C1', dimension: 'contextuality', max: 5, scale: 'mqa', scope: 'distribution', check: dist.rightsGiven,
    title: { es: 'Declaración de derechos', en: 'Rights statement' }, pass: ['rights_given'], fail: ['rights_missing'] },
  { id: 'C2', dimension: 'contextuality', max: 5, scale: 'mqa', scope: 'distribution', check: dist.byteSizeGiven,
    title: { es: 'Tamaño del archivo', en: 'File size' },
    pass: ['byte_size_given'], fail: ['byte_size_missing', 'byte_size_invalid'] },
  { id: 'C3', dimension: 'contextuality', max: 5, scale: 'mqa', scope: 'distribution', check: dist.issuedGiven,
    title: { es: 'Fecha de publicación', en: 'Date of issue' }, pass: ['issued_given'], fail: ['issued_missing'] },
  { id: 'C4', dimension: 'contextuality', max: 5, scale: 'mqa', scope: 'distribution', check: dist.modifiedGiven,
    title: { es: 'Fecha de modificación', en: 'Modification date' }, pass: ['modified_given'], fail: ['modified_missing'] },

  { id: 'T1', dimension: 'timeliness', max: 10, scale: 'cosecha', scope: 'dataset', check: ds.frequency,
    title: { es: 'Frecuencia de actualización declarada', en: 'Update frequency declared' },
    pass: ['frequency_declared'], fail: ['frequency_unknown', 'frequency_missing'] },
  { id: 'T2', dimension: 'timeliness', max: 40, scale: 'cosecha', scope: 'dataset', check: ds.upToDate,
    title: { es: 'Actualizado', en: 'Up to date' },
    pass: ['freshness_up_to_date', 'freshness_no_promise'],
    fail: ['freshness_late', 'freshness_stale', 'freshness_no_date', 'freshness_unknown'] },
  { id: 'T3', dimension: 'timeliness', max: 10, scale: 'cosecha', scope: 'dataset', check: ds.notAbandoned,
    title: { es: 'No abandonado', en: 'Not abandoned' },
    pass: ['age_recent'], fail: ['age_old', 'age_abandoned', 'age_no_date'] },

  { id: 'Q1', dimension: 'value', max: 15, scale: 'cosecha', scope: 'dataset', check: ds.description,
    title: { es: 'Descripción informativa', en: 'Informative description' },
    pass: ['description_informative'], fail: ['description_missing', 'description_equals_title', 'description_too_short'] },
  { id: 'Q2', dimension: 'value', max: 10, scale: 'cosecha', scope: 'dataset', check: ds.reachableContact,
    title: { es: 'Contacto alcanzable', en: 'Reachable contact' }, pass: ['contact_reachable'], fail: ['contact_unreachable'] },
  { id: 'Q3', dimension: 'value', max: 5, scale: 'cosecha', scope: 'dataset', check: ds.wellFormedDates,
    title: { es: 'Fechas bien formadas', en: 'Well-formed dates' },
    pass: ['dates_well_formed'], fail: ['date_unparseable', 'date_in_future', 'dates_missing'] },
  { id: 'Q4', dimension: 'value', max: 5, scale: 'cosecha', scope: 'dataset', check: ds.openLicense,
    title: { es: 'Licencia abierta', en: 'Open licence' },
    pass: ['license_open'], fail: ['license_not_open', 'license_openness_unknown'] },
];

/** Points available per dimension, and on each scale (405 and 500), derived from the table. */
export const DIMENSION_MAX: Readonly<Record<Dimension, number>> = (() => {
  const max: Record<Dimension, number> = {
    findability: 0, accessibility: 0, interoperability: 0, reusability: 0, contextuality: 0, timeliness: 0, value: 0,
  };
  for (const i of INDICATORS) max[i.dimension] += i.max;
  return max;
})();
export const MQA_MAX = INDICATORS.filter((i) => i.scale === 'mqa').reduce((sum, i) => sum + i.max, 0);
export const TOTAL_MAX = INDICATORS.reduce((sum, i) => sum + i.max, 0);

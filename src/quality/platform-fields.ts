/**
 * Where each platform keeps the fields the recommendations name, so that a recommendation tells a
 * publisher where to click on the portal they use (explanation-texts.ts `field`). The words, and
 * the parentheses made of them; explanations.ts swaps one parenthesis for the other.
 *
 * A recommendation's neutral text names the DCAT property in one parenthesis, "(en DCAT,
 * `dcat:keyword`)"; for a platform listed here that parenthesis becomes "(en CKAN, las etiquetas,
 * `tags`)". A platform missing from a field (Socrata and OpenDataSoft fill in formats and file
 * URLs themselves) keeps the DCAT words. `dcat`, `auto` and platforms not listed read the DCAT words.
 */
import type { Bilingual } from './explanation-texts.js';

/** A field's name, the same in both languages, or Spanish and English words. */
type Words = string | Bilingual;

/** The platforms with words of their own; a DKAN portal publishes data.json, so it shares its words. */
export type FieldPlatform = 'ckan' | 'datajson' | 'socrata' | 'opendatasoft' | 'arcgis' | 'csw' | 'html';

/** How each platform is called in the parenthesis ("en CKAN, …"). */
export const PLATFORM_NAMES: Readonly<Record<FieldPlatform, Words>> = {
  ckan: 'CKAN',
  datajson: 'DKAN / data.json',
  socrata: 'Socrata',
  opendatasoft: 'OpenDataSoft',
  arcgis: 'ArcGIS Hub',
  csw: 'CSW (ISO 19139)',
  html: { es: 'el marcado schema.org de la página', en: "the page's schema.org markup" },
};

/** The platform whose words a portal of `platform` (PortalRecord.platform) reads; undefined: DCAT's. */
export function fieldPlatformOf(platform: string | undefined): FieldPlatform | undefined {
  if (platform === 'dkan') return 'datajson';
  return platform !== undefined && Object.hasOwn(PLATFORM_NAMES, platform) ? (platform as FieldPlatform) : undefined;
}

export interface FieldWords extends Partial<Record<FieldPlatform, Words>> {
  /** The DCAT property, as the neutral text writes it inside "(en DCAT, …)". */
  dcat: string;
}

export const FIELDS = {
  keyword: {
    dcat: '`dcat:keyword`',
    ckan: { es: 'las etiquetas, `tags`', en: 'the `tags`' },
    datajson: '`keyword`',
    socrata: { es: 'el campo «Tags / Keywords»', en: 'the "Tags / Keywords" field' },
    opendatasoft: { es: 'el metadato `keyword`', en: 'the `keyword` metadata' },
    arcgis: { es: 'las etiquetas (Tags) del elemento', en: "the item's Tags" },
    csw: '`gmd:descriptiveKeywords`',
    html: '`keywords`',
  },
  theme: {
    dcat: '`dcat:theme`',
    ckan: { es: 'agréguelo a uno o más grupos o complete `theme`', en: 'add it to one or more groups or fill in `theme`' },
    datajson: '`theme`',
    socrata: { es: 'la categoría, «Category»', en: 'the "Category"' },
    opendatasoft: { es: 'el metadato `theme`', en: 'the `theme` metadata' },
    arcgis: { es: 'las categorías del elemento', en: "the item's categories" },
    csw: '`gmd:topicCategory`',
    html: '`about`',
  },
  spatial: {
    dcat: '`dct:spatial`',
    ckan: { es: 'el campo `spatial`', en: 'the `spatial` field' },
    datajson: '`spatial`',
    socrata: { es: 'el campo «Spatial» de los metadatos Common Core', en: 'the "Spatial" field of the Common Core metadata' },
    opendatasoft: { es: 'el metadato `spatial` de DCAT', en: 'the DCAT `spatial` metadata' },
    arcgis: { es: 'la extensión (Extent) del elemento', en: "the item's Extent" },
    csw: '`gmd:EX_GeographicBoundingBox`',
    html: '`spatialCoverage`',
  },
  temporal: {
    dcat: '`dct:temporal`',
    ckan: { es: 'los campos `temporal_start` y `temporal_end`', en: 'the `temporal_start` and `temporal_end` fields' },
    datajson: { es: '`temporal`, como `2020-01-01/2020-12-31`', en: '`temporal`, such as `2020-01-01/2020-12-31`' },
    socrata: { es: 'el campo «Temporal» de los metadatos Common Core', en: 'the "Temporal" field of the Common Core metadata' },
    opendatasoft: { es: 'el metadato `temporal` de DCAT', en: 'the DCAT `temporal` metadata' },
    csw: '`gmd:EX_TemporalExtent`',
    html: '`temporalCoverage`',
  },
  accessUrl: {
    dcat: '`dcat:accessURL`',
    ckan: { es: 'el campo `url` del recurso', en: 'the resource `url` field' },
    datajson: { es: '`accessURL` de la distribución', en: 'the distribution `accessURL`' },
    csw: '`gmd:linkage`',
    html: { es: '`url` del `DataDownload`', en: 'the `DataDownload` `url`' },
  },
  downloadUrl: {
    dcat: '`dcat:downloadURL`',
    ckan: { es: 'suba el archivo al recurso o ponga el enlace en su `url`', en: 'upload the file to the resource or put the link in its `url`' },
    datajson: { es: '`downloadURL` de la distribución', en: 'the distribution `downloadURL`' },
    csw: { es: '`gmd:linkage` con la función «download»', en: '`gmd:linkage` with the "download" function' },
    html: { es: '`contentUrl` del `DataDownload`', en: 'the `DataDownload` `contentUrl`' },
  },
  format: {
    dcat: '`dct:format`',
    ckan: { es: 'el campo `format` del recurso', en: 'the resource `format` field' },
    datajson: { es: '`format` de la distribución', en: 'the distribution `format`' },
    csw: '`gmd:distributionFormat`',
    html: '`encodingFormat`',
  },
  mediaType: {
    dcat: '`dcat:mediaType`',
    ckan: { es: 'el campo `mimetype` del recurso', en: 'the resource `mimetype` field' },
    datajson: { es: '`mediaType` de la distribución', en: 'the distribution `mediaType`' },
    html: '`encodingFormat`',
  },
  license: {
    dcat: '`dct:license`',
    ckan: { es: 'la lista de licencias del formulario, `license_id`', en: 'the licence list of the form, `license_id`' },
    datajson: { es: '`license`, con la dirección de la licencia', en: '`license`, with the address of the licence' },
    socrata: { es: 'el campo «License Type»', en: 'the "License Type" field' },
    opendatasoft: { es: 'el metadato `license`', en: 'the `license` metadata' },
    arcgis: { es: 'la licencia (License Info) del elemento', en: "the item's License Info" },
    csw: '`gmd:MD_LegalConstraints`',
    html: '`license`',
  },
  accessRights: {
    dcat: '`dct:accessRights`',
    ckan: { es: 'el campo `access_rights`', en: 'the `access_rights` field' },
    datajson: { es: '`accessLevel`, con `public`, `restricted public` o `non-public`', en: '`accessLevel`, as `public`, `restricted public` or `non-public`' },
    socrata: { es: 'el campo «Public Access Level» de los metadatos Common Core', en: 'the "Public Access Level" field of the Common Core metadata' },
    csw: '`gmd:accessConstraints`',
    html: '`conditionsOfAccess`',
  },
  contact: {
    dcat: '`dcat:contactPoint`',
    ckan: { es: 'los campos `maintainer` y `maintainer_email`', en: 'the `maintainer` and `maintainer_email` fields' },
    datajson: { es: '`contactPoint`, con `fn` y `hasEmail`', en: '`contactPoint`, with `fn` and `hasEmail`' },
    socrata: { es: 'el campo «Contact Email»', en: 'the "Contact Email" field' },
    opendatasoft: { es: 'los metadatos `contact_name` y `contact_email` de DCAT', en: 'the DCAT `contact_name` and `contact_email` metadata' },
    csw: '`gmd:pointOfContact`',
    html: '`contactPoint`',
  },
  publisher: {
    dcat: '`dct:publisher`',
    ckan: { es: 'publíquelo dentro de la organización de su institución', en: 'publish it under the organization of your institution' },
    datajson: '`publisher`',
    socrata: { es: 'el campo «Data Provided By», la atribución', en: 'the "Data Provided By" field, the attribution' },
    opendatasoft: { es: 'el metadato `publisher`', en: 'the `publisher` metadata' },
    csw: { es: '`gmd:CI_ResponsibleParty` con el rol «publisher»', en: '`gmd:CI_ResponsibleParty` with the "publisher" role' },
    html: '`publisher`',
  },
  rights: {
    dcat: '`dct:rights`',
    ckan: { es: 'el campo `rights` del recurso', en: 'the resource `rights` field' },
    datajson: '`rights`',
    csw: '`gmd:useLimitation`',
  },
  byteSize: {
    dcat: '`dcat:byteSize`',
    ckan: { es: 'el campo `size` del recurso, que CKAN completa solo al subir el archivo', en: 'the resource `size` field, which CKAN fills in when the file is uploaded' },
    html: '`contentSize`',
  },
  issued: {
    dcat: '`dct:issued`',
    ckan: { es: 'el campo `issued` o la fecha de creación del recurso', en: 'the `issued` field or the resource creation date' },
    datajson: '`issued`',
    opendatasoft: { es: 'el metadato `issued` de DCAT', en: 'the DCAT `issued` metadata' },
    csw: { es: '`gmd:CI_Date` de tipo «publication»', en: '`gmd:CI_Date` of type "publication"' },
    html: '`datePublished`',
  },
  modified: {
    dcat: '`dct:modified`',
    ckan: { es: '`modified` del conjunto o `last_modified` del recurso', en: 'the dataset `modified` or resource `last_modified`' },
    datajson: '`modified`',
    opendatasoft: { es: 'el metadato `modified`', en: 'the `modified` metadata' },
    csw: { es: '`gmd:CI_Date` de tipo «revision»', en: '`gmd:CI_Date` of type "revision"' },
    html: '`dateModified`',
  },
  frequency: {
    dcat: '`dct:accrualPeriodicity`',
    ckan: { es: 'el campo `frequency`', en: 'the `frequency` field' },
    datajson: { es: '`accrualPeriodicity`, como `R/P1M` para mensual', en: '`accrualPeriodicity`, such as `R/P1M` for monthly' },
    opendatasoft: { es: 'el metadato `accrualperiodicity` de DCAT', en: 'the DCAT `accrualperiodicity` metadata' },
    csw: '`gmd:maintenanceAndUpdateFrequency`',
  },
  description: {
    dcat: '`dct:description`',
    ckan: { es: 'el campo `notes`', en: 'the `notes` field' },
    datajson: '`description`',
    socrata: { es: 'el campo «Description»', en: 'the "Description" field' },
    opendatasoft: { es: 'el metadato `description`', en: 'the `description` metadata' },
    arcgis: { es: 'la descripción del elemento, no solo su resumen', en: "the item's description, not only its summary" },
    csw: '`gmd:abstract`',
    html: '`description`',
  },
} as const satisfies Record<string, FieldWords>;

export type FieldName = keyof typeof FIELDS;

/** "(en DCAT, `dcat:keyword`)": the parenthesis a neutral recommendation names its field in. */
export function dcatWhere(field: FieldName): Bilingual {
  return { es: `(en DCAT, ${FIELDS[field].dcat})`, en: `(in DCAT, ${FIELDS[field].dcat})` };
}

/** The same parenthesis for `platform`'s publishers; undefined where the platform has no words of its own. */
export function platformWhere(field: FieldName, platform: FieldPlatform): Bilingual | undefined {
  const words: Words | undefined = (FIELDS[field] as FieldWords)[platform];
  if (words === undefined) return undefined;
  const where = bilingual(words);
  const name = bilingual(PLATFORM_NAMES[platform]);
  return { es: `(en ${name.es}, ${where.es})`, en: `(in ${name.en}, ${where.en})` };
}

function bilingual(words: Words): Bilingual {
  return typeof words === 'string' ? { es: words, en: words } : words;
}

/**
 * Words for the codes Cosecha stores that no vocabulary file names: ratings, freshness and link
 * states, levels, dimensions, frequencies, run states and notes, licence categories and the EU
 * file types whose code is not what people call them. Data only; labels.ts reads it.
 */
import type { Bilingual } from '../../quality/explanations.js';

type Table = Readonly<Record<string, Bilingual>>;

export const RATINGS: Table = {
  excellent: { es: 'Excelente', en: 'Excellent' },
  good: { es: 'Buena', en: 'Good' },
  sufficient: { es: 'Suficiente', en: 'Sufficient' },
  bad: { es: 'Insuficiente', en: 'Bad' },
};

export const FRESHNESS: Table = {
  up_to_date: { es: 'Al día', en: 'Up to date' },
  late: { es: 'Con retraso', en: 'Late' },
  stale: { es: 'Desactualizado', en: 'Stale' },
  no_promise: { es: 'Sin frecuencia declarada', en: 'No update frequency stated' },
  unknown: { es: 'Fecha desconocida', en: 'Date unknown' },
};

export const LINK_STATES: Table = {
  ok: { es: 'Responde', en: 'Reachable' },
  broken: { es: 'Roto', en: 'Broken' },
  unknown: { es: 'Sin respuesta clara', en: 'Unclear answer' },
  not_checked: { es: 'Aún sin revisar', en: 'Not checked yet' },
  refused: { es: 'No revisado (dirección privada)', en: 'Not checked (private address)' },
  no_url: { es: 'Sin enlace', en: 'No link' },
};

export const LEVELS: Table = {
  national: { es: 'Nacional', en: 'National' },
  subnational: { es: 'Subnacional', en: 'Subnational' },
  municipal: { es: 'Municipal', en: 'Municipal' },
};

export const DIMENSIONS: Table = {
  findability: { es: 'Búsqueda', en: 'Findability' },
  accessibility: { es: 'Acceso', en: 'Accessibility' },
  interoperability: { es: 'Interoperabilidad', en: 'Interoperability' },
  reusability: { es: 'Reutilización', en: 'Reusability' },
  contextuality: { es: 'Contexto', en: 'Contextuality' },
  timeliness: { es: 'Actualidad', en: 'Timeliness' },
  value: { es: 'Valor', en: 'Value' },
};

export const FREQUENCIES: Table = {
  DAILY: { es: 'Diaria', en: 'Daily' },
  WEEKLY: { es: 'Semanal', en: 'Weekly' },
  BIWEEKLY: { es: 'Quincenal', en: 'Every two weeks' },
  MONTHLY: { es: 'Mensual', en: 'Monthly' },
  BIMONTHLY: { es: 'Bimestral', en: 'Every two months' },
  QUARTERLY: { es: 'Trimestral', en: 'Quarterly' },
  ANNUAL_3: { es: 'Cuatrimestral', en: 'Three times a year' },
  ANNUAL_2: { es: 'Semestral', en: 'Twice a year' },
  ANNUAL: { es: 'Anual', en: 'Annual' },
  BIENNIAL: { es: 'Cada dos años', en: 'Every two years' },
  TRIENNIAL: { es: 'Cada tres años', en: 'Every three years' },
  CONT: { es: 'Continua', en: 'Continuous' },
  IRREG: { es: 'Irregular', en: 'Irregular' },
  AS_NEEDED: { es: 'Según se necesite', en: 'As needed' },
  NOT_PLANNED: { es: 'Sin actualización prevista', en: 'Not planned' },
  NEVER: { es: 'Nunca', en: 'Never' },
  OTHER: { es: 'Otra', en: 'Other' },
  UNKNOWN: { es: 'Desconocida', en: 'Unknown' },
};

export const LICENSE_CATEGORIES: Table = {
  'other-open': { es: 'Otra licencia abierta', en: 'Other open licence' },
  'other-at': { es: 'Otra licencia abierta con atribución', en: 'Other open licence with attribution' },
  'other-nc': { es: 'Otra licencia no comercial', en: 'Other non-commercial licence' },
  'other-closed': { es: 'Otra licencia no abierta', en: 'Other licence, not open' },
};

export const RUN_STATUSES: Table = {
  running: { es: 'En curso', en: 'Running' },
  succeeded: { es: 'Terminada', en: 'Succeeded' },
  failed: { es: 'Falló', en: 'Failed' },
  interrupted: { es: 'Interrumpida', en: 'Interrupted' },
};

export const RUN_MODES: Table = {
  full: { es: 'Completa', en: 'Full' },
  incremental: { es: 'Incremental', en: 'Incremental' },
};

/** Why a run failed (HarvestErrorCode and the run driver's codes), in words. */
export const RUN_ERRORS: Table = {
  unreachable: { es: 'No se pudo conectar con el portal.', en: 'The portal could not be reached.' },
  timeout: { es: 'El portal tardó demasiado en responder.', en: 'The portal took too long to answer.' },
  tls_error: { es: 'El certificado de seguridad del portal no es válido.', en: "The portal's security certificate is not valid." },
  http_status: { es: 'El portal respondió con un error.', en: 'The portal answered with an error.' },
  rate_limited: { es: 'El portal pidió esperar (demasiadas consultas).', en: 'The portal asked to wait (too many requests).' },
  too_large: { es: 'La respuesta del portal era demasiado grande.', en: "The portal's answer was too large." },
  not_json: { es: 'El portal no respondió con datos JSON.', en: 'The portal did not answer with JSON.' },
  not_xml: { es: 'El portal no respondió con XML.', en: 'The portal did not answer with XML.' },
  html_instead_of_data: { es: 'El portal respondió con una página web en lugar de datos.', en: 'The portal answered a web page instead of data.' },
  empty_body: { es: 'El portal respondió vacío.', en: 'The portal gave an empty answer.' },
  api_error: { es: 'La API del portal informó un error.', en: "The portal's API reported an error." },
  bad_response: { es: 'La respuesta del portal no tenía la forma esperada.', en: "The portal's answer did not have the expected shape." },
  paging_loop: { es: 'El portal repetía las mismas páginas.', en: 'The portal kept repeating the same pages.' },
  unsafe_url: { es: 'La dirección apunta a una red privada y no se consulta.', en: 'The address points to a private network and is not fetched.' },
  interrupted: { es: 'La cosecha se detuvo antes de terminar.', en: 'The harvest stopped before it finished.' },
};

/** EU file types whose code people do not use as a name; the rest show their code (CSV, JSON, PDF). */
export const FORMAT_NAMES: Table = {
  RDF_TURTLE: { es: 'RDF Turtle', en: 'RDF Turtle' },
  RDF_XML: { es: 'RDF/XML', en: 'RDF/XML' },
  JSON_LD: { es: 'JSON-LD', en: 'JSON-LD' },
  WMS_SRVC: { es: 'Servicio WMS', en: 'WMS service' },
  WFS_SRVC: { es: 'Servicio WFS', en: 'WFS service' },
  WCS_SRVC: { es: 'Servicio WCS', en: 'WCS service' },
  WMTS_SRVC: { es: 'Servicio WMTS', en: 'WMTS service' },
  SHP: { es: 'Shapefile', en: 'Shapefile' },
  GEOJSON: { es: 'GeoJSON', en: 'GeoJSON' },
  GPKG: { es: 'GeoPackage', en: 'GeoPackage' },
  HTML: { es: 'Página web', en: 'Web page' },
  TXT: { es: 'Texto', en: 'Text' },
  ZIP: { es: 'Archivo ZIP', en: 'ZIP archive' },
  RDF_N_TRIPLES: { es: 'RDF N-Triples', en: 'RDF N-Triples' },
  RDF_N_QUADS: { es: 'RDF N-Quads', en: 'RDF N-Quads' },
  RDF_TRIG: { es: 'RDF TriG', en: 'RDF TriG' },
  SPARQLQ: { es: 'Consulta SPARQL', en: 'SPARQL query' },
  MAP_SRVC: { es: 'Servicio de mapas', en: 'Map service' },
  REST: { es: 'API REST', en: 'REST API' },
  TAR_GZ: { es: 'TAR.GZ', en: 'TAR.GZ' },
  GDB: { es: 'Geodatabase de Esri', en: 'Esri geodatabase' },
  MPEG4: { es: 'MP4', en: 'MP4' },
};

/**
 * A focused DCAT-AP 3 conformance check (indicator I6): the mandatory, cardinality and range rules
 * that a harvested record can actually break. Rules the record model cannot break (a second title,
 * a distribution that is not a dcat:Distribution) are not checked.
 *
 * Errors fail I6; warnings are reported for the publisher but do not fail (as in the MQA, where
 * only SHACL violations count). Vocabulary mismatches are warnings: the export simply omits a value
 * it cannot express as a vocabulary IRI, and R4/I3/T1 already score them.
 *
 * Errors:
 * - `title_missing`, `description_missing`: dct:title and dct:description are mandatory (1..n).
 * - `access_url_missing`: every distribution needs dcat:accessURL (1..n).
 * - `access_url_not_iri`: dcat:accessURL ranges over resources, so it must be an absolute IRI.
 * - `download_url_not_iri`, `landing_page_not_iri`, `license_url_not_iri`, `conforms_to_not_iri`,
 *   `spatial_uri_not_iri`, `publisher_uri_not_iri`: where DCAT-AP requires a resource Cosecha
 *   requires an absolute http(s) IRI, the only kind a user can follow.
 * - `date_unparseable`: dct:issued, dct:modified, dcat:startDate, dcat:endDate range over
 *   xsd:date / xsd:dateTime; a declared date that does not parse breaks the range.
 * - `byte_size_invalid`: dcat:byteSize ranges over xsd:nonNegativeInteger.
 * - `checksum_algorithm_missing`, `checksum_value_invalid`: spdx:Checksum needs exactly one
 *   algorithm and one hexBinary value.
 * - `publisher_name_missing`: foaf:name is mandatory for the publisher agent.
 *
 * Warnings: `format_not_in_vocabulary`, `media_type_not_in_vocabulary`,
 * `frequency_not_in_vocabulary`, `access_rights_not_in_vocabulary`, `theme_not_in_vocabulary`,
 * `language_not_in_vocabulary`, `contact_email_invalid`, `contact_url_not_iri`,
 * `temporal_start_after_end`, `spatial_bbox_invalid`.
 */
import type { Coded, Dataset, DateValue, Distribution } from '../dcat/types.js';
import { present, presentCoded } from './present.js';
import { isAbsoluteIri, isEmail, isHttpIri, isIanaMediaType, parseIsoTime } from './syntax.js';

export type Severity = 'error' | 'warning';

export interface DcatApViolation {
  /** Stable snake_case code (listed above). */
  code: string;
  severity: Severity;
  /** Where in the record: `title`, `distributions[2].accessURL`, `temporal.start`, … */
  path: string;
}

const EU_LANGUAGE = /^[A-Z]{3}$/;

/** Every rule the record breaks, errors and warnings, in record order. */
export function checkDcatAp(dataset: Dataset): DcatApViolation[] {
  const out: DcatApViolation[] = [];
  const error = (code: string, path: string) => out.push({ code, severity: 'error', path });
  const warn = (code: string, path: string) => out.push({ code, severity: 'warning', path });
  const iri = (value: string | undefined, code: string, path: string) => {
    if (present(value) && !isHttpIri(value)) error(code, path);
  };
  const date = (value: DateValue | undefined, path: string) => {
    if (value === undefined || !(present(value.raw) || present(value.value))) return;
    if (parseIsoTime(value.value) === undefined) error('date_unparseable', path);
  };
  const vocabulary = (value: Coded | undefined, code: string, path: string) => {
    if (present(value?.raw) && !present(value?.code)) warn(code, path);
  };

  if (!present(dataset.title)) error('title_missing', 'title');
  if (!present(dataset.description)) error('description_missing', 'description');
  date(dataset.issued, 'issued');
  date(dataset.modified, 'modified');
  date(dataset.temporal?.start, 'temporal.start');
  date(dataset.temporal?.end, 'temporal.end');
  const start = parseIsoTime(dataset.temporal?.start?.value);
  const end = parseIsoTime(dataset.temporal?.end?.value);
  if (start !== undefined && end !== undefined && start > end) warn('temporal_start_after_end', 'temporal');
  iri(dataset.landingPage, 'landing_page_not_iri', 'landingPage');
  iri(dataset.license?.url, 'license_url_not_iri', 'license.url');
  dataset.conformsTo.forEach((c, i) => iri(c, 'conforms_to_not_iri', `conformsTo[${i}]`));
  iri(dataset.spatial?.uri, 'spatial_uri_not_iri', 'spatial.uri');
  if (dataset.spatial?.bbox && !validBbox(dataset.spatial.bbox)) warn('spatial_bbox_invalid', 'spatial.bbox');
  const publisher = dataset.publisher;
  if (publisher && !present(publisher.name) && [publisher.id, publisher.uri, publisher.email].some(present)) {
    error('publisher_name_missing', 'publisher.name');
  }
  iri(publisher?.uri, 'publisher_uri_not_iri', 'publisher.uri');
  const contact = dataset.contactPoint;
  if (present(contact?.email) && !isEmail(contact.email)) warn('contact_email_invalid', 'contactPoint.email');
  if (present(contact?.url) && !isHttpIri(contact.url)) warn('contact_url_not_iri', 'contactPoint.url');
  vocabulary(dataset.accrualPeriodicity, 'frequency_not_in_vocabulary', 'accrualPeriodicity');
  vocabulary(dataset.accessRights, 'access_rights_not_in_vocabulary', 'accessRights');
  dataset.themes.forEach((t, i) => {
    if (present(t.label) && !present(t.code)) warn('theme_not_in_vocabulary', `themes[${i}]`);
  });
  dataset.language.forEach((l, i) => {
    if (present(l) && !EU_LANGUAGE.test(l)) warn('language_not_in_vocabulary', `language[${i}]`);
  });
  dataset.distributions.forEach((d, i) => checkDistribution(d, `distributions[${i}]`, { error, warn, iri, date, vocabulary }));
  return out;
}

interface Reporters {
  error: (code: string, path: string) => void;
  warn: (code: string, path: string) => void;
  iri: (value: string | undefined, code: string, path: string) => void;
  date: (value: DateValue | undefined, path: string) => void;
  vocabulary: (value: Coded | undefined, code: string, path: string) => void;
}

function checkDistribution(d: Distribution, at: string, r: Reporters): void {
  if (!present(d.accessURL)) r.error('access_url_missing', `${at}.accessURL`);
  else if (!isAbsoluteIri(d.accessURL)) r.error('access_url_not_iri', `${at}.accessURL`);
  r.iri(d.downloadURL, 'download_url_not_iri', `${at}.downloadURL`);
  r.iri(d.license?.url, 'license_url_not_iri', `${at}.license.url`);
  r.date(d.issued, `${at}.issued`);
  r.date(d.modified, `${at}.modified`);
  if (d.byteSize !== undefined && !(Number.isInteger(d.byteSize) && d.byteSize >= 0)) {
    r.error('byte_size_invalid', `${at}.byteSize`);
  }
  if (d.checksum && present(d.checksum.value)) {
    if (!present(d.checksum.algorithm)) r.error('checksum_algorithm_missing', `${at}.checksum.algorithm`);
    if (!/^[0-9a-f]+$/i.test(d.checksum.value.trim())) r.error('checksum_value_invalid', `${at}.checksum.value`);
  }
  r.vocabulary(d.format, 'format_not_in_vocabulary', `${at}.format`);
  if (presentCoded(d.mediaType) && !isIanaMediaType(d.mediaType?.code)) {
    r.warn('media_type_not_in_vocabulary', `${at}.mediaType`);
  }
}

function validBbox([west, south, east, north]: readonly number[]): boolean {
  const lon = (x: number) => Number.isFinite(x) && x >= -180 && x <= 180;
  const lat = (y: number) => Number.isFinite(y) && y >= -90 && y <= 90;
  return lon(west) && lon(east) && lat(south) && lat(north) && south <= north;
}

/** I6 passes when no error-level rule is broken; warnings are advice. */
export function conformsToDcatAp(violations: readonly DcatApViolation[]): boolean {
  return violations.every((v) => v.severity === 'warning');
}

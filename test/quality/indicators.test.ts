import assert from 'node:assert/strict';
import type { Dataset } from '../../src/dcat/types.js';
import type { LinkChecks } from '../../src/links/types.js';
import type { IndicatorId } from '../../src/quality/types.js';
import { DIMENSION_MAX, INDICATORS, MQA_MAX, TOTAL_MAX } from '../../src/quality/indicators.js';
import { score } from '../../src/quality/score.js';
import { NO_LINKS, NOW, bareDataset, checks, daysAgo, fullDataset, fullDistribution, okLinks } from './build.js';

interface Case {
  id: IndicatorId;
  when: string;
  /** Changes to the full record (which earns every point). */
  change: (d: Dataset) => Dataset;
  /** Link checks; default: every link ok. */
  links?: (d: Dataset) => LinkChecks;
  points: number;
  code: string;
}

const dist = (d: Dataset, patch: Partial<Dataset['distributions'][number]>): Dataset => ({
  ...d,
  distributions: [fullDistribution(patch)],
});
const ACCESS = fullDistribution().accessURL;
const DOWNLOAD = fullDistribution().downloadURL;
const only = (status: 'broken' | 'unknown' | 'refused', url: string | undefined) => () =>
  new Map([...checks([ACCESS, DOWNLOAD]), ...checks([url], status)]);
const A = 'a'.repeat(100);

const CASES: Case[] = [
  { id: 'F1', when: 'no keywords', change: (d) => ({ ...d, keywords: [] }), points: 0, code: 'keywords_missing' },
  { id: 'F1', when: 'only placeholder keywords', change: (d) => ({ ...d, keywords: [' ', 'N/A'] }), points: 0, code: 'keywords_missing' },
  { id: 'F2', when: 'no themes', change: (d) => ({ ...d, themes: [] }), points: 0, code: 'themes_missing' },
  { id: 'F2', when: 'a source category without EU code', change: (d) => ({ ...d, themes: [{ label: 'Salud' }] }), points: 30, code: 'themes_present' },
  { id: 'F3', when: 'no spatial', change: (d) => ({ ...d, spatial: undefined }), points: 0, code: 'spatial_missing' },
  { id: 'F3', when: 'a placeholder place', change: (d) => ({ ...d, spatial: { label: 'Sin Información' } }), points: 0, code: 'spatial_missing' },
  { id: 'F3', when: 'only a bounding box', change: (d) => ({ ...d, spatial: { bbox: [-79.1, -2.95, -78.9, -2.85] } }), points: 20, code: 'spatial_present' },
  { id: 'F4', when: 'no temporal', change: (d) => ({ ...d, temporal: undefined }), points: 0, code: 'temporal_missing' },
  { id: 'F4', when: 'temporal with only a raw text', change: (d) => ({ ...d, temporal: { raw: '2010 a 2020' } }), points: 0, code: 'temporal_missing' },
  { id: 'F4', when: 'only an end date', change: (d) => ({ ...d, temporal: { end: { value: '2024-12-31' } } }), points: 20, code: 'temporal_present' },

  { id: 'A1', when: 'links not checked yet', change: (d) => d, links: () => NO_LINKS, points: 0, code: 'link_not_checked' },
  { id: 'A1', when: 'the check was inconclusive', change: (d) => d, links: only('unknown', ACCESS), points: 0, code: 'link_unknown' },
  { id: 'A1', when: 'the access URL is broken', change: (d) => d, links: only('broken', ACCESS), points: 0, code: 'link_broken' },
  { id: 'A1', when: 'the access URL was refused', change: (d) => d, links: only('refused', ACCESS), points: 0, code: 'link_refused' },
  { id: 'A1', when: 'no access URL', change: (d) => dist(d, { accessURL: undefined }), points: 0, code: 'access_url_missing' },
  { id: 'A2', when: 'no download URL', change: (d) => dist(d, { downloadURL: ' ' }), points: 0, code: 'download_url_missing' },
  { id: 'A3', when: 'no download URL', change: (d) => dist(d, { downloadURL: undefined }), points: 0, code: 'no_download_url_to_check' },
  { id: 'A3', when: 'the download is broken', change: (d) => d, links: only('broken', DOWNLOAD), points: 0, code: 'link_broken' },
  { id: 'A3', when: 'the download is not checked', change: (d) => d, links: () => checks([ACCESS]), points: 0, code: 'link_not_checked' },

  { id: 'I1', when: 'no format', change: (d) => dist(d, { format: undefined }), points: 0, code: 'format_missing' },
  { id: 'I1', when: 'an unrecognized format', change: (d) => dist(d, { format: { raw: 'Hoja de cálculo' } }), points: 20, code: 'format_given' },
  { id: 'I2', when: 'no media type', change: (d) => dist(d, { mediaType: undefined }), points: 0, code: 'media_type_missing' },
  { id: 'I3', when: 'an unrecognized format', change: (d) => dist(d, { format: { raw: 'Hoja de cálculo' } }), points: 0, code: 'format_not_in_vocabulary' },
  { id: 'I3', when: 'an unrecognized media type', change: (d) => dist(d, { mediaType: { raw: 'csv' } }), points: 0, code: 'media_type_not_in_vocabulary' },
  { id: 'I3', when: 'a media type code that is not IANA', change: (d) => dist(d, { mediaType: { code: 'CSV file' } }), points: 0, code: 'media_type_not_in_vocabulary' },
  { id: 'I4', when: 'XLSX', change: (d) => dist(d, { format: { code: 'XLSX' } }), points: 0, code: 'format_proprietary' },
  { id: 'I4', when: 'PDF', change: (d) => dist(d, { format: { code: 'PDF' } }), points: 0, code: 'format_proprietary' },
  { id: 'I4', when: 'HTML', change: (d) => dist(d, { format: { code: 'HTML' } }), points: 20, code: 'format_non_proprietary' },
  { id: 'I4', when: 'no format code', change: (d) => dist(d, { format: { raw: 'planilla' } }), points: 0, code: 'format_openness_unknown' },
  { id: 'I5', when: 'XLSX', change: (d) => dist(d, { format: { code: 'XLSX' } }), points: 20, code: 'format_machine_readable' },
  { id: 'I5', when: 'PDF', change: (d) => dist(d, { format: { code: 'PDF' } }), points: 0, code: 'format_not_machine_readable' },
  { id: 'I5', when: 'HTML', change: (d) => dist(d, { format: { code: 'HTML' } }), points: 0, code: 'format_not_machine_readable' },
  { id: 'I5', when: 'no format code', change: (d) => dist(d, { format: { raw: 'planilla' } }), points: 0, code: 'format_machine_readability_unknown' },
  { id: 'I6', when: 'the description is missing', change: (d) => ({ ...d, description: undefined }), points: 0, code: 'dcat_ap_violation' },
  { id: 'I6', when: 'the access URL is not an IRI', change: (d) => dist(d, { accessURL: 'www.cuenca.gob.ec/datos' }), points: 0, code: 'dcat_ap_violation' },
  { id: 'I6', when: 'only warnings (a theme without EU code)', change: (d) => ({ ...d, themes: [{ label: 'Salud' }] }), points: 30, code: 'dcat_ap_conformant' },

  { id: 'R1', when: 'no licence anywhere', change: (d) => ({ ...d, license: undefined }), points: 0, code: 'license_missing' },
  { id: 'R1', when: 'a licence only on the distribution', change: (d) => dist({ ...d, license: undefined }, { license: { raw: 'CC BY' } }), points: 20, code: 'license_given' },
  { id: 'R1', when: 'a placeholder licence', change: (d) => ({ ...d, license: { raw: 'No aplica' } }), points: 0, code: 'license_missing' },
  { id: 'R2', when: 'an unrecognized licence', change: (d) => ({ ...d, license: { raw: 'Licencia municipal' } }), points: 0, code: 'license_not_recognized' },
  { id: 'R2', when: 'no licence', change: (d) => ({ ...d, license: undefined }), points: 0, code: 'license_not_recognized' },
  { id: 'R2', when: 'a known licence on the distribution', change: (d) => dist({ ...d, license: undefined }, { license: { id: 'ODbL-1.0' } }), points: 10, code: 'license_known' },
  { id: 'R3', when: 'no access rights', change: (d) => ({ ...d, accessRights: undefined }), points: 0, code: 'access_rights_missing' },
  { id: 'R3', when: 'unrecognized access rights', change: (d) => ({ ...d, accessRights: { raw: 'libre' } }), points: 10, code: 'access_rights_given' },
  { id: 'R4', when: 'unrecognized access rights', change: (d) => ({ ...d, accessRights: { raw: 'libre' } }), points: 0, code: 'access_rights_not_in_vocabulary' },
  { id: 'R4', when: 'a code outside the EU list', change: (d) => ({ ...d, accessRights: { code: 'OPEN' } }), points: 0, code: 'access_rights_not_in_vocabulary' },
  { id: 'R4', when: 'RESTRICTED', change: (d) => ({ ...d, accessRights: { code: 'RESTRICTED' } }), points: 5, code: 'access_rights_in_vocabulary' },
  { id: 'R5', when: 'no contact point', change: (d) => ({ ...d, contactPoint: undefined }), points: 0, code: 'contact_point_missing' },
  { id: 'R5', when: 'a placeholder contact', change: (d) => ({ ...d, contactPoint: { name: '-' } }), points: 0, code: 'contact_point_missing' },
  { id: 'R5', when: 'only a contact URL', change: (d) => ({ ...d, contactPoint: { url: 'https://x.gob.ec' } }), points: 20, code: 'contact_point_given' },
  { id: 'R6', when: 'a publisher without name', change: (d) => ({ ...d, publisher: { id: 'org-1' } }), points: 0, code: 'publisher_missing' },

  { id: 'C1', when: 'no rights statement', change: (d) => dist(d, { rights: undefined }), points: 0, code: 'rights_missing' },
  { id: 'C2', when: 'no byte size', change: (d) => dist(d, { byteSize: undefined }), points: 0, code: 'byte_size_missing' },
  { id: 'C2', when: 'a negative byte size', change: (d) => dist(d, { byteSize: -1 }), points: 0, code: 'byte_size_invalid' },
  { id: 'C2', when: 'a byte size of zero', change: (d) => dist(d, { byteSize: 0 }), points: 5, code: 'byte_size_given' },
  { id: 'C3', when: 'no issue date anywhere', change: (d) => dist({ ...d, issued: undefined }, { issued: undefined }), points: 0, code: 'issued_missing' },
  { id: 'C3', when: 'an issue date only on the dataset', change: (d) => dist(d, { issued: undefined }), points: 5, code: 'issued_given' },
  { id: 'C4', when: 'no modification date anywhere', change: (d) => dist({ ...d, modified: undefined }, { modified: undefined }), points: 0, code: 'modified_missing' },
  { id: 'C4', when: 'a modification date only on the distribution', change: (d) => ({ ...d, modified: undefined }), points: 5, code: 'modified_given' },

  { id: 'T1', when: 'UNKNOWN', change: (d) => ({ ...d, accrualPeriodicity: { code: 'UNKNOWN', raw: 'desconocida' } }), points: 0, code: 'frequency_unknown' },
  { id: 'T1', when: 'an unrecognized label', change: (d) => ({ ...d, accrualPeriodicity: { raw: 'cada tanto' } }), points: 0, code: 'frequency_unknown' },
  { id: 'T1', when: 'no frequency', change: (d) => ({ ...d, accrualPeriodicity: undefined }), points: 0, code: 'frequency_missing' },
  { id: 'T1', when: 'IRREG', change: (d) => ({ ...d, accrualPeriodicity: { code: 'IRREG' } }), points: 10, code: 'frequency_declared' },
  { id: 'T1', when: 'CONT', change: (d) => ({ ...d, accrualPeriodicity: { code: 'CONT' } }), points: 10, code: 'frequency_declared' },
  // Monthly, lag 60: periodsBehind = (60 − 30) / 30 = 1, score = 1 − (1/2)² = 0.75 → 30 points.
  { id: 'T2', when: 'a monthly dataset 60 days old', change: (d) => dist({ ...d, modified: { value: daysAgo(60) } }, { modified: undefined }), points: 30, code: 'freshness_late' },
  { id: 'T2', when: 'a non-periodic dataset', change: (d) => ({ ...d, accrualPeriodicity: { code: 'AS_NEEDED' } }), points: 40, code: 'freshness_no_promise' },
  { id: 'T2', when: 'a periodic dataset without dates', change: (d) => dist({ ...d, modified: undefined }, { modified: undefined }), points: 0, code: 'freshness_no_date' },
  { id: 'T3', when: 'no date', change: (d) => dist({ ...d, modified: undefined }, { modified: undefined }), points: 0, code: 'age_no_date' },
  { id: 'T3', when: 'four years old', change: (d) => dist({ ...d, modified: { value: daysAgo(1461) } }, { modified: undefined }), points: 0, code: 'age_abandoned' },

  { id: 'Q1', when: 'no description', change: (d) => ({ ...d, description: undefined }), points: 0, code: 'description_missing' },
  { id: 'Q1', when: 'exactly 100 characters', change: (d) => ({ ...d, description: A }), points: 0, code: 'description_too_short' },
  { id: 'Q1', when: '101 characters', change: (d) => ({ ...d, description: `${A}á` }), points: 15, code: 'description_informative' },
  { id: 'Q1', when: 'the title repeated', change: (d) => ({ ...d, title: `Título ${A}`, description: ` TITULO ${A} ` }), points: 0, code: 'description_equals_title' },
  { id: 'Q2', when: 'a malformed e-mail and no URL', change: (d) => ({ ...d, contactPoint: { email: 'datos en cuenca.gob.ec' } }), points: 0, code: 'contact_unreachable' },
  { id: 'Q2', when: 'a URL without scheme', change: (d) => ({ ...d, contactPoint: { url: 'www.cuenca.gob.ec' } }), points: 0, code: 'contact_unreachable' },
  { id: 'Q2', when: 'a mailto: e-mail', change: (d) => ({ ...d, contactPoint: { email: 'mailto:datos@cuenca.gob.ec' } }), points: 10, code: 'contact_reachable' },
  { id: 'Q2', when: 'only an https URL', change: (d) => ({ ...d, contactPoint: { url: 'https://www.cuenca.gob.ec/contacto' } }), points: 10, code: 'contact_reachable' },
  { id: 'Q3', when: 'a date that did not parse', change: (d) => ({ ...d, issued: { raw: '31/02/2024' } }), points: 0, code: 'date_unparseable' },
  { id: 'Q3', when: 'an impossible ISO date', change: (d) => ({ ...d, issued: { value: '2024-02-30' } }), points: 0, code: 'date_unparseable' },
  { id: 'Q3', when: 'a temporal start that did not parse', change: (d) => ({ ...d, temporal: { start: { raw: 'inicio' } } }), points: 0, code: 'date_unparseable' },
  { id: 'Q3', when: 'a distribution modified in two days', change: (d) => dist(d, { modified: { value: daysAgo(-2) } }), points: 0, code: 'date_in_future' },
  { id: 'Q3', when: 'a modified date within the one-day tolerance', change: (d) => dist(d, { modified: { value: daysAgo(-1) } }), points: 5, code: 'dates_well_formed' },
  { id: 'Q3', when: 'a temporal coverage reaching 2030', change: (d) => ({ ...d, temporal: { end: { value: '2030-12-31' } } }), points: 5, code: 'dates_well_formed' },
  { id: 'Q4', when: 'a licence known not to be open', change: (d) => ({ ...d, license: { id: 'LicenseRef-propietaria', open: false } }), points: 0, code: 'license_not_open' },
  { id: 'Q4', when: 'a licence of unknown openness', change: (d) => ({ ...d, license: { raw: 'Licencia municipal' } }), points: 0, code: 'license_openness_unknown' },
  { id: 'Q4', when: 'an open licence on the distribution', change: (d) => dist({ ...d, license: undefined }, { license: { id: 'CC0-1.0', open: true } }), points: 5, code: 'license_open' },
];

describe('indicators: the table', () => {
  it('adds up to 405 MQA-compatible points and 500 in total, per dimension as QUALITY.md says', () => {
    assert.equal(MQA_MAX, 405);
    assert.equal(TOTAL_MAX, 500);
    assert.deepEqual(DIMENSION_MAX, {
      findability: 100, accessibility: 100, interoperability: 110, reusability: 75, contextuality: 20, timeliness: 60, value: 35,
    });
    assert.equal(new Set(INDICATORS.map((i) => i.id)).size, 30);
  });

  it('lists every code an indicator returns, and no code twice within an indicator', () => {
    for (const i of INDICATORS) {
      const all = [...i.pass, ...i.fail];
      assert.equal(new Set(all).size, all.length, i.id);
      for (const code of all) assert.match(code, /^[a-z0-9]+(_[a-z0-9]+)*$/, `${i.id} ${code}`);
    }
    for (const c of CASES) {
      const i = INDICATORS.find((x) => x.id === c.id);
      assert.ok(i && [...i.pass, ...i.fail].includes(c.code), `${c.id} ${c.code} is not in the table`);
    }
  });

  it('has Spanish and English titles for every indicator', () => {
    for (const i of INDICATORS) assert.ok(i.title.es && i.title.en, i.id);
  });
});

describe('indicators: pass and fail', () => {
  const full = fullDataset();
  const fullQuality = score(full, okLinks(full), NOW);
  for (const i of INDICATORS) {
    it(`${i.id} passes on the full record with ${i.max} points`, () => {
      const r = fullQuality.indicators.find((x) => x.id === i.id);
      assert.equal(r?.points, i.max);
      assert.ok(i.pass.includes(r?.code ?? ''), r?.code);
    });
  }
  for (const c of CASES) {
    it(`${c.id} with ${c.when}: ${c.points} points, ${c.code}`, () => {
      const d = c.change(fullDataset());
      const r = score(d, (c.links ?? okLinks)(d), NOW).indicators.find((x) => x.id === c.id);
      assert.equal(r?.code, c.code);
      assert.equal(r?.points, c.points);
    });
  }
  it('every indicator has at least one failing case', () => {
    for (const i of INDICATORS) assert.ok(CASES.some((c) => c.id === i.id && c.points < i.max), i.id);
  });

  it('without distributions, distribution indicators fail with their own codes but the dataset licence and dates count', () => {
    const q = score(fullDataset({ distributions: [] }), NO_LINKS, NOW);
    const r = Object.fromEntries(q.indicators.map((x) => [x.id, x]));
    assert.equal(r.A1.code, 'access_url_missing');
    assert.equal(r.I1.code, 'format_missing');
    assert.equal(r.R1.points, 20);
    assert.equal(r.C3.points, 5);
    assert.equal(r.R1.share, undefined);
    assert.equal(score(bareDataset(), NO_LINKS, NOW).indicators.find((x) => x.id === 'R1')?.code, 'license_missing');
  });
});

/** Indicator functions scored once per dataset. */
import type { DateValue } from '../dcat/types.js';
import { isNonPeriodic, isPeriodic } from '../dcat/frequencies.js';
import { checkDcatAp, conformsToDcatAp } from './dcat-ap.js';
import { type DatasetContext, type Outcome, binary, round2 } from './outcome.js';
import { fold, hasContact, hasSpatial, present, presentCoded, presentDate, presentItems } from './present.js';
import { DAY_MS, isEmail, isHttpIri, parseIsoTime } from './syntax.js';

const ACCESS_RIGHTS = new Set(['PUBLIC', 'RESTRICTED', 'NON_PUBLIC']);

export const keywords = (ctx: DatasetContext, max: number): Outcome =>
  binary(presentItems(ctx.dataset.keywords).length > 0, max, 'keywords_present', 'keywords_missing');

export const themes = (ctx: DatasetContext, max: number): Outcome =>
  binary(ctx.dataset.themes.some((t) => present(t.label) || present(t.code)), max, 'themes_present', 'themes_missing');

export const spatial = (ctx: DatasetContext, max: number): Outcome =>
  binary(hasSpatial(ctx.dataset), max, 'spatial_present', 'spatial_missing');

export const temporal = (ctx: DatasetContext, max: number): Outcome =>
  binary(
    presentDate(ctx.dataset.temporal?.start) || presentDate(ctx.dataset.temporal?.end),
    max,
    'temporal_present',
    'temporal_missing',
  );

export const dcatAp = (ctx: DatasetContext, max: number): Outcome =>
  binary(conformsToDcatAp(checkDcatAp(ctx.dataset)), max, 'dcat_ap_conformant', 'dcat_ap_violation');

export const accessRightsGiven = (ctx: DatasetContext, max: number): Outcome =>
  binary(presentCoded(ctx.dataset.accessRights), max, 'access_rights_given', 'access_rights_missing');

export const accessRightsVocabulary = (ctx: DatasetContext, max: number): Outcome =>
  binary(
    ACCESS_RIGHTS.has(ctx.dataset.accessRights?.code?.trim().toUpperCase() ?? ''),
    max,
    'access_rights_in_vocabulary',
    'access_rights_not_in_vocabulary',
  );

export const contactPoint = (ctx: DatasetContext, max: number): Outcome =>
  binary(hasContact(ctx.dataset.contactPoint), max, 'contact_point_given', 'contact_point_missing');

export const publisher = (ctx: DatasetContext, max: number): Outcome =>
  binary(present(ctx.dataset.publisher?.name), max, 'publisher_given', 'publisher_missing');

/** Known means a frequency the freshness rules can judge: periodic, continuous or non-periodic. */
export function frequency(ctx: DatasetContext, max: number): Outcome {
  const f = ctx.dataset.accrualPeriodicity;
  const code = f?.code?.trim();
  if (isPeriodic(code) || isNonPeriodic(code) || code === 'CONT') return { points: max, code: 'frequency_declared' };
  return { points: 0, code: present(code) || present(f?.raw) ? 'frequency_unknown' : 'frequency_missing' };
}

export function upToDate(ctx: DatasetContext, max: number): Outcome {
  const f = ctx.freshness;
  const noDate = f.status === 'stale' && f.lastUpdate === undefined;
  return { points: round2(max * f.score), code: noDate ? 'freshness_no_date' : `freshness_${f.status}` };
}

export function notAbandoned(ctx: DatasetContext, max: number): Outcome {
  const { age, lastUpdate } = ctx.freshness;
  const code = lastUpdate === undefined ? 'age_no_date' : age === 1 ? 'age_recent' : age > 0 ? 'age_old' : 'age_abandoned';
  return { points: round2(max * age), code };
}

export function description(ctx: DatasetContext, max: number): Outcome {
  const text = ctx.dataset.description;
  if (!present(text)) return { points: 0, code: 'description_missing' };
  if (fold(text) === fold(ctx.dataset.title ?? '')) return { points: 0, code: 'description_equals_title' };
  // Counted in characters (code points), not UTF-16 units, so accents and emoji count once.
  return binary([...text.trim()].length > 100, max, 'description_informative', 'description_too_short');
}

export function reachableContact(ctx: DatasetContext, max: number): Outcome {
  const c = ctx.dataset.contactPoint;
  return binary(isEmail(c?.email) || isHttpIri(c?.url), max, 'contact_reachable', 'contact_unreachable');
}

/**
 * Every declared date must parse; issue and modification dates must not lie more than a day ahead.
 * Temporal coverage may legitimately reach into the future (projections, budgets), so it is held
 * only to parsing. A record without any date has nothing well-formed to show and earns nothing.
 */
export function wellFormedDates(ctx: DatasetContext, max: number): Outcome {
  const d = ctx.dataset;
  const stamps = [d.issued, d.modified, ...d.distributions.flatMap((x) => [x.issued, x.modified])].filter(presentDate);
  const coverage = [d.temporal?.start, d.temporal?.end].filter(presentDate);
  if (stamps.length + coverage.length === 0) return { points: 0, code: 'dates_missing' };
  const times = (list: (DateValue | undefined)[]) => list.map((v) => parseIsoTime(v?.value));
  const stampTimes = times(stamps);
  if ([...stampTimes, ...times(coverage)].some((t) => t === undefined)) return { points: 0, code: 'date_unparseable' };
  const limit = ctx.now.getTime() + DAY_MS;
  return binary(stampTimes.every((t) => (t ?? 0) <= limit), max, 'dates_well_formed', 'date_in_future');
}

/** The dataset's licence or the best distribution's, as classified by normalization. */
export function openLicense(ctx: DatasetContext, max: number): Outcome {
  const licences = [ctx.dataset.license, ctx.best?.license];
  if (licences.some((l) => l?.open === true)) return { points: max, code: 'license_open' };
  return { points: 0, code: licences.some((l) => l?.open === false) ? 'license_not_open' : 'license_openness_unknown' };
}

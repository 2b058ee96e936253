/**
 * Declared update frequencies read into the EU frequency codes of `src/dcat/frequencies.ts`
 * (QUALITY.md, freshness step 1): EU URIs and bare codes, ISO 8601 repeating durations, CKAN and
 * DKAN English values, and the Spanish labels, case- and accent-insensitively.
 *
 * A duration (`R/P6M`, "cada 15 días", an EU code Cosecha does not score such as MONTHLY_2) is
 * read by its length in days:
 * - under a day (`R/PT1H`, HOURLY) → CONT: what can be checked is whether the data keeps
 *   changing, which is how CONT is scored;
 * - up to three years → the periodic code whose interval is nearest on a ratio scale
 *   (`R/P0.5M` → BIWEEKLY, `R/P4M` → ANNUAL_3, `R/P0.5W` → WEEKLY);
 * - longer (`R/P4Y`, `R/P10Y`, DECENNIAL) → OTHER: periodic, but slower than any interval the
 *   freshness score knows; judging a census against TRIENNIAL would call it late for years.
 * "Bianual" is read as the dictionary has it, twice a year; "bienal" is every two years.
 * An explicit unknown ("Desconocido") gives UNKNOWN; a placeholder (`-`, `n/a`) gives nothing;
 * "No aplica" is read as NEVER, as QUALITY.md lists it.
 */
import type { Coded } from '../dcat/types.js';
import { PERIODIC_DAYS, type FrequencyCode, type PeriodicCode } from '../dcat/frequencies.js';
import { indexAliases, memoize, vocabKey } from '../dcat/vocabularies/keys.js';
import { isPlaceholder } from './text.js';

const LABELS: Record<FrequencyCode, readonly string[]> = {
  // ISO 19115 MD_MaintenanceFrequencyCode values (CSW records) read as one word: continual, asNeeded, notPlanned.
  CONT: ['continual', 'continuous', 'continuo', 'continua', 'continuamente', 'tiempo real', 'en tiempo real', 'real time', 'realtime', 'actualizacion continua', 'permanente',
    'update cont', 'hourly', 'por hora', 'cada hora', 'horaria', 'horario'],
  DAILY: ['daily', 'diario', 'diaria', 'diariamente', 'todos los dias', 'day'],
  WEEKLY: ['weekly', 'semanal', 'semanalmente', 'bisemanal', 'week', 'semiweekly'],
  BIWEEKLY: ['biweekly', 'bi weekly', 'fortnightly', 'quincenal', 'quincenalmente', 'semimonthly', 'semi monthly'],
  MONTHLY: ['monthly', 'mensual', 'mensualmente', 'month'],
  BIMONTHLY: ['bimonthly', 'bi monthly', 'bimestral', 'bimestralmente'],
  QUARTERLY: ['quarterly', 'trimestral', 'trimestralmente', 'quarter'],
  ANNUAL_3: ['threetimesayear', 'cuatrimestral', 'cuatrimestralmente', 'three times a year', 'tres veces al ano', 'triannual', 'triannually'],
  ANNUAL_2: ['semestral', 'semestralmente', 'semiannual', 'semi annual', 'semiannually', 'semi annually', 'biannual', 'biannually', 'bianual', 'twice a year',
    'dos veces al ano', 'half yearly'],
  ANNUAL: ['annual', 'annually', 'yearly', 'anual', 'anualmente', 'una vez al ano', 'year'],
  BIENNIAL: ['biennial', 'biennially', 'bienal', 'bianualmente'],
  TRIENNIAL: ['triennial', 'triennially', 'trienal'],
  IRREG: ['irreg', 'irregular', 'irregularly', 'irregularmente', 'periodicidad irregular', 'sin periodicidad fija', 'variable'],
  AS_NEEDED: ['as needed', 'asneeded', 'eventual', 'eventualmente', 'por demanda', 'a demanda', 'bajo demanda', 'segun demanda', 'on demand', 'cuando se requiera',
    'segun necesidad', 'when needed', 'ocasional'],
  NOT_PLANNED: ['not planned', 'notplanned', 'no planificado', 'no planificada', 'no programado', 'no programada', 'sin planificar'],
  NEVER: ['never', 'nunca', 'no aplica', 'not applicable', 'no se actualiza', 'sin actualizacion'],
  OTHER: ['other', 'otro', 'otra', 'cuatrienal', 'quadrennial', 'quinquenal', 'quinquennial', 'decenal', 'decennial', 'bidecennial', 'tridecennial'],
  UNKNOWN: ['unknown', 'desconocido', 'desconocida', 'op datpro', 'provisional'],
};

/** EU codes Cosecha does not score, by their interval in days. */
const OTHER_EU_DAYS = new Map<string, number>(Object.entries({
  UPDATE_CONT: 0, '1MIN': 0, '5MIN': 0, '10MIN': 0, '15MIN': 0, '30MIN': 0, HOURLY: 1 / 24, BIHOURLY: 1 / 12, TRIHOURLY: 1 / 8,
  '12HRS': 0.5, DAILY_2: 0.5, WEEKLY_2: 3.5, WEEKLY_3: 7 / 3, MONTHLY_2: 15.2, MONTHLY_3: 10.1,
}));

const INDEX = indexAliases(
  (Object.entries(LABELS) as [FrequencyCode, readonly string[]][]).flatMap(([code, labels]) =>
    [code, ...labels].map((l): [string, FrequencyCode] => [l, code]),
  ),
);

const DAYS_PER: Record<string, number> = { Y: 365, M: 30.4375, W: 7, D: 1, H: 1 / 24, MIN: 1 / 1440, S: 1 / 86400 };
const ISO_DURATION = /^(?:R\d*\/)?P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/i;
const EU_URI = /^https?:\/\/publications\.europa\.eu\/resource\/authority\/frequency\/([a-z0-9_]+)\/?$/i;
/** The Dublin Core Collection Description frequencies of older DCAT-AP and ckanext-dcat output: `…/cld/freq/annual`. */
const DC_URI = /^https?:\/\/purl\.org\/cld\/freq\/([a-z]+)\/?$/i;
const NUMBER_WORDS = new Map<string, number>(Object.entries({
  un: 1, uno: 1, una: 1, one: 1, dos: 2, two: 2, tres: 3, three: 3, cuatro: 4, four: 4, cinco: 5, five: 5, seis: 6, six: 6,
  siete: 7, seven: 7, diez: 10, ten: 10, doce: 12, twelve: 12, quince: 15, fifteen: 15,
}));
const UNIT_WORDS = new Map<string, string>(Object.entries({
  hora: 'H', horas: 'H', hour: 'H', hours: 'H', dia: 'D', dias: 'D', day: 'D', days: 'D', semana: 'W', semanas: 'W', week: 'W', weeks: 'W',
  mes: 'M', meses: 'M', month: 'M', months: 'M', ano: 'Y', anos: 'Y', year: 'Y', years: 'Y',
}));
const EVERY = /^(?:cada|every|una vez cada|once every)\s+(?:(\d+(?:\.\d+)?|[a-z]+)\s+)?([a-z]+)$/;
const LEADING_WORDS = /^(?:frecuencia|periodicidad|actualizacion|actualizado|actualizada|se actualiza|update|updated|updates|frequency)(?:\s+de)?(?:\s+(?:es|datos))?\s+/;

/** The periodic code for an interval in days (see the file comment for the rule). */
export function frequencyForDays(days: number): FrequencyCode {
  if (!(days >= 0) || !Number.isFinite(days)) return 'UNKNOWN';
  if (days < 1) return 'CONT';
  if (days > PERIODIC_DAYS.TRIENNIAL * 1.15) return 'OTHER';
  let best: PeriodicCode = 'DAILY';
  let bestDistance = Infinity;
  for (const [code, interval] of Object.entries(PERIODIC_DAYS) as [PeriodicCode, number][]) {
    const distance = Math.abs(Math.log(days / interval));
    if (distance < bestDistance) [best, bestDistance] = [code, distance];
  }
  return best;
}

function durationDays(m: RegExpExecArray): number | undefined {
  const units = ['Y', 'M', 'W', 'D', 'H', 'MIN', 'S'];
  let days = 0;
  let any = false;
  units.forEach((unit, i) => {
    const v = m[i + 1];
    if (v !== undefined) [days, any] = [days + Number(v.replace(',', '.')) * DAYS_PER[unit], true];
  });
  return any ? days : undefined;
}

function fromKey(key: string): FrequencyCode | undefined {
  const hit = INDEX.get(key);
  if (hit) return hit;
  const every = EVERY.exec(key);
  const unit = every ? UNIT_WORDS.get(every[2]) : undefined;
  if (every && unit) {
    const n = every[1] === undefined ? 1 : Number(every[1]) || NUMBER_WORDS.get(every[1]);
    if (n) return frequencyForDays(n * DAYS_PER[unit]);
  }
  return undefined;
}

function readUncached(value: string): FrequencyCode | undefined {
  const compact = value.replace(/\s+/g, '');
  const iso = ISO_DURATION.exec(compact);
  if (iso) {
    const days = durationDays(iso);
    return days === undefined || days === 0 ? 'UNKNOWN' : frequencyForDays(days);
  }
  const uri = EU_URI.exec(value) ?? DC_URI.exec(value);
  const code = uri ? uri[1].toUpperCase() : value.toUpperCase().replace(/[\s-]+/g, '_');
  const otherDays = OTHER_EU_DAYS.get(code);
  if (otherDays !== undefined) return frequencyForDays(otherDays);
  const key = vocabKey(uri ? uri[1] : value);
  return fromKey(key) ?? fromKey(key.replace(LEADING_WORDS, ''));
}

const read = memoize(readUncached);

/**
 * Reads a declared frequency. Absent or blank input, or a placeholder, gives undefined; a value
 * that does not read gives `{ code: 'UNKNOWN', raw }`.
 */
export function normalizeFrequency(raw: string | null | undefined): Coded | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const code = read(raw.trim());
  if (code !== undefined) return { code, raw };
  if (isPlaceholder(raw)) return undefined;
  return { code: 'UNKNOWN', raw };
}

/**
 * The normalization stage: a harvester's draft (values as the source states them) becomes the
 * stored DCAT record, with identity, clean text, vocabulary codes beside the raw values, and a
 * content hash for change detection. Pure and synchronous; every lookup table is built once at
 * module load.
 */
import type { Agent, ContactPoint, Dataset, DatasetDraft, Spatial, Temporal, Theme } from '../dcat/types.js';
import { normalizeLanguages } from '../dcat/vocabularies/languages.js';
import { matchTheme } from '../dcat/vocabularies/themes.js';
import { RecordError } from '../errors.js';
import { normalizeAccessRights } from './access-rights.js';
import { normalizeDistribution } from './distribution.js';
import { compact, compactOrUndefined, date, distinctLines, email, identifier, line, paragraphs, url } from './fields.js';
import { normalizeFrequency } from './frequency.js';
import { contentHash } from './hash.js';
import { normalizeLicense } from './license.js';
import { parseInterval } from './temporal.js';
import { present } from './text.js';

export interface NormalizeInput {
  /** The configured portal id; the dataset id is `<portalId>:<sourceId>`. */
  portalId: string;
  /** ISO time of the harvest run. */
  harvestedAt: string;
  runId: string;
  /** The URL the record was read from. */
  sourceUrl: string;
}

/**
 * The declared value of a coded field, placeholders included: "No aplica" is a frequency
 * (NEVER), so the vocabulary, not the placeholder list, decides what it means.
 */
function rawOrCode(c: { raw?: string; code?: string } | undefined): string | undefined {
  return typeof c?.raw === 'string' && c.raw.trim() !== '' ? c.raw : c?.code;
}

function themes(list: readonly Theme[] | undefined): Theme[] {
  const out: Theme[] = [];
  const seen = new Set<string>();
  for (const t of list ?? []) {
    const label = line(t?.label);
    const givenCode = present(t?.code) ? matchTheme(t.code) : undefined;
    const code = givenCode ?? (label === undefined ? undefined : matchTheme(label));
    // A theme given only as a code (an EU URI) is labelled by its code.
    const shown = label ?? code;
    if (shown === undefined) continue;
    const key = `${code ?? ''}|${shown.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(compact<Theme>({ code, label: shown }));
  }
  return out;
}

function temporal(t: Temporal | undefined): Temporal | undefined {
  if (!t) return undefined;
  const raw = present(t.raw) ? t.raw : undefined;
  let start = date(t.start, 'start');
  let end = date(t.end, 'end');
  if (start === undefined && end === undefined && raw !== undefined) ({ start, end } = parseInterval(raw));
  return compactOrUndefined<Temporal>({ start, end, raw });
}

function spatial(s: Spatial | undefined): Spatial | undefined {
  if (!s) return undefined;
  const b = s.bbox;
  const validBox = Array.isArray(b) && b.length === 4 && b.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    Math.abs(b[0]) <= 180 && Math.abs(b[2]) <= 180 && Math.abs(b[1]) <= 90 && Math.abs(b[3]) <= 90 && b[1] <= b[3];
  return compactOrUndefined<Spatial>({ label: line(s.label), uri: url(s.uri), bbox: validBox ? [b[0], b[1], b[2], b[3]] : undefined });
}

function publisher(a: Agent | undefined): Agent | undefined {
  return a && compactOrUndefined<Agent>({ name: line(a.name), id: identifier(a.id), uri: url(a.uri), email: email(a.email) });
}

function contactPoint(c: ContactPoint | undefined): ContactPoint | undefined {
  return c && compactOrUndefined<ContactPoint>({ name: line(c.name), email: email(c.email), url: url(c.url) });
}

/**
 * Normalizes one draft. Throws RecordError `missing_id` when the source id is empty or a
 * placeholder and `missing_title` when there is no title: the driver records and skips it.
 */
export function normalize(draft: DatasetDraft, input: NormalizeInput): Dataset {
  const sourceId = identifier(draft.sourceId);
  if (sourceId === undefined) {
    throw new RecordError('missing_id', 'El registro no tiene identificador (the record has no identifier).', draft.sourceId);
  }
  const title = line(draft.title);
  if (title === undefined) {
    throw new RecordError('missing_title', `El registro ${sourceId} no tiene título (the record has no title).`, sourceId);
  }
  const record = compact<Omit<Dataset, 'provenance'>>({
    id: `${input.portalId}:${sourceId}`,
    portalId: input.portalId,
    sourceId,
    identifier: identifier(draft.identifier),
    title,
    description: paragraphs(draft.description),
    keywords: distinctLines(draft.keywords),
    themes: themes(draft.themes),
    publisher: publisher(draft.publisher),
    contactPoint: contactPoint(draft.contactPoint),
    issued: date(draft.issued),
    modified: date(draft.modified),
    accrualPeriodicity: normalizeFrequency(rawOrCode(draft.accrualPeriodicity)),
    temporal: temporal(draft.temporal),
    spatial: spatial(draft.spatial),
    language: normalizeLanguages(draft.language),
    license: normalizeLicense(draft.license),
    accessRights: normalizeAccessRights(rawOrCode(draft.accessRights)),
    landingPage: url(draft.landingPage),
    conformsTo: [...new Set((draft.conformsTo ?? []).map(url).filter((u): u is string => u !== undefined))],
    version: line(draft.version),
    // A broken mapping may leave holes in the list; they are not distributions.
    distributions: (draft.distributions ?? []).filter((d) => typeof d === 'object' && d !== null).map(normalizeDistribution),
    source: draft.source && compactOrUndefined({ harvestSourceUrl: url(draft.source.harvestSourceUrl), harvestObjectId: identifier(draft.source.harvestObjectId) }),
  });
  // Hashed without provenance: the same source content gives the same hash in every run.
  const hash = contentHash(record);
  const provenance = compact({ harvestedAt: input.harvestedAt, runId: input.runId, sourceUrl: input.sourceUrl, sourceModified: draft.sourceModified, hash });
  return { ...record, provenance };
}

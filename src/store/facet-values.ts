/**
 * The facet values of a dataset, as search filters and counts see them, and its search summary.
 * Nothing here is SQLite-specific: another adapter may reuse it.
 */
import type { Dataset, Level } from '../dcat/types.js';
import type { FreshnessStatus, Quality, Rating } from '../quality/types.js';
import type { DatasetSummary } from './store.js';

export interface DatasetFacets {
  /** Publisher name. */
  publisher?: string;
  /** Canonical licence id, else the declared licence. */
  license?: string;
  /** EU theme code, else the source label; distinct. */
  themes: string[];
  /** EU file-type code, else the declared format upper-cased; distinct. */
  formats: string[];
}

export function datasetFacets(dataset: Dataset): DatasetFacets {
  return {
    publisher: clean(dataset.publisher?.name),
    license: clean(dataset.license?.id) ?? clean(dataset.license?.raw),
    themes: distinct(dataset.themes.map((t) => clean(t.code) ?? clean(t.label))),
    formats: distinct(dataset.distributions.map((d) => clean(d.format?.code) ?? clean(d.format?.raw)?.toUpperCase())),
  };
}

/** What the store keeps per dataset beside the record: where it comes from and how it scored. */
export interface SummaryContext {
  country: string;
  level: Level;
  score: number;
  mqa: number;
  rating: Rating;
  /** The quality's `freshness.status`. */
  freshness: FreshnessStatus;
}

export function summaryContext(quality: Quality, portal: { country: string; level: Level }): SummaryContext {
  return { country: portal.country, level: portal.level, score: quality.total, mqa: quality.mqa, rating: quality.rating, freshness: quality.freshness.status };
}

export function datasetSummary(dataset: Dataset, context: SummaryContext): DatasetSummary {
  const facets = datasetFacets(dataset);
  return {
    id: dataset.id,
    portalId: dataset.portalId,
    title: dataset.title,
    description: dataset.description,
    publisher: facets.publisher,
    country: context.country,
    level: context.level,
    modified: dataset.modified?.value,
    formats: facets.formats,
    license: facets.license,
    themes: facets.themes,
    score: context.score,
    mqa: context.mqa,
    rating: context.rating,
    freshness: context.freshness,
    landingPage: dataset.landingPage,
  };
}

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function distinct(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== undefined))];
}

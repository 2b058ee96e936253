/**
 * The fields of a dataset document derived from the record, its quality and its portal: what
 * search filters, counts, orders by and matches. Derived at write time so that a search reads
 * nothing else, but for the modified date, which the record already holds as it is sorted
 * (search-pipeline.ts; a field of its own would need every stored document rewritten) and the
 * freshness of a page's items, read from the quality. Facet values come from the rules both
 * adapters share (sqlite/facet-values.ts).
 */
import type { Dataset } from '../../dcat/types.js';
import type { Quality } from '../../quality/types.js';
import type { PortalRecord } from '../store.js';
import { datasetFacets } from '../facet-values.js';
import { CLUSTER_KEYS_VERSION, clusterKeys, isHarvestedCopy } from '../cluster-keys.js';
import { plain } from './codec.js';
import { distinctWords } from './search-text.js';

export interface DerivedFields {
  facets: {
    portal: string;
    country: string;
    level: string;
    publisher?: string;
    theme: string[];
    format: string[];
    license?: string;
    rating: string;
  };
  title: string;
  score: number;
  mqa: number;
  words: { all: string[]; title: string[]; keywords: string[]; publisher: string[] };
  clusterKeys: string[];
  clusterKeysVersion: number;
  copy: boolean;
}

export function derivedFields(portal: PortalRecord, dataset: Dataset, quality: Quality): DerivedFields {
  const facets = datasetFacets(dataset);
  const keywords = dataset.keywords.join(' ');
  return {
    facets: {
      portal: portal.id,
      country: portal.country,
      level: portal.level,
      ...(facets.publisher !== undefined && { publisher: facets.publisher }),
      theme: facets.themes,
      format: facets.formats,
      ...(facets.license !== undefined && { license: facets.license }),
      rating: quality.rating,
    },
    title: dataset.title,
    score: quality.total,
    mqa: quality.mqa,
    words: {
      all: distinctWords(dataset.title, dataset.description, keywords, facets.publisher),
      title: distinctWords(dataset.title),
      keywords: distinctWords(keywords),
      publisher: distinctWords(facets.publisher),
    },
    clusterKeys: clusterKeys(dataset),
    clusterKeysVersion: CLUSTER_KEYS_VERSION,
    copy: isHarvestedCopy(dataset),
  };
}

/** What changes when only the quality (and the portal's descriptive fields) change: dotted paths for `$set`. */
export function qualityFields(quality: Quality, portal?: PortalRecord): Record<string, unknown> {
  return {
    quality: plain(quality),
    score: quality.total,
    mqa: quality.mqa,
    'facets.rating': quality.rating,
    ...(portal && { 'facets.country': portal.country, 'facets.level': portal.level }),
  };
}

/**
 * The dataset as a schema.org `Dataset` (what Google Dataset Search and other dataset search
 * engines read). Only http(s) URLs that safe-url.ts allows are given as addresses; everything
 * else the portal declared is left out rather than passed on.
 */
import type { Dataset } from '../../../dcat/types.js';
import { licenseById } from '../../../dcat/vocabularies/licenses.js';
import { safeHref } from '../../safe-url.js';
import { languageTag } from './language.js';

export interface CatalogRef {
  name: string;
  url?: string;
}

const NOT_FREE = new Set(['RESTRICTED', 'NON_PUBLIC']);

export function datasetJsonLd(dataset: Dataset, { pageUrl, catalog }: { pageUrl: string; catalog: CatalogRef }): Record<string, unknown> {
  const publisher = dataset.publisher?.name
    ? { '@type': 'Organization', name: dataset.publisher.name, ...defined({ url: webUrl(dataset.publisher.uri), email: dataset.publisher.email }) }
    : undefined;
  const spatial = dataset.spatial;
  const temporal = dataset.temporal;
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: dataset.title,
    ...defined({
      description: dataset.description,
      url: pageUrl,
      sameAs: webUrl(dataset.landingPage),
      identifier: dataset.identifier ?? dataset.id,
      keywords: dataset.keywords.length > 0 ? dataset.keywords : undefined,
      license: webUrl(dataset.license?.url) ?? webUrl(dataset.license?.id ? licenseById(dataset.license.id)?.url : undefined),
      creator: publisher,
      publisher,
      dateModified: dataset.modified?.value,
      datePublished: dataset.issued?.value,
      spatialCoverage: spatial?.label || spatial?.bbox
        ? { '@type': 'Place', ...defined({ name: spatial.label, geo: spatial.bbox && { '@type': 'GeoShape', box: `${spatial.bbox[1]} ${spatial.bbox[0]} ${spatial.bbox[3]} ${spatial.bbox[2]}` } }) }
        : undefined,
      temporalCoverage: temporal?.start?.value || temporal?.end?.value ? `${temporal.start?.value ?? '..'}/${temporal.end?.value ?? '..'}` : undefined,
      inLanguage: dataset.language.length > 0 ? dataset.language.map(languageTag) : undefined,
    }),
    isAccessibleForFree: !NOT_FREE.has(dataset.accessRights?.code ?? ''),
    distribution: dataset.distributions.flatMap((d) => {
      const contentUrl = webUrl(d.downloadURL) ?? webUrl(d.accessURL);
      if (!contentUrl) return [];
      return [{ '@type': 'DataDownload', contentUrl, ...defined({ name: d.title, encodingFormat: d.mediaType?.code ?? d.format?.code }) }];
    }),
    includedInDataCatalog: { '@type': 'DataCatalog', ...defined({ name: catalog.name, url: webUrl(catalog.url) }) },
  };
}

/** A safe http(s) address, or nothing (a mailto: is no place to download from). */
function webUrl(value: string | undefined): string | undefined {
  const safe = safeHref(value);
  return safe && /^https?:/.test(safe) ? safe : undefined;
}

function defined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== ''));
}

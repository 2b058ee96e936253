/** The id of a publisher within a portal: `<portalId>/<slug>` of its source id or name. */
import type { Dataset } from '../src/dcat/types.js';

export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Undefined when the dataset names no publisher. */
export function publisherKey(dataset: Pick<Dataset, 'portalId' | 'publisher'>): string | undefined {
  const p = dataset.publisher;
  const local = slug(p?.id ?? p?.name ?? '');
  return local ? `${dataset.portalId}/${local}` : undefined;
}

/** The SQL a search runs besides the full-text match (text.ts) and the index's reads (facet-index.ts). */

/**
 * The page's rows (parameter: their pks as a JSON array): the record and what a summary needs
 * beside it. The freshness status is read from the stored quality: for a page of rows that costs
 * less than a column every write would keep and a migration would fill.
 */
export const PAGE_ROWS = `SELECT d.pk, r.record, d.country, d.level, d.score, d.mqa, d.rating, d.cluster,
    json_extract(q.quality, '$.freshness.status') AS freshness
  FROM datasets d JOIN dataset_documents r ON r.dataset_pk = d.pk JOIN dataset_quality q ON q.dataset_pk = d.pk
  WHERE d.pk IN (SELECT value FROM json_each(?))`;

/** The other portals listing the clusters of a page: (cluster, portal) of every active member. */
export function clusterPortalsSql(count: number): string {
  return `SELECT cluster, portal_id FROM datasets WHERE state = 'active' AND cluster IN (${Array(count).fill('?').join(', ')})`;
}

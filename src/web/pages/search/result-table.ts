/**
 * The results of a search as a table file (`/buscar.csv`): up to CSV_ROWS results of the query in
 * its order, one row per dataset, every code by its label in the request's language.
 */
import type { DatasetSummary, SearchRepository } from '../../../store/store.js';
import { rate } from '../../../quality/score.js';
import type { TableFile } from '../../data/table-file.js';
import type { Lang } from '../../i18n/lang.js';
import { countryLabel, formatLabel, freshnessLabel, levelLabel, licenseLabel, ratingLabel } from '../../i18n/labels.js';
import type { SearchParams } from './params.js';
import { messages } from './messages.js';

export const CSV_ROWS = 1000;
/** The store's largest page. */
const BATCH = 100;

export async function searchTable(
  search: SearchRepository,
  params: SearchParams,
  { lang, names, origin }: { lang: Lang; names: ReadonlyMap<string, string>; origin: string },
): Promise<TableFile> {
  const t = messages[lang];
  const items: DatasetSummary[] = [];
  for (let page = 1; items.length < CSV_ROWS; page++) {
    const result = await search.search({ q: params.q, filters: Object.fromEntries(params.filters), sort: params.sort, page, limit: BATCH });
    items.push(...result.items);
    if (result.items.length < BATCH || page * BATCH >= result.total) break;
  }
  return {
    name: t.fileName,
    sheet: t.sheet,
    head: [t.colId, t.colTitle, t.colPublisher, t.colPortal, t.colCountry, t.colLevel, t.colModified, t.colFormats, t.colLicense, t.colScore, t.colRating500, t.colMqa, t.colRating, t.colFreshness, t.colUrl],
    rows: items.slice(0, CSV_ROWS).map((d) => [
      d.id,
      d.title,
      d.publisher,
      names.get(d.portalId) ?? d.portalId,
      countryLabel(lang, d.country),
      levelLabel(lang, d.level),
      d.modified,
      d.formats.map((f) => formatLabel(lang, f)).join('; '),
      licenseLabel(lang, d.license),
      d.score,
      ratingLabel(lang, rate(d.score, 'total')),
      d.mqa,
      ratingLabel(lang, d.rating),
      freshnessLabel(lang, d.freshness),
      `${origin}/conjuntos/${encodeURIComponent(d.id)}`,
    ]),
  };
}

/** The report card's datasets as a file: each with its scores, their ratings and what to fix first, in words. */
import type { Lang } from '../../i18n/lang.js';
import type { TableFile } from '../../data/table-file.js';
import { explanationFor } from '../../../quality/explanations.js';
import { freshnessLabel, ratingLabel } from '../../i18n/labels.js';
import { slug } from '../../../../reports/publisher-key.js';
import type { InstitutionView } from './data.js';
import { messages } from './messages.js';

/** `origin` (scheme and host) makes the dataset addresses absolute, as a spreadsheet needs them. */
export function datasetTable(lang: Lang, view: InstitutionView, origin: string): TableFile {
  const t = messages[lang];
  return {
    name: `cosecha-${view.report.portal.id}-${slug(view.report.name) || 'institucion'}`,
    sheet: t.sheet,
    head: [t.colTitle, t.colId, t.colAddress, t.colScore, t.colRating500, t.colMqa, t.colRatingMqa, t.colFreshness, t.colTopFix, t.colRecommendation, t.colGain],
    rows: view.datasets.map((d) => [
      d.title,
      d.id,
      `${origin}/conjuntos/${encodeURIComponent(d.id)}`,
      d.score,
      ratingLabel(lang, d.rating500),
      d.mqa,
      ratingLabel(lang, d.rating),
      freshnessLabel(lang, d.freshness),
      d.topFix ? explanationFor(d.topFix.code, d.topFix.indicator)[lang] : t.noFix,
      d.topFix?.text[lang] ?? '',
      d.topFix?.gain ?? 0,
    ]),
  };
}

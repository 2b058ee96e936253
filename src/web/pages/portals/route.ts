/** `/portales` and the same table as `/portales.csv` and `/portales.xlsx`, with the same filters and order. */
import type { PageRoutes } from '../index.js';
import type { Lang } from '../../i18n/lang.js';
import { ctxOf } from '../../context.js';
import { sendPage } from '../../render.js';
import { sendTable, type Cell, type TableFile } from '../../data/table-file.js';
import { countryLabel, dimensionLabel, levelLabel, ratingLabel, runStatusLabel } from '../../i18n/labels.js';
import { portalLines } from '../../../../reports/index.js';
import { arrange, kept, MQA_DIMENSIONS, scoreQuery, scoreRows, type ScoreRow } from './scoreboard.js';
import { runProblemsText } from './run-outcome.js';
import { PortalsPage } from './page.js';
import { messages, runMessages } from './messages.js';

export const portalsPage: PageRoutes = (router, { store, portals, now }) => {
  const clock = now ?? (() => new Date());
  const view = async (query: Record<string, unknown>, lang: Lang) => {
    const asked = scoreQuery(query);
    const all = await portalLines(store, portals);
    const rows = await scoreRows(store, kept(all, asked), clock());
    return { all, rows: arrange(rows, asked, lang), query: asked };
  };

  router.get('/portales', async (req, res) => {
    const ctx = ctxOf(res);
    sendPage(res, PortalsPage({ ctx, view: await view(req.query, ctx.lang) }));
  });

  for (const format of ['csv', 'xlsx'] as const) {
    router.get(`/portales.${format}`, async (req, res) => {
      const { lang } = ctxOf(res);
      const { rows } = await view(req.query, lang);
      await sendTable(res, format, scoreFile(lang, rows));
    });
  }
};

/** The table as a file: figures as numbers to a tenth (percentages 0–100), every code by its label. */
function scoreFile(lang: Lang, rows: ScoreRow[]): TableFile {
  const t = messages[lang];
  const tenth = (x: number | undefined): Cell => (x === undefined ? null : Math.round(x * 10) / 10);
  const percent = (share: number | undefined): Cell => tenth(share === undefined ? undefined : share * 100);
  return {
    name: t.fileName,
    sheet: t.title,
    head: [
      'id', t.colPortal, t.colCountry, t.colLevel, t.colDatasets, t.colScore, t.colRating500, t.colMqa, t.colRatingMqa,
      ...MQA_DIMENSIONS.map((d) => `${dimensionLabel(lang, d)} (%)`), `${t.colFresh} (%)`, `${t.colLinks} (%)`, t.colChange,
      t.colLastRun, t.colRunWhen, t.colRunProblem,
    ],
    rows: rows.map(({ line, figures: f, change }): Cell[] => [
      line.portal.id,
      line.portal.name,
      countryLabel(lang, line.portal.country),
      levelLabel(lang, line.portal.level),
      f?.datasets,
      tenth(f?.score),
      f && ratingLabel(lang, f.rating500),
      tenth(f?.mqa),
      f && ratingLabel(lang, f.rating),
      ...MQA_DIMENSIONS.map((d) => percent(f?.dimensions[d])),
      percent(f?.fresh),
      percent(f?.links),
      tenth(change),
      line.lastRun ? runStatusLabel(lang, line.lastRun.status) : runMessages[lang].never,
      line.lastRun?.finishedAt ?? line.lastRun?.startedAt,
      runProblemsText(lang, line.lastRun),
    ]),
  };
}

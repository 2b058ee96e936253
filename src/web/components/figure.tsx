/**
 * A chart and its alternative: the SVG (charts/*.ts, drawn on the server) is hidden from screen
 * readers, which read the caption and the table of the same figures below it instead.
 */
import type { PageContext } from '../context.js';
import { common } from '../i18n/common.js';

export interface FigureTable {
  head: string[];
  rows: (string | number)[][];
}

export function ChartFigure({ ctx, caption, svg, table }: { ctx: PageContext; caption: string; svg: string; table: FigureTable }) {
  const t = common[ctx.lang];
  return (
    <figure class="chart">
      <figcaption>{caption}</figcaption>
      <div class="chart-svg" aria-hidden="true" dangerouslySetInnerHTML={{ __html: svg }} />
      <details>
        <summary>{t.chartTable}</summary>
        <table>
          <caption class="visually-hidden">{caption}</caption>
          <thead>
            <tr>{table.head.map((h) => <th scope="col" key={h}>{h}</th>)}</tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>{row.map((cell, j) => (j === 0 ? <th scope="row" key={j}>{cell}</th> : <td key={j}>{cell}</td>))}</tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** The page timings of bench/pages.ts as a Markdown table, each figure beside its aim (issue 10, "Speed"). */
import type { PageTiming } from './pages.js';

export interface PageRun {
  store: string;
  datasets: number;
  requests: number;
  pages: PageTiming[];
}

/** A page's transfer, charts included, stays under this. */
export const PAGE_KB_AIM = 150;

const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

/** The table of one store's pages; `aimMs` is the p95 aim on that store. */
export function pageTable(run: PageRun, aimMs: number): string[] {
  const header = ['page', 'path', 'first request ms', 'requests', 'p50 ms', `p95 ms (aim < ${aimMs})`, `KB (aim < ${PAGE_KB_AIM})`];
  const rows = run.pages.map((p) => {
    if (p.state === 'missing') return [p.page, `\`${p.path}\``, '–', '–', '–', 'missing (404)', '–'];
    if (p.state === 'error') return [p.page, `\`${p.path}\``, '–', '–', '–', `error: ${p.error ?? p.status}`, '–'];
    const kb = (p.bytes ?? 0) / 1024;
    return [
      p.page, `\`${p.path}\``, String(p.firstMs ?? '–'), String(p.requests), String(p.p50ms),
      `${p.p95ms} ${verdict((p.p95ms ?? Infinity) < aimMs)}`,
      `${kb.toFixed(1)}${p.encoding ? ` ${p.encoding}` : ''} ${verdict(kb < PAGE_KB_AIM)}`,
    ];
  });
  return [
    `Pages on the ${run.store} store (${run.datasets} datasets), up to ${run.requests} requests each, time to the last byte over HTTP:`,
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

/** The table shape the renderers share, written as CSV or as a Markdown table, and codes in words. */
import type { Lang } from '../src/web/i18n/lang.js';
import type { Bilingual } from '../src/quality/explanations.js';

export type Cell = string | number;
export type Table = { header: string[]; rows: Cell[][] };

/** One CSV cell: quoted when it holds a quote, a comma or a line break (RFC 4180). */
export function csvCell(v: Cell): string {
  return typeof v === 'number' ? String(v) : /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv({ header, rows }: Table): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

export function mdTable({ header, rows }: Table): string {
  const esc = (v: Cell) => String(v).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

/** 0.857 → "86 %". */
export function pct(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** +3, −2, 0: a change with its sign. */
export function signed(x: number): string {
  return x > 0 ? `+${x}` : x < 0 ? `−${-x}` : '0';
}

/**
 * A code's label in both languages, "Al día / Up to date" (once when both are the same), from the
 * labels the web pages use (src/web/i18n/labels.ts).
 */
export function both(label: (lang: Lang, code: string) => string, code: string): string {
  return bilingual({ es: label('es', code), en: label('en', code) });
}

/** "español / English" (the English wrapped in `emphasis`, `*` for italics), once when both are the same. */
export function bilingual({ es, en }: Bilingual, emphasis = ''): string {
  return es === en ? es : `${es} / ${emphasis}${en}${emphasis}`;
}

/** "1 conjunto / dataset", "5 conjuntos / datasets". */
export function datasetCount(n: number): string {
  return `${n} ${n === 1 ? 'conjunto / dataset' : 'conjuntos / datasets'}`;
}

/** The table shape the renderers share, written as CSV or as a Markdown table, and Spanish labels. */
import type { LinkState } from './aggregate.js';
import type { Level } from '../src/dcat/types.js';
import type { FreshnessStatus, Rating } from '../src/quality/types.js';

export type Cell = string | number;
export type Table = { header: string[]; rows: Cell[][] };

export function toCsv({ header, rows }: Table): string {
  const cell = (v: Cell) => (typeof v === 'number' ? String(v) : /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
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

export const RATING_ES: Record<Rating, string> = { excellent: 'excelente', good: 'buena', sufficient: 'suficiente', bad: 'deficiente' };
export const LEVEL_ES: Record<Level, string> = { national: 'nacional', subnational: 'subnacional', municipal: 'municipal' };
export const FRESHNESS_ES: Record<FreshnessStatus, string> = { up_to_date: 'al día', late: 'atrasados', stale: 'obsoletos', no_promise: 'sin promesa', unknown: 'desconocido' };
export const LINK_ES: Record<LinkState, string> = { ok: 'disponible', broken: 'roto', unknown: 'incierto', not_checked: 'sin verificar', refused: 'rechazado', no_url: 'sin URL' };

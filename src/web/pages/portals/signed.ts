import type { Lang } from '../../i18n/lang.js';
import { formatNumber } from '../../i18n/define.js';

/** "+12,3", "−4", "0": a change in points with its sign, to a tenth. */
export function signed(lang: Lang, value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${formatNumber(lang, Math.abs(rounded), 1)}`;
}

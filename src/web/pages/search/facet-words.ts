/** A facet and its values in words: its name, and a value by its label (a portal by its name). */
import type { FacetName } from '../../../store/store.js';
import type { Lang } from '../../i18n/lang.js';
import { facetValueLabel } from '../../i18n/labels.js';
import { messages } from './messages.js';

export function facetName(lang: Lang, facet: FacetName): string {
  return messages[lang][`facet_${facet}`];
}

export function valueLabel(lang: Lang, facet: FacetName, value: string, names: ReadonlyMap<string, string>): string {
  return facet === 'portal' ? (names.get(value) ?? value) : facetValueLabel(lang, facet, value);
}

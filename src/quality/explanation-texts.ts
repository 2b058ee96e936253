/**
 * What every explanation code of the indicator table means, and for every code of lost points
 * what to do about it and why (QUALITY.md "Explanations and recommendations"). Data only: the
 * functions that read it are in explanations.ts.
 *
 * Written for the staff who publish data on CKAN and the other platforms: one line each, neutral
 * Latin American Spanish first (the texts themselves are in texts/, by dimension). A recommendation about one field names it by its DCAT property,
 * "(en DCAT, `dcat:keyword`)", and says which in `field`: for a portal's own platform that
 * parenthesis names the field as the platform calls it (platform-fields.ts), "(en CKAN, las
 * etiquetas, `tags`)". Distribution indicators score the best resource (QUALITY.md), so their
 * texts speak of "the resource": the one the score counts. The `link_*` codes serve A1 and A3
 * alike, so they speak of "the link" without saying which. Recommendations read "what to do: why".
 */
import type { FieldName } from './platform-fields.js';

export interface Bilingual {
  es: string;
  en: string;
}

export interface CodeText {
  /** One line saying what the result means. */
  explanation: Bilingual;
  /** Only for codes returned when points were lost: what to do, and why it matters. */
  recommendation?: Bilingual;
  /** The field the recommendation names in its "(en DCAT, …)" parenthesis, worded per platform. */
  field?: FieldName;
}

import { FINDABILITY_ACCESSIBILITY } from './texts/findability-accessibility.js';
import { INTEROPERABILITY_REUSABILITY } from './texts/interoperability-reusability.js';
import { CONTEXT_TIMELINESS_VALUE } from './texts/context-timeliness-value.js';

/** Every code's texts, by dimension in the files of texts/. */
export const CODE_TEXTS: Readonly<Record<string, CodeText>> = { ...FINDABILITY_ACCESSIBILITY, ...INTEROPERABILITY_REUSABILITY, ...CONTEXT_TIMELINESS_VALUE };

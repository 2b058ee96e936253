/**
 * The facets as links that add (or change) a filter, and the active filters as chips whose link
 * removes them. Plain links: filtering works without JavaScript, and every state has an address.
 */
import type { PageContext } from '../../context.js';
import { FACET_NAMES, type FacetName, type SearchResult } from '../../../store/store.js';
import { formatNumber } from '../../i18n/define.js';
import { queryString, type SearchParams } from './params.js';
import { facetName, valueLabel } from './facet-words.js';
import { messages } from './messages.js';

/** Values shown at once; the next ones wait behind "N más". */
const SHOWN = 8;
const MOST = 50;

/** The search with `facet` set to `value`, or removed when `value` is undefined; back to page 1. */
export function withFilter(params: SearchParams, facet: FacetName, value: string | undefined): string {
  const filters = params.filters.filter(([name]) => name !== facet);
  if (value !== undefined) filters.push([facet, value]);
  filters.sort(([a], [b]) => FACET_NAMES.indexOf(a) - FACET_NAMES.indexOf(b));
  const query = queryString({ ...params, filters });
  return `/buscar${query ? `?${query}` : ''}`;
}

interface FacetProps {
  ctx: PageContext;
  params: SearchParams;
  names: ReadonlyMap<string, string>;
}

export function ActiveFilters({ ctx, params, names }: FacetProps) {
  if (params.filters.length === 0) return null;
  const t = messages[ctx.lang];
  const everything = queryString({ ...params, filters: [] });
  return (
    <div class="active-filters">
      <h2 class="visually-hidden">{t.activeFilters}</h2>
      <ul class="chips">
        {params.filters.map(([facet, value]) => {
          const label = `${facetName(ctx.lang, facet)}: ${valueLabel(ctx.lang, facet, value, names)}`;
          return (
            <li key={facet}>
              <a class="chip" href={withFilter(params, facet, undefined)} aria-label={t.removeFilter(facetName(ctx.lang, facet), valueLabel(ctx.lang, facet, value, names))}>
                {label} <span aria-hidden="true">×</span>
              </a>
            </li>
          );
        })}
        {params.filters.length > 1 && (
          <li><a href={`/buscar${everything ? `?${everything}` : ''}`}>{t.removeAll}</a></li>
        )}
      </ul>
    </div>
  );
}

export function Facets({ ctx, params, names, facets }: FacetProps & { facets: SearchResult['facets'] }) {
  const t = messages[ctx.lang];
  const active = new Map(params.filters);
  const shown = FACET_NAMES.filter((facet) => facets[facet].length > 0);
  if (shown.length === 0) return null;
  return (
    <aside class="facets" aria-labelledby="refine">
      <h2 id="refine">{t.refine}</h2>
      {shown.map((facet) => {
        const values = facets[facet].slice(0, MOST);
        const item = ({ value, count }: { value: string; count: number }) => {
          const label = valueLabel(ctx.lang, facet, value, names);
          const current = active.get(facet) === value;
          return (
            <li key={value}>
              <a href={withFilter(params, facet, current ? undefined : value)} aria-current={current ? 'true' : undefined}
                aria-label={current ? t.removeFilter(facetName(ctx.lang, facet), label) : undefined}>
                {label}
              </a>{' '}
              <span class="count">{formatNumber(ctx.lang, count)}</span>
            </li>
          );
        };
        return (
          <section class="facet" key={facet} aria-labelledby={`facet-${facet}`}>
            <h3 id={`facet-${facet}`}>{facetName(ctx.lang, facet)}</h3>
            <ul>{values.slice(0, SHOWN).map(item)}</ul>
            {values.length > SHOWN && (
              <details>
                <summary>{t.more(values.length - SHOWN)}</summary>
                <ul>{values.slice(SHOWN).map(item)}</ul>
              </details>
            )}
          </section>
        );
      })}
    </aside>
  );
}

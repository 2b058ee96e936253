/** `/buscar`: the search box, the facets and active filters, the sort, the results and their pages. */
import type { PageContext } from '../../context.js';
import type { SearchResult } from '../../../store/store.js';
import { Layout } from '../../components/layout.js';
import { Pagination } from '../../components/pagination.js';
import { Downloads } from '../../components/downloads.js';
import { formatNumber } from '../../i18n/define.js';
import { queryString, PAGE_SIZE, type SearchParams } from './params.js';
import { ActiveFilters, Facets } from './facets.js';
import { ResultCard } from './result-card.js';
import { CSV_ROWS } from './result-table.js';
import { messages } from './messages.js';

interface SearchPageProps {
  ctx: PageContext;
  params: SearchParams;
  result: SearchResult;
  names: ReadonlyMap<string, string>;
}

export function SearchPage({ ctx, params, result, names }: SearchPageProps) {
  const t = messages[ctx.lang];
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const query = queryString(params);
  const api = queryString(params, { ...(params.page > 1 && { page: String(params.page) }), limit: String(PAGE_SIZE) });
  return (
    <Layout ctx={ctx} title={params.q ? t.titleFor(params.q) : t.title} description={t.description} section="search">
      <h1>{t.title}</h1>
      <form action="/buscar" method="get" role="search" class="search-box">
        <label for="q">{t.searchLabel}</label>
        <input id="q" name="q" type="search" value={params.q ?? ''} placeholder={t.searchPlaceholder} />
        <Hidden params={params} sort />
        <button type="submit">{t.searchButton}</button>
      </form>
      <ActiveFilters ctx={ctx} params={params} names={names} />
      <div class="search-layout">
        <section class="results" aria-labelledby="results">
          <div class="results-head">
            <h2 id="results">{result.total === 1 ? t.foundOne : t.found(formatNumber(ctx.lang, result.total))}</h2>
            {result.total > 1 && <SortForm ctx={ctx} params={params} />}
          </div>
          {result.total > 0 && <p class="to-facets"><a href="#refine">{t.refine}</a></p>}
          {result.items.length > 0 ? (
            <ol class="result-list" start={(params.page - 1) * PAGE_SIZE + 1}>
              {result.items.map((item) => <ResultCard key={item.id} ctx={ctx} item={item} names={names} />)}
            </ol>
          ) : (
            <Empty ctx={ctx} params={params} total={result.total} pages={pages} />
          )}
          {result.items.length > 0 && <Pagination ctx={ctx} page={params.page} pages={pages} />}
          {result.total > 0 && (
            <>
              <Downloads ctx={ctx} files={[{ format: 'csv', href: `/buscar.csv${query ? `?${query}` : ''}` }, { format: 'json', href: `/api/datasets?${api}` }]} />
              {result.total > CSV_ROWS && <p class="small">{t.csvLimit(formatNumber(ctx.lang, CSV_ROWS))}</p>}
            </>
          )}
        </section>
        <Facets ctx={ctx} params={params} names={names} facets={result.facets} />
      </div>
    </Layout>
  );
}

/** The query's filters (and sort) as hidden fields, so a new text or order keeps them. */
function Hidden({ params, sort }: { params: SearchParams; sort?: boolean }) {
  return (
    <>
      {params.filters.map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      {sort && params.sort !== 'relevance' && <input type="hidden" name="sort" value={params.sort} />}
    </>
  );
}

function SortForm({ ctx, params }: { ctx: PageContext; params: SearchParams }) {
  const t = messages[ctx.lang];
  const options = [['relevance', t.sortRelevance], ['modified', t.sortModified], ['score', t.sortScore]] as const;
  return (
    <form action="/buscar" method="get" class="sort-form">
      {params.q && <input type="hidden" name="q" value={params.q} />}
      <Hidden params={params} />
      <label for="sort">{t.sortLabel}</label>{' '}
      <select id="sort" name="sort" data-autosubmit="">
        {options.map(([value, label]) => <option key={value} value={value} selected={params.sort === value}>{label}</option>)}
      </select>{' '}
      <button type="submit">{t.sortButton}</button>
    </form>
  );
}

function Empty({ ctx, params, total, pages }: { ctx: PageContext; params: SearchParams; total: number; pages: number }) {
  const t = messages[ctx.lang];
  if (total > 0) {
    const query = queryString(params);
    return (
      <p class="notice">
        {t.pastEnd(pages)} <a href={`/buscar${query ? `?${query}` : ''}`}>{t.firstPage}</a>
      </p>
    );
  }
  return (
    <div class="notice">
      <p>{t.empty}</p>
      <p>{params.filters.length > 0 ? t.emptyFilters : t.emptyText}</p>
    </div>
  );
}

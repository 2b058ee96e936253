/** Previous / next links and where we are: plain links, so paging works without JavaScript. */
import type { PageContext } from '../context.js';
import { withParams } from '../context.js';
import { common } from '../i18n/common.js';

export function Pagination({ ctx, page, pages }: { ctx: PageContext; page: number; pages: number }) {
  if (pages <= 1) return null;
  const t = common[ctx.lang];
  const at = (n: number) => withParams(ctx.url, { page: n === 1 ? undefined : n });
  return (
    <nav class="pagination" aria-label={t.pagination}>
      {page > 1 ? <a href={at(page - 1)} rel="prev">{`← ${t.previous}`}</a> : <span aria-hidden="true" />}
      <span aria-current="page">{t.pageOf(page, pages)}</span>
      {page < pages ? <a href={at(page + 1)} rel="next">{`${t.next} →`}</a> : <span aria-hidden="true" />}
    </nav>
  );
}

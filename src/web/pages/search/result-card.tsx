/** One search result: its title linking to its page, a snippet, where it comes from, its badges. */
import type { PageContext } from '../../context.js';
import type { DatasetSummary } from '../../../store/store.js';
import { rate } from '../../../quality/score.js';
import { FreshnessBadge, ScoreBadge } from '../../components/badges.js';
import { formatDate } from '../../i18n/define.js';
import { formatLabel } from '../../i18n/labels.js';
import { snippet } from '../../data/snippet.js';
import { messages } from './messages.js';

export function ResultCard({ ctx, item, names }: { ctx: PageContext; item: DatasetSummary; names: ReadonlyMap<string, string> }) {
  const t = messages[ctx.lang];
  const portal = (id: string) => <a href={`/portales/${encodeURIComponent(id)}`}>{names.get(id) ?? id}</a>;
  const text = snippet(item.description);
  return (
    <li class="result">
      <h3><a href={`/conjuntos/${encodeURIComponent(item.id)}`}>{item.title}</a></h3>
      <p class={text ? 'snippet' : 'snippet muted'}>{text ?? t.noDescription}</p>
      <dl class="result-meta">
        {item.publisher && <div><dt>{t.publisher}</dt><dd>{item.publisher}</dd></div>}
        <div><dt>{t.portal}</dt><dd>{portal(item.portalId)}</dd></div>
        {item.formats.length > 0 && <div><dt>{t.formats}</dt><dd>{item.formats.map((f) => formatLabel(ctx.lang, f)).join(', ')}</dd></div>}
        {item.modified && <div><dt>{t.modified}</dt><dd>{formatDate(ctx.lang, item.modified)}</dd></div>}
        {item.alsoIn && item.alsoIn.length > 0 && (
          <div><dt>{t.alsoIn}</dt><dd>{item.alsoIn.map((id, i) => <>{i > 0 && ', '}{portal(id)}</>)}</dd></div>
        )}
      </dl>
      <p class="result-badges">
        <ScoreBadge ctx={ctx} score={item.score} max={500} rating={rate(item.score, 'total')} />{' '}
        <span class="badge-group"><span class="scale-name" aria-hidden="true">MQA</span> <ScoreBadge ctx={ctx} score={item.mqa} max={405} rating={item.rating} /></span>{' '}
        <FreshnessBadge ctx={ctx} status={item.freshness} />
      </p>
    </li>
  );
}

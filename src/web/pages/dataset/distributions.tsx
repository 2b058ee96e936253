/**
 * The dataset's files and services: each one's title, format, and its access and download
 * addresses (links only when safe) with what the latest link check found. A list rather than a
 * table: harvested addresses are long, and a phone must show them without scrolling sideways.
 */
import type { PageContext } from '../../context.js';
import type { Distribution } from '../../../dcat/types.js';
import type { LinkCheck } from '../../../links/types.js';
import { SafeLink } from '../../components/safe-link.js';
import { LinkStateBadge } from '../../components/badges.js';
import { formatDate } from '../../i18n/define.js';
import { formatLabel } from '../../i18n/labels.js';
import { messages } from './messages.js';

export function Distributions({ ctx, distributions, links }: { ctx: PageContext; distributions: Distribution[]; links: ReadonlyMap<string, LinkCheck> }) {
  const t = messages[ctx.lang];
  if (distributions.length === 0) return <p>{t.noDistributions}</p>;
  return (
    <ul class="distribution-list">
      {distributions.map((d, i) => {
        const format = d.format?.code ? formatLabel(ctx.lang, d.format.code) : (d.format?.raw ?? d.mediaType?.code);
        return (
          <li key={d.id}>
            <h3>{d.title ?? t.untitled(i + 1)}</h3>
            {d.description && <p class="small">{d.description}</p>}
            <dl class="metadata">
              {format && <div><dt>{t.colFormat}</dt><dd>{format}</dd></div>}
              <div><dt>{t.colAccess}</dt><dd><Address ctx={ctx} url={d.accessURL} check={d.accessURL ? links.get(d.accessURL) : undefined} /></dd></div>
              <div><dt>{t.colDownload}</dt><dd><Address ctx={ctx} url={d.downloadURL} check={d.downloadURL ? links.get(d.downloadURL) : undefined} /></dd></div>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}

function Address({ ctx, url, check }: { ctx: PageContext; url: string | undefined; check: LinkCheck | undefined }) {
  const t = messages[ctx.lang];
  if (!url) return <LinkStateBadge ctx={ctx} state="no_url" />;
  return (
    <>
      <span class="url"><SafeLink href={url} /></span>{' '}
      <LinkStateBadge ctx={ctx} state={check?.status ?? 'not_checked'} />
      {check && (
        <span class="small">
          {' '}{t.checked(formatDate(ctx.lang, check.checkedAt))}
          {check.httpStatus !== undefined && ` · ${t.httpStatus(check.httpStatus)}`}
        </span>
      )}
    </>
  );
}

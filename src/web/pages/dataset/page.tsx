/**
 * `/conjuntos/:id`: a dataset's description and metadata in words, its files with their link
 * state, where to find it, its quality card, and a schema.org Dataset block for search engines.
 */
import type { PageContext } from '../../context.js';
import type { DatasetReport } from '../../../../reports/index.js';
import { Layout } from '../../components/layout.js';
import { SafeLink } from '../../components/safe-link.js';
import { formatDate } from '../../i18n/define.js';
import { safeHref } from '../../safe-url.js';
import { snippet } from '../../data/snippet.js';
import { Metadata, type PortalRef } from './metadata.js';
import { Distributions } from './distributions.js';
import { QualityCard } from './quality-card.js';
import { messages } from './messages.js';

export interface DatasetView {
  report: DatasetReport;
  portal: PortalRef;
  /** The other portals that list the same dataset. */
  alsoIn: PortalRef[];
  jsonLd: Record<string, unknown>;
}

export function DatasetPage({ ctx, view }: { ctx: PageContext; view: DatasetView }) {
  const t = messages[ctx.lang];
  const { report, portal } = view;
  const { dataset } = report;
  const paragraphs = dataset.description?.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean) ?? [];
  const links = new Map(report.links.map((l) => [l.url, l]));
  return (
    <Layout ctx={ctx} title={dataset.title} description={snippet(dataset.description, 160)} jsonLd={view.jsonLd} section="search">
      <article class="dataset">
        <h1>{dataset.title}</h1>
        {report.state === 'withdrawn' && <p class="notice">{t.withdrawn(formatDate(ctx.lang, report.withdrawnAt))}</p>}
        <div class="description">
          {paragraphs.length > 0 ? paragraphs.map((p, i) => <p key={i}>{p}</p>) : <p class="muted">{t.noDescription}</p>}
        </div>
        <p class="source-links">
          {!dataset.landingPage ? t.noSource
            : safeHref(dataset.landingPage) ? <SafeLink href={dataset.landingPage}>{t.sourceLink}</SafeLink>
            : <>{t.unsafeSource} <SafeLink href={dataset.landingPage} /></>}
          {' · '}
          <a href={`/api/datasets/${encodeURIComponent(dataset.id)}`} type="application/json">{t.json}</a>
        </p>

        <section aria-labelledby="about">
          <h2 id="about">{t.about}</h2>
          <Metadata ctx={ctx} dataset={dataset} portal={portal} alsoIn={view.alsoIn} />
        </section>

        <section aria-labelledby="distributions">
          <h2 id="distributions">{t.distributions}</h2>
          <Distributions ctx={ctx} distributions={dataset.distributions} links={links} />
        </section>

        <QualityCard ctx={ctx} report={report} />

        <section aria-labelledby="history">
          <h2 id="history">{t.history}</h2>
          <p>
            {t.noHistory} <a href={`/portales/${encodeURIComponent(portal.id)}`}>{t.portalHistory(portal.name)}</a>
          </p>
        </section>
      </article>
    </Layout>
  );
}

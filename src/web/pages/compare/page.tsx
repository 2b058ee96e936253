/** `/comparar`: what to compare, then the chosen portals side by side. */
import type { PageContext } from '../../context.js';
import { withParams } from '../../context.js';
import type { Comparison, ComparisonFilter } from '../../../../reports/index.js';
import type { PortalRecord } from '../../../store/store.js';
import { Layout } from '../../components/layout.js';
import { Downloads } from '../../components/downloads.js';
import { Chooser } from './chooser.js';
import { ByLevel, Dimensions, Freshness, Indicators, Links, Summary } from './sections.js';
import { messages } from './messages.js';

interface ComparePageProps {
  ctx: PageContext;
  /** Every stored portal, for the form. */
  known: PortalRecord[];
  filter: ComparisonFilter;
  /** Absent when nothing was chosen and there are too many portals to show them all. */
  comparison?: Comparison;
}

export function ComparePage({ ctx, known, filter, comparison }: ComparePageProps) {
  const t = messages[ctx.lang];
  const portals = comparison?.portals ?? [];
  const api = withParams(`/api/compare${ctx.url.includes('?') ? ctx.url.slice(ctx.url.indexOf('?')) : ''}`, { lang: undefined });
  return (
    <Layout ctx={ctx} title={t.title} description={t.intro} section="compare">
      <div class="compare">
        <h1>{t.title}</h1>
        <p>{t.intro}</p>
        <Chooser ctx={ctx} known={known} filter={filter} open={!comparison || Boolean(filter.portals)} />
        {!comparison ? (
          <p class="notice">{t.prompt(known.length)}</p>
        ) : portals.length === 0 ? (
          <p class="notice">{t.none}</p>
        ) : (
          <>
            <p>{t.showing(portals.length)}</p>
            <Summary ctx={ctx} portals={portals} />
            <ByLevel ctx={ctx} portals={portals} />
            <Dimensions ctx={ctx} portals={portals} />
            <Indicators ctx={ctx} portals={portals} />
            <Freshness ctx={ctx} portals={portals} />
            <Links ctx={ctx} portals={portals} />
            <Downloads ctx={ctx} files={[{ format: 'json', href: api }]} />
          </>
        )}
      </div>
    </Layout>
  );
}

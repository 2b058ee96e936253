/** The freshness rules (T2, T3): how the last update is found, each frequency's days, the other cases. */
import type { PageContext } from '../../context.js';
import { formatNumber, formatPercent } from '../../i18n/define.js';
import { frequencyLabel } from '../../i18n/labels.js';
import { FRESHNESS, frequencyRules } from './rules.js';
import { messages } from './messages.js';

export function FreshnessRules({ ctx }: { ctx: PageContext }) {
  const t = messages[ctx.lang];
  const days = (n: number) => formatNumber(ctx.lang, n, 1);
  return (
    <>
      <p>{t.freshnessLast}</p>
      <p>{t.freshnessPeriodic(FRESHNESS.t2)}</p>
      <div class="table-scroll">
        <table class="frequency-table">
          <caption>{t.frequencyCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colFrequency}</th>
              <th scope="col" class="num">{t.colInterval}</th>
              <th scope="col" class="num">{t.colOnTime}</th>
              <th scope="col" class="num">{t.colStale}</th>
            </tr>
          </thead>
          <tbody>
            {frequencyRules().map((f) => (
              <tr key={f.code} data-frequency={f.code}>
                <th scope="row">{frequencyLabel(ctx.lang, f.code)}</th>
                <td class="num">{days(f.days)}</td>
                <td class="num">{days(f.onTime)}</td>
                <td class="num">{days(f.stale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul class="method-rules">
        <li>{t.freshnessContinuous(FRESHNESS.continuousDays, formatPercent(ctx.lang, FRESHNESS.continuousLateScore))}</li>
        <li>{t.freshnessNonPeriodic(FRESHNESS.nonPeriodic.map((code) => frequencyLabel(ctx.lang, code)).join(', '))}</li>
        <li>{t.freshnessUnknown(formatPercent(ctx.lang, FRESHNESS.unknownShare))}</li>
        <li>{t.freshnessAge(FRESHNESS.t3, FRESHNESS.age.full, FRESHNESS.age.none)}</li>
      </ul>
    </>
  );
}

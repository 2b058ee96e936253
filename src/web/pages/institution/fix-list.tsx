/**
 * "Qué corregir primero": the publisher report's fix groups, most points first, each with what is
 * wrong, what to do, the points it gains per dataset and in total, and the datasets it raises.
 */
import type { PageContext } from '../../context.js';
import type { FixGroup } from '../../../../reports/index.js';
import { explanationFor } from '../../../quality/explanations.js';
import { formatNumber } from '../../i18n/define.js';
import { indicatorLabel } from '../../i18n/labels.js';
import { fixKey, type DatasetRef } from './data.js';
import { CodeText } from './code-text.js';
import { messages } from './messages.js';

interface FixListProps {
  ctx: PageContext;
  fixes: FixGroup[];
  affected: ReadonlyMap<string, DatasetRef[]>;
}

/** Fixes told in full; the rest, which gain less, are one line each in a table (a card prints on a page or two). */
export const FIXES_IN_FULL = 5;

export function FixList({ ctx, fixes, affected }: FixListProps) {
  const t = messages[ctx.lang];
  if (fixes.length === 0) return <p>{t.nothingToFix}</p>;
  const rest = fixes.slice(FIXES_IN_FULL);
  return (
    <>
      <FullFixes ctx={ctx} fixes={fixes.slice(0, FIXES_IN_FULL)} affected={affected} />
      {rest.length > 0 && <MoreFixes ctx={ctx} fixes={rest} />}
    </>
  );
}

function MoreFixes({ ctx, fixes }: { ctx: PageContext; fixes: FixGroup[] }) {
  const t = messages[ctx.lang];
  const points = (n: number) => formatNumber(ctx.lang, n, 2);
  return (
    <div class="table-scroll">
      <table class="more-fixes">
        <caption>{t.moreFixes}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colFix}</th>
            <th scope="col">{t.colWhat}</th>
            <th scope="col" class="num">{t.datasets}</th>
            <th scope="col" class="num">{t.colEach}</th>
            <th scope="col" class="num">{t.colTotal}</th>
          </tr>
        </thead>
        <tbody>
          {fixes.map((fix) => (
            <tr key={fixKey(fix)}>
              <th scope="row">{indicatorLabel(ctx.lang, fix.indicator)} <span class="fix-id">({fix.indicator})</span></th>
              <td>{explanationFor(fix.code, fix.indicator)[ctx.lang]}</td>
              <td class="num">{formatNumber(ctx.lang, fix.datasets)}</td>
              <td class="num">+{points(fix.pointsEach)}</td>
              <td class="num">+{points(fix.totalGain)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FullFixes({ ctx, fixes, affected }: FixListProps) {
  const t = messages[ctx.lang];
  const points = (n: number) => formatNumber(ctx.lang, n, 2);
  return (
    <ol class="fix-list">
      {fixes.map((fix) => {
        const refs = affected.get(fixKey(fix)) ?? [];
        const more = fix.datasets - refs.length;
        return (
          <li key={fixKey(fix)} class="fix">
            <h3>
              {indicatorLabel(ctx.lang, fix.indicator)} <span class="fix-id">({fix.indicator})</span>
            </h3>
            <p class="fix-gain">
              <strong>{t.gainEach(points(fix.pointsEach))}</strong> · {t.gainTotal(points(fix.totalGain))}
            </p>
            <p>{explanationFor(fix.code, fix.indicator)[ctx.lang]}</p>
            {fix.text && (
              <p class="fix-todo">
                <strong>{t.whatToDo}</strong> <CodeText text={fix.text[ctx.lang]} />
              </p>
            )}
            {fix.also && fix.also.length > 0 && (
              <p class="small">
                {t.alsoRecovers} {fix.also.map((id) => `${indicatorLabel(ctx.lang, id)} (${id})`).join(', ')}.
              </p>
            )}
            <p class="small">{t.meanGain(points(fix.meanGain))}</p>
            <p class="fix-affected">
              {t.affects(fix.datasets)}:{' '}
              {refs.map((ref, i) => (
                <>
                  {i > 0 && ', '}
                  <a href={`/conjuntos/${encodeURIComponent(ref.id)}`}>{ref.title}</a>
                </>
              ))}
              {more > 0 && ` ${t.andMore(more)}`}
            </p>
          </li>
        );
      })}
    </ol>
  );
}

/** The portal's latest harvest runs: when, what kind, how they ended, what they counted and why they failed. */
import type { PageContext } from '../../context.js';
import type { Run } from '../../../store/store.js';
import { formatDateTime } from '../../i18n/define.js';
import { runModeLabel } from '../../i18n/labels.js';
import { RunProblems, RunState } from '../portals/run-outcome.js';
import { runMessages } from '../portals/messages.js';
import { messages } from './messages.js';

export function RunsTable({ ctx, runs }: { ctx: PageContext; runs: Run[] }) {
  const t = messages[ctx.lang];
  if (runs.length === 0) return <p>{t.runsNone}</p>;
  return (
    // Focusable, so a keyboard can scroll a table that has no link of its own on a narrow screen.
    <div class="table-scroll portals" tabIndex={0} role="region" aria-label={t.runsTable}>
      <table class="runs">
        <thead>
          <tr>
            <th scope="col">{t.colWhen}</th>
            <th scope="col">{t.colMode}</th>
            <th scope="col">{t.colState}</th>
            <th scope="col">{t.colCounts}</th>
            <th scope="col">{t.colProblems}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <th scope="row">{formatDateTime(ctx.lang, run.finishedAt ?? run.startedAt)}</th>
              <td>{runModeLabel(ctx.lang, run.mode)}</td>
              <td><RunState ctx={ctx} run={run} /></td>
              <td>
                {t.counts(run.counts.seen, run.counts.created, run.counts.updated, run.counts.unchanged, run.counts.withdrawn)}
                {run.counts.failed > 0 && <span class="small"> {runMessages[ctx.lang].failedRecords(run.counts.failed)}</span>}
              </td>
              <td><RunProblems ctx={ctx} run={run} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

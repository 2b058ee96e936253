/**
 * How a harvest run ended, in words: its state as a badge, and why it failed (the error's code by
 * its label, the harvester's own message as the technical detail) or what it held back (its notes).
 * The scoreboard and the portal page show runs the same way.
 */
import type { Lang } from '../../i18n/lang.js';
import type { PageContext } from '../../context.js';
import type { Run, RunNote } from '../../../store/store.js';
import { runErrorLabel, runStatusLabel } from '../../i18n/labels.js';
import { runMessages } from './messages.js';

export interface RunProblem {
  text: string;
  /** The harvester's own message (often in English, naming the address): for whoever fixes it. */
  detail?: string;
  severity: 'error' | 'notice';
}

export function runProblems(lang: Lang, run: Run | undefined): RunProblem[] {
  if (!run) return [];
  const problems: RunProblem[] = [];
  if (run.error) problems.push({ text: runErrorLabel(lang, run.error.code), detail: run.error.message, severity: 'error' });
  for (const note of run.notes) problems.push({ text: noteText(lang, note), severity: 'notice' });
  return problems;
}

/** The problems as one line of text, for the CSV and XLSX files. */
export function runProblemsText(lang: Lang, run: Run | undefined): string {
  return runProblems(lang, run)
    .map((p) => (p.detail ? `${p.text} (${p.detail})` : p.text))
    .join(' ');
}

function noteText(lang: Lang, note: RunNote): string {
  const t = runMessages[lang];
  if (note.code === 'listing_short' && note.declared !== undefined && note.listed !== undefined) return t.listingShort(note.declared, note.listed);
  if (note.code === 'withdrawal_capped' && note.unseen !== undefined && note.active !== undefined) return t.withdrawalCapped(note.unseen, note.active);
  // A note without its figures: the stored sentence (Spanish, then English).
  return note.message;
}

export function RunState({ ctx, run }: { ctx: PageContext; run: Run | undefined }) {
  if (!run) return <span class="muted">{runMessages[ctx.lang].never}</span>;
  return <span class={`badge run-${run.status}`}>{runStatusLabel(ctx.lang, run.status)}</span>;
}

export function RunProblems({ ctx, run }: { ctx: PageContext; run: Run | undefined }) {
  const problems = runProblems(ctx.lang, run);
  if (problems.length === 0) return null;
  return (
    <ul class="run-problems">
      {problems.map((p, i) => (
        <li key={i} class={`run-${p.severity}`}>
          {p.text}
          {p.detail && (
            <>
              {' '}
              <span class="muted">
                <span class="visually-hidden">{runMessages[ctx.lang].technical}: </span>
                {p.detail}
              </span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

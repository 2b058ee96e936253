/** How links are checked: the requests, the politeness, when a link is broken, what each answer counts as, the refused addresses. */
import type { PageContext } from '../../context.js';
import type { AttemptOutcome } from '../../../links/types.js';
import { formatNumber } from '../../i18n/define.js';
import type { ExampleError, LinkRules as Rules } from './rules.js';
import { messages } from './messages.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export function LinkRules({ ctx, rules }: { ctx: PageContext; rules: Rules }) {
  const t = messages[ctx.lang];
  const n = (x: number) => formatNumber(ctx.lang, x, 1);
  const seconds = (ms: number) => n(ms / 1000);
  const outcome: Record<AttemptOutcome, string> = { ok: t.outcomeOk, failed: t.outcomeFailed, unknown: t.outcomeUnknown, refused: t.outcomeRefused };
  const error: Record<ExampleError, string> = {
    refused: t.errorRefused, timeout: t.errorTimeout, dns: t.errorDns, tls: t.errorTls, reset: t.errorReset, private: t.errorPrivate,
  };
  const list = (xs: readonly number[], type: 'conjunction' | 'disjunction') => new Intl.ListFormat(ctx.lang, { type }).format(xs.map(String));
  return (
    <>
      <p>{t.linksIntro}</p>
      <ul class="method-rules">
        <li>{t.linksHow(seconds(rules.timeoutMs), rules.maxRedirects)}</li>
        <li>{t.linksGet(list(rules.getAfterHead, 'disjunction'))}</li>
        <li>{t.linksPolite(rules.perHost, seconds(rules.intervalMs), rules.concurrency, seconds(rules.maxRetryAfterMs))} {t.linksSettings(rules.intervalEnv, rules.timeoutEnv)}</li>
        <li>{t.linksSchedule(rules.schedule)}</li>
        <li>{t.linksBroken(n(rules.confirmBrokenAfterMs / HOUR_MS))}</li>
        <li>{t.linksKeep(n(rules.keepDefinitiveMs / DAY_MS))}</li>
        <li>{t.linksRecheck(list(rules.recheckAfterOkDays, 'conjunction'), n(rules.recheckAfterTroubleMs / HOUR_MS))}</li>
      </ul>
      <h3 id="respuestas">{t.answers}</h3>
      <div class="table-scroll">
        <table class="answer-table">
          <thead>
            <tr><th scope="col">{t.colAnswer}</th><th scope="col">{t.colCounts}</th></tr>
          </thead>
          <tbody>
            {rules.answers.map((a) => (
              <tr key={a.status} data-outcome={a.outcome}><th scope="row">{t.status(a.status)}</th><td>{outcome[a.outcome]}</td></tr>
            ))}
            <tr><th scope="row">{t.redirect(list(rules.redirects, 'conjunction'))}</th><td>{t.redirectCounts}</td></tr>
            <tr data-outcome={rules.firewall}><th scope="row">{t.firewall}</th><td>{outcome[rules.firewall]}</td></tr>
            {rules.errors.map((e) => (
              <tr key={e.kind} data-outcome={e.outcome}><th scope="row">{error[e.kind]}</th><td>{outcome[e.outcome]}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 id="direcciones-privadas">{t.private}</h3>
      <p>{t.privateText}</p>
      <ul class="inline-codes">
        {rules.refusedAddresses.map((a) => <li key={a}><code>{a}</code></li>)}
      </ul>
    </>
  );
}

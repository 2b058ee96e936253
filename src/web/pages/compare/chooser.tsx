/**
 * The two ways to choose what to compare, each its own form so each sends only its own fields:
 * a country and a level (selects), or portals ticked from the list of every portal.
 */
import type { PageContext } from '../../context.js';
import { LEVELS, type ComparisonFilter } from '../../../../reports/index.js';
import type { PortalRecord } from '../../../store/store.js';
import { countryLabel, levelLabel } from '../../i18n/labels.js';
import { messages } from './messages.js';

export function Chooser({ ctx, known, filter, open }: { ctx: PageContext; known: PortalRecord[]; filter: ComparisonFilter; open: boolean }) {
  const t = messages[ctx.lang];
  const country = (p: PortalRecord) => countryLabel(ctx.lang, p.country);
  const portals = [...known].sort((a, b) => country(a).localeCompare(country(b)) || LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || a.name.localeCompare(b.name));
  const countries = [...new Set(portals.map((p) => p.country))];
  const levels = LEVELS.filter((l) => known.some((p) => p.level === l));
  const picked = new Set(filter.portals ?? []);
  return (
    <section aria-labelledby="choose" class="compare-choose">
      <h2 id="choose">{t.choose}</h2>
      <form action="/comparar" method="get" class="compare-place">
        <fieldset>
          <legend>{t.byPlace}</legend>
          <div class="field">
            <label for="compare-country">{t.country}</label>
            <select id="compare-country" name="country">
              <option value="">{t.allCountries}</option>
              {countries.map((c) => <option key={c} value={c} selected={filter.country === c}>{countryLabel(ctx.lang, c)}</option>)}
            </select>
          </div>
          <div class="field">
            <label for="compare-level">{t.level}</label>
            <select id="compare-level" name="level">
              <option value="">{t.allLevels}</option>
              {levels.map((l) => <option key={l} value={l} selected={filter.level === l}>{levelLabel(ctx.lang, l)}</option>)}
            </select>
          </div>
          <button type="submit">{t.compare}</button>
        </fieldset>
      </form>
      <details class="compare-portals" open={open}>
        <summary>{t.byPortals}</summary>
        <form action="/comparar" method="get">
          <fieldset>
            <legend class="visually-hidden">{t.byPortals}</legend>
            <ul class="portal-checks">
              {portals.map((p) => (
                <li key={p.id}>
                  <input type="checkbox" id={`compare-${p.id}`} name="portal" value={p.id} checked={picked.has(p.id)} />{' '}
                  <label for={`compare-${p.id}`}>
                    {p.name} <span class="small">({t.portalOption(country(p), levelLabel(ctx.lang, p.level).toLowerCase())})</span>
                  </label>
                </li>
              ))}
            </ul>
            <button type="submit">{t.compare}</button>
          </fieldset>
        </form>
      </details>
    </section>
  );
}

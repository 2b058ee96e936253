/**
 * A declared licence read against the licence table (src/dcat/vocabularies/licenses.ts).
 * The URL is tried first because it is the most specific (it names the version: a CKAN `cc-by`
 * whose URL is `…/by/3.0/` is CC-BY-3.0), then the declared id, then the title.
 */
import type { License } from '../dcat/types.js';
import { matchLicense, type LicenseMatch } from '../dcat/vocabularies/licenses.js';
import { compact, line, url as cleanUrl } from './fields.js';
import { present } from './text.js';

function best(candidates: (string | undefined)[]): LicenseMatch | undefined {
  let category: LicenseMatch | undefined;
  let none: LicenseMatch | undefined;
  for (const c of candidates) {
    if (c === undefined) continue;
    const m = matchLicense(c);
    if (m?.kind === 'known') return m;
    if (m?.kind === 'category') category ??= m;
    if (m?.kind === 'none') none ??= m;
  }
  return category ?? none;
}

/**
 * The licence with its canonical id and openness filled in. Undefined when nothing is declared,
 * when only placeholders are, and when the declaration says there is no licence
 * (`notspecified`): in each case nobody may reuse the data, which R1 must report.
 */
export function normalizeLicense(license: License | undefined): License | undefined {
  if (!license) return undefined;
  const raw = present(license.raw) ? license.raw : undefined;
  const title = line(license.title);
  const url = cleanUrl(license.url);
  const declaredId = present(license.id) ? license.id.trim() : undefined;
  if (raw === undefined && title === undefined && url === undefined && declaredId === undefined) return undefined;
  const match = best([url, raw, declaredId, title]);
  if (match?.kind === 'none') return undefined;
  return compact<License>({
    id: match?.kind === 'known' ? match.id : undefined,
    open: match === undefined ? undefined : match.open,
    raw: raw ?? declaredId,
    url,
    title,
  });
}

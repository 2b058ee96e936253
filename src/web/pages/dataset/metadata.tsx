/** What the portal says about the dataset, in words: who, where, about what, under which terms, when. */
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../context.js';
import type { Dataset } from '../../../dcat/types.js';
import { publisherKey } from '../../../../reports/index.js';
import { SafeLink } from '../../components/safe-link.js';
import { formatDate, formatNumber } from '../../i18n/define.js';
import { frequencyLabel, licenseLabel, themeLabel } from '../../i18n/labels.js';
import { languageLabel } from './language.js';
import { messages } from './messages.js';
import { institutionHref } from '../../paths.js';

export interface PortalRef {
  id: string;
  name: string;
}

export function Metadata({ ctx, dataset, portal, alsoIn }: { ctx: PageContext; dataset: Dataset; portal: PortalRef; alsoIn: PortalRef[] }) {
  const t = messages[ctx.lang];
  const date = (d: { value?: string; raw?: string } | undefined) => (d?.value ? formatDate(ctx.lang, d.value) : d?.raw);
  const key = publisherKey(dataset);
  const row = (term: string, value: ComponentChildren) => (value ? <div><dt>{term}</dt><dd>{value}</dd></div> : null);
  const portalLink = (p: PortalRef) => <a href={`/portales/${encodeURIComponent(p.id)}`}>{p.name}</a>;
  const contact = dataset.contactPoint;
  return (
    <dl class="metadata">
      {row(t.publisher, dataset.publisher?.name && (key
        ? <a href={institutionHref(key)}>{dataset.publisher.name}</a>
        : dataset.publisher.name))}
      {row(t.portal, portalLink(portal))}
      {row(t.alsoIn, alsoIn.length > 0 && <>{t.alsoInText} {alsoIn.map((p, i) => <>{i > 0 && ', '}{portalLink(p)}</>)}</>)}
      {row(t.themes, dataset.themes.length > 0 && dataset.themes.map((th) => (th.code ? themeLabel(ctx.lang, th.code) : th.label)).join(' · '))}
      {row(t.keywords, dataset.keywords.length > 0 && <ul class="keywords">{dataset.keywords.map((k) => <li key={k}>{k}</li>)}</ul>)}
      {row(t.license, <License ctx={ctx} dataset={dataset} />)}
      {row(t.frequency, dataset.accrualPeriodicity?.code ? frequencyLabel(ctx.lang, dataset.accrualPeriodicity.code) : dataset.accrualPeriodicity?.raw)}
      {row(t.modified, date(dataset.modified))}
      {row(t.issued, date(dataset.issued))}
      {row(t.temporal, temporalText(ctx, dataset))}
      {row(t.spatial, spatialText(ctx, dataset))}
      {row(t.language, dataset.language.map((code) => languageLabel(ctx.lang, code)).join(', '))}
      {row(t.contact, contact && (contact.name || contact.email || contact.url) && (
        <>
          {contact.name}
          {contact.email && <> · <SafeLink href={`mailto:${contact.email}`}>{contact.email}</SafeLink></>}
          {contact.url && <> · <SafeLink href={contact.url} /></>}
        </>
      ))}
    </dl>
  );
}

function License({ ctx, dataset }: { ctx: PageContext; dataset: Dataset }) {
  const license = dataset.license;
  if (!license) return <>{messages[ctx.lang].noLicense}</>;
  const name = license.id ? licenseLabel(ctx.lang, license.id) : (license.title ?? license.raw ?? license.url ?? '');
  return license.url ? <SafeLink href={license.url}>{name}</SafeLink> : <>{name}</>;
}

function temporalText(ctx: PageContext, dataset: Dataset): string | undefined {
  const t = messages[ctx.lang];
  const temporal = dataset.temporal;
  const start = temporal?.start?.value ? formatDate(ctx.lang, temporal.start.value) : temporal?.start?.raw;
  const end = temporal?.end?.value ? formatDate(ctx.lang, temporal.end.value) : temporal?.end?.raw;
  if (start && end) return t.temporalRange(start, end);
  if (start) return t.temporalFrom(start);
  if (end) return t.temporalUntil(end);
  return temporal?.raw;
}

function spatialText(ctx: PageContext, dataset: Dataset): string | undefined {
  const spatial = dataset.spatial;
  if (!spatial) return undefined;
  const box = spatial.bbox && messages[ctx.lang].bbox(...(spatial.bbox.map((v) => formatNumber(ctx.lang, v, 4)) as [string, string, string, string]));
  return [spatial.label, box].filter(Boolean).join(' · ') || undefined;
}

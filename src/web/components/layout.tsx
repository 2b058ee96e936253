/**
 * The frame of every page: language, title, the one stylesheet, the skip link, the main
 * navigation, the language switch and the footer. Pages give their title and their content.
 */
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../context.js';
import { withParams } from '../context.js';
import { common } from '../i18n/common.js';
import { scriptJson } from '../render.js';

interface LayoutProps {
  ctx: PageContext;
  title: string;
  /** One sentence for search engines and link previews. */
  description?: string;
  /** A schema.org block for dataset search engines. */
  jsonLd?: unknown;
  /** The navigation entry this page belongs to. */
  section?: 'home' | 'search' | 'portals' | 'compare' | 'methodology';
  children: ComponentChildren;
}

export function Layout({ ctx, title, description, jsonLd, section, children }: LayoutProps) {
  const t = common[ctx.lang];
  const other = ctx.lang === 'es' ? 'en' : 'es';
  const nav: [LayoutProps['section'], string, string][] = [
    ['home', '/', t.navHome],
    ['search', '/buscar', t.navSearch],
    ['portals', '/portales', t.navPortals],
    ['compare', '/comparar', t.navCompare],
    ['methodology', '/metodologia', t.navMethodology],
  ];
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t.siteName}`}</title>
        {description && <meta name="description" content={description} />}
        <link rel="stylesheet" href={`/static/cosecha.css?v=${ctx.version}`} />
        <link rel="icon" href="/static/icon.svg" type="image/svg+xml" />
        <script src={`/static/enhance.js?v=${ctx.version}`} defer />
        {jsonLd !== undefined && <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(jsonLd) }} />}
      </head>
      <body>
        <a class="skip" href="#contenido">{t.skipToContent}</a>
        <header class="site">
          <a class="brand" href="/">
            <span class="brand-name">{t.siteName}</span>
            <span class="brand-tagline">{t.tagline}</span>
          </a>
          <nav aria-label={t.mainNav}>
            <ul>
              {nav.map(([key, href, label]) => (
                <li key={href}>
                  <a href={href} aria-current={section === key ? 'page' : undefined}>{label}</a>
                </li>
              ))}
              <li>
                <a href={withParams(ctx.url, { lang: other })} hreflang={other} lang={other} title={t.otherLanguageName}>{t.otherLanguage}</a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="contenido">{children}</main>
        <footer class="site">
          <p>{t.footer}</p>
          <p>
            <a href="/api/report">{t.footerApi}</a> · <a href="/api/catalog?format=ttl">{t.footerCatalog}</a> · Cosecha {ctx.version}
          </p>
        </footer>
      </body>
    </html>
  );
}

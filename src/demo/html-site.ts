/**
 * The fake municipal site served by src/demo/html-server.ts: a sitemap index (with a sitemap
 * that lists itself and one on another host), sitemaps with lastmod, off-site and duplicate
 * entries and a PDF, the JSON-LD pages, the LOTAIP pages and the listings.
 */
import { DATOS_PAGES } from './html-site-datos.js';
import { withOrigin } from './html-site-layout.js';
import { archivePage, TRANSPARENCIA_PAGES } from './html-site-transparencia.js';

export interface SiteDocument {
  contentType: string;
  body: string;
}

function urlset(entries: [string, string?][]): string {
  const urls = entries
    .map(([loc, lastmod]) => `  <url>\n    <loc>\n      ${loc}\n    </loc>${lastmod ? `\n    <lastmod>${lastmod}</lastmod>` : ''}\n  </url>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

const SITEMAPS: Readonly<Record<string, string>> = {
  '/sitemap.xml': `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>{{origin}}/sitemaps/paginas.xml</loc><lastmod>2024-06-30</lastmod></sitemap>
  <sitemap><loc>{{origin}}/sitemaps/datos-abiertos.xml</loc><lastmod>2024-06-30</lastmod></sitemap>
  <sitemap><loc>{{origin}}/sitemaps/transparencia.xml</loc></sitemap>
  <sitemap><loc>{{origin}}/sitemap.xml</loc></sitemap>
  <sitemap><loc>https://www.gobiernoelectronico.gob.ec/sitemap.xml</loc></sitemap>
</sitemapindex>
`,
  '/sitemaps/paginas.xml': urlset([
    ['{{origin}}/', '2024-06-30'],
    ['{{origin}}/noticias/feria-agroproductiva-2024', '2024-05-18'],
    ['{{origin}}/contacto'],
    ['{{origin}}/archivos/normativa/ordenanza-presupuesto-2024.pdf'],
  ]),
  '/sitemaps/datos-abiertos.xml': urlset([
    ['{{origin}}/datos-abiertos/presupuesto-participativo-2024', '2024-06-30T16:20:00-05:00'],
    ['{{origin}}/datos-abiertos/movilidad', '2024-05-02'],
    ['{{origin}}/datos-abiertos/catastro', '2019-12-10'],
    ['{{origin}}/datos-abiertos/equipamientos', '2024-03-05'],
    ['{{origin}}/datos-abiertos/calidad-del-agua'],
    ['{{origin}}/datos-abiertos/recoleccion-de-residuos', '2024-04-15'],
    ['{{origin}}/datos-abiertos/retirado', '2022-01-10'],
    ['https://www.compraspublicas.gob.ec/ProcesoContratacion/compras/PC/informacionProcesoContratacion2.cpe?idSoliCompra=x7Rk2'],
    ['{{origin}}/datos-abiertos/presupuesto-participativo-2024#descargas'],
  ]),
  '/sitemaps/transparencia.xml': urlset([
    ['{{origin}}/transparencia/lotaip', '2024-03-10'],
    ['{{origin}}/transparencia/lotaip-2024-01', '2024-02-10'],
    ['{{origin}}/transparencia/lotaip-2024-02', 'el 10 de marzo'],
  ]),
};

const HTML = 'text/html; charset=utf-8';

/** The document at a path (with its query), or undefined for a page the site does not have. */
export function siteDocument(pathAndQuery: string, origin: string): SiteDocument | undefined {
  const sitemap = SITEMAPS[pathAndQuery];
  if (sitemap) return { contentType: 'application/xml; charset=utf-8', body: withOrigin(sitemap, origin) };
  const page = DATOS_PAGES[pathAndQuery] ?? TRANSPARENCIA_PAGES[pathAndQuery];
  if (page) return { contentType: HTML, body: withOrigin(page, origin) };
  const archive = /^\/datos-abiertos\/archivo(?:\?pagina=(\d+))?$/.exec(pathAndQuery);
  if (archive) return { contentType: HTML, body: archivePage(Number(archive[1] ?? 1)) };
  return undefined;
}

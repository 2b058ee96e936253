/**
 * The page frame of the fake municipal site (src/demo/html-server.ts): the header, menu and
 * footer every page of a municipality's CMS repeats (the footer links the transparency law as a
 * PDF on every page, as real sites do).
 */

export interface PageParts {
  title: string;
  description?: string;
  /** JSON-LD blocks, each written into its own script as given (a string is written verbatim). */
  jsonld?: (object | string)[];
  /** The content of `<main>`. */
  main: string;
}

export const SITE_NAME = 'GAD Municipal del Cantón Villa Esperanza';

/** `{{origin}}` in page text stands for the server's address. */
export function withOrigin(text: string, origin: string): string {
  return text.replaceAll('{{origin}}', origin);
}

export function layout(parts: PageParts): string {
  const scripts = (parts.jsonld ?? [])
    .map((block) => `<script type="application/ld+json">${typeof block === 'string' ? block : JSON.stringify(block, null, 1)}</script>`)
    .join('\n');
  const description = parts.description ? `<meta name="description" content="${escapeAttr(parts.description)}">` : '';
  return `<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="utf-8">
<title>${parts.title} | ${SITE_NAME}</title>
${description}
<meta property="og:site_name" content="${SITE_NAME}">
<meta property="og:title" content="${escapeAttr(parts.title)}">
${scripts}
</head>
<body>
<header class="cabecera">
  <a href="/"><img src="/img/escudo.png" alt="Escudo de Villa Esperanza"></a>
  <nav class="menu">
    <ul>
      <li><a href="/">Inicio</a></li>
      <li><a href="/transparencia/lotaip">Transparencia</a></li>
      <li><a href="/datos-abiertos/conjuntos">Datos abiertos</a></li>
      <li><a href="/contacto">Contacto</a></li>
    </ul>
  </nav>
</header>
<main id="contenido">
${parts.main}
</main>
<footer class="pie">
  <p>Dirección: Calle Bolívar y Sucre, Villa Esperanza – Ecuador. Teléfono: (03) 272-1100.</p>
  <p><a href="/archivos/normativa/ley-organica-transparencia-acceso-informacion-publica.pdf">Ley Orgánica de Transparencia y Acceso a la Información Pública (PDF)</a></p>
</footer>
</body>
</html>
`;
}

/** A page with no dataset, such as a CMS shows for errors with HTTP 200. */
export function plainPage(title: string, text: string): string {
  return `<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`;
}

function escapeAttr(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The fake municipal site's pages without JSON-LD: monthly LOTAIP transparency pages (only file
 * links in tables, "Descargar" links, a download script, broken HTML, mojibake), the LOTAIP index
 * listing them in two pages, and the open-data listing of repeated dataset blocks in three pages
 * whose last "Siguiente" leads back to the first. `{{origin}}` is the server's address.
 */
import { layout } from './html-site-layout.js';

interface LotaipRow {
  label: string;
  href: string;
  /** The link text; default "Descargar". */
  text?: string;
}

const MONTHS = ['Enero', 'Febrero', 'Marzo', 'Abril', 'Mayo', 'Junio', 'Julio', 'Agosto', 'Septiembre', 'Octubre', 'Noviembre', 'Diciembre'];

function lotaipRows(year: number, month: number): LotaipRow[] {
  const dir = `/images/transparencia/${year}/${String(month).padStart(2, '0')}`;
  return [
    { label: 'a1) Organigrama de la institución', href: `${dir}/a1-organigrama.pdf` },
    { label: 'a2) Base legal que rige a la institución', href: `${dir}/a2-base-legal.pdf`, text: '' },
    { label: 'c) Remuneración mensual por puesto', href: `${dir}/c-remuneracion-mensual.xlsx` },
    { label: 'g) Información total sobre el presupuesto', href: `${dir}/g-cedula-presupuestaria.xlsx`, text: `Cédula presupuestaria ${MONTHS[month - 1].toLowerCase()} ${year} (XLSX)` },
    { label: 'k) Planes y programas en ejecución', href: `/descargas.php?archivo=k-planes-programas-${year}-${String(month).padStart(2, '0')}.xlsx` },
    { label: 'm) Mecanismos de rendición de cuentas', href: 'https://www.cpccs.gob.ec/rendicion-de-cuentas/', text: 'Portal del CPCCS' },
  ];
}

function lotaipPage(year: number, month: number, extra: LotaipRow[] = [], mangle = (html: string) => html): string {
  const name = `${MONTHS[month - 1]} ${year}`;
  const rows = [...lotaipRows(year, month), ...extra]
    .map((row) => {
      const text = row.text === '' ? '<img src="/img/icono-pdf.png" alt="PDF">' : (row.text ?? 'Descargar');
      return `<tr><td>${row.label}</td><td><a href="${row.href}" target="_blank">${text}</a></td></tr>`;
    })
    .join('\n');
  return layout({
    title: `LOTAIP ${name}`,
    description: `Información pública del artículo 19 de la LOTAIP correspondiente a ${name.toLowerCase()}.`,
    main: mangle(`<h1>Transparencia LOTAIP – ${name}</h1>
<p>Fecha de actualización de la información: 10/${String(month + 1).padStart(2, '0')}/${year}</p>
<table class="lotaip"><thead><tr><th>Descripción del literal</th><th>Enlace para descargar</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p>Responsable: <a href="mailto:transparencia@villaesperanza.gob.ec">Unidad de Transparencia</a> · <a href="/transparencia/lotaip">Otros meses</a></p>`),
  });
}

const AUDIT: LotaipRow = {
  label: 'h) Resultados de auditorías internas y gubernamentales',
  href: 'https://www.contraloria.gob.ec/WFDescarga.aspx?id=informe-DNA3-0045-2024.pdf',
  text: 'Informe de auditoría de la Contraloría (PDF)',
};

// February: an unclosed cell, and a label that went through a Latin-1 decoder.
const february = lotaipPage(2024, 2, [AUDIT], (html) =>
  html.replace('<td>c) Remuneración mensual por puesto</td>', '<td>c) RemuneraciÃ³n mensual por puesto').replace('</tbody></table>', '</table>'));

function lotaipIndex(links: string[], next?: string): string {
  return layout({
    title: 'Ley de Transparencia – LOTAIP',
    main: `<h1>Ley de Transparencia – LOTAIP</h1>
<table class="meses"><tbody>${links.map((link) => `<tr><td>${link}</td></tr>`).join('')}</tbody></table>
${next ? `<nav class="paginacion"><a class="siguiente" href="${next}">Siguiente »</a></nav>` : ''}`,
  });
}

interface Block {
  id?: string;
  title: string;
  summary: string;
  updated?: string;
  files: [string, string][];
}

function block(b: Block): string {
  const updated = b.updated ? `<p>Actualizado: <time class="actualizado"${/^\d{4}-/.test(b.updated) ? ` datetime="${b.updated}"` : ''}>${b.updated}</time></p>` : '';
  const files = b.files.map(([href, text]) => `<li><a href="${href}">${text}</a></li>`).join('');
  return `<article class="conjunto"${b.id ? ` id="${b.id}"` : ''}>
  <h2>${b.title}</h2>
  <div class="resumen">${b.summary}</div>
  ${updated}
  <ul class="descargas">${files}</ul>
  <p><a href="https://geoportal.villaesperanza.gob.ec/visor">Ver en el geoportal</a></p>
</article>`;
}

function listingPage(blocks: Block[], next: string): string {
  return layout({
    title: 'Datos abiertos',
    description: 'Conjuntos de datos abiertos publicados por el GAD Municipal.',
    main: `<h1>Datos abiertos</h1>\n${blocks.map(block).join('\n')}\n<nav class="paginacion"><a class="siguiente" rel="next" href="${next}">Siguiente</a></nav>`,
  });
}

const CONJUNTOS = '/datos-abiertos/conjuntos';

/** An archive whose "Siguiente" never ends: page N links to page N + 1. */
export function archivePage(n: number): string {
  return listingPage(
    [{ title: `Archivo histórico de ordenanzas, tomo ${n}`, summary: '<p>Ordenanzas digitalizadas.</p>', files: [[`/archivos/ordenanzas/tomo-${n}.pdf`, 'PDF']] }],
    `/datos-abiertos/archivo?pagina=${n + 1}`,
  );
}

/** The pages without JSON-LD, by path and query. */
export const TRANSPARENCIA_PAGES: Readonly<Record<string, string>> = {
  '/transparencia/lotaip-2023-12': lotaipPage(2023, 12),
  '/transparencia/lotaip-2024-01': lotaipPage(2024, 1),
  '/transparencia/lotaip-2024-02': february,
  '/transparencia/lotaip': lotaipIndex(
    ['<a href="/transparencia/lotaip-2024-02">Febrero 2024</a>', '<a href="{{origin}}/transparencia/lotaip-2024-01">Enero 2024</a>'],
    '/transparencia/lotaip?pagina=2',
  ),
  '/transparencia/lotaip?pagina=2': lotaipIndex(['<a href="lotaip-2023-12">Diciembre 2023</a>', '<a href="https://www.dpe.gob.ec/lotaip-2023/">Defensoría del Pueblo</a>']),
  [CONJUNTOS]: listingPage([
    {
      id: 'patentes-municipales',
      title: 'Patentes municipales 2023',
      summary: '<p>Registro de patentes municipales emitidas en 2023.</p><p>Incluye la actividad económica según la clasificación CIIU.</p>',
      updated: '2024-01-31',
      files: [['/archivos/datos/patentes-2023.csv', 'CSV'], ['/archivos/datos/patentes-2023.xlsx', 'Excel']],
    },
    {
      title: 'Permisos de construcción',
      summary: '<p>Permisos de construcción aprobados por la Dirección de Planificación.</p>',
      updated: '15 de marzo de 2024',
      files: [['/archivos/datos/permisos-construccion.json', 'JSON'], ['/archivos/datos/permisos-construccion.xml', 'XML']],
    },
  ], `${CONJUNTOS}?pagina=2`),
  [`${CONJUNTOS}?pagina=2`]: listingPage([
    {
      id: 'barrios',
      title: 'Límites de barrios urbanos',
      summary: '<p>Polígonos de los barrios urbanos aprobados por el Concejo Municipal.</p>',
      files: [['/archivos/geo/barrios.geojson', 'GeoJSON'], ['/archivos/geo/barrios.kml', 'KML'], ['/archivos/geo/barrios.shp', 'Shapefile']],
    },
    { title: 'InformaciÃ³n turÃ­stica', summary: '<p>Atractivos turísticos y establecimientos registrados.</p>', files: [['/archivos/datos/turismo.ods', 'ODS']] },
    { title: '', summary: '<p>Sin título: el bloque quedó incompleto en el gestor de contenidos.</p>', files: [['/archivos/datos/borrador.csv', 'CSV']] },
  ], `${CONJUNTOS}?pagina=3`),
  [`${CONJUNTOS}?pagina=3`]: listingPage([
    {
      title: 'Permisos de construcción',
      summary: '<p>Permisos de construcción aprobados entre 2015 y 2020 (archivo).</p>',
      files: [['/archivos/datos/permisos-construccion-2015-2020.zip', 'ZIP']],
    },
  ], CONJUNTOS),
};

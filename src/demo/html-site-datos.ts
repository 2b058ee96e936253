/**
 * The fake municipal site's open-data pages that describe their datasets in schema.org JSON-LD,
 * in the shapes CMS plugins write it: one Dataset, a Yoast-style `@graph` with references, an
 * array beside a BreadcrumbList, a DataCatalog, a WebPage's `mainEntity`; one with mojibake, one
 * with JSON-LD that does not parse, one in broken HTML. `{{origin}}` is the server's address.
 */
import { layout, plainPage, SITE_NAME } from './html-site-layout.js';

const ORG = { '@type': 'GovernmentOrganization', name: SITE_NAME, url: '{{origin}}/' };

const presupuesto = layout({
  title: 'Presupuesto participativo 2024',
  description: 'Proyectos priorizados por las asambleas parroquiales en el presupuesto participativo 2024.',
  jsonld: [{
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    '@id': '{{origin}}/datos-abiertos/presupuesto-participativo-2024#dataset',
    name: 'Presupuesto participativo 2024',
    description: 'Proyectos priorizados por las asambleas parroquiales en el presupuesto participativo 2024, con el monto asignado, la parroquia y el estado de ejecución.',
    url: '{{origin}}/datos-abiertos/presupuesto-participativo-2024',
    identifier: 'GADMVE-DA-2024-001',
    keywords: ['presupuesto participativo', 'participación ciudadana', 'obra pública'],
    license: 'https://creativecommons.org/licenses/by/4.0/',
    inLanguage: 'es',
    datePublished: '2024-02-15',
    dateModified: '2024-06-30T16:20:00-05:00',
    temporalCoverage: '2024-01-01/2024-12-31',
    spatialCoverage: 'Cantón Villa Esperanza',
    publisher: { ...ORG, contactPoint: { '@type': 'ContactPoint', contactType: 'Dirección de Planificación', email: 'planificacion@villaesperanza.gob.ec' } },
    distribution: [
      { '@type': 'DataDownload', name: 'Proyectos priorizados (CSV)', contentUrl: '{{origin}}/archivos/datos/presupuesto-participativo-2024.csv', encodingFormat: 'text/csv', contentSize: '48213' },
      { '@type': 'DataDownload', name: 'Proyectos priorizados (Excel)', contentUrl: '/archivos/datos/presupuesto-participativo-2024.xlsx', encodingFormat: 'XLSX' },
    ],
  }],
  main: `<h1>Presupuesto participativo 2024</h1>
<p>Proyectos priorizados por las asambleas parroquiales.</p>
<h2 id="descargas">Descargas</h2>
<ul><li><a href="/archivos/datos/presupuesto-participativo-2024.csv">CSV</a></li><li><a href="/archivos/datos/presupuesto-participativo-2024.xlsx">Excel</a></li></ul>`,
});

const movilidad = layout({
  title: 'Movilidad y transporte',
  jsonld: [{
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', '@id': '{{origin}}/#website', name: SITE_NAME, publisher: { '@id': '{{origin}}/#organizacion' } },
      { '@type': ['Organization', 'GovernmentOrganization'], '@id': '{{origin}}/#organizacion', name: SITE_NAME, url: '{{origin}}/', email: 'transparencia@villaesperanza.gob.ec' },
      { '@type': 'WebPage', '@id': '{{origin}}/datos-abiertos/movilidad', name: 'Movilidad y transporte', isPartOf: { '@id': '{{origin}}/#website' } },
      {
        '@type': 'Dataset',
        '@id': '{{origin}}/datos-abiertos/movilidad#paradas',
        name: 'Paradas de buses urbanos',
        description: 'Ubicación de las paradas de las líneas de buses urbanos, con el nombre de la parada y las líneas que la sirven.',
        keywords: 'transporte, buses, paradas, movilidad',
        publisher: { '@id': '{{origin}}/#organizacion' },
        license: { '@type': 'CreativeWork', name: 'Creative Commons Atribución 4.0 Internacional', url: 'https://creativecommons.org/licenses/by/4.0/deed.es' },
        dateModified: '2024-05-02',
        spatialCoverage: { '@type': 'Place', name: 'Área urbana de Villa Esperanza', geo: { '@type': 'GeoShape', box: '-1.2921 -78.6482 -1.2277 -78.5814' } },
        distribution: [
          { '@type': 'DataDownload', contentUrl: '{{origin}}/archivos/datos/paradas-buses.geojson', encodingFormat: 'application/geo+json' },
          { '@type': 'DataDownload', contentUrl: '{{origin}}/archivos/datos/paradas-buses.kml', encodingFormat: 'KML' },
        ],
      },
      {
        '@type': 'Dataset',
        '@id': '{{origin}}/datos-abiertos/movilidad#rutas',
        name: 'Rutas de transporte urbano',
        description: 'Recorridos de las cinco líneas de transporte urbano autorizadas por la Dirección de Movilidad.',
        keywords: ['transporte', 'rutas'],
        publisher: { '@id': '{{origin}}/#organizacion' },
        license: 'Creative Commons Atribución 4.0',
        dateModified: '2023-11-20',
        temporalCoverage: '2023',
        distribution: { '@type': 'DataDownload', name: 'Rutas (Shapefile)', contentUrl: '{{origin}}/archivos/datos/rutas-transporte.shp.zip', encodingFormat: 'application/zip' },
      },
    ],
  }],
  main: '<h1>Movilidad y transporte</h1><p>Datos de la Dirección de Movilidad, Tránsito y Transporte.</p>',
});

// Text that went through a Latin-1 decoder on its way into the CMS (mojibake), beside a breadcrumb.
const catastro = layout({
  title: 'Catastro predial urbano',
  jsonld: [`[
 {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
  {"@type": "ListItem", "position": 1, "name": "Inicio", "item": "{{origin}}/"},
  {"@type": "ListItem", "position": 2, "name": "Datos abiertos", "item": "{{origin}}/datos-abiertos/conjuntos"}]},
 {"@context": "https://schema.org", "@type": "Dataset",
  "name": "InformaciÃ³n catastral predial urbana",
  "description": "Predios urbanos del cantÃ³n con Ã¡rea de terreno, Ã¡rea de construcciÃ³n y avalÃºo municipal.",
  "keywords": "catastro, predios, avalÃºos",
  "creator": {"@type": "Organization", "name": "DirecciÃ³n de AvalÃºos y Catastros"},
  "license": "Licencia Abierta Ecuador",
  "datePublished": "2018-05",
  "dateModified": "mar, 10/12/2019 - 09:23",
  "temporalCoverage": "2019",
  "spatialCoverage": {"@type": "Place", "name": "Cantón Villa Esperanza"},
  "distribution": {"@type": "DataDownload", "contentUrl": "/archivos/catastro/predios-urbanos-2019.zip", "encodingFormat": "application/zip", "contentSize": "1048576"}}
]`],
  main: '<h1>Catastro predial urbano</h1>',
});

const equipamientos = layout({
  title: 'Equipamientos urbanos',
  jsonld: [{
    '@context': 'https://schema.org',
    '@type': 'DataCatalog',
    name: 'Catálogo de datos abiertos de Villa Esperanza',
    publisher: { '@type': 'GovernmentOrganization', name: SITE_NAME },
    dataset: [
      {
        '@type': 'Dataset',
        name: 'Equipamientos de salud',
        description: 'Centros y subcentros de salud del cantón, públicos y privados, con su tipología.',
        url: '{{origin}}/datos-abiertos/equipamientos',
        dateModified: '2024-03-05',
        distribution: [{ '@type': 'DataDownload', contentUrl: '{{origin}}/archivos/datos/equipamientos-salud.csv', encodingFormat: 'CSV' }],
      },
      {
        '@type': 'Dataset',
        name: 'Equipamientos educativos',
        description: 'Unidades educativas fiscales, fiscomisionales y particulares del cantón.',
        inLanguage: { '@type': 'Language', name: 'Spanish', alternateName: 'es' },
        distribution: [{ '@type': 'DataDownload', contentUrl: '{{origin}}/archivos/datos/equipamientos-educacion.ods', encodingFormat: 'application/vnd.oasis.opendocument.spreadsheet' }],
      },
    ],
  }],
  main: '<h1>Equipamientos urbanos</h1>',
});

// The plugin cut the script short: the page says it describes a Dataset but the JSON does not parse.
const calidadAgua = layout({
  title: 'Calidad del agua potable',
  jsonld: ['{"@context": "https://schema.org", "@type": "Dataset", "name": "Calidad del agua potable 2023", "description": "Resultados de los análisis de cloro residual y turbiedad", "distribution": [{"@type": "DataDownload", "contentUrl": "/archivos/datos/calidad-agua-2023.csv"'],
  main: '<h1>Calidad del agua potable</h1><p><a href="/archivos/datos/calidad-agua-2023.csv">Descargar CSV</a></p>',
});

// Broken HTML (unclosed cells, a stray </div>), a raw line break inside a JSON string, a Dataset
// that declares no distribution while the page links its files, a date written the local way.
const residuos = `<!DOCTYPE html>
<html lang="es"><head><meta charset="utf-8"><title>Recolección de residuos sólidos | ${SITE_NAME}</title>
<meta property="og:site_name" content="${SITE_NAME}">
<script type="application/ld+json">
<!--
{"@context": "https://schema.org", "@type": "WebPage", "name": "Recolección de residuos",
 "mainEntity": {"@type": "Dataset", "name": "Frecuencias y rutas de recolección de residuos sólidos",
  "description": "Horarios de recolección por barrio.
Actualizado por la Unidad de Gestión Ambiental.",
  "publisher": "Unidad de Gestión Ambiental", "dateModified": "15/04/2024"}}
-->
</script>
</head><body><div class="contenido"><main>
<h1>Recolección de residuos sólidos</h1>
<table class="tabla-datos"><tr><th>Recurso<th>Enlace
<tr><td>Frecuencias de recolección por barrio<td><a href="/archivos/ambiente/frecuencias-recoleccion.xlsx">Frecuencias de recolección (XLSX)</a>
<tr><td>Rutas de los recolectores<td><a href='/archivos/ambiente/rutas-recoleccion.csv'>Descargar</a>
<tr><td>Puntos limpios<td><a href="/archivos/ambiente/puntos-limpios.json"><img src="/img/json.png" alt="JSON"></a>
</table></div></div>
<p>Consultas: <a href="mailto:ambiente@villaesperanza.gob.ec">ambiente@villaesperanza.gob.ec</a>
</main></body></html>`;

const feria = layout({
  title: 'Feria agroproductiva 2024',
  jsonld: [{ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Feria agroproductiva 2024 en el parque central', datePublished: '2024-05-18' }],
  main: '<h1>Feria agroproductiva 2024</h1><p>Más de 80 productores de las parroquias rurales participaron en la feria.</p>',
});

/** The JSON-LD pages and the pages with no dataset, by path. */
export const DATOS_PAGES: Readonly<Record<string, string>> = {
  '/': layout({ title: 'Inicio', main: `<h1>Bienvenidos al ${SITE_NAME}</h1><p>Servicios en línea, transparencia y datos abiertos.</p>` }),
  '/contacto': layout({ title: 'Contacto', main: '<h1>Contacto</h1><p>Atención ciudadana de lunes a viernes, de 08:00 a 17:00.</p>' }),
  '/noticias/feria-agroproductiva-2024': feria,
  '/datos-abiertos/presupuesto-participativo-2024': presupuesto,
  '/datos-abiertos/movilidad': movilidad,
  '/datos-abiertos/catastro': catastro,
  '/datos-abiertos/equipamientos': equipamientos,
  '/datos-abiertos/calidad-del-agua': calidadAgua,
  '/datos-abiertos/recoleccion-de-residuos': residuos,
  // A page removed from the CMS, still in the sitemap: the CMS answers its "not found" page with 200.
  '/datos-abiertos/retirado': plainPage('Página no encontrada', 'La página que busca no existe o fue retirada.'),
};

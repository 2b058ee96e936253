/** The texts of the explanation codes of F1–F4 and A1–A3: findability and accessibility (explanation-texts.ts says how they are written). */
import type { CodeText } from '../explanation-texts.js';

export const FINDABILITY_ACCESSIBILITY: Readonly<Record<string, CodeText>> = {
  // F1–F4: findability
  keywords_present: { explanation: { es: 'Tiene al menos una palabra clave (etiqueta).', en: 'Has at least one keyword (tag).' } },
  keywords_missing: {
    explanation: { es: 'No tiene palabras clave (etiquetas).', en: 'Has no keywords (tags).' },
    recommendation: {
      es: 'Agregue palabras clave (en DCAT, `dcat:keyword`) con las palabras que usaría alguien para buscar estos datos: sin ellas el conjunto no aparece en las búsquedas.',
      en: 'Add keywords (in DCAT, `dcat:keyword`) with the words someone would use to look for these data: without them the dataset does not show up in searches.',
    },
    field: 'keyword',
  },
  themes_present: { explanation: { es: 'Está clasificado en al menos un tema o categoría.', en: 'Is classified under at least one theme or category.' } },
  themes_missing: {
    explanation: { es: 'No está clasificado en ningún tema o categoría.', en: 'Is not classified under any theme or category.' },
    recommendation: {
      es: 'Clasifique el conjunto en uno o más temas (en DCAT, `dcat:theme`): usuarios y portales nacionales recorren los datos por tema.',
      en: 'Classify the dataset under one or more themes (in DCAT, `dcat:theme`): users and national portals browse data by theme.',
    },
    field: 'theme',
  },
  spatial_present: { explanation: { es: 'Declara el territorio que cubren los datos.', en: 'States the area the data cover.' } },
  spatial_missing: {
    explanation: { es: 'No declara qué territorio cubren los datos.', en: 'Does not state which area the data cover.' },
    recommendation: {
      es: 'Indique el territorio que cubren los datos, sea un país, una provincia, un municipio o un polígono GeoJSON (en DCAT, `dct:spatial`): así lo encuentran las búsquedas por lugar.',
      en: 'State the area the data cover, be it a country, province, municipality or GeoJSON polygon (in DCAT, `dct:spatial`): that is how searches by place find it.',
    },
    field: 'spatial',
  },
  temporal_present: { explanation: { es: 'Declara el período que cubren los datos.', en: 'States the period the data cover.' } },
  temporal_missing: {
    explanation: { es: 'No declara qué período cubren los datos.', en: 'Does not state which period the data cover.' },
    recommendation: {
      es: 'Indique el inicio y el fin del período que cubren los datos (en DCAT, `dct:temporal`): sin ellos nadie puede filtrar por año.',
      en: 'Give the start and end of the period the data cover (in DCAT, `dct:temporal`): without them nobody can filter by year.',
    },
    field: 'temporal',
  },

  // A1–A3: accessibility
  access_url_reachable: { explanation: { es: 'La URL de acceso del recurso respondió bien en la última revisión.', en: 'The access URL of the resource answered successfully at the last check.' } },
  access_url_missing: {
    explanation: { es: 'El recurso no tiene URL de acceso.', en: 'The resource has no access URL.' },
    recommendation: {
      es: 'Complete la URL de acceso de cada recurso (en DCAT, `dcat:accessURL`): un recurso sin dirección no lleva a ningún dato.',
      en: 'Fill in the access URL of every resource (in DCAT, `dcat:accessURL`): a resource without an address leads to no data.',
    },
    field: 'accessUrl',
  },
  download_url_given: { explanation: { es: 'El recurso tiene un enlace de descarga directa del archivo.', en: 'The resource has a direct download link to the file.' } },
  download_url_missing: {
    explanation: { es: 'El recurso no tiene enlace de descarga directa: apunta a una página, no al archivo.', en: 'The resource has no direct download link: it points to a page, not to the file.' },
    recommendation: {
      es: 'Dé al recurso el enlace directo al archivo, terminado en .csv, .json…, y no a una página (en DCAT, `dcat:downloadURL`): así se descarga sin pasos manuales y se puede automatizar.',
      en: 'Give the resource the direct link to the file, ending in .csv, .json…, not a page (in DCAT, `dcat:downloadURL`): then it downloads without manual steps and can be automated.',
    },
    field: 'downloadUrl',
  },
  download_url_reachable: { explanation: { es: 'La URL de descarga respondió bien en la última revisión.', en: 'The download URL answered successfully at the last check.' } },
  no_download_url_to_check: {
    explanation: { es: 'No hay URL de descarga que revisar.', en: 'There is no download URL to check.' },
    recommendation: {
      es: 'Dé al recurso un enlace directo al archivo (en DCAT, `dcat:downloadURL`): sin URL de descarga tampoco se puede comprobar que la descarga funcione.',
      en: 'Give the resource a direct link to the file (in DCAT, `dcat:downloadURL`): without a download URL there is no download to check either.',
    },
    field: 'downloadUrl',
  },
  link_not_checked: {
    explanation: { es: 'El enlace todavía no fue revisado: vale 0 puntos hasta que se revise.', en: 'The link has not been checked yet: it scores 0 until it is.' },
    recommendation: {
      es: 'No hace falta hacer nada todavía: el enlace se revisará en la próxima ronda y, si responde, el conjunto recupera estos puntos.',
      en: 'Nothing to do yet: the link will be checked in the next round and, if it answers, the dataset gets these points back.',
    },
  },
  link_unknown: {
    explanation: { es: 'La revisión del enlace no fue concluyente (límite de solicitudes, captcha o tiempo de espera agotado).', en: 'The link check was inconclusive (rate limit, captcha or timeout).' },
    recommendation: {
      es: 'Permita que programas automáticos lleguen al servidor de archivos, sin captcha ni bloqueo del firewall, y que responda en menos de 10 segundos: si una revisión no llega al archivo, tampoco llegan las aplicaciones que usan los datos.',
      en: 'Let automated clients reach the file server, with no captcha or firewall block, and have it answer within 10 seconds: if a check cannot reach the file, neither can the applications that use the data.',
    },
  },
  link_broken: {
    explanation: { es: 'El enlace no funciona: la dirección no es válida o falló en revisiones repetidas.', en: 'The link does not work: the address is invalid or it failed repeated checks.' },
    recommendation: {
      es: 'Corrija la URL del recurso o vuelva a subir el archivo: quien sigue el enlace hoy no llega a los datos.',
      en: 'Fix the resource URL or upload the file again: anyone following the link today does not reach the data.',
    },
  },
  link_refused: {
    explanation: { es: 'El enlace apunta a una dirección privada o interna, que no se consulta.', en: 'The link points to a private or internal address, which is not fetched.' },
    recommendation: {
      es: 'Publique el archivo en una dirección pública, no en `localhost` ni en una IP interna (10.x, 192.168.x): fuera de la red de la institución nadie puede abrirlo.',
      en: 'Publish the file at a public address, not `localhost` or an internal IP (10.x, 192.168.x): nobody outside the institution can open it.',
    },
  },
};

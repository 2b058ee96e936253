/** The texts of the explanation codes of I1–I6 and R1–R6: interoperability and reusability (explanation-texts.ts says how they are written). */
import type { CodeText } from '../explanation-texts.js';

export const INTEROPERABILITY_REUSABILITY: Readonly<Record<string, CodeText>> = {
  // I1–I6: interoperability
  format_given: { explanation: { es: 'El recurso declara su formato.', en: 'The resource states its format.' } },
  format_missing: {
    explanation: { es: 'El recurso no declara su formato.', en: 'The resource does not state its format.' },
    recommendation: {
      es: 'Declare el formato del recurso, como CSV, JSON o XLSX (en DCAT, `dct:format`): el formato le dice al usuario con qué programa abrir el archivo.',
      en: 'State the resource format, such as CSV, JSON or XLSX (in DCAT, `dct:format`): the format tells users which program opens the file.',
    },
    field: 'format',
  },
  media_type_given: { explanation: { es: 'El recurso declara su tipo de medio (MIME).', en: 'The resource states its media type (MIME).' } },
  media_type_missing: {
    explanation: { es: 'El recurso no declara su tipo de medio (MIME).', en: 'The resource does not state its media type (MIME).' },
    recommendation: {
      es: 'Declare el tipo de medio del recurso, como `text/csv` (en DCAT, `dcat:mediaType`), o un formato conocido: los programas usan el tipo de medio para saber cómo leer el archivo.',
      en: 'State the resource media type, such as `text/csv` (in DCAT, `dcat:mediaType`), or a known format: programs use the media type to know how to read the file.',
    },
    field: 'mediaType',
  },
  format_and_media_type_in_vocabularies: {
    explanation: { es: 'El formato y el tipo de medio usan nombres estándar (tipos de archivo de la UE e IANA).', en: 'The format and media type use standard names (EU file types and IANA).' },
  },
  format_not_in_vocabulary: {
    explanation: { es: 'El formato declarado no es un tipo de archivo estándar.', en: 'The declared format is not a standard file type.' },
    recommendation: {
      es: 'Escriba el formato con su nombre estándar (`CSV`, `XLSX`, `JSON`, `SHP`) y no con palabras como «Base de datos» o «Archivo»: catálogos y buscadores solo reconocen los nombres estándar.',
      en: 'Write the format as its standard name (`CSV`, `XLSX`, `JSON`, `SHP`), not words such as "Database" or "File": catalogues and search engines only recognize standard names.',
    },
  },
  media_type_not_in_vocabulary: {
    explanation: { es: 'El tipo de medio no es un tipo registrado en IANA.', en: 'The media type is not a type registered with IANA.' },
    recommendation: {
      es: 'Escriba como tipo de medio (en DCAT, `dcat:mediaType`) un tipo registrado en IANA, como `text/csv` o `application/json`: un valor como «csv» o «Excel» no lo reconoce ningún programa.',
      en: 'Give as media type (in DCAT, `dcat:mediaType`) a type registered with IANA, such as `text/csv` or `application/json`: no program recognizes a value like "csv" or "Excel".',
    },
    field: 'mediaType',
  },
  format_non_proprietary: { explanation: { es: 'El recurso está en un formato abierto, no propietario.', en: 'The resource is in an open, non-proprietary format.' } },
  format_proprietary: {
    explanation: { es: 'El recurso está en un formato propietario o cerrado (como XLS, XLSX, DOC o PDF).', en: 'The resource is in a proprietary or closed format (such as XLS, XLSX, DOC or PDF).' },
    recommendation: {
      es: 'Publique también una versión en formato abierto, como CSV o JSON (GeoJSON para datos geográficos): cualquiera puede abrirla sin comprar un programa.',
      en: 'Also publish a version in an open format such as CSV or JSON (GeoJSON for geographic data): anyone can open it without buying software.',
    },
  },
  format_openness_unknown: {
    explanation: { es: 'El formato no se reconoce, así que no se sabe si es abierto.', en: 'The format is not recognized, so whether it is open is unknown.' },
    recommendation: {
      es: 'Declare el formato con su nombre estándar (`CSV`, `JSON`, `ODS`…): sin un formato reconocido no se puede confirmar que sea abierto.',
      en: 'State the format by its standard name (`CSV`, `JSON`, `ODS`…): without a recognized format nobody can confirm it is open.',
    },
  },
  format_machine_readable: { explanation: { es: 'El recurso está en un formato legible por máquinas (CSV, JSON, XLSX…).', en: 'The resource is in a machine-readable format (CSV, JSON, XLSX…).' } },
  format_not_machine_readable: {
    explanation: { es: 'El recurso no está en un formato legible por máquinas (por ejemplo, PDF, imagen o página web).', en: 'The resource is not in a machine-readable format (a PDF, an image or a web page, say).' },
    recommendation: {
      es: 'Publique los datos como tabla en CSV, XLSX u ODS, o como JSON: de un PDF hay que copiarlos a mano, con errores.',
      en: 'Publish the data as a table in CSV, XLSX or ODS, or as JSON: from a PDF they must be copied by hand, with errors.',
    },
  },
  format_machine_readability_unknown: {
    explanation: { es: 'El formato no se reconoce, así que no se sabe si es legible por máquinas.', en: 'The format is not recognized, so whether machines can read it is unknown.' },
    recommendation: {
      es: 'Declare el formato del recurso con un nombre estándar (en DCAT, `dct:format`): sin él no se puede confirmar que los datos se puedan procesar automáticamente.',
      en: 'State the resource format by a standard name (in DCAT, `dct:format`): without it nobody can confirm the data can be processed automatically.',
    },
    field: 'format',
  },
  dcat_ap_conformant: { explanation: { es: 'Los metadatos cumplen las reglas obligatorias de DCAT-AP 3.', en: 'The metadata meet the mandatory DCAT-AP 3 rules.' } },
  dcat_ap_violation: {
    explanation: { es: 'Los metadatos incumplen al menos una regla obligatoria de DCAT-AP 3 (por ejemplo, falta la descripción o una URL no es válida).', en: 'The metadata break at least one mandatory DCAT-AP 3 rule (a missing description or an invalid URL, say).' },
    recommendation: {
      es: 'Corrija los errores de la validación DCAT-AP (descripción presente, URL completas con https://, fechas válidas, tamaño en bytes entero): los catálogos que cosechan en DCAT-AP descartan o leen mal los registros que no cumplen.',
      en: 'Fix the DCAT-AP validation errors (a description, full URLs with https://, valid dates, whole byte sizes): catalogues that harvest DCAT-AP drop or misread records that break the rules.',
    },
  },

  // R1–R6: reusability
  license_given: { explanation: { es: 'Declara una licencia.', en: 'Declares a licence.' } },
  license_missing: {
    explanation: { es: 'Ni el conjunto ni el recurso declaran una licencia.', en: 'Neither the dataset nor the resource declares a licence.' },
    recommendation: {
      es: 'Declare una licencia como Creative Commons Atribución 4.0 (en DCAT, `dct:license`): sin ella nadie puede reutilizar los datos.',
      en: 'Declare a licence such as Creative Commons Attribution 4.0 (in DCAT, `dct:license`): without one nobody may reuse the data.',
    },
    field: 'license',
  },
  license_known: { explanation: { es: 'La licencia es una licencia conocida.', en: 'The licence is a known licence.' } },
  license_not_recognized: {
    explanation: { es: 'No hay una licencia conocida: falta, o es un texto propio o genérico como «Otra (abierta)».', en: 'There is no known licence: it is missing, or home-made or generic wording such as "Other (Open)".' },
    recommendation: {
      es: 'Elija una licencia estándar como CC BY 4.0, CC0 u ODbL (en DCAT, `dct:license`) en lugar de un texto propio o «Otra»: una licencia conocida se entiende sin consultar a un abogado.',
      en: 'Choose a standard licence such as CC BY 4.0, CC0 or ODbL (in DCAT, `dct:license`) instead of your own wording or "Other": a known licence is understood without asking a lawyer.',
    },
    field: 'license',
  },
  access_rights_given: { explanation: { es: 'Declara los derechos de acceso (público, restringido o no público).', en: 'States the access rights (public, restricted or non-public).' } },
  access_rights_missing: {
    explanation: { es: 'No declara si el acceso es público, restringido o no público.', en: 'Does not state whether access is public, restricted or non-public.' },
    recommendation: {
      es: 'Declare si el acceso es «público», «restringido» o «no público» (en DCAT, `dct:accessRights`): le dice al usuario si puede obtener los datos sin trámites.',
      en: 'State whether access is "public", "restricted" or "non-public" (in DCAT, `dct:accessRights`): it tells users whether they can get the data without paperwork.',
    },
    field: 'accessRights',
  },
  access_rights_in_vocabulary: { explanation: { es: 'Los derechos de acceso usan el vocabulario de la UE (PUBLIC, RESTRICTED, NON_PUBLIC).', en: 'The access rights use the EU vocabulary (PUBLIC, RESTRICTED, NON_PUBLIC).' } },
  access_rights_not_in_vocabulary: {
    explanation: { es: 'Los derechos de acceso no dicen claramente si el acceso es público, restringido o no público.', en: 'The access rights do not say clearly whether access is public, restricted or non-public.' },
    recommendation: {
      es: 'Use para los derechos de acceso (en DCAT, `dct:accessRights`) solo «público», «restringido» o «no público»: los catálogos no saben interpretar un texto libre.',
      en: 'Use only "public", "restricted" or "non-public" for the access rights (in DCAT, `dct:accessRights`): catalogues cannot interpret free text.',
    },
    field: 'accessRights',
  },
  contact_point_given: { explanation: { es: 'Declara un punto de contacto.', en: 'Names a contact point.' } },
  contact_point_missing: {
    explanation: { es: 'No declara a quién contactar por estos datos.', en: 'Does not say whom to contact about these data.' },
    recommendation: {
      es: 'Declare un punto de contacto con un área y un correo institucional (en DCAT, `dcat:contactPoint`): los usuarios necesitan a quién consultar o avisar de errores.',
      en: 'Give a contact point with a unit and an institutional e-mail (in DCAT, `dcat:contactPoint`): users need someone to ask or to report errors to.',
    },
    field: 'contact',
  },
  publisher_given: { explanation: { es: 'Declara la institución que publica los datos.', en: 'Names the institution that publishes the data.' } },
  publisher_missing: {
    explanation: { es: 'No declara qué institución publica los datos.', en: 'Does not name the institution that publishes the data.' },
    recommendation: {
      es: 'Declare a su institución como publicadora del conjunto (en DCAT, `dct:publisher`): el publicador es lo que da respaldo oficial a los datos.',
      en: 'Name your institution as the publisher of the dataset (in DCAT, `dct:publisher`): the publisher is what makes the data official.',
    },
    field: 'publisher',
  },
};

/**
 * What every explanation code of the indicator table means, and for every code of lost points
 * what to do about it and why (QUALITY.md "Explanations and recommendations"). Data only: the
 * functions that read it are in explanations.ts.
 *
 * Written for the staff who publish data on CKAN and similar portals: one line each, neutral
 * Latin American Spanish first, naming the CKAN field where that tells them where to click.
 * Distribution indicators score the best resource (QUALITY.md), so their texts speak of "the
 * resource": the one the score counts. The `link_*` codes serve A1 and A3 alike, so they speak
 * of "the link" without saying which. Recommendations read "what to do: why".
 */

export interface Bilingual {
  es: string;
  en: string;
}

export interface CodeText {
  /** One line saying what the result means. */
  explanation: Bilingual;
  /** Only for codes returned when points were lost: what to do, and why it matters. */
  recommendation?: Bilingual;
}

export const CODE_TEXTS: Readonly<Record<string, CodeText>> = {
  // F1–F4: findability
  keywords_present: { explanation: { es: 'Tiene al menos una palabra clave (etiqueta).', en: 'Has at least one keyword (tag).' } },
  keywords_missing: {
    explanation: { es: 'No tiene palabras clave (etiquetas).', en: 'Has no keywords (tags).' },
    recommendation: {
      es: 'Agregue etiquetas (`tags` en CKAN) con las palabras que usaría alguien para buscar estos datos: sin ellas el conjunto no aparece en las búsquedas.',
      en: 'Add tags (CKAN `tags`) with the words someone would use to look for these data: without them the dataset does not show up in searches.',
    },
  },
  themes_present: { explanation: { es: 'Está clasificado en al menos un tema o categoría.', en: 'Is classified under at least one theme or category.' } },
  themes_missing: {
    explanation: { es: 'No está clasificado en ningún tema o categoría.', en: 'Is not classified under any theme or category.' },
    recommendation: {
      es: 'Incluya el conjunto en uno o más grupos de CKAN (o declare su tema en el campo `theme`): usuarios y portales nacionales recorren los datos por tema.',
      en: 'Add the dataset to one or more CKAN groups (or state its `theme`): users and national portals browse data by theme.',
    },
  },
  spatial_present: { explanation: { es: 'Declara el territorio que cubren los datos.', en: 'States the area the data cover.' } },
  spatial_missing: {
    explanation: { es: 'No declara qué territorio cubren los datos.', en: 'Does not state which area the data cover.' },
    recommendation: {
      es: 'Indique el territorio que cubren los datos (país, provincia, municipio o un polígono GeoJSON) en el campo `spatial`: así lo encuentran las búsquedas por lugar.',
      en: 'State the area the data cover (country, province, municipality or a GeoJSON polygon) in the `spatial` field: that is how searches by place find it.',
    },
  },
  temporal_present: { explanation: { es: 'Declara el período que cubren los datos.', en: 'States the period the data cover.' } },
  temporal_missing: {
    explanation: { es: 'No declara qué período cubren los datos.', en: 'Does not state which period the data cover.' },
    recommendation: {
      es: 'Indique el inicio y el fin del período que cubren los datos (campos `temporal_start` y `temporal_end`): sin ellos nadie puede filtrar por año.',
      en: 'Give the start and end of the period the data cover (`temporal_start` and `temporal_end` fields): without them nobody can filter by year.',
    },
  },

  // A1–A3: accessibility
  access_url_reachable: { explanation: { es: 'La URL de acceso del recurso respondió bien en la última revisión.', en: 'The access URL of the resource answered successfully at the last check.' } },
  access_url_missing: {
    explanation: { es: 'El recurso no tiene URL de acceso.', en: 'The resource has no access URL.' },
    recommendation: {
      es: 'Complete la URL de cada recurso (el campo `url` del recurso en CKAN): un recurso sin dirección no lleva a ningún dato.',
      en: 'Fill in every resource URL (the resource `url` field in CKAN): a resource without an address leads to no data.',
    },
  },
  download_url_given: { explanation: { es: 'El recurso tiene un enlace de descarga directa del archivo.', en: 'The resource has a direct download link to the file.' } },
  download_url_missing: {
    explanation: { es: 'El recurso no tiene enlace de descarga directa: apunta a una página, no al archivo.', en: 'The resource has no direct download link: it points to a page, not to the file.' },
    recommendation: {
      es: 'Suba el archivo a CKAN o ponga en el `url` del recurso el enlace directo al archivo (terminado en .csv, .json…), no a una página: así se descarga sin pasos manuales y se puede automatizar.',
      en: 'Upload the file to CKAN or put the direct link to the file (ending in .csv, .json…) in the resource `url`, not a page: then it downloads without manual steps and can be automated.',
    },
  },
  download_url_reachable: { explanation: { es: 'La URL de descarga respondió bien en la última revisión.', en: 'The download URL answered successfully at the last check.' } },
  no_download_url_to_check: {
    explanation: { es: 'No hay URL de descarga que revisar.', en: 'There is no download URL to check.' },
    recommendation: {
      es: 'Dé al recurso un enlace directo al archivo: sin URL de descarga tampoco se puede comprobar que la descarga funcione.',
      en: 'Give the resource a direct link to the file: without a download URL there is no download to check either.',
    },
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

  // I1–I6: interoperability
  format_given: { explanation: { es: 'El recurso declara su formato.', en: 'The resource states its format.' } },
  format_missing: {
    explanation: { es: 'El recurso no declara su formato.', en: 'The resource does not state its format.' },
    recommendation: {
      es: 'Complete el campo `format` del recurso (CSV, JSON, XLSX…): el formato le dice al usuario con qué programa abrir el archivo.',
      en: 'Fill in the resource `format` field (CSV, JSON, XLSX…): the format tells users which program opens the file.',
    },
  },
  media_type_given: { explanation: { es: 'El recurso declara su tipo de medio (MIME).', en: 'The resource states its media type (MIME).' } },
  media_type_missing: {
    explanation: { es: 'El recurso no declara su tipo de medio (MIME).', en: 'The resource does not state its media type (MIME).' },
    recommendation: {
      es: 'Complete el campo `mimetype` del recurso (por ejemplo `text/csv`) o declare un formato conocido: los programas usan el tipo de medio para saber cómo leer el archivo.',
      en: 'Fill in the resource `mimetype` field (`text/csv`, say) or state a known format: programs use the media type to know how to read the file.',
    },
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
      es: 'Escriba en `mimetype` un tipo registrado en IANA, como `text/csv` o `application/json`: un valor como «csv» o «Excel» no lo reconoce ningún programa.',
      en: 'Put a type registered with IANA in `mimetype`, such as `text/csv` or `application/json`: no program recognizes a value like "csv" or "Excel".',
    },
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
      es: 'Complete el campo `format` del recurso con un nombre estándar: sin él no se puede confirmar que los datos se puedan procesar automáticamente.',
      en: 'Fill in the resource `format` field with a standard name: without it nobody can confirm the data can be processed automatically.',
    },
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
      es: 'Declare una licencia en el campo `license_id` (por ejemplo, Creative Commons Atribución 4.0): sin ella nadie puede reutilizar los datos.',
      en: 'Declare a licence in the `license_id` field (Creative Commons Attribution 4.0, say): without one nobody may reuse the data.',
    },
  },
  license_known: { explanation: { es: 'La licencia es una licencia conocida.', en: 'The licence is a known licence.' } },
  license_not_recognized: {
    explanation: { es: 'No hay una licencia conocida: falta, o es un texto propio o genérico como «Otra (abierta)».', en: 'There is no known licence: it is missing, or home-made or generic wording such as "Other (Open)".' },
    recommendation: {
      es: 'Elija una licencia estándar de la lista de CKAN (CC BY 4.0, CC0, ODbL) en lugar de un texto propio o «Otra»: una licencia conocida se entiende sin consultar a un abogado.',
      en: 'Choose a standard licence from the CKAN list (CC BY 4.0, CC0, ODbL) instead of your own wording or "Other": a known licence is understood without asking a lawyer.',
    },
  },
  access_rights_given: { explanation: { es: 'Declara los derechos de acceso (público, restringido o no público).', en: 'States the access rights (public, restricted or non-public).' } },
  access_rights_missing: {
    explanation: { es: 'No declara si el acceso es público, restringido o no público.', en: 'Does not state whether access is public, restricted or non-public.' },
    recommendation: {
      es: 'Agregue el campo `access_rights` con el valor «público», «restringido» o «no público»: le dice al usuario si puede obtener los datos sin trámites.',
      en: 'Add an `access_rights` field with "public", "restricted" or "non-public": it tells users whether they can get the data without paperwork.',
    },
  },
  access_rights_in_vocabulary: { explanation: { es: 'Los derechos de acceso usan el vocabulario de la UE (PUBLIC, RESTRICTED, NON_PUBLIC).', en: 'The access rights use the EU vocabulary (PUBLIC, RESTRICTED, NON_PUBLIC).' } },
  access_rights_not_in_vocabulary: {
    explanation: { es: 'Los derechos de acceso no dicen claramente si el acceso es público, restringido o no público.', en: 'The access rights do not say clearly whether access is public, restricted or non-public.' },
    recommendation: {
      es: 'Use en `access_rights` solo «público», «restringido» o «no público»: los catálogos no saben interpretar un texto libre.',
      en: 'Use only "public", "restricted" or "non-public" in `access_rights`: catalogues cannot interpret free text.',
    },
  },
  contact_point_given: { explanation: { es: 'Declara un punto de contacto.', en: 'Names a contact point.' } },
  contact_point_missing: {
    explanation: { es: 'No declara a quién contactar por estos datos.', en: 'Does not say whom to contact about these data.' },
    recommendation: {
      es: 'Complete el mantenedor (`maintainer` y `maintainer_email`) con un área y un correo institucional: los usuarios necesitan a quién consultar o avisar de errores.',
      en: 'Fill in the maintainer (`maintainer` and `maintainer_email`) with a unit and an institutional e-mail: users need someone to ask or to report errors to.',
    },
  },
  publisher_given: { explanation: { es: 'Declara la institución que publica los datos.', en: 'Names the institution that publishes the data.' } },
  publisher_missing: {
    explanation: { es: 'No declara qué institución publica los datos.', en: 'Does not name the institution that publishes the data.' },
    recommendation: {
      es: 'Publique el conjunto dentro de la organización de CKAN de su institución: el publicador es lo que da respaldo oficial a los datos.',
      en: 'Publish the dataset under the CKAN organization of your institution: the publisher is what makes the data official.',
    },
  },

  // C1–C4: contextuality
  rights_given: { explanation: { es: 'El recurso incluye una declaración de derechos de uso.', en: 'The resource includes a rights statement.' } },
  rights_missing: {
    explanation: { es: 'El recurso no incluye una declaración de derechos de uso.', en: 'The resource includes no rights statement.' },
    recommendation: {
      es: 'Agregue al recurso una frase sobre derechos de uso (campo `rights`), por ejemplo «Uso libre citando la fuente»: aclara lo que la licencia no dice, como la forma de citar.',
      en: 'Add a rights statement to the resource (`rights` field), e.g. "Free to use, citing the source": it settles what the licence leaves open, such as how to cite.',
    },
  },
  byte_size_given: { explanation: { es: 'El recurso declara el tamaño del archivo.', en: 'The resource states the file size.' } },
  byte_size_missing: {
    explanation: { es: 'El recurso no declara el tamaño del archivo.', en: 'The resource does not state the file size.' },
    recommendation: {
      es: 'Indique el tamaño en bytes en el campo `size` del recurso (CKAN lo completa automáticamente cuando el archivo se sube al portal): el usuario sabe antes de descargar si son kilobytes o gigabytes.',
      en: 'Give the size in bytes in the resource `size` field (CKAN fills it in by itself when the file is uploaded to the portal): users know before downloading whether it is kilobytes or gigabytes.',
    },
  },
  byte_size_invalid: {
    explanation: { es: 'El tamaño declarado del archivo no es un número válido.', en: 'The declared file size is not a valid number.' },
    recommendation: {
      es: 'Escriba el tamaño como un número entero de bytes, sin unidades (por ejemplo `48213`, no «48 KB»): así lo pueden leer los programas.',
      en: 'Write the size as a whole number of bytes, without units (`48213`, not "48 KB"): then programs can read it.',
    },
  },
  issued_given: { explanation: { es: 'Declara la fecha de publicación.', en: 'States the date of issue.' } },
  issued_missing: {
    explanation: { es: 'No declara la fecha de publicación.', en: 'Does not state the date of issue.' },
    recommendation: {
      es: 'Indique cuándo se publicaron los datos (campo `issued` del conjunto o fecha de creación del recurso): ubica en el tiempo la versión que se está usando.',
      en: 'State when the data were published (dataset `issued` field or the resource creation date): it places the version in use in time.',
    },
  },
  modified_given: { explanation: { es: 'Declara la fecha de la última modificación.', en: 'States the date of last modification.' } },
  modified_missing: {
    explanation: { es: 'No declara la fecha de la última modificación.', en: 'Does not state the date of last modification.' },
    recommendation: {
      es: 'Indique la fecha de la última actualización (campo `modified` del conjunto o `last_modified` del recurso): así el usuario sabe si los datos están vigentes.',
      en: 'State the date of the last update (dataset `modified` or resource `last_modified` field): that is how users know whether the data are current.',
    },
  },

  // T1–T3: timeliness
  frequency_declared: { explanation: { es: 'Declara una frecuencia de actualización reconocida.', en: 'Declares a recognized update frequency.' } },
  frequency_unknown: {
    explanation: { es: 'La frecuencia de actualización declarada no se reconoce o es «desconocida».', en: 'The declared update frequency is not recognized or is "unknown".' },
    recommendation: {
      es: 'Use un valor conocido en el campo `frequency` (Diaria, Semanal, Mensual, Trimestral, Semestral, Anual o Eventual): con una frecuencia reconocida se puede comprobar si el conjunto está al día.',
      en: 'Use a known value in the `frequency` field (Daily, Weekly, Monthly, Quarterly, Semi-annual, Annual or As needed): with a recognized frequency anyone can check that the dataset is up to date.',
    },
  },
  frequency_missing: {
    explanation: { es: 'No declara cada cuánto se actualizan los datos.', en: 'Does not say how often the data are updated.' },
    recommendation: {
      es: 'Agregue el campo `frequency` (por ejemplo «Mensual», «Anual», o «Eventual» si no hay calendario): le promete al usuario cuándo habrá datos nuevos.',
      en: 'Add a `frequency` field ("Monthly", "Annual", or "As needed" when there is no schedule): it tells users when to expect new data.',
    },
  },
  freshness_up_to_date: { explanation: { es: 'Está al día con la frecuencia de actualización que promete.', en: 'Is up to date with the update frequency it promises.' } },
  freshness_no_promise: {
    explanation: { es: 'No promete una frecuencia fija (eventual o irregular), así que no puede estar atrasado.', en: 'Promises no fixed frequency (as needed or irregular), so it cannot be late.' },
  },
  freshness_late: {
    explanation: { es: 'Está atrasado respecto de la frecuencia de actualización que promete.', en: 'Is behind the update frequency it promises.' },
    recommendation: {
      es: 'Publique los datos pendientes y actualice la fecha de modificación, o corrija la frecuencia si cambió: quien confía en el calendario prometido está usando datos viejos.',
      en: 'Publish the pending data and update the modification date, or correct the frequency if it changed: whoever relies on the promised schedule is using old data.',
    },
  },
  freshness_stale: {
    explanation: { es: 'Está muy atrasado: pasaron varios períodos sin la actualización prometida.', en: 'Is far behind: several periods passed without the promised update.' },
    recommendation: {
      es: 'Actualice los datos o, si ya no se actualizarán, cambie la frecuencia a «No planificado»: una promesa incumplida resta confianza a todo el portal.',
      en: 'Update the data or, if they will no longer be updated, change the frequency to "Not planned": a broken promise costs the whole portal trust.',
    },
  },
  freshness_no_date: {
    explanation: { es: 'Promete una frecuencia, pero sin fecha de modificación no se puede saber si está al día.', en: 'Promises a frequency, but without a modification date nobody can tell whether it is up to date.' },
    recommendation: {
      es: 'Declare la fecha de la última actualización (`modified` del conjunto o `last_modified` del recurso): sin ella la frecuencia prometida no se puede comprobar.',
      en: 'State the date of the last update (dataset `modified` or resource `last_modified`): without it the promised frequency cannot be checked.',
    },
  },
  freshness_unknown: {
    explanation: { es: 'Sin una frecuencia reconocida, la actualidad solo se estima por la antigüedad: como máximo, la mitad de los puntos.', en: 'Without a recognized frequency, freshness is judged by age alone: at most half the points.' },
    recommendation: {
      es: 'Declare la frecuencia de actualización en el campo `frequency`: solo así se puede saber si los datos están al día.',
      en: 'Declare the update frequency in the `frequency` field: only then can anyone tell whether the data are up to date.',
    },
  },
  age_recent: { explanation: { es: 'Se actualizó en los últimos dos años.', en: 'Was updated within the last two years.' } },
  age_old: {
    explanation: { es: 'No se actualiza desde hace más de dos años.', en: 'Has not been updated for more than two years.' },
    recommendation: {
      es: 'Actualice los datos, o diga en la descripción que son históricos y no cambiarán: un conjunto sin cambios por más de dos años parece abandonado.',
      en: 'Update the data, or say in the description that they are historical and will not change: a dataset unchanged for over two years looks abandoned.',
    },
  },
  age_abandoned: {
    explanation: { es: 'No se actualiza desde hace tres años o más: parece abandonado.', en: 'Has not been updated for three years or more: it looks abandoned.' },
    recommendation: {
      es: 'Actualice los datos o, si ya no se mantienen, dígalo en la descripción: un conjunto abandonado sin aviso lleva a usar datos vencidos.',
      en: 'Update the data or, if they are no longer maintained, say so in the description: an abandoned dataset without a warning leads people to use outdated data.',
    },
  },
  age_no_date: {
    explanation: { es: 'No tiene fecha de modificación, así que su antigüedad no se puede medir.', en: 'Has no modification date, so its age cannot be measured.' },
    recommendation: {
      es: 'Declare la fecha de la última actualización: sin ella no se puede mostrar que el conjunto sigue vigente.',
      en: 'State the date of the last update: without it nothing shows that the dataset is still current.',
    },
  },

  // Q1–Q4: value
  description_informative: { explanation: { es: 'Tiene una descripción de más de 100 caracteres, distinta del título.', en: 'Has a description longer than 100 characters that differs from the title.' } },
  description_missing: {
    explanation: { es: 'No tiene descripción.', en: 'Has no description.' },
    recommendation: {
      es: 'Escriba una descripción (campo `notes` en CKAN) que diga qué contienen los datos, de dónde salen y qué período y territorio cubren: es lo primero que lee quien decide si le sirven.',
      en: 'Write a description (CKAN `notes` field) saying what the data contain, where they come from and which period and area they cover: it is the first thing people read to decide whether the data suit them.',
    },
  },
  description_equals_title: {
    explanation: { es: 'La descripción repite el título.', en: 'The description repeats the title.' },
    recommendation: {
      es: 'Reemplace la descripción por un texto propio sobre el contenido, la fuente y las limitaciones de los datos: repetir el título no informa nada nuevo.',
      en: 'Replace the description with text of its own about the contents, source and limits of the data: repeating the title tells nothing new.',
    },
  },
  description_too_short: {
    explanation: { es: 'La descripción tiene 100 caracteres o menos.', en: 'The description has 100 characters or fewer.' },
    recommendation: {
      es: 'Amplíe la descripción a más de 100 caracteres con la fuente, el período, el territorio y el significado de los campos: así se entiende sin llamar a la institución.',
      en: 'Expand the description beyond 100 characters with the source, period, area and meaning of the fields: then it is understood without calling the institution.',
    },
  },
  contact_reachable: { explanation: { es: 'El contacto tiene un correo electrónico o una dirección web válidos.', en: 'The contact has a valid e-mail address or web address.' } },
  contact_unreachable: {
    explanation: { es: 'El contacto no tiene un correo electrónico ni una dirección web válidos.', en: 'The contact has no valid e-mail address or web address.' },
    recommendation: {
      es: 'Agregue un correo institucional válido en `maintainer_email` (o una página de contacto que empiece con https://): con solo un nombre nadie puede escribirle.',
      en: 'Add a valid institutional e-mail in `maintainer_email` (or a contact page starting with https://): with only a name nobody can write to you.',
    },
  },
  dates_well_formed: { explanation: { es: 'Todas las fechas se leen bien y ninguna está en el futuro.', en: 'Every date reads correctly and none lies in the future.' } },
  date_unparseable: {
    explanation: { es: 'Hay una fecha que no se puede leer.', en: 'A date cannot be read.' },
    recommendation: {
      es: 'Corrija las fechas ilegibles y escríbalas como AAAA-MM-DD (por ejemplo 2024-03-31): una fecha ambigua o imposible, como 31/02, inutiliza los filtros por fecha.',
      en: 'Fix the unreadable dates and write them as YYYY-MM-DD (2024-03-31, say): an ambiguous or impossible date such as 31/02 breaks filtering by date.',
    },
  },
  date_in_future: {
    explanation: { es: 'Hay una fecha de publicación o de modificación en el futuro.', en: 'A date of issue or modification lies in the future.' },
    recommendation: {
      es: 'Corrija las fechas de publicación o modificación posteriores a hoy (a menudo, día y mes invertidos): una fecha futura hace parecer los datos más recientes de lo que son.',
      en: 'Fix issue or modification dates later than today (often day and month swapped): a future date makes the data look newer than they are.',
    },
  },
  dates_missing: {
    explanation: { es: 'No declara ninguna fecha.', en: 'States no date at all.' },
    recommendation: {
      es: 'Declare al menos la fecha de publicación y la de última modificación, como AAAA-MM-DD: sin fechas no hay forma de saber de cuándo son los datos.',
      en: 'State at least the dates of issue and last modification, as YYYY-MM-DD: without dates there is no way to know how old the data are.',
    },
  },
  license_open: { explanation: { es: 'La licencia es abierta (cumple la Definición de Conocimiento Abierto).', en: 'The licence is open (it conforms to the Open Definition).' } },
  license_not_open: {
    explanation: { es: 'La licencia no es abierta: limita quién puede reutilizar los datos o cómo.', en: 'The licence is not open: it limits who may reuse the data or how.' },
    recommendation: {
      es: 'Si la normativa lo permite, cambie a una licencia abierta como CC BY 4.0 o CC0: prohibir el uso comercial o las obras derivadas impide buena parte de la reutilización.',
      en: 'Where the law allows, switch to an open licence such as CC BY 4.0 or CC0: forbidding commercial use or derivative works blocks much of the reuse.',
    },
  },
  license_openness_unknown: {
    explanation: { es: 'No hay una licencia reconocida, así que no se sabe si los datos son abiertos.', en: 'There is no recognized licence, so whether the data are open is unknown.' },
    recommendation: {
      es: 'Elija una licencia abierta conocida de la lista de CKAN (CC BY 4.0, CC0 u ODbL): sin una licencia reconocida no se puede confirmar que los datos sean abiertos.',
      en: 'Choose a known open licence from the CKAN list (CC BY 4.0, CC0 or ODbL): without a recognized licence nobody can confirm the data are open.',
    },
  },
};

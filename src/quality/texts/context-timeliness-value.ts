/** The texts of the explanation codes of C1–C4, T1–T3 and Q1–Q4: contextuality, timeliness and value (explanation-texts.ts says how they are written). */
import type { CodeText } from '../explanation-texts.js';

export const CONTEXT_TIMELINESS_VALUE: Readonly<Record<string, CodeText>> = {
  // C1–C4: contextuality
  rights_given: { explanation: { es: 'El recurso incluye una declaración de derechos de uso.', en: 'The resource includes a rights statement.' } },
  rights_missing: {
    explanation: { es: 'El recurso no incluye una declaración de derechos de uso.', en: 'The resource includes no rights statement.' },
    recommendation: {
      es: 'Agregue al recurso una frase sobre derechos de uso, por ejemplo «Uso libre citando la fuente» (en DCAT, `dct:rights`): aclara lo que la licencia no dice, como la forma de citar.',
      en: 'Add a rights statement to the resource, e.g. "Free to use, citing the source" (in DCAT, `dct:rights`): it settles what the licence leaves open, such as how to cite.',
    },
    field: 'rights',
  },
  byte_size_given: { explanation: { es: 'El recurso declara el tamaño del archivo.', en: 'The resource states the file size.' } },
  byte_size_missing: {
    explanation: { es: 'El recurso no declara el tamaño del archivo.', en: 'The resource does not state the file size.' },
    recommendation: {
      es: 'Indique el tamaño del archivo en bytes (en DCAT, `dcat:byteSize`): el usuario sabe antes de descargar si son kilobytes o gigabytes.',
      en: 'Give the file size in bytes (in DCAT, `dcat:byteSize`): users know before downloading whether it is kilobytes or gigabytes.',
    },
    field: 'byteSize',
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
      es: 'Indique cuándo se publicaron los datos (en DCAT, `dct:issued`): ubica en el tiempo la versión que se está usando.',
      en: 'State when the data were published (in DCAT, `dct:issued`): it places the version in use in time.',
    },
    field: 'issued',
  },
  modified_given: { explanation: { es: 'Declara la fecha de la última modificación.', en: 'States the date of last modification.' } },
  modified_missing: {
    explanation: { es: 'No declara la fecha de la última modificación.', en: 'Does not state the date of last modification.' },
    recommendation: {
      es: 'Indique la fecha de la última actualización (en DCAT, `dct:modified`): así el usuario sabe si los datos están vigentes.',
      en: 'State the date of the last update (in DCAT, `dct:modified`): that is how users know whether the data are current.',
    },
    field: 'modified',
  },

  // T1–T3: timeliness
  frequency_declared: { explanation: { es: 'Declara una frecuencia de actualización reconocida.', en: 'Declares a recognized update frequency.' } },
  frequency_unknown: {
    explanation: { es: 'La frecuencia de actualización declarada no se reconoce o es «desconocida».', en: 'The declared update frequency is not recognized or is "unknown".' },
    recommendation: {
      es: 'Declare la frecuencia con un valor conocido, como Diaria, Semanal, Mensual, Trimestral, Semestral, Anual o Eventual (en DCAT, `dct:accrualPeriodicity`): con una frecuencia reconocida se puede comprobar si el conjunto está al día.',
      en: 'State the frequency as a known value, such as Daily, Weekly, Monthly, Quarterly, Semi-annual, Annual or As needed (in DCAT, `dct:accrualPeriodicity`): with a recognized frequency anyone can check that the dataset is up to date.',
    },
    field: 'frequency',
  },
  frequency_missing: {
    explanation: { es: 'No declara cada cuánto se actualizan los datos.', en: 'Does not say how often the data are updated.' },
    recommendation: {
      es: 'Declare cada cuánto se actualizan los datos, por ejemplo «Mensual», «Anual», o «Eventual» si no hay calendario (en DCAT, `dct:accrualPeriodicity`): le promete al usuario cuándo habrá datos nuevos.',
      en: 'State how often the data are updated, "Monthly", "Annual", or "As needed" when there is no schedule (in DCAT, `dct:accrualPeriodicity`): it tells users when to expect new data.',
    },
    field: 'frequency',
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
      es: 'Declare la fecha de la última actualización (en DCAT, `dct:modified`): sin ella la frecuencia prometida no se puede comprobar.',
      en: 'State the date of the last update (in DCAT, `dct:modified`): without it the promised frequency cannot be checked.',
    },
    field: 'modified',
  },
  freshness_unknown: {
    explanation: { es: 'Sin una frecuencia reconocida, la actualidad solo se estima por la antigüedad: como máximo, la mitad de los puntos.', en: 'Without a recognized frequency, freshness is judged by age alone: at most half the points.' },
    recommendation: {
      es: 'Declare la frecuencia de actualización (en DCAT, `dct:accrualPeriodicity`): solo así se puede saber si los datos están al día.',
      en: 'Declare the update frequency (in DCAT, `dct:accrualPeriodicity`): only then can anyone tell whether the data are up to date.',
    },
    field: 'frequency',
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
      es: 'Escriba una descripción que diga qué contienen los datos, de dónde salen y qué período y territorio cubren (en DCAT, `dct:description`): es lo primero que lee quien decide si le sirven.',
      en: 'Write a description saying what the data contain, where they come from and which period and area they cover (in DCAT, `dct:description`): it is the first thing people read to decide whether the data suit them.',
    },
    field: 'description',
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
      es: 'Agregue al contacto un correo institucional válido o una página de contacto que empiece con https:// (en DCAT, `dcat:contactPoint`): con solo un nombre nadie puede escribirle.',
      en: 'Give the contact a valid institutional e-mail or a contact page starting with https:// (in DCAT, `dcat:contactPoint`): with only a name nobody can write to you.',
    },
    field: 'contact',
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
      es: 'Elija una licencia abierta conocida, como CC BY 4.0, CC0 u ODbL (en DCAT, `dct:license`): sin una licencia reconocida no se puede confirmar que los datos sean abiertos.',
      en: 'Choose a known open licence, such as CC BY 4.0, CC0 or ODbL (in DCAT, `dct:license`): without a recognized licence nobody can confirm the data are open.',
    },
    field: 'license',
  },
};

import assert from 'node:assert/strict';
import { cleanText, isPlaceholder, present } from '../../src/normalize/text.js';
import { fixMojibake } from '../../src/normalize/mojibake.js';

describe('cleanText', () => {
  const oneLine: [string, string][] = [
    ['  Presupuesto   municipal  2020 ', 'Presupuesto municipal 2020'],
    ['EducaciÃ³n', 'Educación'],
    ['aÃ±o fiscal', 'año fiscal'],
    ['PoblaciÃ³n econÃ³micamente activa', 'Población económicamente activa'],
    ['Ã\u0081REA DE GESTIÃ“N', 'ÁREA DE GESTIÓN'],
    ['Â¿QuÃ© es?', '¿Qué es?'],
    ['EducaciÃƒÂ³n', 'Educación'],
    ['Educaci&oacute;n b&aacute;sica', 'Educación básica'],
    ['Educaci&Atilde;&sup3;n', 'Educación'],
    ['<b>Salud</b> p&uacute;blica', 'Salud pública'],
    ['Linea\u200b de\ufeff base', 'Linea de base'],
    ['Educacio\u0301n', 'Educación'],
    ['Línea 1\nLínea 2', 'Línea 1 Línea 2'],
  ];
  for (const [input, expected] of oneLine) {
    it(`cleans ${JSON.stringify(input)} to ${JSON.stringify(expected)}`, () => {
      assert.equal(cleanText(input), expected);
    });
  }

  it('when a description is HTML, keeps paragraphs and list items as lines', () => {
    const html = '<p>Proyectos de <strong>inversión pública</strong> 2020&nbsp;&ndash; 2021.</p>\n<p>Incluye:</p>\n<ul>\n  <li>Montos</li>\n  <li>Ubicación</li>\n</ul><script>alert(1)</script>';
    assert.equal(cleanText(html, { multiline: true }), 'Proyectos de inversión pública 2020 – 2021.\n\nIncluye:\n\n- Montos\n- Ubicación');
  });

  it('when a plain description has blank lines, keeps one blank line between paragraphs', () => {
    assert.equal(cleanText('Primero.\r\n\r\n\r\n\r\n  Segundo   párrafo. ', { multiline: true }), 'Primero.\n\nSegundo párrafo.');
  });

  it('leaves text with correct accents and lone special characters unchanged', () => {
    for (const s of ['Educación y año', 'SÃO PAULO', '«LLEGÓ»', 'Nº 5 – 10 °C', 'Población < 5 años']) assert.equal(cleanText(s), s);
  });

  it('when a value is huge, cuts it to the limit with an ellipsis', () => {
    const out = cleanText('a'.repeat(500), { maxLength: 100 });
    assert.equal(out.length, 100);
    assert.ok(out.endsWith('…'));
  });

  it('when given nothing, gives an empty string', () => {
    assert.equal(cleanText(undefined), '');
    assert.equal(cleanText(null), '');
  });
});

describe('fixMojibake', () => {
  it('repairs only the mis-decoded runs of a text that also has correct accents', () => {
    assert.equal(fixMojibake('Educación – EducaciÃ³n'), 'Educación – Educación');
  });

  it('repairs Windows-1252 quotes', () => {
    assert.equal(fixMojibake('â€œDatos abiertosâ€\u009d'), '“Datos abiertos”');
  });
});

describe('isPlaceholder and present', () => {
  const placeholders = ['-', '--', '.', '...', 'n/a', 'N/A', 'NA', 'null', 'NULL', 'nan', 'None', 'Sin información', 'SIN INFORMACION', 'No aplica',
    'No disponible', 'sin datos', 'S/D', 'Ninguno', '(sin datos)', '"n/a"', 'Desconocido', 'undefined', '?', '*'];
  for (const s of placeholders) {
    it(`treats ${JSON.stringify(s)} as a placeholder, not present`, () => {
      assert.equal(isPlaceholder(s), true);
      assert.equal(present(s), false);
    });
  }

  const values = ['Datos', 'Salud', '0', '2019', 'NAF', 'Nada que ver', 'x1', 'Sí'];
  for (const s of values) {
    it(`treats ${JSON.stringify(s)} as present`, () => {
      assert.equal(isPlaceholder(s), false);
      assert.equal(present(s), true);
    });
  }

  it('treats empty and blank strings and non-strings as absent, but not as placeholders', () => {
    assert.equal(isPlaceholder(''), false);
    assert.equal(present(''), false);
    assert.equal(present('   '), false);
    assert.equal(present(undefined), false);
    assert.equal(present(42), false);
  });
});

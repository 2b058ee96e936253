/**
 * EU data themes (publications.europa.eu/resource/authority/data-theme) and the group and
 * category names the region's portals use for them. Matching is case- and accent-insensitive.
 *
 * Where a regional category straddles two themes the choice is written here once: tourism and
 * employment are economic activity (ECON); culture and sport belong with education (EDUC, as in
 * the EU label); housing and land-use planning with regions and cities (REGI); poverty and
 * social development with population and society (SOCI); public safety with justice (JUST).
 */
import { indexAliases, memoize, vocabKey } from './keys.js';

export const EU_THEME_BASE = 'http://publications.europa.eu/resource/authority/data-theme/';

export interface ThemeEntry {
  code: string;
  /** Official labels of the EU vocabulary, Spanish first. */
  label: { es: string; en: string };
  /** Regional names, exact phrases after folding. */
  aliases: readonly string[];
  /**
   * Distinctive single words: a longer label that is not a known phrase ("Salud y nutrición
   * infantil") is read by its first distinctive word.
   */
  words: readonly string[];
}

export const THEMES: readonly ThemeEntry[] = [
  { code: 'AGRI', label: { es: 'Agricultura, pesca, silvicultura y alimentación', en: 'Agriculture, fisheries, forestry and food' },
    aliases: ['Agricultura', 'Agropecuario', 'Agricultura y ganadería', 'Agricultura y pesca', 'Pesca', 'Acuacultura y pesca', 'Desarrollo rural', 'Medio rural', 'Seguridad alimentaria'],
    words: ['agricultura', 'agropecuario', 'agropecuaria', 'agricola', 'ganaderia', 'pesca', 'pesquero', 'acuicultura', 'acuacultura', 'silvicultura', 'forestal', 'alimentacion', 'alimentos', 'rural', 'agriculture'] },
  { code: 'ECON', label: { es: 'Economía y finanzas', en: 'Economy and finance' },
    aliases: ['Economía', 'Finanzas', 'Finanzas públicas', 'Presupuesto', 'Presupuestos', 'Hacienda', 'Hacienda pública', 'Inversión pública', 'Comercio', 'Industria',
      'Turismo', 'Empleo', 'Trabajo', 'Trabajo y empleo', 'Empleo y trabajo', 'Mercado laboral', 'Tributación', 'Impuestos', 'Deuda pública', 'Minería', 'Producción'],
    words: ['economia', 'economico', 'economica', 'finanzas', 'financiero', 'presupuesto', 'presupuestos', 'presupuestaria', 'hacienda', 'inversion', 'comercio', 'industria',
      'turismo', 'empleo', 'trabajo', 'laboral', 'tributario', 'tributaria', 'impuestos', 'deuda', 'mineria', 'economy', 'finance'] },
  { code: 'EDUC', label: { es: 'Educación, cultura y deporte', en: 'Education, culture and sport' },
    aliases: ['Educación', 'Cultura', 'Deporte', 'Deportes', 'Educación y cultura', 'Cultura y deporte', 'Arte y cultura', 'Patrimonio cultural'],
    words: ['educacion', 'educativo', 'educativa', 'escolar', 'escuelas', 'universidades', 'cultura', 'cultural', 'deporte', 'deportes', 'recreacion', 'patrimonio', 'education'] },
  { code: 'ENER', label: { es: 'Energía', en: 'Energy' },
    aliases: ['Energía', 'Energía y minas', 'Hidrocarburos', 'Electricidad'],
    words: ['energia', 'energetico', 'energetica', 'electricidad', 'electrico', 'hidrocarburos', 'petroleo', 'energy'] },
  { code: 'ENVI', label: { es: 'Medio ambiente', en: 'Environment' },
    aliases: ['Ambiente', 'Medio ambiente', 'Medioambiente', 'Cambio climático', 'Recursos naturales', 'Gestión de riesgos', 'Clima', 'Agua'],
    words: ['ambiente', 'ambiental', 'medioambiente', 'medioambiental', 'clima', 'climatico', 'naturales', 'biodiversidad', 'agua', 'residuos', 'riesgos', 'desastres', 'environment'] },
  { code: 'GOVE', label: { es: 'Gobierno y sector público', en: 'Government and public sector' },
    aliases: ['Gobierno', 'Sector público', 'Gobierno y sector público', 'Gestión pública', 'Gestión municipal', 'Administración pública', 'Transparencia',
      'Rendición de cuentas', 'Contratación pública', 'Compras públicas', 'Elecciones', 'Gobierno abierto', 'Institucional'],
    words: ['gobierno', 'gubernamental', 'publico', 'administracion', 'municipal', 'transparencia', 'contratacion', 'compras', 'elecciones', 'electoral', 'government'] },
  { code: 'HEAL', label: { es: 'Salud', en: 'Health' },
    aliases: ['Salud', 'Salud pública', 'Sanidad'],
    words: ['salud', 'sanidad', 'sanitario', 'sanitaria', 'hospitales', 'epidemiologia', 'health'] },
  { code: 'INTR', label: { es: 'Asuntos internacionales', en: 'International issues' },
    aliases: ['Asuntos internacionales', 'Cooperación internacional', 'Relaciones internacionales', 'Relaciones exteriores', 'Cooperación'],
    words: ['internacional', 'internacionales', 'exteriores', 'cooperacion', 'migracion', 'international'] },
  { code: 'JUST', label: { es: 'Justicia, sistema judicial y seguridad pública', en: 'Justice, legal system and public safety' },
    aliases: ['Justicia', 'Seguridad', 'Seguridad ciudadana', 'Seguridad pública', 'Seguridad y justicia', 'Justicia y seguridad', 'Legislación'],
    words: ['justicia', 'judicial', 'seguridad', 'delitos', 'delincuencia', 'policia', 'legislacion', 'legal', 'justice'] },
  { code: 'REGI', label: { es: 'Regiones y ciudades', en: 'Regions and cities' },
    aliases: ['Territorio', 'Ordenamiento territorial', 'Desarrollo territorial', 'Urbanismo', 'Vivienda', 'Vivienda y urbanismo', 'Ciudad', 'Ciudades',
      'Planificación territorial', 'Infraestructura', 'Obras públicas', 'Geografía', 'Cartografía', 'Espacio público', 'Espacios públicos'],
    words: ['territorio', 'territorial', 'urbanismo', 'urbano', 'urbana', 'vivienda', 'ciudad', 'ciudades', 'regiones', 'regional', 'infraestructura', 'obras',
      'geografia', 'cartografia', 'catastro', 'regions'] },
  { code: 'SOCI', label: { es: 'Población y sociedad', en: 'Population and society' },
    aliases: ['Población', 'Sociedad', 'Población y sociedad', 'Desarrollo social', 'Pobreza', 'Inclusión social', 'Protección social', 'Demografía', 'Género',
      'Grupos vulnerables', 'Niñez y adolescencia', 'Seguridad social'],
    words: ['poblacion', 'sociedad', 'social', 'pobreza', 'demografia', 'demografico', 'genero', 'vulnerables', 'ninez', 'juventud', 'migrantes', 'censo', 'society'] },
  { code: 'TECH', label: { es: 'Ciencia y tecnología', en: 'Science and technology' },
    aliases: ['Ciencia', 'Tecnología', 'Ciencia y tecnología', 'Innovación', 'Telecomunicaciones', 'Sociedad de la información', 'Investigación'],
    words: ['ciencia', 'cientifico', 'tecnologia', 'tecnologico', 'innovacion', 'telecomunicaciones', 'investigacion', 'digital', 'science', 'technology'] },
  { code: 'TRAN', label: { es: 'Transporte', en: 'Transport' },
    aliases: ['Transporte', 'Movilidad', 'Tránsito', 'Tráfico', 'Vialidad', 'Transporte y movilidad', 'Movilidad y transporte'],
    words: ['transporte', 'movilidad', 'transito', 'trafico', 'vialidad', 'vial', 'vehiculos', 'transport'] },
];

const PHRASES = indexAliases(
  THEMES.flatMap((t) => [t.code, t.label.es, t.label.en, ...t.aliases].map((a): [string, string] => [a, t.code])),
);
const WORDS = indexAliases(THEMES.flatMap((t) => t.words.map((w): [string, string] => [w, t.code])));
const EU_URI = /^https?:\/\/publications\.europa\.eu\/resource\/authority\/data-theme\/([a-z]{4})\/?$/i;

function matchUncached(value: string): string | undefined {
  const v = value.trim();
  const uri = EU_URI.exec(v);
  if (uri) return PHRASES.get(uri[1].toLowerCase());
  const key = vocabKey(v);
  const phrase = PHRASES.get(key);
  if (phrase) return phrase;
  for (const word of key.split(' ')) {
    const code = WORDS.get(word);
    if (code) return code;
  }
  return undefined;
}

/** The EU theme code a label, code or EU URI names; undefined when none applies. */
export const matchTheme: (value: string) => string | undefined = memoize(matchUncached);

export function themeByCode(code: string): ThemeEntry | undefined {
  return THEMES.find((t) => t.code === code);
}

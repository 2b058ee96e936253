/**
 * A synthetic CKAN catalog of any size for the benchmark and large demos: package `i` is built
 * from `i` alone, so a 100k catalog never sits in memory. Ids are UUID-shaped and grow with `i`,
 * so the page order is the `id asc` order the harvester asks for.
 */
import type { FakePackage, PackagePage } from './ckan-catalog.js';

const ORGANIZATIONS = [
  ['ministerio-de-educacion', 'Ministerio de Educación'],
  ['ministerio-de-salud-publica', 'Ministerio de Salud Pública'],
  ['inec', 'Instituto Nacional de Estadística y Censos'],
  ['gad-municipal-de-cuenca', 'GAD Municipal de Cuenca'],
  ['gad-municipal-de-loja', 'GAD Municipal de Loja'],
  ['sercop', 'Servicio Nacional de Contratación Pública'],
  ['ministerio-de-economia-y-finanzas', 'Ministerio de Economía y Finanzas'],
  ['secretaria-nacional-de-planificacion', 'Secretaría Nacional de Planificación'],
] as const;

const SUBJECTS = ['Matrícula escolar', 'Presupuesto ejecutado', 'Atenciones de salud', 'Procesos de contratación', 'Población por parroquia', 'Obras públicas', 'Recaudación tributaria', 'Accidentes de tránsito'];
const GROUPS = ['Educación', 'Economía y finanzas', 'Salud', 'Gobierno y sector público', 'Población y sociedad', 'Transporte'];
const FREQUENCIES = ['Anual', 'Mensual', 'Trimestral', 'Irregular', 'Semestral', ''];
const FORMATS = [['CSV', 'text/csv', 'csv'], ['XLSX', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'], ['PDF', 'application/pdf', 'pdf'], ['JSON', 'application/json', 'json']] as const;
const LICENSES = [['cc-by', 'Creative Commons Attribution'], ['odc-odbl', 'Open Data Commons Open Database License (ODbL)'], ['notspecified', 'License not specified']] as const;

/** The base of every synthetic timestamp; package `i` was modified `i` minutes before it. */
const EPOCH = Date.parse('2025-01-15T12:00:00Z');

export const syntheticPackages: PackagePage = (start, rows) => Array.from({ length: rows }, (_, k) => syntheticPackage(start + k));

export function syntheticPackage(index: number): FakePackage {
  const pick = <T>(list: readonly T[], salt = 0): T => list[(index * 7 + salt) % list.length];
  const [orgName, orgTitle] = pick(ORGANIZATIONS);
  const year = 2015 + (index % 10);
  const id = `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
  const name = `conjunto-${index}`;
  const modified = new Date(EPOCH - index * 60_000).toISOString().slice(0, 23);
  const frequency = pick(FREQUENCIES, 3);
  const [licenseId, licenseTitle] = pick(LICENSES, 5);
  const group = pick(GROUPS, 1);
  const resources = Array.from({ length: 1 + (index % 3) }, (_, r) => {
    const [format, mimetype, extension] = pick(FORMATS, r);
    return {
      id: `${id.slice(0, 24)}${(index * 4 + r).toString(16).padStart(12, '0')}`,
      name: `${pick(SUBJECTS)} ${year} (${format})`,
      url: `https://datos.example.gob.ec/dataset/${id}/resource/${r}/download/datos-${index}.${extension}`,
      url_type: 'upload',
      format,
      mimetype,
      size: 1024 * (1 + ((index * 13 + r) % 5000)),
      created: modified,
      last_modified: modified,
    };
  });
  return {
    id,
    name,
    title: `${pick(SUBJECTS)} ${year} — ${orgTitle}`,
    notes: `Datos de ${pick(SUBJECTS).toLowerCase()} publicados por ${orgTitle} para el año ${year}.`,
    license_id: licenseId,
    license_title: licenseTitle,
    maintainer: `Unidad de datos, ${orgTitle}`,
    maintainer_email: `datos@${orgName}.gob.ec`,
    metadata_created: new Date(EPOCH - (index + 525_600) * 60_000).toISOString().slice(0, 23),
    metadata_modified: modified,
    organization: { id: `org-${orgName}`, name: orgName, title: orgTitle, type: 'organization', is_organization: true },
    groups: [{ name: `grupo-${GROUPS.indexOf(group)}`, display_name: group, title: group }],
    tags: [{ name: orgName.split('-')[0], display_name: orgName.split('-')[0] }, { name: String(year), display_name: String(year) }],
    extras: frequency ? [{ key: 'frecuencia', value: frequency }, { key: 'temporal', value: `${year}-01-01/${year}-12-31` }] : [],
    resources,
    num_resources: resources.length,
    state: 'active',
    type: 'dataset',
  };
}

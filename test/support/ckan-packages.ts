/** Small CKAN package dicts for driver, API and CLI tests (the golden fixtures live in test/fixtures/ckan). */
import type { FakePackage } from '../../src/demo/ckan-server.js';

const TITLES = ['Matrícula escolar', 'Presupuesto municipal', 'Educación básica por cantón', 'Calidad del agua', 'Contratación pública', 'Accidentes de tránsito'];

export function ckanPackage(i: number, overrides: FakePackage = {}): FakePackage {
  const id = `pkg-${String(i).padStart(4, '0')}`;
  return {
    id,
    name: `conjunto-${i}`,
    title: `${TITLES[i % TITLES.length]} ${2015 + (i % 10)}`,
    notes: `Registro administrativo número ${i}: datos desagregados por provincia y cantón, publicados por la institución responsable para su reutilización por la ciudadanía.`,
    license_id: i % 3 === 0 ? 'notspecified' : 'cc-by',
    license_title: i % 3 === 0 ? 'Licencia no especificada' : 'Creative Commons Attribution',
    metadata_created: '2020-01-10T10:00:00.000000',
    metadata_modified: `2024-0${1 + (i % 9)}-15T08:30:00.123456`,
    organization: { id: `org-${i % 3}`, name: `institucion-${i % 3}`, title: ['Ministerio de Educación', 'GAD Municipal de Cuenca', 'INEC'][i % 3] },
    tags: [{ name: 'educación', display_name: 'educación' }],
    groups: [{ name: 'educacion', display_name: 'Educación' }],
    extras: [{ key: 'frecuencia', value: 'Anual' }],
    resources: [{ id: `${id}-r1`, name: 'Datos', format: 'CSV', url: `https://datos.example.ec/${id}.csv`, mimetype: 'text/csv' }],
    ...overrides,
  };
}

export function ckanPackages(n: number, from = 0): FakePackage[] {
  return Array.from({ length: n }, (_, k) => ckanPackage(from + k));
}

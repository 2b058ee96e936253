/**
 * Fixed documents of the fake DCAT server: the broken ones a harvester must report as run errors,
 * and JSON-LD catalogs whose `@context` is a remote URL (one that Cosecha bundles, and the
 * portal's own, which the server does serve but a harvest must never fetch).
 */
import type { DcatDocument } from './dcat-server.js';

const SITE = 'https://datosabiertos.gob.ec';

export const BROKEN_DOCUMENTS: Record<string, DcatDocument> = {
  // An unescaped quote inside a description, as a hand-edited export has it: the error is on line 7.
  '/roto.ttl': {
    contentType: 'text/turtle; charset=utf-8',
    body: `@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .

<${SITE}/dataset/presupuesto-2023> a dcat:Dataset ;
    dct:title "Presupuesto General del Estado 2023"@es ;
    dct:identifier "presupuesto-2023" ;
    dct:description "Ejecución del "Presupuesto General" por sectorial"@es ;
    dcat:keyword "presupuesto"@es .
`,
  },
  // A bare ampersand in a title is not XML.
  '/roto.rdf': {
    contentType: 'application/rdf+xml; charset=utf-8',
    body: `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dcat="http://www.w3.org/ns/dcat#" xmlns:dct="http://purl.org/dc/terms/">
  <dcat:Dataset rdf:about="${SITE}/dataset/agua-potable">
    <dct:title xml:lang="es">Cobertura de agua potable & saneamiento</dct:title>
  </dcat:Dataset>
</rdf:RDF>
`,
  },
  '/roto.jsonld': {
    contentType: 'application/ld+json',
    body: '{"@context": {"dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/"}, "@graph": [{"@id": "https://datosabiertos.gob.ec/dataset/x", "@type": "dcat:Dataset", "dct:title": "Matr',
  },
};

export const DCAT_AP_CONTEXT = 'https://semiceu.github.io/DCAT-AP/releases/3.0.0/context/dcat-ap.jsonld';

/** A two-dataset catalog in DCAT-AP JSON-LD terms, under the given remote context. */
function catalogUnder(context: string): DcatDocument {
  const dataset = (slug: string, title: string, keywords: string[], csv: string) => ({
    '@id': `${SITE}/dataset/${slug}`,
    '@type': 'Dataset',
    identifier: slug,
    title: [{ '@value': title, '@language': 'es' }, { '@value': `${title} (translated)`, '@language': 'en-t-es-t0-mtec' }],
    keyword: keywords.map((k) => ({ '@value': k, '@language': 'es' })),
    theme: 'http://publications.europa.eu/resource/authority/data-theme/GOVE',
    publisher: { '@id': `${SITE}/organization/senplades`, '@type': 'Organization', name: 'Secretaría Nacional de Planificación' },
    modified: { '@value': '2024-02-15', '@type': 'http://www.w3.org/2001/XMLSchema#date' },
    distribution: [{ '@type': 'Distribution', title: `${title} (CSV)`, accessURL: csv, downloadURL: csv, mediaType: 'https://www.iana.org/assignments/media-types/text/csv', byteSize: '20480' }],
  });
  const body = {
    '@context': context,
    '@id': `${SITE}/catalog`,
    '@type': 'Catalog',
    title: { '@value': 'Catálogo de Datos Abiertos del Ecuador', '@language': 'es' },
    dataset: [
      dataset('proyectos-inversion-publica', 'Proyectos de inversión pública', ['inversión', 'planificación'], `${SITE}/dataset/pip/resource/pip.csv`),
      dataset('indice-de-pobreza-por-canton', 'Índice de pobreza por cantón', ['pobreza', 'NBI'], `${SITE}/dataset/pobreza/resource/pobreza.csv`),
    ],
  };
  return { contentType: 'application/ld+json', body: `${JSON.stringify(body, null, 2)}\n` };
}

/** The remote-context documents, which name the server's own origin. */
export function remoteContextDocument(path: string, origin: string): DcatDocument | undefined {
  if (path === '/contexto-remoto.jsonld') return catalogUnder(DCAT_AP_CONTEXT);
  if (path === '/contexto-propio.jsonld') return catalogUnder(`${origin}/contexto/dcat.jsonld`);
  if (path === '/contexto/dcat.jsonld') {
    const context = { '@context': { dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/', Dataset: 'dcat:Dataset', title: 'dct:title' } };
    return { contentType: 'application/ld+json', body: JSON.stringify(context) };
  }
  return undefined;
}

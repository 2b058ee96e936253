import assert from 'node:assert/strict';
import { formatFromName, formatFromUrl, normalizeMediaType } from '../../src/dcat/vocabularies/format-lookup.js';
import { FORMATS } from '../../src/dcat/vocabularies/formats.js';
import { normalizeFormat } from '../../src/normalize/format.js';

describe('formatFromName', () => {
  const cases: [string, string][] = [
    ['CSV', 'CSV'], ['.csv', 'CSV'], ['csv ', 'CSV'], ['text/csv', 'CSV'], ['text/csv; charset=utf-8', 'CSV'], ['CSV (separado por comas)', 'CSV'],
    ['Excel', 'XLSX'], ['XLS', 'XLS'], ['xlsx', 'XLSX'], ['application/vnd.ms-excel', 'XLS'], ['Hoja de cálculo', 'XLSX'], ['Excel 97-2003 (.xls)', 'XLS'],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'XLSX'], ['ODS', 'ODS'],
    ['shapefile', 'SHP'], ['SHP', 'SHP'], ['zip (shp)', 'SHP'], ['esri shapefile', 'SHP'], ['Shapefile (zip)', 'SHP'], ['shp.zip', 'SHP'],
    ['Esri REST', 'MAP_SRVC'], ['WMS', 'WMS_SRVC'], ['OGC:WFS', 'WFS_SRVC'], ['API', 'REST'],
    ['PDF', 'PDF'], ['application/pdf', 'PDF'], ['JSON', 'JSON'], ['api/json', 'JSON'], ['application/json', 'JSON'],
    ['GeoJSON', 'GEOJSON'], ['application/vnd.geo+json', 'GEOJSON'], ['KML', 'KML'], ['KMZ', 'KMZ'], ['XML', 'XML'], ['text/xml', 'XML'],
    ['RDF', 'RDF_XML'], ['Turtle', 'RDF_TURTLE'], ['JSON-LD', 'JSON_LD'], ['ZIP', 'ZIP'], ['tar.gz', 'TAR_GZ'], ['DOCX', 'DOCX'], ['Word', 'DOCX'],
    ['TXT', 'TXT'], ['HTML', 'HTML'], ['Página web', 'HTML'], ['JPG', 'JPEG'], ['GeoPackage', 'GPKG'], ['netCDF', 'NETCDF'],
    ['http://publications.europa.eu/resource/authority/file-type/RDF_TURTLE', 'RDF_TURTLE'],
    ['https://www.iana.org/assignments/media-types/text/csv', 'CSV'],
  ];
  for (const [value, code] of cases) {
    it(`reads ${JSON.stringify(value)} as ${code}`, () => {
      assert.equal(formatFromName(value)?.code, code);
    });
  }

  it('leaves ambiguous and unknown names unread', () => {
    for (const v of ['XLSX/CSV', 'Datos', 'Archivo', '']) assert.equal(formatFromName(v), undefined);
  });
});

describe('formatFromUrl', () => {
  const cases: [string, string | undefined][] = [
    ['https://datos.gob.ec/dataset/1/resource/2/download/presupuesto_2020.csv', 'CSV'],
    ['https://x.gob.ec/a/b/FILE.XLSX?download=1', 'XLSX'],
    ['https://x.gob.gt/datos/limites.shp.zip', 'SHP'],
    ['https://x.gob.gt/datos/respaldo.tar.gz', 'TAR_GZ'],
    ['http://geo.x.gob.ec/geoserver/wms?service=WMS&request=GetCapabilities', 'WMS_SRVC'],
    ['http://geo.x.gob.ec/geoserver/ows?SERVICE=WFS', 'WFS_SRVC'],
    ['https://services.arcgis.com/abc/ArcGIS/rest/services/Barrios/FeatureServer/0', 'MAP_SRVC'],
    ['https://hub.arcgis.com/api/download/v1/items/abc?format=geojson', 'GEOJSON'],
    ['https://x.gob.ec/index.php?id=3', undefined],
    ['https://x.gob.ec/dataset/presupuesto', undefined],
    ['no es una url', undefined],
  ];
  for (const [url, code] of cases) {
    it(`infers ${code ?? 'nothing'} from ${url}`, () => {
      assert.equal(formatFromUrl(url)?.code, code);
    });
  }
});

describe('normalizeMediaType', () => {
  it('reduces declared types to type/subtype and rejects non-types', () => {
    assert.equal(normalizeMediaType(' Text/CSV; charset=UTF-8 '), 'text/csv');
    assert.equal(normalizeMediaType('CSV'), undefined);
    assert.equal(normalizeMediaType('x-gis/x-shapefile'), undefined);
  });
});

describe('normalizeFormat', () => {
  it('when only "Excel" is declared and the file is .xls, reads XLS and implies its media type', () => {
    assert.deepEqual(normalizeFormat({ format: { raw: 'Excel' }, downloadURL: 'https://x/datos.xls' }), {
      format: { code: 'XLS', raw: 'Excel' }, mediaType: { code: 'application/vnd.ms-excel' },
    });
  });

  it('when XLS is declared exactly, keeps it whatever the URL says', () => {
    assert.equal(normalizeFormat({ format: { raw: 'XLS' }, downloadURL: 'https://x/datos.xlsx' }).format?.code, 'XLS');
  });

  it('when no format is declared, reads it from the media type, else from the URL', () => {
    assert.deepEqual(normalizeFormat({ mediaType: { raw: 'application/pdf' } }), { format: { code: 'PDF' }, mediaType: { code: 'application/pdf', raw: 'application/pdf' } });
    assert.deepEqual(normalizeFormat({ format: { raw: '-' }, downloadURL: 'https://x/a.geojson' }), { format: { code: 'GEOJSON' }, mediaType: { code: 'application/geo+json' } });
  });

  it('when the media type field holds a format name, reads the type that format implies', () => {
    assert.deepEqual(normalizeFormat({ format: { raw: 'CSV' }, mediaType: { raw: 'CSV' } }), {
      format: { code: 'CSV', raw: 'CSV' }, mediaType: { code: 'text/csv', raw: 'CSV' },
    });
  });

  it('when the format is unknown, keeps the raw without a code', () => {
    assert.deepEqual(normalizeFormat({ format: { raw: 'Datos' }, accessURL: 'https://x/portal' }), { format: { raw: 'Datos' } });
  });

  it('when a service is declared, implies no media type', () => {
    assert.deepEqual(normalizeFormat({ format: { raw: 'WMS' } }), { format: { code: 'WMS_SRVC', raw: 'WMS' } });
  });
});

describe('FORMATS table', () => {
  it('lists each EU code once', () => {
    assert.equal(new Set(FORMATS.map((f) => f.code)).size, FORMATS.length);
  });

  it('gives every format QUALITY.md scores as machine-readable or non-proprietary an entry', () => {
    const scored = ['CSV', 'GEOJSON', 'ICS', 'JSON', 'JSON_LD', 'KML', 'KMZ', 'NETCDF', 'ODS', 'RDFA', 'RDF_N_QUADS', 'RDF_N_TRIPLES', 'RDF_TRIG', 'RDF_TURTLE',
      'RDF_XML', 'RSS', 'SHP', 'XLS', 'XLSX', 'XML', 'BMP', 'DBF', 'GZIP', 'HTML', 'JPEG2000', 'PNG', 'RTF', 'TAR', 'TIFF', 'TSV', 'TXT', 'WMS_SRVC', 'ZIP'];
    const codes = new Set(FORMATS.map((f) => f.code));
    for (const code of scored) assert.ok(codes.has(code), code);
  });
});

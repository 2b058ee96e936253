/**
 * File formats: EU file-type codes (publications.europa.eu/resource/authority/file-type) with the
 * IANA media type each implies, the file extensions that reveal it and the names portals give it.
 * The code is the EU authority's own (CSV, XLSX, RDF_TURTLE, WMS_SRVC…); only codes that exist in
 * that authority are listed.
 */

export interface FormatEntry {
  /** EU file-type code. */
  code: string;
  /**
   * The media type a file of this format is served as; absent for services (a WMS endpoint
   * answers images, XML or HTML depending on the request, so no one type describes it).
   */
  mediaType?: string;
  /** Other media types seen for this format (legacy, vendor or `x-` forms). */
  otherMediaTypes?: readonly string[];
  /** File extensions without the dot. */
  extensions?: readonly string[];
  /** Names portals declare (the code, lower-cased, is always an alias too). */
  aliases?: readonly string[];
  /** Archives: when a declared value names an archive and a format inside it, the content wins. */
  container?: boolean;
  /** The media type belongs to another format (a zipped shapefile is served as a zip): a file
   * declared with that type is read as the other format, never as this one. */
  borrowsMediaType?: boolean;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

export const FORMATS: readonly FormatEntry[] = [
  // Tabular
  { code: 'CSV', mediaType: 'text/csv', otherMediaTypes: ['application/csv', 'text/comma-separated-values', 'text/x-csv'], extensions: ['csv'],
    aliases: ['comma separated values', 'valores separados por comas', 'separado por comas', 'texto csv'] },
  { code: 'TSV', mediaType: 'text/tab-separated-values', extensions: ['tsv', 'tab'], aliases: ['tab separated values', 'separado por tabulaciones'] },
  { code: 'XLS', mediaType: 'application/vnd.ms-excel', otherMediaTypes: ['application/excel', 'application/x-excel', 'application/x-msexcel'],
    extensions: ['xls'], aliases: ['excel 97', 'excel 2003', 'ms excel', 'microsoft excel', 'libro de excel 97 2003'] },
  // "Excel" and "Hoja de cálculo" name no version: today's files are XLSX, and a URL ending in
  // .xls refines it (see `refinesWithin`).
  { code: 'XLSX', mediaType: XLSX_TYPE, extensions: ['xlsx'], aliases: ['excel', 'hoja de calculo', 'hojas de calculo', 'spreadsheet', 'libro de excel', 'excel 2007'] },
  { code: 'XLSM', mediaType: 'application/vnd.ms-excel.sheet.macroenabled.12', extensions: ['xlsm'] },
  { code: 'XLSB', mediaType: 'application/vnd.ms-excel.sheet.binary.macroenabled.12', extensions: ['xlsb'] },
  { code: 'ODS', mediaType: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'], aliases: ['opendocument spreadsheet', 'libreoffice calc', 'calc'] },
  { code: 'DBF', mediaType: 'application/vnd.dbf', otherMediaTypes: ['application/dbf', 'application/x-dbf', 'application/dbase'], extensions: ['dbf'], aliases: ['dbase'] },
  { code: 'MDB', mediaType: 'application/vnd.ms-access', otherMediaTypes: ['application/x-msaccess', 'application/msaccess'], extensions: ['mdb', 'accdb'], aliases: ['access', 'ms access'] },
  { code: 'SQL', mediaType: 'application/sql', extensions: ['sql'] },
  // Structured data and linked data
  { code: 'JSON', mediaType: 'application/json', otherMediaTypes: ['text/json', 'application/x-json'], extensions: ['json'], aliases: ['api json', 'json api', 'jsonl'] },
  { code: 'GEOJSON', mediaType: 'application/geo+json', otherMediaTypes: ['application/vnd.geo+json'], extensions: ['geojson'], aliases: ['geo json'] },
  { code: 'JSON_LD', mediaType: 'application/ld+json', extensions: ['jsonld'], aliases: ['json ld'] },
  { code: 'XML', mediaType: 'application/xml', otherMediaTypes: ['text/xml'], extensions: ['xml'], aliases: ['api xml'] },
  { code: 'RDF_XML', mediaType: 'application/rdf+xml', extensions: ['rdf', 'owl'], aliases: ['rdf', 'rdf xml', 'rdf/xml'] },
  { code: 'RDF_TURTLE', mediaType: 'text/turtle', otherMediaTypes: ['application/x-turtle'], extensions: ['ttl'], aliases: ['turtle', 'ttl'] },
  { code: 'RDF_N_TRIPLES', mediaType: 'application/n-triples', extensions: ['nt'], aliases: ['n triples', 'ntriples'] },
  { code: 'RDF_N_QUADS', mediaType: 'application/n-quads', extensions: ['nq'], aliases: ['n quads', 'nquads'] },
  { code: 'RDF_TRIG', mediaType: 'application/trig', extensions: ['trig'] },
  { code: 'RDFA', mediaType: 'application/xhtml+xml', borrowsMediaType: true, aliases: ['rdf a'] },
  { code: 'SPARQLQ', mediaType: 'application/sparql-query', extensions: ['rq'], aliases: ['sparql', 'sparql endpoint'] },
  { code: 'RSS', mediaType: 'application/rss+xml', extensions: ['rss'], aliases: ['georss'] },
  { code: 'ATOM', mediaType: 'application/atom+xml', extensions: ['atom'], aliases: ['atom feed'] },
  { code: 'ICS', mediaType: 'text/calendar', extensions: ['ics', 'ical'], aliases: ['ical', 'icalendar'] },
  { code: 'NETCDF', mediaType: 'application/x-netcdf', otherMediaTypes: ['application/netcdf'], extensions: ['nc', 'netcdf'] },
  // Geospatial. A shapefile is several files, so portals serve it zipped: its download is a zip.
  { code: 'SHP', mediaType: 'application/zip', otherMediaTypes: ['application/x-shapefile', 'application/vnd.shp', 'x-gis/x-shapefile'], extensions: ['shp'], borrowsMediaType: true,
    aliases: ['shapefile', 'shape', 'shape file', 'esri shapefile', 'zip shp', 'shp zip', 'shapefile zip', 'archivo shape'] },
  { code: 'KML', mediaType: 'application/vnd.google-earth.kml+xml', extensions: ['kml'], aliases: ['google earth kml'] },
  { code: 'KMZ', mediaType: 'application/vnd.google-earth.kmz', extensions: ['kmz'] },
  { code: 'GML', mediaType: 'application/gml+xml', extensions: ['gml'] },
  { code: 'GPKG', mediaType: 'application/geopackage+sqlite3', extensions: ['gpkg'], aliases: ['geopackage'] },
  { code: 'GEOTIFF', mediaType: 'image/tiff', borrowsMediaType: true, extensions: ['geotiff'], aliases: ['geo tiff'] },
  { code: 'GDB', extensions: ['gdb'], aliases: ['file geodatabase', 'geodatabase', 'esri file geodatabase'] },
  { code: 'DWG', mediaType: 'image/vnd.dwg', extensions: ['dwg'], aliases: ['autocad'] },
  { code: 'DXF', mediaType: 'image/vnd.dxf', extensions: ['dxf'] },
  { code: 'GTFS', aliases: ['gtfs feed'] },
  { code: 'WMS_SRVC', aliases: ['wms', 'ogc wms', 'web map service', 'servicio wms'] },
  { code: 'WFS_SRVC', aliases: ['wfs', 'ogc wfs', 'web feature service', 'servicio wfs'] },
  { code: 'WCS_SRVC', aliases: ['wcs', 'ogc wcs', 'web coverage service'] },
  { code: 'WMTS_SRVC', aliases: ['wmts', 'ogc wmts', 'web map tile service'] },
  // ArcGIS REST endpoints (FeatureServer, MapServer): the EU authority's "ArcGIS Map Service".
  { code: 'MAP_SRVC', aliases: ['esri rest', 'arcgis rest', 'arcgis geoservices rest api', 'arcgis map service', 'arcgis mapserver', 'arcgis feature service', 'featureserver', 'mapserver'] },
  { code: 'REST', aliases: ['api', 'rest api', 'api rest', 'restful api', 'web service', 'servicio web', 'webservice'] },
  // Documents
  { code: 'PDF', mediaType: 'application/pdf', otherMediaTypes: ['application/x-pdf'], extensions: ['pdf'], aliases: ['adobe pdf', 'documento pdf'] },
  { code: 'DOC', mediaType: 'application/msword', extensions: ['doc'], aliases: ['word 97', 'ms word'] },
  { code: 'DOCX', mediaType: DOCX_TYPE, extensions: ['docx'], aliases: ['word', 'microsoft word', 'documento de word'] },
  { code: 'ODT', mediaType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], aliases: ['opendocument text'] },
  { code: 'RTF', mediaType: 'application/rtf', otherMediaTypes: ['text/rtf'], extensions: ['rtf'] },
  { code: 'TXT', mediaType: 'text/plain', extensions: ['txt', 'text'], aliases: ['text', 'texto', 'texto plano', 'plain text'] },
  { code: 'HTML', mediaType: 'text/html', extensions: ['html', 'htm'], aliases: ['pagina web', 'web page', 'webpage', 'sitio web', 'website', 'enlace', 'link'] },
  { code: 'XHTML', mediaType: 'application/xhtml+xml', extensions: ['xhtml'] },
  { code: 'PPT', mediaType: 'application/vnd.ms-powerpoint', extensions: ['ppt', 'pps'], aliases: ['powerpoint 97'] },
  { code: 'PPTX', mediaType: PPTX_TYPE, extensions: ['pptx'], aliases: ['powerpoint', 'presentacion'] },
  { code: 'ODP', mediaType: 'application/vnd.oasis.opendocument.presentation', extensions: ['odp'] },
  { code: 'EPUB', mediaType: 'application/epub+zip', extensions: ['epub'] },
  // Images, audio, video
  { code: 'PNG', mediaType: 'image/png', extensions: ['png'] },
  { code: 'JPEG', mediaType: 'image/jpeg', otherMediaTypes: ['image/jpg', 'image/pjpeg'], extensions: ['jpg', 'jpeg'], aliases: ['jpg'] },
  { code: 'JPEG2000', mediaType: 'image/jp2', extensions: ['jp2', 'j2k'], aliases: ['jpeg 2000', 'jp2'] },
  { code: 'GIF', mediaType: 'image/gif', extensions: ['gif'] },
  { code: 'TIFF', mediaType: 'image/tiff', extensions: ['tif', 'tiff'], aliases: ['tif'] },
  { code: 'BMP', mediaType: 'image/bmp', otherMediaTypes: ['image/x-ms-bmp'], extensions: ['bmp'] },
  { code: 'SVG', mediaType: 'image/svg+xml', extensions: ['svg'] },
  { code: 'WEBP', mediaType: 'image/webp', extensions: ['webp'] },
  { code: 'MP3', mediaType: 'audio/mpeg', extensions: ['mp3'] },
  { code: 'MPEG4', mediaType: 'video/mp4', extensions: ['mp4'], aliases: ['mp4'] },
  // Archives
  { code: 'ZIP', mediaType: 'application/zip', otherMediaTypes: ['application/x-zip-compressed', 'application/x-zip'], extensions: ['zip'],
    aliases: ['comprimido', 'archivo comprimido', 'zip file'], container: true },
  { code: 'GZIP', mediaType: 'application/gzip', otherMediaTypes: ['application/x-gzip'], extensions: ['gz', 'gzip'], container: true },
  { code: 'TAR', mediaType: 'application/x-tar', extensions: ['tar'], container: true },
  { code: 'TAR_GZ', mediaType: 'application/gzip', borrowsMediaType: true, extensions: ['tgz'], aliases: ['tar gz', 'tar.gz', 'tgz'], container: true },
  { code: 'RAR', mediaType: 'application/vnd.rar', otherMediaTypes: ['application/x-rar-compressed'], extensions: ['rar'], container: true },
  { code: '7Z', mediaType: 'application/x-7z-compressed', extensions: ['7z'], container: true },
];

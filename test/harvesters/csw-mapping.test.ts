/** Unit tests of the ISO 19139 → DCAT mapping for the variants the golden catalog does not cover. */
import assert from 'node:assert/strict';
import { csw, type CswRecord } from '../../harvesters/csw.js';
import { readGetRecords } from '../../harvesters/csw-response.js';
import { RecordError } from '../../src/errors.js';
import { testPortal } from '../support/portal-config.js';

const geonetwork = testPortal({ platform: 'csw', url: 'https://ide.example.gob.ec/geonetwork/srv/spa/csw' });
const NS = 'xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:gco="http://www.isotc211.org/2005/gco" xmlns:gmx="http://www.isotc211.org/2005/gmx" xmlns:xlink="http://www.w3.org/1999/xlink"';
const cs = (text: string) => `<gco:CharacterString>${text}</gco:CharacterString>`;
const code = (list: string, value: string) => `<gmd:${list} codeList="http://standards.iso.org/iso/19139/resources/gmxCodelists.xml#${list}" codeListValue="${value}"/>`;

/** The records of a GetRecords answer holding `elements`, as the harvester lists them. */
function parse(elements: string): CswRecord[] {
  const body = `<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2"><csw:SearchResults numberOfRecordsMatched="1" nextRecord="0">${elements}</csw:SearchResults></csw:GetRecordsResponse>`;
  return readGetRecords({ url: 'https://ide.example.gob.ec/csw', status: 200, contentType: 'application/xml', body }).records;
}

/** One ISO record: `citation` and `identification` go inside MD_DataIdentification, `rest` after identificationInfo. */
function iso({ citation = '', identification = '', rest = '', head = '' }: { citation?: string; identification?: string; rest?: string; head?: string } = {}): CswRecord {
  return parse(`<gmd:MD_Metadata ${NS}><gmd:fileIdentifier>${cs('ec-001')}</gmd:fileIdentifier>${head}
    <gmd:identificationInfo><gmd:MD_DataIdentification>
      <gmd:citation><gmd:CI_Citation><gmd:title>${cs('Capa de prueba')}</gmd:title>${citation}</gmd:CI_Citation></gmd:citation>
      ${identification}
    </gmd:MD_DataIdentification></gmd:identificationInfo>${rest}</gmd:MD_Metadata>`)[0];
}

const map = (record: CswRecord, portal = geonetwork) => csw.toDcat(record, portal);
const isRecordError = (code: string) => (e: unknown) => e instanceof RecordError && e.code === code;

function party(role: string, organisation: string, email?: string): string {
  const mail = email ? `<gmd:contactInfo><gmd:CI_Contact><gmd:address><gmd:CI_Address><gmd:electronicMailAddress>${cs(email)}</gmd:electronicMailAddress></gmd:CI_Address></gmd:address></gmd:CI_Contact></gmd:contactInfo>` : '';
  return `<gmd:CI_ResponsibleParty><gmd:organisationName>${cs(organisation)}</gmd:organisationName>${mail}<gmd:role>${code('CI_RoleCode', role)}</gmd:role></gmd:CI_ResponsibleParty>`;
}

function onLine(url: string, protocol?: string, name?: string): string {
  return `<gmd:onLine><gmd:CI_OnlineResource><gmd:linkage><gmd:URL>${url}</gmd:URL></gmd:linkage>${protocol ? `<gmd:protocol>${cs(protocol)}</gmd:protocol>` : ''}${name ? `<gmd:name>${cs(name)}</gmd:name>` : ''}</gmd:CI_OnlineResource></gmd:onLine>`;
}

function distribution(formats: string[], resources: string[]): string {
  const declared = formats.map((f) => `<gmd:distributionFormat><gmd:MD_Format><gmd:name>${cs(f)}</gmd:name></gmd:MD_Format></gmd:distributionFormat>`).join('');
  return `<gmd:distributionInfo><gmd:MD_Distribution>${declared}<gmd:transferOptions><gmd:MD_DigitalTransferOptions>${resources.join('')}</gmd:MD_DigitalTransferOptions></gmd:transferOptions></gmd:MD_Distribution></gmd:distributionInfo>`;
}

function date(type: string, value: string): string {
  return `<gmd:date><gmd:CI_Date><gmd:date><gco:Date>${value}</gco:Date></gmd:date><gmd:dateType>${code('CI_DateTypeCode', type)}</gmd:dateType></gmd:CI_Date></gmd:date>`;
}

describe('CSW harvester: mapping', () => {
  it('when the record is not a parsed element, throws a RecordError', () => {
    for (const raw of [null, 'texto', 42, [], {}]) assert.throws(() => map(raw as unknown as CswRecord), isRecordError('bad_record'));
  });

  it('when the server sends Dublin Core records instead of ISO, each is a RecordError naming its identifier', () => {
    const [record] = parse('<csw:Record xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier>dc-7</dc:identifier><dc:title>Capa</dc:title></csw:Record>');
    assert.equal(csw.sourceId(record), 'dc-7');
    assert.throws(() => map(record), (e: unknown) => isRecordError('unsupported_schema')(e) && (e as RecordError).sourceId === 'dc-7' && /a Record, not an ISO 19139 MD_Metadata/.test((e as Error).message));
  });

  it('when the record has no identificationInfo, throws bad_record with its fileIdentifier', () => {
    const [record] = parse(`<gmd:MD_Metadata ${NS}><gmd:fileIdentifier>${cs('ec-002')}</gmd:fileIdentifier></gmd:MD_Metadata>`);
    assert.throws(() => map(record), (e: unknown) => isRecordError('bad_record')(e) && (e as RecordError).sourceId === 'ec-002');
  });

  it('builds the GeoNetwork record page as the landing page, and GetRecordById for other servers', () => {
    assert.equal(map(iso()).landingPage, 'https://ide.example.gob.ec/geonetwork/srv/spa/catalog.search#/metadata/ec-001');
    const pycsw = testPortal({ platform: 'csw', url: 'https://ide.example.gob.ec/pycsw/csw.py?service=CSW&request=GetCapabilities' });
    const page = new URL(map(iso(), pycsw).landingPage!);
    assert.equal(`${page.origin}${page.pathname}`, 'https://ide.example.gob.ec/pycsw/csw.py');
    assert.equal(page.searchParams.get('request'), 'GetRecordById');
    assert.equal(page.searchParams.get('id'), 'ec-001');
    assert.equal(page.searchParams.get('outputSchema'), 'http://www.isotc211.org/2005/gmd');
  });

  it('takes the latest revision as modified and the creation as issued; a publication date stands in for either', () => {
    const both = map(iso({ citation: date('revision', '2021-01-10') + date('creation', '2018-02-01') + date('revision', '2023-05-04') + date('publication', '2019-01-01') }));
    assert.deepEqual([both.issued, both.modified], [{ raw: '2018-02-01' }, { raw: '2023-05-04' }]);
    const published = map(iso({ citation: date('publication', '2020-07-07') }));
    assert.deepEqual([published.issued, published.modified], [{ raw: '2020-07-07' }, { raw: '2020-07-07' }]);
    assert.deepEqual([map(iso()).issued, map(iso()).modified], [undefined, undefined]);
  });

  it('prefers the publisher role for the publisher and the point of contact for the contact, falling back to the metadata contact', () => {
    const record = iso({
      head: `<gmd:contact>${party('pointOfContact', 'Unidad de Metadatos', 'metadatos@ide.gob.ec')}</gmd:contact>`,
      identification: `<gmd:pointOfContact>${party('originator', 'Instituto Espacial Ecuatoriano')}</gmd:pointOfContact><gmd:pointOfContact>${party('publisher', 'Secretaría Nacional de Planificación', 'datos@planificacion.gob.ec')}</gmd:pointOfContact>`,
    });
    const draft = map(record);
    assert.deepEqual(draft.publisher, { name: 'Secretaría Nacional de Planificación', email: 'datos@planificacion.gob.ec' });
    assert.deepEqual(draft.contactPoint, { name: 'Unidad de Metadatos', email: 'metadatos@ide.gob.ec', url: undefined });
    const onlyMetadata = map(iso({ head: `<gmd:contact>${party('pointOfContact', 'GAD Municipal de Cuenca', 'sig@cuenca.gob.ec')}</gmd:contact>` }));
    assert.equal(onlyMetadata.publisher?.name, 'GAD Municipal de Cuenca');
    assert.equal(onlyMetadata.contactPoint?.email, 'sig@cuenca.gob.ec');
    assert.equal(map(iso()).publisher, undefined);
  });

  it('sorts otherConstraints of a block that declares both access and use constraints by their wording', () => {
    const block = `<gmd:resourceConstraints><gmd:MD_LegalConstraints>
      <gmd:accessConstraints>${code('MD_RestrictionCode', 'otherRestrictions')}</gmd:accessConstraints>
      <gmd:useConstraints>${code('MD_RestrictionCode', 'otherRestrictions')}</gmd:useConstraints>
      <gmd:otherConstraints>${cs('Acceso público sin registro')}</gmd:otherConstraints>
      <gmd:otherConstraints><gmx:Anchor xlink:href="https://opendatacommons.org/licenses/odbl/1-0/">Open Database License (ODbL)</gmx:Anchor></gmd:otherConstraints>
      <gmd:otherConstraints>${cs('Los datos se entregan tal cual.')}</gmd:otherConstraints>
    </gmd:MD_LegalConstraints></gmd:resourceConstraints>`;
    const draft = map(iso({ identification: block, rest: distribution([], [onLine('https://ide.example.gob.ec/d/capa.csv')]) }));
    assert.deepEqual(draft.license, { raw: 'Open Database License (ODbL)', url: 'https://opendatacommons.org/licenses/odbl/1-0/' });
    assert.deepEqual(draft.accessRights, { raw: 'Acceso público sin registro' });
    assert.equal(draft.distributions[0].rights, 'Los datos se entregan tal cual.');
  });

  it('reads an access restriction code when no text says more, but not the bare otherRestrictions', () => {
    const access = (value: string) => `<gmd:resourceConstraints><gmd:MD_LegalConstraints><gmd:accessConstraints>${code('MD_RestrictionCode', value)}</gmd:accessConstraints></gmd:MD_LegalConstraints></gmd:resourceConstraints>`;
    assert.deepEqual(map(iso({ identification: access('restricted') })).accessRights, { raw: 'restricted' });
    assert.equal(map(iso({ identification: access('otherRestrictions') })).accessRights, undefined);
  });

  it('leaves out bounding boxes with a missing side, text or values outside WGS84 degrees', () => {
    const box = (w: string, e: string, s: string, n: string) =>
      `<gmd:extent><gmd:EX_Extent><gmd:geographicElement><gmd:EX_GeographicBoundingBox><gmd:westBoundLongitude><gco:Decimal>${w}</gco:Decimal></gmd:westBoundLongitude><gmd:eastBoundLongitude><gco:Decimal>${e}</gco:Decimal></gmd:eastBoundLongitude><gmd:southBoundLatitude><gco:Decimal>${s}</gco:Decimal></gmd:southBoundLatitude><gmd:northBoundLatitude><gco:Decimal>${n}</gco:Decimal></gmd:northBoundLatitude></gmd:EX_GeographicBoundingBox></gmd:geographicElement></gmd:EX_Extent></gmd:extent>`;
    assert.deepEqual(map(iso({ identification: box('-81.1', '-75.2', '-5.0', '1.5') })).spatial, { label: undefined, bbox: [-81.1, -5.0, -75.2, 1.5] });
    assert.equal(map(iso({ identification: box('N/D', '-75.2', '-5.0', '1.5') })).spatial, undefined);
    assert.equal(map(iso({ identification: box('721000', '780000', '9680000', '9990000') })).spatial, undefined, 'UTM metres');
    assert.equal(map(iso({ identification: box('-81.1', '-75.2', '1.5', '-5.0') })).spatial, undefined, 'south above north');
  });

  it('maps topic categories to EU themes only where one clearly fits, keeping the ISO code as the label', () => {
    const topics = ['planningCadastre', 'elevation', 'health', 'planningCadastre'].map((t) => `<gmd:topicCategory><gmd:MD_TopicCategoryCode>${t}</gmd:MD_TopicCategoryCode></gmd:topicCategory>`).join('');
    assert.deepEqual(map(iso({ identification: topics })).themes, [{ code: 'REGI', label: 'planningCadastre' }, { label: 'elevation' }, { code: 'HEAL', label: 'health' }]);
  });

  it('takes the format of services from the protocol and of downloads from the one declared format', () => {
    const draft = map(iso({ rest: distribution(['CSV'], [onLine('https://ide.example.gob.ec/geoserver/wfs', 'OGC:WFS', 'capa'), onLine('https://ide.example.gob.ec/descarga?id=4', 'WWW:DOWNLOAD-1.0-http--download'), onLine('https://ide.example.gob.ec/visor')]) }));
    assert.deepEqual(draft.distributions.map((d) => d.format?.raw), ['OGC:WFS', 'CSV', undefined]);
    assert.deepEqual(draft.distributions.map((d) => Boolean(d.downloadURL)), [false, true, false]);
  });

  it('when several formats are declared, gives each download the one its file is, and otherwise its protocol', () => {
    const draft = map(iso({ rest: distribution(['XLSX', 'PDF'], [onLine('https://x.gob.ec/a.pdf', 'WWW:DOWNLOAD-1.0-http--download'), onLine('https://x.gob.ec/b.xlsx'), onLine('https://x.gob.ec/c.csv', 'WWW:DOWNLOAD-1.0-http--download')]) }));
    assert.deepEqual(draft.distributions.map((d) => d.format?.raw), ['PDF', 'XLSX', 'WWW:DOWNLOAD-1.0-http--download']);
  });

  it('keeps layers of one service apart when they share its URL', () => {
    const draft = map(iso({ rest: distribution([], [onLine('https://x.gob.ec/wms', 'OGC:WMS', 'vias'), onLine('https://x.gob.ec/wms', 'OGC:WMS', 'rios'), onLine('https://x.gob.ec/wms', 'OGC:WMS')]) }));
    assert.deepEqual(draft.distributions.map((d) => d.id), ['https://x.gob.ec/wms', 'https://x.gob.ec/wms#rios', 'https://x.gob.ec/wms#3']);
  });

  it('reads the metadata language when the resource declares none, and the frequency from the user-defined duration', () => {
    const draft = map(iso({
      head: `<gmd:language>${code('LanguageCode', 'spa')}</gmd:language>`,
      identification: '<gmd:resourceMaintenance><gmd:MD_MaintenanceInformation><gmd:userDefinedMaintenanceFrequency><gts:TM_PeriodDuration xmlns:gts="http://www.isotc211.org/2005/gts">P1M</gts:TM_PeriodDuration></gmd:userDefinedMaintenanceFrequency></gmd:MD_MaintenanceInformation></gmd:resourceMaintenance>',
    }));
    assert.deepEqual(draft.language, ['spa']);
    assert.deepEqual(draft.accrualPeriodicity, { raw: 'P1M' });
  });

  it('reads dateStamp without a zone as UTC and keeps one it cannot read as declared', () => {
    assert.equal(map(iso({ rest: `<gmd:dateStamp><gco:DateTime>2024-05-06T07:08:09</gco:DateTime></gmd:dateStamp>` })).sourceModified, '2024-05-06T07:08:09.000Z');
    assert.equal(map(iso({ rest: `<gmd:dateStamp><gco:DateTime>06/05/2024</gco:DateTime></gmd:dateStamp>` })).sourceModified, '06/05/2024');
  });
});

/**
 * A small fake CSW 2.0.2 server on 127.0.0.1 for tests and the offline demo, answering like a
 * GeoNetwork 3/4 catalog (`/geonetwork/srv/spa/csw`): KVP `GetRecords` with `startPosition`,
 * `maxRecords` (capped silently) and `sortBy=Identifier:A|D`, `nextRecord` 0 on the last page,
 * `GetRecordById`, and `ows:ExceptionReport` bodies for errors. It can also behave like the
 * servers harvesters meet in the wild: one that over-declares `numberOfRecordsMatched` (its
 * index counts records it cannot serve), one that refuses `sortBy` (as pycsw does for unknown
 * properties), one whose envelope is unprefixed, and per-request faults (see CswFault).
 */
import type { Request, Response } from 'express';
import type { AddressInfo } from 'node:net';
import { recordingApp, closeServer, listen, statusFault, type StatusFault } from './fake-http.js';

/**
 * What to do with one request instead of answering it normally:
 * - `exception`: 200 with an `ows:ExceptionReport` (GeoNetwork's search failure).
 * - `html`: 200 with an HTML page (a proxy's maintenance page).
 * - `empty`: 200 with an empty body.
 * - `bad_xml`: 200 with a response cut off mid-record.
 * - `no_records`: 200 with a `SearchResults` that counts records but holds none.
 * - `repeat_previous_page`: the body of the previous GetRecords answer (none on the first).
 * - `status:N`: status N with an ExceptionReport body; `status:N:retry-after=S` adds `Retry-After: S`.
 * - `timeout`: never answers (the connection is dropped when the server closes).
 */
export type CswFault = 'exception' | 'html' | 'empty' | 'bad_xml' | 'no_records' | 'repeat_previous_page' | 'timeout' | StatusFault;

/** Decides the fault of one request; `n` counts GetRecords requests from 1. Undefined: answer normally. */
export type CswFaultHook = (params: Record<string, string>, n: number) => CswFault | undefined;

/** What the server would put in `nextRecord`, for tests of servers that get it wrong. */
export type NextRecordHook = (page: { start: number; returned: number; matched: number; next: number }) => number;

export interface CswServerOptions {
  /** ISO 19139 records (`gmd:MD_Metadata` elements, namespaces declared on each), in catalog order. */
  records: readonly string[];
  /** Path of the CSW endpoint. Default `/geonetwork/srv/spa/csw`. */
  path?: string;
  /** Largest `maxRecords` served; larger requests are capped silently. Default 100. */
  maxRecords?: number;
  /** Records the index counts but cannot serve, after the real ones: over-declared totals. Default 0. */
  phantoms?: number;
  /** False: a request with `sortBy` gets an InvalidParameterValue ExceptionReport. Default true. */
  sortable?: boolean;
  /** `default`: the CSW envelope in the default namespace, without the `csw:` prefix. Default `csw`. */
  envelope?: 'csw' | 'default';
  nextRecord?: NextRecordHook;
  faults?: CswFaultHook;
}

export interface CswServer {
  /** The CSW endpoint: `http://127.0.0.1:PORT/geonetwork/srv/spa/csw`. */
  url: string;
  /** Full URL of every request received, in order. */
  requests: string[];
  close(): Promise<void>;
}

const CSW_NS = 'http://www.opengis.net/cat/csw/2.0.2';
const TIMESTAMP = '2024-03-15T10:00:00';

export async function startCswServer(options: CswServerOptions): Promise<CswServer> {
  const endpoint = options.path ?? '/geonetwork/srv/spa/csw';
  const catalog = options.records.map((xml) => ({ id: fileIdentifier(xml), xml }));
  const requests: string[] = [];
  let origin = '';
  let searches = 0;
  let lastBody: string | undefined;

  const app = recordingApp(requests, () => origin);

  app.get(endpoint, (req, res) => {
    const params = queryParams(req);
    const operation = params.request ?? '';
    if (params.service !== 'CSW') return sendXml(res.status(400), exceptionReport('MissingParameterValue', 'service', 'Parámetro service obligatorio.'));
    if (operation === 'GetCapabilities') {
      return sendXml(res, `<csw:Capabilities xmlns:csw="${CSW_NS}" xmlns:ows="http://www.opengis.net/ows" version="2.0.2"><ows:ServiceIdentification><ows:Title>Catálogo (simulado)</ows:Title><ows:ServiceType>CSW</ows:ServiceType><ows:ServiceTypeVersion>2.0.2</ows:ServiceTypeVersion></ows:ServiceIdentification></csw:Capabilities>`);
    }
    if (operation === 'GetRecordById') {
      const found = catalog.find((record) => record.id === params.id);
      return sendXml(res, `<csw:GetRecordByIdResponse xmlns:csw="${CSW_NS}">${found?.xml ?? ''}</csw:GetRecordByIdResponse>`);
    }
    if (operation !== 'GetRecords') return sendXml(res.status(400), exceptionReport('OperationNotSupported', 'request', `Operation not supported: ${operation}`));
    searches++;
    const fault = options.faults?.(params, searches);
    if (fault === 'repeat_previous_page' && lastBody) return sendXml(res, lastBody);
    if (fault && fault !== 'repeat_previous_page' && fault !== 'no_records') return sendFault(res, fault);
    if (params.sortby && options.sortable === false) {
      return sendXml(res, exceptionReport('InvalidParameterValue', 'sortBy', `Invalid SortBy propertyname: ${params.sortby.split(':')[0]}`));
    }
    const body = getRecords(params, fault === 'no_records');
    lastBody = body;
    sendXml(res, body);
  });

  // GeoNetwork's record view, the landing page the harvester builds.
  app.get(endpoint.replace(/\/csw$/, '/catalog.search'), (_req, res) => {
    res.type('html').send('<!DOCTYPE html><html lang="es"><head><title>Catálogo de metadatos (simulado)</title></head><body><div data-ng-app="gn_search_default"></div></body></html>');
  });

  function getRecords(params: Record<string, string>, empty: boolean): string {
    const start = Math.max(1, integer(params.startposition, 1));
    const max = Math.min(integer(params.maxrecords, 10), options.maxRecords ?? 100);
    const sorted = sortRecords(catalog, params.sortby);
    const matched = sorted.length + (options.phantoms ?? 0);
    const page = empty ? [] : sorted.slice(start - 1, start - 1 + max);
    const declared = Math.max(0, Math.min(max, matched - start + 1));
    const computed = start + declared > matched ? 0 : start + declared;
    const next = options.nextRecord ? options.nextRecord({ start, returned: page.length, matched, next: computed }) : computed;
    const p = options.envelope === 'default' ? '' : 'csw:';
    const ns = options.envelope === 'default' ? `xmlns="${CSW_NS}"` : `xmlns:csw="${CSW_NS}"`;
    return `<?xml version="1.0" encoding="UTF-8"?>
<${p}GetRecordsResponse ${ns} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${CSW_NS} http://schemas.opengis.net/csw/2.0.2/CSW-discovery.xsd">
  <${p}SearchStatus timestamp="${TIMESTAMP}" />
  <${p}SearchResults numberOfRecordsMatched="${matched}" numberOfRecordsReturned="${declared}" elementSet="full" nextRecord="${next}">
${page.map((record) => record.xml).join('\n')}
  </${p}SearchResults>
</${p}GetRecordsResponse>`;
  }

  const server = await listen(app);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: origin + endpoint, requests, close: () => closeServer(server) };
}

/** `Identifier:A` / `Identifier:D` sort by fileIdentifier; anything else keeps the catalog order (relevance). */
function sortRecords<T extends { id: string }>(records: T[], sortBy: string | undefined): T[] {
  const match = /^(?:\w+:)?identifier:([AD])$/i.exec(sortBy ?? '');
  if (!match) return records;
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return match[1].toUpperCase() === 'D' ? sorted.reverse() : sorted;
}

function sendFault(res: Response, fault: CswFault): void {
  const code = statusFault(res, fault);
  if (code !== undefined) {
    return sendXml(res.status(code), exceptionReport('NoApplicableCode', undefined, `Simulated failure (HTTP ${code})`));
  }
  switch (fault) {
    case 'exception':
      return sendXml(res, exceptionReport('NoApplicableCode', undefined, 'Raised exception while searching metadata : java.lang.NullPointerException'));
    case 'html':
      return void res.type('html').send('<!DOCTYPE html>\n<html lang="es"><head><title>Mantenimiento</title></head><body><h1>Geoportal en mantenimiento</h1><p>Volveremos pronto.</p></body></html>');
    case 'empty':
      return void res.type('application/xml').send('');
    case 'bad_xml':
      return sendXml(res, `<?xml version="1.0" encoding="UTF-8"?>\n<csw:GetRecordsResponse xmlns:csw="${CSW_NS}"><csw:SearchResults numberOfRecordsMatched="3" nextRecord="0"><gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd"><gmd:fileIdentifier>`);
    case 'timeout':
      return; // the request stays open until the server closes
    default:
      throw new Error(`Unknown CSW fault: ${fault}`);
  }
}

function exceptionReport(code: string, locator: string | undefined, text: string): string {
  const at = locator ? ` locator="${locator}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="1.2.0">
  <ows:Exception exceptionCode="${code}"${at}>
    <ows:ExceptionText>${escapeXml(text)}</ows:ExceptionText>
  </ows:Exception>
</ows:ExceptionReport>`;
}

function sendXml(res: Response, body: string): void {
  res.type('application/xml; charset=UTF-8').send(body);
}

/** The record's fileIdentifier, whatever prefix its elements carry. */
function fileIdentifier(xml: string): string {
  return /<(?:\w+:)?fileIdentifier>\s*<(?:\w+:)?CharacterString>([^<]*)</.exec(xml)?.[1].trim() ?? '';
}

/** KVP names are case-insensitive (OGC 06-121r3): keys lower-cased, first value of each. */
function queryParams(req: Request): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of new URL(req.originalUrl, 'http://x').searchParams) params[key.toLowerCase()] ??= value;
  return params;
}

function integer(value: string | undefined, fallback: number): number {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : fallback;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

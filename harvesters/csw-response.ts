/**
 * Reading a CSW 2.0.2 `GetRecords` answer: the disguised failures first (an empty body, an HTML
 * page with 200, XML that does not parse, an `ows:ExceptionReport` with any status), then the
 * `csw:SearchResults` counters and its records.
 */
import { HarvestError } from '../src/errors.js';
import type { TextResponse } from '../src/harvest/http.js';
import { attr, childElements, kids, parseXml, textAt, textOf, type XmlNode } from './csw-xml.js';

/**
 * One record as served: its element by local name, as parsed (`{ MD_Metadata: [node] }`). Keeping
 * the element name lets the mapping tell an ISO record from a Dublin Core one a server sent instead.
 */
export type CswRecord = Record<string, XmlNode[]>;

/** The part of a `GetRecords` answer that paging reads. */
export interface SearchResults {
  /** `numberOfRecordsMatched`; undefined when absent or not a number. */
  matched?: number;
  /** `nextRecord`; undefined when absent or not a number. */
  nextRecord?: number;
  /** Every record element of the page, in document order within each element name. */
  records: CswRecord[];
}

/** The search results of a `GetRecords` answer, or the HarvestError that says what came instead. */
export function readGetRecords(response: TextResponse): SearchResults {
  const doc = readXml(response);
  const root = kids(doc, 'GetRecordsResponse')[0];
  if (!root) throw badResponse(response.url, `the document is a ${rootName(doc) ?? 'document without elements'}, not a GetRecordsResponse`);
  const results = kids(root, 'SearchResults')[0];
  if (!results) throw badResponse(response.url, 'the reply has no SearchResults');
  const records = childElements(results).flatMap(([name, nodes]) => nodes.map((node): CswRecord => ({ [name]: [node] })));
  return { matched: count(attr(results, 'numberOfRecordsMatched')), nextRecord: count(attr(results, 'nextRecord')), records };
}

/**
 * A failed request whose body is an ExceptionReport (a 400 or 500 from pycsw, say) becomes an
 * `api_error` carrying the server's own text; the status is kept so 5xx handling still applies.
 */
export function exceptionFromStatus(error: unknown): HarvestError | undefined {
  // A 429 stays `rate_limited` whatever its body says: what to do about it does not change.
  if (!(error instanceof HarvestError) || error.code !== 'http_status' || error.body === undefined || !/ExceptionReport/.test(error.body)) return undefined;
  const parsed = parseXml(error.body.replace(/^\uFEFF/, ''));
  if (!('doc' in parsed)) return undefined;
  const report = kids(parsed.doc, 'ExceptionReport')[0];
  return report && exceptionError(error.url ?? '', report, error.body, error);
}

/** Parsed XML, or HarvestError for an empty body, an HTML page or malformed XML; an ExceptionReport throws. */
function readXml(response: TextResponse): XmlNode {
  const text = response.body.replace(/^\uFEFF/, '');
  const url = response.url;
  if (text.trim() === '') throw new HarvestError('empty_body', `The CSW server answered an empty body at ${url}.`, { url });
  const html = () => new HarvestError('html_instead_of_data', `The CSW server answered an HTML page instead of XML at ${url}.`, { url });
  // Judged by the body: some servers label good XML `text/html`.
  if (/^\s*(<\?xml[^>]*>\s*)?<(!doctype\s+html|html[\s>])/i.test(text)) throw html();
  const parsed = parseXml(text);
  if ('error' in parsed) {
    if (response.contentType.includes('text/html')) throw html();
    throw new HarvestError('not_xml', `The CSW server answered malformed XML (${parsed.error}) at ${url}.`, { url });
  }
  if (rootName(parsed.doc)?.toLowerCase() === 'html') throw html();
  const report = kids(parsed.doc, 'ExceptionReport')[0];
  if (report) throw exceptionError(url, report, text);
  return parsed.doc;
}

/**
 * `The CSW server refused the request (InvalidParameterValue sortBy: …) at URL.` The report itself
 * is kept as the error's `body`, where the harvester reads what was refused.
 */
function exceptionError(url: string, report: XmlNode, body: string, cause?: HarvestError): HarvestError {
  const parts = kids(report, 'Exception').map((exception) => {
    const code = attr(exception, 'exceptionCode') ?? 'NoApplicableCode';
    const locator = attr(exception, 'locator');
    const message = textAt(exception, 'ExceptionText') ?? textOf(exception);
    return [code, locator && `${locator}:`, message].filter(Boolean).join(' ').replace(/\s+/g, ' ');
  });
  const status = cause?.status;
  const http = status ? `HTTP ${status}, ` : '';
  const details = (parts.join('; ') || 'ExceptionReport').slice(0, 300);
  return new HarvestError('api_error', `The CSW server refused the request (${http}${details}) at ${url}.`, { url, status, body: body.slice(0, 8192), cause });
}

function rootName(doc: XmlNode): string | undefined {
  return childElements(doc).find(([name]) => name !== '?xml' && !name.startsWith('!'))?.[0];
}

function count(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

function badResponse(url: string, what: string): HarvestError {
  return new HarvestError('bad_response', `The CSW server answered an unexpected document (${what}) at ${url}.`, { url });
}

/**
 * Platform detection (`--platform auto`, `platform: auto`): reads the URL the operator gave, then
 * probes the APIs each platform answers on, and says which platform it found and why. Each probe
 * is one polite GET through the portal's client; a probe that fails is only a "no". A portal that
 * cannot be reached at all stops the detection with that error.
 */
import { ConfigError, HarvestError, messageOf } from '../errors.js';
import type { HttpClient, TextResponse } from './http.js';

export interface Detection {
  platform: string;
  /** One sentence: what answered, and how. */
  reason: string;
  /** Every probe tried, in order, with what it found. */
  tried: { url: string; found: string }[];
}

type Json = Record<string, unknown>;

interface ApiProbe {
  platform: string;
  /** Relative to the portal's base URL. */
  path: (base: URL) => string;
  /** The reason when the answer is this platform's; undefined when it is not. */
  recognize: (body: Json) => string | undefined;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

// Order matters: CKAN before DKAN 7 (which answers a CKAN-like subset without status_show), and the
// platform APIs before the generic data.json that several of them also serve.
const API_PROBES: readonly ApiProbe[] = [
  {
    platform: 'ckan',
    path: () => 'api/3/action/status_show',
    recognize: (b) => (b.success === true && isObject(b.result) && typeof b.result.ckan_version === 'string' ? `status_show answered CKAN ${b.result.ckan_version}` : undefined),
  },
  {
    platform: 'dkan',
    path: () => 'api/1/search?page-size=1',
    recognize: (b) => (typeof b.total !== 'undefined' && isObject(b.results) ? 'the DKAN 2 search API (/api/1/search) answered' : undefined),
  },
  {
    platform: 'dkan',
    path: () => 'api/3/action/package_list',
    recognize: (b) => (b.success === true && Array.isArray(b.result) ? 'a CKAN-like package_list answered without status_show: DKAN 7' : undefined),
  },
  {
    platform: 'opendatasoft',
    path: () => 'api/explore/v2.1/catalog/datasets?limit=1',
    recognize: (b) => (typeof b.total_count === 'number' && Array.isArray(b.results) ? 'the OpenDataSoft Explore v2.1 catalog answered' : undefined),
  },
  {
    platform: 'socrata',
    path: (base) => `api/catalog/v1?domains=${encodeURIComponent(base.hostname)}&only=datasets&limit=1`,
    recognize: (b) => (typeof b.resultSetSize === 'number' && Array.isArray(b.results) ? 'the Socrata Discovery API answered' : undefined),
  },
  {
    platform: 'arcgis',
    path: () => 'api/feed/dcat-us/1.1.json',
    recognize: (b) => (Array.isArray(b.dataset) ? 'an ArcGIS Hub DCAT-US feed (/api/feed/dcat-us/1.1.json) answered' : undefined),
  },
  {
    platform: 'datajson',
    path: () => 'data.json',
    recognize: (b) => (Array.isArray(b.dataset) ? `a DCAT-US data.json with ${b.dataset.length} datasets answered` : undefined),
  },
];

/** Hub's feed paths (`/api/feed/dcat-us/1.1.json`, `/api/feed/dcat-ap/2.1.1.json`…): a catalog there is an ArcGIS Hub site's. */
const HUB_FEED = /\/api\/feed\/dcat-(us|ap)\/\d+(?:\.\d+)*(?:\.json)?\/?$/i;

const RDF_TYPES = /text\/turtle|application\/rdf\+xml|application\/ld\+json|application\/n-triples|application\/trig/i;
const RDF_ACCEPT = 'text/turtle, application/rdf+xml;q=0.9, application/ld+json;q=0.8, text/html;q=0.5, */*;q=0.1';

export async function detectPlatform(http: HttpClient, url: string, signal?: AbortSignal): Promise<Detection> {
  const tried: Detection['tried'] = [];
  const found = (platform: string, reason: string): Detection => ({ platform, reason, tried });
  // The URL itself: an RDF catalog, a CSW endpoint or a data.json document says so at once.
  const page = await firstLook(http, url, signal);
  const itself = page ? readDocument(page) : { found: 'an HTTP error status' };
  tried.push({ url, found: itself.found });
  if (itself.platform) return found(itself.platform, itself.found);
  if (itself.maybeCsw) {
    const capabilities = withParams(url, { service: 'CSW', request: 'GetCapabilities', version: '2.0.2' });
    const csw = await attempt(() => http.getText(capabilities, { signal }));
    const isCsw = typeof csw !== 'string' && /Capabilities\b/.test(csw.body) && /\bCSW\b/.test(csw.body);
    tried.push({ url: capabilities, found: isCsw ? 'CSW capabilities' : describe(csw) });
    if (isCsw) return found('csw', 'GetCapabilities answered with a CSW capabilities document');
  }
  const base = new URL(url.endsWith('/') ? url : `${url}/`);
  for (const probe of API_PROBES) {
    const probeUrl = new URL(probe.path(base), base).toString();
    const answer = await attempt(() => http.getText(probeUrl, { headers: { accept: 'application/json' }, signal }));
    const body = typeof answer === 'string' ? undefined : jsonOf(answer);
    const reason = body && probe.recognize(body);
    tried.push({ url: probeUrl, found: reason ?? (body ? 'JSON of another shape' : describe(answer)) });
    if (reason) return found(probe.platform, reason);
  }
  if (page && page.status < 400 && /html/i.test(page.contentType)) return found('html', 'no catalog API answered and the URL is an HTML page: read it with sitemap or selectors');
  throw new ConfigError(`No platform was recognized at ${url}. Tried: ${tried.map((t) => `${t.url} (${t.found})`).join('; ')}.`, { code: 'not_detected' });
}

/**
 * The URL's own answer. An error status still says something (a CSW endpoint asked nothing answers
 * 400 with an ExceptionReport), so its body is read too; unreachable is thrown.
 */
async function firstLook(http: HttpClient, url: string, signal?: AbortSignal): Promise<TextResponse | undefined> {
  try {
    return await http.getText(url, { headers: { accept: RDF_ACCEPT }, signal });
  } catch (error) {
    if (!(error instanceof HarvestError) || error.status === undefined) throw error;
    return error.body ? { url, status: error.status, contentType: '', body: error.body } : undefined;
  }
}

function readDocument(page: TextResponse): { platform?: string; found: string; maybeCsw?: boolean } {
  const hub = hubFeedOf(page);
  if (hub) return { platform: 'arcgis', found: hub };
  if (RDF_TYPES.test(page.contentType)) return { platform: 'dcat', found: `an RDF document (${page.contentType.split(';')[0]})` };
  const head = page.body.slice(0, 4096);
  if (/<(\w+:)?(Capabilities|ExceptionReport|GetRecordsResponse)\b/.test(head)) {
    return { found: 'an OGC XML answer', maybeCsw: true };
  }
  if (/<rdf:RDF\b/.test(head)) return { platform: 'dcat', found: 'an RDF/XML document' };
  const json = jsonOf(page);
  if (json && Array.isArray(json.dataset)) return { platform: 'datajson', found: `a DCAT-US data.json document with ${json.dataset.length} datasets` };
  return { found: `${page.contentType.split(';')[0] || 'an answer'} of ${page.body.length} characters`, maybeCsw: /xml/i.test(page.contentType) };
}

/**
 * A Hub feed, read before the generic answers: its DCAT-US feed is also a data.json and its
 * DCAT-AP feed JSON-LD, and both are read best by the arcgis harvester (Hub's quirks, item ids).
 */
function hubFeedOf(page: TextResponse): string | undefined {
  const feed = HUB_FEED.exec(URL.canParse(page.url) ? new URL(page.url).pathname : '');
  const json = feed ? jsonOf(page) : undefined;
  const isCatalog = json && (Array.isArray(json.dataset) || 'dcat:dataset' in json || json['@type'] === 'dcat:Catalog');
  if (!feed || !isCatalog) return undefined;
  return `an ArcGIS Hub DCAT-${feed[1].toUpperCase()} feed (${feed[0]}) answered`;
}

/** The answer, or what went wrong as a short text: a failed probe is a "no", not an error. */
async function attempt(get: () => Promise<TextResponse>): Promise<TextResponse | string> {
  try {
    return await get();
  } catch (error) {
    if (error instanceof HarvestError) return error.status ? `HTTP ${error.status}` : error.code;
    return messageOf(error);
  }
}

function jsonOf(page: TextResponse): Json | undefined {
  if (!/json/i.test(page.contentType) && !/^\s*[{[]/.test(page.body)) return undefined;
  try {
    const value: unknown = JSON.parse(page.body.replace(/^\uFEFF/, ''));
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function describe(answer: TextResponse | string): string {
  return typeof answer === 'string' ? answer : `${answer.contentType.split(';')[0] || 'an answer'}, not this platform's`;
}

function withParams(url: string, params: Record<string, string>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}

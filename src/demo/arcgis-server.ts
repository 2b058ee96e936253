/**
 * A fake ArcGIS Hub site on 127.0.0.1 for tests and demos: the DCAT-US 1.1 feed and the DCAT-AP
 * 2.1.1 feed of one catalog, at Hub's paths, as every Hub site serves both. It is the data.json
 * fake (datajson-server.ts) with the DCAT-AP feed beside it, so its faults apply to both feeds
 * (the hook is given the URL asked for).
 */
import { HUB_DCAT_US_PATH, startDataJsonServer, type DataJsonFaultHook, type DataJsonServer, type ServedDocument } from './datajson-server.js';

export { HUB_DCAT_US_PATH } from './datajson-server.js';

/** Where a Hub site serves its DCAT-AP 2.1.1 feed. */
export const HUB_DCAT_AP_PATH = '/api/feed/dcat-ap/2.1.1.json';

export interface HubServerOptions {
  /** The DCAT-US 1.1 feed: a data.json catalog document. */
  dcatUs: Record<string, unknown>;
  /** The DCAT-AP 2.1.1 feed: a JSON-LD document, or the exact text to serve (a malformed feed). Default none: 404. */
  dcatAp?: Record<string, unknown> | string;
  /** Per-request fault injection (datajson-server.ts). Default none. */
  faults?: DataJsonFaultHook;
}

/** Served as plain JSON, not `application/ld+json`: the harvester must know JSON-LD by its shape. */
const DCAT_AP_TYPE = 'application/json; charset=utf-8';

export function startHubServer(options: HubServerOptions): Promise<DataJsonServer> {
  const { dcatAp } = options;
  const documents: Record<string, ServedDocument> = {};
  if (dcatAp !== undefined) documents[HUB_DCAT_AP_PATH] = { contentType: DCAT_AP_TYPE, body: typeof dcatAp === 'string' ? dcatAp : JSON.stringify(dcatAp) };
  return startDataJsonServer({ catalog: options.dcatUs, paths: [HUB_DCAT_US_PATH], documents, faults: options.faults });
}

/**
 * DKAN harvester (HARVESTING.md, "DKAN"). `list` prefers the portal's `/data.json` when a
 * data.json harvester is injected and the document is served; otherwise it finds the API the
 * portal answers: DKAN 7's CKAN-like Action API (harvesters/dkan-7.ts) or DKAN 2's search and
 * metastore (harvesters/dkan-2.ts). Every record is tagged with the door it came through, and
 * `toDcat` maps it accordingly.
 */
import { CosechaError, HarvestError, RecordError, messageOf, type HarvestErrorCode } from '../src/errors.js';
import type { DatasetDraft } from '../src/dcat/types.js';
import type { PortalConfig } from '../src/config-types.js';
import type { Harvester, HarvestContext, RawPage } from '../src/harvest/types.js';
import { isObject, text } from './values.js';
import { dkanSite, notServed, type DkanSite } from './dkan-api.js';
import { openDkan7 } from './dkan-7.js';
import { openDkan2 } from './dkan-2.js';
import { dkan7SourceId, dkan7ToDcat } from './dkan-package.js';
import { dkan2SourceId, dkan2ToDcat } from './dkan-dcat-us.js';
import type { DkanRecord } from './dkan-types.js';

export type { DkanRecord } from './dkan-types.js';

export interface DkanHarvesterOptions {
  /**
   * The harvester of DCAT-US `data.json` documents. When given, `list` first reads the portal's
   * `/data.json` through it (its `ctx.portal.url` is that document's URL) and maps those records
   * with its `toDcat`; the DKAN APIs are used only when the document is not served, fails before
   * its first record, or lists no dataset. A portal's `options.dataJson` names the document when
   * it is elsewhere (a URL), or skips it (`false`). Default: none (the DKAN APIs only).
   */
  dataJson?: Harvester<unknown>;
}

type Pages = AsyncGenerator<RawPage<DkanRecord>>;

/** Builds a DKAN harvester; `dataJson` is the one-line hook for the data.json harvester. */
export function createDkanHarvester(options: DkanHarvesterOptions = {}): Harvester<DkanRecord> {
  const { dataJson } = options;

  async function* list(ctx: HarvestContext): Pages {
    const site = dkanSite(ctx.portal.url);
    if (dataJson && ctx.portal.options.dataJson !== false) {
      if (yield* fromDataJson(ctx, dataJson, site)) return;
    }
    yield* fromApi(ctx, site);
  }

  function sourceId(raw: DkanRecord): string | undefined {
    if (!isObject(raw)) return undefined;
    switch (raw.api) {
      case 'dkan7':
        return dkan7SourceId(raw.package);
      case 'dkan2':
        return dkan2SourceId(raw.dataset);
      case 'data.json':
        return dataJson?.sourceId(raw.record);
      case 'unfetched':
        return raw.id;
      default:
        return undefined;
    }
  }

  function toDcat(raw: DkanRecord, portal: PortalConfig): DatasetDraft {
    if (!isObject(raw)) throw new RecordError('bad_record', 'The DKAN record is not an object.');
    switch (raw.api) {
      case 'dkan7':
        return dkan7ToDcat(raw.package, portal);
      case 'dkan2':
        return dkan2ToDcat(raw.dataset, portal);
      case 'data.json':
        if (!dataJson) throw new RecordError('no_mapping', 'The record was read from data.json, and this DKAN harvester has no data.json mapping.', sourceId(raw));
        return dataJson.toDcat(raw.record, portal);
      case 'unfetched':
        throw new RecordError('fetch_failed', `The dataset ${raw.id} could not be read (${raw.code}): ${raw.message}`, raw.id);
      default:
        throw new RecordError('bad_record', 'The DKAN record names no API it was read from.');
    }
  }

  /** A DKAN 7 package's name: what package_list gives, and so what a failed package_show is named by. */
  function aliases(raw: DkanRecord): string[] {
    const name = isObject(raw) && raw.api === 'dkan7' && isObject(raw.package) ? text(raw.package.name) : undefined;
    return name ? [name] : [];
  }

  return { platform: 'dkan', incremental: false, list, sourceId, aliases, toDcat };
}

/** The DKAN harvester without data.json: DKAN 7 and DKAN 2 APIs only. */
export const dkan: Harvester<DkanRecord> = createDkanHarvester();

/**
 * Yields the portal's data.json through the injected harvester. Returns false, having yielded
 * nothing, when the document is not served, fails before its first record or lists no dataset:
 * the APIs are asked instead. A failure after the first record fails the run.
 */
async function* fromDataJson(ctx: HarvestContext, harvester: Harvester<unknown>, site: DkanSite): AsyncGenerator<RawPage<DkanRecord>, boolean> {
  // A portal may name its catalog elsewhere (`options.dataJson`, as the data.json harvester reads it).
  const option = ctx.portal.options.dataJson;
  const url = typeof option === 'string' ? option : site.dataJson;
  const delegated: HarvestContext = { ...ctx, portal: { ...ctx.portal, url } };
  let records = 0;
  try {
    for await (const page of harvester.list(delegated)) {
      if (page.records.length === 0) continue;
      records += page.records.length;
      yield { url: page.url, records: page.records.map((record): DkanRecord => ({ api: 'data.json', record })) };
    }
  } catch (error) {
    if (records > 0 || ctx.signal.aborted || !(error instanceof CosechaError)) throw error;
    ctx.log.warn({ url, error: messageOf(error) }, 'The data.json catalog could not be read: listing through the DKAN API.');
    return false;
  }
  if (records === 0) ctx.log.warn({ url }, 'The data.json catalog lists no dataset: listing through the DKAN API.');
  return records > 0;
}

/**
 * Tries DKAN 7 then DKAN 2 (DKAN 2 first when the configured URL points at `/api/1`). An API
 * that is not served is only a "no"; a portal that fails otherwise ends the run with that error.
 */
async function* fromApi(ctx: HarvestContext, site: DkanSite): Pages {
  const apis = site.hint === 2 ? [openDkan2, openDkan7] : [openDkan7, openDkan2];
  const refusals: HarvestError[] = [];
  for (const open of apis) {
    let pages: Pages;
    try {
      pages = await open(ctx, site);
    } catch (error) {
      if (ctx.signal.aborted || !notServed(error)) throw error;
      refusals.push(error as HarvestError);
      continue;
    }
    yield* pages;
    return;
  }
  const [first] = refusals;
  const tried = refusals.map((error) => error.message).join(' ');
  throw new HarvestError(first.code as HarvestErrorCode, `No DKAN API answered at ${site.root}. ${tried}`, { url: first.url, status: first.status, cause: first });
}

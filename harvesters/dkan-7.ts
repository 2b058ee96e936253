/**
 * DKAN 7's CKAN-like Action API (open_data_schema_map): `package_list` names every published
 * dataset; `current_package_list_with_resources` (`limit`, `offset`, newest first) gives whole
 * packages in pages where it is served; `package_show` gives one package, as a list of one on
 * most versions. `package_list` is the catalog: whatever the paged list did not cover is shown
 * one by one, a few at a time.
 */
import { CosechaError, HarvestError, messageOf, type HarvestErrorCode } from '../src/errors.js';
import type { HarvestContext, RawPage } from '../src/harvest/types.js';
import { firstSighting } from '../src/harvest/first-sighting.js';
import { callAction } from './ckan-api.js';
import { isObject, text } from './values.js';
import { badResponse, type DkanSite } from './dkan-api.js';
import { withParams } from '../src/harvest/url-params.js';
import { dkan7SourceId } from './dkan-package.js';
import type { DkanRecord } from './dkan-types.js';

/**
 * `package_show` failing this many times in a row means the API is gone, not that some datasets
 * are broken: the run fails instead of recording every remaining dataset as failed.
 */
export const MAX_CONSECUTIVE_SHOW_FAILURES = 5;
/** Failures that mean the host itself is gone: one is enough. */
const HOST_FAILURES = new Set(['unreachable', 'tls_error']);

type Pages = AsyncGenerator<RawPage<DkanRecord>>;

/** What the listing has covered so far. */
interface Progress {
  /** Source ids yielded (duplicates are skipped). */
  ids: Set<string>;
  /** `package_list` names covered by a yielded package. */
  names: Set<string>;
}

/** Asks `package_list` (a HarvestError when DKAN 7 is not served) and returns the listing that follows. */
export async function openDkan7(ctx: HarvestContext, site: DkanSite): Promise<Pages> {
  const url = `${site.actions}package_list`;
  const names = packageNames(url, await callAction(ctx, url));
  return listDkan7(ctx, site, names);
}

async function* listDkan7(ctx: HarvestContext, site: DkanSite, names: string[]): Pages {
  const progress: Progress = { ids: new Set(), names: new Set() };
  ctx.listing?.declare(names.length, `${site.actions}package_list`);
  yield* withResources(ctx, site, names.length, progress);
  const rest = names.filter((name) => !progress.names.has(name));
  if (rest.length) ctx.log.info({ datasets: rest.length }, 'Reading the remaining DKAN datasets one by one with package_show.');
  yield* shownOneByOne(ctx, site, rest, progress);
}

/**
 * Pages `current_package_list_with_resources`. Any failure only ends the paging (the datasets
 * not covered are shown one by one); so do an empty page, a page with nothing new, and a server
 * that ignores `limit` and sends everything at once.
 */
async function* withResources(ctx: HarvestContext, site: DkanSite, listed: number, progress: Progress): Pages {
  const limit = Math.max(1, ctx.portal.pageSize);
  for (let offset = 0; progress.names.size < listed; ) {
    ctx.signal.throwIfAborted();
    const url = withParams(`${site.actions}current_package_list_with_resources`, { limit, offset });
    let packages: unknown[];
    try {
      packages = packagesOf(url, await callAction(ctx, url));
    } catch (error) {
      if (ctx.signal.aborted || !(error instanceof CosechaError)) throw error;
      ctx.log.warn({ url, error: messageOf(error) }, 'current_package_list_with_resources failed: the rest is read with package_show.');
      return;
    }
    const fresh = packages.filter((pkg) => firstSightingOf(ctx, progress, pkg, url));
    if (fresh.length) yield { url, records: fresh.map((pkg) => ({ api: 'dkan7', package: pkg })) };
    if (fresh.length === 0 || packages.length > limit) return;
    offset += packages.length;
  }
}

type Shown = { url: string; pkg: unknown } | { url: string; error: unknown };

/**
 * `package_show` for each name, at most `politeness.concurrency` at once (the host queue spaces
 * them), yielded in order, one page per dataset so that a failure names its own URL.
 */
async function* shownOneByOne(ctx: HarvestContext, site: DkanSite, names: string[], progress: Progress): Pages {
  const window = Math.max(1, ctx.portal.politeness.concurrency);
  const pending: Promise<Shown>[] = [];
  let next = 0;
  let failuresInARow = 0;
  let failures = 0;
  const launch = () => pending.push(show(ctx, site, names[next++]));
  while (next < names.length && pending.length < window) launch();
  for (let index = 0; pending.length > 0; index++) {
    const shown = await pending.shift()!;
    ctx.signal.throwIfAborted();
    if (next < names.length) launch();
    if ('pkg' in shown) {
      failuresInARow = 0;
      if (firstSightingOf(ctx, progress, shown.pkg, shown.url)) yield { url: shown.url, records: [{ api: 'dkan7', package: shown.pkg }] };
      continue;
    }
    failuresInARow += 1;
    failures += 1;
    throwWhenGone(shown, failuresInARow, progress.ids.size);
    const code = shown.error instanceof CosechaError ? shown.error.code : 'unexpected';
    // Known only by its package_list name, while a stored package is keyed by its uuid: the run
    // driver keeps the stored dataset whose package has that name (the harvester's `aliases`).
    yield { url: shown.url, records: [{ api: 'unfetched', id: names[index], url: shown.url, code, message: messageOf(shown.error) }] };
  }
  if (failures > 0 && progress.ids.size === 0) {
    throw new HarvestError('bad_response', `package_show failed for every one of the ${failures} datasets that package_list names at ${site.actions}.`, { url: `${site.actions}package_show` });
  }
}

/** Never rejects: a failure is a value, so that requests still in flight when the run stops are not unhandled. */
async function show(ctx: HarvestContext, site: DkanSite, name: string): Promise<Shown> {
  const url = withParams(`${site.actions}package_show`, { id: name });
  try {
    const result = await callAction(ctx, url);
    // DKAN 7 answers a list holding the package; newer versions the package itself.
    const pkg = Array.isArray(result) ? result[0] : result;
    if (!isObject(pkg)) return { url, error: badResponse(url, Array.isArray(result) ? 'an empty list instead of the package' : '"result" is not a package') };
    return { url, pkg };
  } catch (error) {
    return { url, error };
  }
}

function throwWhenGone(failed: { url: string; error: unknown }, inARow: number, yielded: number): void {
  const error = failed.error;
  if (error instanceof HarvestError && HOST_FAILURES.has(error.code)) throw error;
  if (inARow < MAX_CONSECUTIVE_SHOW_FAILURES) return;
  const status = error instanceof HarvestError && error.status ? error.status : undefined;
  const message = `package_show failed for ${inARow} datasets in a row (the last at ${failed.url}: ${messageOf(error)}): the DKAN API stopped answering after ${yielded} datasets.`;
  throw new HarvestError(error instanceof HarvestError ? (error.code as HarvestErrorCode) : 'bad_response', message, { url: failed.url, status, cause: error });
}

/** False (and logged) for a package already yielded; marks its name as covered. */
function firstSightingOf(ctx: HarvestContext, progress: Progress, pkg: unknown, url: string): boolean {
  const name = isObject(pkg) ? text(pkg.name) : undefined;
  if (name) progress.names.add(name);
  return firstSighting(ctx, progress.ids, dkan7SourceId(pkg), url);
}

/** `package_list`: names, sometimes still wrapped as `[[{name}, …]]` by older versions. */
function packageNames(url: string, result: unknown): string[] {
  if (!Array.isArray(result)) throw badResponse(url, '"result" of package_list is not a list');
  const items = result.length === 1 && Array.isArray(result[0]) ? (result[0] as unknown[]) : result;
  const names = items.map((item) => (isObject(item) ? (text(item.name) ?? text(item.id)) : text(item)));
  return [...new Set(names.filter((name): name is string => name !== undefined))];
}

/** `current_package_list_with_resources`: a list of packages, sometimes nested once more. */
function packagesOf(url: string, result: unknown): unknown[] {
  const list = isObject(result) && Array.isArray(result.result) ? result.result : result;
  if (!Array.isArray(list)) throw badResponse(url, '"result" of current_package_list_with_resources is not a list');
  return list.length === 1 && Array.isArray(list[0]) ? (list[0] as unknown[]) : list;
}

/**
 * A DKAN 7 package → DCAT draft. The package is CKAN-shaped, so the CKAN mapping does the work;
 * what differs is DKAN's: its groups are the publishing bodies (DKAN's data.json names the first
 * group as the publisher), not themes; its dates are Drupal's localized display format
 * (`mar, 10/12/2019 - 09:23`), left raw for normalization; its descriptions are HTML.
 */
import { RecordError } from '../src/errors.js';
import type { DatasetDraft } from '../src/dcat/types.js';
import type { PortalConfig } from '../src/config-types.js';
import { toDcat as ckanToDcat, type CkanPackage } from './ckan.js';
import { isObject, text } from './values.js';
import { dkanSite } from './dkan-api.js';

/** The package's uuid, else its name (the name is what `package_list` gives). */
export function dkan7SourceId(pkg: unknown): string | undefined {
  return isObject(pkg) ? (text(pkg.id) ?? text(pkg.name)) : undefined;
}

export function dkan7ToDcat(pkg: unknown, portal: PortalConfig): DatasetDraft {
  if (!isObject(pkg)) throw new RecordError('bad_record', 'The DKAN package is not an object.');
  const sourceId = dkan7SourceId(pkg);
  if (!sourceId) throw new RecordError('bad_record', 'The DKAN package has neither "id" nor "name".');
  if (!text(pkg.title)) throw new RecordError('bad_record', `The DKAN package ${sourceId} has no title.`, sourceId);
  const resources = pkg.resources;
  if (resources !== undefined && resources !== null && !Array.isArray(resources)) {
    throw new RecordError('bad_record', `The DKAN package ${sourceId} has "resources" that are not a list.`, sourceId);
  }
  // The CKAN mapping builds fallback links under the site root: give it the root, not a data.json URL.
  const draft = ckanToDcat(pkg as CkanPackage, { ...portal, url: dkanSite(portal.url).root });
  const groups = (Array.isArray(pkg.groups) ? pkg.groups : []).filter(isObject);
  const groupLabels = new Set(groups.flatMap((group) => [text(group.title), text(group.display_name), text(group.name)]));
  const first = groups[0];
  return {
    ...draft,
    themes: draft.themes.filter((theme) => !groupLabels.has(theme.label)),
    publisher: draft.publisher ?? (first ? { name: text(first.title) ?? text(first.display_name) ?? text(first.name), id: text(first.name) } : undefined),
    sourceModified: isoTime(text(pkg.metadata_modified)),
  };
}

/** An ISO timestamp when the value is one; Drupal's localized dates are not (normalization reads those). */
function isoTime(value: string | undefined): string | undefined {
  if (!value || !/^\d{4}-\d\d-\d\d/.test(value)) return undefined;
  const utc = /T\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(value) ? `${value.slice(0, 23)}Z` : value;
  const time = Date.parse(utc);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

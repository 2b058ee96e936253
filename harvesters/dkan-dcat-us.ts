/**
 * A DKAN 2 dataset (DCAT-US 1.1, as the metastore keeps it) → DCAT draft, by the shared DCAT-US
 * mapping (datajson-map.ts). DKAN's `%Ref:…` keys are not read.
 */
import type { DatasetDraft } from '../src/dcat/types.js';
import type { PortalConfig } from '../src/config-types.js';
import { isObject, text } from './values.js';
import { dataJsonToDcat } from './datajson-map.js';
import { dkanSite } from './dkan-api.js';

/** The dataset's uuid, as DKAN 2 lists it. */
export function dkan2SourceId(dataset: unknown): string | undefined {
  return isObject(dataset) ? text(dataset.identifier) : undefined;
}

export function dkan2ToDcat(dataset: unknown, portal: PortalConfig): DatasetDraft {
  return dataJsonToDcat({ dataset }, {
    sourceId: (record) => dkan2SourceId(record.dataset),
    // DKAN 2 serves every dataset's page at /dataset/<uuid> and seldom declares it.
    landingPage: (id) => `${dkanSite(portal.url).root}/dataset/${encodeURIComponent(id)}`,
  });
}

/**
 * The static harvester registry: one line per platform. The run driver and the CLI find a
 * harvester only through `harvesterFor`.
 */
import type { Harvester } from '../src/harvest/types.js';
import { ckan } from './ckan.js';
import { datajson } from './datajson.js';
import { arcgis } from './arcgis.js';
import { socrata } from './socrata.js';
import { csw } from './csw.js';
import { dcat } from './dcat.js';
import { html } from './html.js';
import { createDkanHarvester } from './dkan.js';
import { opendatasoft } from './opendatasoft.js';

/** Harvesters by platform name (`platform` in config/portals.yaml). */
export const harvesters: Readonly<Record<string, Harvester<unknown>>> = Object.freeze({
  ckan,
  datajson,
  arcgis,
  socrata,
  csw,
  dcat,
  html,
  // DKAN serves /data.json on most sites: read it with the data.json harvester when it is there.
  dkan: createDkanHarvester({ dataJson: datajson }),
  opendatasoft,
});

/** The harvester of a platform, or undefined for an unknown name. */
export function harvesterFor(platform: string): Harvester<unknown> | undefined {
  return Object.hasOwn(harvesters, platform) ? harvesters[platform] : undefined;
}

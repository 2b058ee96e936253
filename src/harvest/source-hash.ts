/**
 * The source hash: what an unchanged record is recognized by before it is mapped again (issue 9,
 * "unchanged records cost almost nothing"). It covers the source record as the harvester read it,
 * the portal settings the mapping reads and Cosecha's version, so that a record maps again when
 * its source, its portal's configuration or the code that maps it changes. (`cosecha rescore`
 * re-applies a change of mapping, normalization or scoring to every stored record at once.)
 */
import { createHash } from 'node:crypto';
import { VERSION } from '../version.js';
import type { PortalConfig } from '../config-types.js';

/** Hashes source records of one portal; the seed is computed once per run. */
export function sourceHasher(portal: PortalConfig): (raw: unknown) => string {
  const { id, platform, url, country, level, options } = portal;
  const seed = JSON.stringify([VERSION, id, platform, url, country, level, options]);
  // The record as parsed: the same answer gives the same text, and key order changes are rare
  // enough that mapping such a record again (and finding it unchanged) is the cheaper rule.
  return (raw) => createHash('sha1').update(seed).update(JSON.stringify(raw) ?? 'undefined').digest('base64url');
}

/**
 * The harvester plug-in contract. A harvester is I/O (`list`) plus a pure mapping (`toDcat`);
 * the run driver owns counting, normalizing, scoring, storing, withdrawing and reporting.
 */
import type { DatasetDraft } from '../dcat/types.js';
import type { PortalConfig } from '../config-types.js';
import type { HttpClient } from './http.js';
import type { Logger } from '../log.js';

/** One page of source records, as fetched. */
export interface RawPage<Raw = unknown> {
  /** The URL the page was read from (stored as provenance and in failure reports). */
  url: string;
  records: Raw[];
}

export interface HarvestContext {
  portal: PortalConfig;
  /** The portal's HTTP client: polite, bounded, retrying; the only way a harvester does I/O. */
  http: HttpClient;
  /** Set for an incremental run: only records modified since then are needed. */
  since?: Date;
  log: Logger;
  /** Aborted when the run must stop (shutdown, lost lease). */
  signal: AbortSignal;
  /**
   * What the listing tells the run driver, which withdraws nothing after a listing shorter than
   * the portal declared (harvest/withdrawal.ts). Absent outside a run (tests, the bench's floor).
   */
  listing?: {
    /** The portal says the whole listing holds `total` records (CKAN's `count`, …): call it on every page that says. */
    declare(total: number, url: string): void;
    /** `count` records the portal answered with were left out on purpose (listed twice, another domain's copies). */
    skip(count: number): void;
  };
}

export interface Harvester<Raw = unknown> {
  /** Platform name used in config/portals.yaml. */
  readonly platform: string;
  /** True when `list` honours `ctx.since`; otherwise every run is a full listing. */
  readonly incremental: boolean;
  /**
   * Pages of source records, in a stable order. Throws HarvestError when the listing cannot be
   * completed; the driver then withdraws nothing.
   */
  list(ctx: HarvestContext): AsyncIterable<RawPage<Raw>>;
  /** The record's id in the source, used for identity and failure reports. */
  sourceId(raw: Raw): string | undefined;
  /**
   * Other ids the source names this record by, when a failure can name it by one of them (DKAN 7:
   * `package_list` gives names, datasets are stored by uuid). A complete full run does not withdraw
   * a dataset whose stored record has the id a failed record was named by. Default: none.
   */
  aliases?(raw: Raw): string[];
  /** Pure, synchronous mapping of one source record to DCAT. Throws RecordError for a bad record. */
  toDcat(raw: Raw, portal: PortalConfig): DatasetDraft;
}

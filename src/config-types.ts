/** The shape of a configured portal once config/portals.yaml has been validated. */
import type { PortalRecord } from './store/store.js';

export interface Politeness {
  /** Requests at once to the portal's host. */
  concurrency: number;
  /** Minimum milliseconds between request starts to the host. */
  intervalMs: number;
}

/** A portal entry: what the store keeps of it (id, name, country, level, platform, url) and how to harvest it. */
export interface PortalConfig extends PortalRecord {
  /** Cron expression (node-cron, 5 or 6 fields) for scheduled harvests. */
  schedule: string;
  /** A full (withdrawing) run at least this often; incremental runs in between. */
  fullEveryDays: number;
  /** Records asked for per page. */
  pageSize: number;
  politeness: Politeness;
  /** Per-request timeout. */
  timeoutMs: number;
  /** Largest response accepted, in bytes. */
  maxResponseBytes: number;
  /** Accept invalid TLS certificates (recorded in every run report). */
  insecure: boolean;
  /**
   * A full run that would withdraw more than this share (0–1) of the portal's active datasets
   * withdraws none until an operator harvests with `--allow-mass-withdrawal`.
   */
  maxWithdrawalShare: number;
  /** Scheduled harvests happen only for enabled portals. */
  enabled: boolean;
  /** Platform-specific options (API token, selectors…). */
  options: Record<string, unknown>;
}

/** The link checker's options, each with its default (QUALITY.md, link checks). */
import { ConfigError } from '../errors.js';
import { VERSION } from '../version.js';
import { systemResolver, type Resolver } from './address-policy.js';
import type { HostGate } from './host-gate.js';

/**
 * Browser-like, so that servers answer as they would to a person, and naming Cosecha so that
 * administrators can tell who asks. Never the word "link": some firewalls block link checkers.
 */
export const DEFAULT_USER_AGENT = `Mozilla/5.0 (compatible; Cosecha/${VERSION}; open-data quality checker)`;

export interface LinkCheckOptions {
  /** The clock that dates checks and schedules the next one (tests move it). Default: the system clock. */
  now?: () => Date;
  /** Per-request timeout in ms. Default 10 000. */
  timeoutMs?: number;
  /** Redirects followed per request chain. Default 5. */
  maxRedirects?: number;
  /** User-Agent of every request; must not contain "link". Default {@link DEFAULT_USER_AGENT}. */
  userAgent?: string;
  /**
   * Host names fetched even when they resolve to a private or loopback address: the portal's own
   * host and any configured one. Compared case-insensitively, without port. Default none.
   */
  allowHosts?: readonly string[];
  /** Links checked at once across all hosts (checkLinks). Default 8. */
  concurrency?: number;
  /** Requests at once to one host. Default 1. */
  perHostConcurrency?: number;
  /** Minimum ms between requests to one host (after the previous one ended). Default 1000. */
  perHostIntervalMs?: number;
  /** Longest Retry-After honoured, in ms; a longer one is cut to this. Default 60 000. */
  maxRetryAfterMs?: number;
  /** Resolves a host name to all its addresses. Default: dns.lookup with `all`. */
  resolver?: Resolver;
  /**
   * The per-host gate to share with other calls (a scheduler checking link by link). When given,
   * its own politeness settings apply and perHost* and maxRetryAfterMs here are ignored.
   * Default: a new gate per checkLinks or checkLink call.
   */
  gate?: HostGate;
  /** Stops the work: pending checks reject with the signal's reason. */
  signal?: AbortSignal;
}

export type ResolvedLinkCheckOptions = Required<Omit<LinkCheckOptions, 'gate' | 'signal'>> & Pick<LinkCheckOptions, 'gate' | 'signal'>;

export const LINK_CHECK_DEFAULTS: Readonly<Required<Omit<LinkCheckOptions, 'gate' | 'signal'>>> = Object.freeze({
  now: () => new Date(),
  timeoutMs: 10_000,
  maxRedirects: 5,
  userAgent: DEFAULT_USER_AGENT,
  allowHosts: [],
  concurrency: 8,
  perHostConcurrency: 1,
  perHostIntervalMs: 1000,
  maxRetryAfterMs: 60_000,
  resolver: systemResolver,
});

/** The options with defaults filled in; a User-Agent naming "link" or a non-positive limit is a ConfigError. */
export function resolveLinkCheckOptions(options: LinkCheckOptions = {}): ResolvedLinkCheckOptions {
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const resolved: ResolvedLinkCheckOptions = { ...LINK_CHECK_DEFAULTS, ...defined };
  if (/link/i.test(resolved.userAgent)) {
    throw new ConfigError(`The link checker's User-Agent must not contain "link": ${resolved.userAgent}`);
  }
  for (const key of ['timeoutMs', 'concurrency', 'perHostConcurrency'] as const) {
    if (!(resolved[key] > 0)) throw new ConfigError(`Link check option ${key} must be a positive number, not ${resolved[key]}.`);
  }
  for (const key of ['maxRedirects', 'perHostIntervalMs', 'maxRetryAfterMs'] as const) {
    if (!(resolved[key] >= 0)) throw new ConfigError(`Link check option ${key} must be zero or more, not ${resolved[key]}.`);
  }
  return resolved;
}

/**
 * A container for tests: a real SQLite store (in memory unless a path is given), the real CKAN
 * harvester and HTTP client with fast retry settings, and a silent logger.
 */
import { loadConfig, parsePortal, type Config, type PortalConfig } from '../../src/config.js';
import { createContainer, openStore, type Container } from '../../src/container.js';
import { silentLogger } from '../../src/log.js';

export function ckanPortal(id: string, url: string, overrides: Record<string, unknown> = {}): PortalConfig {
  return parsePortal('test', {
    id, name: `Portal ${id}`, country: 'EC', level: 'national', platform: 'ckan', url,
    pageSize: 5, politeness: { concurrency: 4, intervalMs: 0 }, timeoutMs: 2000, ...overrides,
  }, 0);
}

export function testConfig(portals: PortalConfig[], store = 'sqlite::memory:'): Config {
  const base = loadConfig({ portalsPath: 'config/portals.yaml', env: {} });
  return { ...base, portals, settings: { ...base.settings, store, logLevel: 'silent', retries: 1, backoffLimitMs: 20, maxRetryAfterMs: 2000, leaseMs: 60_000, linkIntervalMs: 10, linkTimeoutMs: 2000 } };
}

export async function testContainer(portals: PortalConfig[], options: { store?: string; now?: () => Date } = {}): Promise<Container> {
  const config = testConfig(portals, options.store);
  return createContainer(config, { log: silentLogger, store: await openStore(config.settings.store), now: options.now });
}

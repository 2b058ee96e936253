/** A valid PortalConfig for tests, with fast, local-friendly limits; override what the test is about. */
import type { PortalConfig } from '../../src/config-types.js';

export function testPortal(overrides: Partial<PortalConfig> = {}): PortalConfig {
  return {
    id: 'ec-prueba',
    name: 'Portal de prueba',
    country: 'EC',
    level: 'national',
    platform: 'ckan',
    url: 'http://127.0.0.1:9/',
    schedule: '0 3 * * *',
    fullEveryDays: 7,
    pageSize: 100,
    politeness: { concurrency: 4, intervalMs: 0 },
    timeoutMs: 1000,
    maxResponseBytes: 5_000_000,
    insecure: false,
    maxWithdrawalShare: 0.1,
    enabled: true,
    options: {},
    ...overrides,
  };
}

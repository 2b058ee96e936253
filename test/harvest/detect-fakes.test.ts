/** Detection names the platform of every fake portal the harvesters are tested against. */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { detectPlatform } from '../../src/harvest/detect.js';
import { createHttpClient } from '../../src/harvest/http.js';
import { startCkanServer } from '../../src/demo/ckan-server.js';
import { startDataJsonServer, HUB_DCAT_US_PATH } from '../../src/demo/datajson-server.js';
import { startSocrataServer } from '../../src/demo/socrata-server.js';
import { startOpendatasoftServer } from '../../src/demo/opendatasoft-server.js';
import { startCswServer } from '../../src/demo/csw-server.js';
import { startDcatServer } from '../../src/demo/dcat-server.js';
import { ckanPackages } from '../support/ckan-packages.js';

const http = createHttpClient({
  timeoutMs: 3000, maxResponseBytes: 8 << 20, retries: 0, backoffLimitMs: 10, maxRetryAfterMs: 100,
  userAgent: 'Cosecha test', insecure: false, politeness: { concurrency: 4, intervalMs: 0 },
});
const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const json = (path: string) => JSON.parse(fixture(path));

interface Fake {
  url: string;
  close(): Promise<void>;
}

const fakes: [string, () => Promise<Fake>, string?][] = [
  ['ckan', () => startCkanServer({ packages: ckanPackages(2) })],
  ['datajson', () => startDataJsonServer({ catalog: json('datajson/argentina.json') })],
  ['arcgis', async () => startDataJsonServer({ catalog: json('arcgis/quito-dcat-us.json'), paths: [HUB_DCAT_US_PATH, '/data.json'] })],
  ['socrata', () => startSocrataServer({ domain: '127.0.0.1', records: json('socrata/catalog.json') })],
  ['opendatasoft', () => startOpendatasoftServer({ datasets: json('opendatasoft/datasets.json') })],
  ['csw', () => startCswServer({ records: readdirSync(new URL('../fixtures/csw/records/', import.meta.url)).map((f) => fixture(`csw/records/${f}`)) })],
  ['dcat', () => startDcatServer({ catalog: fixture('dcat/catalogo-ckan.ttl') }), '/catalog.ttl'],
];

describe('platform detection on the fake portals', () => {
  for (const [platform, start, path = ''] of fakes) {
    it(`names ${platform}`, async () => {
      const fake = await start();
      try {
        const found = await detectPlatform(http, fake.url + path);
        assert.equal(found.platform, platform, `${found.reason}; tried ${JSON.stringify(found.tried)}`);
      } finally {
        await fake.close();
      }
    });
  }
});

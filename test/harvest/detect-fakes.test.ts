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
import { startDkanServer } from '../../src/demo/dkan-server.js';
import { startHtmlServer } from '../../src/demo/html-server.js';
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

/** Platform, the fake portal, the path to give detection, and a label when one platform has several fakes. */
const fakes: [string, () => Promise<Fake>, string?, string?][] = [
  ['ckan', () => startCkanServer({ packages: ckanPackages(2) })],
  ['datajson', () => startDataJsonServer({ catalog: json('datajson/argentina.json') })],
  ['arcgis', async () => startDataJsonServer({ catalog: json('arcgis/quito-dcat-us.json'), paths: [HUB_DCAT_US_PATH, '/data.json'] })],
  ['socrata', () => startSocrataServer({ domain: '127.0.0.1', records: json('socrata/catalog.json') })],
  ['opendatasoft', () => startOpendatasoftServer({ datasets: json('opendatasoft/datasets.json') })],
  ['csw', () => startCswServer({ records: readdirSync(new URL('../fixtures/csw/records/', import.meta.url)).map((f) => fixture(`csw/records/${f}`)) })],
  ['dcat', () => startDcatServer({ catalog: fixture('dcat/catalogo-ckan.ttl') }), '/catalog.ttl'],
  ['dkan', () => startDkanServer({ version: 7, datasets: json('dkan/dkan7-packages.json') }), '', 'DKAN 7'],
  ['dkan', () => startDkanServer({ version: 2, datasets: json('dkan/dkan2-datasets.json') }), '', 'DKAN 2'],
  ['html', () => startHtmlServer()],
];

describe('platform detection on the fake portals', () => {
  for (const [platform, start, path = '', label = platform] of fakes) {
    it(`names ${platform} on the fake ${label}`, async () => {
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

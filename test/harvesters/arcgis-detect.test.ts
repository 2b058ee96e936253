/** Detection of an ArcGIS Hub site that serves both feeds, from its root and from either feed's URL. */
import assert from 'node:assert/strict';
import { detectPlatform } from '../../src/harvest/detect.js';
import { createHttpClient } from '../../src/harvest/http.js';
import { HUB_DCAT_AP_PATH, HUB_DCAT_US_PATH, startHubServer } from '../../src/demo/arcgis-server.js';
import type { DataJsonServer } from '../../src/demo/datajson-server.js';
import { readFixture } from './datajson-support.js';
import { fastHttpOptions } from './ckan-support.js';

const http = createHttpClient(fastHttpOptions({ retries: 0 }));

describe('ArcGIS Hub detection', () => {
  let server: DataJsonServer | undefined;
  before(async () => {
    server = await startHubServer({ dcatUs: readFixture('arcgis/quito-dcat-us.json'), dcatAp: readFixture('arcgis/quito-dcat-ap.json') });
  });
  after(() => server?.close());

  const cases: [string, string, RegExp][] = [
    ['the site root', '', /Hub DCAT-US feed \(\/api\/feed\/dcat-us\/1\.1\.json\) answered/],
    ['the DCAT-AP feed itself, not the generic dcat', HUB_DCAT_AP_PATH, /ArcGIS Hub DCAT-AP feed \(\/api\/feed\/dcat-ap\/2\.1\.1\.json\) answered/],
    ['the DCAT-US feed itself, not the generic datajson', HUB_DCAT_US_PATH, /ArcGIS Hub DCAT-US feed \(\/api\/feed\/dcat-us\/1\.1\.json\) answered/],
  ];
  for (const [what, path, reason] of cases) {
    it(`when given ${what} of a Hub site serving both feeds, names arcgis and says why`, async () => {
      const found = await detectPlatform(http, `${server?.url}${path}`);
      assert.equal(found.platform, 'arcgis', `${found.reason}; tried ${JSON.stringify(found.tried)}`);
      assert.match(found.reason, reason);
    });
  }
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { KNOWN_PLATFORMS } from '../../src/config.js';
import { harvesterFor, harvesters } from '../../harvesters/index.js';

describe('harvester registry', () => {
  it('has a harvester for every known platform (auto is detected, not harvested), each under its own name', () => {
    for (const platform of KNOWN_PLATFORMS.filter((p) => p !== 'auto')) {
      assert.equal(harvesterFor(platform)?.platform, platform, platform);
    }
    assert.equal(harvesterFor('auto'), undefined);
    assert.equal(harvesterFor('toString'), undefined);
    assert.deepEqual(Object.keys(harvesters).sort(), KNOWN_PLATFORMS.filter((p) => p !== 'auto').sort());
  });

  it('every portal of config/portals.yaml has a harvester', () => {
    const { portals } = parse(readFileSync('config/portals.yaml', 'utf8')) as { portals: { id: string; platform: string }[] };
    for (const { id, platform } of portals) assert.ok(platform === 'auto' || harvesterFor(platform), `${id}: ${platform}`);
  });
});

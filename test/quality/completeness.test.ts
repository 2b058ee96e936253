import assert from 'node:assert/strict';
import { completeness, entityCompleteness } from '../../src/quality/completeness.js';
import { bareDataset, fullDataset, fullDistribution } from './build.js';

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);

describe('completeness', () => {
  it('weights mandatory 3, recommended 2, optional 1', () => {
    // (3·1 + 2·1 + 0) / (3·1 + 2·2 + 1·2) = 5/9
    close(entityCompleteness({ mandatory: [true], recommended: [true, false], optional: [false, false] }), 5 / 9);
  });

  it('caps an entity at 0.5 when a mandatory property is missing', () => {
    // (3·1 + 2·2 + 2) / (3·2 + 2·2 + 2) = 9/12 = 0.75 → capped at 0.5
    assert.equal(entityCompleteness({ mandatory: [true, false], recommended: [true, true], optional: [true, true] }), 0.5);
    // Below the cap it stays as it is: 3/12 = 0.25
    assert.equal(entityCompleteness({ mandatory: [true, false], recommended: [false, false], optional: [false, false] }), 0.25);
  });

  it('a record with every property is complete', () => {
    assert.deepEqual(completeness(fullDataset()), {
      score: 1, dataset: 1, distributions: 1, agents: 1, mandatory: 1, recommended: 1, optional: 1, metaOk: true,
    });
  });

  it('when the description (mandatory) is missing, the dataset part is capped at 0.5', () => {
    // Dataset: (3·1 + 2·7 + 9) / (3·2 + 2·7 + 9) = 26/29 = 0.897 → 0.5.
    // Score = 0.6 · 0.5 + 0.3 · 1 + 0.1 · 1 = 0.7. Mandatory present: title, accessURL, 2 names = 4 of 5.
    const c = completeness(fullDataset({ description: 'Sin información' }));
    assert.equal(c.dataset, 0.5);
    close(c.score, 0.7);
    close(c.mandatory, 4 / 5);
    assert.equal(c.metaOk, false);
  });

  it('scores a typical CKAN record by hand', () => {
    // Dataset: mandatory 2/2; recommended 5/7 (no spatial, temporal); optional 5/9 (periodicity,
    // identifier, landing page, modified, issued) → (6 + 10 + 5) / 29 = 21/29.
    // Distribution: accessURL; recommended 2/3 (format, dataset licence; no description);
    // optional 6/9 (size, download, media type, modified, issued, title) → (3 + 4 + 6) / 18 = 13/18.
    // Agents: publisher and contact both named → 1.
    const d = fullDataset({
      spatial: undefined,
      temporal: undefined,
      accessRights: undefined,
      conformsTo: [],
      language: [],
      version: undefined,
      distributions: [fullDistribution({ description: undefined, rights: undefined, checksum: undefined })],
    });
    const c = completeness(d);
    close(c.dataset, 21 / 29);
    close(c.distributions, 13 / 18);
    assert.equal(c.agents, 1);
    close(c.score, 0.6 * (21 / 29) + 0.3 * (13 / 18) + 0.1);
    assert.equal(c.mandatory, 1);
    close(c.recommended, 7 / 10);
    close(c.optional, 11 / 18);
    assert.equal(c.metaOk, true);
  });

  it('counts no distributions and no agents as 0', () => {
    // Title only: dataset (3·1) / 29 → capped? description missing → min(3/29, 0.5) = 3/29.
    const c = completeness(bareDataset());
    close(c.dataset, 3 / 29);
    assert.equal(c.distributions, 0);
    assert.equal(c.agents, 0);
    close(c.score, 0.6 * (3 / 29));
    assert.equal(c.metaOk, false);
  });

  it('a contact without a name is an agent missing its mandatory name', () => {
    const c = completeness(fullDataset({ contactPoint: { email: 'datos@cuenca.gob.ec' } }));
    assert.equal(c.agents, 0.5); // publisher 1, contact 0
    assert.equal(c.metaOk, false);
  });

  it('a licence declared on the dataset applies to every distribution', () => {
    const withLicence = completeness(fullDataset()).distributions;
    const without = completeness(fullDataset({ license: undefined })).distributions;
    assert.equal(withLicence, 1);
    close(without, 16 / 18);
  });
});

/**
 * Completeness, reported beside the score (QUALITY.md "Completeness"): the share of the DCAT-AP 3
 * properties a harvester can know that the record fills, weighted by obligation level.
 */
import type { Agent, ContactPoint, Dataset, Distribution } from '../dcat/types.js';
import type { Completeness } from './types.js';
import {
  hasAgent,
  hasContact,
  hasSpatial,
  present,
  presentCoded,
  presentDate,
  presentItems,
  presentLicense,
  validByteSize,
} from './present.js';

/** Which properties of one entity are present, by DCAT-AP 3 obligation level. */
export interface EntityProperties {
  mandatory: readonly boolean[];
  recommended: readonly boolean[];
  optional: readonly boolean[];
}

const count = (flags: readonly boolean[]) => flags.filter(Boolean).length;

/** C = (3·mandatory + 2·recommended + optional present) / (same, all), at most 0.5 when a mandatory one is missing. */
export function entityCompleteness(p: EntityProperties): number {
  const have = 3 * count(p.mandatory) + 2 * count(p.recommended) + count(p.optional);
  const all = 3 * p.mandatory.length + 2 * p.recommended.length + p.optional.length;
  const c = all === 0 ? 0 : have / all;
  return p.mandatory.every(Boolean) ? c : Math.min(c, 0.5);
}

export function datasetProperties(d: Dataset): EntityProperties {
  return {
    mandatory: [present(d.title), present(d.description)],
    recommended: [
      hasContact(d.contactPoint),
      d.distributions.length > 0,
      presentItems(d.keywords).length > 0,
      hasAgent(d.publisher),
      hasSpatial(d),
      presentDate(d.temporal?.start) || presentDate(d.temporal?.end),
      d.themes.some((t) => present(t.label) || present(t.code)),
    ],
    optional: [
      presentCoded(d.accessRights),
      presentItems(d.conformsTo).length > 0,
      presentCoded(d.accrualPeriodicity),
      present(d.identifier),
      present(d.landingPage),
      presentItems(d.language).length > 0,
      presentDate(d.modified),
      presentDate(d.issued),
      present(d.version),
    ],
  };
}

/**
 * The record model keeps licence and language at dataset level when the source does (CKAN does);
 * a dataset-level value applies to every distribution, as R1 says for licences.
 */
export function distributionProperties(x: Distribution, d: Dataset): EntityProperties {
  return {
    mandatory: [present(x.accessURL)],
    recommended: [present(x.description), presentCoded(x.format), presentLicense(x.license) || presentLicense(d.license)],
    optional: [
      validByteSize(x.byteSize),
      present(x.downloadURL),
      presentCoded(x.mediaType),
      presentDate(x.modified),
      presentDate(x.issued),
      present(x.title),
      present(x.rights),
      present(x.checksum?.value),
      presentItems(d.language).length > 0,
    ],
  };
}

/** Publisher and contact point: name is the one mandatory property an agent has. */
export function agentProperties(a: Agent | ContactPoint): EntityProperties {
  return { mandatory: [present(a.name)], recommended: [], optional: [] };
}

export function completeness(d: Dataset): Completeness {
  const dataset = datasetProperties(d);
  const distributions = d.distributions.map((x) => distributionProperties(x, d));
  const agents: EntityProperties[] = [];
  if (hasAgent(d.publisher)) agents.push(agentProperties(d.publisher));
  if (hasContact(d.contactPoint)) agents.push(agentProperties(d.contactPoint));
  const all = [dataset, ...distributions, ...agents];
  const share = (level: keyof EntityProperties) => {
    const flags = all.flatMap((p) => p[level]);
    return flags.length === 0 ? 0 : count(flags) / flags.length;
  };
  const cDataset = entityCompleteness(dataset);
  const cDistributions = mean(distributions.map(entityCompleteness));
  const cAgents = mean(agents.map(entityCompleteness));
  return {
    // 0.6/0.3/0.1 written as tenths so that a complete record scores exactly 1.
    score: (6 * cDataset + 3 * cDistributions + cAgents) / 10,
    dataset: cDataset,
    distributions: cDistributions,
    agents: cAgents,
    mandatory: share('mandatory'),
    recommended: share('recommended'),
    optional: share('optional'),
    metaOk: all.every((p) => p.mandatory.every(Boolean)),
  };
}

/** No distributions or no agents count as 0, not as "nothing missing". */
function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

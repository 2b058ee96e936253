/**
 * The Socrata fallback's records (bare `/data.json` datasets, see socrata-datajson.ts) mapped by the
 * shared DCAT-US mapping (datajson-map.ts), known by the four-by-four id the Discovery API gives.
 */
import type { DatasetDraft } from '../src/dcat/types.js';
import { dataJsonToDcat as mapDataJson, type DataJsonMapping } from './datajson-map.js';
import { dataJsonId } from './socrata-datajson.js';
import type { DataJsonDataset } from './socrata-types.js';
import { isObject } from './values.js';

/** True for a value shaped like a data.json dataset rather than a Discovery record. */
export function looksLikeDataJson(raw: unknown): raw is DataJsonDataset {
  return isObject(raw) && !('resource' in raw) && ('identifier' in raw || 'title' in raw || 'distribution' in raw);
}

const SOCRATA_MAPPING: DataJsonMapping = { sourceId: (record) => dataJsonId(record.dataset as DataJsonDataset) };

/** Pure mapping of one fallback record: the dataset exactly as data.json lists it. */
export function dataJsonToDcat(dataset: DataJsonDataset): DatasetDraft {
  return mapDataJson({ dataset }, SOCRATA_MAPPING);
}

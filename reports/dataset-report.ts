/**
 * The dataset report: a dataset's quality with every indicator explained (title, explanation, and
 * when points were lost a recommendation with the points it would gain), its recommendations
 * ordered by gain, and the link checks of its distributions. `/api/datasets/:id` serves it. The
 * recommendations name the fields as the dataset's portal's platform calls them.
 */
import { explain, recommendations, type Bilingual, type Recommendation } from '../src/quality/explanations.js';
import { indicatorTitle } from './words.js';
import { linkUrls } from '../src/harvest/process-page.js';
import type { IndicatorResult, Quality } from '../src/quality/types.js';
import type { LinkCheck } from '../src/links/types.js';
import type { Store, StoredDataset } from '../src/store/store.js';

export interface ExplainedIndicator extends IndicatorResult {
  title: Bilingual;
  explanation: Bilingual;
  recommendation?: Bilingual;
  /** Points passing would gain. */
  gain: number;
}

export interface DatasetReport extends Omit<StoredDataset, 'quality'> {
  kind: 'dataset';
  quality: Omit<Quality, 'indicators'> & { indicators: ExplainedIndicator[] };
  /** Most points gained first. */
  recommendations: Recommendation[];
  /** The latest check of each of its URLs; URLs not yet checked are absent. */
  links: LinkCheck[];
}

export async function buildDatasetReport(store: Store, stored: StoredDataset): Promise<DatasetReport> {
  const { quality } = stored;
  const platform = (await store.portals.get(stored.dataset.portalId))?.platform;
  const indicators = quality.indicators.map((result) => ({
    ...result,
    title: indicatorTitle(result.id),
    ...explain(result, platform),
  }));
  const links = await store.links.get(linkUrls([stored]));
  return {
    kind: 'dataset',
    ...stored,
    quality: { ...quality, indicators },
    recommendations: recommendations(quality, platform),
    links: [...links.values()],
  };
}

/**
 * The dataset report: a dataset's quality with every indicator explained (title, explanation, and
 * when points were lost a recommendation with the points it would gain), its recommendations
 * ordered by gain, and the link checks of its distributions. `/api/datasets/:id` serves it.
 */
import { explain, recommendations, type Bilingual, type Recommendation } from '../src/quality/explanations.js';
import { INDICATORS } from '../src/quality/indicators.js';
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

const TITLES = new Map(INDICATORS.map((i) => [i.id, i.title]));

export async function buildDatasetReport(store: Store, stored: StoredDataset): Promise<DatasetReport> {
  const { quality } = stored;
  const indicators = quality.indicators.map((result) => ({
    ...result,
    title: TITLES.get(result.id) ?? { es: result.id, en: result.id },
    ...explain(result),
  }));
  const links = await store.links.get(linkUrls([stored]));
  return {
    kind: 'dataset',
    ...stored,
    quality: { ...quality, indicators },
    recommendations: recommendations(quality),
    links: [...links.values()],
  };
}

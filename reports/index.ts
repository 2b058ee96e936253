/** The report registry: the one way src/ reaches the report builders and renderers. */
export { buildPortalReport, refreshPortalReport, type PortalReport, type PortalReportOptions } from './portal-report.js';
export { buildDatasetReport, type DatasetReport } from './dataset-report.js';
export { buildPublisherReport, type PublisherReport, type PublisherReportOptions, type FixGroup, type Recommend } from './publisher-report.js';
export { buildRegionalReport, type RegionalReport } from './regional-report.js';
export { buildComparison, LEVELS, type Comparison, type ComparisonFilter, type ComparisonOptions } from './comparison-report.js';
export { buildHistory, monthsBefore, type HistoryReport, type HistoryScope } from './history.js';
export { renderReport, REPORT_FORMATS, type ReportFormat } from './render.js';
export { SCORE_BIN, type Aggregate, type MissingItem } from './aggregate.js';
export { wordsFor, wordsOf, type CodeWords } from './words.js';
export { publisherKey, slug } from './publisher-key.js';
export { portalLines, combine, type PortalState } from './portal-lines.js';

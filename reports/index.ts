/** The report registry: the one way src/ reaches the report builders and renderers. */
export { buildPortalReport, type PortalReport } from './portal-report.js';
export { buildPublisherReport, type PublisherReport } from './publisher-report.js';
export { buildRegionalReport, type RegionalReport } from './regional-report.js';
export { renderReport, REPORT_FORMATS, type ReportFormat } from './render.js';
export type { Aggregate } from './aggregate.js';

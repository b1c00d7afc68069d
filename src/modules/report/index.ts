import type { Feature } from '../../common/feature';
import { ReportLink } from './report-link.entity';
import { ReportDocument } from './report-document.entity';
import { MandateReportResolver, PresentedMandateReportResolver } from './report.resolver';

// The client's shortlist report: HTML and PDF of one publication, built from the client-facing
// model only, reached through short-lived links.
export const reportFeature: Feature = {
  entities: [ReportLink, ReportDocument],
  resolvers: [PresentedMandateReportResolver, MandateReportResolver],
  nodeSources: [],
};

export { createPdfPrinter, type PdfPrinter } from './pdf-printer';
export { candidateChartSpec, CHART_MARKS, comparisonHeatmapSpec, renderChartSvg } from './report-charts';
export { type ReportAgreement, type ReportModel, renderReportHtml } from './report-html';
export { ReportFormat } from './report-link.entity';
export { REPORT_TEXTS } from './report-texts';
export { REPORT_PATH, reportRouter } from './report.route';
export { REPORT_LINK_LIFETIME_MS, reportModel } from './report.service';

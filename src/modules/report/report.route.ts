import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { ReportFormat } from './report-link.entity';
import { auditReportAccess, openReportLink, ReportRefusal, reportHtml, reportPdf } from './report.service';
import type { PdfPrinter } from './pdf-printer';

export const REPORT_PATH = '/reports';

// The page may show only itself: inline styles and SVG, no script, nothing fetched.
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// GET /reports/<token>: the report a link was issued for, as HTML or PDF. A refused link gets a
// plain page that says only what the person can do about it.
export function reportRouter({
  orm,
  logger,
  printer,
  started,
}: {
  orm: MikroORM;
  logger: Logger;
  printer: PdfPrinter;
  // Told of every request's work from its start (the server's stop waits for it to end).
  started: (work: Promise<void>) => void;
}): Router {
  const router = Router();
  const serve = async (request: Request<{ token: string }>, response: Response): Promise<void> => {
    response.setHeader('cache-control', 'no-store');
    // The token is in the address: never pass it on to another site.
    response.setHeader('referrer-policy', 'no-referrer');
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    const requestId = String(response.getHeader('x-request-id') ?? randomUUID());
    const em = orm.em.fork({ clear: true, useContext: false }) as EntityManager;
    try {
      const opened = await openReportLink(em, request.params.token);
      if (typeof opened === 'string') {
        refusePage(response, opened);
        return;
      }
      if (opened.link.format === ReportFormat.PDF) {
        const pdf = await reportPdf(em, opened, printer);
        await auditReportAccess(em, opened, requestId);
        response.setHeader('content-type', 'application/pdf');
        response.setHeader(
          'content-disposition',
          `attachment; filename="shortlist-report-${opened.publication.number}-${opened.link.locale.toLowerCase()}.pdf"`,
        );
        response.end(pdf);
      } else {
        const html = await reportHtml(em, opened);
        await auditReportAccess(em, opened, requestId);
        response.type('html').send(html);
      }
    } catch (error) {
      logger.error({ err: error, requestId }, 'report could not be served');
      plainPage(response, 500, 'The report could not be made just now', `Try again in a moment. Quote ${requestId} if it keeps failing.`);
    }
  };
  router.get(`${REPORT_PATH}/:token`, (request, response) => started(serve(request, response)));
  return router;
}

function refusePage(response: Response, refusal: ReportRefusal): void {
  switch (refusal) {
    case ReportRefusal.UNKNOWN:
      plainPage(response, 404, 'Not found', 'There is no report at this address. Check that the link was copied whole.');
      return;
    case ReportRefusal.EXPIRED:
      plainPage(response, 401, 'This link has expired', 'Report links work for 15 minutes. Ask for a new link where you got this one.');
      return;
    case ReportRefusal.OWN_DRAFT:
      plainPage(
        response,
        403,
        'Submit your scorecard first',
        'You have an unsubmitted scorecard for a candidate in this report. Submit it, then open the link again.',
      );
      return;
    case ReportRefusal.REVOKED:
      plainPage(response, 401, 'This link no longer works', 'Sign in again and ask for a new link.');
      return;
  }
}

function plainPage(response: Response, status: number, title: string, text: string): void {
  response
    .status(status)
    .type('html')
    .send(
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
        `<body style="font-family: sans-serif; max-width: 40em; margin: 4em auto"><h1>${title}</h1><p>${text}</p></body></html>`,
    );
}

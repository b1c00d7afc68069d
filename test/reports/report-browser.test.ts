import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Browser, Page } from 'puppeteer-core';
import { seedDemo } from '../../seeds/demo.seeder';
import { launchBrowser } from '../helpers/browser';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { signIn } from '../helpers/fixtures';
import type { GraphQLClient } from '../helpers/graphql-client';
import { toGlobalId } from '../../src/common/global-id';
import { REPORT_TEXTS } from '../../src/modules/report';
import {
  EraseCandidateDocument,
  PresentedMandateAgreementDocument,
  PresentedMandatesDocument,
  PresentedReportLinkDocument,
  PresentedReportViewDocument,
} from '../generated/graphql';

// pdf-parse loads pdf.js by a dynamic import, which jest's module system refuses: it reads the
// PDF in a plain node process of its own.
function pdfText(bytes: Uint8Array): string {
  const file = path.join(os.tmpdir(), `outside-in-report-${process.pid}.pdf`);
  fs.writeFileSync(file, bytes);
  try {
    const script =
      "const {PDFParse}=require('pdf-parse');new PDFParse({data:require('fs').readFileSync(process.argv[1])}).getText().then((r)=>process.stdout.write(r.text))";
    return execFileSync(process.execPath, ['-e', script, file], { encoding: 'utf8', cwd: process.cwd() });
  } finally {
    fs.rmSync(file, { force: true });
  }
}

// The demo shortlist's report as Fjordnett's contact person opens it, in a real headless Chromium:
// in every language, with its charts, and nothing the client may not see.
let app: TestApp;
let browser: Browser;
let fjordnett: GraphQLClient;
let mandateId: string;
// What must appear nowhere: contact data, evidence, interviewers, stages.
let redacted: string[];
let names: string[];
let candidateIds: string[];
let fits: (number | null)[];
let weightedCount: number;
let agreement: { alpha: number | null; reading: string };

const SCREENSHOT = '/tmp/outside-in-report.png';
const LOCALES = ['EN', 'NB', 'DA', 'SV'] as const;
const LANG = { EN: 'en', NB: 'nb', DA: 'da', SV: 'sv' } as const;
const INTL = { EN: 'en-GB', NB: 'nb-NO', DA: 'da-DK', SV: 'sv-SE' } as const;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  await seedDemo(app.orm.em.fork() as EntityManager);
  fjordnett = await signIn(app, 'client@fjordnett.example', 'fjordnett-client');
  const { presentedMandates } = await fjordnett.data(PresentedMandatesDocument, {});
  const mandate = presentedMandates.edges.map((edge) => edge.node).find((node) => (node.shortlist?.entries.length ?? 0) > 0)!;
  mandateId = mandate.id;
  const entries = mandate.shortlist!.entries;
  names = entries.map((entry) => `${entry.candidate.firstName} ${entry.candidate.lastName}`);
  fits = entries.map((entry) => entry.fit);
  weightedCount = entries[0].competencies.length;
  const { node } = await fjordnett.data(PresentedReportViewDocument, { id: mandateId });
  const lead = (node as { leadConsultant: { name: string } | null }).leadConsultant?.name;
  const agreed = await fjordnett.data(PresentedMandateAgreementDocument, { id: mandateId });
  agreement = (agreed.node as { agreement: typeof agreement }).agreement;

  const connection = app.em().getConnection();
  const firstNames = entries.map((entry) => entry.candidate.firstName);
  const candidates: { email: string | null; phone: string | null; id: string; first_name: string; last_name: string }[] =
    await connection.execute(`select id, email, phone, first_name, last_name from candidate where first_name in (?)`, [firstNames]);
  const evidence: { evidence: string }[] = await connection.execute(
    `select distinct r.evidence from rating r join scorecard_revision v on v.id = r.revision_id join scorecard s on s.id = v.scorecard_id
       join interview i on i.id = s.interview_id join candidacy c on c.id = i.candidacy_id
      where c.candidate_id in (?) and r.evidence is not null`,
    [candidates.map((candidate) => candidate.id)],
  );
  const interviewers: { name: string }[] = await connection.execute(
    `select distinct u.name from "user" u join scorecard s on s.interviewer_id = u.id join interview i on i.id = s.interview_id
       join candidacy c on c.id = i.candidacy_id where c.candidate_id in (?)`,
    [candidates.map((candidate) => candidate.id)],
  );
  candidateIds = entries.map((entry) => {
    const found = candidates.filter(
      (candidate) => candidate.first_name === entry.candidate.firstName && candidate.last_name === entry.candidate.lastName,
    );
    expect(found).toHaveLength(1);
    return found[0].id;
  });
  redacted = [
    ...candidates.flatMap((candidate) => [candidate.email, candidate.phone]).filter((value): value is string => Boolean(value)),
    ...evidence.map((row) => row.evidence.slice(0, 40)),
    // The lead consultant is named on the cover on purpose; the other interviewers never.
    ...interviewers.map((row) => row.name).filter((name) => name !== lead),
    'SOURCED',
    'SCREENING',
    'INTERVIEWING',
    'SHORTLISTED',
  ];
  expect(evidence.length).toBeGreaterThan(0);
  expect(interviewers.length).toBeGreaterThan(0);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function link(format: 'HTML' | 'PDF', locale: (typeof LOCALES)[number]): Promise<string> {
  const { node } = await fjordnett.data(PresentedReportLinkDocument, { id: mandateId, format, locale });
  return (node as { reportLink: { url: string } }).reportLink.url;
}

function percent(locale: (typeof LOCALES)[number], fit: number): string {
  return new Intl.NumberFormat(INTL[locale], { style: 'percent', maximumFractionDigits: 0 }).format(fit / 100).replace(/\s/g, ' ');
}

async function openWatched(page: Page, url: string): Promise<{ requests: string[]; consoleErrors: string[] }> {
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    requests.push(request.url());
    // Only the report itself may load; anything else is refused (and fails the test below).
    void (request.url() === url ? request.continue() : request.abort());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  const response = await page.goto(url, { waitUntil: 'load' });
  expect(response!.status()).toBe(200);
  return { requests, consoleErrors };
}

describe('the client report in a browser', () => {
  it.each(LOCALES)(
    'should show the demo shortlist in %s with one chart per candidate, the comparison, no request elsewhere and nothing redacted',
    async (locale) => {
      const url = await link('HTML', locale);
      const page = await browser.newPage();
      try {
        const { requests, consoleErrors } = await openWatched(page, url);
        expect(requests).toEqual([url]);
        expect(consoleErrors).toEqual([]);
        expect(await page.$eval('html', (element) => element.getAttribute('lang'))).toBe(LANG[locale]);

        const charts = await page.$$eval('figure[data-chart="candidate"]', (figures) =>
          figures.map((figure) => figure.querySelectorAll('.scores_marks path').length),
        );
        expect(charts).toEqual(names.map(() => weightedCount));
        const cells = await page.$$eval('figure[data-chart="comparison"] .cells_marks path', (paths) => paths.length);
        expect(cells).toBe(names.length * weightedCount);

        const text = (await page.$eval('body', (body) => (body as unknown as { innerText: string }).innerText)).replace(/\s/g, ' ');
        const markup = await page.content();
        for (const [index, name] of names.entries()) {
          expect(text).toContain(name);
          if (fits[index] !== null) expect(text).toContain(percent(locale, fits[index]!));
        }
        for (const value of redacted) {
          expect(text).not.toContain(value);
          expect(markup).not.toContain(value);
        }
        // The panel's agreement on the cover: the figure the portal gives, in the locale's numbers.
        const line = await page.$eval('[data-agreement]', (element) => element.textContent);
        const alpha =
          agreement.alpha === null
            ? ''
            : `α = ${new Intl.NumberFormat(INTL[locale], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(agreement.alpha)} `;
        const texts = REPORT_TEXTS[locale];
        expect(line).toBe(`${texts.agreement}: ${alpha}(${texts.agreementReadings[agreement.reading]})`);
        if (locale === 'NB') await page.screenshot({ path: SCREENSHOT, fullPage: true });
      } finally {
        await page.close();
      }
    },
    60_000,
  );

  it('should write a screenshot of the bokmål report', () => {
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
  });

  it("should print the PDF once, with each candidate's name and fit and nothing redacted, and serve it from storage after", async () => {
    const rssBefore = process.memoryUsage().rss;
    const heapBefore = process.memoryUsage().heapUsed;
    const first = await fetch(await link('PDF', 'NB'));
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    expect(first.headers.get('content-disposition')).toMatch(/^attachment; filename="shortlist-report-\d+-nb\.pdf"$/);
    const bytes = new Uint8Array(await first.arrayBuffer());
    const rssAfter = process.memoryUsage().rss;
    const heapAfter = process.memoryUsage().heapUsed;
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');

    const text = pdfText(bytes);
    const flat = text.replace(/\s+/g, ' ');
    for (const [index, name] of names.entries()) {
      expect(flat).toContain(name);
      if (fits[index] !== null) expect(flat).toContain(percent('NB', fits[index]!));
    }
    for (const value of redacted) expect(flat).not.toContain(value);

    // The second download is read from storage: the same bytes, one stored document.
    const started = Date.now();
    const second = await fetch(await link('PDF', 'NB'));
    expect(Buffer.from(await second.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    const [{ count }] = await app.em().getConnection().execute(`select count(*)::int as count from report_document`);
    expect(count).toBe(1);
    // The API process (here: the test process that runs it) grows by a few MB at most: the browser is a process of its own.
    console.log(
      `PDF report: ${bytes.length} bytes; API process RSS ${(rssBefore / 2 ** 20).toFixed(0)} → ${(rssAfter / 2 ** 20).toFixed(0)} MB, ` +
        `heap ${(heapBefore / 2 ** 20).toFixed(0)} → ${(heapAfter / 2 ** 20).toFixed(0)} MB; from storage in ${Date.now() - started} ms`,
    );
    expect(heapAfter - heapBefore).toBeLessThan(64 * 2 ** 20);
  }, 120_000);

  it('should delete the stored PDFs showing a candidate who is erased, and print the next one without them', async () => {
    const admin = await signIn(app, 'admin@nordlys.example', 'nordlys-admin');
    const { eraseCandidate } = await admin.data(EraseCandidateDocument, {
      input: { candidateId: toGlobalId('Candidate', candidateIds[0]), reason: 'Request of 2 Dec 2026' },
    });
    expect(eraseCandidate.userErrors).toEqual([]);
    const [{ count }] = await app.em().getConnection().execute(`select count(*)::int as count from report_document`);
    expect(count).toBe(0);
    const response = await fetch(await link('PDF', 'NB'));
    const flat = pdfText(new Uint8Array(await response.arrayBuffer())).replace(/\s+/g, ' ');
    expect(flat).not.toContain(names[0]);
    for (const name of names.slice(1)) expect(flat).toContain(name);
  }, 120_000);
});

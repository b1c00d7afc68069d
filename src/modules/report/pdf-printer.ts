import chromium from '@sparticuz/chromium';
import puppeteer, { type Browser } from 'puppeteer-core';
import type { Logger } from 'pino';

// Prints HTML to PDF in one headless Chromium owned by the API process: started on the first
// print, a separate process (its memory is not the API's heap), at most `concurrency` pages at
// a time with the rest waiting in line, closed with the server.
export interface PdfPrinter {
  print(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

export interface PdfPrinterOptions {
  logger: Logger;
  // Pages printing at once; each takes some tens of MB in the browser.
  concurrency?: number;
  // How long one print may take before it fails.
  timeoutMs?: number;
}

const BROWSER_ARGS = [
  ...chromium.args,
  // Chromium's own calls home (updates, sync, field trials): the report needs no network at all.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function createPdfPrinter({ logger, concurrency = 1, timeoutMs = 60_000 }: PdfPrinterOptions): PdfPrinter {
  let browser: Promise<Browser> | null = null;
  let closed = false;
  let running = 0;
  const waiting: (() => void)[] = [];

  function launch(): Promise<Browser> {
    if (!browser) {
      const launching = chromium.executablePath().then((executablePath) =>
        puppeteer.launch({
          executablePath,
          headless: true,
          args: BROWSER_ARGS,
          timeout: timeoutMs,
          // Puppeteer's own signal handlers would close the browser and exit(130) on Ctrl-C, before
          // the app drains its requests and stops PostgreSQL: the app's shutdown closes it (close()).
          handleSIGINT: false,
          handleSIGTERM: false,
          handleSIGHUP: false,
        }),
      );
      browser = launching;
      launching.then(
        (started) => {
          logger.info({ pid: started.process()?.pid }, 'report printer: Chromium started');
          // A crashed browser is started again by the next print.
          started.once('disconnected', () => {
            if (browser === launching) browser = null;
          });
        },
        () => {
          if (browser === launching) browser = null;
        },
      );
    }
    return browser;
  }

  async function turn(): Promise<void> {
    if (running < concurrency) {
      running += 1;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }

  function done(): void {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }

  return {
    async print(html) {
      if (closed) throw new Error('The report printer is closed.');
      await turn();
      try {
        const page = await (await launch()).newPage();
        try {
          // Nothing leaves the page: the report is self-contained, so any request is refused.
          await page.setRequestInterception(true);
          page.on('request', (request) => void (request.url().startsWith('data:') ? request.continue() : request.abort()));
          page.setDefaultTimeout(timeoutMs);
          await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
          const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, timeout: timeoutMs });
          return Buffer.from(pdf);
        } finally {
          await page.close().catch(() => undefined);
        }
      } finally {
        done();
      }
    },
    async close() {
      closed = true;
      const current = browser;
      browser = null;
      const started = current ? await current.catch(() => null) : null;
      if (!started) return;
      const chromiumProcess = started.process();
      await started.close().catch(() => undefined);
      // A browser that did not close when asked is not left behind.
      if (chromiumProcess && chromiumProcess.exitCode === null && chromiumProcess.signalCode === null) chromiumProcess.kill('SIGKILL');
    },
  };
}

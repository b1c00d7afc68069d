import chromium from '@sparticuz/chromium';
import puppeteer, { type Browser } from 'puppeteer-core';

// A real headless Chromium, shipped inside the @sparticuz/chromium npm package (unpacked into the
// temporary folder on first use): no download, no system package.
export async function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: await chromium.executablePath(),
    headless: true,
    args: [
      ...chromium.args,
      // Chromium's own calls home (updates, sync, field trials): the page's requests are what we test.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    defaultViewport: { width: 1400, height: 900 },
  });
}

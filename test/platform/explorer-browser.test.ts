import type { EntityManager } from '@mikro-orm/postgresql';
import type { Browser, Page } from 'puppeteer-core';
import { seedDemo } from '../../seeds/demo.seeder';
import { launchBrowser } from '../helpers/browser';
import { startTestApp, type TestApp } from '../helpers/test-app';

// The explorer as a person meets it on first open, in a real browser: the docs load, the
// pre-filled login runs, its token goes into the headers, and `Me` answers who they are.
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  await seedDemo(app.orm.em.fork() as EntityManager);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

// The text in an editor (CodeMirror 5 keeps its instance on its element).
function editorText(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (element) => (element as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
}

async function runOperation(page: Page, name: string): Promise<unknown> {
  const before = await editorText(page, '.result-window .CodeMirror');
  await page.click('button.graphiql-execute-button');
  // Two operations in the document: the run button asks which.
  const item = await page.waitForSelector(`::-p-aria([name="${name}"][role="menuitem"])`);
  await item!.click();
  await page.waitForFunction(
    (previous) => {
      // Runs in the page (the test's types have no DOM).
      const { document } = globalThis as unknown as { document: { querySelector(selector: string): unknown } };
      const element = document.querySelector('.result-window .CodeMirror') as { CodeMirror: { getValue(): string } };
      const text = element.CodeMirror.getValue();
      return text !== previous && text.trim().startsWith('{');
    },
    {},
    before,
  );
  return JSON.parse(await editorText(page, '.result-window .CodeMirror'));
}

describe('the explorer in a browser', () => {
  it('should load the docs, run the pre-filled login, and answer viewer with the token in the headers, all from 127.0.0.1', async () => {
    const page = await browser.newPage();
    const hosts = new Set<string>();
    const refused: string[] = [];
    const consoleErrors: string[] = [];
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = new URL(request.url());
      // data: and blob: addresses are the page's own (inline fonts and icons).
      if (url.protocol === 'data:' || url.protocol === 'blob:') {
        void request.continue();
        return;
      }
      hosts.add(url.host);
      if (url.hostname === '127.0.0.1') {
        void request.continue();
      } else {
        refused.push(request.url());
        void request.abort();
      }
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));

    await page.goto(`${app.url}/graphql`, { waitUntil: 'load' });

    // The docs pane is open and shows the schema's root types.
    const docs = await page.waitForSelector('.graphiql-doc-explorer ::-p-text(Root Types)');
    expect(docs).not.toBeNull();
    const docsText = await page.$eval('.graphiql-doc-explorer', (element) => (element as unknown as { innerText: string }).innerText);
    expect(docsText).toContain('query: Query');
    expect(docsText).toContain('mutation: Mutation');
    expect(await page.content()).not.toContain('Error fetching schema');
    // The headers start empty; the document says what to put there.
    expect(await editorText(page, '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror')).toBe('');
    expect(await editorText(page, '.graphiql-query-editor .CodeMirror')).toContain(
      '# 2. Copy the token into Headers:\n#  {"Authorization": "Bearer TOKEN"}\n',
    );

    const login = (await runOperation(page, 'Login')) as { data: { login: { token: string; userErrors: unknown[] } } };
    expect(login.data.login.userErrors).toEqual([]);
    expect(login.data.login.token).toMatch(/^\S{20,}$/);

    // As a person would: click into the headers editor and type the header.
    await page.click('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror');
    await page.keyboard.type(`{"Authorization": "Bearer ${login.data.login.token}"}`);
    expect(JSON.parse(await editorText(page, '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror'))).toEqual({
      Authorization: `Bearer ${login.data.login.token}`,
    });

    expect(await runOperation(page, 'Me')).toEqual({
      data: {
        viewer: {
          kind: 'USER',
          role: 'RECRUITER',
          firm: { name: 'Nordlys Executive Search' },
          user: { name: 'Marius Eide', email: 'recruiter@nordlys.example' },
        },
      },
    });
    await page.screenshot({ path: '/tmp/outside-in-explorer.png' });

    expect([...hosts]).toEqual([new URL(app.url).host]);
    expect(refused).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 60_000);
});

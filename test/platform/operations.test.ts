import { startTestApp, type TestApp } from '../helpers/test-app';
import { TypeNamesDocument } from '../generated/graphql';
import { errorCodes } from '../helpers/graphql-client';

describe('operations endpoints', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('should answer /healthz and /readyz while the database answers', async () => {
    expect(await (await fetch(`${app.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('should serve the explorer and its assets from the app itself to a browser', async () => {
    const page = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="graphiql"');
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of ['react.js', 'react-dom.js', 'graphiql.js', 'graphiql.css', 'start.js']) {
      const response = await fetch(`${app.url}/explorer/${asset}`);
      expect([asset, response.status]).toEqual([asset, 200]);
      expect((await response.text()).length).toBeGreaterThan(100);
    }
  });

  it('should allow introspection outside production', async () => {
    const { __schema } = await app.anonymous().data(TypeNamesDocument);
    expect(__schema.queryType.name).toBe('Query');
  });
});

describe('in production', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ production: true });
  });
  afterAll(() => app.close());

  it('should serve no explorer and refuse introspection', async () => {
    const page = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('graphiql');
    expect((await fetch(`${app.url}/explorer/graphiql.js`)).status).toBe(404);
    const response = await app.anonymous().request(TypeNamesDocument);
    expect(errorCodes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('readiness', () => {
  it('should answer /readyz with 503 once the database is gone, while /healthz still answers', async () => {
    const app = await startTestApp();
    try {
      await app.orm.close(true);
      const ready = await fetch(`${app.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'database not reachable' });
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});

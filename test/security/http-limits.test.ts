import { gzipSync } from 'node:zlib';
import { ApiKeyScope } from '../../src/common/access';
import { INTERNAL_ERROR_MESSAGE } from '../../src/common/errors';
import { BULK_BODY_LIMIT, REQUEST_BODY_LIMIT } from '../../src/config/limits';
import { isGraphqlPath } from '../../src/server/graphql-route';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { atsCandidates, storedCandidates } from '../helpers/integration-fixtures';
import { codes, graphql, send, type RawResponse } from './http';

let app: TestApp;
let nordlys: TestFirm;
let token: string;

beforeAll(async () => {
  // A big bucket: test/security/rate-limit.test.ts tests the bucket.
  app = await startTestApp({ rateLimit: { capacity: 1_000_000, refillPerSecond: 1_000_000 } });
  nordlys = await createTestFirm(app, 'nordlys');
  token = nordlys.asAdmin.token!;
});
afterAll(() => app.close());

const TOO_LARGE =
  'The request body is larger than 100 kB (1,024 kB for a mutation of only upsertCandidates, createRubric, updateRubricDraft).';

function expectRefused(response: RawResponse, status: number, message: string) {
  expect(response.status).toBe(status);
  expect(response.body).toEqual({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  expect(response.statements).toBe(0);
  // Refusals say where the caller's bucket stands, too.
  expect(response.headers.get('x-ratelimit-limit')).toBe('1000000');
}

// A JSON body of exactly `bytes` bytes: the query padded with spaces (not tokens).
function bodyOf(bytes: number, query = '{ viewer { kind } }', variables: unknown = {}): string {
  const bare = JSON.stringify({ query, variables });
  const padded = JSON.stringify({ query: query + ' '.repeat(bytes - Buffer.byteLength(bare)), variables });
  expect(Buffer.byteLength(padded)).toBe(bytes);
  return padded;
}

describe('request body size', () => {
  it(`should answer a body of exactly ${REQUEST_BODY_LIMIT} bytes`, async () => {
    const response = await send(app, bodyOf(REQUEST_BODY_LIMIT), { token });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { viewer: { kind: 'USER' } } });
  });

  it(`should refuse ${REQUEST_BODY_LIMIT + 1} bytes with 413, before any SQL`, async () => {
    expectRefused(await send(app, bodyOf(REQUEST_BODY_LIMIT + 1), { token }), 413, TOO_LARGE);
  });

  it('should refuse a large body that is a mutation, but not only of the bulk mutations', async () => {
    const query = 'mutation ($input: UpsertCandidatesInput!) { upsertCandidates(input: $input) { createdCount } logout { ok } }';
    const body = bodyOf(REQUEST_BODY_LIMIT + 1, query, { input: { candidates: [] } });
    expectRefused(await send(app, body, { token }), 413, TOO_LARGE);
  });

  describe('the documented exception: a bulk mutation (here upsertCandidates) up to 1 MB', () => {
    const mutation = 'mutation ($input: UpsertCandidatesInput!) { upsertCandidates(input: $input) { createdCount rejectedCount } }';
    // 500 candidates with long headlines and tags: about 290 kB.
    const batch = (prefix: string) =>
      atsCandidates(500, { prefix }).map((candidate) => ({
        ...candidate,
        headline: 'h'.repeat(200),
        tags: ['t'.repeat(50), 'u'.repeat(50), 'v'.repeat(50)],
      }));

    it('should take a 500-candidate batch larger than 100 kB', async () => {
      const { client } = await nordlys.apiKey([ApiKeyScope.CANDIDATES_WRITE]);
      const body = JSON.stringify({ query: mutation, variables: { input: { candidates: batch('bulk') } } });
      expect(Buffer.byteLength(body)).toBeGreaterThan(REQUEST_BODY_LIMIT * 2);
      const response = await send(app, body, { token: client.token });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ data: { upsertCandidates: { createdCount: 500, rejectedCount: 0 } } });
    });

    it(`should refuse one over ${BULK_BODY_LIMIT} bytes with 413 and write nothing`, async () => {
      const { client } = await nordlys.apiKey([ApiKeyScope.CANDIDATES_WRITE]);
      const before = await storedCandidates(app, nordlys.firm.id);
      const body = bodyOf(BULK_BODY_LIMIT + 1, mutation, { input: { candidates: batch('huge').slice(0, 10) } });
      expectRefused(await send(app, body, { token: client.token }), 413, TOO_LARGE);
      expect(await storedCandidates(app, nordlys.firm.id)).toEqual(before);
    });

    it(`should take one of exactly ${BULK_BODY_LIMIT} bytes`, async () => {
      const { client } = await nordlys.apiKey([ApiKeyScope.CANDIDATES_WRITE]);
      const body = bodyOf(BULK_BODY_LIMIT, mutation, { input: { candidates: atsCandidates(2, { prefix: 'edge' }) } });
      const response = await send(app, body, { token: client.token });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ data: { upsertCandidates: { createdCount: 2, rejectedCount: 0 } } });
    });
  });
});

describe('only JSON over POST', () => {
  const json = JSON.stringify({ query: '{ viewer { kind } }' });
  const onlyJson = 'The request body must be JSON, sent with Content-Type: application/json.';

  it('should answer application/json with a charset', async () => {
    const response = await send(app, json, { token, contentType: 'application/json; charset=utf-8' });
    expect(response.body).toEqual({ data: { viewer: { kind: 'USER' } } });
  });

  it.each([
    ['text/plain (what a cross-site form or fetch may send without a preflight: CSRF)', 'text/plain'],
    ['a form (CSRF)', 'application/x-www-form-urlencoded'],
    ['multipart (CSRF)', 'multipart/form-data; boundary=x'],
    ['application/graphql', 'application/graphql'],
    ['no content type', null],
  ])('should refuse %s with 415', async (_what, contentType) => {
    expectRefused(await send(app, json, { token, contentType }), 415, onlyJson);
  });

  it.each(['GET', 'PUT', 'DELETE', 'PATCH'])('should refuse %s with 405 and Allow: POST', async (method) => {
    const response = await send(app, method === 'GET' ? undefined : json, { token, method });
    expectRefused(response, 405, 'Only POST is allowed on /graphql, with a JSON body.');
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('should refuse a GET with the query in the URL (no CSRF through links or images)', async () => {
    const response = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ viewer { kind } }')}`, {
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(405);
  });

  it('should refuse a batch (an array of operations) before any SQL', async () => {
    const response = await send(app, JSON.stringify([{ query: '{ viewer { kind } }' }, { query: '{ viewer { kind } }' }]), { token });
    expectRefused(response, 400, 'Operation batching disabled.');
  });

  it('should refuse JSON that is not valid with 400, before any SQL', async () => {
    expectRefused(await send(app, '{"query": ', { token }), 400, 'The request body is not valid JSON.');
  });
});

describe('production', () => {
  let production: TestApp;
  let productionToken: string;

  beforeAll(async () => {
    production = await startTestApp({ production: true });
    productionToken = (await createTestFirm(production, 'prod')).asAdmin.token!;
  });
  afterAll(() => production.close());

  it.each([
    ['__schema', '{ __schema { queryType { name } } }'],
    ['__type', '{ __type(name: "Candidate") { fields { name } } }'],
  ])('should refuse introspection (%s) before any SQL', async (_what, query) => {
    const response = await graphql(production, query, {}, { token: productionToken });
    expect(response.status).toBe(400);
    expect(codes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(response.raw).toMatch(/introspection is not allowed/);
    expect(response.statements).toBe(0);
  });

  it('should allow __typename, which is not introspection of the schema', async () => {
    const response = await graphql(production, '{ viewer { __typename } }', {}, { token: productionToken });
    expect(response.body).toEqual({ data: { viewer: { __typename: 'Viewer' } } });
  });

  it('should serve no explorer', async () => {
    const page = await fetch(`${production.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(405);
    expect(page.headers.get('content-type')).toMatch(/^application\/json/);
    for (const asset of ['graphiql.js', 'start.js']) expect((await fetch(`${production.url}/explorer/${asset}`)).status).toBe(404);
    // …while development serves it.
    const development = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(development.status).toBe(200);
    expect(await development.text()).toContain('GraphQL explorer');
  });

  it('should send no stack trace, neither for a bad query nor for an internal failure', async () => {
    const parse = await graphql(production, '{ viewer { ', {}, { token: productionToken });
    const validation = await graphql(production, '{ viewer { password } }', {}, { token: productionToken });
    await production.em().getConnection().execute('alter table api_key rename to api_key_gone');
    let internal: RawResponse;
    try {
      internal = await graphql(production, '{ apiKeys { totalCount } }', {}, { token: productionToken });
    } finally {
      await production.em().getConnection().execute('alter table api_key_gone rename to api_key');
    }
    expect(codes(parse)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(codes(validation)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(internal.body).toEqual({
      data: null,
      errors: [
        {
          message: INTERNAL_ERROR_MESSAGE,
          path: ['apiKeys'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: internal.headers.get('x-request-id') },
        },
      ],
    });
    for (const response of [parse, validation, internal]) {
      expect(response.raw).not.toMatch(/stacktrace|exception|\.[jt]s:\d+|node_modules/i);
    }
  });
});

// POST /graphql runs on node:http without Express (src/server/graphql-route.ts): what Express's
// route did stays, down to the paths it took and the bodies its JSON parser read.
describe('the route of /graphql', () => {
  const json = JSON.stringify({ query: '{ viewer { kind } }' });
  const post = (path: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
    fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body,
    });

  it.each(['/graphql', '/graphql/', '/GraphQL', '/graphql?debug=1', '/graphql/anything'])(
    'should answer POST %s as /graphql, with its headers',
    async (path) => {
      const response = await post(path, json, { 'x-request-id': 'trace-42' });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { viewer: { kind: 'USER' } } });
      expect(response.headers.get('x-request-id')).toBe('trace-42');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('x-ratelimit-limit')).toBe('1000000');
    },
  );

  it('should take the paths to node:http that Express took (the rest go to Express)', () => {
    for (const path of ['/graphql', '/graphql/', '/GRAPHQL', '/graphql?x=/y', '/graphql/a/b', 'http://api.example/graphql?x=1']) {
      expect([path, isGraphqlPath(path)]).toEqual([path, true]);
    }
    for (const path of ['/graphqlx', '/', '/explorer/graphql', '/metrics', '/x?/graphql', 'http://api.example/other', undefined]) {
      expect([path, isGraphqlPath(path)]).toEqual([path, false]);
    }
  });

  it('should not take other paths: 404 as before', async () => {
    const response = await post('/graphqlx', json);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'Not found. The API is at /graphql.' });
  });

  it('should give a request without a usable x-request-id one of its own, refusals too', async () => {
    const answered = await post('/graphql', json, { 'x-request-id': 'not a plain id' });
    expect(answered.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const refused = await post('/graphql', '{"query": ');
    expect(refused.status).toBe(400);
    expect(refused.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should read a gzip body, as Express JSON parser did', async () => {
    const response = await post('/graphql', new Uint8Array(gzipSync(json)), { 'content-encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { viewer: { kind: 'USER' } } });
  });

  it('should refuse a charset that is not UTF with 415 and the rate-limit headers, before any SQL', async () => {
    const response = await send(app, json, { token, contentType: 'application/json; charset=latin1' });
    expectRefused(response, 415, 'The request could not be handled.');
  });
});

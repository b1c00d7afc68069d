import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { compileQuery } from 'graphql-jit';
import { toGlobalId } from '../../src/common/global-id';
import { createLogger } from '../../src/config/logger';
import { createAppServer, type AppServer } from '../../src/server/app';
import { buildAppSchema } from '../../src/server/schema';
import { startTestApp, testSecretBox, type TestApp } from '../helpers/test-app';
import { generateFirm, type GeneratedFirm } from '../bench/generate-firm';
import { AGREEMENT, ASSESSMENT, CANDIDATES_WITH_REFS, NESTED, RANKING, RANKING_CALIBRATED } from '../bench/operations';

// Queries run on code compiled per document (src/server/compiled-queries.ts). The same requests
// to a second server on the same database that runs everything on graphql-js must get the same
// answer, byte for byte, errors included; and a document is compiled once, not per request.

jest.mock('graphql-jit', () => {
  const actual = jest.requireActual('graphql-jit');
  return { ...actual, compileQuery: jest.fn(actual.compileQuery) };
});
const compiled = compileQuery as jest.MockedFunction<typeof compileQuery>;

let app: TestApp;
let reference: AppServer;
let referenceUrl: string;
let firm: GeneratedFirm;

beforeAll(async () => {
  app = await startTestApp();
  firm = await generateFirm(app.em(), app.orm.config.get('clientUrl')!, {
    seed: 7,
    candidates: 300,
    mandateSizes: [60, 30],
    recruiters: 3,
    clients: 2,
  });
  reference = await createAppServer({
    orm: app.orm,
    schema: await buildAppSchema(),
    logger: createLogger('silent'),
    production: false,
    secrets: testSecretBox(),
    rateLimit: { capacity: 1e12, refillPerSecond: 1e12 },
    compiledQueries: false,
  });
  await new Promise<void>((resolve) => reference.httpServer.listen(0, '127.0.0.1', resolve));
  referenceUrl = `http://127.0.0.1:${(reference.httpServer.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await reference?.stop();
  await app?.close();
});

async function post(base: string, body: unknown, token: string | null): Promise<{ status: number; body: string }> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.text() };
}

// Both servers' answers to one request, which must be equal; an internal error's requestId differs
// by nature, and none is expected anyway.
async function both(body: unknown, token: string | null = firm.apiKeySecret) {
  // Twice to ours: a query's first run is graphql-js's, its second the compiled code's.
  const [first, ours, theirs] = [await post(app.url, body, token), await post(app.url, body, token), await post(referenceUrl, body, token)];
  expect(ours.body).not.toContain('INTERNAL_SERVER_ERROR');
  expect(ours).toEqual(theirs);
  expect(first).toEqual(theirs);
  return JSON.parse(ours.body) as { data?: unknown; errors?: { extensions: { code: string } }[] };
}

describe('queries on compiled code', () => {
  it("should answer the bench's reads exactly as graphql-js does, compiling each document once, on its second run", async () => {
    const mandate = toGlobalId('Mandate', firm.mandateIds[0]);
    const requests = [
      { query: NESTED, variables: { id: mandate, first: 50 } },
      { query: CANDIDATES_WITH_REFS, variables: { first: 50 } },
      { query: ASSESSMENT, variables: { id: toGlobalId('Candidacy', firm.interviewedCandidacyIds[0]) } },
      { query: RANKING, variables: { id: mandate, first: 20 } },
      { query: RANKING_CALIBRATED, variables: { id: mandate, first: 20 } },
      { query: AGREEMENT, variables: { id: mandate } },
    ];
    compiled.mockClear();
    // Each round sends each request twice (both): compiled in the first round, reused after.
    for (let round = 0; round < 2; round++) {
      for (const request of requests) {
        const answer = await both(request);
        expect(answer.errors).toBeUndefined();
        expect(answer.data).not.toBeNull();
      }
      expect(compiled).toHaveBeenCalledTimes(requests.length);
    }
  });

  // totalCount is a promise in a plain field (counted when asked): compiled code reads plain
  // fields inline and must leave that one its resolver (src/server/direct-resolvers.ts).
  it('should answer aliases, fragments, directives, typenames, a count and a page past the end as graphql-js does', async () => {
    const answer = await both({
      query: `query Shapes($id: ID!, $with: Boolean!, $without: Boolean!) {
        __typename
        a: node(id: $id) { __typename id ...M }
        b: node(id: $id) { ... on Mandate { t: title @include(if: $with) s: status @skip(if: $without) } }
        missing: node(id: "TWFuZGF0ZToxMjM") { id }
      }
      fragment M on Mandate { title candidacies(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { stage } } } }`,
      variables: { id: toGlobalId('Mandate', firm.mandateIds[1]), with: true, without: false },
    });
    expect(answer.errors).toBeUndefined();
  });

  // Apollo wraps every field of the schema in its plugins' hook, for good, once a request listens to
  // fields (a keyed mutation notes its answer's subjects); a query compiled after that still gets
  // the resolvers the schema was built with: none on a plain field (src/server/compiled-queries.ts).
  it("should compile a query with the schema's own resolvers after a keyed mutation made Apollo wrap every field", async () => {
    const keyed = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${firm.apiKeySecret}`, 'idempotency-key': randomUUID() },
      body: JSON.stringify({ query: 'mutation { createCandidate(input: { firstName: "A", lastName: "B" }) { userErrors { code } } }' }),
    });
    expect(keyed.status).toBe(200);
    const title = (schema: GraphQLSchema) => (schema.getType('Mandate') as GraphQLObjectType).getFields().title.resolve;
    let schemaSeen: GraphQLSchema | null = null;
    let titleResolverSeen: unknown = null;
    compiled.mockClear();
    compiled.mockImplementationOnce((schema, ...rest) => {
      schemaSeen = schema;
      titleResolverSeen = title(schema);
      return jest.requireActual<typeof import('graphql-jit')>('graphql-jit').compileQuery(schema, ...rest);
    });
    const answer = await both({
      query: 'query AfterKeyed($id: ID!) { node(id: $id) { ... on Mandate { title status } } }',
      variables: { id: toGlobalId('Mandate', firm.mandateIds[1]) },
    });
    expect(answer.errors).toBeUndefined();
    expect(compiled).toHaveBeenCalledTimes(1);
    // Apollo's wrapper is on the field (the keyed mutation put it there) …
    expect(typeof title(schemaSeen!)).toBe('function');
    // … but the query was compiled without it: the plain field has no resolver.
    expect(titleResolverSeen).toBeUndefined();
  });

  it('should give the same errors: refused callers, user input, bad variables, unknown or missing operation names', async () => {
    const mandate = toGlobalId('Mandate', firm.mandateIds[0]);
    const cases: { body: unknown; token?: string | null; code: string }[] = [
      { body: { query: NESTED, variables: { id: mandate, first: 50 } }, token: null, code: 'UNAUTHENTICATED' },
      { body: { query: NESTED, variables: { id: mandate, first: 101 } }, code: 'BAD_USER_INPUT' },
      { body: { query: NESTED, variables: { id: mandate, first: 'fifty' } }, code: 'BAD_USER_INPUT' },
      { body: { query: NESTED, variables: { first: 50 } }, code: 'BAD_USER_INPUT' },
      { body: { query: '{ auditEvents(first: 1) { totalCount } }' }, code: 'FORBIDDEN' },
      { body: { query: `query A { __typename } query B { __typename }` }, code: 'OPERATION_RESOLUTION_FAILURE' },
      { body: { query: `query A { __typename } query B { __typename }`, operationName: 'C' }, code: 'OPERATION_RESOLUTION_FAILURE' },
    ];
    for (const { body, token, code } of cases) {
      const answer = await both(body, token === undefined ? firm.apiKeySecret : token);
      expect(answer.errors?.map((error) => error.extensions.code)).toContain(code);
    }
  });
});

import { ApiKeyScope } from '../../src/common/access';
import { QUERY_LIMITS } from '../../src/config/limits';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { atsCandidates, storedCandidates } from '../helpers/integration-fixtures';
import { codes, graphql, type RawResponse } from './http';

// Each limit at N (answered) and N + 1 (refused before any SQL, though the request carries a
// valid token whose check would have cost SQL).

let app: TestApp;
let nordlys: TestFirm;
let token: string;

beforeAll(async () => {
  // A bucket big enough for every test here to use one token: test/security/rate-limit.test.ts tests the bucket.
  app = await startTestApp({ rateLimit: { capacity: 1_000_000, refillPerSecond: 1_000_000 } });
  nordlys = await createTestFirm(app, 'nordlys');
  token = nordlys.asAdmin.token!;
});
afterAll(() => app.close());

function expectRefused(response: RawResponse, code: string, message: string) {
  expect(response.status).toBe(400);
  expect(response.body).toEqual({ errors: [{ message, extensions: { code } }] });
  expect(response.statements).toBe(0);
}

function expectAnswered(response: RawResponse, data: unknown) {
  expect(response.status).toBe(200);
  expect(response.body).toEqual({ data });
  expect(response.statements).toBeGreaterThan(0);
}

describe('depth', () => {
  // node(1) mandates(2) nodes(3) client(4) mandates(5) nodes(6) client(7) + `leaf`; fragments are not a level.
  const query = (leaf: string) => `query ($id: ID!) { node(id: $id) { ... on Client {
    mandates(first: 1) { nodes { client { mandates(first: 1) { nodes { client { ${leaf} } } } } } } } } }`;

  it(`should answer a query ${QUERY_LIMITS.depth} deep`, async () => {
    const response = await graphql(app, query('name'), { id: nordlys.client.nodeId }, { token });
    expectAnswered(response, { node: { mandates: { nodes: [] } } });
  });

  it(`should refuse a query ${QUERY_LIMITS.depth + 1} deep`, async () => {
    const response = await graphql(app, query('mandates(first: 1) { totalCount }'), { id: nordlys.client.nodeId }, { token });
    expectRefused(response, 'GRAPHQL_VALIDATION_FAILED', 'Syntax Error: Query depth limit of 8 exceeded, found 9.');
  });
});

describe('aliases', () => {
  const query = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: viewer { kind }`).join(' ')} }`;

  it(`should answer ${QUERY_LIMITS.aliases} aliases`, async () => {
    const response = await graphql(app, query(15), {}, { token });
    expectAnswered(response, Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`a${i}`, { kind: 'USER' }])));
  });

  it(`should refuse ${QUERY_LIMITS.aliases + 1} aliases`, async () => {
    const response = await graphql(app, query(16), {}, { token });
    expectRefused(response, 'GRAPHQL_VALIDATION_FAILED', 'Syntax Error: Aliases limit of 15 exceeded, found 16.');
  });
});

describe('directives', () => {
  const query = (count: number) => `{ viewer { ${Array.from({ length: count }, () => 'kind @include(if: true)').join(' ')} } }`;

  it(`should answer ${QUERY_LIMITS.directives} directives`, async () => {
    expectAnswered(await graphql(app, query(50), {}, { token }), { viewer: { kind: 'USER' } });
  });

  it(`should refuse ${QUERY_LIMITS.directives + 1} directives`, async () => {
    const response = await graphql(app, query(51), {}, { token });
    expectRefused(response, 'GRAPHQL_VALIDATION_FAILED', 'Syntax Error: Directives limit of 50 exceeded, found 51.');
  });
});

describe('tokens', () => {
  // Ten aliased nodes(ids) fields: 2 braces + 10 × 12 tokens + one token per id. (Not one field
  // repeated: graphql's own budget for comparing overlapping fields refuses that long before.)
  const sizes = (extra: number) => [100, 100, 100, 100, 100, 100, 100, 100, 78, extra];
  const query = (extra: number) => {
    const fields = sizes(extra).map((size, i) => `a${i}: nodes(ids: [${Array(size).fill(`"${nordlys.admin.nodeId}"`).join(' ')}]) { id }`);
    return `{ ${fields.join(' ')} }`;
  };

  it(`should answer ${QUERY_LIMITS.tokens} tokens`, async () => {
    const response = await graphql(app, query(0), {}, { token });
    const data = Object.fromEntries(sizes(0).map((size, i) => [`a${i}`, Array(size).fill({ id: nordlys.admin.nodeId })]));
    expectAnswered(response, data);
  });

  it(`should refuse ${QUERY_LIMITS.tokens + 1} tokens`, async () => {
    const response = await graphql(app, query(1), {}, { token });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errors: [
        {
          // (sic: graphql-js's wording)
          message: 'Syntax Error: Document contains more that 1000 tokens. Parsing aborted.',
          locations: [expect.anything()],
          extensions: { code: 'GRAPHQL_PARSE_FAILED' },
        },
      ],
    });
    expect(response.statements).toBe(0);
  });
});

describe('cost, computed with the variables', () => {
  // 1 + n × (client 1 + mandates connection 1 + m × mandate 1) = 1 + n × (2 + m)
  const query = `query ($n: Int, $m: Int) { clients(first: $n) { nodes { name mandates(first: $m) { nodes { title } } } } }`;

  it('should answer an operation of exactly 1,000 points (n = 27, m = 35)', async () => {
    const response = await graphql(app, query, { n: 27, m: 35 }, { token });
    expectAnswered(response, { clients: { nodes: [{ name: nordlys.client.name, mandates: { nodes: [] } }] } });
  });

  it('should refuse the same text at 1,001 points (n = 20, m = 48), whatever the literal defaults would cost', async () => {
    const response = await graphql(app, query, { n: 20, m: 48 }, { token });
    expectRefused(
      response,
      'COST_LIMIT_EXCEEDED',
      'This operation costs 1,001 points; the limit is 1,000 per operation. ' +
        'Ask for fewer items (first) or fewer nested lists, or split it into several operations.',
    );
  });

  it('should keep a passed cost per variables: the same text and variables again pass, other variables are counted anew', async () => {
    for (let round = 0; round < 2; round++) {
      const response = await graphql(app, query, { n: 27, m: 35 }, { token });
      expectAnswered(response, { clients: { nodes: [{ name: nordlys.client.name, mandates: { nodes: [] } }] } });
    }
    const response = await graphql(app, query, { n: 27, m: 36 }, { token });
    expectRefused(
      response,
      'COST_LIMIT_EXCEEDED',
      'This operation costs 1,027 points; the limit is 1,000 per operation. ' +
        'Ask for fewer items (first) or fewer nested lists, or split it into several operations.',
    );
  });

  it('should count an absent first as the default page size (20)', async () => {
    // 1 + 20 × (2 + 48) = 1,001
    const response = await graphql(
      app,
      `
        query ($m: Int) {
          clients {
            nodes {
              mandates(first: $m) {
                nodes {
                  id
                }
              }
            }
          }
        }
      `,
      { m: 48 },
      { token },
    );
    expect(codes(response)).toEqual(['COST_LIMIT_EXCEEDED']);
    expect(response.statements).toBe(0);
  });

  it('should let a product query of 100 ranked candidacies with fit breakdown and candidate through', async () => {
    const query = `query ($id: ID!, $first: Int) { node(id: $id) { ... on Mandate { title ranking(first: $first) {
      totalCount pageInfo { endCursor hasNextPage }
      edges { cursor node { id stage candidate { id firstName lastName headline }
        fit { fit coverage mustHavesMet competencies { key weight target minimum score gap attainment meetsMinimum } } } } } } } }`;
    const response = await graphql(app, query, { id: nordlys.client.nodeId, first: 100 }, { token });
    // A client id: node answers with an empty selection; what matters is that its cost (202) passed.
    expectAnswered(response, { node: {} });
  });

  it('should refuse spreads of fragments into each other that multiply the selection', async () => {
    const fragments = Array.from({ length: 12 }, (_, i) => `fragment F${i} on Viewer { ...F${i + 1} ...F${i + 1} }`);
    const query = `{ viewer { ...F0 } } ${fragments.join(' ')} fragment F12 on Viewer { firm { name } }`;
    const response = await graphql(app, query, {}, { token });
    expect(codes(response)).toEqual(['COST_LIMIT_EXCEEDED']);
    expect(response.statements).toBe(0);
  });
});

describe('input lists', () => {
  const ids = (count: number) => Array.from({ length: count }, () => nordlys.admin.nodeId);
  const query = `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`;

  it('should pass 250 items to the resolver (which has its own, smaller limit for nodes)', async () => {
    const response = await graphql(app, query, { ids: ids(250) }, { token });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body?.errors?.[0].message).toBe('ids may hold at most 100 ids.');
    expect(response.statements).toBeGreaterThan(0);
  });

  it('should refuse 251 items before any SQL', async () => {
    const response = await graphql(app, query, { ids: ids(251) }, { token });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errors: [
        {
          message: 'ids of nodes holds 251 items; at most 250 are allowed. Send them in batches.',
          extensions: { code: 'INPUT_LIST_TOO_LONG', argumentName: 'ids' },
        },
      ],
    });
    expect(response.statements).toBe(0);
  });

  it('should check lists inside input objects and literals too', async () => {
    const tags = JSON.stringify(Array.from({ length: 251 }, (_, i) => `t${i}`));
    const response = await graphql(
      app,
      `mutation { updateCandidate(input: { candidateId: "${nordlys.admin.nodeId}", tags: ${tags} }) { userErrors { code } } }`,
      {},
      { token },
    );
    expect(response.body?.errors?.[0].message).toBe(
      'input.tags of updateCandidate holds 251 items; at most 250 are allowed. Send them in batches.',
    );
    expect(response.statements).toBe(0);
  });

  describe('the documented exception: upsertCandidates takes 500 candidates', () => {
    const mutation = `mutation ($input: UpsertCandidatesInput!) { upsertCandidates(input: $input) { createdCount rejectedCount } }`;

    it('should write 500 candidates in one call', async () => {
      const { client } = await nordlys.apiKey([ApiKeyScope.CANDIDATES_WRITE]);
      const response = await graphql(
        app,
        mutation,
        { input: { candidates: atsCandidates(500, { prefix: 'ok' }) } },
        { token: client.token },
      );
      expectAnswered(response, { upsertCandidates: { createdCount: 500, rejectedCount: 0 } });
    });

    it('should refuse 501 before any SQL, and write nothing', async () => {
      const { client } = await nordlys.apiKey([ApiKeyScope.CANDIDATES_WRITE]);
      const before = await storedCandidates(app, nordlys.firm.id);
      const response = await graphql(
        app,
        mutation,
        { input: { candidates: atsCandidates(501, { prefix: 'no' }) } },
        { token: client.token },
      );
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        errors: [
          {
            message: 'input.candidates of upsertCandidates holds 501 items; at most 500 are allowed. Send them in batches.',
            extensions: { code: 'INPUT_LIST_TOO_LONG', argumentName: 'input' },
          },
        ],
      });
      expect(response.statements).toBe(0);
      expect(await storedCandidates(app, nordlys.firm.id)).toEqual(before);
    });
  });
});

// In production (introspection off) the schema is not mapped for whoever probes it; in development
// a wrong enum value lists the valid ones (test/platform/input-edges.test.ts).
describe('field suggestions in production', () => {
  let production: TestApp;
  let productionToken: string;
  beforeAll(async () => {
    production = await startTestApp({ production: true, rateLimit: { capacity: 1_000_000, refillPerSecond: 1_000_000 } });
    productionToken = (await createTestFirm(production, 'nordlys')).asAdmin.token!;
  });
  afterAll(() => production.close());

  it.each([
    ['a field', '{ viewer { kin } }', {}],
    ['an enum value', '{ mandates(filter: { status: OPN }) { totalCount } }', {}],
    ['an argument', '{ mandates(frist: 1) { totalCount } }', {}],
    ['an enum value in a variable', 'query ($s: MandateStatus) { mandates(filter: { status: $s }) { totalCount } }', { s: 'OPN' }],
  ])('should not suggest names for %s', async (_what, query, variables) => {
    const response = await graphql(production, query, variables, { token: productionToken });
    expect(response.status).toBe(400);
    expect(response.body?.errors?.length).toBeGreaterThan(0);
    expect(response.raw).not.toMatch(/did you mean/i);
    expect(response.raw).not.toMatch(/OPEN|first|kind/);
  });
});

// Variables that do not fit their types: the operation cannot run, so nothing else is done for it
// either (no token check, no idempotency transaction): graphql-js's own refusal, and no SQL.
describe('invalid variables', () => {
  it('should refuse a variable of the wrong type with BAD_USER_INPUT before any SQL, though the token is valid', async () => {
    const response = await graphql(app, 'query ($n: Int) { clients(first: $n) { totalCount } }', { n: 'many' }, { token });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errors: [
        {
          message: 'Variable "$n" got invalid value "many"; Int cannot represent non-integer value: "many"',
          locations: [{ line: 1, column: 8 }],
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
    expect(response.statements).toBe(0);
  });

  it('should refuse a keyed mutation with a missing required field before the idempotency transaction, and store nothing', async () => {
    const key = `invalid-${Date.now()}`;
    const response = await graphql(
      app,
      'mutation ($input: CreateCandidateInput!) { createCandidate(input: $input) { userErrors { code } } }',
      { input: { firstName: 'Ingrid' } },
      { token, headers: { 'Idempotency-Key': key } },
    );
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errors: [
        {
          message:
            'Variable "$input" got invalid value { firstName: "Ingrid" }; Field "lastName" of required type "String!" was not provided.',
          locations: [{ line: 1, column: 11 }],
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
    expect(response.statements).toBe(0);
    const [{ count }] = await app.em().getConnection().execute('select count(*)::int as count from idempotency_key where key = ?', [key]);
    expect(count).toBe(0);
  });
});

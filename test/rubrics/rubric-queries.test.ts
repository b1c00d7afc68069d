import { ApiKeyScope } from '../../src/common/access';
import { toGlobalId } from '../../src/common/global-id';
import { encodeCursor } from '../../src/common/connection';
import { Competency, type Rubric, RubricStatus } from '../../src/modules/rubric';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLClient } from '../helpers/graphql-client';
import { defaultRubricOf, insertRubric } from '../helpers/rubric-fixtures';
import { CompetencyNodeDocument, RubricNodeDocument, RubricsDocument, RubricsWithContentDocument } from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let fjellvik: TestFirm;
// nordlys: alpha v1 (published), v2 (published), v10 (draft); the default rubric; zeta v1 (retired).
let alpha1: Rubric;
let alpha2: Rubric;
let alpha10: Rubric;
let standard: Rubric;
let zeta: Rubric;
let competency: Competency;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  fjellvik = await createTestFirm(app, 'fjellvik');
  // Inserted out of order, so the list order cannot come from insertion order.
  zeta = await insertRubric(app, nordlys.firm, { key: 'zeta', status: RubricStatus.RETIRED });
  alpha10 = await insertRubric(app, nordlys.firm, { key: 'alpha', version: 10 });
  alpha2 = await insertRubric(app, nordlys.firm, { key: 'alpha', version: 2, status: RubricStatus.PUBLISHED });
  alpha1 = await insertRubric(app, nordlys.firm, { key: 'alpha', version: 1, status: RubricStatus.PUBLISHED });
  standard = await defaultRubricOf(app, nordlys.firm);
  competency = await app.em().findOneOrFail(Competency, { rubric: standard.id, key: 'OUTSIDE_IN' });
});
afterAll(() => app.close());

function listed(rubric: Rubric) {
  return {
    id: rubric.nodeId,
    key: rubric.key,
    version: rubric.version,
    status: rubric.status,
    publishedAt: rubric.publishedAt?.toISOString() ?? null,
  };
}

describe('rubrics', () => {
  it('should list every version of the firm ordered by key and numeric version, page by page', async () => {
    const first = await nordlys.asRecruiter.data(RubricsDocument, { first: 2 });
    expect(first.rubrics.totalCount).toBe(5);
    expect(first.rubrics.edges.map((edge) => edge.node)).toEqual([listed(alpha1), listed(alpha2)]);
    expect(first.rubrics.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: first.rubrics.edges[0].cursor,
      endCursor: first.rubrics.edges[1].cursor,
    });
    const second = await nordlys.asRecruiter.data(RubricsDocument, { first: 2, after: first.rubrics.pageInfo.endCursor });
    expect(second.rubrics.edges.map((edge) => edge.node)).toEqual([listed(alpha10), listed(standard)]);
    const third = await nordlys.asRecruiter.data(RubricsDocument, { first: 2, after: second.rubrics.pageInfo.endCursor });
    expect(third.rubrics.edges.map((edge) => edge.node)).toEqual([listed(zeta)]);
    expect(third.rubrics.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it.each([
    ['key', { key: 'alpha' }, () => [alpha1, alpha2, alpha10]],
    ['status', { status: 'PUBLISHED' as const }, () => [alpha1, alpha2, standard]],
    ['key and status', { key: 'alpha', status: 'DRAFT' as const }, () => [alpha10]],
    ['a key nobody uses', { key: 'nothing-here' }, () => []],
  ])('should filter by %s, counting only what matches', async (_case, filter, expected) => {
    const { rubrics } = await nordlys.asAdmin.data(RubricsDocument, { filter });
    expect(rubrics.edges.map((edge) => edge.node)).toEqual(expected().map(listed));
    expect(rubrics.totalCount).toBe(expected().length);
  });

  it('should keep the filter across pages', async () => {
    const first = await nordlys.asAdmin.data(RubricsDocument, { first: 1, filter: { key: 'alpha' } });
    const second = await nordlys.asAdmin.data(RubricsDocument, {
      first: 5,
      after: first.rubrics.pageInfo.endCursor,
      filter: { key: 'alpha' },
    });
    expect(second.rubrics.edges.map((edge) => edge.node.id)).toEqual([alpha2.nodeId, alpha10.nodeId]);
  });

  it('should refuse a cursor of another list with BAD_USER_INPUT', async () => {
    const response = await nordlys.asAdmin.request(RubricsDocument, { after: encodeCursor('apiKeys', ['x', 1, 'y']) });
    expect(response.errors?.map((error) => [error.message, error.extensions])).toEqual([
      ['after is not a cursor of this list.', { code: 'BAD_USER_INPUT', argumentName: 'after' }],
    ]);
  });

  it('should show another firm only its own rubrics', async () => {
    const { rubrics } = await fjellvik.asAdmin.data(RubricsDocument, {});
    const own = await defaultRubricOf(app, fjellvik.firm);
    expect(rubrics.edges.map((edge) => edge.node)).toEqual([listed(own)]);
    expect(rubrics.totalCount).toBe(1);
    expect((await fjellvik.asAdmin.data(RubricsDocument, { filter: { key: 'alpha' } })).rubrics.totalCount).toBe(0);
  });
});

describe('Rubric and Competency via node', () => {
  it('should give a rubric with its competencies in order, and a competency with its rubric', async () => {
    const { node } = await nordlys.asAdmin.data(RubricNodeDocument, { id: alpha10.nodeId });
    expect(node).toMatchObject({
      __typename: 'Rubric',
      id: alpha10.nodeId,
      key: 'alpha',
      version: 10,
      status: 'DRAFT',
      publishedAt: null,
      name: 'alpha name',
      competencies: [
        {
          key: 'LISTENS',
          position: 1,
          name: 'LISTENS name',
          anchors: [1, 2, 3, 4, 5].map((score) => ({ score, description: `LISTENS anchor ${score}` })),
        },
        { key: 'FOLLOWS_UP', position: 2, name: 'FOLLOWS_UP name' },
      ],
    });
    const { node: found } = await nordlys.asAdmin.data(CompetencyNodeDocument, { id: competency.nodeId, locale: 'NB' });
    expect(found).toEqual({
      __typename: 'Competency',
      id: competency.nodeId,
      key: 'OUTSIDE_IN',
      position: 2,
      name: competency.name.NB,
      rubric: { id: standard.nodeId, key: 'customer-oriented-leadership', version: 1 },
    });
  });

  const readers: [string, () => Promise<GraphQLClient>][] = [
    ['an admin', async () => nordlys.asAdmin],
    ['a recruiter', async () => nordlys.asRecruiter],
    ['an API key with mandates:read', async () => (await nordlys.apiKey([ApiKeyScope.MANDATES_READ])).client],
    ['an API key with assessments:read', async () => (await nordlys.apiKey([ApiKeyScope.ASSESSMENTS_READ])).client],
  ];
  const others: [string, () => Promise<GraphQLClient>][] = [
    ['a client user', async () => nordlys.asClientUser],
    [
      'an API key with every other scope',
      async () =>
        (
          await nordlys.apiKey([
            ApiKeyScope.CANDIDATES_READ,
            ApiKeyScope.CANDIDATES_WRITE,
            ApiKeyScope.MANDATES_WRITE,
            ApiKeyScope.SHORTLISTS_READ,
            ApiKeyScope.WEBHOOKS_MANAGE,
          ])
        ).client,
    ],
    ["another firm's admin", async () => fjellvik.asAdmin],
  ];

  it.each(readers)('should show a rubric and a competency to %s', async (_caller, client) => {
    const caller = await client();
    expect((await caller.data(RubricNodeDocument, { id: alpha1.nodeId })).node).toMatchObject({
      __typename: 'Rubric',
      id: alpha1.nodeId,
      version: 1,
    });
    expect((await caller.data(CompetencyNodeDocument, { id: competency.nodeId })).node).toMatchObject({
      __typename: 'Competency',
      id: competency.nodeId,
      key: 'OUTSIDE_IN',
    });
  });

  it.each(others)('should answer null for a rubric and a competency to %s, as if they did not exist', async (_caller, client) => {
    const caller = await client();
    expect(JSON.parse((await caller.request(RubricNodeDocument, { id: alpha1.nodeId })).raw)).toEqual({ data: { node: null } });
    expect(JSON.parse((await caller.request(CompetencyNodeDocument, { id: competency.nodeId })).raw)).toEqual({
      data: { node: null },
    });
  });

  it('should answer null for a rubric id that does not exist', async () => {
    const { node } = await nordlys.asAdmin.data(RubricNodeDocument, { id: toGlobalId('Rubric', '00000000-0000-4000-8000-000000000000') });
    expect(node).toBeNull();
  });
});

describe('access to rubrics', () => {
  it.each([
    ['an admin', () => nordlys.asAdmin],
    ['a recruiter', () => nordlys.asRecruiter],
  ])('should let %s list rubrics', async (_caller, client) => {
    expect((await client().data(RubricsDocument, {})).rubrics.totalCount).toBe(5);
  });

  it.each([[ApiKeyScope.MANDATES_READ], [ApiKeyScope.ASSESSMENTS_READ]])('should let an API key with %s list rubrics', async (scope) => {
    const { client } = await nordlys.apiKey([scope]);
    expect((await client.data(RubricsDocument, {})).rubrics.totalCount).toBe(5);
  });

  it('should refuse a client user with FORBIDDEN', async () => {
    const response = await nordlys.asClientUser.request(RubricsDocument, {});
    expect(response.data).toBeNull();
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });

  it.each([[ApiKeyScope.CANDIDATES_READ], [ApiKeyScope.MANDATES_WRITE], [ApiKeyScope.SHORTLISTS_READ]])(
    'should refuse an API key with only %s with FORBIDDEN',
    async (scope) => {
      const { client } = await nordlys.apiKey([scope]);
      const response = await client.request(RubricsDocument, {});
      expect(response.data).toBeNull();
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    },
  );

  it('should refuse a caller without a token with UNAUTHENTICATED', async () => {
    const response = await app.anonymous().request(RubricsDocument, {});
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('SQL statements', () => {
  it('should list 20 rubrics with all competencies and anchors in as many statements as 2', async () => {
    const firm = await createTestFirm(app, 'counting');
    for (let index = 0; index < 19; index++) {
      await insertRubric(app, firm.firm, { key: `rubric-${String(index).padStart(2, '0')}`, competencyKeys: ['A', 'B', 'C'] });
    }
    let few = 0;
    let many = 0;
    few = await app.countStatements(async () => {
      const { rubrics } = await firm.asRecruiter.data(RubricsWithContentDocument, { first: 2 });
      expect(rubrics.nodes).toHaveLength(2);
    });
    many = await app.countStatements(async () => {
      const { rubrics } = await firm.asRecruiter.data(RubricsWithContentDocument, { first: 20 });
      expect(rubrics.nodes).toHaveLength(20);
      expect(rubrics.nodes.flatMap((rubric) => rubric.competencies)).toHaveLength(9 + 19 * 3);
      expect(rubrics.nodes.flatMap((rubric) => rubric.competencies.flatMap((item) => item.anchors))).toHaveLength(5 * (9 + 19 * 3));
    });
    expect(few).toBeGreaterThan(0);
    expect(many).toBe(few);
  });
});

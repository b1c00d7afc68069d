import { toGlobalId } from '../../src/common/global-id';
import { ApiKeyScope } from '../../src/common/access';
import { Mandate, MandateStatus } from '../../src/modules/mandate';
import { DEFAULT_RUBRIC_KEY, Rubric, RubricStatus } from '../../src/modules/rubric';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLClient } from '../helpers/graphql-client';
import { insertRubric } from '../helpers/rubric-fixtures';
import { DEFAULT_COMPETENCY_KEYS, insertClient, insertMandate, insertRequirementProfile, storedMandate } from '../helpers/mandate-fixtures';
import {
  CreateMandateDocument,
  MandateIdsDocument,
  MandateNodeDocument,
  MandatesDocument,
  UpdateMandateDocument,
  type CreateMandateInput,
} from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let fjellvik: TestFirm;
let defaultRubric: Rubric;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  fjellvik = await createTestFirm(app, 'fjellvik');
  defaultRubric = await app.em().findOneOrFail(Rubric, { firm: nordlys.firm.id, key: DEFAULT_RUBRIC_KEY });
});
afterAll(() => app.close());

function input(overrides: Partial<CreateMandateInput> = {}): CreateMandateInput {
  return {
    title: 'Chief Commercial Officer',
    clientId: nordlys.client.nodeId,
    leadershipLevel: 'EXECUTIVE',
    location: 'Bergen',
    ...overrides,
  };
}

async function mandateCount(testFirm: TestFirm): Promise<number> {
  return app.em().count(Mandate, { firm: testFirm.firm.id });
}

function rubricOf(rubric: Rubric) {
  return { id: rubric.nodeId, key: rubric.key, version: rubric.version, status: rubric.status };
}

describe('createMandate', () => {
  it('should create a DRAFT mandate led by the calling recruiter, pinned to the default rubric, with an empty profile', async () => {
    const { createMandate } = await nordlys.asRecruiter.data(CreateMandateDocument, { input: input() });
    expect(createMandate).toEqual({
      mandate: {
        id: expect.any(String),
        title: 'Chief Commercial Officer',
        leadershipLevel: 'EXECUTIVE',
        location: 'Bergen',
        status: 'DRAFT',
        version: 1,
        client: { id: nordlys.client.nodeId, name: nordlys.client.name },
        leadRecruiter: { id: nordlys.recruiter.nodeId, name: nordlys.recruiter.name },
        rubric: { id: defaultRubric.nodeId, key: DEFAULT_RUBRIC_KEY, version: 1, status: 'PUBLISHED' },
        requirementProfile: [],
      },
      userErrors: [],
    });
    const stored = await app.em().findOneOrFail(Mandate, { title: 'Chief Commercial Officer' });
    expect(stored.nodeId).toBe(createMandate.mandate!.id);
    expect([stored.firm.id, stored.client.id, stored.leadRecruiter.id, stored.rubric.id]).toEqual([
      nordlys.firm.id,
      nordlys.client.id,
      nordlys.recruiter.id,
      defaultRubric.id,
    ]);
  });

  it('should make the calling admin the lead recruiter when none is given', async () => {
    const { createMandate } = await nordlys.asAdmin.data(CreateMandateDocument, { input: input({ location: null }) });
    expect(createMandate.userErrors).toEqual([]);
    expect(createMandate.mandate).toMatchObject({ location: null, leadRecruiter: { id: nordlys.admin.nodeId } });
  });

  it('should let the lead recruiter be another admin or recruiter of the firm', async () => {
    const { createMandate } = await nordlys.asRecruiter.data(CreateMandateDocument, {
      input: input({ leadRecruiterId: nordlys.admin.nodeId, leadershipLevel: 'FRONTLINE' }),
    });
    expect(createMandate.userErrors).toEqual([]);
    expect(createMandate.mandate).toMatchObject({ leadershipLevel: 'FRONTLINE', leadRecruiter: { id: nordlys.admin.nodeId } });
  });

  it('should require a lead recruiter from an API key, and take the one it names', async () => {
    const { client } = await nordlys.apiKey([ApiKeyScope.MANDATES_WRITE]);
    const before = await mandateCount(nordlys);
    const without = await client.data(CreateMandateDocument, { input: input() });
    expect(without.createMandate).toEqual({
      mandate: null,
      userErrors: [
        {
          code: 'REQUIRED',
          field: ['input', 'leadRecruiterId'],
          message: 'leadRecruiterId is required when an API key creates a mandate.',
        },
      ],
    });
    expect(await mandateCount(nordlys)).toBe(before);
    const named = await client.data(CreateMandateDocument, { input: input({ leadRecruiterId: nordlys.recruiter.nodeId }) });
    expect(named.createMandate.userErrors).toEqual([]);
    expect(named.createMandate.mandate!.leadRecruiter).toEqual({ id: nordlys.recruiter.nodeId, name: nordlys.recruiter.name });
  });

  it('should pin a published rubric it is given', async () => {
    const rubric = await insertRubric(app, nordlys.firm, { key: 'board-readiness', status: RubricStatus.PUBLISHED });
    const { createMandate } = await nordlys.asRecruiter.data(CreateMandateDocument, { input: input({ rubricId: rubric.nodeId }) });
    expect(createMandate.userErrors).toEqual([]);
    expect(createMandate.mandate!.rubric).toEqual(rubricOf(rubric));
  });

  it('should pin the latest published version of the default rubric, passing over drafts and retired ones', async () => {
    const firm = await createTestFirm(app, 'versions');
    const v1 = await app.em().findOneOrFail(Rubric, { firm: firm.firm.id, key: DEFAULT_RUBRIC_KEY });
    const v2 = await insertRubric(app, firm.firm, { key: DEFAULT_RUBRIC_KEY, version: 2, status: RubricStatus.PUBLISHED });
    await insertRubric(app, firm.firm, { key: DEFAULT_RUBRIC_KEY, version: 3, status: RubricStatus.DRAFT });
    const first = await firm.asRecruiter.data(CreateMandateDocument, { input: input({ clientId: firm.client.nodeId }) });
    expect(first.createMandate.mandate!.rubric).toEqual(rubricOf(v2));

    await app.em().nativeUpdate(Rubric, { id: v2.id }, { status: RubricStatus.RETIRED });
    const second = await firm.asRecruiter.data(CreateMandateDocument, { input: input({ clientId: firm.client.nodeId }) });
    expect(second.createMandate.mandate!.rubric).toEqual({ ...rubricOf(v1), status: 'PUBLISHED' });
  });

  it('should refuse with INVALID_STATE when the firm has no published version of the default rubric left', async () => {
    const firm = await createTestFirm(app, 'retired');
    await app.em().nativeUpdate(Rubric, { firm: firm.firm.id }, { status: RubricStatus.RETIRED });
    const { createMandate } = await firm.asRecruiter.data(CreateMandateDocument, { input: input({ clientId: firm.client.nodeId }) });
    expect(createMandate).toEqual({
      mandate: null,
      userErrors: [
        {
          code: 'INVALID_STATE',
          field: ['input', 'rubricId'],
          message: 'The firm has no published version of the rubric customer-oriented-leadership: give rubricId.',
        },
      ],
    });
    expect(await mandateCount(firm)).toBe(0);
  });

  it.each([
    [RubricStatus.DRAFT, 'is a draft'],
    [RubricStatus.RETIRED, 'is retired'],
  ])('should refuse to pin a %s rubric with INVALID_STATE', async (status, state) => {
    const rubric = await insertRubric(app, nordlys.firm, { key: `not-published-${status.toLowerCase()}`, status });
    const before = await mandateCount(nordlys);
    const { createMandate } = await nordlys.asRecruiter.data(CreateMandateDocument, { input: input({ rubricId: rubric.nodeId }) });
    expect(createMandate).toEqual({
      mandate: null,
      userErrors: [
        {
          code: 'INVALID_STATE',
          field: ['input', 'rubricId'],
          message: `Rubric ${rubric.key} version 1 ${state}; only a published version can be pinned.`,
        },
      ],
    });
    expect(await mandateCount(nordlys)).toBe(before);
  });

  it.each([
    ['a client of another firm', { clientId: 'FJELLVIK_CLIENT' }, ['input', 'clientId'], 'No client with this id.'],
    ['a client id of another type', { clientId: 'NORDLYS_ADMIN' }, ['input', 'clientId'], 'No client with this id.'],
    ['a malformed client id', { clientId: 'nope' }, ['input', 'clientId'], 'No client with this id.'],
    ['a lead recruiter of another firm', { leadRecruiterId: 'FJELLVIK_RECRUITER' }, ['input', 'leadRecruiterId'], 'No user with this id.'],
    ['a malformed lead recruiter id', { leadRecruiterId: 'nope' }, ['input', 'leadRecruiterId'], 'No user with this id.'],
    ['a rubric of another firm', { rubricId: 'FJELLVIK_RUBRIC' }, ['input', 'rubricId'], 'No rubric with this id.'],
    [
      'a rubric id that does not exist',
      { rubricId: toGlobalId('Rubric', '00000000-0000-4000-8000-000000000000') },
      ['input', 'rubricId'],
      'No rubric with this id.',
    ],
  ])('should answer NOT_FOUND for %s and store nothing', async (_case, overrides, field, message) => {
    const fjellvikRubric = await app.em().findOneOrFail(Rubric, { firm: fjellvik.firm.id, key: DEFAULT_RUBRIC_KEY });
    const ids: Record<string, string> = {
      FJELLVIK_CLIENT: fjellvik.client.nodeId,
      NORDLYS_ADMIN: nordlys.admin.nodeId,
      FJELLVIK_RECRUITER: fjellvik.recruiter.nodeId,
      FJELLVIK_RUBRIC: fjellvikRubric.nodeId,
    };
    const resolved = Object.fromEntries(Object.entries(overrides).map(([key, value]) => [key, ids[value] ?? value]));
    const before = [await mandateCount(nordlys), await mandateCount(fjellvik)];
    const { createMandate } = await nordlys.asRecruiter.data(CreateMandateDocument, { input: input(resolved) });
    expect(createMandate).toEqual({ mandate: null, userErrors: [{ code: 'NOT_FOUND', field, message }] });
    expect([await mandateCount(nordlys), await mandateCount(fjellvik)]).toEqual(before);
  });

  it('should refuse a client user as lead recruiter with INVALID', async () => {
    const { createMandate } = await nordlys.asRecruiter.data(CreateMandateDocument, {
      input: input({ leadRecruiterId: nordlys.clientUser.nodeId }),
    });
    expect(createMandate).toEqual({
      mandate: null,
      userErrors: [
        {
          code: 'INVALID',
          field: ['input', 'leadRecruiterId'],
          message: 'The lead recruiter must be an admin or recruiter of the firm, not a client user.',
        },
      ],
    });
  });

  it('should report every problem of the input at once and store nothing', async () => {
    const draft = await insertRubric(app, nordlys.firm, { key: 'all-at-once', status: RubricStatus.DRAFT });
    const before = await mandateCount(nordlys);
    const { createMandate } = await nordlys.asRecruiter.data(CreateMandateDocument, {
      input: {
        title: ' ',
        clientId: fjellvik.client.nodeId,
        leadershipLevel: 'SENIOR',
        location: 'L'.repeat(201),
        leadRecruiterId: nordlys.clientUser.nodeId,
        rubricId: draft.nodeId,
      },
    });
    expect(createMandate.userErrors).toEqual([
      { code: 'REQUIRED', field: ['input', 'title'], message: 'title is required.' },
      { code: 'TOO_LONG', field: ['input', 'location'], message: 'location is longer than 200 characters.' },
      { code: 'NOT_FOUND', field: ['input', 'clientId'], message: 'No client with this id.' },
      {
        code: 'INVALID',
        field: ['input', 'leadRecruiterId'],
        message: 'The lead recruiter must be an admin or recruiter of the firm, not a client user.',
      },
      {
        code: 'INVALID_STATE',
        field: ['input', 'rubricId'],
        message: 'Rubric all-at-once version 1 is a draft; only a published version can be pinned.',
      },
    ]);
    expect(await mandateCount(nordlys)).toBe(before);
  });

  it('should refuse a title over 200 characters and store nothing', async () => {
    const before = await mandateCount(nordlys);
    const { createMandate } = await nordlys.asRecruiter.data(CreateMandateDocument, { input: input({ title: 'T'.repeat(201) }) });
    expect(createMandate).toEqual({
      mandate: null,
      userErrors: [{ code: 'TOO_LONG', field: ['input', 'title'], message: 'title is longer than 200 characters.' }],
    });
    expect(await mandateCount(nordlys)).toBe(before);
  });

  it('should refuse an unknown leadership level as a GraphQL input error', async () => {
    const response = await nordlys.asRecruiter.request(CreateMandateDocument, {
      input: input({ leadershipLevel: 'MIDDLE' as CreateMandateInput['leadershipLevel'] }),
    });
    expect(response.data).toBeNull();
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('updateMandate', () => {
  it('should change only the fields given and leave the profile version alone', async () => {
    const mandate = await insertMandate(app, nordlys, { title: 'Head of Sales', location: 'Oslo' });
    const { updateMandate } = await nordlys.asRecruiter.data(UpdateMandateDocument, {
      input: { mandateId: mandate.nodeId, title: '  Head of Sales Nordics ', leadRecruiterId: nordlys.admin.nodeId },
    });
    expect(updateMandate.userErrors).toEqual([]);
    expect(updateMandate.mandate).toMatchObject({
      title: 'Head of Sales Nordics',
      location: 'Oslo',
      status: 'DRAFT',
      version: 1,
      leadRecruiter: { id: nordlys.admin.nodeId },
    });
    const stored = await storedMandate(app, mandate.id);
    expect([stored.title, stored.location, stored.leadRecruiterId, stored.version]).toEqual([
      'Head of Sales Nordics',
      'Oslo',
      nordlys.admin.id,
      1,
    ]);
  });

  it('should clear the location when given null', async () => {
    const mandate = await insertMandate(app, nordlys, { location: 'Tromsø' });
    const { updateMandate } = await nordlys.asAdmin.data(UpdateMandateDocument, { input: { mandateId: mandate.nodeId, location: null } });
    expect(updateMandate.mandate).toMatchObject({ title: 'Chief Executive Officer', location: null });
  });

  it('should report every problem at once and change nothing', async () => {
    const mandate = await insertMandate(app, nordlys, { location: 'Stavanger' });
    const before = await storedMandate(app, mandate.id);
    const { updateMandate } = await nordlys.asRecruiter.data(UpdateMandateDocument, {
      input: { mandateId: mandate.nodeId, title: null, location: 'x'.repeat(201), leadRecruiterId: fjellvik.admin.nodeId },
    });
    expect(updateMandate).toEqual({
      mandate: null,
      userErrors: [
        { code: 'REQUIRED', field: ['input', 'title'], message: 'title is required.' },
        { code: 'TOO_LONG', field: ['input', 'location'], message: 'location is longer than 200 characters.' },
        { code: 'NOT_FOUND', field: ['input', 'leadRecruiterId'], message: 'No user with this id.' },
      ],
    });
    expect(await storedMandate(app, mandate.id)).toEqual(before);
  });

  it('should refuse a client user as lead recruiter and change nothing', async () => {
    const mandate = await insertMandate(app, nordlys);
    const before = await storedMandate(app, mandate.id);
    const { updateMandate } = await nordlys.asRecruiter.data(UpdateMandateDocument, {
      input: { mandateId: mandate.nodeId, title: 'Renamed', leadRecruiterId: nordlys.clientUser.nodeId },
    });
    expect(updateMandate.userErrors).toEqual([
      {
        code: 'INVALID',
        field: ['input', 'leadRecruiterId'],
        message: 'The lead recruiter must be an admin or recruiter of the firm, not a client user.',
      },
    ]);
    expect(await storedMandate(app, mandate.id)).toEqual(before);
  });

  it.each([
    ['a mandate of another firm', () => 'FJELLVIK'],
    ['an id of another type', () => nordlys.client.nodeId],
    ['a malformed id', () => 'garbage'],
  ])('should answer NOT_FOUND for %s and change nothing', async (_case, id) => {
    const other = await insertMandate(app, fjellvik, { title: 'Fjellvik mandate' });
    const mandateId = id() === 'FJELLVIK' ? other.nodeId : id();
    const { updateMandate } = await nordlys.asAdmin.data(UpdateMandateDocument, { input: { mandateId, title: 'Hijacked' } });
    expect(updateMandate).toEqual({
      mandate: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['input', 'mandateId'], message: 'No mandate with this id.' }],
    });
    expect((await storedMandate(app, other.id)).title).toBe('Fjellvik mandate');
  });
});

describe('mandates', () => {
  let firm: TestFirm;
  let ids: Record<string, string>;

  beforeAll(async () => {
    firm = await createTestFirm(app, 'listing');
    const oslo = await insertClient(app, firm, { name: 'Oslo Kraft AS' });
    const made = [
      await insertMandate(app, firm, { title: 'A', clientId: oslo.id, leadershipLevel: 'EXECUTIVE' as never }),
      await insertMandate(app, firm, { title: 'B', leadershipLevel: 'SENIOR' as never, status: MandateStatus.OPEN }),
      await insertMandate(app, firm, { title: 'C', clientId: oslo.id, leadershipLevel: 'SENIOR' as never, status: MandateStatus.OPEN }),
      await insertMandate(app, firm, { title: 'D', leadershipLevel: 'FRONTLINE' as never, leadRecruiterId: firm.admin.id }),
    ];
    ids = Object.fromEntries(made.map((mandate) => [mandate.title, mandate.nodeId]));
    ids.oslo = oslo.nodeId;
    await insertMandate(app, fjellvik, { title: 'Not listed' });
  });

  it("should page through the firm's mandates, oldest first, with every field", async () => {
    const first = await firm.asRecruiter.data(MandatesDocument, { first: 3 });
    expect(first.mandates.totalCount).toBe(4);
    expect(first.mandates.edges.map((edge) => edge.node.title)).toEqual(['A', 'B', 'C']);
    expect(first.mandates.edges[0].node).toEqual({
      id: ids.A,
      title: 'A',
      leadershipLevel: 'EXECUTIVE',
      location: null,
      status: 'DRAFT',
      version: 1,
      client: { id: ids.oslo, name: 'Oslo Kraft AS' },
      leadRecruiter: { id: firm.recruiter.nodeId, name: firm.recruiter.name },
      rubric: expect.objectContaining({ key: DEFAULT_RUBRIC_KEY, version: 1, status: 'PUBLISHED' }),
      requirementProfile: [],
    });
    expect(first.mandates.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: first.mandates.edges[0].cursor,
      endCursor: first.mandates.edges[2].cursor,
    });
    const rest = await firm.asRecruiter.data(MandatesDocument, { first: 3, after: first.mandates.pageInfo.endCursor });
    expect(rest.mandates.edges.map((edge) => edge.node.title)).toEqual(['D']);
    expect(rest.mandates.pageInfo.hasNextPage).toBe(false);
  });

  it.each([
    ['status', () => ({ status: 'OPEN' }), ['B', 'C']],
    ['client', () => ({ clientId: ids.oslo }), ['A', 'C']],
    ['leadership level', () => ({ leadershipLevel: 'SENIOR' }), ['B', 'C']],
    ['lead recruiter', () => ({ leadRecruiterId: firm.admin.nodeId }), ['D']],
    ['status, client and level together', () => ({ status: 'OPEN', clientId: ids.oslo, leadershipLevel: 'SENIOR' }), ['C']],
    ['a client of another firm', () => ({ clientId: fjellvik.client.nodeId }), []],
    ['a lead recruiter of another firm', () => ({ leadRecruiterId: fjellvik.recruiter.nodeId }), []],
  ])('should filter by %s', async (_case, filter, expected) => {
    const { mandates } = await firm.asRecruiter.data(MandatesDocument, { filter: filter() as never });
    expect(mandates.edges.map((edge) => edge.node.title)).toEqual(expected);
    expect(mandates.totalCount).toBe(expected.length);
  });

  it.each([
    ['clientId', { clientId: 'junk' }, 'filter.clientId is not a Client id.'],
    ['clientId', { clientId: toGlobalId('User', '00000000-0000-4000-8000-000000000000') }, 'filter.clientId is not a Client id.'],
    ['leadRecruiterId', { leadRecruiterId: 'junk' }, 'filter.leadRecruiterId is not a User id.'],
  ])('should refuse a malformed %s in the filter with BAD_USER_INPUT', async (_case, filter, message) => {
    const response = await firm.asRecruiter.request(MandateIdsDocument, { filter });
    expect(response.data).toBeNull();
    expect(response.errors?.map((error) => [error.message, error.extensions])).toEqual([
      [message, { code: 'BAD_USER_INPUT', argumentName: 'filter' }],
    ]);
  });

  it('should refuse first above 100', async () => {
    const response = await firm.asRecruiter.request(MandateIdsDocument, { first: 101 });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it('should show the requirement profile in the order of the rubric, whatever order it was given in', async () => {
    const mandate = await insertMandate(app, firm, { title: 'Ordered' });
    const reversed = [...DEFAULT_COMPETENCY_KEYS].reverse().slice(0, 4);
    await insertRequirementProfile(
      app,
      firm,
      mandate,
      reversed.map((competencyKey, index) => ({ competencyKey, weight: index + 1, target: 3, minimum: null })),
    );
    const { node } = await firm.asRecruiter.data(MandateNodeDocument, { id: mandate.nodeId });
    expect((node as { requirementProfile: { competencyKey: string }[] }).requirementProfile.map((item) => item.competencyKey)).toEqual(
      DEFAULT_COMPETENCY_KEYS.slice(5),
    );
  });
});

describe('access to mandates', () => {
  type Caller = () => Promise<GraphQLClient>;
  const callers: Record<string, Caller> = {
    admin: async () => nordlys.asAdmin,
    recruiter: async () => nordlys.asRecruiter,
    'client user': async () => nordlys.asClientUser,
    'API key with mandates:read': async () => (await nordlys.apiKey([ApiKeyScope.MANDATES_READ])).client,
    'API key with mandates:write': async () => (await nordlys.apiKey([ApiKeyScope.MANDATES_WRITE])).client,
    'API key with every other scope': async () =>
      (await nordlys.apiKey(Object.values(ApiKeyScope).filter((scope) => !scope.startsWith('mandates:')))).client,
  };

  it.each([
    ['admin', true],
    ['recruiter', true],
    ['client user', false],
    ['API key with mandates:read', true],
    ['API key with mandates:write', false],
    ['API key with every other scope', false],
  ])('should let the %s read mandates and their profiles: %s', async (caller, allowed) => {
    const mandate = await insertMandate(app, nordlys, { title: 'Readable' });
    await insertRequirementProfile(app, nordlys, mandate, [{ competencyKey: 'OUTSIDE_IN', weight: 5, target: 4, minimum: 3 }]);
    const client = await callers[caller]();
    const list = await client.request(MandateIdsDocument, { first: 1 });
    const node = await client.request(MandateNodeDocument, { id: mandate.nodeId });
    if (allowed) {
      expect(list.errors).toBeUndefined();
      expect(list.data!.mandates.totalCount).toBeGreaterThan(0);
      expect(node.errors).toBeUndefined();
      expect(node.data!.node).toMatchObject({
        __typename: 'Mandate',
        id: mandate.nodeId,
        title: 'Readable',
        client: { id: nordlys.client.nodeId },
        requirementProfile: [{ competencyKey: 'OUTSIDE_IN', weight: 5, target: 4, minimum: 3 }],
      });
    } else {
      expect(list.data).toBeNull();
      expect(errorCodes(list)).toEqual(['FORBIDDEN']);
      expect(JSON.parse(node.raw)).toEqual({ data: { node: null } });
    }
  });

  it.each([
    ['admin', true],
    ['recruiter', true],
    ['client user', false],
    ['API key with mandates:read', false],
    ['API key with mandates:write', true],
    ['API key with every other scope', false],
  ])('should let the %s create and update mandates: %s', async (caller, allowed) => {
    const mandate = await insertMandate(app, nordlys, { title: 'Writable' });
    const client = await callers[caller]();
    const before = [await mandateCount(nordlys), await storedMandate(app, mandate.id)];
    const created = await client.request(CreateMandateDocument, { input: input({ leadRecruiterId: nordlys.recruiter.nodeId }) });
    const updated = await client.request(UpdateMandateDocument, { input: { mandateId: mandate.nodeId, title: `By ${caller}` } });
    if (allowed) {
      expect(created.data!.createMandate.userErrors).toEqual([]);
      expect(updated.data!.updateMandate.mandate!.title).toBe(`By ${caller}`);
    } else {
      for (const response of [created, updated]) {
        expect(response.data).toBeNull();
        expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      }
      expect([await mandateCount(nordlys), await storedMandate(app, mandate.id)]).toEqual(before);
    }
  });

  it('should refuse callers without a token as UNAUTHENTICATED', async () => {
    expect(errorCodes(await app.anonymous().request(MandateIdsDocument, {}))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await app.anonymous().request(CreateMandateDocument, { input: input() }))).toEqual(['UNAUTHENTICATED']);
  });

  it("should show another firm's admin neither the mandate nor its id", async () => {
    const mandate = await insertMandate(app, nordlys, { title: 'Private' });
    expect((await fjellvik.asAdmin.data(MandateNodeDocument, { id: mandate.nodeId })).node).toBeNull();
    const { mandates } = await fjellvik.asAdmin.data(MandateIdsDocument, { first: 100 });
    expect(mandates.nodes.map((node) => node.id)).not.toContain(mandate.nodeId);
  });
});

import { toGlobalId } from '../../src/common/global-id';
import { ApiKeyScope } from '../../src/common/access';
import { MandateStatus } from '../../src/modules/mandate';
import { RubricStatus } from '../../src/modules/rubric';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLClient } from '../helpers/graphql-client';
import { insertRubric } from '../helpers/rubric-fixtures';
import {
  DEFAULT_COMPETENCY_KEYS,
  insertMandate,
  insertRequirementProfile,
  storedMandate,
  type StoredRequirement,
} from '../helpers/mandate-fixtures';
import { MandateRequirementProfileDocument, SetRequirementProfileDocument, type RequirementInput } from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let fjellvik: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  fjellvik = await createTestFirm(app, 'fjellvik');
});
afterAll(() => app.close());

// A valid profile over every competency of the default rubric.
const FULL: RequirementInput[] = DEFAULT_COMPETENCY_KEYS.map((competencyKey, index) => ({
  competencyKey,
  weight: index % 6,
  target: 1 + (index % 5),
  minimum: index % 3 === 0 ? 1 + (index % 5) : null,
}));

async function setProfile(client: GraphQLClient, mandateId: string, requirements: RequirementInput[], expectedVersion?: number) {
  const { setRequirementProfile } = await client.data(SetRequirementProfileDocument, {
    input: { mandateId, requirements, ...(expectedVersion === undefined ? {} : { expectedVersion }) },
  });
  return setRequirementProfile;
}

describe('setRequirementProfile', () => {
  it('should set the whole profile, show it in rubric order and raise the version', async () => {
    const mandate = await insertMandate(app, nordlys);
    const result = await setProfile(nordlys.asRecruiter, mandate.nodeId, [...FULL].reverse());
    expect(result).toEqual({
      mandate: { id: mandate.nodeId, version: 2, requirementProfile: FULL },
      userErrors: [],
    });
    const stored = await storedMandate(app, mandate.id);
    expect(stored.version).toBe(2);
    expect(stored.requirements.map(({ id: _id, ...values }) => values)).toEqual(
      [...FULL].sort((a, b) => (a.competencyKey < b.competencyKey ? -1 : 1)),
    );
  });

  it('should replace the profile as a whole: change kept competencies in place, drop the ones left out', async () => {
    const mandate = await insertMandate(app, nordlys);
    await insertRequirementProfile(app, nordlys, mandate, [
      { competencyKey: 'OUTSIDE_IN', weight: 5, target: 5, minimum: 4 },
      { competencyKey: 'EXECUTION', weight: 3, target: 4, minimum: null },
      { competencyKey: 'FORESIGHT', weight: 1, target: 2, minimum: null },
    ]);
    const before = await storedMandate(app, mandate.id);
    const result = await setProfile(nordlys.asAdmin, mandate.nodeId, [
      { competencyKey: 'LOYALTY_ECONOMICS', weight: 2, target: 3 },
      { competencyKey: 'OUTSIDE_IN', weight: 4, target: 4, minimum: null },
    ]);
    expect(result).toEqual({
      mandate: {
        id: mandate.nodeId,
        version: 3,
        requirementProfile: [
          { competencyKey: 'OUTSIDE_IN', weight: 4, target: 4, minimum: null },
          { competencyKey: 'LOYALTY_ECONOMICS', weight: 2, target: 3, minimum: null },
        ],
      },
      userErrors: [],
    });
    const after = await storedMandate(app, mandate.id);
    const idOf = (rows: StoredRequirement[], key: string) => rows.find((row) => row.competencyKey === key)?.id;
    expect(idOf(after.requirements, 'OUTSIDE_IN')).toBe(idOf(before.requirements, 'OUTSIDE_IN'));
    expect(after.requirements.map((row) => row.competencyKey)).toEqual(['LOYALTY_ECONOMICS', 'OUTSIDE_IN']);
  });

  it('should clear the profile when given no requirements', async () => {
    const mandate = await insertMandate(app, nordlys);
    await insertRequirementProfile(app, nordlys, mandate, [{ competencyKey: 'OUTSIDE_IN', weight: 5, target: 5 }]);
    const result = await setProfile(nordlys.asRecruiter, mandate.nodeId, []);
    expect(result).toEqual({ mandate: { id: mandate.nodeId, version: 3, requirementProfile: [] }, userErrors: [] });
    expect((await storedMandate(app, mandate.id)).requirements).toEqual([]);
  });

  it('should accept the edges of every range: weight 0 and 5, target 1 and 5, minimum equal to target', async () => {
    const mandate = await insertMandate(app, nordlys);
    const requirements = [
      { competencyKey: 'CUSTOMER_INSIGHT', weight: 0, target: 1, minimum: 1 },
      { competencyKey: 'OUTSIDE_IN', weight: 5, target: 5, minimum: 5 },
    ];
    const result = await setProfile(nordlys.asRecruiter, mandate.nodeId, requirements);
    expect(result.userErrors).toEqual([]);
    expect(result.mandate!.requirementProfile).toEqual(requirements);
  });

  it('should apply the change when expectedVersion is the current version', async () => {
    const mandate = await insertMandate(app, nordlys);
    const first = await setProfile(nordlys.asRecruiter, mandate.nodeId, FULL.slice(0, 2), 1);
    const second = await setProfile(nordlys.asRecruiter, mandate.nodeId, FULL.slice(0, 3), 2);
    expect([first.userErrors, second.userErrors]).toEqual([[], []]);
    expect(second.mandate!.version).toBe(3);
  });

  it('should refuse a stale expectedVersion with CONFLICT and change nothing', async () => {
    const mandate = await insertMandate(app, nordlys);
    await insertRequirementProfile(app, nordlys, mandate, FULL.slice(0, 2));
    const before = await storedMandate(app, mandate.id);
    const result = await setProfile(nordlys.asRecruiter, mandate.nodeId, FULL, 1);
    expect(result).toEqual({
      mandate: null,
      userErrors: [
        {
          code: 'CONFLICT',
          field: ['input', 'expectedVersion'],
          message: 'The requirement profile is at version 2, not 1: it was changed meanwhile. Read it again and redo your change.',
        },
      ],
    });
    expect(await storedMandate(app, mandate.id)).toEqual(before);
  });

  it('should let only one of two simultaneous changes from the same version through', async () => {
    const mandate = await insertMandate(app, nordlys);
    const results = await Promise.all([
      setProfile(nordlys.asRecruiter, mandate.nodeId, FULL.slice(0, 2), 1),
      setProfile(nordlys.asAdmin, mandate.nodeId, FULL.slice(2, 5), 1),
    ]);
    expect(results.map((result) => result.userErrors.map((error) => error.code)).sort()).toEqual([[], ['CONFLICT']]);
    const winner = results.find((result) => result.userErrors.length === 0)!;
    const stored = await storedMandate(app, mandate.id);
    expect(stored.version).toBe(2);
    expect(stored.requirements).toHaveLength(winner.mandate!.requirementProfile.length);
  });

  it.each([MandateStatus.OPEN, MandateStatus.PRESENTED])('should allow changes while the mandate is %s', async (status) => {
    const mandate = await insertMandate(app, nordlys, { status });
    expect((await setProfile(nordlys.asRecruiter, mandate.nodeId, FULL)).userErrors).toEqual([]);
  });

  it.each([MandateStatus.FILLED, MandateStatus.CANCELLED])('should refuse changes once the mandate is %s', async (status) => {
    const mandate = await insertMandate(app, nordlys, { status });
    const before = await storedMandate(app, mandate.id);
    const result = await setProfile(nordlys.asRecruiter, mandate.nodeId, FULL);
    expect(result).toEqual({
      mandate: null,
      userErrors: [
        { code: 'INVALID_STATE', field: ['input', 'mandateId'], message: `The requirement profile of a ${status} mandate cannot change.` },
      ],
    });
    expect(await storedMandate(app, mandate.id)).toEqual(before);
  });

  const outOfRange = (name: string, min: number, max: number) => `${name} must be a whole number from ${min} to ${max}.`;
  const NOT_IN_RUBRIC = 'is not a competency of rubric customer-oriented-leadership version 1.';

  it.each([
    ['a weight below 0', { weight: -1 }, 'weight', 'OUT_OF_RANGE', outOfRange('weight', 0, 5)],
    ['a weight above 5', { weight: 6 }, 'weight', 'OUT_OF_RANGE', outOfRange('weight', 0, 5)],
    ['a target below 1', { target: 0 }, 'target', 'OUT_OF_RANGE', outOfRange('target', 1, 5)],
    ['a target above 5', { target: 6 }, 'target', 'OUT_OF_RANGE', outOfRange('target', 1, 5)],
    ['a minimum below 1', { minimum: 0 }, 'minimum', 'OUT_OF_RANGE', outOfRange('minimum', 1, 5)],
    ['a minimum above 5', { minimum: 6, target: 5 }, 'minimum', 'OUT_OF_RANGE', outOfRange('minimum', 1, 5)],
    ['a minimum above the target', { target: 3, minimum: 4 }, 'minimum', 'INVALID', 'minimum (4) must not be above target (3).'],
    ['a competency key not in the rubric', { competencyKey: 'CHARISMA' }, 'competencyKey', 'INVALID', `"CHARISMA" ${NOT_IN_RUBRIC}`],
    ['a key in the wrong case', { competencyKey: 'outside_in' }, 'competencyKey', 'INVALID', `"outside_in" ${NOT_IN_RUBRIC}`],
    ['an empty key', { competencyKey: '' }, 'competencyKey', 'INVALID', `"" ${NOT_IN_RUBRIC}`],
    ['a very long key', { competencyKey: 'K'.repeat(5000) }, 'competencyKey', 'INVALID', `competencyKey ${NOT_IN_RUBRIC}`],
  ])('should refuse %s and change nothing', async (_case, change, fieldName, code, message) => {
    const mandate = await insertMandate(app, nordlys);
    await insertRequirementProfile(app, nordlys, mandate, FULL.slice(0, 3));
    const before = await storedMandate(app, mandate.id);
    const requirements = [
      { competencyKey: 'CUSTOMER_INSIGHT', weight: 2, target: 3, minimum: null },
      { competencyKey: 'OUTSIDE_IN', weight: 3, target: 4, minimum: 2, ...change },
    ];
    const result = await setProfile(nordlys.asRecruiter, mandate.nodeId, requirements);
    expect(result).toEqual({ mandate: null, userErrors: [{ code, field: ['input', 'requirements', '1', fieldName], message }] });
    expect(await storedMandate(app, mandate.id)).toEqual(before);
  });

  it('should refuse the same key twice, on its second occurrence, and change nothing', async () => {
    const mandate = await insertMandate(app, nordlys);
    await insertRequirementProfile(app, nordlys, mandate, FULL.slice(0, 2));
    const before = await storedMandate(app, mandate.id);
    const result = await setProfile(nordlys.asRecruiter, mandate.nodeId, [
      { competencyKey: 'EXECUTION', weight: 2, target: 3 },
      { competencyKey: 'FORESIGHT', weight: 2, target: 3 },
      { competencyKey: 'EXECUTION', weight: 4, target: 4 },
    ]);
    expect(result).toEqual({
      mandate: null,
      userErrors: [
        { code: 'INVALID', field: ['input', 'requirements', '2', 'competencyKey'], message: 'EXECUTION is given more than once.' },
      ],
    });
    expect(await storedMandate(app, mandate.id)).toEqual(before);
  });

  it('should refuse more requirements than the rubric has competencies', async () => {
    const mandate = await insertMandate(app, nordlys);
    const result = await setProfile(nordlys.asRecruiter, mandate.nodeId, [...FULL, { competencyKey: 'EXECUTION', weight: 1, target: 1 }]);
    expect(result).toEqual({
      mandate: null,
      userErrors: [
        {
          code: 'INVALID',
          field: ['input', 'requirements'],
          message: 'At most 9 requirements: rubric customer-oriented-leadership version 1 has 9 competencies.',
        },
      ],
    });
    expect((await storedMandate(app, mandate.id)).version).toBe(1);
  });

  it('should report every problem at once: state, version and each bad item', async () => {
    const mandate = await insertMandate(app, nordlys, { status: MandateStatus.CANCELLED });
    const before = await storedMandate(app, mandate.id);
    const result = await setProfile(
      nordlys.asRecruiter,
      mandate.nodeId,
      [
        { competencyKey: 'NOPE', weight: 9, target: 0, minimum: 7 },
        { competencyKey: 'EXECUTION', weight: 1, target: 2, minimum: 3 },
        { competencyKey: 'EXECUTION', weight: 1, target: 2 },
      ],
      7,
    );
    expect(result.userErrors).toEqual([
      { code: 'INVALID_STATE', field: ['input', 'mandateId'], message: 'The requirement profile of a CANCELLED mandate cannot change.' },
      {
        code: 'CONFLICT',
        field: ['input', 'expectedVersion'],
        message: 'The requirement profile is at version 1, not 7: it was changed meanwhile. Read it again and redo your change.',
      },
      { code: 'INVALID', field: ['input', 'requirements', '0', 'competencyKey'], message: `"NOPE" ${NOT_IN_RUBRIC}` },
      { code: 'OUT_OF_RANGE', field: ['input', 'requirements', '0', 'weight'], message: outOfRange('weight', 0, 5) },
      { code: 'OUT_OF_RANGE', field: ['input', 'requirements', '0', 'target'], message: outOfRange('target', 1, 5) },
      { code: 'OUT_OF_RANGE', field: ['input', 'requirements', '0', 'minimum'], message: outOfRange('minimum', 1, 5) },
      { code: 'INVALID', field: ['input', 'requirements', '1', 'minimum'], message: 'minimum (3) must not be above target (2).' },
      { code: 'INVALID', field: ['input', 'requirements', '2', 'competencyKey'], message: 'EXECUTION is given more than once.' },
    ]);
    expect(await storedMandate(app, mandate.id)).toEqual(before);
  });

  it("should check keys against the mandate's pinned rubric, not the default one", async () => {
    const rubric = await insertRubric(app, nordlys.firm, {
      key: 'sales-leadership',
      status: RubricStatus.PUBLISHED,
      competencyKeys: ['PIPELINE', 'COACHING'],
    });
    const mandate = await insertMandate(app, nordlys, { rubricId: rubric.id });
    const refused = await setProfile(nordlys.asRecruiter, mandate.nodeId, [{ competencyKey: 'OUTSIDE_IN', weight: 3, target: 3 }]);
    expect(refused.userErrors).toEqual([
      {
        code: 'INVALID',
        field: ['input', 'requirements', '0', 'competencyKey'],
        message: '"OUTSIDE_IN" is not a competency of rubric sales-leadership version 1.',
      },
    ]);
    const accepted = await setProfile(nordlys.asRecruiter, mandate.nodeId, [
      { competencyKey: 'COACHING', weight: 3, target: 4 },
      { competencyKey: 'PIPELINE', weight: 5, target: 5, minimum: 4 },
    ]);
    expect(accepted.mandate!.requirementProfile.map((item) => item.competencyKey)).toEqual(['PIPELINE', 'COACHING']);
  });

  it('should refuse a fractional weight as a GraphQL input error', async () => {
    const mandate = await insertMandate(app, nordlys);
    const response = await nordlys.asRecruiter.request(SetRequirementProfileDocument, {
      input: { mandateId: mandate.nodeId, requirements: [{ competencyKey: 'EXECUTION', weight: 2.5, target: 3 }] },
    });
    expect(response.data).toBeNull();
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it.each([
    ['a mandate of another firm', 'FJELLVIK'],
    ['a mandate that does not exist', toGlobalId('Mandate', '00000000-0000-4000-8000-000000000000')],
    ['a malformed id', '%%%'],
  ])('should answer NOT_FOUND for %s and change nothing', async (_case, id) => {
    const other = await insertMandate(app, fjellvik);
    const before = await storedMandate(app, other.id);
    const result = await setProfile(nordlys.asAdmin, id === 'FJELLVIK' ? other.nodeId : id, FULL);
    expect(result).toEqual({
      mandate: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['input', 'mandateId'], message: 'No mandate with this id.' }],
    });
    expect(await storedMandate(app, other.id)).toEqual(before);
  });

  it.each([
    ['admin', true],
    ['recruiter', true],
    ['client user', false],
    ['API key with mandates:read', false],
    ['API key with mandates:write', true],
  ])('should let the %s set the profile: %s', async (caller, allowed) => {
    const clients: Record<string, () => Promise<GraphQLClient>> = {
      admin: async () => nordlys.asAdmin,
      recruiter: async () => nordlys.asRecruiter,
      'client user': async () => nordlys.asClientUser,
      'API key with mandates:read': async () => (await nordlys.apiKey([ApiKeyScope.MANDATES_READ])).client,
      'API key with mandates:write': async () => (await nordlys.apiKey([ApiKeyScope.MANDATES_WRITE])).client,
    };
    const mandate = await insertMandate(app, nordlys);
    const client = await clients[caller]();
    const response = await client.request(SetRequirementProfileDocument, { input: { mandateId: mandate.nodeId, requirements: FULL } });
    if (allowed) {
      expect(response.data!.setRequirementProfile).toEqual({
        mandate: { id: mandate.nodeId, version: 2, requirementProfile: FULL },
        userErrors: [],
      });
    } else {
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect((await storedMandate(app, mandate.id)).version).toBe(1);
    }
  });

  it('should not show the profile to a client user or a key without mandates:read', async () => {
    const mandate = await insertMandate(app, nordlys);
    await insertRequirementProfile(app, nordlys, mandate, FULL);
    const { client } = await nordlys.apiKey([ApiKeyScope.CANDIDATES_READ, ApiKeyScope.ASSESSMENTS_READ]);
    for (const caller of [nordlys.asClientUser, client]) {
      const response = await caller.request(MandateRequirementProfileDocument, { id: mandate.nodeId });
      expect(JSON.parse(response.raw)).toEqual({ data: { node: null } });
    }
  });
});

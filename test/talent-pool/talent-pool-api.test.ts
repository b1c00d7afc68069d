import { ApiKeyScope } from '../../src/common/access';
import { toGlobalId } from '../../src/common/global-id';
import { ConsentStatus } from '../../src/modules/candidate';
import type { Mandate } from '../../src/modules/mandate';
import type { User } from '../../src/modules/user';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { createStaffUser } from '../helpers/interview-fixtures';
import type { GraphQLClient } from '../helpers/graphql-client';
import { insertMandate, insertRequirementProfile } from '../helpers/mandate-fixtures';
import { newRequestId, requestHeaders, auditRowsOf } from '../helpers/audit-fixtures';
import { insertEarlierPool, type EarlierPool, type PersonPlan } from '../helpers/talent-pool-fixtures';
import {
  TalentPoolDocument,
  TalentPoolForKeysDocument,
  TalentPoolWithEvidenceDocument,
  type TalentPoolFilter,
  type TalentPoolQuery,
} from '../generated/graphql';

// Mandate.talentPool over HTTP: the pool's order and pooled figures on a small firm worked out by
// hand, pages, filters, evidence, independent scoring, access, audit and bad input.

let app: TestApp;
let firm: TestFirm;
let colleague: { user: User; as: GraphQLClient };
let pool: EarlierPool;
let mandate: Mandate;

const CI = 'CUSTOMER_INSIGHT';
const OI = 'OUTSIDE_IN';
const FO = 'FORESIGHT';

// By hand, against the profile CI (weight 3, target 4, minimum 3), OI (2, 4), FO (1, 3):
// Ada   CI 5 & 4 → 4.5, OI 4 & 4 → 4, FO 3: every attainment 1 → fit 100, coverage 1.
// Cy    OI 4 only: fit 100, coverage 2/6, the must-have unknown.
// Di    CI 4, OI 3, FO 3: (3·1 + 2·2/3 + 1·1) / 6 → fit 88.89, coverage 1.
// Bo    CI 2 (< minimum 3), OI 5: a missed must-have, last.
// Ed (consent withdrawn), Fa (rated on an unweighted key only) and Gu (retainUntil past): not in the pool.
const PEOPLE: PersonPlan[] = [
  {
    firstName: 'Ada',
    lastName: 'Aasen',
    location: 'Oslo',
    languages: ['nb', 'en'],
    tags: ['cfo'],
    assessments: [
      { mandate: 0, interviewer: 0, submittedAt: new Date('2026-03-01T10:00:00Z'), scores: { [CI]: 5, [OI]: 4, [FO]: 3 } },
      { mandate: 1, interviewer: 0, submittedAt: new Date('2026-06-01T10:00:00Z'), scores: { [CI]: 4, [OI]: 4, LOYALTY_ECONOMICS: 2 } },
      // The colleague's unsubmitted scorecard on Ada's second candidacy: they see none of its ratings.
      { mandate: 1, interviewer: 1, submitted: false, submittedAt: new Date('2026-06-02T10:00:00Z'), scores: {} },
    ],
  },
  {
    firstName: 'Bo',
    lastName: 'Berg',
    location: 'Bergen',
    languages: ['sv'],
    assessments: [{ mandate: 0, interviewer: 1, submittedAt: new Date('2026-05-01T10:00:00Z'), scores: { [CI]: 2, [OI]: 5 } }],
  },
  {
    firstName: 'Cy',
    lastName: 'Cederlund',
    location: ' OSLO ',
    languages: ['en'],
    tags: ['board'],
    assessments: [{ mandate: 1, interviewer: 1, submittedAt: new Date('2026-04-01T10:00:00Z'), scores: { [OI]: 4, [CI]: null } }],
  },
  {
    firstName: 'Di',
    lastName: 'Dahl',
    assessments: [{ mandate: 0, interviewer: 0, submittedAt: new Date('2026-02-01T10:00:00Z'), scores: { [CI]: 4, [OI]: 3, [FO]: 3 } }],
  },
  {
    firstName: 'Ed',
    lastName: 'Eng',
    consent: ConsentStatus.WITHDRAWN,
    assessments: [{ mandate: 0, submittedAt: new Date('2026-02-01T10:00:00Z'), scores: { [CI]: 5 } }],
  },
  {
    firstName: 'Fa',
    lastName: 'Foss',
    assessments: [{ mandate: 1, submittedAt: new Date('2026-02-01T10:00:00Z'), scores: { LOYALTY_ECONOMICS: 5 } }],
  },
  {
    firstName: 'Gu',
    lastName: 'Gran',
    retainUntil: '2025-01-01',
    assessments: [{ mandate: 1, submittedAt: new Date('2026-02-01T10:00:00Z'), scores: { [CI]: 5, [OI]: 5, [FO]: 5 } }],
  },
];

beforeAll(async () => {
  app = await startTestApp();
  firm = await createTestFirm(app, 'rediscover');
  colleague = await createStaffUser(app, firm);
  pool = await insertEarlierPool(app, firm, [firm.recruiter, colleague.user], 2, PEOPLE);
  mandate = await insertMandate(app, firm, { title: 'Chief Commercial Officer' });
  await insertRequirementProfile(app, firm, mandate, [
    { competencyKey: CI, weight: 3, target: 4, minimum: 3 },
    { competencyKey: OI, weight: 2, target: 4, minimum: null },
    { competencyKey: FO, weight: 1, target: 3, minimum: null },
    { competencyKey: 'LOYALTY_ECONOMICS', weight: 0, target: 3, minimum: null },
  ]);
}, 180_000);
afterAll(() => app.close());

type Page = Extract<NonNullable<TalentPoolQuery['node']>, { __typename: 'Mandate' }>['talentPool'];

async function talentPool(
  client: GraphQLClient,
  variables: { first?: number; after?: string; filter?: TalentPoolFilter } = {},
): Promise<Page> {
  const { node } = await client.data(TalentPoolDocument, { id: mandate.nodeId, first: 100, ...variables });
  if (node?.__typename !== 'Mandate') throw new Error('expected a mandate');
  return node.talentPool;
}

const names = (page: Page) => page.edges.map((edge) => edge.node.candidate.firstName);

describe('Mandate.talentPool', () => {
  it('should rank the earlier-assessed candidates on their pooled evidence, with the figures per competency', async () => {
    const page = await talentPool(firm.asRecruiter);
    expect(names(page)).toEqual(['Ada', 'Cy', 'Di', 'Bo']);
    expect(page.totalCount).toBe(4);
    expect(page.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, endCursor: page.edges[3].cursor });
    const [ada, cy, di, bo] = page.edges.map((edge) => edge.node);
    expect([ada, cy, di, bo].map((match) => [match.fit.fit, match.fit.coverage, match.fit.mustHavesMet, match.inPipeline])).toEqual([
      [100, 1, true, false],
      [100, 2 / 6, null, false],
      [expect.closeTo((100 * (3 + (2 * 2) / 3 + 1)) / 6, 9), 1, true, false],
      [expect.closeTo((100 * (3 * (1 / 3) + 2 * 1)) / 5, 9), 5 / 6, false, false],
    ]);
    expect(ada.lastAssessedAt).toBe('2026-06-01T10:00:00.000Z');
    expect(ada.candidate.id).toBe(pool.candidates[0].nodeId);
    expect(ada.fit.calibrated).toBe(false);
    expect(ada.fit.competencies).toEqual([
      {
        key: CI,
        name: 'Customer and market insight',
        weight: 3,
        target: 4,
        minimum: 3,
        score: 4.5,
        ratingsCount: 2,
        mandatesCount: 2,
        lastAssessedAt: '2026-06-01T10:00:00.000Z',
        gap: 0.5,
        surplus: 0.5,
        attainment: 1,
        meetsMinimum: true,
      },
      {
        key: OI,
        name: "Outside-in: through the customer's eyes",
        weight: 2,
        target: 4,
        minimum: null,
        score: 4,
        ratingsCount: 2,
        mandatesCount: 2,
        lastAssessedAt: '2026-06-01T10:00:00.000Z',
        gap: 0,
        surplus: 0,
        attainment: 1,
        meetsMinimum: null,
      },
      {
        key: FO,
        name: 'Foresight and renewal',
        weight: 1,
        target: 3,
        minimum: null,
        score: 3,
        ratingsCount: 1,
        mandatesCount: 1,
        lastAssessedAt: '2026-03-01T10:00:00.000Z',
        gap: 0,
        surplus: 0,
        attainment: 1,
        meetsMinimum: null,
      },
    ]);
    // Not assessed is unknown, never a low score.
    expect(cy.fit.competencies.map((each) => [each.key, each.score, each.ratingsCount, each.mandatesCount, each.lastAssessedAt])).toEqual([
      [CI, null, 0, 0, null],
      [OI, 4, 1, 1, '2026-04-01T10:00:00.000Z'],
      [FO, null, 0, 0, null],
    ]);
  });

  it('should page through the same order, one match at a time', async () => {
    const all = await talentPool(firm.asRecruiter);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await talentPool(firm.asRecruiter, { first: 1, after });
      seen.push(...names(page));
      expect(page.pageInfo.hasPreviousPage).toBe(after !== undefined);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(seen).toEqual(names(all));
  });

  it('should filter on location, languages, tags, coverage and assessment time', async () => {
    const filtered = async (filter: TalentPoolFilter) => {
      const page = await talentPool(firm.asRecruiter, { filter });
      expect(page.totalCount).toBe(page.edges.length);
      return names(page);
    };
    expect(await filtered({ locations: ['oslo'] })).toEqual(['Ada', 'Cy']);
    expect(await filtered({ locations: ['Bergen', 'Tromsø'] })).toEqual(['Bo']);
    expect(await filtered({ languages: ['sv'] })).toEqual(['Bo']);
    expect(await filtered({ languages: ['en', 'sv'] })).toEqual(['Ada', 'Cy', 'Bo']);
    expect(await filtered({ tags: ['board'] })).toEqual(['Cy']);
    expect(await filtered({ minCoverage: 0.5 })).toEqual(['Ada', 'Di', 'Bo']);
    expect(await filtered({ minCoverage: 1 })).toEqual(['Ada', 'Di']);
    expect(await filtered({ assessedSince: '2026-04-15T00:00:00Z' })).toEqual(['Ada', 'Bo']);
    expect(await filtered({ locations: ['oslo'], minCoverage: 0.5 })).toEqual(['Ada']);
    expect(await filtered({ languages: [], tags: [], locations: [] })).toEqual(['Ada', 'Cy', 'Di', 'Bo']);
  });

  it('should show the scorecards behind each match, newest first, to staff', async () => {
    const { node } = await firm.asRecruiter.data(TalentPoolWithEvidenceDocument, { id: mandate.nodeId, first: 2 });
    if (node?.__typename !== 'Mandate') throw new Error('expected a mandate');
    const [ada, cy] = node.talentPool.nodes;
    const scorecardId = (person: number, index: number) => pool.scorecards[person][index].nodeId;
    expect(ada.evidence).toEqual([
      {
        competencyKeys: [CI, OI],
        submittedAt: '2026-06-01T10:00:00.000Z',
        mandate: { id: pool.mandates[1].nodeId, title: 'Earlier search 2' },
        interview: { id: toGlobalId('Interview', pool.scorecards[0][1].interview.id), kind: 'COMPETENCY' },
        scorecard: { id: scorecardId(0, 1), status: 'SUBMITTED', submittedAt: '2026-06-01T10:00:00.000Z' },
      },
      {
        competencyKeys: [CI, FO, OI],
        submittedAt: '2026-03-01T10:00:00.000Z',
        mandate: { id: pool.mandates[0].nodeId, title: 'Earlier search 1' },
        interview: { id: expect.any(String), kind: 'COMPETENCY' },
        scorecard: { id: scorecardId(0, 0), status: 'SUBMITTED', submittedAt: '2026-03-01T10:00:00.000Z' },
      },
    ]);
    // A null score is no evidence.
    expect(cy.evidence.map((each) => each.competencyKeys)).toEqual([[OI]]);
  });

  it('should leave out, for a colleague, the ratings of a candidacy they still have an unsubmitted scorecard on', async () => {
    const { node } = await colleague.as.data(TalentPoolWithEvidenceDocument, { id: mandate.nodeId, first: 10 });
    if (node?.__typename !== 'Mandate') throw new Error('expected a mandate');
    const ada = node.talentPool.nodes.find((match) => match.candidate.firstName === 'Ada')!;
    expect(ada.fit.competencies.map((each) => [each.key, each.score, each.ratingsCount, each.mandatesCount])).toEqual([
      [CI, 5, 1, 1],
      [OI, 4, 1, 1],
      [FO, 3, 1, 1],
    ]);
    expect(ada.evidence.map((each) => each.mandate.id)).toEqual([pool.mandates[0].nodeId]);
    // With Ada's CI at 5 rather than 4.5 nothing else moves: the same four, in the same order.
    expect(node.talentPool.nodes.map((match) => match.candidate.firstName)).toEqual(['Ada', 'Cy', 'Di', 'Bo']);
  });

  it('should write one audit row per request, as a read of the mandate', async () => {
    const requestId = newRequestId('pool');
    const response = await firm.asRecruiter.request(TalentPoolForKeysDocument, { id: mandate.nodeId, first: 2 }, requestHeaders(requestId));
    expect(response.errors).toBeUndefined();
    const rows = await auditRowsOf(app, requestId);
    expect(rows.map((row) => [row.action, row.objectType, row.objectId, row.summary, row.actorUserId])).toEqual([
      ['read:Mandate', 'Mandate', mandate.id, { fields: ['talentPool'] }, firm.recruiter.id],
    ]);
  });
});

describe('Access to the talent pool', () => {
  it('should answer API keys that hold both assessments:read and candidates:read, and no others', async () => {
    const { MANDATES_READ, ASSESSMENTS_READ, CANDIDATES_READ } = ApiKeyScope;
    const both = (await firm.apiKey([MANDATES_READ, ASSESSMENTS_READ, CANDIDATES_READ])).client;
    const { node } = await both.data(TalentPoolForKeysDocument, { id: mandate.nodeId, first: 10 });
    if (node?.__typename !== 'Mandate') throw new Error('expected a mandate');
    expect(node.talentPool.nodes.map((match) => match.candidate.lastName)).toEqual(['Aasen', 'Cederlund', 'Dahl', 'Berg']);

    for (const scopes of [
      [MANDATES_READ, ASSESSMENTS_READ],
      [MANDATES_READ, CANDIDATES_READ],
    ]) {
      const key = (await firm.apiKey(scopes)).client;
      const response = await key.request(TalentPoolForKeysDocument, { id: mandate.nodeId, first: 10 });
      expect(response.errors?.map((error) => [error.message, error.extensions?.code, error.path])).toEqual([
        [
          'This needs a user with the role ADMIN or RECRUITER, or an API key with the scope ASSESSMENTS_READ and CANDIDATES_READ; ' +
            `this API key has the scopes ${scopes.map((scope) => (scope === MANDATES_READ ? 'MANDATES_READ' : scope === ASSESSMENTS_READ ? 'ASSESSMENTS_READ' : 'CANDIDATES_READ')).join(', ')}.`,
          'FORBIDDEN',
          ['node', 'talentPool'],
        ],
      ]);
    }

    // The evidence is for staff only.
    const response = await both.request(TalentPoolWithEvidenceDocument, { id: mandate.nodeId, first: 1 });
    expect(response.errors?.map((error) => [error.extensions?.code, error.path])).toEqual([
      ['FORBIDDEN', ['node', 'talentPool', 'nodes', 0, 'evidence']],
    ]);
  });

  it('should hide the mandate from client users and from another firm, as if it did not exist', async () => {
    const missing = toGlobalId('Mandate', '00000000-0000-4000-8000-000000000000');
    const other = await createTestFirm(app, 'otherfirm');
    const forMissing = await other.asAdmin.request(TalentPoolDocument, { id: missing, first: 10 });
    const forForeign = await other.asAdmin.request(TalentPoolDocument, { id: mandate.nodeId, first: 10 });
    expect(forMissing.data).toEqual({ node: null });
    expect(forForeign.raw).toBe(forMissing.raw);
    const forClient = await firm.asClientUser.request(TalentPoolDocument, { id: mandate.nodeId, first: 10 });
    expect(forClient.raw).toBe((await firm.asClientUser.request(TalentPoolDocument, { id: missing, first: 10 })).raw);
  });
});

describe('Bad input', () => {
  const refused = async (variables: { first?: number; after?: string; filter?: TalentPoolFilter }, id = mandate.nodeId) => {
    const response = await firm.asRecruiter.request(TalentPoolDocument, { id, first: 10, ...variables });
    expect(response.data).toEqual({ node: null });
    return response.errors?.map((error) => [error.message, error.extensions]);
  };

  it('should refuse a page of more than 100', async () => {
    expect(await refused({ first: 101 })).toEqual([
      ['first must be between 1 and 100, got 101.', { code: 'BAD_USER_INPUT', argumentName: 'first' }],
    ]);
    expect(await refused({ first: 0 })).toEqual([
      ['first must be between 1 and 100, got 0.', { code: 'BAD_USER_INPUT', argumentName: 'first' }],
    ]);
  });

  it('should refuse a coverage outside 0–1', async () => {
    for (const minCoverage of [-0.1, 1.5]) {
      expect(await refused({ filter: { minCoverage } })).toEqual([
        [
          `filter.minCoverage is a share of the profile's weight, from 0 to 1; got ${minCoverage}.`,
          { code: 'BAD_USER_INPUT', argumentName: 'filter' },
        ],
      ]);
    }
  });

  it('should refuse language codes that are not ISO 639-1', async () => {
    expect(await refused({ filter: { languages: ['nb', 'xx', 'EN'] } })).toEqual([
      [
        'filter.languages takes ISO 639-1 codes in lower case (nb, sv, en); not a code: "xx", "EN".',
        { code: 'BAD_USER_INPUT', argumentName: 'filter' },
      ],
    ]);
  });

  it('should refuse a cursor of another list', async () => {
    expect(await refused({ after: 'bm90IGEgY3Vyc29y' })).toEqual([
      ['after is not a cursor of this list.', { code: 'BAD_USER_INPUT', argumentName: 'after' }],
    ]);
  });

  it('should refuse a mandate with no weighted competency, rather than answer an empty pool', async () => {
    const bare = await insertMandate(app, firm, { title: 'Unprofiled' });
    await insertRequirementProfile(app, firm, bare, [{ competencyKey: CI, weight: 0, target: 3, minimum: null }]);
    const empty = await insertMandate(app, firm, { title: 'No profile at all' });
    for (const each of [bare, empty]) {
      expect(await refused({}, each.nodeId)).toEqual([
        [
          'This mandate has no weighted competency in its requirement profile, so there is nothing to match the talent pool on: ' +
            'give at least one competency a weight (setRequirementProfile).',
          { code: 'BAD_USER_INPUT' },
        ],
      ]);
    }
  });
});

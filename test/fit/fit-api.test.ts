import { ApiKeyScope } from '../../src/common/access';
import { encodeCursor } from '../../src/common/connection';
import { toGlobalId } from '../../src/common/global-id';
import { compareRanking, computeFit } from '../../src/modules/fit';
import type { Firm } from '../../src/common/firm.entity';
import type { User } from '../../src/modules/user';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLClient } from '../helpers/graphql-client';
import { insertScoredMandate, type CandidacyPlan } from '../helpers/fit-fixtures';
import { DEFAULT_COMPETENCY_KEYS } from '../helpers/competency-keys';
import {
  CandidacyScoresDocument,
  MandateComparisonDocument,
  MandateRankingDocument,
  MandateRankingTotalDocument,
  type MandateRankingQuery,
} from '../generated/graphql';

type RankingPage = {
  edges: { node: { id: string; candidate: { firstName: string } } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

let app: TestApp;
let nordlys: TestFirm;
let fjellvik: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  fjellvik = await createTestFirm(app, 'fjellvik');
});
afterAll(() => app.close());

async function scoredMandate(firm: Firm, interviewers: User[], candidacies: CandidacyPlan[]) {
  const em = app.em();
  return insertScoredMandate(em, await em.findOneOrFail('Firm', firm.id), interviewers as never, {
    requirements: [
      { competencyKey: 'EXECUTION', weight: 3, target: 4, minimum: 3 },
      { competencyKey: 'OUTSIDE_IN', weight: 2, target: 3, minimum: null },
      { competencyKey: 'FORESIGHT', weight: 0, target: 5, minimum: 5 },
    ],
    candidacies,
  });
}

const at = (day: number) => new Date(Date.UTC(2026, 2, day, 9));

describe('Candidacy.assessment and Candidacy.fit', () => {
  it('should report the exact model values for two interviewers who disagree', async () => {
    const { candidacies } = await scoredMandate(
      nordlys.firm,
      [nordlys.recruiter, nordlys.admin],
      [
        {
          createdAt: at(1),
          interviews: [
            [
              { submitted: true, revisions: [{ EXECUTION: 4, OUTSIDE_IN: 5, FORESIGHT: 2 }] },
              { submitted: true, revisions: [{ EXECUTION: 1 }, { EXECUTION: 2, OUTSIDE_IN: null }] },
            ],
          ],
        },
      ],
    );
    const { node } = await nordlys.asRecruiter.data(CandidacyScoresDocument, { id: candidacies[0].nodeId });
    const assessed: Record<string, unknown> = {
      EXECUTION: { key: 'EXECUTION', score: 3, ratingsCount: 2, spread: 2, disagreement: true },
      OUTSIDE_IN: { key: 'OUTSIDE_IN', score: 5, ratingsCount: 1, spread: 0, disagreement: false },
      FORESIGHT: { key: 'FORESIGHT', score: 2, ratingsCount: 1, spread: 0, disagreement: false },
    };
    expect(node).toEqual({
      id: candidacies[0].nodeId,
      assessment: {
        competencies: DEFAULT_COMPETENCY_KEYS.map(
          (key) => assessed[key] ?? { key, score: null, ratingsCount: 0, spread: null, disagreement: false },
        ),
      },
      fit: {
        // (3 × 2/3 + 2 × 1) / 5 × 100
        fit: 80,
        coverage: 1,
        mustHavesMet: true,
        competencies: [
          {
            key: 'OUTSIDE_IN',
            weight: 2,
            target: 3,
            minimum: null,
            ratingsCount: 1,
            score: 5,
            gap: 2,
            surplus: 2,
            attainment: 1,
            meetsMinimum: null,
          },
          {
            key: 'EXECUTION',
            weight: 3,
            target: 4,
            minimum: 3,
            ratingsCount: 2,
            score: 3,
            gap: -1,
            surplus: 0,
            attainment: 2 / 3,
            meetsMinimum: true,
          },
        ],
      },
    });
  });

  it('should hide assessment and fit from an interviewer whose scorecard is still a draft', async () => {
    const { candidacies } = await scoredMandate(
      nordlys.firm,
      [nordlys.recruiter, nordlys.admin],
      [
        {
          createdAt: at(1),
          interviews: [
            [
              { submitted: true, revisions: [{ EXECUTION: 4 }] },
              { submitted: false, revisions: [] },
            ],
          ],
        },
      ],
    );
    const asDrafter = await nordlys.asAdmin.data(CandidacyScoresDocument, { id: candidacies[0].nodeId });
    expect(asDrafter.node).toEqual({ id: candidacies[0].nodeId, assessment: null, fit: null });
    const asSubmitter = await nordlys.asRecruiter.data(CandidacyScoresDocument, { id: candidacies[0].nodeId });
    expect(asSubmitter.node).toMatchObject({ fit: { fit: 100, coverage: 0.6, mustHavesMet: true } });
  });

  it('should give scores to API keys with assessments:read only', async () => {
    const { candidacies } = await scoredMandate(
      nordlys.firm,
      [nordlys.recruiter, nordlys.admin],
      [{ createdAt: at(1), interviews: [[{ submitted: true, revisions: [{ EXECUTION: 4 }] }]] }],
    );
    const reader = (await nordlys.apiKey([ApiKeyScope.ASSESSMENTS_READ, ApiKeyScope.MANDATES_READ])).client;
    expect((await reader.data(CandidacyScoresDocument, { id: candidacies[0].nodeId })).node).toMatchObject({ fit: { fit: 100 } });
    const mandatesOnly = (await nordlys.apiKey([ApiKeyScope.MANDATES_READ])).client;
    const refused = await mandatesOnly.request(CandidacyScoresDocument, { id: candidacies[0].nodeId });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    const client = await nordlys.asClientUser.request(CandidacyScoresDocument, { id: candidacies[0].nodeId });
    expect(client.data).toEqual({ node: null });
    const otherFirm = await fjellvik.asAdmin.request(CandidacyScoresDocument, { id: candidacies[0].nodeId });
    expect(JSON.parse(otherFirm.raw)).toEqual({ data: { node: null } });
  });
});

describe('Mandate.ranking', () => {
  // Twelve candidacies with spread-out scores, ties and unassessed ones.
  const plans: CandidacyPlan[] = Array.from({ length: 12 }, (_, index) => ({
    createdAt: at(1 + (index % 3)),
    interviews:
      index % 5 === 4
        ? []
        : [
            [
              { submitted: true, revisions: [{ EXECUTION: 1 + (index % 5), OUTSIDE_IN: 1 + ((index * 3) % 5) }] },
              { submitted: index % 2 === 0, revisions: [{ EXECUTION: 1 + ((index * 2) % 5) }] },
            ],
          ],
  }));

  it('should page through every candidacy once, in the order of the reference model', async () => {
    const { mandate, candidacies } = await scoredMandate(nordlys.firm, [nordlys.recruiter, nordlys.admin], plans);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { node }: MandateRankingQuery = await nordlys.asRecruiter.data(MandateRankingDocument, { id: mandate.nodeId, first: 5, after });
      const ranking: RankingPage = (node as { ranking: RankingPage }).ranking;
      for (const edge of ranking.edges) {
        seen.push(edge.node.id);
        expect(edge.node.candidate.firstName).toBe('Candidate');
      }
      if (!ranking.pageInfo.hasNextPage) break;
      after = ranking.pageInfo.endCursor;
    }
    // The reference: the pure model over each candidacy's own fit as the API reports it.
    const fits = await Promise.all(
      candidacies.map(async (candidacy) => {
        const { node } = await nordlys.asRecruiter.data(CandidacyScoresDocument, { id: candidacy.nodeId });
        // The raw uuid, as the last tie-breaker compares it (global ids sort differently in base64).
        return {
          id: candidacy.id,
          nodeId: candidacy.nodeId,
          createdAt: candidacy.createdAt,
          fit: (node as { fit: ReturnType<typeof computeFit> }).fit,
        };
      }),
    );
    expect(seen).toEqual(fits.sort(compareRanking).map((candidacy) => candidacy.nodeId));
    const total = await nordlys.asRecruiter.data(MandateRankingTotalDocument, { id: mandate.nodeId });
    expect(total.node).toEqual({ ranking: { totalCount: 12 } });
  });

  it('should run the same number of SQL statements, at most 5, for 10 and for 100 candidacies', async () => {
    const many = Array.from({ length: 120 }, (_, index) => plans[index % plans.length]);
    const { mandate } = await scoredMandate(nordlys.firm, [nordlys.recruiter, nordlys.admin], many);
    const { client } = await nordlys.apiKey([ApiKeyScope.ASSESSMENTS_READ, ApiKeyScope.MANDATES_READ, ApiKeyScope.CANDIDATES_READ]);
    await client.data(MandateRankingDocument, { id: mandate.nodeId, first: 1 });
    const ten = await app.countStatements(() => client.data(MandateRankingDocument, { id: mandate.nodeId, first: 10 }));
    const hundred = await app.countStatements(() => client.data(MandateRankingDocument, { id: mandate.nodeId, first: 100 }));
    expect(hundred).toBe(ten);
    expect(ten).toBeLessThanOrEqual(5);
    // A user adds one statement for the independent-scoring check of the mandate.
    const userTen = await app.countStatements(() => nordlys.asRecruiter.data(MandateRankingDocument, { id: mandate.nodeId, first: 10 }));
    const userHundred = await app.countStatements(() =>
      nordlys.asRecruiter.data(MandateRankingDocument, { id: mandate.nodeId, first: 100 }),
    );
    expect(userHundred).toBe(userTen);
  });

  it.each([0, 101])('should refuse first: %d', async (first) => {
    const { mandate } = await scoredMandate(nordlys.firm, [nordlys.recruiter, nordlys.admin], []);
    const response = await nordlys.asRecruiter.request(MandateRankingDocument, { id: mandate.nodeId, first });
    expect(response.errors?.map((error) => error.extensions)).toEqual([{ code: 'BAD_USER_INPUT', argumentName: 'first' }]);
  });

  it('should refuse a cursor of another mandate and a malformed one', async () => {
    const one = await scoredMandate(nordlys.firm, [nordlys.recruiter, nordlys.admin], plans.slice(0, 3));
    const two = await scoredMandate(nordlys.firm, [nordlys.recruiter, nordlys.admin], plans.slice(0, 3));
    const { node } = await nordlys.asRecruiter.data(MandateRankingDocument, { id: one.mandate.nodeId, first: 1 });
    const cursor = (node as { ranking: { pageInfo: { endCursor: string } } }).ranking.pageInfo.endCursor;
    for (const after of [cursor, 'garbage', encodeCursor(`ranking:${two.mandate.id}`, [0, 0, 'x', 0, 'y', 'z'])]) {
      const response = await nordlys.asRecruiter.request(MandateRankingDocument, { id: two.mandate.nodeId, after });
      expect(response.errors?.map((error) => [error.message, error.extensions])).toEqual([
        ['after is not a cursor of this list.', { code: 'BAD_USER_INPUT', argumentName: 'after' }],
      ]);
    }
  });

  it('should refuse the ranking to client users and keys without assessments:read', async () => {
    const { mandate } = await scoredMandate(nordlys.firm, [nordlys.recruiter, nordlys.admin], plans.slice(0, 2));
    const mandatesOnly = (await nordlys.apiKey([ApiKeyScope.MANDATES_READ])).client;
    expect(errorCodes(await mandatesOnly.request(MandateRankingDocument, { id: mandate.nodeId }))).toEqual(['FORBIDDEN']);
    expect((await nordlys.asClientUser.request(MandateRankingDocument, { id: mandate.nodeId })).data).toEqual({ node: null });
  });
});

describe('Mandate.comparison', () => {
  async function twoCandidates(client: GraphQLClient = nordlys.asRecruiter) {
    const scored = await scoredMandate(
      nordlys.firm,
      [nordlys.recruiter, nordlys.admin],
      [
        {
          createdAt: at(1),
          interviews: [
            [
              { submitted: true, revisions: [{ EXECUTION: 5, OUTSIDE_IN: 1 }] },
              { submitted: true, revisions: [{ EXECUTION: 2 }] },
            ],
          ],
        },
        { createdAt: at(2), interviews: [[{ submitted: true, revisions: [{ EXECUTION: 2, FORESIGHT: 4 }] }]] },
        {
          createdAt: at(3),
          interviews: [
            [
              { submitted: true, revisions: [{ EXECUTION: 3 }] },
              { submitted: false, revisions: [] },
            ],
          ],
        },
      ],
    );
    return { ...scored, client };
  }

  it('should set every competency of the rubric against the profile, one cell per candidacy in the order asked', async () => {
    const { mandate, candidacies } = await twoCandidates();
    const [first, second] = candidacies;
    const { node } = await nordlys.asRecruiter.data(MandateComparisonDocument, {
      id: mandate.nodeId,
      candidacyIds: [second.nodeId, first.nodeId],
    });
    const comparison = (node as { comparison: { columns: unknown[]; rows: { key: string }[] } }).comparison;
    expect(comparison.columns).toEqual([
      { candidacy: { id: second.nodeId }, fit: { fit: 100 / 3, coverage: 0.6, mustHavesMet: false } },
      { candidacy: { id: first.nodeId }, fit: { fit: 50, coverage: 1, mustHavesMet: true } },
    ]);
    expect(comparison.rows.map((row) => row.key)).toEqual([...DEFAULT_COMPETENCY_KEYS]);
    const row = (key: string) => comparison.rows.find((candidate) => candidate.key === key);
    expect(row('EXECUTION')).toEqual({
      key: 'EXECUTION',
      weight: 3,
      target: 4,
      minimum: 3,
      cells: [
        { candidacy: { id: second.nodeId }, score: 2, gap: -2, ratingsCount: 1, disagreement: false, meetsMinimum: false },
        { candidacy: { id: first.nodeId }, score: 3.5, gap: -0.5, ratingsCount: 2, disagreement: true, meetsMinimum: true },
      ],
    });
    expect(row('FORESIGHT')).toEqual({
      key: 'FORESIGHT',
      weight: 0,
      target: 5,
      minimum: 5,
      cells: [
        { candidacy: { id: second.nodeId }, score: 4, gap: -1, ratingsCount: 1, disagreement: false, meetsMinimum: false },
        { candidacy: { id: first.nodeId }, score: null, gap: null, ratingsCount: 0, disagreement: false, meetsMinimum: null },
      ],
    });
    expect(row('LOYALTY_ECONOMICS')).toEqual({
      key: 'LOYALTY_ECONOMICS',
      weight: 0,
      target: null,
      minimum: null,
      cells: [
        { candidacy: { id: second.nodeId }, score: null, gap: null, ratingsCount: 0, disagreement: false, meetsMinimum: null },
        { candidacy: { id: first.nodeId }, score: null, gap: null, ratingsCount: 0, disagreement: false, meetsMinimum: null },
      ],
    });
  });

  it('should refuse wrong candidacy lists with a specific message and compute nothing', async () => {
    const { mandate, candidacies } = await twoCandidates();
    const other = await twoCandidates();
    const ids = candidacies.map((candidacy) => candidacy.nodeId);
    const cases: [string[], string][] = [
      [[ids[0]], 'candidacyIds must name 2 to 10 candidacies, got 1.'],
      [Array(11).fill(ids[0]), 'candidacyIds must name 2 to 10 candidacies, got 11.'],
      [[ids[0], ids[0]], 'candidacyIds[1] names the same candidacy twice.'],
      [[ids[0], other.candidacies[0].nodeId], 'candidacyIds[1] is not a candidacy of this mandate.'],
      [['junk', ids[0]], 'candidacyIds[0] is not a candidacy of this mandate.'],
      [[ids[0], toGlobalId('Mandate', mandate.id)], 'candidacyIds[1] is not a candidacy of this mandate.'],
      // The admin still has a draft scorecard on the third candidacy.
      [[ids[0], ids[2]], 'Submit your scorecard for candidacyIds[1] first: until then its scores stay hidden from you.'],
    ];
    for (const [candidacyIds, message] of cases) {
      const response = await nordlys.asAdmin.request(MandateComparisonDocument, { id: mandate.nodeId, candidacyIds });
      expect([candidacyIds, response.errors?.map((error) => [error.message, error.extensions])]).toEqual([
        candidacyIds,
        [[message, { code: 'BAD_USER_INPUT', argumentName: 'candidacyIds' }]],
      ]);
    }
  });
});

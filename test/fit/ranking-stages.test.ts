import { CandidacyStage } from '../../src/modules/candidacy';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes } from '../helpers/graphql-client';
import { insertScoredMandate } from '../helpers/fit-fixtures';
import { MandateRankingByStageDocument, MandateRankingDocument, type MandateRankingByStageQueryVariables } from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let mandateId: string;
// Candidacy node ids by name.
const ids: Record<string, string> = {};

// Five candidacies, fit 100 down to 0 in this order, two of them out of the pipeline.
const plan: [string, CandidacyStage, number][] = [
  ['rejectedBest', CandidacyStage.REJECTED, 5],
  ['interviewing', CandidacyStage.INTERVIEWING, 4],
  ['withdrawn', CandidacyStage.WITHDRAWN, 3],
  ['shortlisted', CandidacyStage.SHORTLISTED, 2],
  ['sourced', CandidacyStage.SOURCED, 1],
];

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  const em = app.em();
  const { mandate, candidacies } = await insertScoredMandate(
    em,
    await em.findOneOrFail('Firm', nordlys.firm.id),
    [nordlys.recruiter] as never,
    {
      requirements: [{ competencyKey: 'EXECUTION', weight: 1, target: 5, minimum: null }],
      candidacies: plan.map(([, stage, score], index) => ({
        createdAt: new Date(Date.UTC(2026, 2, index + 1)),
        stage,
        interviews: [[{ submitted: true, revisions: [{ EXECUTION: score }] }]],
      })),
    },
  );
  mandateId = mandate.nodeId;
  plan.forEach(([name], index) => (ids[candidacies[index].nodeId] = name));
});
afterAll(() => app.close());

async function ranking(variables: Omit<MandateRankingByStageQueryVariables, 'id'>) {
  const { node } = await nordlys.asRecruiter.data(MandateRankingByStageDocument, { id: mandateId, ...variables });
  if (!node || !('ranking' in node)) throw new Error('no ranking');
  const { totalCount, edges, pageInfo } = node.ranking;
  return { totalCount, names: edges.map((edge) => ids[edge.node.id]), fits: edges.map((edge) => edge.node.fit?.fit), pageInfo };
}

describe('Mandate.ranking by stage', () => {
  it('should leave out REJECTED and WITHDRAWN when no stages are asked for, in the count too', async () => {
    expect(await ranking({})).toEqual({
      totalCount: 3,
      names: ['interviewing', 'shortlisted', 'sourced'],
      fits: [75, 25, 0],
      pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
    });
  });

  it('should keep exactly the stages asked for, exits included when named', async () => {
    expect(await ranking({ stages: ['REJECTED', 'SOURCED', 'SOURCED'] })).toMatchObject({
      totalCount: 2,
      names: ['rejectedBest', 'sourced'],
    });
    expect(await ranking({ stages: Object.values(CandidacyStage) })).toMatchObject({
      totalCount: 5,
      names: ['rejectedBest', 'interviewing', 'withdrawn', 'shortlisted', 'sourced'],
      fits: [100, 75, 50, 25, 0],
    });
    expect(await ranking({ stages: ['OFFER'] })).toMatchObject({
      totalCount: 0,
      names: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('should page through the filtered ranking without skipping or repeating, one at a time', async () => {
    const seen: string[] = [];
    const pages: boolean[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof ranking>> = await ranking({ first: 1, after });
      expect(page.totalCount).toBe(3);
      seen.push(...page.names);
      pages.push(page.pageInfo.hasNextPage);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['interviewing', 'shortlisted', 'sourced']);
    expect(pages).toEqual([true, true, false]);
  });

  it('should refuse an empty stages list as BAD_USER_INPUT on stages', async () => {
    const response = await nordlys.asRecruiter.request(MandateRankingByStageDocument, { id: mandateId, stages: [] });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]).toMatchObject({
      message: 'stages must name at least one stage; leave it out for every stage but the exits.',
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'stages' },
    });
  });

  it('should answer the ranking without arguments with every stage but the exits', async () => {
    const { node } = await nordlys.asRecruiter.data(MandateRankingDocument, { id: mandateId });
    const stages = node && 'ranking' in node ? node.ranking.edges.map((edge) => edge.node.stage) : [];
    expect(stages).toEqual(['INTERVIEWING', 'SHORTLISTED', 'SOURCED']);
  });
});

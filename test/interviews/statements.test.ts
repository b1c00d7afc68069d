import type { EntityManager } from '@mikro-orm/postgresql';
import { amendScorecard, InterviewKind, Recommendation, scheduleInterview, submitScorecard } from '../../src/modules/interview';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { createStaffUser, insertCandidacy, someRatings } from '../helpers/interview-fixtures';
import type { User } from '../../src/modules/user';
import { InterviewsByIdsDocument, InterviewsInDepthDocument, MyScorecardsDocument } from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let colleague: User;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  colleague = (await createStaffUser(app, nordlys)).user;
});
afterAll(() => app.close());

// A candidacy with `count` interviews, each with a panel of two who both submitted and one
// of whom amended: every interview has two scorecards, three revisions and their ratings.
// Written with the services themselves, which is much faster than over HTTP.
async function candidacyWithInterviews(count: number): Promise<string[]> {
  const { candidacy } = await insertCandidacy(app, nordlys);
  const firmId = nordlys.firm.id;
  const ids: string[] = [];
  // One short transaction per interview: a single long one makes every flush slower as the
  // unit of work grows.
  for (let index = 0; index < count; index++) {
    ids.push(
      await app.em().transactional(async (tx) => {
        const em = tx as EntityManager;
        const { interview } = await scheduleInterview(em, firmId, {
          candidacyId: candidacy.id,
          kind: InterviewKind.COMPETENCY,
          scheduledAt: new Date(Date.UTC(2026, 0, 1 + index)),
          interviewerIds: [nordlys.recruiter.nodeId, colleague.nodeId],
        });
        await em.flush();
        const content = { ratings: someRatings(3), recommendation: Recommendation.YES, summary: 'Solid.' };
        const { scorecard } = await submitScorecard(em, firmId, nordlys.recruiter.id, { ...content, interviewId: interview.id });
        await submitScorecard(em, firmId, colleague.id, { ...content, interviewId: interview.id });
        await em.flush();
        await amendScorecard(em, firmId, nordlys.recruiter.id, { ...content, scorecardId: scorecard.id, reason: 'Rethought.' });
        await em.flush();
        return interview.nodeId;
      }),
    );
  }
  return ids;
}

describe('SQL statements', () => {
  let few: string[];
  let many: string[];

  beforeAll(async () => {
    few = await candidacyWithInterviews(5);
    many = await candidacyWithInterviews(50);
  });

  it('should read a candidacy with 50 interviews, their panels, scorecards, revisions and ratings in as many statements as with 5', async () => {
    let fewResult: unknown;
    let manyResult: unknown;
    const fewCount = await app.countStatements(async () => {
      fewResult = await nordlys.asAdmin.data(InterviewsInDepthDocument, { ids: [few[0]] });
    });
    const manyCount = await app.countStatements(async () => {
      manyResult = await nordlys.asAdmin.data(InterviewsInDepthDocument, { ids: [many[0]] });
    });
    const interviewsOf = (result: unknown) =>
      (result as { nodes: { candidacy: { interviews: { scorecards: { revisions: unknown[]; ratings: unknown[] }[] }[] } }[] }).nodes[0]
        .candidacy.interviews;
    expect(interviewsOf(fewResult)).toHaveLength(5);
    expect(interviewsOf(manyResult)).toHaveLength(50);
    // The whole depth is really there: two scorecards each, with 3 revisions and 9 ratings each.
    const scorecards = interviewsOf(manyResult).flatMap((interview) => interview.scorecards);
    expect(scorecards).toHaveLength(100);
    expect(scorecards.flatMap((scorecard) => scorecard.revisions)).toHaveLength(150);
    expect(scorecards.flatMap((scorecard) => scorecard.ratings)).toHaveLength(900);
    expect(fewCount).toBeGreaterThan(0);
    expect(manyCount).toBe(fewCount);
  });

  it('should read 50 interviews by id, in depth, in as many statements as 5', async () => {
    const fewCount = await app.countStatements(() => nordlys.asAdmin.data(InterviewsByIdsDocument, { ids: few }));
    let result: { nodes: unknown[] } | undefined;
    const manyCount = await app.countStatements(async () => {
      result = await nordlys.asAdmin.data(InterviewsByIdsDocument, { ids: many });
    });
    expect(result!.nodes.filter(Boolean)).toHaveLength(50);
    expect(manyCount).toBe(fewCount);
  });

  it("should read an interviewer's 50 scorecards with their interviews and candidacies in as many statements as 5", async () => {
    const fewCount = await app.countStatements(() => nordlys.asRecruiter.data(MyScorecardsDocument, { first: 5 }));
    let page: { myScorecards: { edges: unknown[] } } | undefined;
    const manyCount = await app.countStatements(async () => {
      page = await nordlys.asRecruiter.data(MyScorecardsDocument, { first: 50 });
    });
    expect(page!.myScorecards.edges).toHaveLength(50);
    expect(manyCount).toBe(fewCount);
  });
});

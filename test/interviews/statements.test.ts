import { ref } from '@mikro-orm/core';
import {
  Interview,
  InterviewKind,
  Rating,
  Recommendation,
  Scorecard,
  ScorecardRevision,
  ScorecardStatus,
} from '../../src/modules/interview';
import { Competency } from '../../src/modules/rubric';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { createStaffUser, insertCandidacy, someRatings } from '../helpers/interview-fixtures';
import { User } from '../../src/modules/user';
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
// of whom amended: every interview has two scorecards, three revisions and their ratings (one a
// competency of the rubric, as the services write them). Written as rows in one flush: only what
// is read matters here, and the services (tested in their own files) took a second an interview.
async function candidacyWithInterviews(count: number): Promise<string[]> {
  const { candidacy, mandate } = await insertCandidacy(app, nordlys);
  const em = app.em();
  const firm = nordlys.firm.id;
  const rubricKeys = (await em.find(Competency, { rubric: mandate.rubric.id }, { orderBy: { position: 'asc' } })).map(
    (competency) => competency.key,
  );
  const scores = new Map(someRatings(3).map((rating) => [rating.competencyKey, rating]));
  const revision = (scorecard: Scorecard, author: string, number: number, reason: string | null) => {
    const written = em.create(ScorecardRevision, {
      firm,
      scorecard,
      number,
      recommendation: Recommendation.YES,
      summary: 'Solid.',
      reason,
      author: em.getReference(User, author),
    });
    for (const competencyKey of rubricKeys) {
      const rating = scores.get(competencyKey);
      em.create(Rating, { firm, revision: written, competencyKey, score: rating?.score ?? null, evidence: rating?.evidence ?? null });
    }
    scorecard.latestRevision = ref(written);
    scorecard.version = number + 1;
  };
  const interviews = Array.from({ length: count }, (_, index) => {
    const interview = em.create(Interview, {
      firm,
      candidacy: candidacy.id,
      kind: InterviewKind.COMPETENCY,
      scheduledAt: new Date(Date.UTC(2026, 0, 1 + index)),
    });
    for (const interviewer of [nordlys.recruiter.id, colleague.id]) {
      const scorecard = em.create(Scorecard, {
        firm,
        interview,
        interviewer: em.getReference(User, interviewer),
        status: ScorecardStatus.SUBMITTED,
        submittedAt: new Date(Date.UTC(2026, 0, 2 + index)),
      });
      revision(scorecard, interviewer, 1, null);
      if (interviewer === nordlys.recruiter.id) revision(scorecard, interviewer, 2, 'Rethought.');
    }
    return interview;
  });
  await em.flush();
  return interviews.map((interview) => interview.nodeId);
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

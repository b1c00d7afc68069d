import { Rating, Scorecard, ScorecardRevision } from '../../src/modules/interview';
import { localIdOf } from '../../src/common/global-id';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { createStaffUser, insertCandidacy, RUBRIC_KEYS } from '../helpers/interview-fixtures';
import type { GraphQLClient } from '../helpers/graphql-client';
import type { User } from '../../src/modules/user';
import {
  AmendScorecardDocument,
  InterviewNodeDocument,
  ScheduleInterviewDocument,
  ScorecardNodeDocument,
  SubmitScorecardDocument,
} from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let second: { user: User; as: GraphQLClient };

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  second = await createStaffUser(app, nordlys);
});
afterAll(() => app.close());

// Every competency of the rubric, in order, with what was sent or "not assessed".
function expectedRatings(sent: Record<string, [number | null, string | null]>) {
  return RUBRIC_KEYS.map((competencyKey) => ({
    competencyKey,
    score: sent[competencyKey]?.[0] ?? null,
    evidence: sent[competencyKey]?.[1] ?? null,
  }));
}

describe('the interview and scorecard flow', () => {
  it('should schedule, take two submissions and an amendment, and read every revision back', async () => {
    const { candidacy } = await insertCandidacy(app, nordlys);

    // 1. The recruiter schedules a competency interview with themself and a colleague.
    const scheduled = await nordlys.asRecruiter.data(ScheduleInterviewDocument, {
      input: {
        candidacyId: candidacy.nodeId,
        kind: 'COMPETENCY',
        scheduledAt: '2026-03-02T09:00:00.000Z',
        interviewerIds: [nordlys.recruiter.nodeId, second.user.nodeId],
      },
    });
    expect(scheduled.scheduleInterview.userErrors).toEqual([]);
    const interview = scheduled.scheduleInterview.interview!;
    expect(interview.panel).toEqual([
      { id: nordlys.recruiter.nodeId, name: nordlys.recruiter.name },
      { id: second.user.nodeId, name: 'Second Recruiter' },
    ]);
    // Independent scoring: with a draft of their own, the recruiter sees only that one.
    expect(interview.scorecards).toEqual([
      { id: expect.any(String), status: 'DRAFT', version: 1, interviewer: { id: nordlys.recruiter.nodeId }, ratings: [], revisions: [] },
    ]);
    const ownId = interview.scorecards[0].id;

    // 2. The recruiter submits.
    const submitted = await nordlys.asRecruiter.data(SubmitScorecardDocument, {
      input: {
        interviewId: interview.id,
        ratings: [
          { competencyKey: 'OUTSIDE_IN', score: 4, evidence: 'Walked us through the customer journey of a broadband order.' },
          { competencyKey: 'CUSTOMER_INSIGHT', score: 3, evidence: 'Quoted NPS, but no churn figures.' },
          { competencyKey: 'FORESIGHT', score: null, evidence: null },
        ],
        recommendation: 'YES',
        summary: 'Close to customers; thinner on numbers.',
      },
    });
    expect(submitted.submitScorecard.userErrors).toEqual([]);
    const first = submitted.submitScorecard.scorecard!;
    const firstRatings = expectedRatings({
      CUSTOMER_INSIGHT: [3, 'Quoted NPS, but no churn figures.'],
      OUTSIDE_IN: [4, 'Walked us through the customer journey of a broadband order.'],
    });
    expect(first).toEqual({
      id: ownId,
      status: 'SUBMITTED',
      submittedAt: expect.any(String),
      version: 2,
      recommendation: 'YES',
      summary: 'Close to customers; thinner on numbers.',
      interviewer: { id: nordlys.recruiter.nodeId },
      interview: { id: interview.id },
      ratings: firstRatings,
      revisions: [
        {
          number: 1,
          recommendation: 'YES',
          summary: 'Close to customers; thinner on numbers.',
          reason: null,
          createdAt: expect.any(String),
          author: { id: nordlys.recruiter.nodeId },
          ratings: firstRatings,
        },
      ],
    });

    // 3. The colleague submits.
    const colleague = await second.as.data(SubmitScorecardDocument, {
      input: {
        interviewId: interview.id,
        ratings: [{ competencyKey: 'EXECUTION', score: 5, evidence: 'Turned a failing service centre around in six months.' }],
        recommendation: 'STRONG_YES',
        summary: null,
      },
    });
    expect(colleague.submitScorecard.userErrors).toEqual([]);
    expect(colleague.submitScorecard.scorecard).toMatchObject({ status: 'SUBMITTED', version: 2, interviewer: { id: second.user.nodeId } });
    const colleaguesId = colleague.submitScorecard.scorecard!.id;

    // 4. The recruiter amends, with a reason, based on the version they read.
    const amended = await nordlys.asRecruiter.data(AmendScorecardDocument, {
      input: {
        scorecardId: ownId,
        ratings: [
          { competencyKey: 'OUTSIDE_IN', score: 5, evidence: 'On reflection: the journey map was her own work.' },
          { competencyKey: 'CUSTOMER_INSIGHT', score: 3, evidence: 'Quoted NPS, but no churn figures.' },
        ],
        recommendation: 'STRONG_YES',
        summary: 'Stronger than first noted.',
        reason: 'Reference call confirmed the journey map was hers.',
        expectedVersion: 2,
      },
    });
    expect(amended.amendScorecard.userErrors).toEqual([]);
    const latestRatings = expectedRatings({
      CUSTOMER_INSIGHT: [3, 'Quoted NPS, but no churn figures.'],
      OUTSIDE_IN: [5, 'On reflection: the journey map was her own work.'],
    });
    expect(amended.amendScorecard.scorecard).toEqual({
      ...first,
      version: 3,
      recommendation: 'STRONG_YES',
      summary: 'Stronger than first noted.',
      ratings: latestRatings,
      revisions: [
        first.revisions[0],
        {
          number: 2,
          recommendation: 'STRONG_YES',
          summary: 'Stronger than first noted.',
          reason: 'Reference call confirmed the journey map was hers.',
          createdAt: expect.any(String),
          author: { id: nordlys.recruiter.nodeId },
          ratings: latestRatings,
        },
      ],
    });
    // The first submission time stays.
    expect(amended.amendScorecard.scorecard!.submittedAt).toBe(first.submittedAt);

    // 5. Read back: the latest revision counts, both revisions stay readable.
    const { node } = await nordlys.asAdmin.data(ScorecardNodeDocument, { id: ownId });
    expect(node).toEqual({ __typename: 'Scorecard', ...amended.amendScorecard.scorecard });
    const { node: read } = await nordlys.asAdmin.data(InterviewNodeDocument, { id: interview.id });
    expect(read).toMatchObject({
      __typename: 'Interview',
      kind: 'COMPETENCY',
      scheduledAt: '2026-03-02T09:00:00.000Z',
      scorecards: [
        { id: ownId, status: 'SUBMITTED', version: 3, recommendation: 'STRONG_YES', ratings: latestRatings },
        { id: colleaguesId, status: 'SUBMITTED', version: 2, recommendation: 'STRONG_YES' },
      ],
    });

    // 6. In the database: revision 1 is untouched, revision 2 is the latest.
    const em = app.em();
    const scorecard = await em.findOneOrFail(Scorecard, localIdOf(ownId, 'Scorecard')!);
    const revisions = await em.find(ScorecardRevision, { scorecard }, { orderBy: { number: 'asc' } });
    expect(revisions.map((revision) => [revision.number, revision.recommendation, revision.reason])).toEqual([
      [1, 'YES', null],
      [2, 'STRONG_YES', 'Reference call confirmed the journey map was hers.'],
    ]);
    expect(scorecard.latestRevision!.id).toBe(revisions[1].id);
    const firstRevisionRatings = await em.find(Rating, { revision: revisions[0] });
    expect(firstRevisionRatings.find((rating) => rating.competencyKey === 'OUTSIDE_IN')).toMatchObject({ score: 4 });
    expect(await em.count(Rating, { revision: { $in: revisions } })).toBe(2 * RUBRIC_KEYS.length);
  });
});

import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import type { GraphQLClient } from '../helpers/graphql-client';
import { createStaffUser } from '../helpers/interview-fixtures';
import { insertAssessedMandate } from '../helpers/shortlist-fixtures';
import type { User } from '../../src/modules/user';
import {
  CancelInterviewDocument,
  CandidacyScoresDocument,
  InterviewNodeDocument,
  MarkInterviewHeldDocument,
  MyInterviewsDocument,
  RescheduleInterviewDocument,
  SaveScorecardDraftDocument,
  ScheduleInterviewDocument,
  SubmitScorecardDocument,
  type SaveScorecardDraftInput,
} from '../generated/graphql';

// "Done when" of the interview room, over HTTP: a recruiter opens their day, the kit in bokmål,
// saves three partial drafts during the interview (one stale), marks it held, submits and sees it
// counted; the colleague on the panel stays blind until they submit; reschedule and cancel rules.

let app: TestApp;
let nordlys: TestFirm;
let colleague: { user: User; as: GraphQLClient };

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  colleague = await createStaffUser(app, nordlys, undefined, 'Kari Kollega');
});
afterAll(() => app.close());

async function scoresSeenBy(as: GraphQLClient, candidacyId: string) {
  const { node } = await as.data(CandidacyScoresDocument, { id: candidacyId });
  return node && 'assessment' in node ? node.assessment : undefined;
}

async function scorecardsSeenBy(as: GraphQLClient, interviewId: string) {
  const { node } = await as.data(InterviewNodeDocument, { id: interviewId });
  return node?.__typename === 'Interview' ? node.scorecards.map((scorecard) => scorecard.id) : null;
}

it('should take a recruiter through the interview room, from their day to a counted scorecard', async () => {
  const world = await insertAssessedMandate(app, nordlys, { candidates: 1, assessed: false });
  const candidacyId = world.candidacies[0].candidacy.nodeId;
  const { scheduleInterview } = await nordlys.asAdmin.data(ScheduleInterviewDocument, {
    input: {
      candidacyId,
      kind: 'COMPETENCY',
      scheduledAt: new Date(Date.now() + 3_600_000).toISOString(),
      interviewerIds: [nordlys.recruiter.nodeId, colleague.user.nodeId],
      focus: [
        { interviewerId: nordlys.recruiter.nodeId, focusCompetencyKeys: ['SERVICE_CULTURE'] },
        { interviewerId: colleague.user.nodeId, focusCompetencyKeys: ['OUTSIDE_IN', 'EXECUTION'] },
      ],
    },
  });
  expect(scheduleInterview.userErrors).toEqual([]);
  const interviewId = scheduleInterview.interview!.id;
  const colleagueCardId = scheduleInterview.interview!.scorecards[1].id;

  // My day, with the kit in bokmål: the recruiter's focus first.
  const { myInterviews } = await nordlys.asRecruiter.data(MyInterviewsDocument, { filter: { status: ['SCHEDULED'] }, locale: 'NB' });
  const today = myInterviews.nodes.find((node) => node.id === interviewId)!;
  expect(today.kit.map((item) => [item.key, item.inFocus])).toEqual([
    ['SERVICE_CULTURE', true],
    ['OUTSIDE_IN', false],
    ['EXECUTION', false],
  ]);
  expect(today.kit[0].name).toBe('Prestasjons- og servicekultur');
  const scorecardId = today.myScorecard!.id;
  expect(today.myScorecard!.version).toBe(1);

  // Three partial drafts as the conversation goes; the third was written against a stale version.
  const save = (input: SaveScorecardDraftInput) => nordlys.asRecruiter.data(SaveScorecardDraftDocument, { input });
  const first = await save({ scorecardId, expectedVersion: 1, ratings: [{ competencyKey: 'SERVICE_CULTURE', score: 4 }] });
  expect(first.saveScorecardDraft.scorecard!.version).toBe(2);
  const second = await save({
    scorecardId,
    expectedVersion: 2,
    ratings: [
      { competencyKey: 'SERVICE_CULTURE', evidence: 'Rebuilt the complaints desk around callbacks within the hour.' },
      { competencyKey: 'OUTSIDE_IN', score: 5, evidence: 'Starts every plan from churn interviews.' },
    ],
  });
  expect(second.saveScorecardDraft.scorecard!.version).toBe(3);
  const stale = await save({ scorecardId, expectedVersion: 2, recommendation: 'NO' });
  expect(stale.saveScorecardDraft.userErrors.map((error) => [error.code, error.field])).toEqual([
    ['CONFLICT', ['input', 'expectedVersion']],
  ]);
  const third = await save({ scorecardId, expectedVersion: 3, recommendation: 'STRONG_YES' });
  expect(third.saveScorecardDraft.scorecard!.draft).toMatchObject({
    recommendation: 'STRONG_YES',
    ratings: [
      { competencyKey: 'SERVICE_CULTURE', score: 4, evidence: 'Rebuilt the complaints desk around callbacks within the hour.' },
      { competencyKey: 'OUTSIDE_IN', score: 5, evidence: 'Starts every plan from churn interviews.' },
    ],
  });
  // Nothing counts yet: the admin (on no panel) sees no rating.
  expect((await scoresSeenBy(nordlys.asAdmin, candidacyId))!.competencies.every((item) => item.ratingsCount === 0)).toBe(true);

  const { markInterviewHeld } = await nordlys.asRecruiter.data(MarkInterviewHeldDocument, { input: { interviewId, expectedVersion: 1 } });
  expect(markInterviewHeld.interview).toMatchObject({ status: 'HELD', version: 2 });
  expect(Date.parse(markInterviewHeld.interview!.scorecardsDueAt!) - Date.parse(markInterviewHeld.interview!.heldAt!)).toBe(24 * 3_600_000);

  // Reschedule and cancel rules: a held interview is not moved; never into the past.
  const moved = await nordlys.asRecruiter.data(RescheduleInterviewDocument, {
    input: { interviewId, scheduledAt: '2020-01-01T09:00:00Z' },
  });
  expect(moved.rescheduleInterview.userErrors.map((error) => error.code)).toEqual(['INVALID_STATE']);

  const { submitScorecard } = await nordlys.asRecruiter.data(SubmitScorecardDocument, { input: { interviewId, expectedVersion: 4 } });
  expect(submitScorecard.userErrors).toEqual([]);
  expect(submitScorecard.scorecard).toMatchObject({ status: 'SUBMITTED', recommendation: 'STRONG_YES' });

  // Counted: the admin sees the recruiter's scores.
  const counted = (await scoresSeenBy(nordlys.asAdmin, candidacyId))!.competencies;
  expect(counted.filter((item) => item.ratingsCount > 0).map((item) => [item.key, item.score, item.ratingsCount])).toEqual([
    ['OUTSIDE_IN', 5, 1],
    ['SERVICE_CULTURE', 4, 1],
  ]);
  // The colleague stays blind until they submit.
  expect(await scoresSeenBy(colleague.as, candidacyId)).toBeNull();
  expect(await scorecardsSeenBy(colleague.as, interviewId)).toEqual([colleagueCardId]);

  // Once a scorecard is submitted the interview cannot be cancelled.
  const cancelled = await nordlys.asAdmin.data(CancelInterviewDocument, { input: { interviewId, reason: 'Changed our minds.' } });
  expect(cancelled.cancelInterview.userErrors.map((error) => [error.code, error.field])).toEqual([
    ['INVALID_STATE', ['input', 'interviewId']],
  ]);

  const { submitScorecard: theirs } = await colleague.as.data(SubmitScorecardDocument, {
    input: {
      interviewId,
      ratings: [{ competencyKey: 'OUTSIDE_IN', score: 3, evidence: 'Talked about the product first.' }],
      recommendation: 'YES',
    },
  });
  expect(theirs.userErrors).toEqual([]);
  expect(await scorecardsSeenBy(colleague.as, interviewId)).toEqual([scorecardId, colleagueCardId]);
  const both = (await scoresSeenBy(colleague.as, candidacyId))!.competencies.find((item) => item.key === 'OUTSIDE_IN');
  expect(both).toMatchObject({ score: 4, ratingsCount: 2 });
});

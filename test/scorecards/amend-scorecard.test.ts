import { ApiKeyScope } from '../../src/common/access';
import { toGlobalId } from '../../src/common/global-id';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLClient } from '../helpers/graphql-client';
import { createStaffUser, insertCandidacy, scorecardInDatabase, someRatings } from '../helpers/interview-fixtures';
import type { User } from '../../src/modules/user';
import {
  AmendScorecardDocument,
  ScheduleInterviewDocument,
  ScorecardNodeDocument,
  SubmitScorecardDocument,
  type AmendScorecardInput,
  type AmendScorecardMutation,
} from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let fjellvik: TestFirm;
let colleague: { user: User; as: GraphQLClient };

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  fjellvik = await createTestFirm(app, 'fjellvik');
  colleague = await createStaffUser(app, nordlys);
});
afterAll(() => app.close());

// An interview of the recruiter and a colleague, scheduled by the admin; the recruiter's
// scorecard is submitted unless told otherwise.
async function recruitersScorecard(options: { submit?: boolean; testFirm?: TestFirm } = {}) {
  const testFirm = options.testFirm ?? nordlys;
  const panel = testFirm === nordlys ? [nordlys.recruiter, colleague.user] : [testFirm.recruiter];
  const { candidacy } = await insertCandidacy(app, testFirm);
  const { scheduleInterview } = await testFirm.asAdmin.data(ScheduleInterviewDocument, {
    input: {
      candidacyId: candidacy.nodeId,
      kind: 'COMPETENCY',
      scheduledAt: '2026-06-01T12:00:00.000Z',
      interviewerIds: panel.map((user) => user.nodeId),
    },
  });
  const interview = scheduleInterview.interview!;
  const scorecardId = interview.scorecards[0].id;
  if (options.submit ?? true) {
    const { submitScorecard } = await testFirm.asRecruiter.data(SubmitScorecardDocument, {
      input: { interviewId: interview.id, ratings: someRatings(2), recommendation: 'YES', summary: 'First view.' },
    });
    expect(submitScorecard.userErrors).toEqual([]);
  }
  return { interviewId: interview.id, scorecardId, colleaguesScorecardId: interview.scorecards[1]?.id };
}

function amendment(scorecardId: string, change: Partial<AmendScorecardInput> = {}): AmendScorecardInput {
  return {
    scorecardId,
    ratings: [{ competencyKey: 'OUTSIDE_IN', score: 5, evidence: 'The reference confirmed it.' }],
    recommendation: 'STRONG_YES',
    summary: 'Second view.',
    reason: 'New information from a reference call.',
    ...change,
  };
}

type UserErrors = AmendScorecardMutation['amendScorecard']['userErrors'];

async function expectRefused(change: Partial<AmendScorecardInput>, userErrors: UserErrors) {
  const { scorecardId } = await recruitersScorecard();
  const before = await scorecardInDatabase(app, scorecardId);
  const { amendScorecard } = await nordlys.asRecruiter.data(AmendScorecardDocument, { input: amendment(scorecardId, change) });
  expect(amendScorecard).toEqual({ scorecard: null, userErrors });
  expect(await scorecardInDatabase(app, scorecardId)).toEqual(before);
  expect(before).toMatchObject({ version: 2, revisions: [1] });
}

describe('amendScorecard', () => {
  it('should write the next revision with the reason and keep the earlier ones', async () => {
    const { scorecardId } = await recruitersScorecard();
    const second = await nordlys.asRecruiter.data(AmendScorecardDocument, { input: amendment(scorecardId) });
    expect(second.amendScorecard.userErrors).toEqual([]);
    const third = await nordlys.asRecruiter.data(AmendScorecardDocument, {
      input: amendment(scorecardId, {
        ratings: [{ competencyKey: 'EXECUTION', score: 2, evidence: 'Missed two deadlines we checked.' }],
        recommendation: 'NO',
        summary: null,
        reason: '  Checked the delivery record.  ',
        expectedVersion: 3,
      }),
    });
    expect(third.amendScorecard.userErrors).toEqual([]);
    const scorecard = third.amendScorecard.scorecard!;
    expect(scorecard).toMatchObject({ status: 'SUBMITTED', version: 4, recommendation: 'NO', summary: null });
    expect(scorecard.ratings.filter((rating) => rating.score !== null)).toEqual([
      { competencyKey: 'EXECUTION', score: 2, evidence: 'Missed two deadlines we checked.' },
    ]);
    expect(
      scorecard.revisions.map((revision) => [
        revision.number,
        revision.recommendation,
        revision.summary,
        revision.reason,
        revision.ratings.filter((rating) => rating.score !== null).map((rating) => [rating.competencyKey, rating.score]),
      ]),
    ).toEqual([
      [
        1,
        'YES',
        'First view.',
        null,
        [
          ['CUSTOMER_INSIGHT', 4],
          ['OUTSIDE_IN', 5],
        ],
      ],
      [2, 'STRONG_YES', 'Second view.', 'New information from a reference call.', [['OUTSIDE_IN', 5]]],
      [3, 'NO', null, 'Checked the delivery record.', [['EXECUTION', 2]]],
    ]);
    expect(await scorecardInDatabase(app, scorecardId)).toMatchObject({ version: 4, revisions: [1, 2, 3], ratings: 27 });
  });

  describe('bad input', () => {
    it.each([
      ['missing', ''],
      ['blank', '   '],
    ])('should refuse a reason that is %s as REQUIRED', async (_case, reason) => {
      await expectRefused({ reason }, [{ code: 'REQUIRED', field: ['input', 'reason'], message: 'reason is required.' }]);
    });

    it('should refuse a reason longer than 1000 characters as TOO_LONG', async () => {
      await expectRefused({ reason: 'r'.repeat(1001) }, [
        { code: 'TOO_LONG', field: ['input', 'reason'], message: 'reason is longer than 1000 characters.' },
      ]);
    });

    it('should apply the rating rules of a submission', async () => {
      await expectRefused(
        {
          ratings: [
            { competencyKey: 'OUTSIDE_IN', score: 0, evidence: 'Zero.' },
            { competencyKey: 'EXECUTION', score: 3, evidence: null },
            { competencyKey: 'MAGIC', score: 3, evidence: 'Unknown.' },
            { competencyKey: 'OUTSIDE_IN', score: 3, evidence: 'Twice.' },
          ],
          summary: 's'.repeat(5001),
        },
        [
          { code: 'OUT_OF_RANGE', field: ['input', 'ratings', '0', 'score'], message: 'score must be a whole number from 1 to 5.' },
          { code: 'REQUIRED', field: ['input', 'ratings', '1', 'evidence'], message: 'evidence is required.' },
          {
            code: 'NOT_FOUND',
            field: ['input', 'ratings', '2', 'competencyKey'],
            message: `The mandate's rubric has no competency "MAGIC".`,
          },
          { code: 'INVALID', field: ['input', 'ratings', '3', 'competencyKey'], message: 'OUTSIDE_IN is rated more than once.' },
          { code: 'TOO_LONG', field: ['input', 'summary'], message: 'summary is longer than 5000 characters.' },
        ],
      );
    });

    it('should refuse an amendment that scores nothing as REQUIRED', async () => {
      await expectRefused({ ratings: [{ competencyKey: 'OUTSIDE_IN', score: null, evidence: null }] }, [
        { code: 'REQUIRED', field: ['input', 'ratings'], message: 'Score at least one competency.' },
      ]);
    });

    it.each([1, 3])('should refuse expectedVersion %d when the scorecard is at version 2 as CONFLICT', async (expectedVersion) => {
      await expectRefused({ expectedVersion }, [
        {
          code: 'CONFLICT',
          field: ['input', 'expectedVersion'],
          message: `The scorecard is at version 2, not ${expectedVersion}: it was changed meanwhile. Read it again and redo your change.`,
        },
      ]);
    });

    it('should refuse a draft as INVALID_STATE', async () => {
      const { scorecardId } = await recruitersScorecard({ submit: false });
      const { amendScorecard } = await nordlys.asRecruiter.data(AmendScorecardDocument, { input: amendment(scorecardId) });
      expect(amendScorecard).toEqual({
        scorecard: null,
        userErrors: [
          {
            code: 'INVALID_STATE',
            field: ['input', 'scorecardId'],
            message: 'This scorecard has not been submitted yet; use submitScorecard.',
          },
        ],
      });
      expect(await scorecardInDatabase(app, scorecardId)).toMatchObject({ status: 'DRAFT', version: 1, revisions: [] });
    });

    it("should refuse someone else's scorecard as NOT_FOUND, like a missing one, even for an admin", async () => {
      const { scorecardId } = await recruitersScorecard();
      const before = await scorecardInDatabase(app, scorecardId);
      for (const caller of [colleague.as, nordlys.asAdmin]) {
        const { amendScorecard } = await caller.data(AmendScorecardDocument, { input: amendment(scorecardId) });
        expect(amendScorecard).toEqual({
          scorecard: null,
          userErrors: [{ code: 'NOT_FOUND', field: ['input', 'scorecardId'], message: 'You have no scorecard with this id.' }],
        });
      }
      expect(await scorecardInDatabase(app, scorecardId)).toEqual(before);
    });

    it.each([
      ['a malformed id', () => 'garbage'],
      ['an id of another type', () => nordlys.recruiter.nodeId],
      ['a scorecard that does not exist', () => toGlobalId('Scorecard', '00000000-0000-4000-8000-000000000000')],
    ])('should refuse %s as NOT_FOUND', async (_case, scorecardId) => {
      const { amendScorecard } = await nordlys.asRecruiter.data(AmendScorecardDocument, { input: amendment(scorecardId()) });
      expect(amendScorecard).toEqual({
        scorecard: null,
        userErrors: [{ code: 'NOT_FOUND', field: ['input', 'scorecardId'], message: 'You have no scorecard with this id.' }],
      });
    });

    it('should write one revision per amendment when amendments race', async () => {
      const { scorecardId } = await recruitersScorecard();
      const results = await Promise.all(
        [1, 2, 3].map(() => nordlys.asRecruiter.data(AmendScorecardDocument, { input: amendment(scorecardId) })),
      );
      expect(results.map((result) => result.amendScorecard.userErrors)).toEqual([[], [], []]);
      expect(await scorecardInDatabase(app, scorecardId)).toMatchObject({ version: 5, revisions: [1, 2, 3, 4] });
    });
  });

  describe('access', () => {
    it.each([
      ['a client user', () => nordlys.asClientUser],
      ['an API key with every scope', async () => (await nordlys.apiKey(Object.values(ApiKeyScope))).client],
    ])('should refuse %s as FORBIDDEN', async (_case, caller) => {
      const { scorecardId } = await recruitersScorecard();
      const before = await scorecardInDatabase(app, scorecardId);
      const response = await (await caller()).request(AmendScorecardDocument, { input: amendment(scorecardId) });
      expect(response.data).toBeNull();
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(await scorecardInDatabase(app, scorecardId)).toEqual(before);
    });

    it("should treat another firm's scorecard as not existing", async () => {
      const { scorecardId } = await recruitersScorecard({ testFirm: fjellvik });
      const before = await scorecardInDatabase(app, scorecardId);
      const { amendScorecard } = await nordlys.asRecruiter.data(AmendScorecardDocument, { input: amendment(scorecardId) });
      expect(amendScorecard.userErrors).toEqual([
        { code: 'NOT_FOUND', field: ['input', 'scorecardId'], message: 'You have no scorecard with this id.' },
      ]);
      expect(await scorecardInDatabase(app, scorecardId)).toEqual(before);
      expect((await nordlys.asAdmin.data(ScorecardNodeDocument, { id: scorecardId })).node).toBeNull();
    });
  });
});

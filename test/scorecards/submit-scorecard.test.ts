import { ApiKeyScope } from '../../src/common/access';
import { localIdOf, toGlobalId } from '../../src/common/global-id';
import { Scorecard } from '../../src/modules/interview';
import { RubricStatus } from '../../src/modules/rubric';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLClient } from '../helpers/graphql-client';
import { createStaffUser, insertCandidacy, RUBRIC_KEYS, scorecardInDatabase, someRatings } from '../helpers/interview-fixtures';
import { insertRubric } from '../helpers/rubric-fixtures';
import type { User } from '../../src/modules/user';
import {
  ScheduleInterviewDocument,
  SubmitScorecardDocument,
  type SubmitScorecardInput,
  type SubmitScorecardMutation,
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

// A new interview scheduled by the admin, by default with the recruiter and a colleague on its
// panel; returns its id and the draft scorecard id of the first interviewer.
async function newInterview(
  testFirm = nordlys,
  options: Parameters<typeof insertCandidacy>[2] = {},
  panel: User[] = testFirm === nordlys ? [nordlys.recruiter, colleague.user] : [testFirm.recruiter],
) {
  const { candidacy } = await insertCandidacy(app, testFirm, options);
  const { scheduleInterview } = await testFirm.asAdmin.data(ScheduleInterviewDocument, {
    input: {
      candidacyId: candidacy.nodeId,
      kind: 'SCREENING',
      scheduledAt: '2026-05-04T08:30:00.000Z',
      interviewerIds: panel.map((user) => user.nodeId),
    },
  });
  expect(scheduleInterview.userErrors).toEqual([]);
  const interview = scheduleInterview.interview!;
  const scorecard = interview.scorecards.find((candidate) => candidate.interviewer.id === panel[0].nodeId)!;
  return { interviewId: interview.id, scorecardId: scorecard.id };
}

const DRAFT_IN_DATABASE = { status: 'DRAFT', version: 1, submittedAt: null, latestRevision: null, revisions: [], ratings: 0 };

// Every scorecard of an interview as stored, in panel order.
async function panelInDatabase(interviewId: string) {
  const scorecards = await app
    .em()
    .find(Scorecard, { interview: localIdOf(interviewId, 'Interview')! }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  return Promise.all(
    scorecards.map(async (scorecard) => ({
      interviewer: scorecard.interviewer.id,
      ...(await scorecardInDatabase(app, scorecard.nodeId)),
    })),
  );
}

function valid(interviewId: string, change: Partial<SubmitScorecardInput> = {}): SubmitScorecardInput {
  return { interviewId, ratings: someRatings(2), recommendation: 'YES', summary: 'A fine leader.', ...change };
}

type UserErrors = SubmitScorecardMutation['submitScorecard']['userErrors'];

// Submits as the recruiter, expects exactly these userErrors, and that nothing was written.
async function expectRefused(change: Partial<SubmitScorecardInput>, userErrors: UserErrors) {
  const { interviewId, scorecardId } = await newInterview();
  const { submitScorecard } = await nordlys.asRecruiter.data(SubmitScorecardDocument, { input: valid(interviewId, change) });
  expect(submitScorecard).toEqual({ scorecard: null, userErrors });
  expect(await scorecardInDatabase(app, scorecardId)).toEqual(DRAFT_IN_DATABASE);
}

describe('submitScorecard', () => {
  it('should write revision 1 with one rating per rubric competency when the caller is on the panel', async () => {
    const { interviewId, scorecardId } = await newInterview();
    const { submitScorecard } = await nordlys.asRecruiter.data(SubmitScorecardDocument, {
      input: {
        interviewId,
        ratings: [
          { competencyKey: 'LOYALTY_ECONOMICS', score: 2, evidence: '  Could not say what a lost customer costs.  ' },
          { competencyKey: 'SERVICE_CULTURE', score: null, evidence: 'Did not come up.' },
        ],
        recommendation: 'NO',
      },
    });
    expect(submitScorecard.userErrors).toEqual([]);
    expect(submitScorecard.scorecard).toMatchObject({
      id: scorecardId,
      status: 'SUBMITTED',
      version: 2,
      recommendation: 'NO',
      summary: null,
      ratings: RUBRIC_KEYS.map((competencyKey) => ({
        competencyKey,
        score: competencyKey === 'LOYALTY_ECONOMICS' ? 2 : null,
        evidence:
          competencyKey === 'LOYALTY_ECONOMICS'
            ? 'Could not say what a lost customer costs.'
            : competencyKey === 'SERVICE_CULTURE'
              ? 'Did not come up.'
              : null,
      })),
    });
    const submittedAt = Date.parse(submitScorecard.scorecard!.submittedAt!);
    expect(Date.now() - submittedAt).toBeLessThan(60_000);
    const stored = await scorecardInDatabase(app, scorecardId);
    expect(stored).toEqual({
      status: 'SUBMITTED',
      version: 2,
      submittedAt: new Date(submittedAt),
      latestRevision: expect.any(String),
      revisions: [1],
      ratings: RUBRIC_KEYS.length,
    });
  });

  it('should let an admin on the panel submit', async () => {
    const { interviewId } = await newInterview(nordlys, {}, [nordlys.admin]);
    const { submitScorecard } = await nordlys.asAdmin.data(SubmitScorecardDocument, { input: valid(interviewId) });
    expect(submitScorecard.userErrors).toEqual([]);
    expect(submitScorecard.scorecard).toMatchObject({ status: 'SUBMITTED', interviewer: { id: nordlys.admin.nodeId } });
  });

  it("should rate against the mandate's pinned rubric only", async () => {
    const rubric = await insertRubric(app, nordlys.firm, {
      key: 'panel-test',
      status: RubricStatus.PUBLISHED,
      competencyKeys: ['OUTSIDE_IN', 'SERVICE_CULTURE'],
    });
    const { interviewId, scorecardId } = await newInterview(nordlys, { rubric });
    const refused = await nordlys.asRecruiter.data(SubmitScorecardDocument, {
      input: valid(interviewId, { ratings: [{ competencyKey: 'EXECUTION', score: 3, evidence: 'Drive.' }] }),
    });
    expect(refused.submitScorecard.userErrors).toEqual([
      {
        code: 'NOT_FOUND',
        field: ['input', 'ratings', '0', 'competencyKey'],
        message: `The mandate's rubric has no competency "EXECUTION".`,
      },
    ]);
    expect(await scorecardInDatabase(app, scorecardId)).toEqual(DRAFT_IN_DATABASE);
    const { submitScorecard } = await nordlys.asRecruiter.data(SubmitScorecardDocument, {
      input: valid(interviewId, { ratings: [{ competencyKey: 'SERVICE_CULTURE', score: 3, evidence: 'Culture.' }] }),
    });
    expect(submitScorecard.scorecard!.ratings).toEqual([
      { competencyKey: 'OUTSIDE_IN', score: null, evidence: null },
      { competencyKey: 'SERVICE_CULTURE', score: 3, evidence: 'Culture.' },
    ]);
  });

  describe('bad input', () => {
    it.each([0, 6, -1, 100])('should refuse a score of %d as OUT_OF_RANGE', async (score) => {
      await expectRefused({ ratings: [{ competencyKey: 'OUTSIDE_IN', score, evidence: 'Evidence.' }] }, [
        { code: 'OUT_OF_RANGE', field: ['input', 'ratings', '0', 'score'], message: 'score must be a whole number from 1 to 5.' },
      ]);
    });

    it('should refuse a score that is not an integer as a BAD_USER_INPUT GraphQL error', async () => {
      const { interviewId, scorecardId } = await newInterview();
      const response = await nordlys.asRecruiter.request(SubmitScorecardDocument, {
        input: valid(interviewId, { ratings: [{ competencyKey: 'OUTSIDE_IN', score: 3.5, evidence: 'Evidence.' }] }),
      });
      expect(response.data).toBeNull();
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].message).toContain('Int cannot represent non-integer value: 3.5');
      expect(await scorecardInDatabase(app, scorecardId)).toEqual(DRAFT_IN_DATABASE);
    });

    it.each([
      ['missing', null],
      ['empty', ''],
      ['blank', '   '],
    ])('should refuse a score whose evidence is %s as REQUIRED', async (_case, evidence) => {
      await expectRefused(
        {
          ratings: [
            { competencyKey: 'OUTSIDE_IN', score: 4, evidence: 'Fine.' },
            { competencyKey: 'EXECUTION', score: 3, evidence },
          ],
        },
        [{ code: 'REQUIRED', field: ['input', 'ratings', '1', 'evidence'], message: 'evidence is required.' }],
      );
    });

    it('should refuse evidence longer than 5000 characters as TOO_LONG', async () => {
      await expectRefused({ ratings: [{ competencyKey: 'OUTSIDE_IN', score: 4, evidence: 'x'.repeat(5001) }] }, [
        { code: 'TOO_LONG', field: ['input', 'ratings', '0', 'evidence'], message: 'evidence is longer than 5000 characters.' },
      ]);
    });

    it('should accept evidence of exactly 5000 characters', async () => {
      const { interviewId } = await newInterview();
      const { submitScorecard } = await nordlys.asRecruiter.data(SubmitScorecardDocument, {
        input: valid(interviewId, { ratings: [{ competencyKey: 'OUTSIDE_IN', score: 4, evidence: 'x'.repeat(5000) }] }),
      });
      expect(submitScorecard.userErrors).toEqual([]);
    });

    it('should refuse a competency key that is not in the rubric as NOT_FOUND', async () => {
      await expectRefused(
        {
          ratings: [
            { competencyKey: 'OUTSIDE_IN', score: 4, evidence: 'Fine.' },
            { competencyKey: 'OUTSIDE_INN', score: 4, evidence: 'Typo.' },
            { competencyKey: 'outside_in', score: 4, evidence: 'Wrong case.' },
          ],
        },
        [
          {
            code: 'NOT_FOUND',
            field: ['input', 'ratings', '1', 'competencyKey'],
            message: `The mandate's rubric has no competency "OUTSIDE_INN".`,
          },
          {
            code: 'NOT_FOUND',
            field: ['input', 'ratings', '2', 'competencyKey'],
            message: `The mandate's rubric has no competency "outside_in".`,
          },
        ],
      );
    });

    it('should refuse the same competency key twice as INVALID on the second occurrence', async () => {
      await expectRefused(
        {
          ratings: [
            { competencyKey: 'EXECUTION', score: 4, evidence: 'Fine.' },
            { competencyKey: 'OUTSIDE_IN', score: 4, evidence: 'Fine.' },
            { competencyKey: 'EXECUTION', score: 2, evidence: 'Second thoughts.' },
          ],
        },
        [{ code: 'INVALID', field: ['input', 'ratings', '2', 'competencyKey'], message: 'EXECUTION is rated more than once.' }],
      );
    });

    it.each([
      ['no ratings', []],
      ['only unscored ratings', [{ competencyKey: 'OUTSIDE_IN', score: null, evidence: 'Not assessed.' }]],
    ])('should refuse %s as REQUIRED', async (_case, ratings) => {
      await expectRefused({ ratings }, [{ code: 'REQUIRED', field: ['input', 'ratings'], message: 'Score at least one competency.' }]);
    });

    it('should refuse more than 100 ratings as OUT_OF_RANGE', async () => {
      const ratings = Array.from({ length: 101 }, () => ({ competencyKey: 'OUTSIDE_IN', score: 3, evidence: 'Again.' }));
      await expectRefused({ ratings }, [
        { code: 'OUT_OF_RANGE', field: ['input', 'ratings'], message: 'ratings may hold at most 100 entries.' },
      ]);
    });

    it('should refuse a summary longer than 5000 characters as TOO_LONG', async () => {
      await expectRefused({ summary: 's'.repeat(5001) }, [
        { code: 'TOO_LONG', field: ['input', 'summary'], message: 'summary is longer than 5000 characters.' },
      ]);
    });

    it('should report every problem of the input at once', async () => {
      await expectRefused(
        {
          ratings: [
            { competencyKey: 'OUTSIDE_IN', score: 9, evidence: null },
            { competencyKey: 'NOPE', score: 3, evidence: 'Fine.' },
          ],
          summary: 's'.repeat(5001),
        },
        [
          { code: 'OUT_OF_RANGE', field: ['input', 'ratings', '0', 'score'], message: 'score must be a whole number from 1 to 5.' },
          { code: 'REQUIRED', field: ['input', 'ratings', '0', 'evidence'], message: 'evidence is required.' },
          {
            code: 'NOT_FOUND',
            field: ['input', 'ratings', '1', 'competencyKey'],
            message: `The mandate's rubric has no competency "NOPE".`,
          },
          { code: 'TOO_LONG', field: ['input', 'summary'], message: 'summary is longer than 5000 characters.' },
        ],
      );
    });

    it("should refuse a caller who is not on the interview's panel as NOT_FOUND and write nothing", async () => {
      const { interviewId } = await newInterview();
      const before = await panelInDatabase(interviewId);
      const { submitScorecard } = await nordlys.asAdmin.data(SubmitScorecardDocument, { input: valid(interviewId) });
      expect(submitScorecard).toEqual({
        scorecard: null,
        userErrors: [{ code: 'NOT_FOUND', field: ['input', 'interviewId'], message: "You are not on this interview's panel." }],
      });
      expect(await panelInDatabase(interviewId)).toEqual(before);
      expect(before).toEqual([
        { interviewer: nordlys.recruiter.id, ...DRAFT_IN_DATABASE },
        { interviewer: colleague.user.id, ...DRAFT_IN_DATABASE },
      ]);
    });

    it.each([
      ['a malformed id', () => 'not-an-id'],
      ['an id of another type', () => nordlys.recruiter.nodeId],
      ['an interview that does not exist', () => toGlobalId('Interview', '00000000-0000-4000-8000-000000000000')],
    ])('should refuse %s as NOT_FOUND', async (_case, interviewId) => {
      const { submitScorecard } = await nordlys.asRecruiter.data(SubmitScorecardDocument, { input: valid(interviewId()) });
      expect(submitScorecard).toEqual({
        scorecard: null,
        userErrors: [{ code: 'NOT_FOUND', field: ['input', 'interviewId'], message: 'No interview with this id.' }],
      });
    });

    it('should refuse a second submission as INVALID_STATE and keep the first', async () => {
      const { interviewId, scorecardId } = await newInterview();
      await nordlys.asRecruiter.data(SubmitScorecardDocument, { input: valid(interviewId) });
      const before = await scorecardInDatabase(app, scorecardId);
      const { submitScorecard } = await nordlys.asRecruiter.data(SubmitScorecardDocument, {
        input: valid(interviewId, { recommendation: 'STRONG_NO' }),
      });
      expect(submitScorecard).toEqual({
        scorecard: null,
        userErrors: [
          {
            code: 'INVALID_STATE',
            field: ['input', 'interviewId'],
            message: 'You have already submitted this scorecard; use amendScorecard to change it.',
          },
        ],
      });
      expect(await scorecardInDatabase(app, scorecardId)).toEqual(before);
      expect(before.revisions).toEqual([1]);
    });

    it('should submit only once when two submissions race', async () => {
      const { interviewId, scorecardId } = await newInterview();
      const results = await Promise.all(
        [1, 2, 3].map(() => nordlys.asRecruiter.data(SubmitScorecardDocument, { input: valid(interviewId) })),
      );
      const codes = results.map((result) => result.submitScorecard.userErrors.map((error) => error.code)).sort();
      expect(codes).toEqual([[], ['INVALID_STATE'], ['INVALID_STATE']]);
      expect(await scorecardInDatabase(app, scorecardId)).toMatchObject({ version: 2, revisions: [1] });
    });
  });

  describe('access', () => {
    it.each([
      ['a client user', () => nordlys.asClientUser],
      ['an API key with every scope', async () => (await nordlys.apiKey(Object.values(ApiKeyScope))).client],
    ])('should refuse %s as FORBIDDEN', async (_case, caller) => {
      const { interviewId, scorecardId } = await newInterview();
      const response = await (await caller()).request(SubmitScorecardDocument, { input: valid(interviewId) });
      expect(response.data).toBeNull();
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(await scorecardInDatabase(app, scorecardId)).toEqual(DRAFT_IN_DATABASE);
    });

    it('should refuse an anonymous caller as UNAUTHENTICATED', async () => {
      const { interviewId } = await newInterview();
      const response = await app.anonymous().request(SubmitScorecardDocument, { input: valid(interviewId) });
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    });

    it("should treat another firm's interview as not existing", async () => {
      const { interviewId, scorecardId } = await newInterview(fjellvik);
      const { submitScorecard } = await nordlys.asRecruiter.data(SubmitScorecardDocument, { input: valid(interviewId) });
      expect(submitScorecard.userErrors).toEqual([
        { code: 'NOT_FOUND', field: ['input', 'interviewId'], message: 'No interview with this id.' },
      ]);
      expect(await scorecardInDatabase(app, scorecardId)).toEqual(DRAFT_IN_DATABASE);
    });
  });
});

import { localIdOf } from '../../src/common/global-id';
import { DraftRating, ScorecardDraft } from '../../src/modules/interview';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import type { GraphQLClient } from '../helpers/graphql-client';
import { createStaffUser, insertCandidacy, RUBRIC_KEYS, scorecardInDatabase, someRatings } from '../helpers/interview-fixtures';
import { auditRowsOf, newRequestId, requestHeaders } from '../helpers/audit-fixtures';
import type { User } from '../../src/modules/user';
import {
  CandidacyScoresDocument,
  InterviewDraftsDocument,
  SaveScorecardDraftDocument,
  ScheduleInterviewDocument,
  ScorecardDraftNodeDocument,
  SubmitScorecardDocument,
  type SaveScorecardDraftInput,
  type SaveScorecardDraftMutation,
} from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let colleague: { user: User; as: GraphQLClient };

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  colleague = await createStaffUser(app, nordlys);
});
afterAll(() => app.close());

const [FIRST, SECOND, THIRD] = RUBRIC_KEYS;

// An interview with the recruiter and a colleague on its panel; ids of the interview, its
// candidacy and both scorecards.
async function newInterview() {
  const { candidacy } = await insertCandidacy(app, nordlys);
  const { scheduleInterview } = await nordlys.asAdmin.data(ScheduleInterviewDocument, {
    input: {
      candidacyId: candidacy.nodeId,
      kind: 'COMPETENCY',
      scheduledAt: '2026-05-04T08:30:00.000Z',
      interviewerIds: [nordlys.recruiter.nodeId, colleague.user.nodeId],
    },
  });
  expect(scheduleInterview.userErrors).toEqual([]);
  const [mine, theirs] = scheduleInterview.interview!.scorecards.map((scorecard) => scorecard.id);
  return { interviewId: scheduleInterview.interview!.id, candidacyId: candidacy.nodeId, scorecardId: mine, colleagueScorecardId: theirs };
}

async function save(input: SaveScorecardDraftInput, as: GraphQLClient = nordlys.asRecruiter) {
  return (await as.data(SaveScorecardDraftDocument, { input })).saveScorecardDraft;
}

// What the database holds of drafts of a scorecard: recommendation, summary, ratings by key.
async function draftInDatabase(scorecardId: string) {
  const em = app.em();
  const draft = await em.findOne(ScorecardDraft, { scorecard: localIdOf(scorecardId, 'Scorecard')! });
  if (!draft) return null;
  const ratings = await em.find(DraftRating, { draft }, { orderBy: { createdAt: 'asc' } });
  return {
    recommendation: draft.recommendation,
    summary: draft.summary,
    ratings: ratings.map(({ competencyKey, score, evidence }) => ({ competencyKey, score, evidence })),
  };
}

type UserErrors = SaveScorecardDraftMutation['saveScorecardDraft']['userErrors'];

describe('saveScorecardDraft', () => {
  it('should save partial ratings, one save after another, each keeping what the others saved', async () => {
    const { interviewId, scorecardId } = await newInterview();
    const first = await save({ interviewId, ratings: [{ competencyKey: FIRST, score: 4 }] });
    expect(first.userErrors).toEqual([]);
    expect(first.scorecard).toMatchObject({
      id: scorecardId,
      status: 'DRAFT',
      version: 2,
      recommendation: null,
      ratings: [],
      draft: { recommendation: null, summary: null, ratings: [{ competencyKey: FIRST, score: 4, evidence: null }] },
    });

    const second = await save({
      scorecardId,
      expectedVersion: 2,
      ratings: [
        { competencyKey: FIRST, evidence: '  Visited ten customers in her first week.  ' },
        { competencyKey: SECOND, evidence: 'Asked about churn before price.' },
      ],
      recommendation: 'YES',
      summary: 'Strong on customers.',
    });
    expect(second.userErrors).toEqual([]);
    expect(second.scorecard!.version).toBe(3);
    expect(second.scorecard!.draft).toMatchObject({
      recommendation: 'YES',
      summary: 'Strong on customers.',
      ratings: [
        { competencyKey: FIRST, score: 4, evidence: 'Visited ten customers in her first week.' },
        { competencyKey: SECOND, score: null, evidence: 'Asked about churn before price.' },
      ],
    });

    // null clears; a rating left with neither score nor evidence goes; what is left out stays.
    const third = await save({ scorecardId, ratings: [{ competencyKey: SECOND, evidence: null }], summary: null });
    expect(third.userErrors).toEqual([]);
    expect(third.scorecard!.version).toBe(4);
    expect(await draftInDatabase(scorecardId)).toEqual({
      recommendation: 'YES',
      summary: null,
      ratings: [{ competencyKey: FIRST, score: 4, evidence: 'Visited ten customers in her first week.' }],
    });
    // Still a draft: nothing of it is a revision.
    expect(await scorecardInDatabase(app, scorecardId)).toEqual({
      status: 'DRAFT',
      version: 4,
      submittedAt: null,
      latestRevision: null,
      revisions: [],
      ratings: 0,
    });
  });

  it('should change nothing, not even the version, when the same save is sent again', async () => {
    const { interviewId, scorecardId } = await newInterview();
    const input = { interviewId, ratings: [{ competencyKey: FIRST, score: 3, evidence: 'Told of a lost key account.' }] };
    expect((await save(input)).scorecard!.version).toBe(2);
    const again = await save(input);
    expect(again.userErrors).toEqual([]);
    expect(again.scorecard!.version).toBe(2);
    expect(await draftInDatabase(scorecardId)).toEqual({
      recommendation: null,
      summary: null,
      ratings: [{ competencyKey: FIRST, score: 3, evidence: 'Told of a lost key account.' }],
    });
  });

  it('should refuse a stale expectedVersion with CONFLICT and save nothing', async () => {
    const { scorecardId } = await newInterview();
    await save({ scorecardId, expectedVersion: 1, ratings: [{ competencyKey: FIRST, score: 2 }] });
    const stale = await save({ scorecardId, expectedVersion: 1, ratings: [{ competencyKey: FIRST, score: 5 }], recommendation: 'NO' });
    expect(stale).toEqual({
      scorecard: null,
      userErrors: [
        {
          code: 'CONFLICT',
          field: ['input', 'expectedVersion'],
          message: 'The scorecard is at version 2, not 1: it was changed meanwhile. Read it again and redo your change.',
        },
      ],
    });
    expect(await draftInDatabase(scorecardId)).toEqual({
      recommendation: null,
      summary: null,
      ratings: [{ competencyKey: FIRST, score: 2, evidence: null }],
    });
    expect((await scorecardInDatabase(app, scorecardId)).version).toBe(2);
  });

  describe('bad input', () => {
    // Saves as the recruiter into a scorecard with a draft already saved; expects exactly these
    // userErrors and that neither the draft nor the version changed.
    async function expectRefused(
      change: (ids: Awaited<ReturnType<typeof newInterview>>) => SaveScorecardDraftInput,
      userErrors: UserErrors,
    ) {
      const ids = await newInterview();
      await save({ scorecardId: ids.scorecardId, ratings: [{ competencyKey: FIRST, score: 3 }] });
      const before = await draftInDatabase(ids.scorecardId);
      const answer = await save(change(ids));
      expect(answer).toEqual({ scorecard: null, userErrors });
      expect(await draftInDatabase(ids.scorecardId)).toEqual(before);
      expect((await scorecardInDatabase(app, ids.scorecardId)).version).toBe(2);
    }

    it('should refuse a score outside 1–5 with OUT_OF_RANGE on that score', async () => {
      await expectRefused(
        ({ scorecardId }) => ({
          scorecardId,
          ratings: [
            { competencyKey: SECOND, score: 6 },
            { competencyKey: THIRD, score: 0 },
          ],
        }),
        [
          { code: 'OUT_OF_RANGE', field: ['input', 'ratings', '0', 'score'], message: 'score must be a whole number from 1 to 5.' },
          { code: 'OUT_OF_RANGE', field: ['input', 'ratings', '1', 'score'], message: 'score must be a whole number from 1 to 5.' },
        ],
      );
    });

    it("should refuse a competency key that is not in the mandate's rubric with NOT_FOUND", async () => {
      await expectRefused(
        ({ scorecardId }) => ({ scorecardId, ratings: [{ competencyKey: 'CHARISMA', score: 3 }] }),
        [
          {
            code: 'NOT_FOUND',
            field: ['input', 'ratings', '0', 'competencyKey'],
            message: `The mandate's rubric has no competency "CHARISMA".`,
          },
        ],
      );
    });

    it('should refuse the same competency twice with INVALID', async () => {
      await expectRefused(
        ({ scorecardId }) => ({
          scorecardId,
          ratings: [
            { competencyKey: SECOND, score: 3 },
            { competencyKey: SECOND, score: 4 },
          ],
        }),
        [{ code: 'INVALID', field: ['input', 'ratings', '1', 'competencyKey'], message: `${SECOND} is rated more than once.` }],
      );
    });

    it('should refuse evidence and a summary over their limits with TOO_LONG', async () => {
      await expectRefused(
        ({ scorecardId }) => ({ scorecardId, ratings: [{ competencyKey: SECOND, evidence: 'e'.repeat(5001) }], summary: 's'.repeat(5001) }),
        [
          { code: 'TOO_LONG', field: ['input', 'ratings', '0', 'evidence'], message: 'evidence is longer than 5000 characters.' },
          { code: 'TOO_LONG', field: ['input', 'summary'], message: 'summary is longer than 5000 characters.' },
        ],
      );
    });

    it("should answer someone else's scorecard like a missing one (NOT_FOUND), by scorecard and by interview", async () => {
      await expectRefused(
        ({ colleagueScorecardId }) => ({ scorecardId: colleagueScorecardId, ratings: [{ competencyKey: SECOND, score: 3 }] }),
        [{ code: 'NOT_FOUND', field: ['input', 'scorecardId'], message: 'You have no scorecard with this id.' }],
      );
      const { interviewId } = await newInterview();
      expect(await save({ interviewId, recommendation: 'YES' }, nordlys.asAdmin)).toEqual({
        scorecard: null,
        userErrors: [{ code: 'NOT_FOUND', field: ['input', 'interviewId'], message: "You are not on this interview's panel." }],
      });
    });

    it('should ask for exactly one of scorecardId and interviewId', async () => {
      await expectRefused(
        () => ({ recommendation: 'YES' }),
        [
          {
            code: 'REQUIRED',
            field: ['input', 'scorecardId'],
            message: 'Name the scorecard by scorecardId or by interviewId (one of them).',
          },
        ],
      );
      await expectRefused(
        ({ scorecardId, interviewId }) => ({ scorecardId, interviewId, recommendation: 'YES' }),
        [
          {
            code: 'INVALID',
            field: ['input', 'scorecardId'],
            message: 'Name the scorecard by scorecardId or by interviewId (one of them).',
          },
        ],
      );
    });

    it('should refuse saving into a submitted scorecard with INVALID_STATE', async () => {
      const { interviewId, scorecardId } = await newInterview();
      const { submitScorecard } = await nordlys.asRecruiter.data(SubmitScorecardDocument, {
        input: { interviewId, ratings: someRatings(1), recommendation: 'YES' },
      });
      expect(submitScorecard.userErrors).toEqual([]);
      expect(await save({ scorecardId, ratings: [{ competencyKey: SECOND, score: 3 }] })).toEqual({
        scorecard: null,
        userErrors: [
          {
            code: 'INVALID_STATE',
            field: ['input', 'scorecardId'],
            message: 'This scorecard has been submitted: its draft is closed; use amendScorecard to change it.',
          },
        ],
      });
      expect(await scorecardInDatabase(app, scorecardId)).toMatchObject({
        status: 'SUBMITTED',
        version: 2,
        revisions: [1],
        ratings: RUBRIC_KEYS.length,
      });
    });
  });

  describe('who sees a draft', () => {
    it('should show a draft to its author only, through the scorecard and through the interview', async () => {
      const { interviewId, scorecardId } = await newInterview();
      await save({ scorecardId, ratings: [{ competencyKey: FIRST, score: 5, evidence: 'Secret note.' }], recommendation: 'STRONG_YES' });
      const mine = await nordlys.asRecruiter.data(ScorecardDraftNodeDocument, { id: scorecardId });
      expect(mine.node).toMatchObject({ draft: { recommendation: 'STRONG_YES', ratings: [{ competencyKey: FIRST, score: 5 }] } });
      // The admin is on no panel: sees the scorecard, not the draft.
      const seen = await nordlys.asAdmin.data(ScorecardDraftNodeDocument, { id: scorecardId });
      expect(seen.node).toEqual({ id: scorecardId, status: 'DRAFT', version: 2, recommendation: null, ratings: [], draft: null });
      // The colleague has an unsubmitted scorecard on the candidacy: independent scoring hides the scorecard itself.
      expect((await colleague.as.data(ScorecardDraftNodeDocument, { id: scorecardId })).node).toBeNull();
      const { node } = await nordlys.asAdmin.data(InterviewDraftsDocument, { id: interviewId });
      expect(node).toMatchObject({ scorecards: [{ draft: null }, { draft: null }] });
    });

    it("should count no draft in the candidacy's assessment", async () => {
      const { interviewId, candidacyId, colleagueScorecardId } = await newInterview();
      // The colleague's saved scores would make FIRST count twice if drafts counted.
      await save(
        { scorecardId: colleagueScorecardId, ratings: [{ competencyKey: FIRST, score: 1, evidence: 'Draft only.' }] },
        colleague.as,
      );
      const { submitScorecard } = await nordlys.asRecruiter.data(SubmitScorecardDocument, {
        input: { interviewId, ratings: [{ competencyKey: FIRST, score: 5, evidence: 'Submitted.' }], recommendation: 'YES' },
      });
      expect(submitScorecard.userErrors).toEqual([]);
      const { node } = await nordlys.asAdmin.data(CandidacyScoresDocument, { id: candidacyId });
      const first = node && 'assessment' in node ? node.assessment!.competencies.find((each) => each.key === FIRST) : null;
      expect(first).toMatchObject({ key: FIRST, score: 5, ratingsCount: 1 });
    });

    it('should record a save in the audit log, with the evidence redacted, and the author reading their draft', async () => {
      const { scorecardId } = await newInterview();
      const saving = newRequestId('draft-save');
      await nordlys.asRecruiter.request(
        SaveScorecardDraftDocument,
        { input: { scorecardId, ratings: [{ competencyKey: FIRST, score: 4, evidence: 'What she said.' }], summary: 'Good.' } },
        requestHeaders(saving),
      );
      const [mutation] = await auditRowsOf(app, saving);
      expect(mutation).toMatchObject({ action: 'saveScorecardDraft', actorUserId: nordlys.recruiter.id });
      expect(JSON.stringify(mutation.summary)).not.toContain('What she said.');
      expect(JSON.stringify(mutation.summary)).not.toContain('Good.');
      const reading = newRequestId('draft-read');
      await nordlys.asRecruiter.request(ScorecardDraftNodeDocument, { id: scorecardId }, requestHeaders(reading));
      expect((await auditRowsOf(app, reading)).map((row) => [row.action, row.objectType, row.objectId])).toEqual([
        ['read:Scorecard', 'Scorecard', localIdOf(scorecardId, 'Scorecard')],
      ]);
    });
  });
});

describe('submitScorecard with a saved draft', () => {
  it('should submit the draft as it stands and delete it', async () => {
    const { interviewId, scorecardId } = await newInterview();
    await save({
      interviewId,
      ratings: [
        { competencyKey: SECOND, score: 2, evidence: 'Could not name a churn driver.' },
        { competencyKey: FIRST, evidence: 'Not reached.' },
      ],
      recommendation: 'NO',
      summary: 'Too inward-looking.',
    });
    const { submitScorecard } = await nordlys.asRecruiter.data(SubmitScorecardDocument, { input: { interviewId, expectedVersion: 2 } });
    expect(submitScorecard.userErrors).toEqual([]);
    expect(submitScorecard.scorecard).toMatchObject({
      status: 'SUBMITTED',
      version: 3,
      recommendation: 'NO',
      summary: 'Too inward-looking.',
      ratings: RUBRIC_KEYS.map((competencyKey) => ({
        competencyKey,
        score: competencyKey === SECOND ? 2 : null,
        evidence: competencyKey === SECOND ? 'Could not name a churn driver.' : competencyKey === FIRST ? 'Not reached.' : null,
      })),
    });
    expect(await draftInDatabase(scorecardId)).toBeNull();
  });

  it('should submit the draft with final changes: ratings sent change the saved ones field by field', async () => {
    const { interviewId, scorecardId } = await newInterview();
    await save({
      scorecardId,
      ratings: [
        { competencyKey: FIRST, score: 3, evidence: 'Saved evidence.' },
        { competencyKey: SECOND, score: 4, evidence: 'Kept as saved.' },
      ],
      recommendation: 'NO',
    });
    const { submitScorecard } = await nordlys.asRecruiter.data(SubmitScorecardDocument, {
      input: { interviewId, ratings: [{ competencyKey: FIRST, score: 5 }], recommendation: 'STRONG_YES', summary: 'Final word.' },
    });
    expect(submitScorecard.userErrors).toEqual([]);
    expect(submitScorecard.scorecard).toMatchObject({ recommendation: 'STRONG_YES', summary: 'Final word.' });
    expect(submitScorecard.scorecard!.ratings.filter((rating) => rating.score !== null)).toEqual([
      { competencyKey: FIRST, score: 5, evidence: 'Saved evidence.' },
      { competencyKey: SECOND, score: 4, evidence: 'Kept as saved.' },
    ]);
    expect(await draftInDatabase(scorecardId)).toBeNull();
  });

  it('should apply the submit rules to the draft: a saved score without evidence and no recommendation are refused, nothing written', async () => {
    const { interviewId, scorecardId } = await newInterview();
    await save({ scorecardId, ratings: [{ competencyKey: SECOND, score: 4 }] });
    const { submitScorecard } = await nordlys.asRecruiter.data(SubmitScorecardDocument, { input: { interviewId } });
    expect(submitScorecard).toEqual({
      scorecard: null,
      userErrors: [
        { code: 'REQUIRED', field: ['input', 'recommendation'], message: 'Give a recommendation (or save one in the draft).' },
        {
          code: 'REQUIRED',
          field: ['input', 'ratings'],
          message: `Your draft scores ${SECOND} without evidence: send the evidence for it.`,
        },
      ],
    });
    expect(await draftInDatabase(scorecardId)).toEqual({
      recommendation: null,
      summary: null,
      ratings: [{ competencyKey: SECOND, score: 4, evidence: null }],
    });
    expect(await scorecardInDatabase(app, scorecardId)).toMatchObject({ status: 'DRAFT', version: 2, revisions: [] });
  });

  it('should refuse a stale expectedVersion at submission with CONFLICT', async () => {
    const { interviewId, scorecardId } = await newInterview();
    await save({ scorecardId, ratings: [{ competencyKey: SECOND, score: 4, evidence: 'Fine.' }], recommendation: 'YES' });
    const { submitScorecard } = await nordlys.asRecruiter.data(SubmitScorecardDocument, { input: { interviewId, expectedVersion: 1 } });
    expect(submitScorecard.userErrors.map((error) => [error.code, error.field])).toEqual([['CONFLICT', ['input', 'expectedVersion']]]);
    expect(await scorecardInDatabase(app, scorecardId)).toMatchObject({ status: 'DRAFT', version: 2, revisions: [] });
  });
});

import { ApiKeyScope } from '../../src/common/access';
import { localIdOf, toGlobalId } from '../../src/common/global-id';
import { Candidacy, CandidacyStage } from '../../src/modules/candidacy';
import { Scorecard } from '../../src/modules/interview';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLClient } from '../helpers/graphql-client';
import { createStaffUser, insertCandidacy, someRatings } from '../helpers/interview-fixtures';
import type { User } from '../../src/modules/user';
import {
  AddInterviewerDocument,
  InterviewNodeDocument,
  RemoveInterviewerDocument,
  ScheduleInterviewDocument,
  SubmitScorecardDocument,
} from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let fjellvik: TestFirm;
let staff: { user: User; as: GraphQLClient }[];

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  fjellvik = await createTestFirm(app, 'fjellvik');
  staff = [];
  for (const name of ['Eva Lunde', 'Jon Moe', 'Siri Holm', 'Tor Aas', 'Une Vik']) {
    staff.push(await createStaffUser(app, nordlys, undefined, name));
  }
});
afterAll(() => app.close());

// An interview scheduled by the admin (on no panel) with the given interviewers.
async function interviewWith(panel: User[], testFirm = nordlys) {
  const { candidacy } = await insertCandidacy(app, testFirm);
  const { scheduleInterview } = await testFirm.asAdmin.data(ScheduleInterviewDocument, {
    input: {
      candidacyId: candidacy.nodeId,
      kind: 'COMPETENCY',
      scheduledAt: '2026-04-20T09:00:00.000Z',
      interviewerIds: panel.map((user) => user.nodeId),
    },
  });
  expect(scheduleInterview.userErrors).toEqual([]);
  return { interviewId: scheduleInterview.interview!.id, candidacy };
}

// The interviewers of an interview as the database holds them, in panel order.
async function panelInDatabase(interviewId: string) {
  const scorecards = await app
    .em()
    .find(Scorecard, { interview: localIdOf(interviewId, 'Interview')! }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  return scorecards.map((scorecard) => [scorecard.interviewer.id, scorecard.status]);
}

describe('addInterviewer', () => {
  it('should add a DRAFT scorecard at the end of the panel', async () => {
    const { interviewId } = await interviewWith([staff[0].user]);
    const { addInterviewer } = await nordlys.asRecruiter.data(AddInterviewerDocument, {
      input: { interviewId, interviewerId: staff[1].user.nodeId },
    });
    expect(addInterviewer).toEqual({
      interview: { id: interviewId, panel: [{ id: staff[0].user.nodeId }, { id: staff[1].user.nodeId }] },
      userErrors: [],
    });
    expect(await panelInDatabase(interviewId)).toEqual([
      [staff[0].user.id, 'DRAFT'],
      [staff[1].user.id, 'DRAFT'],
    ]);
  });

  it('should blind the new interviewer to the scores already given', async () => {
    const { interviewId } = await interviewWith([staff[0].user]);
    await staff[0].as.data(SubmitScorecardDocument, { input: { interviewId, ratings: someRatings(2), recommendation: 'YES' } });
    const before = await staff[2].as.data(InterviewNodeDocument, { id: interviewId });
    expect(before.node).toMatchObject({ scorecards: [{ status: 'SUBMITTED' }] });
    await nordlys.asAdmin.data(AddInterviewerDocument, { input: { interviewId, interviewerId: staff[2].user.nodeId } });
    const after = await staff[2].as.data(InterviewNodeDocument, { id: interviewId });
    expect(after.node).toMatchObject({ scorecards: [{ status: 'DRAFT', ratings: [] }] });
  });

  describe('bad input', () => {
    it.each([
      ['a user already on the panel', () => staff[0].user.nodeId, 'ALREADY_EXISTS', 'This user is already on the panel.'],
      ['a client user', () => nordlys.clientUser.nodeId, 'INVALID', 'A client user cannot sit on an interview panel.'],
      ["another firm's user", () => fjellvik.admin.nodeId, 'NOT_FOUND', 'No user with this id.'],
      ['a malformed id', () => 'junk', 'NOT_FOUND', 'No user with this id.'],
    ])('should refuse %s', async (_case, interviewerId, code, message) => {
      const { interviewId } = await interviewWith([staff[0].user]);
      const { addInterviewer } = await nordlys.asRecruiter.data(AddInterviewerDocument, {
        input: { interviewId, interviewerId: interviewerId() },
      });
      expect(addInterviewer).toEqual({ interview: null, userErrors: [{ code, field: ['input', 'interviewerId'], message }] });
      expect(await panelInDatabase(interviewId)).toEqual([[staff[0].user.id, 'DRAFT']]);
    });

    it('should refuse a sixth interviewer as OUT_OF_RANGE', async () => {
      const { interviewId } = await interviewWith(staff.map((member) => member.user));
      const { addInterviewer } = await nordlys.asRecruiter.data(AddInterviewerDocument, {
        input: { interviewId, interviewerId: nordlys.recruiter.nodeId },
      });
      expect(addInterviewer.userErrors).toEqual([
        { code: 'OUT_OF_RANGE', field: ['input', 'interviewerId'], message: 'A panel has at most 5 interviewers.' },
      ]);
      expect(await panelInDatabase(interviewId)).toHaveLength(5);
    });

    it.each([
      ['a malformed id', () => Promise.resolve('junk')],
      ['an interview that does not exist', () => Promise.resolve(toGlobalId('Interview', '00000000-0000-4000-8000-000000000000'))],
      ["another firm's interview", async () => (await interviewWith([fjellvik.recruiter], fjellvik)).interviewId],
    ])('should refuse %s as interview NOT_FOUND', async (_case, interviewId) => {
      const { addInterviewer } = await nordlys.asRecruiter.data(AddInterviewerDocument, {
        input: { interviewId: await interviewId(), interviewerId: staff[0].user.nodeId },
      });
      expect(addInterviewer.userErrors).toEqual([
        { code: 'NOT_FOUND', field: ['input', 'interviewId'], message: 'No interview with this id.' },
      ]);
    });

    it('should refuse to change the panel of a decided candidacy as INVALID_STATE', async () => {
      const { interviewId, candidacy } = await interviewWith([staff[0].user]);
      await app.em().nativeUpdate(Candidacy, { id: candidacy.id }, { stage: CandidacyStage.REJECTED });
      const { addInterviewer } = await nordlys.asRecruiter.data(AddInterviewerDocument, {
        input: { interviewId, interviewerId: staff[1].user.nodeId },
      });
      const { removeInterviewer } = await nordlys.asRecruiter.data(RemoveInterviewerDocument, {
        input: { interviewId, interviewerId: staff[0].user.nodeId },
      });
      const refusal = {
        interview: null,
        userErrors: [
          {
            code: 'INVALID_STATE',
            field: ['input', 'interviewId'],
            message: 'The candidacy is REJECTED: its interview panels can no longer change.',
          },
        ],
      };
      expect(addInterviewer).toEqual(refusal);
      expect(removeInterviewer).toEqual(refusal);
      expect(await panelInDatabase(interviewId)).toEqual([[staff[0].user.id, 'DRAFT']]);
    });
  });
});

describe('removeInterviewer', () => {
  it('should take an interviewer with a draft off the panel', async () => {
    const { interviewId } = await interviewWith([staff[0].user, staff[1].user]);
    const { removeInterviewer } = await nordlys.asRecruiter.data(RemoveInterviewerDocument, {
      input: { interviewId, interviewerId: staff[0].user.nodeId },
    });
    expect(removeInterviewer).toEqual({ interview: { id: interviewId, panel: [{ id: staff[1].user.nodeId }] }, userErrors: [] });
    expect(await panelInDatabase(interviewId)).toEqual([[staff[1].user.id, 'DRAFT']]);
  });

  describe('bad input', () => {
    it('should refuse an interviewer who has submitted as INVALID_STATE', async () => {
      const { interviewId } = await interviewWith([staff[0].user, staff[1].user]);
      await staff[0].as.data(SubmitScorecardDocument, { input: { interviewId, ratings: someRatings(1), recommendation: 'NO' } });
      const { removeInterviewer } = await nordlys.asRecruiter.data(RemoveInterviewerDocument, {
        input: { interviewId, interviewerId: staff[0].user.nodeId },
      });
      expect(removeInterviewer.userErrors).toEqual([
        {
          code: 'INVALID_STATE',
          field: ['input', 'interviewerId'],
          message: 'This interviewer has submitted their scorecard; a submitted judgement stays on record.',
        },
      ]);
      expect(await panelInDatabase(interviewId)).toEqual([
        [staff[0].user.id, 'SUBMITTED'],
        [staff[1].user.id, 'DRAFT'],
      ]);
    });

    it('should refuse to remove the last interviewer as INVALID_STATE', async () => {
      const { interviewId } = await interviewWith([staff[0].user]);
      const { removeInterviewer } = await nordlys.asRecruiter.data(RemoveInterviewerDocument, {
        input: { interviewId, interviewerId: staff[0].user.nodeId },
      });
      expect(removeInterviewer.userErrors).toEqual([
        { code: 'INVALID_STATE', field: ['input', 'interviewerId'], message: 'An interview keeps at least one interviewer.' },
      ]);
      expect(await panelInDatabase(interviewId)).toEqual([[staff[0].user.id, 'DRAFT']]);
    });

    it.each([
      ['a user not on the panel', () => staff[3].user.nodeId],
      ['a malformed id', () => 'junk'],
    ])('should refuse %s as NOT_FOUND', async (_case, interviewerId) => {
      const { interviewId } = await interviewWith([staff[0].user, staff[1].user]);
      const { removeInterviewer } = await nordlys.asRecruiter.data(RemoveInterviewerDocument, {
        input: { interviewId, interviewerId: interviewerId() },
      });
      expect(removeInterviewer.userErrors).toEqual([
        { code: 'NOT_FOUND', field: ['input', 'interviewerId'], message: 'This user is not on the panel.' },
      ]);
      expect(await panelInDatabase(interviewId)).toHaveLength(2);
    });
  });
});

describe('panel changes: access', () => {
  it.each([
    ['a client user', () => nordlys.asClientUser],
    ['an API key with every scope', async () => (await nordlys.apiKey(Object.values(ApiKeyScope))).client],
  ])('should refuse %s as FORBIDDEN', async (_case, caller) => {
    const { interviewId } = await interviewWith([staff[0].user, staff[1].user]);
    const client = await caller();
    const added = await client.request(AddInterviewerDocument, { input: { interviewId, interviewerId: staff[2].user.nodeId } });
    const removed = await client.request(RemoveInterviewerDocument, { input: { interviewId, interviewerId: staff[0].user.nodeId } });
    expect([errorCodes(added), errorCodes(removed)]).toEqual([['FORBIDDEN'], ['FORBIDDEN']]);
    expect(await panelInDatabase(interviewId)).toHaveLength(2);
  });
});

import { ApiKeyScope, Role } from '../../src/common/access';
import { toGlobalId } from '../../src/common/global-id';
import { CandidacyStage } from '../../src/modules/candidacy';
import { Interview, Scorecard } from '../../src/modules/interview';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLClient } from '../helpers/graphql-client';
import { createStaffUser, insertCandidacy } from '../helpers/interview-fixtures';
import type { User } from '../../src/modules/user';
import { ScheduleInterviewDocument, type ScheduleInterviewInput, type ScheduleInterviewMutation } from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let fjellvik: TestFirm;
let colleagues: { user: User; as: GraphQLClient }[];

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  fjellvik = await createTestFirm(app, 'fjellvik');
  colleagues = [];
  for (const name of ['Kari Nordmann', 'Ole Hansen', 'Liv Berg', 'Nils Dahl']) {
    colleagues.push(await createStaffUser(app, nordlys, Role.RECRUITER, name));
  }
});
afterAll(() => app.close());

// How many interviews and scorecards the firm holds: a refused mutation must not change them.
async function rowsOf(testFirm: TestFirm) {
  const em = app.em();
  return {
    interviews: await em.count(Interview, { firm: testFirm.firm.id }),
    scorecards: await em.count(Scorecard, { firm: testFirm.firm.id }),
  };
}

type UserErrors = ScheduleInterviewMutation['scheduleInterview']['userErrors'];

async function expectRefused(input: Partial<ScheduleInterviewInput>, userErrors: UserErrors) {
  const { candidacy } = await insertCandidacy(app, nordlys);
  const before = await rowsOf(nordlys);
  const { scheduleInterview } = await nordlys.asRecruiter.data(ScheduleInterviewDocument, {
    input: {
      candidacyId: candidacy.nodeId,
      kind: 'COMPETENCY',
      scheduledAt: '2026-03-10T13:00:00.000Z',
      interviewerIds: [nordlys.recruiter.nodeId],
      ...input,
    },
  });
  expect(scheduleInterview).toEqual({ interview: null, userErrors });
  expect(await rowsOf(nordlys)).toEqual(before);
}

describe('scheduleInterview', () => {
  it('should create the interview with one DRAFT scorecard per interviewer, in the order named', async () => {
    const { candidacy } = await insertCandidacy(app, nordlys);
    const { scheduleInterview } = await nordlys.asAdmin.data(ScheduleInterviewDocument, {
      input: {
        candidacyId: candidacy.nodeId,
        kind: 'SCREENING',
        scheduledAt: '2026-03-10T14:00:00+01:00',
        interviewerIds: [colleagues[1].user.nodeId, nordlys.recruiter.nodeId, colleagues[0].user.nodeId],
      },
    });
    expect(scheduleInterview.userErrors).toEqual([]);
    const interview = scheduleInterview.interview!;
    const panel = [colleagues[1].user, nordlys.recruiter, colleagues[0].user];
    expect(interview).toEqual({
      id: expect.any(String),
      kind: 'SCREENING',
      scheduledAt: '2026-03-10T13:00:00.000Z',
      candidacy: { id: candidacy.nodeId, stage: 'INTERVIEWING' },
      panel: panel.map((user) => ({ id: user.nodeId, name: user.name })),
      // The admin is on no panel of this candidacy, so sees every (still empty) scorecard.
      scorecards: panel.map((user) => ({
        id: expect.any(String),
        status: 'DRAFT',
        version: 1,
        interviewer: { id: user.nodeId },
        ratings: [],
        revisions: [],
      })),
    });
    const em = app.em();
    const stored = await em.findOneOrFail(Interview, { candidacy: candidacy.id });
    expect(stored).toMatchObject({ kind: 'SCREENING', scheduledAt: new Date('2026-03-10T13:00:00.000Z') });
    expect(stored.firm.id).toBe(nordlys.firm.id);
    const scorecards = await em.find(Scorecard, { interview: stored }, { orderBy: { createdAt: 'asc' } });
    expect(scorecards.map((scorecard) => [scorecard.interviewer.id, scorecard.status, scorecard.firm.id])).toEqual(
      panel.map((user) => [user.id, 'DRAFT', nordlys.firm.id]),
    );
  });

  it('should let a recruiter schedule a panel of five, including admins', async () => {
    const { candidacy } = await insertCandidacy(app, nordlys);
    const panel = [nordlys.admin, ...colleagues.map((colleague) => colleague.user)];
    const { scheduleInterview } = await nordlys.asRecruiter.data(ScheduleInterviewDocument, {
      input: {
        candidacyId: candidacy.nodeId,
        kind: 'CLIENT',
        scheduledAt: '2026-03-11T09:00:00.000Z',
        interviewerIds: panel.map((user) => user.nodeId),
      },
    });
    expect(scheduleInterview.userErrors).toEqual([]);
    expect(scheduleInterview.interview!.panel.map((user) => user.id)).toEqual(panel.map((user) => user.nodeId));
  });

  it.each(Object.values(CandidacyStage).filter((stage) => !['PLACED', 'REJECTED', 'WITHDRAWN'].includes(stage)))(
    'should schedule for a candidacy in stage %s',
    async (stage) => {
      const { candidacy } = await insertCandidacy(app, nordlys, { stage });
      const { scheduleInterview } = await nordlys.asRecruiter.data(ScheduleInterviewDocument, {
        input: {
          candidacyId: candidacy.nodeId,
          kind: 'COMPETENCY',
          scheduledAt: '2026-03-12T09:00:00.000Z',
          interviewerIds: [nordlys.recruiter.nodeId],
        },
      });
      expect(scheduleInterview.userErrors).toEqual([]);
    },
  );

  describe('bad input', () => {
    it.each(['PLACED', 'REJECTED', 'WITHDRAWN'] as const)('should refuse a %s candidacy as INVALID_STATE', async (stage) => {
      const { candidacy } = await insertCandidacy(app, nordlys, { stage: CandidacyStage[stage] });
      const before = await rowsOf(nordlys);
      const { scheduleInterview } = await nordlys.asRecruiter.data(ScheduleInterviewDocument, {
        input: {
          candidacyId: candidacy.nodeId,
          kind: 'COMPETENCY',
          scheduledAt: '2026-03-10T13:00:00.000Z',
          interviewerIds: [nordlys.recruiter.nodeId],
        },
      });
      expect(scheduleInterview).toEqual({
        interview: null,
        userErrors: [
          {
            code: 'INVALID_STATE',
            field: ['input', 'candidacyId'],
            message: `The candidacy is ${stage}: interviews can only be scheduled while it is open.`,
          },
        ],
      });
      expect(await rowsOf(nordlys)).toEqual(before);
    });

    it.each([
      ['a malformed id', () => 'nope'],
      ['an id of another type', () => nordlys.recruiter.nodeId],
      ['a candidacy that does not exist', () => toGlobalId('Candidacy', '00000000-0000-4000-8000-000000000000')],
    ])('should refuse %s as candidacy NOT_FOUND', async (_case, candidacyId) => {
      await expectRefused({ candidacyId: candidacyId() }, [
        { code: 'NOT_FOUND', field: ['input', 'candidacyId'], message: 'No candidacy with this id.' },
      ]);
    });

    it("should refuse another firm's candidacy as NOT_FOUND", async () => {
      const { candidacy } = await insertCandidacy(app, fjellvik);
      await expectRefused({ candidacyId: candidacy.nodeId }, [
        { code: 'NOT_FOUND', field: ['input', 'candidacyId'], message: 'No candidacy with this id.' },
      ]);
    });

    it('should refuse an empty panel as REQUIRED', async () => {
      await expectRefused({ interviewerIds: [] }, [
        { code: 'REQUIRED', field: ['input', 'interviewerIds'], message: 'Name at least one interviewer.' },
      ]);
    });

    it('should refuse six interviewers as OUT_OF_RANGE', async () => {
      const six = [nordlys.admin, nordlys.recruiter, ...colleagues.map((colleague) => colleague.user)];
      await expectRefused({ interviewerIds: six.map((user) => user.nodeId) }, [
        { code: 'OUT_OF_RANGE', field: ['input', 'interviewerIds'], message: 'A panel has at most 5 interviewers.' },
      ]);
    });

    it('should refuse the same interviewer twice as INVALID on the second occurrence', async () => {
      await expectRefused({ interviewerIds: [nordlys.recruiter.nodeId, nordlys.admin.nodeId, nordlys.recruiter.nodeId] }, [
        { code: 'INVALID', field: ['input', 'interviewerIds', '2'], message: 'This interviewer is named more than once.' },
      ]);
    });

    it('should refuse a client user as INVALID', async () => {
      await expectRefused({ interviewerIds: [nordlys.recruiter.nodeId, nordlys.clientUser.nodeId] }, [
        { code: 'INVALID', field: ['input', 'interviewerIds', '1'], message: 'A client user cannot sit on an interview panel.' },
      ]);
    });

    it.each([
      ["another firm's user", () => fjellvik.recruiter.nodeId],
      ['a malformed id', () => 'junk'],
      ['an id of another type', () => nordlys.firm.nodeId],
      ['a user that does not exist', () => toGlobalId('User', '00000000-0000-4000-8000-000000000000')],
    ])('should refuse %s as interviewer NOT_FOUND', async (_case, interviewerId) => {
      await expectRefused({ interviewerIds: [nordlys.admin.nodeId, interviewerId()] }, [
        { code: 'NOT_FOUND', field: ['input', 'interviewerIds', '1'], message: 'No user with this id.' },
      ]);
    });

    it('should report every problem of the input at once', async () => {
      await expectRefused(
        {
          candidacyId: 'nope',
          interviewerIds: ['junk', nordlys.clientUser.nodeId, nordlys.admin.nodeId, nordlys.admin.nodeId],
        },
        [
          { code: 'NOT_FOUND', field: ['input', 'candidacyId'], message: 'No candidacy with this id.' },
          { code: 'NOT_FOUND', field: ['input', 'interviewerIds', '0'], message: 'No user with this id.' },
          { code: 'INVALID', field: ['input', 'interviewerIds', '1'], message: 'A client user cannot sit on an interview panel.' },
          { code: 'INVALID', field: ['input', 'interviewerIds', '3'], message: 'This interviewer is named more than once.' },
        ],
      );
    });

    it.each([
      ['a time that is no DateTime', { scheduledAt: 'next tuesday' }],
      ['an unknown kind', { kind: 'COFFEE' }],
    ])('should refuse %s as a BAD_USER_INPUT GraphQL error', async (_case, change) => {
      const { candidacy } = await insertCandidacy(app, nordlys);
      const before = await rowsOf(nordlys);
      const response = await nordlys.asRecruiter.request(ScheduleInterviewDocument, {
        input: {
          candidacyId: candidacy.nodeId,
          kind: 'COMPETENCY',
          scheduledAt: '2026-03-10T13:00:00.000Z',
          interviewerIds: [nordlys.recruiter.nodeId],
          ...(change as Partial<ScheduleInterviewInput>),
        },
      });
      expect(response.data).toBeNull();
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(await rowsOf(nordlys)).toEqual(before);
    });
  });

  describe('access', () => {
    it.each([
      ['a client user', () => nordlys.asClientUser],
      ['an API key with every scope', async () => (await nordlys.apiKey(Object.values(ApiKeyScope))).client],
    ])('should refuse %s as FORBIDDEN', async (_case, caller) => {
      const { candidacy } = await insertCandidacy(app, nordlys);
      const before = await rowsOf(nordlys);
      const response = await (
        await caller()
      ).request(ScheduleInterviewDocument, {
        input: {
          candidacyId: candidacy.nodeId,
          kind: 'COMPETENCY',
          scheduledAt: '2026-03-10T13:00:00.000Z',
          interviewerIds: [nordlys.recruiter.nodeId],
        },
      });
      expect(response.data).toBeNull();
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(await rowsOf(nordlys)).toEqual(before);
    });

    it('should refuse an anonymous caller as UNAUTHENTICATED', async () => {
      const response = await app.anonymous().request(ScheduleInterviewDocument, {
        input: { candidacyId: 'x', kind: 'COMPETENCY', scheduledAt: '2026-03-10T13:00:00.000Z', interviewerIds: [] },
      });
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    });
  });
});

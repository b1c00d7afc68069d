import { localIdOf } from '../../src/common/global-id';
import { Interview, Scorecard } from '../../src/modules/interview';
import { Mandate } from '../../src/modules/mandate';
import type { User } from '../../src/modules/user';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import type { GraphQLClient } from '../helpers/graphql-client';
import { createStaffUser, insertCandidacy } from '../helpers/interview-fixtures';
import { insertMandate } from '../helpers/mandate-fixtures';
import {
  AddInterviewerDocument,
  CreateMandateDocument,
  DeactivateUserDocument,
  ReactivateUserDocument,
  ScheduleInterviewDocument,
  UpdateMandateDocument,
} from '../generated/graphql';

// A deactivated user cannot sign in: they are put on no panel and lead no mandate; the refusal
// points at their id and writes nothing. Reactivated, they can be again.
let app: TestApp;
let nordlys: TestFirm;
let departed: { user: User; as: GraphQLClient };

const PANEL_MESSAGE = 'This user is deactivated: they cannot sit on a panel until an admin reactivates them.';
const LEAD_MESSAGE = 'This user is deactivated: they cannot lead a mandate until an admin reactivates them.';

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'deactivated');
  departed = await createStaffUser(app, nordlys, undefined, 'Departed Recruiter');
  const { deactivateUser } = await nordlys.asAdmin.data(DeactivateUserDocument, { input: { userId: departed.user.nodeId } });
  expect(deactivateUser.userErrors).toEqual([]);
});
afterAll(() => app.close());

async function scheduleWith(interviewerIds: string[]) {
  const { candidacy } = await insertCandidacy(app, nordlys);
  const { scheduleInterview } = await nordlys.asAdmin.data(ScheduleInterviewDocument, {
    input: { candidacyId: candidacy.nodeId, kind: 'COMPETENCY', scheduledAt: '2031-04-20T09:00:00.000Z', interviewerIds },
  });
  return { scheduleInterview, candidacy };
}

describe('scheduleInterview', () => {
  it('should refuse a deactivated interviewer as INVALID_STATE at their place in interviewerIds, scheduling nothing', async () => {
    const { scheduleInterview, candidacy } = await scheduleWith([nordlys.recruiter.nodeId, departed.user.nodeId]);
    expect(scheduleInterview).toEqual({
      interview: null,
      userErrors: [{ code: 'INVALID_STATE', field: ['input', 'interviewerIds', '1'], message: PANEL_MESSAGE }],
    });
    expect(await app.em().count(Interview, { candidacy: candidacy.id })).toBe(0);
  });
});

describe('addInterviewer', () => {
  it('should refuse a deactivated interviewer as INVALID_STATE on interviewerId, leaving the panel as it was', async () => {
    const { scheduleInterview } = await scheduleWith([nordlys.recruiter.nodeId]);
    expect(scheduleInterview.userErrors).toEqual([]);
    const interviewId = scheduleInterview.interview!.id;
    const { addInterviewer } = await nordlys.asAdmin.data(AddInterviewerDocument, {
      input: { interviewId, interviewerId: departed.user.nodeId },
    });
    expect(addInterviewer).toEqual({
      interview: null,
      userErrors: [{ code: 'INVALID_STATE', field: ['input', 'interviewerId'], message: PANEL_MESSAGE }],
    });
    const panel = await app.em().find(Scorecard, { interview: localIdOf(interviewId, 'Interview')! });
    expect(panel.map((scorecard) => scorecard.interviewer.id)).toEqual([nordlys.recruiter.id]);
  });
});

describe('mandate lead', () => {
  it('should refuse a deactivated lead recruiter in createMandate and updateMandate, writing nothing', async () => {
    const before = await app.em().count(Mandate, { firm: nordlys.firm.id });
    const { createMandate } = await nordlys.asAdmin.data(CreateMandateDocument, {
      input: { title: 'CFO', clientId: nordlys.client.nodeId, leadershipLevel: 'EXECUTIVE', leadRecruiterId: departed.user.nodeId },
    });
    expect(createMandate).toEqual({
      mandate: null,
      userErrors: [{ code: 'INVALID_STATE', field: ['input', 'leadRecruiterId'], message: LEAD_MESSAGE }],
    });
    expect(await app.em().count(Mandate, { firm: nordlys.firm.id })).toBe(before);

    const mandate = await insertMandate(app, nordlys);
    const { updateMandate } = await nordlys.asAdmin.data(UpdateMandateDocument, {
      input: { mandateId: mandate.nodeId, title: 'Changed', leadRecruiterId: departed.user.nodeId },
    });
    expect(updateMandate).toEqual({
      mandate: null,
      userErrors: [{ code: 'INVALID_STATE', field: ['input', 'leadRecruiterId'], message: LEAD_MESSAGE }],
    });
    const stored = await app.em().findOneOrFail(Mandate, mandate.id);
    expect([stored.title, stored.leadRecruiter.id]).toEqual([mandate.title, mandate.leadRecruiter.id]);
  });
});

describe('after reactivation', () => {
  it('should put the user on panels and let them lead again', async () => {
    const { reactivateUser } = await nordlys.asAdmin.data(ReactivateUserDocument, { input: { userId: departed.user.nodeId } });
    expect(reactivateUser.userErrors).toEqual([]);
    const { scheduleInterview } = await scheduleWith([departed.user.nodeId]);
    expect(scheduleInterview.userErrors).toEqual([]);
    const mandate = await insertMandate(app, nordlys);
    const { updateMandate } = await nordlys.asAdmin.data(UpdateMandateDocument, {
      input: { mandateId: mandate.nodeId, leadRecruiterId: departed.user.nodeId },
    });
    expect(updateMandate.userErrors).toEqual([]);
  });
});

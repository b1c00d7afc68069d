import { localIdOf } from '../../src/common/global-id';
import { Interview } from '../../src/modules/interview';
import { Competency, DEFAULT_RUBRIC_KEY, Rubric, RubricStatus } from '../../src/modules/rubric';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import type { GraphQLClient } from '../helpers/graphql-client';
import { createStaffUser } from '../helpers/interview-fixtures';
import { insertAssessedMandate } from '../helpers/shortlist-fixtures';
import type { User } from '../../src/modules/user';
import {
  AddInterviewerWithFocusDocument,
  InterviewKitDocument,
  ScheduleInterviewDocument,
  type ScheduleInterviewInput,
} from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let colleague: { user: User; as: GraphQLClient };
let third: { user: User; as: GraphQLClient };
let candidacyIds: string[];
// The default rubric's competencies by key.
let competencies: Map<string, Competency>;

// The fixture's profile: CUSTOMER_INSIGHT weight 0, then OUTSIDE_IN 5, SERVICE_CULTURE 3, EXECUTION 2.
const WEIGHTED = ['OUTSIDE_IN', 'SERVICE_CULTURE', 'EXECUTION'];

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  colleague = await createStaffUser(app, nordlys, undefined, 'Kari Kollega');
  third = await createStaffUser(app, nordlys, undefined, 'Tredje Person');
  const world = await insertAssessedMandate(app, nordlys, { candidates: 3, assessed: false });
  candidacyIds = world.candidacies.map(({ candidacy }) => candidacy.nodeId);
  const rubric = await app.em().findOneOrFail(Rubric, { firm: nordlys.firm.id, key: DEFAULT_RUBRIC_KEY, status: RubricStatus.PUBLISHED });
  competencies = new Map((await app.em().find(Competency, { rubric })).map((competency) => [competency.key, competency]));
});
afterAll(() => app.close());

async function schedule(candidacyId: string, focus: ScheduleInterviewInput['focus']) {
  const { scheduleInterview } = await nordlys.asAdmin.data(ScheduleInterviewDocument, {
    input: {
      candidacyId,
      kind: 'COMPETENCY',
      scheduledAt: '2031-01-10T09:00:00.000Z',
      interviewerIds: [nordlys.recruiter.nodeId, colleague.user.nodeId],
      focus,
    },
  });
  return scheduleInterview;
}

async function kitOf(as: GraphQLClient, interviewId: string, locale: 'NB' | 'EN' | null = null) {
  const { node } = await as.data(InterviewKitDocument, { id: interviewId, locale });
  return node && 'kit' in node ? node : null;
}

describe('panel focus', () => {
  it('should give each panelist their kit: weighted competencies only, their focus first, in bokmål', async () => {
    const scheduled = await schedule(candidacyIds[0], [
      { interviewerId: nordlys.recruiter.nodeId, focusCompetencyKeys: ['EXECUTION', 'SERVICE_CULTURE'] },
      { interviewerId: colleague.user.nodeId, focusCompetencyKeys: ['SERVICE_CULTURE'] },
    ]);
    expect(scheduled.userErrors).toEqual([]);
    const interviewId = scheduled.interview!.id;

    const mine = await kitOf(nordlys.asRecruiter, interviewId, 'NB');
    expect(mine!.kit.map((item) => [item.key, item.inFocus, item.weight])).toEqual([
      ['EXECUTION', true, 2],
      ['SERVICE_CULTURE', true, 3],
      ['OUTSIDE_IN', false, 5],
    ]);
    const execution = competencies.get('EXECUTION')!;
    expect(mine!.kit[0]).toEqual({
      key: 'EXECUTION',
      name: execution.name.NB,
      description: execution.description.NB,
      weight: 2,
      inFocus: true,
      indicators: execution.indicators.map((text) => text.NB),
      questions: execution.questions.map((text) => text.NB),
      anchors: execution.anchors.map((text, index) => ({ score: index + 1, description: text.NB })),
    });
    expect(execution.name.NB).not.toBe(execution.name.EN);

    const theirs = await kitOf(colleague.as, interviewId, 'EN');
    expect(theirs!.kit.map((item) => [item.key, item.inFocus, item.name])).toEqual([
      ['SERVICE_CULTURE', true, competencies.get('SERVICE_CULTURE')!.name.EN],
      ['OUTSIDE_IN', false, competencies.get('OUTSIDE_IN')!.name.EN],
      ['EXECUTION', false, competencies.get('EXECUTION')!.name.EN],
    ]);
    // Someone on no panel gets the kit in rubric order, nothing in focus.
    const admin = await kitOf(nordlys.asAdmin, interviewId);
    expect(admin!.kit.map((item) => [item.key, item.inFocus])).toEqual(WEIGHTED.map((key) => [key, false]));
    expect(admin!.coverage).toEqual({ covered: ['SERVICE_CULTURE', 'EXECUTION'], uncovered: ['OUTSIDE_IN'] });
    expect(admin!.scorecards.map((scorecard) => scorecard.focusCompetencyKeys)).toEqual([
      ['EXECUTION', 'SERVICE_CULTURE'],
      ['SERVICE_CULTURE'],
    ]);
  });

  it('should refuse focus keys with weight 0 or unknown, and panelists not on the panel, writing nothing', async () => {
    const refused = await schedule(candidacyIds[1], [
      { interviewerId: nordlys.recruiter.nodeId, focusCompetencyKeys: ['CUSTOMER_INSIGHT', 'CHARISMA', 'OUTSIDE_IN', 'OUTSIDE_IN'] },
      { interviewerId: third.user.nodeId, focusCompetencyKeys: [] },
    ]);
    expect(refused).toEqual({
      interview: null,
      userErrors: [
        {
          code: 'INVALID',
          field: ['input', 'focus', '0', 'focusCompetencyKeys', '0'],
          message: "CUSTOMER_INSIGHT has weight 0 in the mandate's profile: focus only on what the client needs.",
        },
        {
          code: 'NOT_FOUND',
          field: ['input', 'focus', '0', 'focusCompetencyKeys', '1'],
          message: `The mandate's requirement profile has no competency "CHARISMA".`,
        },
        { code: 'INVALID', field: ['input', 'focus', '0', 'focusCompetencyKeys', '3'], message: 'OUTSIDE_IN is named more than once.' },
        { code: 'NOT_FOUND', field: ['input', 'focus', '1', 'interviewerId'], message: 'This user is not among interviewerIds.' },
      ],
    });
    expect(await app.em().count(Interview, { candidacy: localIdOf(candidacyIds[1], 'Candidacy')! })).toBe(0);
  });

  it('should take a focus with addInterviewer, under the same rules, and cover more of the profile', async () => {
    const scheduled = await schedule(candidacyIds[2], null);
    const interviewId = scheduled.interview!.id;
    expect((await kitOf(nordlys.asAdmin, interviewId))!.coverage).toEqual({ covered: [], uncovered: WEIGHTED });
    const refused = await nordlys.asAdmin.data(AddInterviewerWithFocusDocument, {
      input: { interviewId, interviewerId: third.user.nodeId, focusCompetencyKeys: ['CUSTOMER_INSIGHT'] },
    });
    expect(refused.addInterviewer.userErrors.map((error) => [error.code, error.field])).toEqual([
      ['INVALID', ['input', 'focusCompetencyKeys', '0']],
    ]);
    const added = await nordlys.asAdmin.data(AddInterviewerWithFocusDocument, {
      input: { interviewId, interviewerId: third.user.nodeId, focusCompetencyKeys: ['OUTSIDE_IN'] },
    });
    expect(added.addInterviewer.userErrors).toEqual([]);
    expect(added.addInterviewer.interview!.scorecards.map((scorecard) => scorecard.focusCompetencyKeys)).toEqual([[], [], ['OUTSIDE_IN']]);
    expect((await kitOf(nordlys.asAdmin, interviewId))!.coverage).toEqual({
      covered: ['OUTSIDE_IN'],
      uncovered: ['SERVICE_CULTURE', 'EXECUTION'],
    });
    expect((await kitOf(third.as, interviewId))!.kit[0]).toMatchObject({ key: 'OUTSIDE_IN', inFocus: true });
  });
});

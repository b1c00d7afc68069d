import type { EntityManager } from '@mikro-orm/postgresql';
import { localIdOf } from '../../src/common/global-id';
import { Interview, InterviewKind, InterviewStatus, scheduleInterview } from '../../src/modules/interview';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import type { GraphQLClient } from '../helpers/graphql-client';
import { createStaffUser } from '../helpers/interview-fixtures';
import { insertAssessedMandate } from '../helpers/shortlist-fixtures';
import type { User } from '../../src/modules/user';
import { MyInterviewsDocument, MyOverdueScorecardsDocument, OverdueScorecardsDocument } from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let colleague: { user: User; as: GraphQLClient };
// Interviews with the colleague on the panel, by their local id, in the order they take place.
let interviews: Interview[];

const HOUR = 3_600_000;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  colleague = await createStaffUser(app, nordlys, undefined, 'Kari Kollega');
  const world = await insertAssessedMandate(app, nordlys, { candidates: 4, assessed: false });
  interviews = [];
  const times = ['2026-12-01T08:00:00Z', '2026-12-02T09:00:00Z', '2026-12-02T13:00:00Z', '2026-12-03T10:00:00Z'];
  for (const [index, { candidacy }] of world.candidacies.entries()) {
    const { interview } = await app.em().transactional((tx) =>
      scheduleInterview(tx as EntityManager, nordlys.firm.id, {
        candidacyId: candidacy.id,
        kind: InterviewKind.COMPETENCY,
        scheduledAt: new Date(times[index]),
        // The last one is the admin's alone.
        interviewerIds: index === 3 ? [nordlys.admin.nodeId] : [colleague.user.nodeId, nordlys.admin.nodeId],
      }),
    );
    interviews.push(interview);
  }
  // The first was held two days ago: its scorecards are overdue. The second was held an hour ago: due tomorrow.
  const now = Date.now();
  for (const [index, heldAt] of [
    [0, now - 48 * HOUR],
    [1, now - HOUR],
  ]) {
    await app
      .em()
      .nativeUpdate(
        Interview,
        { id: interviews[index].id },
        { status: InterviewStatus.HELD, heldAt: new Date(heldAt), scorecardsDueAt: new Date(heldAt + 24 * HOUR) },
      );
  }
});
afterAll(() => app.close());

describe('myInterviews', () => {
  it("should list the caller's interviews in the order they take place, with candidate, mandate, kit and own scorecard", async () => {
    const { myInterviews } = await colleague.as.data(MyInterviewsDocument, { first: 2, locale: 'NB' });
    expect(myInterviews.totalCount).toBe(3);
    expect(myInterviews.pageInfo.hasNextPage).toBe(true);
    expect(myInterviews.nodes.map((node) => [node.id, node.status, node.myScorecard?.status])).toEqual([
      [interviews[0].nodeId, 'HELD', 'DRAFT'],
      [interviews[1].nodeId, 'HELD', 'DRAFT'],
    ]);
    expect(myInterviews.nodes[0].candidacy.mandate.title).toBe('Kundedirektør');
    expect(myInterviews.nodes[0].kit.map((item) => item.key)).toEqual(['OUTSIDE_IN', 'SERVICE_CULTURE', 'EXECUTION']);
    const next = await colleague.as.data(MyInterviewsDocument, { first: 2, after: myInterviews.pageInfo.endCursor });
    expect(next.myInterviews.nodes.map((node) => node.id)).toEqual([interviews[2].nodeId]);
  });

  it('should keep to the time window and the statuses asked for', async () => {
    const day = await colleague.as.data(MyInterviewsDocument, { filter: { from: '2026-12-02T00:00:00Z', to: '2026-12-03T00:00:00Z' } });
    expect(day.myInterviews.nodes.map((node) => node.id)).toEqual([interviews[1].nodeId, interviews[2].nodeId]);
    const scheduled = await colleague.as.data(MyInterviewsDocument, { filter: { status: ['SCHEDULED'] } });
    expect(scheduled.myInterviews.nodes.map((node) => node.id)).toEqual([interviews[2].nodeId]);
    const admin = await nordlys.asAdmin.data(MyInterviewsDocument, { filter: { status: ['SCHEDULED'] } });
    expect(admin.myInterviews.nodes.map((node) => node.id)).toEqual([interviews[2].nodeId, interviews[3].nodeId]);
  });
});

describe('overdue scorecards', () => {
  it("should list one's own overdue scorecards with myScorecards(overdue: true), and the others with overdue: false", async () => {
    const overdue = await colleague.as.data(MyOverdueScorecardsDocument, { overdue: true });
    const interviewOf = async (scorecardIds: string[]) =>
      (
        (await app
          .em()
          .getConnection()
          .execute(`select interview_id from scorecard where id = any(?::uuid[]) order by created_at`, [
            `{${scorecardIds.map((id) => localIdOf(id, 'Scorecard')).join(',')}}`,
          ])) as { interview_id: string }[]
      ).map((row) => row.interview_id);
    expect(await interviewOf(overdue.myScorecards.nodes.map((node) => node.id))).toEqual([interviews[0].id]);
    const notOverdue = await colleague.as.data(MyOverdueScorecardsDocument, { overdue: false });
    expect(await interviewOf(notOverdue.myScorecards.nodes.map((node) => node.id))).toEqual([interviews[1].id, interviews[2].id]);
  });

  it('should show an admin every overdue scorecard of the firm, a lead recruiter those of their mandates, another recruiter none', async () => {
    const admin = await nordlys.asAdmin.data(OverdueScorecardsDocument, {});
    expect(admin.overdueScorecards.nodes.map((node) => node.interviewer.id)).toEqual([colleague.user.nodeId, nordlys.admin.nodeId]);
    // The fixture's mandate is led by the firm's recruiter.
    const lead = await nordlys.asRecruiter.data(OverdueScorecardsDocument, {});
    expect(lead.overdueScorecards.totalCount).toBe(2);
    const other = await colleague.as.data(OverdueScorecardsDocument, {});
    expect(other.overdueScorecards).toEqual({ totalCount: 0, nodes: [] });
  });
});

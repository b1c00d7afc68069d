import { ApiKeyScope } from '../../src/common/access';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { createStaffUser, insertCandidacy, someRatings } from '../helpers/interview-fixtures';
import type { GraphQLClient } from '../helpers/graphql-client';
import type { User } from '../../src/modules/user';
import {
  InterviewNodeDocument,
  NodesDocument,
  ScheduleInterviewDocument,
  ScorecardNodeDocument,
  SubmitScorecardDocument,
} from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
// Interviewer A is the firm's recruiter; B and C are colleagues; the admin is on no panel.
let interviewerB: { user: User; as: GraphQLClient };
let interviewerC: { user: User; as: GraphQLClient };

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  interviewerB = await createStaffUser(app, nordlys, undefined, 'Interviewer B');
  interviewerC = await createStaffUser(app, nordlys, undefined, 'Interviewer C');
});
afterAll(() => app.close());

async function schedule(candidacyId: string, interviewers: User[]) {
  const { scheduleInterview } = await nordlys.asAdmin.data(ScheduleInterviewDocument, {
    input: {
      candidacyId,
      kind: 'COMPETENCY',
      scheduledAt: '2026-04-01T10:00:00.000Z',
      interviewerIds: interviewers.map((user) => user.nodeId),
    },
  });
  expect(scheduleInterview.userErrors).toEqual([]);
  // The admin is on no panel, so sees the whole panel's scorecards, in panel order.
  return { interviewId: scheduleInterview.interview!.id, scorecardIds: scheduleInterview.interview!.scorecards.map((s) => s.id) };
}

async function submit(as: GraphQLClient, interviewId: string) {
  const { submitScorecard } = await as.data(SubmitScorecardDocument, {
    input: { interviewId, ratings: someRatings(3), recommendation: 'YES', summary: null },
  });
  expect(submitScorecard.userErrors).toEqual([]);
}

async function scorecardIdsSeenBy(as: GraphQLClient, interviewId: string) {
  const { node } = await as.data(InterviewNodeDocument, { id: interviewId });
  return node?.__typename === 'Interview' ? node.scorecards.map((scorecard) => [scorecard.id, scorecard.status]) : null;
}

describe('independent scoring', () => {
  let interview: { interviewId: string; scorecardIds: string[] };
  // A second interview of the same candidacy, on which B sits on no panel.
  let otherInterview: { interviewId: string; scorecardIds: string[] };
  // An interview of another candidacy, with B on its panel but already submitted.
  let elsewhere: { interviewId: string; scorecardIds: string[] };

  beforeAll(async () => {
    const { candidacy } = await insertCandidacy(app, nordlys);
    interview = await schedule(candidacy.nodeId, [nordlys.recruiter, interviewerB.user]);
    otherInterview = await schedule(candidacy.nodeId, [interviewerC.user]);
    await submit(nordlys.asRecruiter, interview.interviewId);
    await submit(interviewerC.as, otherInterview.interviewId);

    const { candidacy: another } = await insertCandidacy(app, nordlys, { firstName: 'Sigrid' });
    elsewhere = await schedule(another.nodeId, [nordlys.recruiter, interviewerB.user]);
    await submit(interviewerB.as, elsewhere.interviewId);
  });

  describe('while B still has a draft on the candidacy', () => {
    it('should show B only their own scorecard of the interview', async () => {
      expect(await scorecardIdsSeenBy(interviewerB.as, interview.interviewId)).toEqual([[interview.scorecardIds[1], 'DRAFT']]);
    });

    it("should show B none of another interview's scorecards of the same candidacy", async () => {
      expect(await scorecardIdsSeenBy(interviewerB.as, otherInterview.interviewId)).toEqual([]);
    });

    it("should answer null for A's scorecard via node and nodes, as if it did not exist", async () => {
      const own = interview.scorecardIds[1];
      const [ofA, ofC] = [interview.scorecardIds[0], otherInterview.scorecardIds[0]];
      expect((await interviewerB.as.data(ScorecardNodeDocument, { id: ofA })).node).toBeNull();
      const { nodes } = await interviewerB.as.data(NodesDocument, { ids: [ofA, own, ofC] });
      expect(nodes).toEqual([null, { __typename: 'Scorecard', id: own }, null]);
    });

    it('should not blind B on another candidacy where B has submitted', async () => {
      expect(await scorecardIdsSeenBy(interviewerB.as, elsewhere.interviewId)).toEqual([
        [elsewhere.scorecardIds[0], 'DRAFT'],
        [elsewhere.scorecardIds[1], 'SUBMITTED'],
      ]);
      const { node } = await interviewerB.as.data(ScorecardNodeDocument, { id: elsewhere.scorecardIds[0] });
      expect(node).toMatchObject({ id: elsewhere.scorecardIds[0], status: 'DRAFT' });
    });

    it("should show A, who has submitted, the whole panel: their scores and B's draft", async () => {
      expect(await scorecardIdsSeenBy(nordlys.asRecruiter, interview.interviewId)).toEqual([
        [interview.scorecardIds[0], 'SUBMITTED'],
        [interview.scorecardIds[1], 'DRAFT'],
      ]);
      expect(await scorecardIdsSeenBy(nordlys.asRecruiter, otherInterview.interviewId)).toEqual([
        [otherInterview.scorecardIds[0], 'SUBMITTED'],
      ]);
    });

    it('should show a user on no panel every scorecard', async () => {
      expect(await scorecardIdsSeenBy(nordlys.asAdmin, interview.interviewId)).toEqual([
        [interview.scorecardIds[0], 'SUBMITTED'],
        [interview.scorecardIds[1], 'DRAFT'],
      ]);
      const { nodes } = await nordlys.asAdmin.data(NodesDocument, { ids: interview.scorecardIds });
      expect(nodes.map((node) => node?.id)).toEqual(interview.scorecardIds);
    });

    it('should show an API key with assessments:read the submitted scorecards only', async () => {
      const { client } = await nordlys.apiKey([ApiKeyScope.ASSESSMENTS_READ]);
      expect(await scorecardIdsSeenBy(client, interview.interviewId)).toEqual([[interview.scorecardIds[0], 'SUBMITTED']]);
      const { nodes } = await client.data(NodesDocument, { ids: interview.scorecardIds });
      expect(nodes).toEqual([{ __typename: 'Scorecard', id: interview.scorecardIds[0] }, null]);
    });
  });

  describe('after B submits', () => {
    beforeAll(() => submit(interviewerB.as, interview.interviewId));

    it('should show B every scorecard of the candidacy', async () => {
      expect(await scorecardIdsSeenBy(interviewerB.as, interview.interviewId)).toEqual([
        [interview.scorecardIds[0], 'SUBMITTED'],
        [interview.scorecardIds[1], 'SUBMITTED'],
      ]);
      expect(await scorecardIdsSeenBy(interviewerB.as, otherInterview.interviewId)).toEqual([
        [otherInterview.scorecardIds[0], 'SUBMITTED'],
      ]);
    });

    it("should return A's scorecard with its scores to B via node", async () => {
      const { node } = await interviewerB.as.data(ScorecardNodeDocument, { id: interview.scorecardIds[0] });
      expect(node).toMatchObject({
        __typename: 'Scorecard',
        id: interview.scorecardIds[0],
        status: 'SUBMITTED',
        interviewer: { id: nordlys.recruiter.nodeId },
        ratings: expect.arrayContaining([{ competencyKey: 'CUSTOMER_INSIGHT', score: 4, evidence: expect.any(String) }]),
      });
    });
  });
});

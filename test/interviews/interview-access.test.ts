import { ApiKeyScope } from '../../src/common/access';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLClient } from '../helpers/graphql-client';
import { createStaffUser, insertCandidacy, someRatings } from '../helpers/interview-fixtures';
import type { User } from '../../src/modules/user';
import {
  CandidacyInterviewsDocument,
  CandidacyNodeInterviewsDocument,
  InterviewCandidacyDocument,
  InterviewNodeDocument,
  InterviewPanelDocument,
  MyScorecardsDocument,
  ScheduleInterviewDocument,
  ScorecardInterviewerDocument,
  ScorecardNodeDocument,
  ScorecardScoresDocument,
  SubmitScorecardDocument,
} from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let fjellvik: TestFirm;
let interviewer: { user: User; as: GraphQLClient };
let candidacyId: string;
let interviewId: string;
let submittedId: string;
let draftId: string;
// An earlier screening of the same candidacy, by a colleague on no other panel.
let earlierId: string;

// Callers by name, made once.
let callers: Record<string, GraphQLClient>;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  fjellvik = await createTestFirm(app, 'fjellvik');
  interviewer = await createStaffUser(app, nordlys, undefined, 'Astrid Lie');
  const { candidacy } = await insertCandidacy(app, nordlys);
  candidacyId = candidacy.nodeId;
  // Scheduled by the recruiter for the admin and a colleague, so recruiter and admin are not blind.
  const { scheduleInterview } = await nordlys.asRecruiter.data(ScheduleInterviewDocument, {
    input: {
      candidacyId,
      kind: 'COMPETENCY',
      scheduledAt: '2026-02-02T10:00:00.000Z',
      interviewerIds: [interviewer.user.nodeId, nordlys.admin.nodeId],
    },
  });
  interviewId = scheduleInterview.interview!.id;
  [submittedId, draftId] = scheduleInterview.interview!.scorecards.map((scorecard) => scorecard.id);
  const screener = await createStaffUser(app, nordlys, undefined, 'Per Screener');
  const earlier = await nordlys.asRecruiter.data(ScheduleInterviewDocument, {
    input: { candidacyId, kind: 'SCREENING', scheduledAt: '2026-01-20T10:00:00.000Z', interviewerIds: [screener.user.nodeId] },
  });
  earlierId = earlier.scheduleInterview.interview!.id;
  await interviewer.as.data(SubmitScorecardDocument, {
    input: { interviewId, ratings: someRatings(1), recommendation: 'YES', summary: 'Good.' },
  });
  // The admin's own draft stays open; the admin is blind, so the admin reads only their own.
  callers = {
    recruiter: nordlys.asRecruiter,
    clientUser: nordlys.asClientUser,
    assessmentsKey: (await nordlys.apiKey([ApiKeyScope.ASSESSMENTS_READ])).client,
    assessmentsAndMandatesKey: (await nordlys.apiKey([ApiKeyScope.ASSESSMENTS_READ, ApiKeyScope.MANDATES_READ])).client,
    mandatesKey: (await nordlys.apiKey([ApiKeyScope.MANDATES_READ])).client,
    otherScopesKey: (
      await nordlys.apiKey([
        ApiKeyScope.CANDIDATES_READ,
        ApiKeyScope.CANDIDATES_WRITE,
        ApiKeyScope.MANDATES_WRITE,
        ApiKeyScope.SHORTLISTS_READ,
      ])
    ).client,
    otherFirmsAdmin: fjellvik.asAdmin,
  };
});
afterAll(() => app.close());

describe('Interview via node', () => {
  it.each([
    ['recruiter', true],
    ['assessmentsKey', true],
    ['clientUser', false],
    ['mandatesKey', false],
    ['otherScopesKey', false],
    ['otherFirmsAdmin', false],
  ])('should be visible to the %s: %s', async (caller, visible) => {
    const { node } = await callers[caller].data(InterviewNodeDocument, { id: interviewId });
    expect(node === null ? null : { id: node.id, kind: node.__typename === 'Interview' && node.kind }).toEqual(
      visible ? { id: interviewId, kind: 'COMPETENCY' } : null,
    );
  });

  it('should show the panel to staff, in the order named', async () => {
    const { node } = await nordlys.asRecruiter.data(InterviewPanelDocument, { id: interviewId });
    expect(node).toEqual({
      id: interviewId,
      panel: [
        { id: interviewer.user.nodeId, name: 'Astrid Lie' },
        { id: nordlys.admin.nodeId, name: nordlys.admin.name },
      ],
    });
  });

  it('should refuse the panel (user identities) to API keys as FORBIDDEN', async () => {
    const response = await callers.assessmentsAndMandatesKey.request(InterviewPanelDocument, { id: interviewId });
    expect(response.data).toEqual({ node: null });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });

  it('should give the candidacy to staff and keys with mandates:read, and refuse it without', async () => {
    for (const caller of [nordlys.asRecruiter, callers.assessmentsAndMandatesKey]) {
      const { node } = await caller.data(InterviewCandidacyDocument, { id: interviewId });
      expect(node).toEqual({ id: interviewId, candidacy: { id: candidacyId, stage: 'INTERVIEWING' } });
    }
    const response = await callers.assessmentsKey.request(InterviewCandidacyDocument, { id: interviewId });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });
});

describe('Candidacy.interviews', () => {
  it('should list the interviews of the candidacy in the order they take place', async () => {
    const { node } = await nordlys.asAdmin.data(CandidacyInterviewsDocument, { id: interviewId });
    expect(node).toEqual({
      id: interviewId,
      candidacy: {
        id: candidacyId,
        interviews: [
          { id: earlierId, kind: 'SCREENING', scheduledAt: '2026-01-20T10:00:00.000Z' },
          { id: interviewId, kind: 'COMPETENCY', scheduledAt: '2026-02-02T10:00:00.000Z' },
        ],
      },
    });
  });

  it('should give the interviews to a key with mandates:read and assessments:read, and refuse them to mandates:read alone', async () => {
    const allowed = await callers.assessmentsAndMandatesKey.data(CandidacyNodeInterviewsDocument, { id: candidacyId });
    expect(allowed.node).toEqual({
      id: candidacyId,
      interviews: [
        { id: earlierId, kind: 'SCREENING' },
        { id: interviewId, kind: 'COMPETENCY' },
      ],
    });
    const refused = await callers.mandatesKey.request(CandidacyNodeInterviewsDocument, { id: candidacyId });
    expect(refused.data).toEqual({ node: null });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
  });
});

describe('Scorecard via node', () => {
  it.each([
    ['recruiter', [true, true]],
    ['assessmentsKey', [true, false]],
    ['clientUser', [false, false]],
    ['mandatesKey', [false, false]],
    ['otherScopesKey', [false, false]],
    ['otherFirmsAdmin', [false, false]],
  ])('should show the submitted and the draft scorecard to the %s: %j', async (caller, [submitted, draft]) => {
    const { node: ofSubmitted } = await callers[caller].data(ScorecardScoresDocument, { id: submittedId });
    const { node: ofDraft } = await callers[caller].data(ScorecardScoresDocument, { id: draftId });
    expect([ofSubmitted?.id ?? null, ofDraft?.id ?? null]).toEqual([submitted ? submittedId : null, draft ? draftId : null]);
  });

  it('should give an API key with assessments:read the scores and revisions of a submitted scorecard', async () => {
    const { node } = await callers.assessmentsKey.data(ScorecardScoresDocument, { id: submittedId });
    expect(node).toEqual({
      __typename: 'Scorecard',
      id: submittedId,
      status: 'SUBMITTED',
      version: 2,
      recommendation: 'YES',
      summary: 'Good.',
      interview: { id: interviewId },
      ratings: expect.arrayContaining([
        { competencyKey: 'CUSTOMER_INSIGHT', score: 4, evidence: expect.stringContaining('ten customers') },
      ]),
      revisions: [{ number: 1, reason: null, ratings: expect.any(Array) }],
    });
  });

  it('should refuse interviewer identities to API keys as FORBIDDEN', async () => {
    const response = await callers.assessmentsKey.request(ScorecardInterviewerDocument, { id: submittedId });
    expect(response.data).toEqual({ node: null });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });

  it('should show an admin with an open draft only their own scorecard (independent scoring)', async () => {
    const { node: ofSubmitted } = await nordlys.asAdmin.data(ScorecardNodeDocument, { id: submittedId });
    const { node: ofDraft } = await nordlys.asAdmin.data(ScorecardNodeDocument, { id: draftId });
    const nodes = [ofSubmitted?.id ?? null, ofDraft?.id ?? null];
    expect(nodes).toEqual([null, draftId]);
  });
});

describe('myScorecards', () => {
  it("should list the caller's own scorecards, filtered by status, oldest first", async () => {
    const { candidacy } = await insertCandidacy(app, nordlys, { firstName: 'Marius' });
    const { scheduleInterview } = await nordlys.asRecruiter.data(ScheduleInterviewDocument, {
      input: {
        candidacyId: candidacy.nodeId,
        kind: 'CLIENT',
        scheduledAt: '2026-02-10T10:00:00.000Z',
        interviewerIds: [interviewer.user.nodeId],
      },
    });
    const secondDraft = scheduleInterview.interview!.scorecards[0].id;
    const all = await interviewer.as.data(MyScorecardsDocument, {});
    expect(all.myScorecards.totalCount).toBe(2);
    expect(all.myScorecards.edges.map((edge) => [edge.node.id, edge.node.status])).toEqual([
      [submittedId, 'SUBMITTED'],
      [secondDraft, 'DRAFT'],
    ]);
    const drafts = await interviewer.as.data(MyScorecardsDocument, { status: 'DRAFT' });
    expect(drafts.myScorecards.edges.map((edge) => edge.node)).toEqual([
      { id: secondDraft, status: 'DRAFT', interview: { id: scheduleInterview.interview!.id, candidacy: { id: candidacy.nodeId } } },
    ]);
    const firstPage = await interviewer.as.data(MyScorecardsDocument, { first: 1 });
    expect(firstPage.myScorecards.pageInfo.hasNextPage).toBe(true);
    const secondPage = await interviewer.as.data(MyScorecardsDocument, { first: 1, after: firstPage.myScorecards.pageInfo.endCursor });
    expect(secondPage.myScorecards.edges.map((edge) => edge.node.id)).toEqual([secondDraft]);
    expect((await fjellvik.asAdmin.data(MyScorecardsDocument, {})).myScorecards.totalCount).toBe(0);
  });

  it.each([
    ['clientUser', 'FORBIDDEN'],
    ['assessmentsKey', 'FORBIDDEN'],
  ])('should refuse the %s as %s', async (caller, code) => {
    const response = await callers[caller].request(MyScorecardsDocument, {});
    expect(errorCodes(response)).toEqual([code]);
  });
});

import { localIdOf } from '../../src/common/global-id';
import { Firm } from '../../src/common/firm.entity';
import { Interview, InterviewStatus, Scorecard } from '../../src/modules/interview';
import { WebhookSubscription } from '../../src/modules/webhook';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import type { GraphQLClient } from '../helpers/graphql-client';
import { createStaffUser, insertCandidacy, RUBRIC_KEYS, someRatings } from '../helpers/interview-fixtures';
import type { User } from '../../src/modules/user';
import {
  CancelInterviewDocument,
  MarkInterviewHeldDocument,
  InterviewNodeDocument,
  MarkInterviewNoShowDocument,
  RescheduleInterviewDocument,
  SaveScorecardDraftDocument,
  ScheduleInterviewLifeDocument,
  SubmitScorecardDocument,
} from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let colleague: { user: User; as: GraphQLClient };

const FUTURE = '2031-03-02T09:00:00.000Z';

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  colleague = await createStaffUser(app, nordlys);
  await app.em().transactional(async (em) => {
    em.create(WebhookSubscription, {
      firm: nordlys.firm.id,
      url: 'https://ats.example/hooks/interviews',
      events: ['interview.scheduled', 'interview.rescheduled', 'interview.cancelled'],
      description: 'interviews',
      secret: 'whsec_lifecycle',
    });
  });
});
afterAll(() => app.close());

async function schedule(extra: { durationMinutes?: number; location?: string; videoLink?: string } = {}) {
  const { candidacy } = await insertCandidacy(app, nordlys);
  const { scheduleInterview } = await nordlys.asAdmin.data(ScheduleInterviewLifeDocument, {
    input: {
      candidacyId: candidacy.nodeId,
      kind: 'COMPETENCY',
      scheduledAt: FUTURE,
      interviewerIds: [nordlys.recruiter.nodeId, colleague.user.nodeId],
      ...extra,
    },
  });
  expect(scheduleInterview.userErrors).toEqual([]);
  return { interview: scheduleInterview.interview!, candidacyId: candidacy.nodeId };
}

// The webhook events about one interview, oldest first, as stored in the outbox.
async function eventsOf(interviewId: string) {
  const rows: { type: string; data: Record<string, unknown> }[] = await app
    .em()
    .getConnection()
    .execute(`select type, data from webhook_event where data->>'interviewId' = ? order by created_at, type`, [interviewId]);
  return rows.map((row) => row.type);
}

async function interviewInDatabase(interviewId: string) {
  const interview = await app.em().findOneOrFail(Interview, localIdOf(interviewId, 'Interview')!);
  const scorecards = await app.em().count(Scorecard, { interview });
  return { status: interview.status, version: interview.version, scheduledAt: interview.scheduledAt.toISOString(), scorecards };
}

describe('scheduleInterview', () => {
  it('should keep length, place and video link, start SCHEDULED at version 1 and emit interview.scheduled with ids only', async () => {
    const { interview, candidacyId } = await schedule({
      durationMinutes: 45,
      location: '  Rom Fjord, Bryggen 3  ',
      videoLink: 'https://meet.example/abc',
    });
    expect(interview).toMatchObject({
      status: 'SCHEDULED',
      durationMinutes: 45,
      location: 'Rom Fjord, Bryggen 3',
      videoLink: 'https://meet.example/abc',
      version: 1,
      heldAt: null,
      scorecardsDueAt: null,
      cancelledAt: null,
      cancellationReason: null,
    });
    const [event]: { data: Record<string, unknown> }[] = await app
      .em()
      .getConnection()
      .execute(`select data from webhook_event where data->>'interviewId' = ?`, [interview.id]);
    expect(event.data).toEqual({ interviewId: interview.id, candidacyId });
  });

  it('should default to 60 minutes and refuse a length outside 15–480 and a video link that is not https', async () => {
    expect((await schedule()).interview.durationMinutes).toBe(60);
    const { candidacy } = await insertCandidacy(app, nordlys);
    const { scheduleInterview } = await nordlys.asAdmin.data(ScheduleInterviewLifeDocument, {
      input: {
        candidacyId: candidacy.nodeId,
        kind: 'COMPETENCY',
        scheduledAt: FUTURE,
        interviewerIds: [nordlys.recruiter.nodeId],
        durationMinutes: 10,
        videoLink: 'http://meet.example/abc',
      },
    });
    expect(scheduleInterview).toEqual({
      interview: null,
      userErrors: [
        { code: 'OUT_OF_RANGE', field: ['input', 'durationMinutes'], message: 'durationMinutes must be a whole number from 15 to 480.' },
        { code: 'INVALID', field: ['input', 'videoLink'], message: 'videoLink must be an https URL.' },
      ],
    });
    expect(await app.em().count(Interview, { candidacy: candidacy.id })).toBe(0);
  });
});

describe('rescheduleInterview', () => {
  it('should move the interview, raise its version and emit interview.rescheduled', async () => {
    const { interview } = await schedule({ location: 'Bergen' });
    const { rescheduleInterview } = await nordlys.asRecruiter.data(RescheduleInterviewDocument, {
      input: { interviewId: interview.id, scheduledAt: '2031-03-09T13:00:00.000Z', durationMinutes: 90, expectedVersion: 1 },
    });
    expect(rescheduleInterview.userErrors).toEqual([]);
    expect(rescheduleInterview.interview).toMatchObject({
      status: 'SCHEDULED',
      scheduledAt: '2031-03-09T13:00:00.000Z',
      durationMinutes: 90,
      location: 'Bergen',
      version: 2,
    });
    expect(await eventsOf(interview.id)).toEqual(['interview.scheduled', 'interview.rescheduled']);
  });

  it('should refuse the past with OUT_OF_RANGE, a stale version with CONFLICT and a cancelled interview with INVALID_STATE', async () => {
    const { interview } = await schedule();
    const past = await nordlys.asRecruiter.data(RescheduleInterviewDocument, {
      input: { interviewId: interview.id, scheduledAt: '2020-01-01T09:00:00.000Z' },
    });
    expect(past.rescheduleInterview).toEqual({
      interview: null,
      userErrors: [{ code: 'OUT_OF_RANGE', field: ['input', 'scheduledAt'], message: 'scheduledAt must be in the future.' }],
    });
    const stale = await nordlys.asRecruiter.data(RescheduleInterviewDocument, {
      input: { interviewId: interview.id, scheduledAt: '2031-05-01T09:00:00.000Z', expectedVersion: 7 },
    });
    expect(stale.rescheduleInterview.userErrors.map((error) => [error.code, error.field])).toEqual([
      ['CONFLICT', ['input', 'expectedVersion']],
    ]);
    expect(await interviewInDatabase(interview.id)).toEqual({ status: 'SCHEDULED', version: 1, scheduledAt: FUTURE, scorecards: 2 });

    const { cancelInterview } = await nordlys.asRecruiter.data(CancelInterviewDocument, {
      input: { interviewId: interview.id, reason: 'Role on hold.' },
    });
    expect(cancelInterview.userErrors).toEqual([]);
    const cancelled = await nordlys.asRecruiter.data(RescheduleInterviewDocument, {
      input: { interviewId: interview.id, scheduledAt: '2031-05-01T09:00:00.000Z' },
    });
    expect(cancelled.rescheduleInterview).toEqual({
      interview: null,
      userErrors: [
        {
          code: 'INVALID_STATE',
          field: ['input', 'interviewId'],
          message: 'The interview is CANCELLED: it can no longer be rescheduled; schedule a new one.',
        },
      ],
    });
    expect(await eventsOf(interview.id)).toEqual(['interview.scheduled', 'interview.cancelled']);
  });
});

describe('cancelInterview', () => {
  it('should cancel with its reason, drop the scorecards nobody saved into and keep a saved draft', async () => {
    const { interview } = await schedule();
    const [recruiterCard, colleagueCard] = interview.scorecards;
    const { saveScorecardDraft } = await colleague.as.data(SaveScorecardDraftDocument, {
      input: { scorecardId: colleagueCard.id, ratings: [{ competencyKey: RUBRIC_KEYS[0], score: 3 }] },
    });
    expect(saveScorecardDraft.userErrors).toEqual([]);
    const { cancelInterview } = await nordlys.asAdmin.data(CancelInterviewDocument, {
      input: { interviewId: interview.id, reason: '  The candidate withdrew.  ', expectedVersion: 1 },
    });
    expect(cancelInterview.userErrors).toEqual([]);
    expect(cancelInterview.interview).toMatchObject({
      status: 'CANCELLED',
      version: 2,
      cancellationReason: 'The candidate withdrew.',
      scorecards: [{ id: colleagueCard.id, status: 'DRAFT' }],
    });
    expect(Date.now() - Date.parse(cancelInterview.interview!.cancelledAt!)).toBeLessThan(60_000);
    expect(await app.em().count(Scorecard, { id: localIdOf(recruiterCard.id, 'Scorecard')! })).toBe(0);
    // A cancelled interview takes no more judgement.
    const { submitScorecard } = await colleague.as.data(SubmitScorecardDocument, {
      input: { interviewId: interview.id, ratings: someRatings(1), recommendation: 'YES' },
    });
    expect(submitScorecard.userErrors).toEqual([
      {
        code: 'INVALID_STATE',
        field: ['input', 'interviewId'],
        message: 'The interview was cancelled: its scorecards take no more changes.',
      },
    ]);
  });

  it('should refuse once a scorecard is submitted, and without a reason, changing nothing', async () => {
    const { interview } = await schedule();
    const noReason = await nordlys.asAdmin.data(CancelInterviewDocument, { input: { interviewId: interview.id, reason: '  ' } });
    expect(noReason.cancelInterview).toEqual({
      interview: null,
      userErrors: [{ code: 'REQUIRED', field: ['input', 'reason'], message: 'reason is required.' }],
    });
    const { submitScorecard } = await nordlys.asRecruiter.data(SubmitScorecardDocument, {
      input: { interviewId: interview.id, ratings: someRatings(1), recommendation: 'YES' },
    });
    expect(submitScorecard.userErrors).toEqual([]);
    const { cancelInterview } = await nordlys.asAdmin.data(CancelInterviewDocument, {
      input: { interviewId: interview.id, reason: 'Too late.' },
    });
    expect(cancelInterview).toEqual({
      interview: null,
      userErrors: [
        {
          code: 'INVALID_STATE',
          field: ['input', 'interviewId'],
          message: 'A scorecard of this interview has been submitted: a judgement on record cannot be cancelled away.',
        },
      ],
    });
    expect(await interviewInDatabase(interview.id)).toEqual({ status: 'SCHEDULED', version: 1, scheduledAt: FUTURE, scorecards: 2 });
    expect(await eventsOf(interview.id)).toEqual(['interview.scheduled']);
  });
});

describe('independent scoring after a cancellation', () => {
  it('should stop blinding an interviewer whose only unsubmitted scorecard is on a cancelled interview', async () => {
    const { interview, candidacyId } = await schedule();
    const { scheduleInterview } = await nordlys.asAdmin.data(ScheduleInterviewLifeDocument, {
      input: { candidacyId, kind: 'CLIENT', scheduledAt: FUTURE, interviewerIds: [nordlys.recruiter.nodeId] },
    });
    const other = scheduleInterview.interview!;
    const { submitScorecard } = await nordlys.asRecruiter.data(SubmitScorecardDocument, {
      input: { interviewId: other.id, ratings: someRatings(1), recommendation: 'YES' },
    });
    expect(submitScorecard.userErrors).toEqual([]);
    await colleague.as.data(SaveScorecardDraftDocument, { input: { interviewId: interview.id, recommendation: 'NO' } });
    const seen = async () => {
      const { node } = await colleague.as.data(InterviewNodeDocument, { id: other.id });
      return node?.__typename === 'Interview' ? node.scorecards.length : null;
    };
    expect(await seen()).toBe(0);
    const { cancelInterview } = await nordlys.asAdmin.data(CancelInterviewDocument, {
      input: { interviewId: interview.id, reason: 'Moved.' },
    });
    expect(cancelInterview.interview!.scorecards).toEqual([{ id: interview.scorecards[1].id, status: 'DRAFT' }]);
    expect(await seen()).toBe(1);
    // The same for a no-show (set directly: the rule is in the SQL); back to SCHEDULED, blind again.
    const id = localIdOf(interview.id, 'Interview')!;
    await app.em().nativeUpdate(Interview, { id }, { status: InterviewStatus.NO_SHOW });
    expect(await seen()).toBe(1);
    await app.em().nativeUpdate(Interview, { id }, { status: InterviewStatus.SCHEDULED });
    expect(await seen()).toBe(0);
  });
});

describe('markInterviewHeld and markInterviewNoShow', () => {
  it("should set scorecardsDueAt to the time held plus the firm's setting (24 hours by default)", async () => {
    const { interview } = await schedule();
    const { markInterviewHeld } = await nordlys.asRecruiter.data(MarkInterviewHeldDocument, {
      input: { interviewId: interview.id, heldAt: '2026-11-30T10:00:00.000Z', expectedVersion: 1 },
    });
    expect(markInterviewHeld.userErrors).toEqual([]);
    expect(markInterviewHeld.interview).toMatchObject({
      status: 'HELD',
      version: 2,
      heldAt: '2026-11-30T10:00:00.000Z',
      scorecardsDueAt: '2026-12-01T10:00:00.000Z',
    });

    await app.em().nativeUpdate(Firm, { id: nordlys.firm.id }, { scorecardDueHours: 48 });
    const { interview: other } = await schedule();
    const { markInterviewHeld: second } = await nordlys.asRecruiter.data(MarkInterviewHeldDocument, {
      input: { interviewId: other.id, heldAt: '2026-11-30T10:00:00.000Z' },
    });
    expect(second.interview!.scorecardsDueAt).toBe('2026-12-02T10:00:00.000Z');
    await app.em().nativeUpdate(Firm, { id: nordlys.firm.id }, { scorecardDueHours: 24 });
  });

  it('should refuse a held time in the future and a second change of status', async () => {
    const { interview } = await schedule();
    const future = await nordlys.asRecruiter.data(MarkInterviewHeldDocument, { input: { interviewId: interview.id, heldAt: FUTURE } });
    expect(future.markInterviewHeld).toEqual({
      interview: null,
      userErrors: [{ code: 'OUT_OF_RANGE', field: ['input', 'heldAt'], message: 'heldAt cannot be in the future.' }],
    });
    const { markInterviewNoShow } = await nordlys.asRecruiter.data(MarkInterviewNoShowDocument, { input: { interviewId: interview.id } });
    expect(markInterviewNoShow.interview).toMatchObject({ status: 'NO_SHOW', version: 2 });
    const held = await nordlys.asRecruiter.data(MarkInterviewHeldDocument, { input: { interviewId: interview.id } });
    expect(held.markInterviewHeld).toEqual({
      interview: null,
      userErrors: [
        {
          code: 'INVALID_STATE',
          field: ['input', 'interviewId'],
          message: 'The interview is NO_SHOW: only a SCHEDULED interview can be marked held.',
        },
      ],
    });
    // A no-show is scheduled again by rescheduling it.
    const { rescheduleInterview } = await nordlys.asRecruiter.data(RescheduleInterviewDocument, {
      input: { interviewId: interview.id, scheduledAt: '2031-06-01T09:00:00.000Z' },
    });
    expect(rescheduleInterview.interview).toMatchObject({ status: 'SCHEDULED', version: 3 });
  });

  it('should answer an interview of another firm like a missing one', async () => {
    const { interview } = await schedule();
    const fjellvik = await createTestFirm(app, 'fjellvik');
    const { markInterviewNoShow } = await fjellvik.asAdmin.data(MarkInterviewNoShowDocument, { input: { interviewId: interview.id } });
    expect(markInterviewNoShow).toEqual({
      interview: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['input', 'interviewId'], message: 'No interview with this id.' }],
    });
  });
});

import { localIdOf } from '../../src/common/global-id';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import type { GraphQLClient } from '../helpers/graphql-client';
import { createStaffUser, insertCandidacy, someRatings } from '../helpers/interview-fixtures';
import type { User } from '../../src/modules/user';
import { Interview, Scorecard, ScorecardStatus } from '../../src/modules/interview';
import {
  CancelInterviewDocument,
  MarkInterviewNoShowDocument,
  ScheduleInterviewLifeDocument,
  SubmitScorecardDocument,
} from '../generated/graphql';

// Migration20261202120000: interviews left SCHEDULED by the migration that added the status,
// although a scorecard of theirs was submitted, become HELD as markInterviewHeld would make them.
const FIX = 'Migration20261202120000';

let app: TestApp;
let nordlys: TestFirm;
let colleague: { user: User; as: GraphQLClient };

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'heldfix');
  colleague = await createStaffUser(app, nordlys);
});
afterAll(() => app.close());

async function schedule(scheduledAt: string): Promise<string> {
  const { candidacy } = await insertCandidacy(app, nordlys);
  const { scheduleInterview } = await nordlys.asAdmin.data(ScheduleInterviewLifeDocument, {
    input: {
      candidacyId: candidacy.nodeId,
      kind: 'COMPETENCY',
      scheduledAt,
      interviewerIds: [nordlys.recruiter.nodeId, colleague.user.nodeId],
    },
  });
  expect(scheduleInterview.userErrors).toEqual([]);
  return scheduleInterview.interview!.id;
}

async function submit(as: GraphQLClient, interviewId: string): Promise<void> {
  const { submitScorecard } = await as.data(SubmitScorecardDocument, {
    input: { interviewId, ratings: someRatings(2), recommendation: 'YES' },
  });
  expect(submitScorecard.userErrors).toEqual([]);
}

async function rowOf(interviewId: string) {
  const interview = await app.em().findOneOrFail(Interview, localIdOf(interviewId, 'Interview')!);
  const { status, version, heldAt, scorecardsDueAt } = interview;
  return { status, version, heldAt, scorecardsDueAt };
}

async function submittedAtOf(interviewId: string): Promise<Date[]> {
  const scorecards = await app
    .em()
    .find(
      Scorecard,
      { interview: localIdOf(interviewId, 'Interview')!, status: ScorecardStatus.SUBMITTED },
      { orderBy: { submittedAt: 'asc' } },
    );
  return scorecards.map((scorecard) => scorecard.submittedAt!);
}

it('should make HELD the SCHEDULED interviews with a submitted scorecard, held when scheduled or first submitted, due the firm setting later', async () => {
  await app.em().getConnection().execute(`update firm set scorecard_due_hours = 48 where id = ?`, [nordlys.firm.id]);
  const past = '2026-11-20T09:00:00.000Z';
  const future = '2031-03-02T09:00:00.000Z';
  // Held in the past, both panelists submitted: held when scheduled.
  const heldInPast = await schedule(past);
  await submit(nordlys.asRecruiter, heldInPast);
  await submit(colleague.as, heldInPast);
  // Scheduled for the future yet submitted already: held no later than the first submission.
  const submittedEarly = await schedule(future);
  await submit(colleague.as, submittedEarly);
  // Not held as far as anyone knows: stays as it is.
  const notYet = await schedule(past);
  const cancelled = await schedule(future);
  expect(
    (await nordlys.asAdmin.data(CancelInterviewDocument, { input: { interviewId: cancelled, reason: 'Withdrew.' } })).cancelInterview
      .userErrors,
  ).toEqual([]);
  const noShow = await schedule(past);
  expect(
    (await nordlys.asAdmin.data(MarkInterviewNoShowDocument, { input: { interviewId: noShow } })).markInterviewNoShow.userErrors,
  ).toEqual([]);

  // As Migration20261202081247 left them: every interview SCHEDULED unless changed since.
  const connection = app.em().getConnection();
  await connection.execute(
    `update interview set status = 'SCHEDULED', held_at = null, scorecards_due_at = null where id in (?, ?)`,
    [heldInPast, submittedEarly].map((id) => localIdOf(id, 'Interview')),
  );
  const untouched = await Promise.all([notYet, cancelled, noShow].map(rowOf));

  const migrator = app.orm.getMigrator();
  await migrator.down({ migrations: [FIX] });
  expect((await migrator.getPendingMigrations()).map((migration) => migration.name)).toEqual([FIX]);
  await migrator.up({ migrations: [FIX] });
  expect(await migrator.getPendingMigrations()).toEqual([]);

  const hour = 3_600_000;
  const [firstEarly] = await submittedAtOf(submittedEarly);
  expect(await rowOf(heldInPast)).toEqual({
    status: 'HELD',
    version: 2,
    heldAt: new Date(past),
    scorecardsDueAt: new Date(Date.parse(past) + 48 * hour),
  });
  expect(await rowOf(submittedEarly)).toEqual({
    status: 'HELD',
    version: 2,
    heldAt: firstEarly,
    scorecardsDueAt: new Date(firstEarly.getTime() + 48 * hour),
  });
  expect(await Promise.all([notYet, cancelled, noShow].map(rowOf))).toEqual(untouched);
  expect(untouched.map((row) => row.status)).toEqual(['SCHEDULED', 'CANCELLED', 'NO_SHOW']);
});

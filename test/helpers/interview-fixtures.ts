import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../src/common/access';
import { Client } from '../../src/modules/client';
import { LeadershipLevel, Mandate } from '../../src/modules/mandate';
import { Candidate } from '../../src/modules/candidate';
import { Candidacy, CandidacyStage } from '../../src/modules/candidacy';
import { DEFAULT_RUBRIC_KEY, Rubric, RubricStatus } from '../../src/modules/rubric';
import type { User } from '../../src/modules/user';
import { localIdOf } from '../../src/common/global-id';
import { Rating, Scorecard, ScorecardRevision } from '../../src/modules/interview';
import type { GraphQLClient } from './graphql-client';
import { AmendScorecardDocument, type RatingInput, ScheduleInterviewDocument, SubmitScorecardDocument } from '../generated/graphql';
import type { TestApp } from './test-app';
import { insertUser, signIn, type TestFirm } from './fixtures';
import { DEFAULT_COMPETENCY_KEYS } from './mandate-fixtures';

// The competency keys of the default rubric, in its order.
export const RUBRIC_KEYS = DEFAULT_COMPETENCY_KEYS;

export interface PipelineFixture {
  client: Client;
  mandate: Mandate;
  candidate: Candidate;
  candidacy: Candidacy;
}

// A client, a mandate pinning the firm's default rubric, a candidate and their candidacy,
// written straight to the database (the mutations for them belong to other features).
export async function insertCandidacy(
  app: TestApp,
  testFirm: TestFirm,
  options: { stage?: CandidacyStage; firstName?: string; rubric?: Rubric } = {},
): Promise<PipelineFixture> {
  const em = app.em();
  const firm = testFirm.firm.id;
  const rubric = options.rubric
    ? em.getReference(Rubric, options.rubric.id)
    : await em.findOneOrFail(Rubric, { firm, key: DEFAULT_RUBRIC_KEY, status: RubricStatus.PUBLISHED });
  const client = em.create(Client, { firm, name: 'Fjordnett AS', country: 'NO', employeeCount: 420, industry: 'Telecom' });
  const mandate = em.create(Mandate, {
    firm,
    title: 'Kundedirektør',
    client,
    leadershipLevel: LeadershipLevel.EXECUTIVE,
    leadRecruiter: testFirm.recruiter.id,
    rubric,
  });
  const candidate = em.create(Candidate, { firm, firstName: options.firstName ?? 'Ingrid', lastName: 'Solberg' });
  const candidacy = em.create(Candidacy, {
    firm,
    mandate,
    candidate,
    stage: options.stage ?? CandidacyStage.INTERVIEWING,
  });
  await em.flush();
  return { client, mandate, candidate, candidacy };
}

// Another signed-in staff user of the firm, e.g. a second interviewer.
export async function createStaffUser(
  app: TestApp,
  testFirm: TestFirm,
  role: Role.ADMIN | Role.RECRUITER = Role.RECRUITER,
  name = 'Second Recruiter',
): Promise<{ user: User; as: GraphQLClient }> {
  const email = `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@${testFirm.firm.slug}.example`;
  const user = await app.em().transactional(async (tx) => insertUser(tx as EntityManager, testFirm.firm.id, { email, name, role }));
  return { user, as: await signIn(app, email) };
}

// Ratings for the first `count` competencies, with evidence.
export function someRatings(count: number, score = 4): { competencyKey: string; score: number; evidence: string }[] {
  return RUBRIC_KEYS.slice(0, count).map((competencyKey, index) => ({
    competencyKey,
    score: ((score + index - 1) % 5) + 1,
    evidence: `Evidence for ${competencyKey}: told how she visited ten customers in her first week.`,
  }));
}

// What the database holds of a scorecard, to assert that a refused mutation changed nothing.
export async function scorecardInDatabase(app: TestApp, scorecardId: string) {
  const em = app.em();
  const scorecard = await em.findOneOrFail(Scorecard, localIdOf(scorecardId, 'Scorecard')!);
  const revisions = await em.find(ScorecardRevision, { scorecard }, { orderBy: { number: 'asc' } });
  return {
    status: scorecard.status,
    version: scorecard.version,
    submittedAt: scorecard.submittedAt,
    latestRevision: scorecard.latestRevision?.id ?? null,
    revisions: revisions.map((revision) => revision.number),
    ratings: await em.count(Rating, { revision: { $in: revisions.map((revision) => revision.id) } }),
  };
}

// One interviewer of a panel: their user's node id and a client signed in as them.
export interface PanelMember {
  nodeId: string;
  as: GraphQLClient;
}

// A panel of the firm's recruiter and `colleagues` new staff users, in that order.
export async function createPanel(app: TestApp, testFirm: TestFirm, colleagues: number): Promise<PanelMember[]> {
  const panel: PanelMember[] = [{ nodeId: testFirm.recruiter.nodeId, as: testFirm.asRecruiter }];
  for (let index = 0; index < colleagues; index++) {
    const colleague = await createStaffUser(app, testFirm);
    panel.push({ nodeId: colleague.user.nodeId, as: colleague.as });
  }
  return panel;
}

// A competency interview of the candidacy with the whole panel, scheduled by `scheduler`: its id
// and each panelist's scorecard id, in panel order.
export async function schedulePanelInterview(
  scheduler: GraphQLClient,
  candidacyNodeId: string,
  panel: readonly PanelMember[],
): Promise<{ id: string; scorecardIds: string[] }> {
  const { scheduleInterview } = await scheduler.data(ScheduleInterviewDocument, {
    input: {
      candidacyId: candidacyNodeId,
      kind: 'COMPETENCY',
      scheduledAt: '2026-06-01T12:00:00.000Z',
      interviewerIds: panel.map((member) => member.nodeId),
    },
  });
  if (scheduleInterview.userErrors.length > 0)
    throw new Error(`scheduleInterview refused: ${JSON.stringify(scheduleInterview.userErrors)}`);
  const interview = scheduleInterview.interview!;
  const scorecardOf = (nodeId: string) => interview.scorecards.find((scorecard) => scorecard.interviewer.id === nodeId)!.id;
  return { id: interview.id, scorecardIds: panel.map((member) => scorecardOf(member.nodeId)) };
}

// A panelist's scorecard submitted the first time and amended after; `submitted` holds the ones
// submitted so far. A refused submission writes nothing and stays out of `submitted`.
export async function submitOrAmend(
  as: GraphQLClient,
  interviewId: string,
  scorecardId: string,
  ratings: RatingInput[],
  submitted: Set<string>,
): Promise<void> {
  if (submitted.has(scorecardId)) {
    await as.data(AmendScorecardDocument, {
      input: { scorecardId, ratings, recommendation: 'YES', summary: null, reason: 'Second thoughts.' },
    });
  } else {
    const { submitScorecard } = await as.data(SubmitScorecardDocument, {
      input: { interviewId, ratings, recommendation: 'YES', summary: null },
    });
    if (submitScorecard.userErrors.length === 0) submitted.add(scorecardId);
  }
}

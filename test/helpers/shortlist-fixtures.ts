import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../src/common/access';
import { localIdOf } from '../../src/common/global-id';
import { type Client, createClient } from '../../src/modules/client';
import type { User } from '../../src/modules/user';
import {
  createMandate,
  LeadershipLevel,
  Mandate,
  MandateStatus,
  type RequirementData,
  setRequirementProfile,
} from '../../src/modules/mandate';
import { type Candidate, ConsentStatus, createCandidate } from '../../src/modules/candidate';
import { addCandidateToMandate, Candidacy, CandidacyStage, moveCandidacy } from '../../src/modules/candidacy';
import { InterviewKind, Recommendation, scheduleInterview, submitScorecard } from '../../src/modules/interview';
import type { GraphQLClient } from './graphql-client';
import type { TestApp } from './test-app';
import { insertUser, signIn, type TestFirm } from './fixtures';

// What the role needs: three weighted competencies (one a must-have) and one not considered.
export const PROFILE: RequirementData[] = [
  { competencyKey: 'CUSTOMER_INSIGHT', weight: 0, target: 3, minimum: null },
  { competencyKey: 'OUTSIDE_IN', weight: 5, target: 4, minimum: 3 },
  { competencyKey: 'SERVICE_CULTURE', weight: 3, target: 4, minimum: null },
  { competencyKey: 'EXECUTION', weight: 2, target: 3, minimum: null },
];

// The scores of the two interviewers (admin, recruiter) per competency. With PROFILE:
// OUTSIDE_IN 4.5 (attainment 1), SERVICE_CULTURE 3.5 (5/6), EXECUTION 3 (1):
// fit = 100 × (5 + 3 × 5/6 + 2) / 10 = 95, coverage 1, must-haves met.
export const SCORES: Record<string, [number, number]> = {
  OUTSIDE_IN: [4, 5],
  SERVICE_CULTURE: [3, 4],
  EXECUTION: [4, 2],
};
export const EXPECTED_FIT = 95;

// Texts that must never reach a client user: each fixture candidate's contact data and tags,
// and the interviewers' evidence and summaries.
export const EVIDENCE_MARKER = 'EVIDENCE-7c1f';
export const SUMMARY_MARKER = 'SUMMARY-93ab';
export const TAG_MARKER = 'internal-tag-5d2e';

const FIRST_NAMES = ['Ingrid', 'Lars', 'Maja', 'Anders', 'Sofie', 'Henrik', 'Nora', 'Emil'];

export interface AssessedCandidacy {
  candidate: Candidate;
  candidacy: Candidacy;
}

export interface AssessedMandate {
  client: Client;
  mandate: Mandate;
  candidacies: AssessedCandidacy[];
}

export interface ClientContact {
  user: User;
  as: GraphQLClient;
}

// A client company of the firm with a signed-in contact person (a CLIENT user).
export async function insertClientWithContact(
  app: TestApp,
  testFirm: TestFirm,
  name = 'Havbris AS',
): Promise<{ client: Client } & ClientContact> {
  const unique = randomUUID().slice(0, 8);
  const { client, user } = await app.em().transactional(async (tx) => {
    const em = tx as EntityManager;
    const client = await createClient(em, testFirm.firm.id, { name: `${name} ${unique}`, country: 'NO' });
    const user = await createClientUser(em, testFirm, client, unique);
    return { client, user };
  });
  return { client, user, as: await signIn(app, user.email) };
}

// Another signed-in contact person of a client.
export async function insertClientContact(app: TestApp, testFirm: TestFirm, client: Client): Promise<ClientContact> {
  const user = await app.em().transactional((tx) => createClientUser(tx as EntityManager, testFirm, client, randomUUID().slice(0, 8)));
  return { user, as: await signIn(app, user.email) };
}

async function createClientUser(em: EntityManager, testFirm: TestFirm, client: Client, unique: string): Promise<User> {
  return insertUser(em, testFirm.firm.id, {
    email: `contact-${unique}@${testFirm.firm.slug}.example`,
    name: 'Kari Kontakt',
    role: Role.CLIENT,
    clientId: client.id,
  });
}

// An OPEN mandate of the client (default: the test firm's client) with PROFILE, and candidates
// in its pipeline at INTERVIEWING (moved there step by step), each interviewed by the firm's
// admin and recruiter with submitted scorecards (SCORES). Everything through the services.
export async function insertAssessedMandate(
  app: TestApp,
  testFirm: TestFirm,
  options: { client?: Client; candidates?: number; title?: string; status?: MandateStatus; assessed?: boolean } = {},
): Promise<AssessedMandate> {
  const firmId = testFirm.firm.id;
  const client = options.client ?? testFirm.client;
  const unique = randomUUID().slice(0, 8);
  return app.em().transactional(async (tx) => {
    const em = tx as EntityManager;
    const mandate = await createMandate(em, firmId, testFirm.recruiter.id, {
      title: options.title ?? 'Kundedirektør',
      clientId: client.id,
      leadershipLevel: LeadershipLevel.EXECUTIVE,
      location: 'Bergen',
    });
    await em.flush();
    await setRequirementProfile(em, firmId, mandate.id, { requirements: PROFILE });
    mandate.status = MandateStatus.OPEN;
    const candidacies: AssessedCandidacy[] = [];
    for (let index = 0; index < (options.candidates ?? 2); index += 1) {
      const firstName = FIRST_NAMES[index % FIRST_NAMES.length];
      const { candidate } = await createCandidate(em, firmId, {
        firstName,
        lastName: 'Solberg',
        email: `${firstName.toLowerCase()}.${unique}@private.example`,
        phone: `+47 912 00 ${String(100 + index)}`,
        headline: `Kundedirektør, Fjordkraft ${index + 1}`,
        location: 'Bergen',
        languages: ['nb', 'en'],
        linkedinUrl: `https://www.linkedin.com/in/${firstName.toLowerCase()}-${unique}`,
        tags: [TAG_MARKER],
        externalRefs: [{ system: 'greenhouse', externalId: `gh-${unique}-${index}` }],
        consent: { status: ConsentStatus.GIVEN, retainUntil: new Date('2030-12-31T00:00:00Z') },
      });
      const { candidacy } = await addCandidateToMandate(em, firmId, testFirm.recruiter.id, {
        mandateId: mandate.id,
        candidateId: candidate.id,
      });
      await em.flush();
      for (const stage of [CandidacyStage.SCREENING, CandidacyStage.INTERVIEWING]) {
        await moveCandidacy(em, firmId, testFirm.recruiter.id, { candidacyId: candidacy.id, stage });
      }
      if (options.assessed ?? true) await assess(em, testFirm, candidacy);
      candidacies.push({ candidate, candidacy });
    }
    mandate.status = options.status ?? MandateStatus.OPEN;
    return { client, mandate, candidacies };
  });
}

async function assess(em: EntityManager, testFirm: TestFirm, candidacy: Candidacy): Promise<void> {
  const firmId = testFirm.firm.id;
  const { interview } = await scheduleInterview(em, firmId, {
    candidacyId: candidacy.id,
    kind: InterviewKind.COMPETENCY,
    scheduledAt: new Date('2026-10-01T09:00:00Z'),
    interviewerIds: [testFirm.admin.nodeId, testFirm.recruiter.nodeId],
  });
  await em.flush();
  for (const [index, interviewer] of [testFirm.admin, testFirm.recruiter].entries()) {
    await submitScorecard(em, firmId, interviewer.id, {
      interviewId: interview.id,
      ratings: Object.entries(SCORES).map(([competencyKey, scores]) => ({
        competencyKey,
        score: scores[index],
        evidence: `${EVIDENCE_MARKER}: visited ten customers in her first week (${competencyKey}).`,
      })),
      recommendation: Recommendation.YES,
      summary: `${SUMMARY_MARKER}: strong on outside-in.`,
    });
    await em.flush();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type StoredRow = Record<string, any>;

// Everything the shortlist feature stores about one mandate, and what it moves: to assert that a
// refused mutation changed nothing.
export async function shortlistState(app: TestApp, mandateId: string) {
  const connection = app.em().getConnection();
  const rows = (sql: string) => connection.execute(sql, [mandateId]) as Promise<StoredRow[]>;
  const [shortlist, entries, publications, snapshots, feedback, candidacies, moves, mandate] = await Promise.all([
    rows('select * from shortlist where mandate_id = ?'),
    rows('select e.* from shortlist_entry e join shortlist s on s.id = e.shortlist_id where s.mandate_id = ? order by e.id'),
    rows('select p.* from shortlist_publication p join shortlist s on s.id = p.shortlist_id where s.mandate_id = ? order by p.id'),
    rows(
      'select n.* from shortlist_entry_snapshot n join shortlist_entry e on e.id = n.entry_id join shortlist s on s.id = e.shortlist_id where s.mandate_id = ? order by n.id',
    ),
    rows(
      'select f.* from shortlist_feedback f join shortlist_entry e on e.id = f.entry_id join shortlist s on s.id = e.shortlist_id where s.mandate_id = ? order by f.id',
    ),
    rows('select id, stage, updated_at from candidacy where mandate_id = ? order by id'),
    rows('select h.* from candidacy_stage_change h join candidacy c on c.id = h.candidacy_id where c.mandate_id = ? order by h.id'),
    rows('select status, updated_at from mandate where id = ?'),
  ]);
  return { shortlist, entries, publications, snapshots, feedback, candidacies, moves, mandate };
}

// The local id of an entry from its global id (ShortlistEntry or PresentedShortlistEntry).
export function entryLocalId(globalId: string): string {
  return (localIdOf(globalId, 'ShortlistEntry') ?? localIdOf(globalId, 'PresentedShortlistEntry'))!;
}

// Narrows a node(id) answer to the member of its union that has `field` (fails when it is null).
export function having<T extends object, K extends string>(node: T | null | undefined, field: K): Extract<T, Record<K, unknown>> {
  if (!node || !(field in node)) throw new Error(`expected a node with ${field}, got ${JSON.stringify(node)}`);
  return node as Extract<T, Record<K, unknown>>;
}

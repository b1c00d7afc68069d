import { FlushMode, ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { Role } from '../src/common/access';
import { Firm } from '../src/common/firm.entity';
import { createFirm } from '../src/modules/firm';
import { createUser, type User } from '../src/modules/user';
import { Client } from '../src/modules/client';
import { DEFAULT_RUBRIC_KEY, Rubric } from '../src/modules/rubric';
import { LeadershipLevel, Mandate, MandateStatus, Requirement } from '../src/modules/mandate';
import { Candidate, CandidateExternalRef, ConsentStatus, foldForSearch } from '../src/modules/candidate';
import { Candidacy, CandidacyStage, CandidacyStageChange } from '../src/modules/candidacy';
import { refreshCandidateProfiles } from '../src/modules/competency-profile';
import { Interview, InterviewKind, Rating, Recommendation, Scorecard, ScorecardRevision, ScorecardStatus } from '../src/modules/interview';
import { UserInputError } from '../src/common/errors';
import {
  addToShortlist,
  FeedbackDecision,
  giveShortlistFeedback,
  publishShortlist,
  Shortlist,
  ShortlistEntry,
} from '../src/modules/shortlist';
import {
  demoFirms,
  type DemoCandidacy,
  type DemoCandidate,
  type DemoFirm,
  type DemoInterview,
  type DemoMandate,
  type DemoScorecard,
} from './data/demo-world';

// The demo firms of PRODUCT.md and their fictional world. Loads once: a firm already
// present is left as it is.
export class DemoSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    await seedDemo(em);
  }
}

// Loads every demo firm that is not there yet, in one transaction. Returns whether it loaded
// anything.
export async function seedDemo(em: EntityManager): Promise<boolean> {
  // Seeding works across firms, before any request: the tenant filter does not apply.
  const present = await em.find(Firm, { slug: { $in: demoFirms.map((firm) => firm.slug) } }, { filters: false });
  const missing = demoFirms.filter((demo) => !present.some((firm) => firm.slug === demo.slug));
  if (missing.length === 0) return false;
  // COMMIT: the email checks of createUser must not flush the half-built world early.
  await em.transactional(
    async (transaction) => {
      for (const demo of missing) await loadFirm(transaction, demo);
    },
    { flushMode: FlushMode.COMMIT },
  );
  return true;
}

// The world of one firm, in memory. Times come from the data: each row is dated by the
// event that made it, and what the data does not date is dated at the firm's first event.
async function loadFirm(em: EntityManager, demo: DemoFirm): Promise<void> {
  const since = firstEventOf(demo);
  const firm = createFirm(em, { name: demo.name, slug: demo.slug });
  const rubric = defaultRubricOf(em, firm);
  dated(firm, since);
  dated(rubric, since);
  rubric.publishedAt = since;
  for (const competency of rubric.competencies) dated(competency, since);

  const clients = new Map<string, Client>();
  for (const data of demo.clients) {
    const client = em.create(Client, {
      firm,
      name: data.name,
      organisationNumber: data.organisationNumber,
      industry: data.industry,
      employeeCount: data.employeeCount,
      country: data.country,
    });
    // A client comes with its first mandate.
    const mandates = demo.mandates.filter((mandate) => mandate.clientRef === data.ref);
    clients.set(data.ref, dated(client, earliest(sourcingsOf(mandates), since)));
  }

  // Clients exist before their users: createUser refers to the client by id. One at a time:
  // each checks its email on the transaction's single connection, which takes one query at a time.
  const users = new Map<string, User>();
  for (const data of demo.users) {
    const user = await createUser(em, firm.id, {
      email: data.email,
      name: data.name,
      role: Role[data.role],
      password: data.password,
      clientId: data.clientRef ? find(clients, data.clientRef, 'client').id : null,
    });
    users.set(data.email, dated(user, since));
  }

  const candidates = new Map<string, Candidate>();
  for (const data of demo.candidates) candidates.set(data.ref, createCandidate(em, firm, data, since, demo.mandates));

  const mandates = new Map<string, { mandate: Mandate; candidacies: Map<string, Candidacy> }>();
  for (const data of demo.mandates) {
    const createdAt = mandateCreatedAt(data, since);
    const mandate = em.create(Mandate, {
      firm,
      title: data.title,
      client: find(clients, data.clientRef, 'client'),
      leadershipLevel: LeadershipLevel[data.leadershipLevel],
      location: data.location,
      leadRecruiter: find(users, data.leadRecruiterEmail, 'user'),
      status: MandateStatus[data.status],
      rubric,
    });
    const moves = data.candidacies.flatMap((candidacy) => candidacy.history.map((move) => move.at));
    dated(mandate, createdAt, latest(moves, createdAt));
    for (const requirement of data.requirements) {
      const row = em.create(Requirement, {
        firm,
        mandate,
        competencyKey: requirement.competencyKey,
        weight: requirement.weight,
        target: requirement.target,
        minimum: requirement.minimum ?? null,
      });
      dated(row, createdAt);
    }
    const candidacies = new Map<string, Candidacy>();
    for (const candidacy of data.candidacies) {
      const candidate = find(candidates, candidacy.candidateRef, 'candidate');
      candidacies.set(candidacy.candidateRef, createCandidacy(em, firm, mandate, candidate, candidacy, users));
    }
    mandates.set(data.ref, { mandate, candidacies });
  }

  // Shortlists go through the shortlist services, as the recruiters' and client's mutations
  // would: they find their rows in the database, so the world above is flushed first (still in
  // the one transaction), and they run as the firm (the tenant filter).
  const shortlisted = demo.mandates.filter((data) => data.shortlist);
  await em.flush();
  em.setFilterParams('tenant', { firmId: firm.id });
  for (const data of shortlisted) {
    const { mandate, candidacies } = find(mandates, data.ref, 'mandate');
    await loadShortlist(em, firm, mandate, data, candidacies, users);
  }
  // The scorecards above were written as rows, not through submitScorecard: the talent pool's
  // maintained profile is computed once for every demo candidate.
  await refreshCandidateProfiles(
    em,
    firm.id,
    [...candidates.values()].map((candidate) => candidate.id),
  );
}

// One mandate's shortlist: its entries in order with their notes, the publication when the
// data has it published, and the client's answers. The services stamp "now"; the rows are then
// dated from the data. Candidacy stages and the mandate's status stay as the data has them.
async function loadShortlist(
  em: EntityManager,
  firm: Firm,
  mandate: Mandate,
  data: DemoMandate,
  candidacies: Map<string, Candidacy>,
  users: Map<string, User>,
): Promise<void> {
  const shortlist = data.shortlist!;
  const lead = find(users, data.leadRecruiterEmail, 'user');
  const step = <T>(what: string, work: () => Promise<T>) => demoStep(`${data.ref}: ${what}`, work);

  let list: Shortlist | null = null;
  const entries = new Map<string, { entry: ShortlistEntry; addedAt: Date }>();
  for (const item of shortlist.entries) {
    // Added when the candidacy was shortlisted, by whoever shortlisted it.
    const history = candidacyData(data, item.candidateRef).history;
    const move = [...history].reverse().find((earlier) => earlier.stage === 'SHORTLISTED') ?? history[history.length - 1];
    const added = await step(`adding ${item.candidateRef} to the shortlist`, () =>
      addToShortlist(em, firm.id, move.stage === 'SHORTLISTED' ? find(users, move.byEmail, 'user').id : lead.id, {
        mandateId: mandate.id,
        candidacyId: find(candidacies, item.candidateRef, 'candidacy').id,
        note: item.note,
      }),
    );
    list = added.shortlist;
    entries.set(item.candidateRef, { entry: added.entry, addedAt: new Date(move.at) });
  }
  if (!list) return;
  // The shortlist exists since its first entry was added.
  const addedTimes = [...entries.values()].map(({ addedAt }) => addedAt.toISOString());
  const createdAt = earliest(addedTimes, new Date(addedTimes[0]));
  const lastAdded = latest(addedTimes, createdAt);

  let publishedAt: Date | null = null;
  if (shortlist.published) {
    // When the data says, else when its candidacies were presented; by whoever presented them.
    const presented = shortlist.entries
      .flatMap((item) => candidacyData(data, item.candidateRef).history)
      .filter((move) => move.stage === 'PRESENTED');
    publishedAt = shortlist.publishedAt
      ? new Date(shortlist.publishedAt)
      : latest(
          presented.map((move) => move.at),
          lastAdded,
        );
    const at = publishedAt.getTime();
    const publisher = presented.find((move) => Date.parse(move.at) === at)?.byEmail;
    await step('publishing the shortlist', () =>
      publishShortlist(em, firm.id, publisher ? find(users, publisher, 'user').id : lead.id, { mandateId: mandate.id }),
    );
    list.publishedAt = publishedAt;
    for (const { entry } of entries.values()) {
      const snapshot = entry.published!.getEntity();
      dated(snapshot, publishedAt);
      dated(snapshot.publication.getEntity(), publishedAt);
    }
    await em.flush();
  }

  for (const answer of shortlist.feedback) {
    const author = find(users, answer.clientUserEmail, 'user');
    const { feedback } = await step(`feedback of ${answer.clientUserEmail} on ${answer.candidateRef}`, () =>
      giveShortlistFeedback(
        em,
        firm.id,
        { userId: author.id, clientId: author.client?.id ?? null },
        {
          entryId: find(entries, answer.candidateRef, 'shortlist entry').entry.id,
          decision: FeedbackDecision[answer.decision],
          comment: answer.comment,
        },
      ),
    );
    // An answer the data does not date was given when the client first saw the candidate.
    dated(feedback, answer.givenAt ? new Date(answer.givenAt) : (publishedAt ?? lastAdded));
  }
  await em.flush();

  for (const [candidateRef, candidacy] of candidacies) {
    const expected = CandidacyStage[candidacyData(data, candidateRef).stage];
    if (candidacy.stage !== expected) {
      throw new Error(`Demo data: ${data.ref}: the shortlist moved ${candidateRef} to ${candidacy.stage}, the data has ${expected}.`);
    }
  }
  if (mandate.status !== MandateStatus[data.status]) {
    throw new Error(`Demo data: ${data.ref}: publishing made the mandate ${mandate.status}, the data has ${data.status}.`);
  }

  // The rows the services changed after inserting them are dated directly: a flush would stamp
  // them with now. Nothing else changes them before the commit.
  await em.nativeUpdate(Shortlist, { id: list.id, firm: firm.id }, { createdAt, updatedAt: publishedAt ?? lastAdded });
  for (const { entry, addedAt } of entries.values()) {
    await em.nativeUpdate(ShortlistEntry, { id: entry.id, firm: firm.id }, { createdAt: addedAt, updatedAt: publishedAt ?? addedAt });
  }
}

function candidacyData(mandate: DemoMandate, candidateRef: string): DemoCandidacy {
  const candidacy = mandate.candidacies.find((row) => row.candidateRef === candidateRef);
  if (!candidacy) throw new Error(`Demo data: ${mandate.ref} has no candidacy of ${candidateRef}.`);
  return candidacy;
}

// A service call of the seeding: a refusal means the data breaks a rule of the product.
async function demoStep<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UserInputError) throw new Error(`Demo data: ${what} was refused: ${error.message}`);
    throw error;
  }
}

function createCandidate(em: EntityManager, firm: Firm, data: DemoCandidate, since: Date, mandates: DemoMandate[]): Candidate {
  const candidate = em.create(Candidate, {
    firm,
    firstName: data.firstName,
    lastName: data.lastName,
    email: data.email,
    phone: data.phone,
    headline: data.headline,
    location: data.location,
    languages: data.languages,
    linkedinUrl: data.linkedinUrl,
    tags: data.tags,
    consentStatus: ConsentStatus[data.consent.status],
    consentGivenAt: data.consent.givenAt ? new Date(data.consent.givenAt) : null,
    retainUntil: data.consent.retainUntil ? new Date(data.consent.retainUntil) : null,
    searchText: foldForSearch(`${data.firstName} ${data.lastName} ${data.email} ${data.headline}`),
  });
  // Known to the firm since their first sourcing or their consent, whichever came first.
  const sourcings = mandates.flatMap((mandate) =>
    mandate.candidacies.filter((candidacy) => candidacy.candidateRef === data.ref).map((candidacy) => candidacy.history[0].at),
  );
  const consents = data.consent.givenAt ? [data.consent.givenAt] : [];
  const createdAt = earliest([...sourcings, ...consents], since);
  dated(candidate, createdAt, latest(consents, createdAt));
  for (const external of data.externalRefs) {
    const row = em.create(CandidateExternalRef, { firm, candidate, system: external.system, externalId: external.externalId });
    dated(row, createdAt);
  }
  return candidate;
}

function createCandidacy(
  em: EntityManager,
  firm: Firm,
  mandate: Mandate,
  candidate: Candidate,
  data: DemoCandidacy,
  users: Map<string, User>,
): Candidacy {
  const candidacy = em.create(Candidacy, { firm, mandate, candidate, stage: CandidacyStage[data.stage] });
  dated(candidacy, new Date(data.history[0].at), new Date(data.history[data.history.length - 1].at));
  data.history.forEach((move, index) => {
    const change = em.create(CandidacyStageChange, {
      firm,
      candidacy,
      fromStage: index === 0 ? null : CandidacyStage[data.history[index - 1].stage],
      toStage: CandidacyStage[move.stage],
      reason: move.reason,
      movedBy: find(users, move.byEmail, 'user'),
    });
    dated(change, new Date(move.at));
  });
  for (const interview of data.interviews) createInterview(em, firm, candidacy, data, interview, users);
  return candidacy;
}

function createInterview(
  em: EntityManager,
  firm: Firm,
  candidacy: Candidacy,
  candidacyData: DemoCandidacy,
  data: DemoInterview,
  users: Map<string, User>,
): void {
  const interview = em.create(Interview, {
    firm,
    candidacy,
    kind: InterviewKind[data.kind],
    scheduledAt: new Date(data.scheduledAt),
  });
  // Booked with the last move of the candidacy before it took place.
  const booked = candidacyData.history.map((move) => move.at).filter((at) => at <= data.scheduledAt);
  const bookedAt = latest(booked, new Date(candidacyData.history[0].at));
  dated(interview, bookedAt);
  // The panel: one scorecard per interviewer, a draft unless the data has it submitted.
  for (const email of data.interviewerEmails) {
    const card = data.scorecards.find((scorecard) => scorecard.interviewerEmail === email);
    createScorecard(em, firm, interview, find(users, email, 'user'), card, bookedAt);
  }
}

function createScorecard(
  em: EntityManager,
  firm: Firm,
  interview: Interview,
  interviewer: User,
  data: DemoScorecard | undefined,
  bookedAt: Date,
): void {
  const scorecard = em.create(Scorecard, { firm, interview, interviewer });
  dated(scorecard, bookedAt);
  if (data?.status !== 'SUBMITTED') return;
  if (!data.submittedAt) throw new Error(`Demo data: a submitted scorecard of ${interviewer.email} has no submittedAt.`);
  const submittedAt = new Date(data.submittedAt);
  const revision = em.create(ScorecardRevision, {
    firm,
    scorecard,
    number: 1,
    recommendation: Recommendation[data.recommendation],
    summary: data.summary,
    author: interviewer,
  });
  dated(revision, submittedAt);
  for (const rating of data.ratings) {
    if (rating.score !== null && !rating.evidence) {
      throw new Error(`Demo data: ${rating.competencyKey} of ${interviewer.email} has a score without evidence.`);
    }
    const row = em.create(Rating, { firm, revision, competencyKey: rating.competencyKey, score: rating.score, evidence: rating.evidence });
    dated(row, submittedAt);
  }
  scorecard.status = ScorecardStatus.SUBMITTED;
  scorecard.submittedAt = submittedAt;
  scorecard.latestRevision = ref(revision);
  scorecard.updatedAt = submittedAt;
}

// createFirm installs the default rubric without returning it; it is still pending, so it
// is found among the entities to insert (a query would flush, or find nothing).
function defaultRubricOf(em: EntityManager, firm: Firm): Rubric {
  for (const entity of em.getUnitOfWork().getPersistStack()) {
    if (entity instanceof Rubric && entity.firm.unwrap() === firm && entity.key === DEFAULT_RUBRIC_KEY) return entity;
  }
  throw new Error(`createFirm did not install the default rubric for ${firm.slug}.`);
}

// A mandate starts with its first sourcing; one without candidacies at the firm's first event.
function mandateCreatedAt(mandate: DemoMandate, since: Date): Date {
  return earliest(sourcingsOf([mandate]), since);
}

function sourcingsOf(mandates: DemoMandate[]): string[] {
  return mandates.flatMap((mandate) => mandate.candidacies.map((candidacy) => candidacy.history[0].at));
}

function firstEventOf(demo: DemoFirm): Date {
  const times = [
    ...demo.candidates.flatMap((candidate) => (candidate.consent.givenAt ? [candidate.consent.givenAt] : [])),
    ...demo.mandates.flatMap((mandate) =>
      mandate.candidacies.flatMap((candidacy) => [
        ...candidacy.history.map((move) => move.at),
        ...candidacy.interviews.map((interview) => interview.scheduledAt),
      ]),
    ),
  ];
  if (times.length === 0) throw new Error(`Demo data: ${demo.slug} has no dated event.`);
  return earliest(times, new Date(times[0]));
}

function dated<T extends { createdAt: Date; updatedAt: Date }>(entity: T, createdAt: Date, updatedAt: Date = createdAt): T {
  entity.createdAt = createdAt;
  entity.updatedAt = updatedAt;
  return entity;
}

// The earliest (latest) of ISO times, or `otherwise` when there are none.
function earliest(times: string[], otherwise: Date): Date {
  return times.length > 0 ? new Date(Math.min(...times.map((time) => Date.parse(time)))) : otherwise;
}

function latest(times: string[], otherwise: Date): Date {
  return times.length > 0 ? new Date(Math.max(...times.map((time) => Date.parse(time)))) : otherwise;
}

function find<T>(rows: Map<string, T>, key: string, what: string): T {
  const row = rows.get(key);
  if (!row) throw new Error(`Demo data: unknown ${what} ${key}.`);
  return row;
}

import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { toGlobalId } from '../../src/common/global-id';
import { type Candidate, ConsentStatus, createCandidate } from '../../src/modules/candidate';
import { addCandidateToMandate, type Candidacy, CandidacyStage, moveCandidacy } from '../../src/modules/candidacy';
import {
  amendScorecard,
  InterviewKind,
  Recommendation,
  saveScorecardDraft,
  scheduleInterview,
  Scorecard,
  submitScorecard,
} from '../../src/modules/interview';
import { createUser } from '../../src/modules/user';
import { Role } from '../../src/common/access';
import { createMandate, LeadershipLevel, type Mandate, MandateStatus, setRequirementProfile } from '../../src/modules/mandate';
import {
  addToShortlist,
  FeedbackDecision,
  giveShortlistFeedback,
  publishShortlist,
  withdrawFromShortlist,
} from '../../src/modules/shortlist';
import { ShortlistEntry } from '../../src/modules/shortlist';
import { WEBHOOK_EVENT_TYPES, WebhookSubscription } from '../../src/modules/webhook';
import type { TestApp } from '../helpers/test-app';
import type { GraphQLClient, GraphQLResponse } from '../helpers/graphql-client';
import { PASSWORD, type TestFirm } from '../helpers/fixtures';
import { PROFILE, SCORES } from '../helpers/shortlist-fixtures';

// The values a person leaves in the database, each distinctive (a random part), so a scan of every
// column can tell whether any of them is still stored anywhere.
export interface PersonMarks {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  headline: string;
  location: string;
  linkedinUrl: string;
  tag: string;
  externalId: string;
  addReason: string;
  moveReason: string;
  evidence: string;
  summary: string;
  amendedEvidence: string;
  amendedSummary: string;
  amendReason: string;
  firstNote: string;
  withdrawalReason: string;
  secondNote: string;
  firstComment: string;
  secondComment: string;
  // Saved in a colleague's unsubmitted draft: theirs alone, in no one else's export.
  draftEvidence: string;
  draftSummary: string;
}

export function personMarks(): PersonMarks {
  const u = randomUUID().replace(/-/g, '').slice(0, 10);
  const digits = String(parseInt(u.slice(0, 8), 16))
    .padStart(8, '0')
    .slice(-8);
  return {
    firstName: `Firstname${u}`,
    lastName: `Lastname${u}`,
    email: `mail.${u}@private.example`,
    phone: `+47 ${digits.slice(0, 4)} ${digits.slice(4)}`,
    headline: `Headline ${u}, Fjordkraft`,
    location: `Location ${u}`,
    linkedinUrl: `https://www.linkedin.com/in/profile-${u}`,
    tag: `tag-${u}`,
    externalId: `ats-${u}`,
    addReason: `Added because ${u}`,
    moveReason: `Moved because ${u}`,
    evidence: `Evidence ${u}: visited ten customers`,
    summary: `Summary ${u}: strong on outside-in`,
    amendedEvidence: `Amended evidence ${u}`,
    amendedSummary: `Amended summary ${u}`,
    amendReason: `Amended because ${u}`,
    firstNote: `First note ${u}`,
    withdrawalReason: `Withdrawn because ${u}`,
    secondNote: `Second note ${u}`,
    firstComment: `First comment ${u}`,
    secondComment: `Second comment ${u}`,
    draftEvidence: `Draft evidence ${u}`,
    draftSummary: `Draft summary ${u}`,
  };
}

// Every distinctive value of a person, as stored (the phone as written).
export function markValues(marks: PersonMarks): string[] {
  return Object.values(marks);
}

export interface PersonWithHistory {
  marks: PersonMarks;
  candidate: Candidate;
  candidacy: Candidacy;
  mandate: Mandate;
}

// An OPEN mandate of the firm's client with PROFILE.
export async function insertGdprMandate(app: TestApp, testFirm: TestFirm): Promise<Mandate> {
  return app.em().transactional(async (tx) => {
    const em = tx as EntityManager;
    const mandate = await createMandate(em, testFirm.firm.id, testFirm.recruiter.id, {
      title: 'Kundedirektør',
      clientId: testFirm.client.id,
      leadershipLevel: LeadershipLevel.EXECUTIVE,
    });
    await em.flush();
    await setRequirementProfile(em, testFirm.firm.id, mandate.id, { requirements: PROFILE });
    mandate.status = MandateStatus.OPEN;
    return mandate;
  });
}

// A candidate with a distinctive value in every personal field and in every table that holds data
// about them: external ref, candidacy with reasons for its moves, an interview with two submitted
// scorecards (one amended), a second interview with a colleague's saved draft, two shortlist entries (the first withdrawn), two publications and the
// client's comments on both entries. Written through the services, as the mutations write them.
export async function insertPersonWithHistory(app: TestApp, testFirm: TestFirm, mandate: Mandate): Promise<PersonWithHistory> {
  const marks = personMarks();
  const firmId = testFirm.firm.id;
  const recruiterId = testFirm.recruiter.id;
  const client = { userId: testFirm.clientUser.id, clientId: testFirm.client.id };
  const inTransaction = <T>(work: (em: EntityManager) => Promise<T>) => app.em().transactional((tx) => work(tx as EntityManager));

  const { candidate, candidacy } = await inTransaction(async (em) => {
    const { candidate } = await createCandidate(em, firmId, {
      firstName: marks.firstName,
      lastName: marks.lastName,
      email: marks.email,
      phone: marks.phone,
      headline: marks.headline,
      location: marks.location,
      languages: ['nb', 'fo'],
      linkedinUrl: marks.linkedinUrl,
      tags: [marks.tag],
      externalRefs: [{ system: 'greenhouse', externalId: marks.externalId }],
      consent: { status: ConsentStatus.GIVEN, retainUntil: new Date('2031-06-30T00:00:00Z') },
    });
    const { candidacy } = await addCandidateToMandate(em, firmId, recruiterId, {
      mandateId: mandate.id,
      candidateId: candidate.id,
      reason: marks.addReason,
    });
    await em.flush();
    await moveCandidacy(em, firmId, recruiterId, { candidacyId: candidacy.id, stage: CandidacyStage.SCREENING, reason: marks.moveReason });
    await moveCandidacy(em, firmId, recruiterId, { candidacyId: candidacy.id, stage: CandidacyStage.INTERVIEWING });
    return { candidate, candidacy };
  });

  const { interview } = await inTransaction((em) =>
    scheduleInterview(em, firmId, {
      candidacyId: candidacy.id,
      kind: InterviewKind.COMPETENCY,
      scheduledAt: new Date('2026-10-01T09:00:00Z'),
      interviewerIds: [testFirm.admin.nodeId, testFirm.recruiter.nodeId],
    }),
  );
  for (const [index, interviewer] of [testFirm.admin, testFirm.recruiter].entries()) {
    await inTransaction((em) =>
      submitScorecard(em, firmId, interviewer.id, {
        interviewId: interview.id,
        ratings: Object.entries(SCORES).map(([competencyKey, scores]) => ({
          competencyKey,
          score: scores[index],
          evidence: `${marks.evidence} (${competencyKey})`,
        })),
        recommendation: Recommendation.YES,
        summary: marks.summary,
      }),
    );
  }
  const recruiterCard = await app.em().findOneOrFail(Scorecard, { interview: interview.id, interviewer: recruiterId });
  await inTransaction((em) =>
    amendScorecard(em, firmId, recruiterId, {
      scorecardId: recruiterCard.id,
      ratings: Object.entries(SCORES).map(([competencyKey, scores]) => ({
        competencyKey,
        score: scores[1],
        evidence: `${marks.amendedEvidence} (${competencyKey})`,
      })),
      recommendation: Recommendation.STRONG_YES,
      summary: marks.amendedSummary,
      reason: marks.amendReason,
    }),
  );

  // A colleague of the firm's interview, still in progress: a draft with evidence and a summary.
  const colleague = await inTransaction((em) =>
    createUser(em, firmId, {
      email: `colleague.${randomUUID().slice(0, 8)}@${testFirm.firm.slug}.example`,
      name: 'Draft Colleague',
      role: Role.RECRUITER,
      password: PASSWORD,
    }),
  );
  const { interview: inProgress } = await inTransaction((em) =>
    scheduleInterview(em, firmId, {
      candidacyId: candidacy.id,
      kind: InterviewKind.CLIENT,
      scheduledAt: new Date('2026-10-08T09:00:00Z'),
      interviewerIds: [colleague.nodeId],
    }),
  );
  await inTransaction((em) =>
    saveScorecardDraft(em, firmId, colleague.id, {
      interviewId: inProgress.id,
      ratings: [{ competencyKey: Object.keys(SCORES)[0], score: 3, evidence: marks.draftEvidence }],
      recommendation: Recommendation.YES,
      summary: marks.draftSummary,
    }),
  );

  const { entry: first } = await inTransaction((em) =>
    addToShortlist(em, firmId, recruiterId, { mandateId: mandate.id, candidacyId: candidacy.id, note: marks.firstNote }),
  );
  await inTransaction((em) => publishShortlist(em, firmId, recruiterId, { mandateId: mandate.id }));
  await inTransaction((em) =>
    giveShortlistFeedback(em, firmId, client, { entryId: first.id, decision: FeedbackDecision.MAYBE, comment: marks.firstComment }),
  );
  await inTransaction((em) => withdrawFromShortlist(em, firmId, recruiterId, { entryId: first.id, reason: marks.withdrawalReason }));
  const { entry: second } = await inTransaction((em) =>
    addToShortlist(em, firmId, recruiterId, { mandateId: mandate.id, candidacyId: candidacy.id, note: marks.secondNote }),
  );
  await inTransaction((em) => publishShortlist(em, firmId, recruiterId, { mandateId: mandate.id }));
  await inTransaction((em) =>
    giveShortlistFeedback(em, firmId, client, { entryId: second.id, decision: FeedbackDecision.INTERESTED, comment: marks.secondComment }),
  );
  return { marks, candidate, candidacy, mandate };
}

// A mutation sent over HTTP with an Idempotency-Key, kept so that a test can send it again with
// the same key, and the first response to it.
export interface KeyedRequest {
  name: string;
  caller: GraphQLClient;
  document: TypedDocumentNode<Record<string, unknown>, Record<string, unknown>>;
  variables: Record<string, unknown>;
  key: string;
  first: GraphQLResponse<Record<string, unknown>>;
}

export async function sendKeyed(
  name: string,
  caller: GraphQLClient,
  query: string,
  variables: Record<string, unknown>,
): Promise<KeyedRequest> {
  const document = parse(query) as TypedDocumentNode<Record<string, unknown>, Record<string, unknown>>;
  const key = `gdpr-${name}-${randomUUID()}`;
  const first = await caller.request(document, variables, { 'Idempotency-Key': key });
  if (first.status !== 200 || first.errors || !first.data) throw new Error(`${name}: ${first.status} ${first.raw}`);
  const payload = Object.values(first.data)[0] as { userErrors?: unknown[] };
  if (payload.userErrors?.length) throw new Error(`${name}: ${first.raw}`);
  return { name, caller, document, variables, key, first };
}

export function resend(request: KeyedRequest): Promise<GraphQLResponse<Record<string, unknown>>> {
  return request.caller.request(request.document, request.variables, { 'Idempotency-Key': request.key });
}

// The texts written about the person through the API, and the keyed requests that wrote them.
export interface KeyedHistory {
  texts: string[];
  requests: KeyedRequest[];
}

// A second candidacy of the person (on a new mandate), written over HTTP as a recruiter and the
// client user would, every mutation that carries a text about them sent with an Idempotency-Key so
// its response is stored for replay. Each selects the text it wrote back and, where it can, no id
// at all (submitScorecard: scorecard { summary ratings { evidence } }): a stored response may be
// about the person without naming them.
export async function writeKeyedHistory(app: TestApp, testFirm: TestFirm, person: PersonWithHistory): Promise<KeyedHistory> {
  const u = randomUUID().replace(/-/g, '').slice(0, 10);
  const texts = {
    addReason: `Keyed add reason ${u}`,
    moveReason: `Keyed move reason ${u}`,
    evidence: `Keyed evidence ${u}`,
    summary: `Keyed summary ${u}`,
    amendedEvidence: `Keyed amended evidence ${u}`,
    amendedSummary: `Keyed amended summary ${u}`,
    amendReason: `Keyed amend reason ${u}`,
    note: `Keyed note ${u}`,
    comment: `Keyed comment ${u}`,
    withdrawalReason: `Keyed withdrawal reason ${u}`,
  };
  const mandate = await insertGdprMandate(app, testFirm);
  const mandateId = mandate.nodeId;
  const errors = 'userErrors { code field }';
  const ratings = (evidence: string, interviewer: number) =>
    Object.entries(SCORES).map(([competencyKey, scores]) => ({
      competencyKey,
      score: scores[interviewer],
      evidence: `${evidence} (${competencyKey})`,
    }));
  const requests: KeyedRequest[] = [];

  requests.push(
    await sendKeyed(
      'addCandidateToMandate',
      testFirm.asRecruiter,
      `mutation ($input: AddCandidateToMandateInput!) { addCandidateToMandate(input: $input) { candidacy { history { reason } } ${errors} } }`,
      { input: { mandateId, candidateId: person.candidate.nodeId, reason: texts.addReason } },
    ),
  );
  const [{ id: candidacyLocalId }] = await app
    .em()
    .getConnection()
    .execute(`select "id" from "candidacy" where "mandate_id" = ? and "candidate_id" = ?`, [mandate.id, person.candidate.id]);
  const candidacyId = toGlobalId('Candidacy', candidacyLocalId);
  requests.push(
    await sendKeyed(
      'moveCandidacy',
      testFirm.asRecruiter,
      `mutation ($input: MoveCandidacyInput!) { moveCandidacy(input: $input) { candidacy { history { reason } } ${errors} } }`,
      { input: { candidacyId, stage: 'SCREENING', reason: texts.moveReason } },
    ),
  );
  const move = parse(`mutation ($input: MoveCandidacyInput!) { moveCandidacy(input: $input) { ${errors} } }`);
  await testFirm.asRecruiter.data(move as TypedDocumentNode, { input: { candidacyId, stage: 'INTERVIEWING' } });
  const schedule = parse(
    `mutation ($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { interview { id } ${errors} } }`,
  ) as TypedDocumentNode<{ scheduleInterview: { interview: { id: string } } }, Record<string, unknown>>;
  const { scheduleInterview } = await testFirm.asRecruiter.data(schedule, {
    input: {
      candidacyId,
      kind: 'COMPETENCY',
      scheduledAt: '2026-11-02T09:00:00Z',
      interviewerIds: [testFirm.admin.nodeId, testFirm.recruiter.nodeId],
    },
  });
  requests.push(
    await sendKeyed(
      'submitScorecard',
      testFirm.asRecruiter,
      `mutation ($input: SubmitScorecardInput!) { submitScorecard(input: $input) { scorecard { summary ratings { evidence } } ${errors} } }`,
      {
        input: {
          interviewId: scheduleInterview.interview.id,
          ratings: ratings(texts.evidence, 1),
          recommendation: 'YES',
          summary: texts.summary,
        },
      },
    ),
  );
  const [{ id: scorecardLocalId }] = await app
    .em()
    .getConnection()
    .execute(
      `select s."id" from "scorecard" s join "interview" i on i."id" = s."interview_id" where i."candidacy_id" = ? and s."interviewer_id" = ?`,
      [candidacyLocalId, testFirm.recruiter.id],
    );
  requests.push(
    await sendKeyed(
      'amendScorecard',
      testFirm.asRecruiter,
      `mutation ($input: AmendScorecardInput!) {
         amendScorecard(input: $input) { scorecard { revisions { summary reason ratings { evidence } } } ${errors} }
       }`,
      {
        input: {
          scorecardId: toGlobalId('Scorecard', scorecardLocalId),
          ratings: ratings(texts.amendedEvidence, 1),
          recommendation: 'STRONG_YES',
          summary: texts.amendedSummary,
          reason: texts.amendReason,
        },
      },
    ),
  );
  requests.push(
    await sendKeyed(
      'addToShortlist',
      testFirm.asRecruiter,
      `mutation ($input: AddToShortlistInput!) { addToShortlist(input: $input) { entry { note } ${errors} } }`,
      { input: { mandateId, candidacyId, note: texts.note } },
    ),
  );
  requests.push(
    await sendKeyed(
      'publishShortlist',
      testFirm.asRecruiter,
      `mutation ($input: PublishShortlistInput!) { publishShortlist(input: $input) { shortlist { entries { publishedNote } } ${errors} } }`,
      { input: { mandateId } },
    ),
  );
  const entry = await app.em().findOneOrFail(ShortlistEntry, { candidacy: candidacyLocalId });
  requests.push(
    await sendKeyed(
      'giveShortlistFeedback',
      testFirm.asClientUser,
      `mutation ($input: GiveShortlistFeedbackInput!) { giveShortlistFeedback(input: $input) { feedback { comment } ${errors} } }`,
      { input: { entryId: toGlobalId('PresentedShortlistEntry', entry.id), decision: 'INTERESTED', comment: texts.comment } },
    ),
  );
  requests.push(
    await sendKeyed(
      'withdrawFromShortlist',
      testFirm.asRecruiter,
      `mutation ($input: WithdrawFromShortlistInput!) { withdrawFromShortlist(input: $input) { entry { withdrawalReason } ${errors} } }`,
      { input: { entryId: entry.nodeId, reason: texts.withdrawalReason } },
    ),
  );
  return { texts: Object.values(texts), requests };
}

// A subscription of the firm to every event, so events are written to the outbox.
export async function subscribeToEveryEvent(app: TestApp, testFirm: TestFirm): Promise<void> {
  await app.em().transactional(async (tx) => {
    (tx as EntityManager).create(WebhookSubscription, {
      firm: testFirm.firm.id,
      url: 'https://ats.example/hooks/outside-in',
      events: [...WEBHOOK_EVENT_TYPES],
      secret: 'whsec_gdpr',
    });
  });
}

export interface Hit {
  column: string;
  value: string;
}

// Every column of every table in every schema of the database (ours, pg-boss's, the migrations'):
// text, json, jsonb and arrays, the responses stored for Idempotency-Key replays among them, and
// every other type as its text (bytea with its bytes escaped), searched for each value, ignoring case.
export async function findEverywhere(app: TestApp, values: string[]): Promise<Hit[]> {
  const connection = app.em().getConnection();
  const columns: { table_schema: string; table_name: string; column_name: string; data_type: string }[] = await connection.execute(
    `select c.table_schema, c.table_name, c.column_name, c.data_type
       from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where t.table_type = 'BASE TABLE'
        and c.table_schema not in ('pg_catalog', 'information_schema')
      order by 1, 2, 3`,
  );
  const hits: Hit[] = [];
  for (const { table_schema: schema, table_name: table, column_name: column, data_type: type } of columns) {
    const text = type === 'bytea' ? `encode(t."${column}", 'escape')` : `t."${column}"::text`;
    const rows: { value: string }[] = await connection.execute(
      `select distinct v.value from "${schema}"."${table}" t, unnest(?::text[]) as v(value)
        where strpos(lower(${text}), lower(v.value)) > 0`,
      [`{${values.map((value) => `"${value.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`],
    );
    for (const { value } of rows) hits.push({ column: `${schema}.${table}.${column}`, value });
  }
  return hits;
}

// The schemas that hold tables: to show the scan reaches the job queue's schema too.
export async function scannedSchemas(app: TestApp): Promise<string[]> {
  const rows: { table_schema: string }[] = await app
    .em()
    .getConnection()
    .execute(
      `select distinct table_schema from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1`,
    );
  return rows.map((row) => row.table_schema);
}

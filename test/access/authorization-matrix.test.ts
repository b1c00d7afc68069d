/**
 * The authorization matrix: every Query field, every Mutation and every field of every object
 * type of the schema, for every kind of caller, against objects of the caller's own client, of
 * another client of the same firm, and of another firm.
 *
 * How it works
 * - The schema is built here, at test time (buildAppSchema). EXPECTED below is the one table of
 *   what every caller gets. A Query field, Mutation, object type or field of the schema that the
 *   table does not name fails the test as unreviewed (and so does a name the schema lacks): nothing
 *   new ships without someone deciding who sees it.
 * - Callers (matrix-world.ts): the admin and the recruiter of firm A; a client user of the client
 *   OWN and one of the client OTHER (both clients of firm A); an API key of firm A for each scope
 *   and one with none; a revoked key; nobody (no token); the admin of firm B.
 * - Objects: for each of OWN, OTHER (firm A) and FOREIGN (firm B) a client with a contact person,
 *   a mandate with two assessed candidacies, a published shortlist and the contact's feedback, and
 *   one object of every Node type (TargetName → Target.ids).
 * - Object types. A Node type is reached with node(id). A type without an id is reached through a
 *   field path from a Node type (`via`, e.g. Requirement via Mandate.requirementProfile) or from a
 *   Query field (Viewer). For each caller and target ONE request asks every field of the type, each
 *   under its own alias of node(id) — so an error in one field cannot hide the others — with a
 *   minimal selection: scalars as they are, objects `__typename`, connections `totalCount`,
 *   required arguments from the table. Each field's answer is classified as
 *     data (a value, a non-empty list) | null | empty (an empty list or connection)
 *     | FORBIDDEN | UNAUTHENTICATED (the GraphQL error on that field or above it)
 *     | hidden (node(id) answered null).
 *   Where an object is hidden from the caller, the whole response must be byte for byte the
 *   response to the same query for an id that does not exist.
 * - Query fields: one request per field and caller; lists are also checked to hold nothing of
 *   another firm (and, for client users, of another client).
 * - Mutations: one request per mutation and caller with a deliberately harmless invalid input
 *   (empty texts, ids that do not exist). Authorization is checked before validation, so the
 *   answer shows whether the caller got through (userErrors: "allowed") or was stopped
 *   (FORBIDDEN / UNAUTHENTICATED). For a mutation on an object, the same mutation on an object
 *   the caller may not see (another firm's; for client users another client's) must give exactly
 *   the answer for an id that does not exist. Afterwards the database must be exactly as before
 *   (sign-in sessions and API keys' lastUsedAt aside): the inputs really were harmless.
 * - Connection, edge, page, payload and error types carry no data of their own: STRUCTURAL lists
 *   them with their fields, so a new field there is reviewed too.
 */
import {
  getNamedType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { ApiKeyScope, Role } from '../../src/common/access';
import { QUERY_LIMITS } from '../../src/config/limits';
import { fromGlobalId, toGlobalId } from '../../src/common/global-id';
import { buildAppSchema } from '../../src/server/schema';
import { startTestApp, type TestApp } from '../helpers/test-app';
import type { GraphQLClient } from '../helpers/graphql-client';
import { buildMatrixWorld, type CallerSpec, type MatrixWorld, type Target, type TargetName } from './matrix-world';

// ---------------------------------------------------------------------------------------------
// Vocabulary of the table
// ---------------------------------------------------------------------------------------------

// Who a rule lets through: roles of users, scopes of API keys (or several a key must hold
// together), or any signed-in principal.
type Token = Role | ApiKeyScope | { allOf: ApiKeyScope[] } | 'ANY';
type Value = 'data' | 'null' | 'empty';
type Outcome = Value | 'hidden' | 'FORBIDDEN' | 'UNAUTHENTICATED';

const { ADMIN, RECRUITER, CLIENT } = Role;
const S = ApiKeyScope;
const STAFF: Token[] = [ADMIN, RECRUITER];
const ANY: Token[] = ['ANY'];
const MANDATES_READ: Token[] = [...STAFF, S.MANDATES_READ];
const MANDATES_WRITE: Token[] = [...STAFF, S.MANDATES_WRITE];
const MANDATE_RELATIONS: Token[] = [...MANDATES_READ, S.MANDATES_WRITE];
const CANDIDATES_READ: Token[] = [...STAFF, S.CANDIDATES_READ];
const CANDIDATES_WRITE: Token[] = [...STAFF, S.CANDIDATES_WRITE];
const ASSESSMENTS_READ: Token[] = [...STAFF, S.ASSESSMENTS_READ];
const RUBRICS_READ: Token[] = [...STAFF, S.MANDATES_READ, S.ASSESSMENTS_READ];
const SHORTLISTS_READ: Token[] = [...STAFF, S.SHORTLISTS_READ];
const WEBHOOK_MANAGERS: Token[] = [ADMIN, S.WEBHOOKS_MANAGE];
// The talent pool: staff, and keys that hold both assessments:read and candidates:read.
const TALENT_POOL: Token[] = [...STAFF, { allOf: [S.ASSESSMENTS_READ, S.CANDIDATES_READ] }];

interface FieldRule {
  // Who gets the field; others get FORBIDDEN. Absent: whoever sees the object.
  readers?: Token[];
  // What those get (with this fixture): default data.
  value?: Value | ((caller: CallerSpec) => Value);
  // Arguments the field needs.
  args?: (target: Target) => string;
}

type Fields = Record<string, FieldRule>;

interface NodeEntry {
  kind: 'node';
  // Who sees objects of the type through node(id), within their own firm.
  readers: Token[];
  // What a client user among the readers sees: their own firm's objects, or only their own client's.
  clientSees?: 'firm' | 'own-client';
  fields: Fields;
}

interface ViaEntry {
  kind: 'via';
  // The schema type, when the table key names a second way to reach it.
  type?: string;
  // A Node type and the field path from it to this type.
  from: string;
  path: string[];
  fields: Fields;
}

interface RootEntry {
  kind: 'root';
  // The Query field that returns this type.
  query: string;
  // The path from the Query field's answer to this type, e.g. ['nodes'] through a connection.
  path?: string[];
  fields: Fields;
}

interface UnreachableEntry {
  kind: 'unreachable';
  reason: string;
  fields: string[];
}

type TypeEntry = NodeEntry | ViaEntry | RootEntry | UnreachableEntry;

interface QueryEntry {
  readers: Token[];
  // For a connection whose items are no Node: the field of an item that names its owner (a Node).
  ownerField?: string;
  value?: Value | ((caller: CallerSpec) => Value);
  args?: string;
}

interface MutationEntry {
  // Who gets through; PUBLIC: also nobody signed in.
  readers: Token[] | 'PUBLIC';
  // A harmless invalid input; `id` names the object the mutation acts on (one that does not
  // exist, or one the caller may not see).
  input?: (id: string) => object;
  // The Node type of the object `id` names; absent for mutations that make something new.
  on?: string;
  // Sign in afresh and use that session (logout ends the session it is sent with).
  freshSession?: boolean;
  select?: string;
}

const data: FieldRule = {};
const nil: FieldRule = { value: 'null' };
const only = (readers: Token[], value: FieldRule['value'] = 'data'): FieldRule => ({ readers, value });
const L = { EN: '', NB: '', DA: '', SV: '' };
const IDS = (target: Target) => `candidacyIds: ${JSON.stringify(target.candidacyIds)}`;
const HTML_REPORT = () => 'format: HTML';
const notForKeys = (caller: CallerSpec): Value => (caller.kind === 'key' ? 'null' : 'data');

// ---------------------------------------------------------------------------------------------
// EXPECTED: the one table
// ---------------------------------------------------------------------------------------------

const EXPECTED: { queries: Record<string, QueryEntry>; mutations: Record<string, MutationEntry>; types: Record<string, TypeEntry> } = {
  queries: {
    viewer: { readers: ANY },
    node: { readers: ANY, value: 'null', args: `id: "${toGlobalId('Mandate', '00000000-0000-4000-8000-000000000000')}"` },
    nodes: { readers: ANY, value: 'null', args: `ids: ["${toGlobalId('Mandate', '00000000-0000-4000-8000-000000000000')}"]` },
    apiKeys: { readers: [ADMIN] },
    clients: { readers: MANDATES_READ },
    rubrics: { readers: RUBRICS_READ },
    mandates: { readers: MANDATES_READ },
    candidates: { readers: CANDIDATES_READ },
    // Pairs of likely duplicates: personal data like the candidates themselves; never client users.
    candidateDuplicates: { readers: CANDIDATES_READ, ownerField: 'candidate' },
    myScorecards: { readers: STAFF },
    // Their day: the interviews they sit on the panel of (every staff caller does in the fixture).
    myInterviews: { readers: STAFF },
    // Nothing is overdue in the fixture.
    overdueScorecards: { readers: STAFF, value: 'empty' },
    // Colleagues, for picking interviewers: the firm's own people only.
    users: { readers: STAFF },
    mandateChanges: { readers: MANDATES_READ },
    candidacyChanges: { readers: MANDATES_READ },
    presentedMandates: { readers: [CLIENT] },
    webhookSubscriptions: { readers: WEBHOOK_MANAGERS },
    webhookEventTypes: { readers: WEBHOOK_MANAGERS },
    // GDPR: the partners' duty. The fixture's candidates consented until 2030: none is due.
    candidatesDueForErasure: { readers: [ADMIN], value: 'empty' },
    candidateDataExport: {
      readers: [ADMIN],
      value: 'null',
      args: `candidateId: "${toGlobalId('Candidate', '00000000-0000-4000-8000-000000000000')}"`,
    },
    auditEvents: { readers: [ADMIN] },
    // Interviewer-level figures: staff only (a recruiter gets their own row).
    interviewerCalibration: { readers: STAFF, ownerField: 'interviewer' },
    assessmentQuality: { readers: STAFF },
  },

  mutations: {
    login: { readers: 'PUBLIC', input: () => ({ email: 'nobody@matrix.example', password: 'not the password' }), select: 'token' },
    logout: { readers: ANY, freshSession: true, select: 'loggedOut' },
    createUser: { readers: [ADMIN], input: () => ({ email: '', name: '', role: 'ADMIN', password: '' }) },
    // No such user: refused NOT_FOUND, nothing changes.
    updateUser: { readers: [ADMIN], input: () => ({ userId: toGlobalId('User', MISSING), name: 'Renamed' }) },
    deactivateUser: { readers: [ADMIN], input: () => ({ userId: toGlobalId('User', MISSING) }) },
    reactivateUser: { readers: [ADMIN], input: () => ({ userId: toGlobalId('User', MISSING) }) },
    createApiKey: { readers: [ADMIN], input: () => ({ name: '', scopes: [] }) },
    revokeApiKey: { readers: [ADMIN], on: 'ApiKey', input: (id) => ({ apiKeyId: id }) },
    createClient: { readers: MANDATES_WRITE, input: () => ({ name: '', country: '' }) },
    updateClient: { readers: MANDATES_WRITE, on: 'Client', input: (id) => ({ clientId: id, name: '' }) },
    createRubric: { readers: STAFF, input: () => ({ key: '', name: L, description: L, competencies: [] }) },
    updateRubricDraft: { readers: STAFF, on: 'Rubric', input: (id) => ({ rubricId: id }) },
    reviseRubric: { readers: STAFF, on: 'Rubric', input: (id) => ({ rubricId: id }) },
    publishRubric: { readers: [ADMIN], on: 'Rubric', input: (id) => ({ rubricId: id }) },
    retireRubric: { readers: [ADMIN], on: 'Rubric', input: (id) => ({ rubricId: id }) },
    createMandate: { readers: MANDATES_WRITE, input: (id) => ({ title: '', clientId: id, leadershipLevel: 'EXECUTIVE' }), on: 'Client' },
    updateMandate: { readers: MANDATES_WRITE, on: 'Mandate', input: (id) => ({ mandateId: id, title: '' }) },
    changeMandateStatus: { readers: MANDATES_WRITE, on: 'Mandate', input: (id) => ({ mandateId: id, status: 'OPEN' }) },
    setRequirementProfile: { readers: MANDATES_WRITE, on: 'Mandate', input: (id) => ({ mandateId: id, requirements: [] }) },
    createCandidate: { readers: CANDIDATES_WRITE, input: () => ({ firstName: '', lastName: '' }) },
    updateCandidate: { readers: CANDIDATES_WRITE, on: 'Candidate', input: (id) => ({ candidateId: id, firstName: '' }) },
    upsertCandidates: { readers: CANDIDATES_WRITE, input: () => ({ candidates: [] }) },
    dismissDuplicate: {
      readers: CANDIDATES_WRITE,
      on: 'Candidate',
      input: (id) => ({ candidateId: id, otherCandidateId: toGlobalId('Candidate', MISSING) }),
    },
    // No such duplicate: refused NOT_FOUND, nothing changes.
    mergeCandidates: {
      readers: CANDIDATES_WRITE,
      on: 'Candidate',
      input: (id) => ({ survivorId: id, duplicateId: toGlobalId('Candidate', MISSING), expectedVersions: { survivor: 1, duplicate: 1 } }),
    },
    addCandidateToMandate: {
      readers: MANDATES_WRITE,
      on: 'Mandate',
      input: (id) => ({ mandateId: id, candidateId: toGlobalId('Candidate', MISSING) }),
    },
    moveCandidacy: { readers: MANDATES_WRITE, on: 'Candidacy', input: (id) => ({ candidacyId: id, stage: 'SCREENING' }) },
    scheduleInterview: {
      readers: STAFF,
      on: 'Candidacy',
      input: (id) => ({ candidacyId: id, kind: 'COMPETENCY', scheduledAt: '2026-12-01T09:00:00Z', interviewerIds: [] }),
    },
    addInterviewer: { readers: STAFF, on: 'Interview', input: (id) => ({ interviewId: id, interviewerId: toGlobalId('User', MISSING) }) },
    // A stale version: refused before anything changes (the target's interview is at version 1).
    rescheduleInterview: {
      readers: STAFF,
      on: 'Interview',
      input: (id) => ({ interviewId: id, scheduledAt: '2031-01-01T09:00:00Z', expectedVersion: 999 }),
    },
    // The target's interview has submitted scorecards: refused.
    cancelInterview: { readers: STAFF, on: 'Interview', input: (id) => ({ interviewId: id, reason: '' }) },
    markInterviewHeld: { readers: STAFF, on: 'Interview', input: (id) => ({ interviewId: id, expectedVersion: 999 }) },
    markInterviewNoShow: { readers: STAFF, on: 'Interview', input: (id) => ({ interviewId: id, expectedVersion: 999 }) },
    removeInterviewer: {
      readers: STAFF,
      on: 'Interview',
      input: (id) => ({ interviewId: id, interviewerId: toGlobalId('User', MISSING) }),
    },
    submitScorecard: { readers: STAFF, on: 'Interview', input: (id) => ({ interviewId: id, ratings: [], recommendation: 'YES' }) },
    // The target scorecard is the admin's, submitted: the admin is refused INVALID_STATE, anyone else NOT_FOUND.
    saveScorecardDraft: { readers: STAFF, on: 'Scorecard', input: (id) => ({ scorecardId: id, recommendation: 'YES' }) },
    amendScorecard: {
      readers: STAFF,
      on: 'Scorecard',
      input: (id) => ({ scorecardId: id, ratings: [], recommendation: 'YES', reason: '' }),
    },
    addToShortlist: {
      readers: STAFF,
      on: 'Mandate',
      input: (id) => ({ mandateId: id, candidacyId: toGlobalId('Candidacy', MISSING), note: '' }),
    },
    updateShortlistEntry: { readers: STAFF, on: 'ShortlistEntry', input: (id) => ({ entryId: id, note: '' }) },
    reorderShortlist: { readers: STAFF, on: 'Mandate', input: (id) => ({ mandateId: id, entryIds: [] }) },
    withdrawFromShortlist: { readers: STAFF, on: 'ShortlistEntry', input: (id) => ({ entryId: id, reason: '' }) },
    publishShortlist: { readers: STAFF, on: 'Mandate', input: (id) => ({ mandateId: id }) },
    createWebhookSubscription: { readers: WEBHOOK_MANAGERS, input: () => ({ url: '', events: [] }) },
    disableWebhookSubscription: { readers: WEBHOOK_MANAGERS, on: 'WebhookSubscription', input: (id) => ({ subscriptionId: id }) },
    enableWebhookSubscription: { readers: WEBHOOK_MANAGERS, on: 'WebhookSubscription', input: (id) => ({ subscriptionId: id }) },
    deleteWebhookSubscription: { readers: WEBHOOK_MANAGERS, on: 'WebhookSubscription', input: (id) => ({ subscriptionId: id }) },
    redeliverWebhook: { readers: WEBHOOK_MANAGERS, on: 'WebhookDelivery', input: (id) => ({ deliveryId: id }) },
    pingWebhookSubscription: { readers: WEBHOOK_MANAGERS, on: 'WebhookSubscription', input: (id) => ({ subscriptionId: id }) },
    rotateWebhookSecret: { readers: WEBHOOK_MANAGERS, on: 'WebhookSubscription', input: (id) => ({ subscriptionId: id }) },
    giveShortlistFeedback: {
      readers: [CLIENT],
      on: 'PresentedShortlistEntry',
      input: (id) => ({ entryId: id, decision: 'MAYBE', comment: 'c'.repeat(2001) }),
    },
    eraseCandidate: { readers: [ADMIN], on: 'Candidate', input: (id) => ({ candidateId: id, reason: 'matrix' }) },
  },

  types: {
    // --- The firm's own types -------------------------------------------------------------
    Firm: {
      kind: 'node',
      readers: ANY,
      clientSees: 'firm',
      fields: { id: data, createdAt: data, updatedAt: data, name: data, slug: data },
    },
    Client: {
      kind: 'node',
      readers: MANDATES_READ,
      fields: {
        id: data,
        createdAt: data,
        updatedAt: data,
        name: data,
        organisationNumber: data,
        industry: data,
        employeeCount: data,
        country: data,
        mandates: only(MANDATES_READ),
      },
    },
    // The targets are the contact persons of the clients: a client user sees only themself.
    User: {
      kind: 'node',
      readers: [...STAFF, CLIENT],
      clientSees: 'own-client',
      fields: {
        id: data,
        createdAt: data,
        updatedAt: data,
        email: data,
        name: data,
        role: data,
        client: data,
        active: data,
        deactivatedAt: nil,
        version: data,
      },
    },
    ApiKey: {
      kind: 'node',
      readers: [ADMIN],
      fields: { id: data, createdAt: data, updatedAt: data, name: data, scopes: data, prefix: data, revokedAt: nil, lastUsedAt: nil },
    },
    Rubric: {
      kind: 'node',
      readers: RUBRICS_READ,
      fields: {
        id: data,
        createdAt: data,
        updatedAt: data,
        key: data,
        version: data,
        status: data,
        publishedAt: data,
        name: only(RUBRICS_READ),
        description: only(RUBRICS_READ),
        locales: only(RUBRICS_READ),
        competencies: only(RUBRICS_READ),
      },
    },
    Competency: {
      kind: 'node',
      readers: RUBRICS_READ,
      fields: {
        id: data,
        createdAt: data,
        updatedAt: data,
        key: data,
        position: data,
        name: only(RUBRICS_READ),
        description: only(RUBRICS_READ),
        indicators: only(RUBRICS_READ),
        questions: only(RUBRICS_READ),
        anchors: only(RUBRICS_READ),
        rubric: only(RUBRICS_READ),
      },
    },
    RatingAnchor: { kind: 'via', from: 'Competency', path: ['anchors'], fields: { score: data, description: data } },
    Mandate: {
      kind: 'node',
      readers: MANDATES_READ,
      fields: {
        id: data,
        createdAt: data,
        updatedAt: data,
        title: data,
        leadershipLevel: data,
        location: data,
        status: data,
        version: data,
        client: only(MANDATE_RELATIONS),
        leadRecruiter: only(MANDATE_RELATIONS),
        rubric: only(MANDATE_RELATIONS),
        requirementProfile: only(MANDATE_RELATIONS),
        candidacies: only(MANDATES_READ),
        ranking: only(ASSESSMENTS_READ),
        comparison: { readers: ASSESSMENTS_READ, args: IDS },
        shortlist: only(SHORTLISTS_READ),
        shortlistReportLink: { readers: SHORTLISTS_READ, args: HTML_REPORT },
        agreement: only(ASSESSMENTS_READ),
        // Firm A's mandates share competency keys: each pool holds the other client's assessed
        // candidates. Firm B has one mandate, whose assessed candidates are all in its pipeline.
        talentPool: { readers: TALENT_POOL, value: (caller) => (caller.firm === 'B' ? 'empty' : 'data') },
      },
    },
    TalentPoolMatch: {
      kind: 'via',
      from: 'Mandate',
      path: ['talentPool', 'nodes'],
      fields: { candidate: only(TALENT_POOL), fit: data, lastAssessedAt: data, inPipeline: data, evidence: only(STAFF) },
    },
    TalentPoolEvidence: {
      kind: 'via',
      from: 'Mandate',
      path: ['talentPool', 'nodes', 'evidence'],
      fields: { competencyKeys: data, submittedAt: data, mandate: only(STAFF), interview: only(STAFF), scorecard: only(STAFF) },
    },
    'ReportLink (through Mandate.shortlistReportLink)': {
      kind: 'via',
      type: 'ReportLink',
      from: 'Mandate',
      path: ['shortlistReportLink'],
      fields: { url: data, expiresAt: data },
    },
    MandateAgreement: { kind: 'via', from: 'Mandate', path: ['agreement'], fields: { overall: data, byCompetency: data } },
    // Two candidacies × three rated competencies, two interviewers each: 6 pairable units.
    Agreement: {
      kind: 'via',
      from: 'Mandate',
      path: ['agreement', 'overall'],
      fields: { metric: data, alpha: data, pairableUnits: data, pairableValues: data, low: data, high: data, reading: data },
    },
    // The first competency of the rubric was not rated: no pairable unit, alpha undefined.
    CompetencyAgreement: {
      kind: 'via',
      from: 'Mandate',
      path: ['agreement', 'byCompetency'],
      fields: { key: data, metric: data, alpha: nil, pairableUnits: data, pairableValues: data, low: nil, high: nil, reading: data },
    },
    // A client user's own company, as `viewer { user { client } }` shows it to them: the firm's
    // Client type, so a field added to Client is reviewed for client users here.
    'Client (through User.client)': {
      kind: 'via',
      type: 'Client',
      from: 'User',
      path: ['client'],
      fields: {
        id: data,
        createdAt: data,
        updatedAt: data,
        name: data,
        organisationNumber: data,
        industry: data,
        employeeCount: data,
        country: data,
        mandates: only(MANDATES_READ),
      },
    },
    // The first requirement of the fixture is a competency weighted 0, without a minimum.
    Requirement: {
      kind: 'via',
      from: 'Mandate',
      path: ['requirementProfile'],
      fields: {
        createdAt: data,
        updatedAt: data,
        competencyKey: data,
        competencyName: data,
        competencyDescription: data,
        weight: data,
        target: data,
        minimum: nil,
      },
    },
    Candidate: {
      kind: 'node',
      readers: CANDIDATES_READ,
      fields: {
        id: data,
        createdAt: data,
        updatedAt: data,
        firstName: data,
        lastName: data,
        email: data,
        phone: data,
        headline: data,
        location: data,
        languages: data,
        linkedinUrl: data,
        tags: data,
        consentStatus: data,
        consentGivenAt: data,
        consentWithdrawnAt: nil,
        retainUntil: data,
        erasedAt: nil,
        externalRefs: data,
        candidacies: only(MANDATES_READ),
        possibleDuplicates: data,
        version: data,
        // A live record: merged into nobody. A record merged away is seen only in a sync (merge tests).
        mergedAt: nil,
        mergedInto: nil,
        // The fixture merged a third record into the target candidate.
        mergedFrom: data,
      },
    },
    CandidateMerge: {
      kind: 'via',
      from: 'Candidate',
      path: ['mergedFrom'],
      fields: { candidateId: data, mergedAt: data },
    },
    CandidateDuplicate: {
      kind: 'via',
      from: 'Candidate',
      path: ['possibleDuplicates'],
      fields: { candidate: data, otherCandidate: data, reasons: data, score: data },
    },
    CandidateExternalRef: {
      kind: 'via',
      from: 'Candidate',
      path: ['externalRefs'],
      fields: { createdAt: data, updatedAt: data, system: data, externalId: data },
    },
    Candidacy: {
      kind: 'node',
      readers: MANDATES_READ,
      fields: {
        id: data,
        createdAt: data,
        updatedAt: data,
        stage: data,
        candidate: only(CANDIDATES_READ),
        mandate: data,
        history: data,
        interviews: only(ASSESSMENTS_READ),
        assessment: only(ASSESSMENTS_READ),
        fit: only(ASSESSMENTS_READ),
      },
    },
    // The first move is the candidacy's creation: no stage before it, no reason given.
    CandidacyStageChange: {
      kind: 'via',
      from: 'Candidacy',
      path: ['history'],
      fields: {
        createdAt: data,
        updatedAt: data,
        fromStage: nil,
        toStage: data,
        reason: nil,
        movedBy: { value: notForKeys },
        // The first entry's: the fixture's candidacies were added directly (DIRECT).
        source: data,
      },
    },
    Assessment: { kind: 'via', from: 'Candidacy', path: ['assessment'], fields: { calibrated: data, competencies: data } },
    // The first competency of the rubric is not weighted and was not rated.
    CompetencyAssessment: {
      kind: 'via',
      from: 'Candidacy',
      path: ['assessment', 'competencies'],
      fields: {
        key: data,
        score: nil,
        calibratedScore: nil,
        ratingsCount: data,
        spread: nil,
        disagreement: data,
        // Who rated it: staff only, never a key.
        interviewers: only(STAFF, 'empty'),
      },
    },
    // Reached through the first competency, which nobody rated (test/calibration shows the rows).
    InterviewerLeniency: {
      kind: 'via',
      from: 'Candidacy',
      path: ['assessment', 'competencies', 'interviewers'],
      fields: {
        interviewer: { value: 'empty' },
        score: { value: 'empty' },
        calibratedScore: { value: 'empty' },
        shrunkLeniency: { value: 'empty' },
        comparedCells: { value: 'empty' },
      },
    },
    Fit: {
      kind: 'via',
      from: 'Candidacy',
      path: ['fit'],
      fields: { calibrated: data, fit: data, coverage: data, mustHavesMet: data, competencies: data },
    },
    CompetencyFit: {
      kind: 'via',
      from: 'Candidacy',
      path: ['fit', 'competencies'],
      fields: {
        key: data,
        name: data,
        description: data,
        weight: data,
        target: data,
        minimum: data,
        ratingsCount: data,
        // Talent pool figures: null on a candidacy's own fit.
        mandatesCount: nil,
        lastAssessedAt: nil,
        score: data,
        gap: data,
        surplus: data,
        attainment: data,
        meetsMinimum: data,
      },
    },
    Comparison: { kind: 'via', from: 'Mandate', path: ['comparison'], fields: { calibrated: data, columns: data, rows: data } },
    ComparisonColumn: { kind: 'via', from: 'Mandate', path: ['comparison', 'columns'], fields: { candidacy: data, fit: data } },
    ComparisonRow: {
      kind: 'via',
      from: 'Mandate',
      path: ['comparison', 'rows'],
      fields: { key: data, name: data, description: data, weight: data, target: data, minimum: nil, cells: data },
    },
    ComparisonCell: {
      kind: 'via',
      from: 'Mandate',
      path: ['comparison', 'rows', 'cells'],
      fields: { candidacy: data, score: nil, gap: nil, ratingsCount: data, disagreement: data, meetsMinimum: nil },
    },
    Interview: {
      kind: 'node',
      readers: ASSESSMENTS_READ,
      fields: {
        id: data,
        createdAt: data,
        updatedAt: data,
        kind: data,
        scheduledAt: data,
        status: data,
        durationMinutes: data,
        location: nil,
        videoLink: nil,
        version: data,
        heldAt: nil,
        scorecardsDueAt: nil,
        cancelledAt: nil,
        cancellationReason: nil,
        // The viewer's kit and the panel's coverage: staff only (the target's panel has no focus).
        kit: only(STAFF),
        coverage: only(STAFF),
        // The target's panel is firm A's admin and recruiter.
        myScorecard: only(STAFF),
        candidacy: only(MANDATES_READ),
        panel: only(STAFF),
        scorecards: only(ASSESSMENTS_READ),
      },
    },
    Scorecard: {
      kind: 'node',
      readers: ASSESSMENTS_READ,
      fields: {
        id: data,
        createdAt: data,
        updatedAt: data,
        status: data,
        submittedAt: data,
        version: data,
        interview: only(ASSESSMENTS_READ),
        interviewer: only(STAFF),
        recommendation: only(ASSESSMENTS_READ),
        summary: only(ASSESSMENTS_READ),
        ratings: only(ASSESSMENTS_READ),
        revisions: only(ASSESSMENTS_READ),
        // Its author's alone, and only while unsubmitted: the target is submitted, so nobody gets one
        // (test/scorecards/scorecard-drafts.test.ts shows the author theirs and everyone else null).
        draft: only(ASSESSMENTS_READ, 'null'),
        focusCompetencyKeys: { value: 'empty' },
      },
    },
    KitCompetency: {
      kind: 'via',
      from: 'Interview',
      path: ['kit'],
      fields: { key: data, name: data, description: data, weight: data, inFocus: data, indicators: data, questions: data, anchors: data },
    },
    InterviewCoverage: { kind: 'via', from: 'Interview', path: ['coverage'], fields: { covered: { value: 'empty' }, uncovered: data } },
    ScorecardDraft: {
      kind: 'via',
      from: 'Scorecard',
      path: ['draft'],
      fields: { createdAt: data, updatedAt: data, recommendation: data, summary: data, ratings: data },
    },
    DraftRating: {
      kind: 'via',
      from: 'Scorecard',
      path: ['draft', 'ratings'],
      fields: { createdAt: data, updatedAt: data, competencyKey: data, score: data, evidence: data },
    },
    // Ratings come in rubric order; the first competency was not rated.
    Rating: {
      kind: 'via',
      from: 'Scorecard',
      path: ['ratings'],
      fields: { createdAt: data, updatedAt: data, competencyKey: data, score: nil, evidence: nil },
    },
    ScorecardRevision: {
      kind: 'via',
      from: 'Scorecard',
      path: ['revisions'],
      fields: {
        createdAt: data,
        updatedAt: data,
        number: data,
        recommendation: data,
        summary: data,
        reason: nil,
        ratings: only(ASSESSMENTS_READ),
        author: only(STAFF),
      },
    },
    Shortlist: {
      kind: 'node',
      readers: SHORTLISTS_READ,
      fields: {
        id: data,
        createdAt: data,
        updatedAt: data,
        version: data,
        publishedVersion: data,
        publishedAt: data,
        publicationCount: data,
        mandate: only(MANDATES_READ),
        entries: only(SHORTLISTS_READ),
        feedback: only(SHORTLISTS_READ),
      },
    },
    ShortlistEntry: {
      kind: 'node',
      readers: SHORTLISTS_READ,
      fields: {
        id: data,
        createdAt: data,
        updatedAt: data,
        note: data,
        position: data,
        withdrawnAt: nil,
        withdrawalReason: nil,
        candidacy: only(MANDATES_READ),
        shortlist: only(SHORTLISTS_READ),
        addedBy: only(STAFF),
        withdrawnBy: only(STAFF, 'null'),
        publishedNote: only(SHORTLISTS_READ),
        publishedPosition: only(SHORTLISTS_READ),
        publishedAt: only(SHORTLISTS_READ),
        feedback: only(SHORTLISTS_READ),
      },
    },
    ShortlistFeedback: {
      kind: 'node',
      readers: SHORTLISTS_READ,
      fields: {
        id: data,
        createdAt: data,
        updatedAt: data,
        decision: data,
        comment: data,
        author: only(STAFF),
        entry: only(SHORTLISTS_READ),
        isLatest: only(SHORTLISTS_READ),
      },
    },

    // --- What client users see: their own company's, and nobody else sees these at all ---------
    PresentedMandate: {
      kind: 'node',
      readers: [CLIENT],
      clientSees: 'own-client',
      fields: {
        id: data,
        title: data,
        leadershipLevel: data,
        status: data,
        requirementProfile: data,
        shortlist: data,
        leadConsultant: data,
        comparison: data,
        reportLink: { args: HTML_REPORT },
        agreement: data,
      },
    },
    PresentedConsultant: { kind: 'via', from: 'PresentedMandate', path: ['leadConsultant'], fields: { name: data } },
    PresentedComparison: { kind: 'via', from: 'PresentedMandate', path: ['comparison'], fields: { columns: data, rows: data } },
    PresentedComparisonColumn: {
      kind: 'via',
      from: 'PresentedMandate',
      path: ['comparison', 'columns'],
      fields: { entry: data, fit: data },
    },
    PresentedComparisonRow: {
      kind: 'via',
      from: 'PresentedMandate',
      path: ['comparison', 'rows'],
      fields: { key: data, name: data, description: data, weight: data, target: data, minimum: data, cells: data },
    },
    PresentedComparisonCell: {
      kind: 'via',
      from: 'PresentedMandate',
      path: ['comparison', 'rows', 'cells'],
      fields: { entry: data, score: data, gap: data, ratingsCount: data, disagreement: data, meetsMinimum: data },
    },
    ReportLink: { kind: 'via', from: 'PresentedMandate', path: ['reportLink'], fields: { url: data, expiresAt: data } },
    // Alpha and its reading only: nothing per interviewer reaches a client.
    PresentedAgreement: { kind: 'via', from: 'PresentedMandate', path: ['agreement'], fields: { alpha: data, reading: data } },
    PresentedRequirement: {
      kind: 'via',
      from: 'PresentedMandate',
      path: ['requirementProfile'],
      fields: { competencyKey: data, name: data, weight: data, target: data, minimum: nil },
    },
    PresentedShortlist: { kind: 'via', from: 'PresentedMandate', path: ['shortlist'], fields: { publishedAt: data, entries: data } },
    PresentedShortlistEntry: {
      kind: 'node',
      readers: [CLIENT],
      clientSees: 'own-client',
      fields: {
        id: data,
        position: data,
        note: data,
        publishedAt: data,
        candidate: data,
        fit: data,
        coverage: data,
        mustHavesMet: data,
        competencies: data,
        myFeedback: data,
        mandate: data,
        change: data,
        colleagueFeedback: data,
      },
    },
    PresentedCandidate: {
      kind: 'via',
      from: 'PresentedShortlistEntry',
      path: ['candidate'],
      fields: { firstName: data, lastName: data, headline: data, location: data, languages: data },
    },
    PresentedCompetency: {
      kind: 'via',
      from: 'PresentedShortlistEntry',
      path: ['competencies'],
      fields: {
        key: data,
        name: data,
        weight: data,
        target: data,
        minimum: data,
        score: data,
        gap: data,
        meetsMinimum: data,
        description: data,
        scaleText: data,
        ratingsCount: data,
        disagreement: data,
      },
    },
    PresentedColleagueFeedback: {
      kind: 'via',
      from: 'PresentedShortlistEntry',
      path: ['colleagueFeedback'],
      fields: { authorName: data, decision: data, comment: data, givenAt: data },
    },
    PresentedFeedback: {
      kind: 'via',
      from: 'PresentedShortlistEntry',
      path: ['myFeedback'],
      fields: { decision: data, comment: data, givenAt: data },
    },

    // --- Who am I ----------------------------------------------------------------------------
    Viewer: {
      kind: 'root',
      query: 'viewer',
      fields: {
        kind: data,
        firm: data,
        user: { value: notForKeys },
        apiKey: { value: (caller) => (caller.kind === 'key' ? 'data' : 'null') },
        role: { value: notForKeys },
        scopes: { value: (caller) => (caller.kind === 'key' && caller.scopes!.length > 0 ? 'data' : 'empty') },
      },
    },

    // --- Calibration: interviewer-level figures for staff only ----------------------------------
    InterviewerCalibration: {
      kind: 'root',
      query: 'interviewerCalibration',
      path: ['nodes'],
      fields: {
        interviewer: data,
        comparedCells: data,
        leniency: data,
        standardError: data,
        low: data,
        high: data,
        shrunkLeniency: data,
        byCompetency: data,
      },
    },
    CompetencyLeniency: {
      kind: 'root',
      query: 'interviewerCalibration',
      path: ['nodes', 'byCompetency'],
      fields: { key: data, comparedCells: data, leniency: data, standardError: data, low: data, high: data, shrunkLeniency: data },
    },
    AssessmentQuality: { kind: 'root', query: 'assessmentQuality', fields: { overall: data, byCompetency: data, leniencySpread: data } },
    LeniencySpread: {
      kind: 'root',
      query: 'assessmentQuality',
      path: ['leniencySpread'],
      fields: { interviewers: data, lowest: data, highest: data, standardDeviation: data },
    },

    // --- Webhooks: the firm's admins and keys with webhooks:manage -------------------------------
    WebhookSubscription: {
      kind: 'node',
      readers: WEBHOOK_MANAGERS,
      fields: {
        id: data,
        createdAt: data,
        updatedAt: data,
        url: data,
        events: data,
        description: data,
        status: data,
        previousSecretExpiresAt: data,
        deliveries: data,
      },
    },
    WebhookDelivery: {
      kind: 'node',
      readers: WEBHOOK_MANAGERS,
      fields: {
        id: data,
        createdAt: data,
        updatedAt: data,
        status: data,
        attemptCount: data,
        lastAttemptAt: data,
        deliveredAt: data,
        event: data,
        subscription: data,
        attempts: data,
      },
    },
    WebhookEvent: {
      kind: 'via',
      from: 'WebhookDelivery',
      path: ['event'],
      fields: { id: data, createdAt: data, updatedAt: data, type: data, body: data },
    },
    WebhookDeliveryAttempt: {
      kind: 'via',
      from: 'WebhookDelivery',
      path: ['attempts'],
      fields: { createdAt: data, updatedAt: data, number: data, durationMs: data, responseStatus: data, error: nil, succeeded: data },
    },

    // --- The audit log: the firm's admins only (the target is a shortlist's publication) --------
    AuditEvent: {
      kind: 'node',
      readers: [ADMIN],
      fields: {
        id: data,
        occurredAt: data,
        actorKind: data,
        actorId: data,
        action: data,
        objectType: data,
        objectId: data,
        objectIds: data,
        summary: data,
        requestId: data,
      },
    },
  },
};

// Types with no data of their own, with their fields. Every `XConnection` and `XEdge` is the
// standard connection shape (checked below); payloads carry userErrors and the objects whose own
// fields the table above decides.
const CONNECTION_FIELDS = ['edges', 'nodes', 'pageInfo', 'totalCount'];
const EDGE_FIELDS = ['cursor', 'node'];
const STRUCTURAL: Record<string, string[]> = {
  // A connection that also says whether it ranks on calibrated scores.
  RankingConnection: [...CONNECTION_FIELDS, 'calibrated'],
  PageInfo: ['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'],
  UserError: ['field', 'message', 'code'],
  LoginPayload: ['userErrors', 'token', 'expiresAt', 'user'],
  LogoutPayload: ['userErrors', 'loggedOut'],
  CreateUserPayload: ['userErrors', 'user'],
  UserPayload: ['userErrors', 'user'],
  CreateApiKeyPayload: ['userErrors', 'apiKey', 'secret'],
  RevokeApiKeyPayload: ['userErrors', 'apiKey'],
  CreateClientPayload: ['userErrors', 'client'],
  UpdateClientPayload: ['userErrors', 'client'],
  CreateRubricPayload: ['userErrors', 'rubric'],
  UpdateRubricDraftPayload: ['userErrors', 'rubric'],
  ReviseRubricPayload: ['userErrors', 'rubric'],
  PublishRubricPayload: ['userErrors', 'rubric'],
  RetireRubricPayload: ['userErrors', 'rubric'],
  CreateMandatePayload: ['userErrors', 'mandate'],
  UpdateMandatePayload: ['userErrors', 'mandate'],
  ChangeMandateStatusPayload: ['userErrors', 'mandate'],
  SetRequirementProfilePayload: ['userErrors', 'mandate'],
  CreateCandidatePayload: ['userErrors', 'candidate', 'duplicateWarnings'],
  UpdateCandidatePayload: ['userErrors', 'candidate', 'duplicateWarnings'],
  UpsertCandidatesPayload: [
    'userErrors',
    'results',
    'createdCount',
    'updatedCount',
    'unchangedCount',
    'rejectedCount',
    'duplicateWarnings',
  ],
  DismissDuplicatePayload: ['userErrors', 'candidate', 'otherCandidate'],
  MergeCandidatesPayload: ['userErrors', 'candidate', 'mergedCandidateId'],
  UpsertCandidateResult: ['index', 'externalRef', 'status', 'candidate', 'userErrors'],
  ExternalRef: ['system', 'externalId'],
  AddCandidateToMandatePayload: ['userErrors', 'candidacy'],
  MoveCandidacyPayload: ['userErrors', 'candidacy'],
  ScheduleInterviewPayload: ['userErrors', 'interview'],
  AddInterviewerPayload: ['userErrors', 'interview'],
  RemoveInterviewerPayload: ['userErrors', 'interview'],
  InterviewPayload: ['userErrors', 'interview'],
  SubmitScorecardPayload: ['userErrors', 'scorecard'],
  AmendScorecardPayload: ['userErrors', 'scorecard'],
  SaveScorecardDraftPayload: ['userErrors', 'scorecard'],
  AddToShortlistPayload: ['userErrors', 'entry', 'shortlist'],
  UpdateShortlistEntryPayload: ['userErrors', 'entry', 'shortlist'],
  ReorderShortlistPayload: ['userErrors', 'shortlist'],
  WithdrawFromShortlistPayload: ['userErrors', 'entry', 'shortlist'],
  PublishShortlistPayload: ['userErrors', 'shortlist'],
  GiveShortlistFeedbackPayload: ['userErrors', 'entry', 'feedback'],
  CreateWebhookSubscriptionPayload: ['userErrors', 'subscription', 'secret'],
  WebhookSubscriptionPayload: ['userErrors', 'subscription'],
  DeleteWebhookSubscriptionPayload: ['userErrors', 'deletedSubscriptionId'],
  RedeliverWebhookPayload: ['userErrors', 'delivery'],
  PingWebhookSubscriptionPayload: ['userErrors', 'delivery', 'attempt'],
  RotateWebhookSecretPayload: ['userErrors', 'subscription', 'secret'],
  EraseCandidatePayload: ['userErrors', 'candidate'],
};

// ---------------------------------------------------------------------------------------------
// The machinery
// ---------------------------------------------------------------------------------------------

const MISSING = '00000000-0000-4000-8000-000000000000';
const TARGET_NAMES: TargetName[] = ['OWN', 'OTHER', 'FOREIGN'];

function passes(caller: CallerSpec, readers: Token[]): boolean {
  if (caller.kind !== 'user' && caller.kind !== 'key') return false;
  if (readers.includes('ANY')) return true;
  if (caller.kind === 'user') return readers.includes(caller.role!);
  return readers.some((reader) =>
    typeof reader === 'object'
      ? reader.allOf.every((scope) => caller.scopes!.includes(scope))
      : caller.scopes!.includes(reader as ApiKeyScope),
  );
}

const signedIn = (caller: CallerSpec) => caller.kind === 'user' || caller.kind === 'key';

function valueOf(rule: { value?: FieldRule['value'] }, caller: CallerSpec): Value {
  const value = rule.value ?? 'data';
  return typeof value === 'function' ? value(caller) : value;
}

function fieldOutcome(rule: FieldRule, caller: CallerSpec): Outcome {
  if (rule.readers && !passes(caller, rule.readers)) return 'FORBIDDEN';
  return valueOf(rule, caller);
}

function nodeVisible(entry: NodeEntry, caller: CallerSpec, target: Target): boolean {
  if (!passes(caller, entry.readers) || caller.firm !== target.firm) return false;
  if (caller.kind === 'user' && caller.role === CLIENT) return entry.clientSees === 'firm' || caller.client === target.client;
  return true;
}

// What `caller` gets for field `field` of the object of `typeName` reached at `target`.
function expectedOutcome(schema: GraphQLSchema, typeName: string, field: string, caller: CallerSpec, target: Target): Outcome {
  if (!signedIn(caller)) return 'UNAUTHENTICATED';
  const entry = EXPECTED.types[typeName];
  let outcome: Outcome;
  if (entry.kind === 'node') {
    outcome = nodeVisible(entry, caller, target) ? 'data' : 'hidden';
  } else if (entry.kind === 'via') {
    const from = EXPECTED.types[entry.from] as NodeEntry;
    outcome = nodeVisible(from, caller, target) ? 'data' : 'hidden';
    let owner = entry.from;
    for (const segment of entry.path) {
      if (outcome !== 'data') break;
      outcome = fieldOutcome(ruleOf(owner, segment), caller);
      owner = getNamedType((schema.getType(owner) as GraphQLObjectType).getFields()[segment].type).name;
    }
  } else if (entry.kind === 'root') {
    outcome = queryOutcome(EXPECTED.queries[entry.query], caller);
  } else {
    throw new Error(`${typeName} is not reachable`);
  }
  if (!entry.fields[field]) return 'unreviewed' as Outcome;
  return outcome === 'data' ? fieldOutcome(entry.fields[field], caller) : outcome;
}

function queryOutcome(entry: QueryEntry, caller: CallerSpec): Outcome {
  if (!signedIn(caller)) return 'UNAUTHENTICATED';
  return passes(caller, entry.readers) ? valueOf(entry, caller) : 'FORBIDDEN';
}

function schemaTypeOf(key: string): string {
  const entry = EXPECTED.types[key];
  return entry.kind === 'via' && entry.type ? entry.type : key;
}

function fieldsOf(typeName: string): Fields {
  const entry = EXPECTED.types[typeName];
  if (!entry || entry.kind === 'unreachable') throw new Error(`${typeName} has no field rules`);
  return entry.fields;
}

// The rule of one segment of a via path; a connection's nodes carry no rule of their own.
function ruleOf(owner: string, segment: string): FieldRule {
  if (owner.endsWith('Connection') && segment === 'nodes') return data;
  return fieldsOf(owner)[segment];
}

// A field with the smallest selection that shows whether it gives data.
function selectionOf(field: GraphQLField<unknown, unknown>, args: string | undefined, inner?: string): string {
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  if (required.length > 0 && !args) throw new Error(`the table gives no arguments for ${field.name}(${required.map((arg) => arg.name)})`);
  const head = args ? `${field.name}(${args})` : field.name;
  if (inner !== undefined) return `${head} { ${inner} }`;
  const type = getNamedType(field.type);
  if (isLeafType(type)) return head;
  if (type.name.endsWith('Connection')) return `${head} { totalCount }`;
  return `${head} { __typename }`;
}

interface TypeQuery {
  text: string;
  // Per field: its alias and the path to its value below the alias.
  fields: { field: string; alias: string; path: string[] }[];
}

// One request per chunk of fields of a type, each field under its own alias (the chunks keep
// within QUERY_LIMITS.aliases).
function typeQuery(schema: GraphQLSchema, typeName: string, target: Target, chunk: number): TypeQuery {
  const entry = EXPECTED.types[typeName] as NodeEntry | ViaEntry | RootEntry;
  const type = schema.getType(schemaTypeOf(typeName)) as GraphQLObjectType;
  const inChunk = (_field: unknown, index: number) => Math.floor(index / QUERY_LIMITS.aliases) === chunk;
  const fields = Object.values(type.getFields())
    .map((field, index) => {
      const alias = `f${index}`;
      const leaf = selectionOf(field, entry.fields[field.name]?.args?.(target));
      if (entry.kind === 'node') {
        return { field: field.name, alias, path: [field.name], text: `${alias}: node(id: $id) { ... on ${typeName} { ${leaf} } }` };
      }
      if (entry.kind === 'root') {
        const path = entry.path ?? [];
        const inner = path.reduceRight((selection, segment) => `${segment} { ${selection} }`, leaf);
        return { field: field.name, alias, path: [...path, field.name], text: `${alias}: ${entry.query} { ${inner} }` };
      }
      // From the Node type down the path, innermost first.
      let inner = leaf;
      const owners = [entry.from];
      for (const segment of entry.path.slice(0, -1)) {
        const owner = schema.getType(owners.at(-1)!) as GraphQLObjectType;
        owners.push(getNamedType(owner.getFields()[segment].type).name);
      }
      for (let index = entry.path.length - 1; index >= 0; index -= 1) {
        const owner = schema.getType(owners[index]) as GraphQLObjectType;
        const segment = entry.path[index];
        inner = selectionOf(owner.getFields()[segment], ruleOf(owners[index], segment).args?.(target), inner);
      }
      return {
        field: field.name,
        alias,
        path: [...entry.path, field.name],
        text: `${alias}: node(id: $id) { ... on ${entry.from} { ${inner} } }`,
      };
    })
    .filter(inChunk);
  const variables = entry.kind === 'root' ? '' : '($id: ID!)';
  return { text: `query Matrix${variables} { ${fields.map((field) => field.text).join(' ')} }`, fields };
}

interface RawResponse {
  status: number;
  raw: string;
  body: { data?: Record<string, unknown> | null; errors?: { path?: (string | number)[]; extensions?: { code?: string } }[] };
}

async function post(client: GraphQLClient, query: string, variables: Record<string, unknown> = {}): Promise<RawResponse> {
  const response = await fetch(`${client.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(client.token ? { authorization: `Bearer ${client.token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const raw = await response.text();
  return { status: response.status, raw, body: JSON.parse(raw) };
}

// What a response says about the field under `alias` at `path`; `whenNull` is what a null alias
// means (node(id): the object is hidden; a Query field: its value is null).
function classify(response: RawResponse, alias: string, path: string[], whenNull: Outcome = 'hidden'): Outcome | string {
  const errors = response.body.errors ?? [];
  const whole = errors.find((error) => !error.path);
  if (whole) return whole.extensions?.code ?? 'ERROR';
  const own = errors.find((error) => error.path?.[0] === alias);
  if (own) return own.extensions?.code ?? 'ERROR';
  // An error in a non-null Query field (viewer) nulls the whole answer.
  if (response.body.data === null && errors.length > 0) return errors[0].extensions?.code ?? 'ERROR';
  let value: unknown = response.body.data?.[alias];
  if (value === null || value === undefined) return whenNull;
  for (const segment of [null, ...path]) {
    if (segment !== null) value = (value as Record<string, unknown>)[segment];
    if (Array.isArray(value)) {
      if (value.length === 0) return 'empty';
      value = value[0];
    }
    if (value === null || value === undefined) return 'null';
  }
  if (typeof value === 'object' && value !== null && 'totalCount' in value) {
    return (value as { totalCount: number }).totalCount === 0 ? 'empty' : 'data';
  }
  return 'data';
}

// Runs `work` over `items`, a few at a time.
async function inBatches<T>(items: T[], work: (item: T) => Promise<void>, size = 8): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(work));
}

// Every row of every table, hashed per table (sessions, API keys' lastUsedAt and the audit log
// aside: signing in and logout succeed and are audited; test/audit pins what the log holds).
async function databaseFingerprint(app: TestApp): Promise<Record<string, string>> {
  const connection = app.em().getConnection();
  const tables: { table_name: string }[] = await connection.execute(
    `select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('session', 'audit_event', 'mikro_orm_migrations')
      order by table_name`,
  );
  const fingerprint: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    const columns: { column_name: string }[] = await connection.execute(
      `select column_name from information_schema.columns where table_schema = 'public' and table_name = ? and column_name <> 'last_used_at' order by column_name`,
      [table],
    );
    const row = `row(${columns.map((column) => `t."${column.column_name}"`).join(', ')})::text`;
    const [{ hash }] = await connection.execute(
      `select md5(coalesce(string_agg(${row}, '|' order by ${row}), '')) as hash from "${table}" t`,
    );
    fingerprint[table] = hash;
  }
  return fingerprint;
}

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

let app: TestApp;
let schema: GraphQLSchema;
let world: MatrixWorld;

// How many answers of each kind every caller got; MATRIX_SUMMARY=1 prints it at the end.
const summary = new Map<string, Map<string, number>>();
function tally(caller: string, outcome: string): void {
  const counts = summary.get(caller) ?? new Map<string, number>();
  counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  summary.set(caller, counts);
}

beforeAll(async () => {
  app = await startTestApp();
  schema = await buildAppSchema();
  world = await buildMatrixWorld(app);
}, 120_000);
afterAll(async () => {
  if (process.env.MATRIX_SUMMARY) {
    const rows = [...summary].map(
      ([caller, counts]) => `${caller}: ${[...counts].map(([outcome, count]) => `${outcome} ${count}`).join(', ')}`,
    );
    process.stdout.write(`${rows.join('\n')}\n`);
  }
  await app.close();
});

function objectTypes(): GraphQLObjectType[] {
  return Object.values(schema.getTypeMap()).filter(
    (type): type is GraphQLObjectType =>
      isObjectType(type) && !type.name.startsWith('__') && type.name !== 'Query' && type.name !== 'Mutation',
  );
}

describe('the table covers the schema', () => {
  it('should name every Query field, and nothing else', () => {
    expect(Object.keys(schema.getQueryType()!.getFields()).sort()).toEqual(Object.keys(EXPECTED.queries).sort());
  });

  it('should name every Mutation, and nothing else', () => {
    expect(Object.keys(schema.getMutationType()!.getFields()).sort()).toEqual(Object.keys(EXPECTED.mutations).sort());
  });

  it('should name every object type with exactly its fields', () => {
    const unreviewed: string[] = [];
    for (const type of objectTypes()) {
      const fields = Object.keys(type.getFields()).sort();
      const entry = EXPECTED.types[type.name];
      const listed = entry
        ? entry.kind === 'unreachable'
          ? entry.fields
          : Object.keys(entry.fields)
        : (STRUCTURAL[type.name] ??
          (type.name.endsWith('Connection') ? CONNECTION_FIELDS : type.name.endsWith('Edge') ? EDGE_FIELDS : null));
      if (!listed) unreviewed.push(`${type.name} (not in the table)`);
      else if (JSON.stringify([...listed].sort()) !== JSON.stringify(fields)) {
        unreviewed.push(`${type.name}: schema has [${fields}], table has [${[...listed].sort()}]`);
      }
    }
    const names = new Set(objectTypes().map((type) => type.name));
    for (const name of [...Object.keys(EXPECTED.types).map(schemaTypeOf), ...Object.keys(STRUCTURAL)]) {
      if (!names.has(name)) unreviewed.push(`${name} is in the table but not in the schema`);
    }
    // Second ways to a type list its fields too.
    for (const [key, entry] of Object.entries(EXPECTED.types)) {
      if (entry.kind !== 'via' || !entry.type || !names.has(entry.type)) continue;
      const fields = Object.keys((schema.getType(entry.type) as GraphQLObjectType).getFields()).sort();
      const listed = Object.keys(entry.fields).sort();
      if (JSON.stringify(listed) !== JSON.stringify(fields)) unreviewed.push(`${key}: schema has [${fields}], table has [${listed}]`);
    }
    expect(unreviewed).toEqual([]);
  });

  it('should reach every Node type of the schema with node(id), unless the table says why not', () => {
    const node = schema.getType('Node');
    expect(isInterfaceType(node)).toBe(true);
    const implementations = schema
      .getPossibleTypes(node as never)
      .map((type) => type.name)
      .sort();
    const reached = Object.entries(EXPECTED.types)
      .filter(([, entry]) => entry.kind === 'node' || entry.kind === 'unreachable')
      .map(([name]) => name)
      .sort();
    expect(implementations).toEqual(reached);
    for (const target of TARGET_NAMES) {
      for (const [name, entry] of Object.entries(EXPECTED.types)) {
        if (entry.kind === 'node') expect([name, typeof world.targets[target].ids[name]]).toEqual([name, 'string']);
      }
    }
  });
});

describe('object types', () => {
  it('should give every caller exactly what the table says, field by field, and hide objects exactly like missing ones', async () => {
    const mismatches: string[] = [];
    const leaks: string[] = [];
    const seen = new Map<string, number>();
    // The answer for an id that does not exist, per caller and query: the same request for every
    // target the object is hidden at (most types are hidden from most keys at all three), so it is
    // asked once.
    const missingAnswers = new Map<string, Promise<RawResponse>>();
    const work: { typeName: string; targetName: TargetName; chunk: number }[] = [];
    for (const [typeName, entry] of Object.entries(EXPECTED.types)) {
      if (entry.kind === 'unreachable') continue;
      const fieldCount = Object.keys((schema.getType(schemaTypeOf(typeName)) as GraphQLObjectType).getFields()).length;
      for (const targetName of entry.kind === 'root' ? (['OWN'] as TargetName[]) : TARGET_NAMES) {
        for (let chunk = 0; chunk * QUERY_LIMITS.aliases < fieldCount; chunk += 1) work.push({ typeName, targetName, chunk });
      }
    }
    await inBatches(work, async ({ typeName, targetName, chunk }) => {
      const entry = EXPECTED.types[typeName] as NodeEntry | ViaEntry | RootEntry;
      const target = world.targets[targetName];
      const query = typeQuery(schema, typeName, target, chunk);
      const nodeType = entry.kind === 'via' ? entry.from : typeName;
      const variables = entry.kind === 'root' ? {} : { id: target.ids[nodeType] };
      for (const { spec, client } of world.callers) {
        const response = await post(client, query.text, variables);
        let hidden = false;
        for (const { field, alias, path } of query.fields) {
          const expected = expectedOutcome(schema, typeName, field, spec, target);
          const actual = classify(response, alias, path);
          if (actual !== expected) mismatches.push(`${spec.name} ${typeName}.${field} @${targetName}: expected ${expected}, got ${actual}`);
          tally(spec.name, actual);
          seen.set(actual, (seen.get(actual) ?? 0) + 1);
          if (expected === 'hidden' || expected === 'UNAUTHENTICATED') hidden = true;
        }
        if (hidden && entry.kind !== 'root') {
          const asked = `${spec.name}\n${query.text}`;
          if (!missingAnswers.has(asked)) missingAnswers.set(asked, post(client, query.text, { id: toGlobalId(nodeType, MISSING) }));
          const missing = await missingAnswers.get(asked)!;
          if (missing.raw !== response.raw || missing.status !== response.status) {
            leaks.push(
              `${spec.name} ${typeName} @${targetName}: ${response.raw.slice(0, 300)} differs from missing ${missing.raw.slice(0, 300)}`,
            );
          }
        }
      }
    });
    expect(mismatches).toEqual([]);
    expect(leaks).toEqual([]);
    // Every kind of answer occurred: the classification tells them apart.
    expect([...seen.keys()].sort()).toEqual(['FORBIDDEN', 'UNAUTHENTICATED', 'data', 'empty', 'hidden', 'null']);
  }, 300_000);
});

describe('query fields', () => {
  it('should let through exactly the callers the table names, with nothing of another firm or client in lists', async () => {
    const mismatches: string[] = [];
    const leaks: string[] = [];
    const ownerOf = await owners(app);
    const queryType = schema.getQueryType()!;
    const work = Object.entries(EXPECTED.queries).flatMap(([name, entry]) => world.callers.map((caller) => ({ name, entry, caller })));
    await inBatches(work, async ({ name, entry, caller: { spec, client } }) => {
      const field = queryType.getFields()[name];
      const connection = getNamedType(field.type).name.endsWith('Connection');
      const selection = connection
        ? `${entry.args ? `${name}(${entry.args})` : `${name}(first: 100)`} { totalCount nodes { ${entry.ownerField ? `${entry.ownerField} { id }` : '... on Node { id }'} } }`
        : selectionOf(field, entry.args);
      const response = await post(client, `query Matrix { q: ${selection} }`);
      const expected = queryOutcome(entry, spec);
      const actual = classify(response, 'q', [], 'null');
      if (actual !== expected) mismatches.push(`${spec.name} ${name}: expected ${expected}, got ${actual}`);
      tally(spec.name, `query ${actual}`);
      if (connection && actual === 'data') {
        const items = (response.body.data!.q as { nodes: Record<string, unknown>[] }).nodes;
        const nodes = items.map((item) => (entry.ownerField ? item[entry.ownerField] : item) as { id: string });
        for (const { id } of nodes) {
          const owner = ownerOf.get(fromGlobalId(id)!.id);
          const firm = spec.firm === 'A' ? world.a.firm.id : world.b.firm.id;
          const client = spec.client === 'c1' ? world.a.client.id : spec.client === 'c2' ? localClient(world.targets.OTHER) : undefined;
          if (!owner || owner.firm !== firm || (client && owner.client !== client)) leaks.push(`${spec.name} ${name}: ${id}`);
        }
      }
    });
    expect(mismatches).toEqual([]);
    expect(leaks).toEqual([]);
  }, 120_000);
});

describe('mutations', () => {
  it('should let through exactly the callers the table names, answer unseen objects like missing ones, and change nothing', async () => {
    const before = await databaseFingerprint(app);
    const mismatches: string[] = [];
    const leaks: string[] = [];
    const work = Object.entries(EXPECTED.mutations).flatMap(([name, entry]) => world.callers.map((caller) => ({ name, entry, caller })));
    await inBatches(work, async ({ name, entry, caller: { spec, client } }) => {
      const as = entry.freshSession && spec.kind === 'user' ? await world.freshSession(spec) : client;
      const run = (id: string) => {
        const input = entry.input ? `(input: $input)` : '';
        const text = `mutation Matrix${entry.input ? `($input: ${inputTypeOf(name)}!)` : ''} { m: ${name}${input} { ${entry.select ?? ''} userErrors { code field message } } }`;
        return post(as, text, entry.input ? { input: entry.input(id) } : {});
      };
      const missingId = toGlobalId(entry.on ?? 'Mandate', MISSING);
      const response = await run(missingId);
      const expected: string =
        spec.kind === 'revoked'
          ? 'UNAUTHENTICATED'
          : entry.readers === 'PUBLIC'
            ? 'allowed'
            : !signedIn(spec)
              ? 'UNAUTHENTICATED'
              : passes(spec, entry.readers)
                ? 'allowed'
                : 'FORBIDDEN';
      const errors = response.body.errors ?? [];
      const actual = errors.length > 0 ? (errors[0].extensions?.code ?? 'ERROR') : 'allowed';
      if (actual !== expected) mismatches.push(`${spec.name} ${name}: expected ${expected}, got ${actual} ${response.raw.slice(0, 200)}`);
      tally(spec.name, `mutation ${actual}`);
      if (actual === 'allowed' && entry.on) {
        for (const foreignId of unseenIds(entry.on, spec)) {
          const foreign = await run(foreignId);
          if (foreign.raw !== response.raw) leaks.push(`${spec.name} ${name} on ${foreignId}: ${foreign.raw} differs from ${response.raw}`);
        }
      }
    });
    expect(mismatches).toEqual([]);
    expect(leaks).toEqual([]);
    expect(await databaseFingerprint(app)).toEqual(before);
  }, 300_000);
});

// Objects of the type that `caller` may not see: another firm's, and for client users another
// client's of their own firm.
function unseenIds(typeName: string, caller: CallerSpec): string[] {
  const { OWN, OTHER, FOREIGN } = world.targets;
  if (caller.firm === 'B') return [OWN.ids[typeName], OTHER.ids[typeName]];
  if (caller.client === 'c1') return [OTHER.ids[typeName], FOREIGN.ids[typeName]];
  if (caller.client === 'c2') return [OWN.ids[typeName], FOREIGN.ids[typeName]];
  return [FOREIGN.ids[typeName]];
}

function inputTypeOf(mutation: string): string {
  const field = schema.getMutationType()!.getFields()[mutation];
  return getNamedType(field.args.find((arg) => arg.name === 'input')!.type).name;
}

function localClient(target: Target): string {
  return fromGlobalId(target.ids.Client)!.id;
}

// The firm (and client, where there is one) of every row: to tell whose a listed object is.
async function owners(app: TestApp): Promise<Map<string, { firm: string; client?: string }>> {
  const connection = app.em().getConnection();
  const tables: { table_name: string }[] = await connection.execute(
    `select c.table_name from information_schema.columns c
      where c.table_schema = 'public' and c.column_name = 'firm_id'
        and exists (select 1 from information_schema.columns i where i.table_schema = 'public' and i.table_name = c.table_name and i.column_name = 'id')`,
  );
  const owner = new Map<string, { firm: string; client?: string }>();
  for (const { table_name: table } of tables) {
    const rows: { id: string; firm_id: string }[] = await connection.execute(`select id, firm_id from "${table}"`);
    for (const row of rows) owner.set(row.id, { firm: row.firm_id });
  }
  const mandates: { id: string; client_id: string }[] = await connection.execute('select id, client_id from mandate');
  for (const mandate of mandates) owner.get(mandate.id)!.client = mandate.client_id;
  return owner;
}

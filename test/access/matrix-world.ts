import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiKeyScope, Role } from '../../src/common/access';
import { toGlobalId } from '../../src/common/global-id';
import { ApiKey, revokeApiKey } from '../../src/modules/api-key';
import { API_KEY_PREFIX, hashToken, newToken } from '../../src/common/token';
import { Client } from '../../src/modules/client';
import type { Firm } from '../../src/common/firm.entity';
import type { User } from '../../src/modules/user';
import { Competency, DEFAULT_RUBRIC_KEY, Rubric, RubricStatus } from '../../src/modules/rubric';
import { Interview, Scorecard } from '../../src/modules/interview';
import { ShortlistEntry, ShortlistFeedback } from '../../src/modules/shortlist';
import {
  WebhookDelivery,
  WebhookDeliveryAttempt,
  WebhookDeliveryStatus,
  WebhookEvent,
  WebhookSubscription,
} from '../../src/modules/webhook';
import { AuditEvent } from '../../src/modules/audit';
import { ConsentStatus } from '../../src/modules/candidate';
import type { TestApp } from '../helpers/test-app';
import { createTestFirm, signIn, type TestFirm } from '../helpers/fixtures';
import type { GraphQLClient } from '../helpers/graphql-client';
import { insertCandidate } from '../helpers/candidate-fixtures';
import { insertAssessedMandate, insertClientWithContact, type AssessedMandate } from '../helpers/shortlist-fixtures';
import {
  AddToShortlistDocument,
  GiveShortlistFeedbackDocument,
  MergeCandidatesDocument,
  PublishShortlistDocument,
} from '../generated/graphql';

// The objects the authorization matrix asks about, and the callers that ask.

export type TargetName = 'OWN' | 'OTHER' | 'FOREIGN';

export interface Target {
  firm: 'A' | 'B';
  client: 'c1' | 'c2' | 'cB';
  // Global ids of one object of each Node type, by type name.
  ids: Record<string, string>;
  // Arguments some fields need, e.g. Mandate.comparison(candidacyIds:).
  candidacyIds: string[];
}

export interface CallerSpec {
  name: string;
  kind: 'user' | 'key' | 'anonymous' | 'revoked';
  role?: Role;
  scopes?: ApiKeyScope[];
  firm?: 'A' | 'B';
  client?: 'c1' | 'c2';
}

export interface MatrixWorld {
  a: TestFirm;
  b: TestFirm;
  targets: Record<TargetName, Target>;
  callers: { spec: CallerSpec; client: GraphQLClient }[];
  // A fresh session for each signed-in user caller, for logout.
  freshSession(spec: CallerSpec): Promise<GraphQLClient>;
}

export const ALL_SCOPES = Object.values(ApiKeyScope);

// A client company with a contact person, a mandate with two assessed candidacies on a published
// shortlist, and the contact's answer to the first entry.
async function clientWorld(app: TestApp, testFirm: TestFirm, client: Client, contact: GraphQLClient, targetKey: ApiKey, contactUser: User) {
  await app
    .em()
    .nativeUpdate(Client, { id: client.id }, { organisationNumber: `9${client.id.slice(0, 8)}`, industry: 'Energy', employeeCount: 420 });
  const world = await insertAssessedMandate(app, testFirm, { client, candidates: 2 });
  // A second record of the target candidate (same email), so Candidate.possibleDuplicates holds a pair.
  await insertCandidate(app, testFirm, { firstName: 'Second', lastName: 'Record', email: world.candidacies[0].candidate.email });
  // A third record merged into the target candidate, so Candidate.mergedFrom holds one.
  const third = await insertCandidate(app, testFirm, {
    firstName: 'Third',
    lastName: 'Record',
    consent: { status: ConsentStatus.GIVEN, retainUntil: new Date('2030-12-31T00:00:00Z') },
  });
  const { mergeCandidates } = await testFirm.asRecruiter.data(MergeCandidatesDocument, {
    input: {
      survivorId: world.candidacies[0].candidate.nodeId,
      duplicateId: third.nodeId,
      expectedVersions: { survivor: world.candidacies[0].candidate.version, duplicate: third.version },
    },
  });
  if (mergeCandidates.userErrors.length) throw new Error(JSON.stringify(mergeCandidates.userErrors));
  for (const { candidacy } of world.candidacies) {
    await testFirm.asRecruiter.data(AddToShortlistDocument, {
      input: { mandateId: world.mandate.nodeId, candidacyId: candidacy.nodeId, note: 'Built the outside-in programme.' },
    });
  }
  await testFirm.asRecruiter.data(PublishShortlistDocument, { input: { mandateId: world.mandate.nodeId } });
  const em = app.em();
  const entry = await em.findOneOrFail(ShortlistEntry, { candidacy: world.candidacies[0].candidacy.id });
  const { giveShortlistFeedback } = await contact.data(GiveShortlistFeedbackDocument, {
    input: { entryId: toGlobalId('PresentedShortlistEntry', entry.id), decision: 'INTERESTED', comment: 'Let us meet her.' },
  });
  if (giveShortlistFeedback.userErrors.length) throw new Error(JSON.stringify(giveShortlistFeedback.userErrors));
  return targetOf(app, testFirm.firm, client, contactUser, targetKey, world, entry);
}

async function targetOf(
  app: TestApp,
  firm: Firm,
  client: Client,
  contactUser: User,
  apiKey: ApiKey,
  world: AssessedMandate,
  entry: ShortlistEntry,
): Promise<Omit<Target, 'firm' | 'client'>> {
  const em = app.em();
  const rubric = await em.findOneOrFail(Rubric, { firm: firm.id, key: DEFAULT_RUBRIC_KEY, status: RubricStatus.PUBLISHED });
  const competency = await em.findOneOrFail(Competency, { rubric: rubric.id, position: 1 });
  const candidacy = world.candidacies[0].candidacy;
  const interview = await em.findOneOrFail(Interview, { candidacy: candidacy.id });
  const scorecard = await em.findOneOrFail(Scorecard, { interview: interview.id }, { orderBy: { createdAt: 'asc' } });
  const feedback = await em.findOneOrFail(ShortlistFeedback, { entry: entry.id });
  // The audit-log row of the shortlist's publication.
  const published = await em.findOneOrFail(AuditEvent, { firm: firm.id, action: 'publishShortlist', objectId: entry.shortlist.id });
  const global = (type: string, id: string) => toGlobalId(type, id);
  return {
    ids: {
      Firm: global('Firm', firm.id),
      Client: global('Client', client.id),
      User: global('User', contactUser.id),
      ApiKey: global('ApiKey', apiKey.id),
      Rubric: global('Rubric', rubric.id),
      Competency: global('Competency', competency.id),
      Mandate: global('Mandate', world.mandate.id),
      Candidate: global('Candidate', world.candidacies[0].candidate.id),
      Candidacy: global('Candidacy', candidacy.id),
      Interview: global('Interview', interview.id),
      Scorecard: global('Scorecard', scorecard.id),
      Shortlist: global('Shortlist', entry.shortlist.id),
      ShortlistEntry: global('ShortlistEntry', entry.id),
      ShortlistFeedback: global('ShortlistFeedback', feedback.id),
      PresentedMandate: global('PresentedMandate', world.mandate.id),
      PresentedShortlistEntry: global('PresentedShortlistEntry', entry.id),
      AuditEvent: global('AuditEvent', published.id),
    },
    candidacyIds: world.candidacies.map(({ candidacy: each }) => each.nodeId),
  };
}

// A webhook subscription of the firm with one delivered event, written directly (the webhook
// feature makes them from events; here only their visibility matters).
async function webhookOf(app: TestApp, firm: Firm): Promise<Record<string, string>> {
  return app.em().transactional(async (tx) => {
    const em = tx as EntityManager;
    const at = new Date('2026-11-01T10:00:00Z');
    const subscription = em.create(WebhookSubscription, {
      firm: firm.id,
      url: 'https://ats.example/hooks/outside-in',
      events: ['shortlist.published'],
      description: 'ATS sync',
      secret: 'whsec_matrix',
      // In the middle of a rotation, so previousSecretExpiresAt has something to show.
      previousSecret: 'whsec_matrix_before',
      previousSecretExpiresAt: new Date('2026-11-02T10:00:00Z'),
    });
    const event = em.create(WebhookEvent, { firm: firm.id, type: 'shortlist.published', data: {} });
    const delivery = em.create(WebhookDelivery, {
      firm: firm.id,
      subscription,
      event,
      status: WebhookDeliveryStatus.DELIVERED,
      attemptCount: 1,
      lastAttemptAt: at,
      deliveredAt: at,
      queuedAt: at,
    });
    em.create(WebhookDeliveryAttempt, { firm: firm.id, delivery, number: 1, durationMs: 12, responseStatus: 200, succeeded: true });
    await em.flush();
    return { WebhookSubscription: subscription.nodeId, WebhookDelivery: delivery.nodeId };
  });
}

export async function buildMatrixWorld(app: TestApp): Promise<MatrixWorld> {
  const a = await createTestFirm(app, 'matrixa');
  const b = await createTestFirm(app, 'matrixb');
  const other = await insertClientWithContact(app, a, 'Havbris AS');
  const targetKeyA = (await a.apiKey([ApiKeyScope.CANDIDATES_READ])).apiKey;
  const targetKeyB = (await b.apiKey([ApiKeyScope.CANDIDATES_READ])).apiKey;

  const own = await clientWorld(app, a, a.client, a.asClientUser, targetKeyA, a.clientUser);
  const second = await clientWorld(app, a, other.client, other.as, targetKeyA, other.user);
  const foreign = await clientWorld(app, b, b.client, b.asClientUser, targetKeyB, b.clientUser);

  const webhooksA = await webhookOf(app, a.firm);
  const webhooksB = await webhookOf(app, b.firm);
  Object.assign(own.ids, webhooksA);
  Object.assign(second.ids, webhooksA);
  Object.assign(foreign.ids, webhooksB);

  const keys = await Promise.all(ALL_SCOPES.map(async (scope) => ({ scope, client: (await a.apiKey([scope])).client })));
  // No API would make a key without scopes; one may exist from before scopes were required.
  const unscoped = newToken(API_KEY_PREFIX);
  await app.em().transactional(async (tx) => {
    (tx as EntityManager).create(ApiKey, {
      firm: a.firm.id,
      name: 'key without scopes',
      scopes: [],
      prefix: unscoped.slice(0, API_KEY_PREFIX.length + 4),
      secretHash: hashToken(unscoped),
      createdBy: null,
    });
  });
  const revoked = await a.apiKey(ALL_SCOPES);
  await app.em().transactional((tx) => revokeApiKey(tx as EntityManager, a.firm.id, revoked.apiKey.id));

  const emails: Record<string, string> = {
    adminA: a.admin.email,
    recruiterA: a.recruiter.email,
    clientOwn: a.clientUser.email,
    clientOther: other.user.email,
    adminB: b.admin.email,
  };
  return {
    a,
    b,
    targets: {
      OWN: { firm: 'A', client: 'c1', ...own },
      OTHER: { firm: 'A', client: 'c2', ...second },
      FOREIGN: { firm: 'B', client: 'cB', ...foreign },
    },
    callers: [
      { spec: { name: 'adminA', kind: 'user', role: Role.ADMIN, firm: 'A' }, client: a.asAdmin },
      { spec: { name: 'recruiterA', kind: 'user', role: Role.RECRUITER, firm: 'A' }, client: a.asRecruiter },
      { spec: { name: 'clientOwn', kind: 'user', role: Role.CLIENT, firm: 'A', client: 'c1' }, client: a.asClientUser },
      { spec: { name: 'clientOther', kind: 'user', role: Role.CLIENT, firm: 'A', client: 'c2' }, client: other.as },
      ...keys.map(({ scope, client }) => ({
        spec: { name: `key(${scope})`, kind: 'key' as const, scopes: [scope], firm: 'A' as const },
        client,
      })),
      { spec: { name: 'key()', kind: 'key', scopes: [], firm: 'A' }, client: app.client(unscoped) },
      { spec: { name: 'revokedKey', kind: 'revoked' }, client: revoked.client },
      { spec: { name: 'anonymous', kind: 'anonymous' }, client: app.anonymous() },
      { spec: { name: 'adminB', kind: 'user', role: Role.ADMIN, firm: 'B' }, client: b.asAdmin },
    ],
    freshSession: (spec) => signIn(app, emails[spec.name]),
  };
}

import { ApiKeyScope } from '../../src/common/access';
import { localIdOf } from '../../src/common/global-id';
import { CandidacyStage } from '../../src/modules/candidacy';
import { Shortlist } from '../../src/modules/shortlist';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, PASSWORD, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLClient } from '../helpers/graphql-client';
import { insertCandidacy } from '../helpers/interview-fixtures';
import { insertAssessedMandate } from '../helpers/shortlist-fixtures';
import { auditLogText, auditRowCount, auditRowsOf, newRequestId, requestHeaders, type AuditRow } from '../helpers/audit-fixtures';
import {
  AddToShortlistDocument,
  AmendScorecardDocument,
  CreateApiKeyDocument,
  CreateCandidateDocument,
  LoginDocument,
  LogoutDocument,
  MoveCandidacyBareDocument,
  PublishShortlistDocument,
  ScheduleInterviewDocument,
  SubmitScorecardDocument,
  UpdateCandidateDocument,
  UpsertCandidatesFullDocument,
} from '../generated/graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

let app: TestApp;
let nordlys: TestFirm;

// Personal values and secrets the requests below send: none may ever reach the audit log.
const PERSONAL = {
  firstName: 'Ragnhild',
  lastName: 'Tveitevoll',
  email: 'ragnhild.tveitevoll@private.example',
  phone: '+47 915 55 321',
  headline: 'CFO, Vestlandsbanken',
  newHeadline: 'CEO, Vestlandsbanken',
  tag: 'board-ready-88a1',
  evidence: 'Cut churn by a third after riding along with field sales.',
  amendedEvidence: 'Reference confirmed the churn programme was her design.',
  summary: 'Unusually close to customers for a CFO.',
  reason: 'Second reference call changed the picture.',
  moveReason: 'Declined: relocation to Tromsø not possible.',
  keyName: 'Workday sync 4411',
  note: 'Ran the bank turnaround that the client admires.',
  upsertEmail: 'sigve.aasen@private.example',
};
const secrets: string[] = [];

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
});
afterAll(() => app.close());

// Sends a mutation with a request id of our own; returns the data and that id.
async function send<TData, TVariables>(client: GraphQLClient, document: TypedDocumentNode<TData, TVariables>, variables?: TVariables) {
  const requestId = newRequestId('audit');
  const response = await client.request(document, variables, requestHeaders(requestId));
  if (response.errors?.length || !response.data) throw new Error(`Expected data, got ${response.raw}`);
  return { data: response.data, requestId };
}

function userRow(
  testFirm: TestFirm,
  userId: string,
  row: Pick<AuditRow, 'action' | 'objectType' | 'objectId' | 'objectIds' | 'summary'>,
): AuditRow {
  return { firmId: testFirm.firm.id, actorKind: 'USER', actorUserId: userId, actorApiKeyId: null, ...row };
}

const R = '[redacted]';

describe('the audit row of each mutation', () => {
  it('should record createCandidate: the recruiter, the new candidate, which fields were given, no values', async () => {
    const { data, requestId } = await send(nordlys.asRecruiter, CreateCandidateDocument, {
      input: {
        firstName: PERSONAL.firstName,
        lastName: PERSONAL.lastName,
        email: PERSONAL.email,
        phone: PERSONAL.phone,
        headline: PERSONAL.headline,
        tags: [PERSONAL.tag],
        consent: { status: 'GIVEN', retainUntil: '2031-06-30T00:00:00Z' },
      },
    });
    const candidateId = localIdOf(data.createCandidate.candidate!.id, 'Candidate')!;
    expect(await auditRowsOf(app, requestId)).toEqual([
      userRow(nordlys, nordlys.recruiter.id, {
        action: 'createCandidate',
        objectType: 'Candidate',
        objectId: candidateId,
        objectIds: [candidateId],
        summary: {
          input: {
            firstName: R,
            lastName: R,
            email: R,
            phone: R,
            headline: R,
            tags: { count: 1 },
            consent: { status: 'GIVEN', retainUntil: R },
          },
          // The version the mutation left the candidate at.
          result: { version: 1 },
        },
      }),
      // The payload showed the new candidate's email and phone: a read like any other.
      userRow(nordlys, nordlys.recruiter.id, {
        action: 'read:Candidate',
        objectType: 'Candidate',
        objectId: candidateId,
        objectIds: [candidateId],
        summary: { fields: ['email', 'phone'] },
      }),
    ]);
  });

  it('should record updateCandidate with the fields given and the consent status', async () => {
    const created = await send(nordlys.asRecruiter, CreateCandidateDocument, {
      input: { firstName: PERSONAL.firstName, lastName: PERSONAL.lastName },
    });
    const candidate = created.data.createCandidate.candidate!;
    const { requestId } = await send(nordlys.asAdmin, UpdateCandidateDocument, {
      input: { candidateId: candidate.id, headline: PERSONAL.newHeadline, email: null, consent: { status: 'WITHDRAWN' } },
    });
    expect(await auditRowsOf(app, requestId)).toEqual([
      userRow(nordlys, nordlys.admin.id, {
        action: 'updateCandidate',
        objectType: 'Candidate',
        objectId: localIdOf(candidate.id, 'Candidate'),
        objectIds: [localIdOf(candidate.id, 'Candidate')!],
        // A cleared field shows as null: that it was cleared is no personal value.
        summary: {
          input: { candidateId: candidate.id, headline: R, email: null, consent: { status: 'WITHDRAWN' } },
          result: { version: 2 },
        },
      }),
    ]);
  });

  it('should record moveCandidacy with the stage, and the reason only as given', async () => {
    const { candidacy } = await insertCandidacy(app, nordlys, { stage: CandidacyStage.SOURCED });
    const moved = await send(nordlys.asRecruiter, MoveCandidacyBareDocument, {
      input: { candidacyId: candidacy.nodeId, stage: 'SCREENING' },
    });
    expect(moved.data.moveCandidacy.candidacy).toEqual({ id: candidacy.nodeId, stage: 'SCREENING' });
    const rejected = await send(nordlys.asRecruiter, MoveCandidacyBareDocument, {
      input: { candidacyId: candidacy.nodeId, stage: 'REJECTED', reason: PERSONAL.moveReason },
    });
    expect(rejected.data.moveCandidacy.userErrors).toEqual([]);
    const row = (stage: string, extra: object) =>
      userRow(nordlys, nordlys.recruiter.id, {
        action: 'moveCandidacy',
        objectType: 'Candidacy',
        objectId: candidacy.id,
        objectIds: [candidacy.id],
        summary: { input: { candidacyId: candidacy.nodeId, stage, ...extra } },
      });
    expect(await auditRowsOf(app, moved.requestId)).toEqual([row('SCREENING', {})]);
    expect(await auditRowsOf(app, rejected.requestId)).toEqual([row('REJECTED', { reason: R })]);
  });

  it('should record scheduling, submitting and amending a scorecard, with counts and versions', async () => {
    const { candidacy } = await insertCandidacy(app, nordlys);
    const scheduled = await send(nordlys.asRecruiter, ScheduleInterviewDocument, {
      input: {
        candidacyId: candidacy.nodeId,
        kind: 'COMPETENCY',
        scheduledAt: '2026-12-01T09:00:00Z',
        interviewerIds: [nordlys.recruiter.nodeId],
      },
    });
    const interview = scheduled.data.scheduleInterview.interview!;
    expect(await auditRowsOf(app, scheduled.requestId)).toEqual([
      userRow(nordlys, nordlys.recruiter.id, {
        action: 'scheduleInterview',
        objectType: 'Interview',
        objectId: localIdOf(interview.id, 'Interview'),
        objectIds: [localIdOf(interview.id, 'Interview')!],
        summary: {
          input: { candidacyId: candidacy.nodeId, kind: 'COMPETENCY', scheduledAt: R, interviewerIds: [nordlys.recruiter.nodeId] },
          // Interviews are versioned (optimistic locking): the row says which version the change made.
          result: { version: 1 },
        },
      }),
    ]);

    const submitted = await send(nordlys.asRecruiter, SubmitScorecardDocument, {
      input: {
        interviewId: interview.id,
        ratings: [
          { competencyKey: 'OUTSIDE_IN', score: 4, evidence: PERSONAL.evidence },
          { competencyKey: 'CUSTOMER_INSIGHT', score: null, evidence: null },
        ],
        recommendation: 'YES',
        summary: PERSONAL.summary,
      },
    });
    const scorecard = submitted.data.submitScorecard.scorecard!;
    const scorecardId = localIdOf(scorecard.id, 'Scorecard');
    expect(await auditRowsOf(app, submitted.requestId)).toEqual([
      userRow(nordlys, nordlys.recruiter.id, {
        action: 'submitScorecard',
        objectType: 'Scorecard',
        objectId: scorecardId,
        objectIds: [scorecardId!],
        summary: { input: { interviewId: interview.id, ratings: { count: 2 }, recommendation: 'YES', summary: R }, result: { version: 2 } },
      }),
      // The payload showed the evidence and the summary.
      userRow(nordlys, nordlys.recruiter.id, {
        action: 'read:Scorecard',
        objectType: 'Scorecard',
        objectId: scorecardId,
        objectIds: [scorecardId!],
        summary: { fields: ['evidence', 'summary'] },
      }),
    ]);

    const amended = await send(nordlys.asRecruiter, AmendScorecardDocument, {
      input: {
        scorecardId: scorecard.id,
        ratings: [{ competencyKey: 'OUTSIDE_IN', score: 5, evidence: PERSONAL.amendedEvidence }],
        recommendation: 'STRONG_YES',
        reason: PERSONAL.reason,
        expectedVersion: 2,
      },
    });
    expect(amended.data.amendScorecard.userErrors).toEqual([]);
    expect(await auditRowsOf(app, amended.requestId)).toEqual([
      userRow(nordlys, nordlys.recruiter.id, {
        action: 'amendScorecard',
        objectType: 'Scorecard',
        objectId: scorecardId,
        objectIds: [scorecardId!],
        summary: {
          input: { scorecardId: scorecard.id, ratings: { count: 1 }, recommendation: 'STRONG_YES', reason: R, expectedVersion: 2 },
          result: { version: 3 },
        },
      }),
      userRow(nordlys, nordlys.recruiter.id, {
        action: 'read:Scorecard',
        objectType: 'Scorecard',
        objectId: scorecardId,
        objectIds: [scorecardId!],
        summary: { fields: ['evidence', 'reason', 'summary'] },
      }),
    ]);
  });

  it('should record publishShortlist on the shortlist, with its version', async () => {
    const { mandate, candidacies } = await insertAssessedMandate(app, nordlys, { candidates: 1 });
    await send(nordlys.asRecruiter, AddToShortlistDocument, {
      input: { mandateId: mandate.nodeId, candidacyId: candidacies[0].candidacy.nodeId, note: PERSONAL.note },
    });
    const { data, requestId } = await send(nordlys.asRecruiter, PublishShortlistDocument, { input: { mandateId: mandate.nodeId } });
    expect(data.publishShortlist.userErrors).toEqual([]);
    const shortlist = await app.em().findOneOrFail(Shortlist, { mandate: mandate.id });
    expect(await auditRowsOf(app, requestId)).toEqual([
      userRow(nordlys, nordlys.recruiter.id, {
        action: 'publishShortlist',
        objectType: 'Shortlist',
        objectId: shortlist.id,
        objectIds: [shortlist.id],
        summary: { input: { mandateId: mandate.nodeId }, result: { version: shortlist.version } },
      }),
    ]);
  });

  it('should record upsertCandidates as one row naming the candidates written, with counts, and one read row per candidate shown', async () => {
    const { apiKey, client } = await nordlys.apiKey([ApiKeyScope.CANDIDATES_WRITE]);
    const { data, requestId } = await send(client, UpsertCandidatesFullDocument, {
      input: {
        candidates: [
          { externalRef: { system: 'workday', externalId: 'wd-1' }, firstName: 'Sigve', lastName: 'Aasen', email: PERSONAL.upsertEmail },
          { externalRef: { system: 'workday', externalId: 'wd-2' }, firstName: 'Tone', lastName: 'Lie' },
          { externalRef: { system: 'workday', externalId: 'wd-3' }, firstName: '', lastName: 'Lie' },
        ],
      },
    });
    const payload = data.upsertCandidates;
    expect([payload.createdCount, payload.rejectedCount]).toEqual([2, 1]);
    const withEmail = localIdOf(payload.results[0].candidate!.id, 'Candidate');
    const withoutEmail = localIdOf(payload.results[1].candidate!.id, 'Candidate');
    expect(payload.results[2].candidate).toBeNull();
    expect(await auditRowsOf(app, requestId)).toEqual([
      // The candidates the sync wrote, so the filter by object finds it for each of them.
      {
        firmId: nordlys.firm.id,
        actorKind: 'API_KEY',
        actorUserId: null,
        actorApiKeyId: apiKey.id,
        action: 'upsertCandidates',
        objectType: 'Candidate',
        objectId: null,
        objectIds: [withEmail, withoutEmail].sort(),
        summary: { input: { candidates: { count: 3 } }, result: { createdCount: 2, updatedCount: 0, unchangedCount: 0, rejectedCount: 1 } },
      },
      // Only the candidate with an email had contact data to read.
      {
        firmId: nordlys.firm.id,
        actorKind: 'API_KEY',
        actorUserId: null,
        actorApiKeyId: apiKey.id,
        action: 'read:Candidate',
        objectType: 'Candidate',
        objectId: withEmail,
        objectIds: [withEmail],
        summary: { fields: ['email'] },
      },
    ]);
  });

  it('should record createApiKey with its scopes, and never its secret', async () => {
    const { data, requestId } = await send(nordlys.asAdmin, CreateApiKeyDocument, {
      input: { name: PERSONAL.keyName, scopes: ['CANDIDATES_READ', 'MANDATES_READ'] },
    });
    const secret = data.createApiKey.secret!;
    secrets.push(secret);
    expect(await auditRowsOf(app, requestId)).toEqual([
      userRow(nordlys, nordlys.admin.id, {
        action: 'createApiKey',
        objectType: 'ApiKey',
        objectId: localIdOf(data.createApiKey.apiKey!.id, 'ApiKey'),
        objectIds: [localIdOf(data.createApiKey.apiKey!.id, 'ApiKey')!],
        summary: { input: { name: R, scopes: ['candidates:read', 'mandates:read'] } },
      }),
    ]);
    expect(await auditLogText(app)).not.toContain(secret);
  });

  it('should record a login with the user who signed in as the actor, and a logout', async () => {
    const login = await send(app.anonymous(), LoginDocument, { input: { email: nordlys.recruiter.email, password: PASSWORD } });
    const token = login.data.login.token!;
    secrets.push(token);
    expect(await auditRowsOf(app, login.requestId)).toEqual([
      userRow(nordlys, nordlys.recruiter.id, {
        action: 'login',
        objectType: 'User',
        objectId: nordlys.recruiter.id,
        objectIds: [nordlys.recruiter.id],
        // Users are versioned (updateUser): the version of the user who signed in.
        summary: { input: { email: R, password: R }, result: { version: 1 } },
      }),
    ]);
    const logout = await send(app.client(token), LogoutDocument);
    expect(logout.data.logout.loggedOut).toBe(true);
    expect(await auditRowsOf(app, logout.requestId)).toEqual([
      userRow(nordlys, nordlys.recruiter.id, {
        action: 'logout',
        objectType: null,
        objectId: null,
        objectIds: [],
        summary: { input: {}, result: { loggedOut: true } },
      }),
    ]);
  });
});

describe('what is not recorded', () => {
  it('should write no row for a mutation refused with a user error: it rolled back', async () => {
    const created = await send(nordlys.asRecruiter, CreateCandidateDocument, {
      input: { firstName: PERSONAL.firstName, lastName: PERSONAL.lastName },
    });
    const before = await auditRowCount(app);
    const { data, requestId } = await send(nordlys.asRecruiter, UpdateCandidateDocument, {
      input: { candidateId: created.data.createCandidate.candidate!.id, firstName: '' },
    });
    expect(data.updateCandidate.userErrors.map((error) => [error.code, error.field])).toEqual([['REQUIRED', ['input', 'firstName']]]);
    expect(await auditRowsOf(app, requestId)).toEqual([]);
    expect(await auditRowCount(app)).toBe(before);
  });

  it('should write no row for a refused caller, a failed login or a login with an unknown email', async () => {
    const before = await auditRowCount(app);
    const forbidden = await nordlys.asClientUser.request(CreateCandidateDocument, { input: { firstName: 'A', lastName: 'B' } });
    expect(errorCodes(forbidden)).toEqual(['FORBIDDEN']);
    for (const email of [nordlys.admin.email, 'nobody@nowhere.example']) {
      const { data } = await send(app.anonymous(), LoginDocument, { input: { email, password: 'not the password' } });
      expect(data.login.userErrors.map((error) => error.code)).toEqual(['INVALID_CREDENTIALS']);
    }
    expect(await auditRowCount(app)).toBe(before);
  });

  it('should keep no personal value, password, secret or token anywhere in the audit log', async () => {
    const text = await auditLogText(app);
    expect(text.length).toBeGreaterThan(0);
    const forbidden = [...Object.values(PERSONAL), PASSWORD, 'not the password', nordlys.admin.email, nordlys.recruiter.email, ...secrets];
    expect(forbidden.filter((value) => text.includes(value))).toEqual([]);
  });
});

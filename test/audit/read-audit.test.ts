import { ApiKeyScope } from '../../src/common/access';
import { Interview, Scorecard } from '../../src/modules/interview';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import type { GraphQLClient } from '../helpers/graphql-client';
import { insertCandidate } from '../helpers/candidate-fixtures';
import { EVIDENCE_MARKER, insertAssessedMandate, SUMMARY_MARKER } from '../helpers/shortlist-fixtures';
import { auditLogText, auditRowCount, auditRowsOf, newRequestId, requestHeaders, type AuditRow } from '../helpers/audit-fixtures';
import {
  AddToShortlistDocument,
  CandidatesContactDocument,
  CandidatesNamesDocument,
  PresentedMandatesDocument,
  PublishShortlistDocument,
  ScorecardEvidenceDocument,
  ScorecardScoresOnlyDocument,
} from '../generated/graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { writeReadEvents } from '../../src/modules/audit';
import { newAuditTrail } from '../../src/common/context';
import { Role } from '../../src/common/access';

let app: TestApp;
let nordlys: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
});
afterAll(() => app.close());

async function read<TData, TVariables>(client: GraphQLClient, document: TypedDocumentNode<TData, TVariables>, variables?: TVariables) {
  const requestId = newRequestId('read');
  const response = await client.request(document, variables, requestHeaders(requestId));
  if (response.errors?.length || !response.data) throw new Error(`Expected data, got ${response.raw}`);
  return { data: response.data, requestId };
}

// `count` candidates of a new firm: every third without a phone, every fifth without an email.
async function firmWithCandidates(label: string, count: number) {
  const testFirm = await createTestFirm(app, label);
  const candidates = [];
  for (let index = 0; index < count; index += 1) {
    candidates.push(
      await insertCandidate(app, testFirm, {
        firstName: `Kari${index}`,
        lastName: `Nordmann${label}`,
        email: index % 5 === 4 ? null : `kari${index}.${label}@private.example`,
        phone: index % 3 === 2 ? null : `+47 400 ${String(10000 + index)}`,
        headline: 'Director',
      }),
    );
  }
  return { testFirm, candidates };
}

// The row a recruiter's read of `fields` of candidates `ids` leaves (only a row of one object names it in objectId too).
function recruiterReadRow(testFirm: TestFirm, fields: string[], ids: string[]): AuditRow {
  const sorted = [...ids].sort();
  return {
    firmId: testFirm.firm.id,
    actorKind: 'USER',
    actorUserId: testFirm.recruiter.id,
    actorApiKeyId: null,
    action: 'read:Candidate',
    objectType: 'Candidate',
    objectId: sorted.length === 1 ? sorted[0] : null,
    objectIds: sorted,
    summary: { fields },
  };
}

function contactFields(candidate: { email: string | null; phone: string | null }): string[] {
  return [...(candidate.email ? ['email'] : []), ...(candidate.phone ? ['phone'] : [])];
}

describe('reads of candidate contact data', () => {
  it('should write one row per set of contact fields read, naming every candidate read with exactly those fields', async () => {
    const { testFirm, candidates } = await firmWithCandidates('contact', 6);
    const { data, requestId } = await read(testFirm.asRecruiter, CandidatesContactDocument, { first: 10 });
    expect(data.candidates.nodes).toHaveLength(6);
    const row = (fields: string[], indexes: number[]) =>
      recruiterReadRow(
        testFirm,
        fields,
        indexes.map((index) => candidates[index].id),
      );
    // Indexes 2 and 5 have an email but no phone, 4 a phone but no email, the others both: three rows.
    expect(candidates.map(contactFields)).toEqual([
      ['email', 'phone'],
      ['email', 'phone'],
      ['email'],
      ['email', 'phone'],
      ['phone'],
      ['email'],
    ]);
    expect(await auditRowsOf(app, requestId)).toEqual([row(['email', 'phone'], [0, 1, 3]), row(['email'], [2, 5]), row(['phone'], [4])]);
  });

  it('should record an API key as the reader', async () => {
    const { testFirm, candidates } = await firmWithCandidates('keyread', 1);
    const { apiKey, client } = await testFirm.apiKey([ApiKeyScope.CANDIDATES_READ]);
    const { requestId } = await read(client, CandidatesContactDocument, { first: 10 });
    expect(await auditRowsOf(app, requestId)).toEqual([
      {
        firmId: testFirm.firm.id,
        actorKind: 'API_KEY',
        actorUserId: null,
        actorApiKeyId: apiKey.id,
        action: 'read:Candidate',
        objectType: 'Candidate',
        objectId: candidates[0].id,
        objectIds: [candidates[0].id],
        summary: { fields: ['email', 'phone'] },
      },
    ]);
  });

  it('should write nothing for names and headlines, shown in every list', async () => {
    const { testFirm } = await firmWithCandidates('names', 3);
    const before = await auditRowCount(app);
    const { data, requestId } = await read(testFirm.asRecruiter, CandidatesNamesDocument, { first: 10 });
    expect(data.candidates.nodes).toHaveLength(3);
    expect(await auditRowsOf(app, requestId)).toEqual([]);
    expect(await auditRowCount(app)).toBe(before);
  });

  it('should run the same number of SQL statements for 50 candidates read as for 5: one more than without contact data', async () => {
    const few = await firmWithCandidates('few', 5);
    const many = await firmWithCandidates('many', 50);
    const contactForFive = await app.countStatements(() => read(few.testFirm.asRecruiter, CandidatesContactDocument, { first: 100 }));
    const contactForFifty = await app.countStatements(() => read(many.testFirm.asRecruiter, CandidatesContactDocument, { first: 100 }));
    const namesForFifty = await app.countStatements(() => read(many.testFirm.asRecruiter, CandidatesNamesDocument, { first: 100 }));
    expect(contactForFifty).toBe(contactForFive);
    expect(contactForFifty).toBe(namesForFifty + 1);
    const rows: { fields: string[]; objects: number }[] = await app
      .em()
      .getConnection()
      .execute(
        `select summary->'fields' as fields, cardinality(object_ids)::int as objects from audit_event
          where firm_id = ? and action = 'read:Candidate' order by summary::text collate "C"`,
        [many.testFirm.firm.id],
      );
    // Read once with contact data: 50 candidates, less the 3 with neither email nor phone (14, 29, 44),
    // in three rows: email only (index % 3 = 2 and % 5 ≠ 4: 13), phone only (% 5 = 4, % 3 ≠ 2: 7), both (27).
    expect(rows).toEqual([
      { fields: ['email', 'phone'], objects: 27 },
      { fields: ['email'], objects: 13 },
      { fields: ['phone'], objects: 7 },
    ]);
  });
});

describe('the statement that writes the read rows', () => {
  it('should go prepared (parsed and planned once per connection) and write every request its rows', async () => {
    const { testFirm } = await firmWithCandidates('prepared', 3);
    const statements = await app.recordStatements(() => read(testFirm.asRecruiter, CandidatesContactDocument, { first: 100 }));
    const inserts = statements.filter((statement) => /^insert into "audit_event"/.test(statement.sql));
    expect(inserts.map((statement) => statement.prepared)).toEqual([true]);
    // Again on the statement prepared: candidates 0 and 1 with email and phone, 2 with email only.
    await read(testFirm.asRecruiter, CandidatesContactDocument, { first: 100 });
    const rows: { fields: string[]; objects: number }[] = await app
      .em()
      .getConnection()
      .execute(
        `select summary->'fields' as fields, cardinality(object_ids)::int as objects from audit_event
          where firm_id = ? and action = 'read:Candidate' order by summary::text collate "C"`,
        [testFirm.firm.id],
      );
    expect(rows).toEqual([
      { fields: ['email', 'phone'], objects: 2 },
      { fields: ['email', 'phone'], objects: 2 },
      { fields: ['email'], objects: 1 },
      { fields: ['email'], objects: 1 },
    ]);
  });
});

describe('the read rows and the transaction the request may hold', () => {
  it('should commit the read rows on their own: a transaction of the request that rolls back keeps them', async () => {
    const { testFirm, candidates } = await firmWithCandidates('outside', 2);
    const requestId = newRequestId('outside');
    const audit = newAuditTrail();
    for (const candidate of candidates)
      audit.reads.set(`Candidate:${candidate.id}`, { objectType: 'Candidate', objectId: candidate.id, fields: new Set(['email']) });
    const principal = {
      kind: 'USER' as const,
      firmId: testFirm.firm.id,
      userId: testFirm.recruiter.id,
      role: Role.RECRUITER,
      clientId: null,
    };
    const rolledBack = new Error('the request rolls back');
    await expect(
      app.em().transactional(async (transaction) => {
        await writeReadEvents({ em: transaction as EntityManager, principal, requestId, audit });
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(await auditRowsOf(app, requestId)).toEqual<AuditRow[]>([
      recruiterReadRow(
        testFirm,
        ['email'],
        candidates.map((candidate) => candidate.id),
      ),
    ]);
  });
});

describe('reads of evidence and scorecard summaries', () => {
  it('should write one row per scorecard with evidence and summary, reached through its ratings and its revisions', async () => {
    const { candidacies } = await insertAssessedMandate(app, nordlys, { candidates: 1 });
    const em = app.em();
    const interview = await em.findOneOrFail(Interview, { candidacy: candidacies[0].candidacy.id });
    const scorecard = await em.findOneOrFail(Scorecard, { interview: interview.id, interviewer: nordlys.admin.id });
    const { data, requestId } = await read(nordlys.asAdmin, ScorecardEvidenceDocument, { id: scorecard.nodeId });
    expect(JSON.stringify(data)).toContain(EVIDENCE_MARKER);
    expect(await auditRowsOf(app, requestId)).toEqual([
      {
        firmId: nordlys.firm.id,
        actorKind: 'USER',
        actorUserId: nordlys.admin.id,
        actorApiKeyId: null,
        action: 'read:Scorecard',
        objectType: 'Scorecard',
        objectId: scorecard.id,
        objectIds: [scorecard.id],
        summary: { fields: ['evidence', 'summary'] },
      },
    ]);
    // Scores and recommendation alone are no evidence.
    const scores = await read(nordlys.asAdmin, ScorecardScoresOnlyDocument, { id: scorecard.nodeId });
    expect(await auditRowsOf(app, scores.requestId)).toEqual([]);
  });

  it('should write nothing when a client user reads the presented candidates (names, headline, location)', async () => {
    const { mandate, candidacies } = await insertAssessedMandate(app, nordlys, { candidates: 2 });
    for (const { candidacy } of candidacies) {
      await nordlys.asRecruiter.data(AddToShortlistDocument, {
        input: { mandateId: mandate.nodeId, candidacyId: candidacy.nodeId, note: 'Strong.' },
      });
    }
    await nordlys.asRecruiter.data(PublishShortlistDocument, { input: { mandateId: mandate.nodeId } });
    const { data, requestId } = await read(nordlys.asClientUser, PresentedMandatesDocument, {});
    expect(JSON.stringify(data)).toContain('Solberg');
    expect(await auditRowsOf(app, requestId)).toEqual([]);
  });

  it('should keep no evidence, summary, email or phone in the audit log', async () => {
    const text = await auditLogText(app);
    expect(text).toContain('read:Scorecard');
    for (const value of [EVIDENCE_MARKER, SUMMARY_MARKER, '@private.example', '+47 ', 'Kari0', 'Solberg'])
      expect([value, text.includes(value)]).toEqual([value, false]);
  });
});

import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiKeyScope } from '../../src/common/access';
import { Candidate, ConsentStatus, dateOnly } from '../../src/modules/candidate';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes } from '../helpers/graphql-client';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { insertCandidate } from '../helpers/candidate-fixtures';
import { CandidatesDueForErasureDocument, EraseCandidateDocument } from '../generated/graphql';

let app: TestApp;
let firm: TestFirm;
let otherFirm: TestFirm;

const DAY = 24 * 60 * 60 * 1000;
const today = dateOnly(new Date())!;
const yesterday = dateOnly(new Date(Date.now() - DAY))!;
const tomorrow = dateOnly(new Date(Date.now() + DAY))!;

let created = Date.parse('2026-01-01T00:00:00Z');

// A candidate with this consent, written straight to the table (consent in the past cannot be
// given through the API, which is the point: time passes). Each made a second after the last.
async function candidateWith(testFirm: TestFirm, name: string, consent: { status: ConsentStatus; retainUntil: string | null }) {
  const candidate = await insertCandidate(app, testFirm, { firstName: name, lastName: 'Test' });
  await app.em().transactional(async (tx) => {
    await (tx as EntityManager).nativeUpdate(
      Candidate,
      { id: candidate.id },
      {
        consentStatus: consent.status,
        consentWithdrawnAt: consent.status === ConsentStatus.WITHDRAWN ? new Date() : null,
        retainUntil: consent.retainUntil as unknown as Date,
        createdAt: new Date((created += 1000)),
      },
    );
  });
  return candidate;
}

beforeAll(async () => {
  app = await startTestApp();
  firm = await createTestFirm(app, 'due');
  otherFirm = await createTestFirm(app, 'dueother');
}, 60_000);
afterAll(() => app.close());

describe('candidatesDueForErasure', () => {
  it('should list exactly the candidates whose consent was withdrawn or whose retainUntil has passed, oldest first, in pages', async () => {
    const expired = await candidateWith(firm, 'Expired', { status: ConsentStatus.GIVEN, retainUntil: yesterday });
    await candidateWith(firm, 'LastDay', { status: ConsentStatus.GIVEN, retainUntil: today });
    await candidateWith(firm, 'Future', { status: ConsentStatus.GIVEN, retainUntil: tomorrow });
    const withdrawn = await candidateWith(firm, 'Withdrawn', { status: ConsentStatus.WITHDRAWN, retainUntil: tomorrow });
    const withdrawnNoTerm = await candidateWith(firm, 'WithdrawnNoTerm', { status: ConsentStatus.WITHDRAWN, retainUntil: null });
    await candidateWith(firm, 'PendingNoTerm', { status: ConsentStatus.PENDING, retainUntil: null });
    const pendingExpired = await candidateWith(firm, 'PendingExpired', { status: ConsentStatus.PENDING, retainUntil: '2020-01-01' });
    const erased = await candidateWith(firm, 'AlreadyErased', { status: ConsentStatus.WITHDRAWN, retainUntil: null });
    await candidateWith(otherFirm, 'OtherFirm', { status: ConsentStatus.WITHDRAWN, retainUntil: yesterday });
    const { eraseCandidate } = await firm.asAdmin.data(EraseCandidateDocument, { input: { candidateId: erased.nodeId } });
    expect(eraseCandidate.userErrors).toEqual([]);

    const first = await firm.asAdmin.data(CandidatesDueForErasureDocument, { first: 2 });
    expect(first.candidatesDueForErasure.totalCount).toBe(4);
    expect(first.candidatesDueForErasure.edges.map(({ node }) => node)).toEqual([
      {
        id: expired.nodeId,
        firstName: 'Expired',
        lastName: 'Test',
        consentStatus: 'GIVEN',
        retainUntil: yesterday,
        erasedAt: null,
      },
      {
        id: withdrawn.nodeId,
        firstName: 'Withdrawn',
        lastName: 'Test',
        consentStatus: 'WITHDRAWN',
        retainUntil: tomorrow,
        erasedAt: null,
      },
    ]);
    expect(first.candidatesDueForErasure.pageInfo.hasNextPage).toBe(true);
    const second = await firm.asAdmin.data(CandidatesDueForErasureDocument, {
      first: 2,
      after: first.candidatesDueForErasure.pageInfo.endCursor,
    });
    expect(second.candidatesDueForErasure.edges.map(({ node }) => node.id)).toEqual([withdrawnNoTerm.nodeId, pendingExpired.nodeId]);
    expect(second.candidatesDueForErasure.pageInfo).toEqual({
      hasNextPage: false,
      endCursor: second.candidatesDueForErasure.edges[1].cursor,
    });
  });

  it('should refuse a page size over 100 and a cursor of another list', async () => {
    const tooMany = await firm.asAdmin.request(CandidatesDueForErasureDocument, { first: 101 });
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
    const foreignCursor = Buffer.from(
      JSON.stringify(['candidates', '2026-01-01T00:00:00.000Z', '00000000-0000-4000-8000-000000000000']),
    ).toString('base64url');
    const wrong = await firm.asAdmin.request(CandidatesDueForErasureDocument, { after: foreignCursor });
    expect([errorCodes(wrong), wrong.errors?.[0].message]).toEqual([['BAD_USER_INPUT'], 'after is not a cursor of this list.']);
  });

  it('should refuse recruiters, client users and API keys', async () => {
    const { client: allScopes } = await firm.apiKey(Object.values(ApiKeyScope));
    for (const caller of [firm.asRecruiter, firm.asClientUser, allScopes]) {
      const response = await caller.request(CandidatesDueForErasureDocument, {});
      expect([errorCodes(response), response.data]).toEqual([['FORBIDDEN'], null]);
    }
  });
});

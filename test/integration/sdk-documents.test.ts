import { ApiKeyScope } from '../../src/common/access';
import { toGlobalId } from '../../src/common/global-id';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { atsCandidates, upsert } from '../helpers/integration-fixtures';
import { insertAssessedMandate } from '../helpers/shortlist-fixtures';
import { AddToShortlistDocument, EraseCandidateDocument, PublishShortlistDocument } from '../generated/graphql';
import { IntegratorMandateShortlistDocument, SyncCandidatesDocument } from '../generated/integration-sdk';

// The integrator SDK's documents (test/operations/integration), as an ATS's key runs them.
let app: TestApp;
let firm: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  firm = await createTestFirm(app, 'sdk');
});
afterAll(() => app.close());

describe('the integrator SDK', () => {
  it("should read a mandate's published shortlist with IntegratorMandateShortlist, with a key of shortlists:read, mandates:read and candidates:read", async () => {
    const assessed = await insertAssessedMandate(app, firm, { candidates: 2 });
    const mandateId = toGlobalId('Mandate', assessed.mandate.id);
    const candidacyIds = assessed.candidacies.map(({ candidacy }) => toGlobalId('Candidacy', candidacy.id));
    for (const candidacyId of candidacyIds) {
      const { addToShortlist } = await firm.asRecruiter.data(AddToShortlistDocument, {
        input: { mandateId, candidacyId, note: 'Strong fit' },
      });
      expect(addToShortlist.userErrors).toEqual([]);
    }
    const { publishShortlist } = await firm.asRecruiter.data(PublishShortlistDocument, { input: { mandateId } });
    expect(publishShortlist.userErrors).toEqual([]);

    const { client } = await firm.apiKey([ApiKeyScope.SHORTLISTS_READ, ApiKeyScope.MANDATES_READ, ApiKeyScope.CANDIDATES_READ]);
    const { node } = await client.data(IntegratorMandateShortlistDocument, { mandateId });
    expect(node?.__typename).toBe('Mandate');
    const shortlist = node?.__typename === 'Mandate' ? node.shortlist : null;
    // Two entries added, then published: the client sees version 3.
    expect(shortlist).toMatchObject({ version: 3, publishedVersion: 3, publishedAt: expect.any(String) });
    expect(
      shortlist!.entries.map((entry) => [
        entry.position,
        entry.publishedPosition,
        entry.candidacy.id,
        entry.candidacy.candidate.id,
        entry.feedback,
      ]),
    ).toEqual(
      assessed.candidacies.map(({ candidacy, candidate }, index) => [
        index + 1,
        index + 1,
        toGlobalId('Candidacy', candidacy.id),
        toGlobalId('Candidate', candidate.id),
        [],
      ]),
    );
  });

  it('should bring an erased candidate once more through SyncCandidates, with erasedAt', async () => {
    const { results } = await upsert(firm.asAdmin, atsCandidates(2, { prefix: 'erase' }));
    const [erasedId, keptId] = results.map((result) => result.candidate!.id);
    const { client } = await firm.apiKey([ApiKeyScope.CANDIDATES_READ]);
    const first = await client.data(SyncCandidatesDocument, { updatedSince: '2000-01-01T00:00:00Z', first: 100 });
    expect(first.candidates.edges.filter(({ node }) => [erasedId, keptId].includes(node.id)).map(({ node }) => node.erasedAt)).toEqual([
      null,
      null,
    ]);

    const { eraseCandidate } = await firm.asAdmin.data(EraseCandidateDocument, {
      input: { candidateId: erasedId, reason: 'Asked to be forgotten' },
    });
    expect(eraseCandidate.userErrors).toEqual([]);
    const next = await client.data(SyncCandidatesDocument, {
      updatedSince: '2000-01-01T00:00:00Z',
      first: 100,
      after: first.candidates.pageInfo.endCursor,
    });
    expect(next.candidates.edges.map(({ node }) => [node.id, node.erasedAt !== null])).toEqual([[erasedId, true]]);
  });
});

import { ApiKeyScope } from '../../src/common/access';
import { localIdOf, toGlobalId } from '../../src/common/global-id';
import { type Mandate, MandateStatus } from '../../src/modules/mandate';
import type { Candidate } from '../../src/modules/candidate';
import { CandidacyStageChange } from '../../src/modules/candidacy';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLClient } from '../helpers/graphql-client';
import { createTestMandate, insertCandidate, snapshotTables } from '../helpers/candidate-fixtures';
import { AddCandidateToMandateDocument } from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let fjellvik: TestFirm;
let mandate: Mandate;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  fjellvik = await createTestFirm(app, 'fjellvik');
  mandate = await createTestMandate(app, nordlys, { title: 'Konsernsjef, Fjordnett AS' });
});
afterAll(() => app.close());

let counter = 0;
function newCandidate(testFirm: TestFirm = nordlys): Promise<Candidate> {
  counter += 1;
  return insertCandidate(app, testFirm, { firstName: 'Marit', lastName: `Solberg ${counter}` });
}

function add(input: { mandateId: string; candidateId: string; reason?: string | null }, caller: GraphQLClient = nordlys.asRecruiter) {
  return caller.data(AddCandidateToMandateDocument, { input }).then((data) => data.addCandidateToMandate);
}

describe('addCandidateToMandate', () => {
  it('should add the candidate as SOURCED and record the first move, by whom and why', async () => {
    const candidate = await newCandidate();
    const before = Date.now();
    const { candidacy, userErrors } = await add({
      mandateId: mandate.nodeId,
      candidateId: candidate.nodeId,
      reason: '  Strong retail turnaround record; met at NHO conference.  ',
    });
    expect(userErrors).toEqual([]);
    expect(candidacy).toEqual({
      id: expect.any(String),
      stage: 'SOURCED',
      createdAt: expect.any(String),
      mandate: { id: mandate.nodeId },
      history: [
        {
          fromStage: null,
          toStage: 'SOURCED',
          reason: 'Strong retail turnaround record; met at NHO conference.',
          createdAt: candidacy!.createdAt,
          movedBy: { id: nordlys.recruiter.nodeId },
        },
      ],
    });
    expect(Date.parse(candidacy!.createdAt)).toBeGreaterThanOrEqual(before);
    const changes = await app.em().find(CandidacyStageChange, { candidacy: localIdOf(candidacy!.id, 'Candidacy')! });
    expect(changes.map((change) => [change.firm.id, change.movedBy?.id])).toEqual([[nordlys.firm.id, nordlys.recruiter.id]]);
  });

  it('should leave the reason empty when none is given', async () => {
    const candidate = await newCandidate();
    const { candidacy } = await add({ mandateId: mandate.nodeId, candidateId: candidate.nodeId }, nordlys.asAdmin);
    expect(candidacy!.history).toEqual([
      { fromStage: null, toStage: 'SOURCED', reason: null, createdAt: candidacy!.createdAt, movedBy: { id: nordlys.admin.nodeId } },
    ]);
  });

  it('should record no user when an API key with mandates:write adds the candidate', async () => {
    const candidate = await newCandidate();
    const { client } = await nordlys.apiKey([ApiKeyScope.MANDATES_WRITE]);
    const { candidacy, userErrors } = await add({ mandateId: mandate.nodeId, candidateId: candidate.nodeId, reason: 'ATS import' }, client);
    expect(userErrors).toEqual([]);
    expect(candidacy!.history).toEqual([
      { fromStage: null, toStage: 'SOURCED', reason: 'ATS import', createdAt: candidacy!.createdAt, movedBy: null },
    ]);
    const [change] = await app.em().find(CandidacyStageChange, { candidacy: localIdOf(candidacy!.id, 'Candidacy')! });
    expect(change.movedBy).toBeNull();
  });

  it.each([MandateStatus.DRAFT, MandateStatus.OPEN, MandateStatus.PRESENTED])('should accept a mandate that is %s', async (status) => {
    const target = await createTestMandate(app, nordlys, { status });
    const candidate = await newCandidate();
    const { userErrors } = await add({ mandateId: target.nodeId, candidateId: candidate.nodeId });
    expect(userErrors).toEqual([]);
  });

  it('should let one candidate be in several mandates', async () => {
    const candidate = await newCandidate();
    const other = await createTestMandate(app, nordlys);
    expect((await add({ mandateId: mandate.nodeId, candidateId: candidate.nodeId })).userErrors).toEqual([]);
    expect((await add({ mandateId: other.nodeId, candidateId: candidate.nodeId })).userErrors).toEqual([]);
  });
});

describe('addCandidateToMandate refusals', () => {
  async function expectRefused(
    input: { mandateId: string; candidateId: string; reason?: string | null },
    userErrors: { code: string; field: string[]; message: string }[],
  ) {
    const before = await snapshotTables(app);
    expect(await add(input)).toEqual({ candidacy: null, userErrors });
    expect(await snapshotTables(app)).toEqual(before);
  }

  it('should refuse the same candidate twice in one mandate with ALREADY_EXISTS and write nothing', async () => {
    const candidate = await newCandidate();
    await add({ mandateId: mandate.nodeId, candidateId: candidate.nodeId });
    await expectRefused({ mandateId: mandate.nodeId, candidateId: candidate.nodeId, reason: 'again' }, [
      { code: 'ALREADY_EXISTS', field: ['input', 'candidateId'], message: 'This candidate is already in the mandate.' },
    ]);
  });

  it.each([MandateStatus.FILLED, MandateStatus.CANCELLED])(
    'should refuse a mandate that is %s with INVALID_STATE and write nothing',
    async (status) => {
      const closed = await createTestMandate(app, nordlys, { status });
      const candidate = await newCandidate();
      await expectRefused({ mandateId: closed.nodeId, candidateId: candidate.nodeId }, [
        { code: 'INVALID_STATE', field: ['input', 'mandateId'], message: `Cannot add a candidate to a ${status} mandate.` },
      ]);
    },
  );

  it('should refuse a reason over 1000 characters with TOO_LONG and write nothing', async () => {
    const candidate = await newCandidate();
    await expectRefused({ mandateId: mandate.nodeId, candidateId: candidate.nodeId, reason: 'r'.repeat(1001) }, [
      { code: 'TOO_LONG', field: ['input', 'reason'], message: 'reason is longer than 1000 characters.' },
    ]);
  });

  it('should accept a reason of exactly 1000 characters', async () => {
    const candidate = await newCandidate();
    const { candidacy } = await add({ mandateId: mandate.nodeId, candidateId: candidate.nodeId, reason: 'r'.repeat(1000) });
    expect(candidacy!.history[0].reason).toHaveLength(1000);
  });

  it.each([
    ['a malformed id', () => 'nope'],
    ['the id of another type', () => nordlys.firm.nodeId],
    ['an id that does not exist', () => toGlobalId('Mandate', '00000000-0000-4000-8000-000000000000')],
  ])('should answer NOT_FOUND on mandateId for %s', async (_case, mandateId) => {
    const candidate = await newCandidate();
    await expectRefused({ mandateId: mandateId(), candidateId: candidate.nodeId }, [
      { code: 'NOT_FOUND', field: ['input', 'mandateId'], message: 'No mandate with this id.' },
    ]);
  });

  it("should answer NOT_FOUND for another firm's mandate and for another firm's candidate", async () => {
    const theirMandate = await createTestMandate(app, fjellvik);
    const theirCandidate = await newCandidate(fjellvik);
    const ours = await newCandidate();
    await expectRefused({ mandateId: theirMandate.nodeId, candidateId: ours.nodeId }, [
      { code: 'NOT_FOUND', field: ['input', 'mandateId'], message: 'No mandate with this id.' },
    ]);
    await expectRefused({ mandateId: mandate.nodeId, candidateId: theirCandidate.nodeId }, [
      { code: 'NOT_FOUND', field: ['input', 'candidateId'], message: 'No candidate with this id.' },
    ]);
  });

  it('should report every problem at once when both ids and the reason are wrong', async () => {
    await expectRefused({ mandateId: 'x', candidateId: mandate.nodeId, reason: 'r'.repeat(1001) }, [
      { code: 'TOO_LONG', field: ['input', 'reason'], message: 'reason is longer than 1000 characters.' },
      { code: 'NOT_FOUND', field: ['input', 'mandateId'], message: 'No mandate with this id.' },
      { code: 'NOT_FOUND', field: ['input', 'candidateId'], message: 'No candidate with this id.' },
    ]);
  });
});

describe('addCandidateToMandate access', () => {
  it.each([
    ['a client user', async () => nordlys.asClientUser],
    ['an API key with mandates:read only', async () => (await nordlys.apiKey([ApiKeyScope.MANDATES_READ])).client],
    ['an API key with candidates:write', async () => (await nordlys.apiKey([ApiKeyScope.CANDIDATES_WRITE])).client],
  ])('should refuse %s with FORBIDDEN and write nothing', async (_case, caller) => {
    const candidate = await newCandidate();
    const client = await caller();
    const before = await snapshotTables(app);
    const response = await client.request(AddCandidateToMandateDocument, {
      input: { mandateId: mandate.nodeId, candidateId: candidate.nodeId },
    });
    expect(response.data).toBeNull();
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(await snapshotTables(app)).toEqual(before);
  });

  it('should refuse a caller without a token with UNAUTHENTICATED', async () => {
    const candidate = await newCandidate();
    const response = await app.anonymous().request(AddCandidateToMandateDocument, {
      input: { mandateId: mandate.nodeId, candidateId: candidate.nodeId },
    });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });
});

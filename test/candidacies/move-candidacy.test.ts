import { ApiKeyScope } from '../../src/common/access';
import { toGlobalId } from '../../src/common/global-id';
import type { Mandate } from '../../src/modules/mandate';
import { Candidacy, CandidacyStage, CandidacyStageChange } from '../../src/modules/candidacy';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLClient } from '../helpers/graphql-client';
import { createTestMandate, insertCandidacy, insertCandidate, snapshotTables } from '../helpers/candidate-fixtures';
import { MoveCandidacyDocument, type MoveCandidacyInput } from '../generated/graphql';

const { SOURCED, SCREENING, INTERVIEWING, SHORTLISTED, PRESENTED, OFFER, PLACED, REJECTED, WITHDRAWN } = CandidacyStage;

let app: TestApp;
let nordlys: TestFirm;
let fjellvik: TestFirm;
let mandate: Mandate;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  fjellvik = await createTestFirm(app, 'fjellvik');
  mandate = await createTestMandate(app, nordlys, { title: 'Kundedirektør, Fjordnett AS' });
});
afterAll(() => app.close());

// A candidacy put straight into `stage` (its history then holds only the SOURCED entry).
async function candidacyIn(stage: CandidacyStage, testFirm: TestFirm = nordlys, target: Mandate = mandate): Promise<Candidacy> {
  const candidate = await insertCandidate(app, testFirm, { firstName: 'Lars', lastName: 'Brekke' });
  const candidacy = await insertCandidacy(app, testFirm, target, candidate);
  if (stage !== SOURCED) await app.em().nativeUpdate(Candidacy, { id: candidacy.id }, { stage });
  return candidacy;
}

function move(input: MoveCandidacyInput, caller: GraphQLClient = nordlys.asRecruiter) {
  return caller.data(MoveCandidacyDocument, { input }).then((data) => data.moveCandidacy);
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 3));

// Where each stage may go (PRODUCT.md §2), as the refusal lists it.
const NEXT: Record<string, string> = {
  SOURCED: 'SCREENING, REJECTED, WITHDRAWN',
  SCREENING: 'INTERVIEWING, REJECTED, WITHDRAWN',
  INTERVIEWING: 'SHORTLISTED, SCREENING, REJECTED, WITHDRAWN',
  SHORTLISTED: 'PRESENTED, INTERVIEWING, REJECTED, WITHDRAWN',
  PRESENTED: 'OFFER, REJECTED, WITHDRAWN',
  OFFER: 'PLACED, REJECTED, WITHDRAWN',
  REJECTED: 'SOURCED',
  WITHDRAWN: 'SOURCED',
};
const refusal = (from: string, to: string) =>
  from === 'PLACED'
    ? `Cannot move a candidacy from PLACED to ${to}: PLACED is final.`
    : `Cannot move a candidacy from ${from} to ${to}: from ${from} it may move to ${NEXT[from]}.`;

describe('moveCandidacy', () => {
  it('should walk a candidacy from SOURCED to PLACED and keep every move, oldest first', async () => {
    const candidacy = await candidacyIn(SOURCED);
    const path: [CandidacyStage, string | null, GraphQLClient, string][] = [
      [SCREENING, 'CV fits the profile', nordlys.asRecruiter, nordlys.recruiter.nodeId],
      [INTERVIEWING, null, nordlys.asRecruiter, nordlys.recruiter.nodeId],
      [SCREENING, 'Needs a second screening call', nordlys.asAdmin, nordlys.admin.nodeId],
      [INTERVIEWING, null, nordlys.asRecruiter, nordlys.recruiter.nodeId],
      [SHORTLISTED, 'Top three after competency interview', nordlys.asRecruiter, nordlys.recruiter.nodeId],
      [INTERVIEWING, 'Client asked for a case interview', nordlys.asRecruiter, nordlys.recruiter.nodeId],
      [SHORTLISTED, null, nordlys.asRecruiter, nordlys.recruiter.nodeId],
      [PRESENTED, null, nordlys.asAdmin, nordlys.admin.nodeId],
      [OFFER, 'Client made an offer', nordlys.asAdmin, nordlys.admin.nodeId],
      [PLACED, 'Signed', nordlys.asAdmin, nordlys.admin.nodeId],
    ];
    let from = SOURCED;
    const expected: object[] = [];
    let last: Awaited<ReturnType<typeof move>> | undefined;
    for (const [stage, reason, caller, moverId] of path) {
      const before = Date.now();
      last = await move({ candidacyId: candidacy.nodeId, stage, reason }, caller);
      expect(last.userErrors).toEqual([]);
      expect(last.candidacy!.stage).toBe(stage);
      const change = last.candidacy!.history.at(-1)!;
      expect(Date.parse(change.createdAt)).toBeGreaterThanOrEqual(before);
      expected.push({ fromStage: from, toStage: stage, reason, createdAt: change.createdAt, movedBy: { id: moverId } });
      from = stage;
      await pause();
    }
    const history = last!.candidacy!.history;
    expect(history.slice(1)).toEqual(expected);
    expect(history[0]).toMatchObject({ fromStage: null, toStage: SOURCED });
    const times = history.map((change) => Date.parse(change.createdAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it.each([
    [SOURCED, SCREENING],
    [SCREENING, INTERVIEWING],
    [INTERVIEWING, SHORTLISTED],
    [SHORTLISTED, PRESENTED],
    [PRESENTED, OFFER],
    [OFFER, PLACED],
    [INTERVIEWING, SCREENING],
    [SHORTLISTED, INTERVIEWING],
  ])('should move %s → %s without a reason', async (from, to) => {
    const candidacy = await candidacyIn(from);
    const { candidacy: moved, userErrors } = await move({ candidacyId: candidacy.nodeId, stage: to });
    expect(userErrors).toEqual([]);
    expect(moved!.stage).toBe(to);
    expect(moved!.history.at(-1)).toMatchObject({ fromStage: from, toStage: to, reason: null });
  });

  it.each([
    ...[SOURCED, SCREENING, INTERVIEWING, SHORTLISTED, PRESENTED, OFFER].flatMap((from) => [
      [from, REJECTED],
      [from, WITHDRAWN],
    ]),
    [REJECTED, SOURCED],
    [WITHDRAWN, SOURCED],
  ])('should move %s → %s with a reason', async (from, to) => {
    const candidacy = await candidacyIn(from);
    const { candidacy: moved, userErrors } = await move({ candidacyId: candidacy.nodeId, stage: to, reason: ' Reason given ' });
    expect(userErrors).toEqual([]);
    expect(moved!.stage).toBe(to);
    expect(moved!.history.at(-1)).toMatchObject({ fromStage: from, toStage: to, reason: 'Reason given' });
  });

  it('should record no user when an API key with mandates:write moves the candidacy', async () => {
    const candidacy = await candidacyIn(SOURCED);
    const { client } = await nordlys.apiKey([ApiKeyScope.MANDATES_WRITE]);
    const { candidacy: moved } = await move({ candidacyId: candidacy.nodeId, stage: SCREENING }, client);
    expect(moved!.history.at(-1)).toMatchObject({ fromStage: SOURCED, toStage: SCREENING, movedBy: null });
    const changes = await app.em().find(CandidacyStageChange, { candidacy: candidacy.id }, { orderBy: { createdAt: 'asc' } });
    expect(changes.map((change) => [change.toStage, change.movedBy?.id ?? null])).toEqual([
      [SOURCED, nordlys.recruiter.id],
      [SCREENING, null],
    ]);
  });
});

describe('moveCandidacy refusals', () => {
  async function expectRefused(input: MoveCandidacyInput, userErrors: { code: string; field: string[]; message: string }[]) {
    const before = await snapshotTables(app);
    expect(await move(input)).toEqual({ candidacy: null, userErrors });
    expect(await snapshotTables(app)).toEqual(before);
  }

  it.each([
    [SOURCED, INTERVIEWING],
    [SOURCED, SHORTLISTED],
    [SOURCED, PLACED],
    [SCREENING, SOURCED],
    [SCREENING, SHORTLISTED],
    [INTERVIEWING, SOURCED],
    [SHORTLISTED, SCREENING],
    [PRESENTED, SHORTLISTED],
    [PRESENTED, PLACED],
    [OFFER, PRESENTED],
    [PLACED, OFFER],
    [PLACED, SOURCED],
    [PLACED, REJECTED],
    [PLACED, WITHDRAWN],
    [REJECTED, SCREENING],
    [REJECTED, WITHDRAWN],
    [WITHDRAWN, REJECTED],
    [WITHDRAWN, INTERVIEWING],
  ])('should refuse %s → %s with INVALID_STATE and write nothing', async (from, to) => {
    const candidacy = await candidacyIn(from);
    await expectRefused({ candidacyId: candidacy.nodeId, stage: to, reason: 'Because' }, [
      {
        code: 'INVALID_STATE',
        field: ['input', 'stage'],
        message: refusal(from, to),
      },
    ]);
  });

  it.each([SOURCED, INTERVIEWING, PLACED, REJECTED])('should refuse a move from %s to the same stage with INVALID_STATE', async (stage) => {
    const candidacy = await candidacyIn(stage);
    await expectRefused({ candidacyId: candidacy.nodeId, stage, reason: 'Again' }, [
      { code: 'INVALID_STATE', field: ['input', 'stage'], message: `The candidacy is already ${stage}.` },
    ]);
  });

  it.each([
    [SCREENING, REJECTED, null],
    [OFFER, WITHDRAWN, '   '],
    [REJECTED, SOURCED, null],
    [WITHDRAWN, SOURCED, ''],
  ])('should refuse %s → %s without a reason (%p) with REQUIRED and write nothing', async (from, to, reason) => {
    const candidacy = await candidacyIn(from);
    await expectRefused({ candidacyId: candidacy.nodeId, stage: to, reason }, [
      { code: 'REQUIRED', field: ['input', 'reason'], message: `reason is required to move a candidacy from ${from} to ${to}.` },
    ]);
  });

  it('should refuse a reason over 1000 characters with TOO_LONG and write nothing', async () => {
    const candidacy = await candidacyIn(SOURCED);
    await expectRefused({ candidacyId: candidacy.nodeId, stage: SCREENING, reason: 'r'.repeat(1001) }, [
      { code: 'TOO_LONG', field: ['input', 'reason'], message: 'reason is longer than 1000 characters.' },
    ]);
  });

  it('should report a move that is not allowed and a reason too long together', async () => {
    const candidacy = await candidacyIn(PLACED);
    await expectRefused({ candidacyId: candidacy.nodeId, stage: REJECTED, reason: 'r'.repeat(1001) }, [
      { code: 'TOO_LONG', field: ['input', 'reason'], message: 'reason is longer than 1000 characters.' },
      { code: 'INVALID_STATE', field: ['input', 'stage'], message: 'Cannot move a candidacy from PLACED to REJECTED: PLACED is final.' },
    ]);
  });

  it.each([
    ['a malformed id', async () => 'junk'],
    ['the id of another type', async () => mandate.nodeId],
    ['an id that does not exist', async () => toGlobalId('Candidacy', '00000000-0000-4000-8000-000000000000')],
    ["another firm's candidacy", async () => (await candidacyIn(SOURCED, fjellvik, await createTestMandate(app, fjellvik))).nodeId],
  ])('should answer NOT_FOUND for %s and write nothing', async (_case, id) => {
    const candidacyId = await id();
    await expectRefused({ candidacyId, stage: SCREENING }, [
      { code: 'NOT_FOUND', field: ['input', 'candidacyId'], message: 'No candidacy with this id.' },
    ]);
  });
});

describe('moveCandidacy access', () => {
  it.each([
    ['a client user', async () => nordlys.asClientUser],
    ['an API key with mandates:read only', async () => (await nordlys.apiKey([ApiKeyScope.MANDATES_READ])).client],
    ['an API key with candidates:write', async () => (await nordlys.apiKey([ApiKeyScope.CANDIDATES_WRITE])).client],
  ])('should refuse %s with FORBIDDEN and write nothing', async (_case, caller) => {
    const candidacy = await candidacyIn(SOURCED);
    const client = await caller();
    const before = await snapshotTables(app);
    const response = await client.request(MoveCandidacyDocument, { input: { candidacyId: candidacy.nodeId, stage: SCREENING } });
    expect(response.data).toBeNull();
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(await snapshotTables(app)).toEqual(before);
  });

  it('should refuse a caller without a token with UNAUTHENTICATED', async () => {
    const candidacy = await candidacyIn(SOURCED);
    const response = await app.anonymous().request(MoveCandidacyDocument, { input: { candidacyId: candidacy.nodeId, stage: SCREENING } });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });
});

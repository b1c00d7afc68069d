import pg from 'pg';
import { ApiKeyScope } from '../../src/common/access';
import { localIdOf, toGlobalId } from '../../src/common/global-id';
import { encodeCursor } from '../../src/common/connection';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLClient } from '../helpers/graphql-client';
import { atsCandidates, eventually, upsert } from '../helpers/integration-fixtures';
import { insertCandidacy, someRatings } from '../helpers/interview-fixtures';
import { DEFAULT_COMPETENCY_KEYS } from '../helpers/mandate-fixtures';
import {
  MoveCandidacyDocument,
  ScheduleInterviewDocument,
  SetRequirementProfileDocument,
  SubmitScorecardDocument,
  UpdateCandidateDocument,
  UpdateMandateDocument,
} from '../generated/graphql';
import { SyncCandidaciesDocument, SyncCandidatesDocument, SyncMandatesDocument } from '../generated/integration-sdk';

let app: TestApp;
let nordlys: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
});
afterAll(() => app.close());

const EVER = '2000-01-01T00:00:00Z';

// The sync's horizon holds committed rows back while an older transaction may still commit, and
// another test file's transaction on the same server can be counted for a moment (README
// "Integrating an ATS": never a row skipped, not every row at once). Too early only ever means
// fewer rows, so a read is repeated (eventually, at most 5 s) until the rows it checks are there;
// the exact checks follow.
const HORIZON_WAIT_MS = 5_000;

// A sync read, repeated until `expected` of its changes are past the horizon.
function pastHorizon<T>(what: string, read: () => Promise<T>, edges: (result: T) => readonly unknown[], expected: number): Promise<T> {
  return eventually(what, read, (result) => edges(result).length >= expected, HORIZON_WAIT_MS);
}

// A connection of its own to the test database, as another process writing would have.
async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: app.orm.config.get('clientUrl') });
  await client.connect();
  return client;
}

// An integrator's replica: pages on from the last cursor it kept, and keeps the latest of each row.
class CandidateReplica {
  readonly rows = new Map<string, { location: string | null; updatedAt: string }>();
  cursor: string | null = null;
  // Rows that came again without having changed: the sync must never do that.
  repeatsWithoutChange = 0;

  constructor(private readonly caller: GraphQLClient) {}

  // Reads pages until the last one; true if it read any row.
  async syncOnce(pageSize = 7): Promise<boolean> {
    let read = false;
    for (;;) {
      const { candidates } = await this.caller.data(SyncCandidatesDocument, { updatedSince: EVER, first: pageSize, after: this.cursor });
      for (const { node } of candidates.edges) {
        const previous = this.rows.get(node.id);
        if (previous && previous.location === node.location && previous.updatedAt === node.updatedAt) this.repeatsWithoutChange++;
        this.rows.set(node.id, { location: node.location ?? null, updatedAt: node.updatedAt });
        read = true;
      }
      this.cursor = candidates.pageInfo.endCursor ?? this.cursor;
      if (!candidates.pageInfo.hasNextPage) return read;
    }
  }
}

async function storedLocations(firmId: string): Promise<Map<string, { location: string | null; updatedAt: string }>> {
  const rows: { id: string; location: string | null; updated_at: Date }[] = await app
    .em()
    .getConnection()
    .execute('select id, location, updated_at from candidate where firm_id = ?', [firmId]);
  return new Map(
    rows.map((row) => [toGlobalId('Candidate', row.id), { location: row.location, updatedAt: new Date(row.updated_at).toISOString() }]),
  );
}

describe('incremental candidate sync', () => {
  it('should not skip a change that commits after a later change was read', async () => {
    const firm = await createTestFirm(app, 'late');
    const created = await upsert(firm.asAdmin, atsCandidates(3));
    const [early, late] = created.results.map((result) => result.candidate!.id);
    const replica = new CandidateReplica(firm.asAdmin);
    await replica.syncOnce();
    expect(replica.rows.size).toBe(3);

    // A slow transaction stamps its change first and commits last.
    const slow = await connect();
    try {
      await slow.query('begin');
      await slow.query(`update candidate set location = 'Hammerfest', updated_at = clock_timestamp() where id = $1`, [
        localIdOf(early, 'Candidate'),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const { updateCandidate } = await firm.asAdmin.data(UpdateCandidateDocument, { input: { candidateId: late, location: 'Vardø' } });
      expect(updateCandidate.userErrors).toEqual([]);

      // The later change waits for the slow one: showing it now would move the cursor past the
      // slow change's place.
      expect(await replica.syncOnce()).toBe(false);
      await slow.query('commit');
    } finally {
      await slow.end();
    }
    expect(await replica.syncOnce()).toBe(true);
    expect(replica.rows.get(early)!.location).toBe('Hammerfest');
    expect(replica.rows.get(late)!.location).toBe('Vardø');
    expect(replica.rows).toEqual(await storedLocations(firm.firm.id));
  });

  it('should end with every row as stored and none skipped while other connections keep writing', async () => {
    const firm = await createTestFirm(app, 'soak');
    const created = await upsert(firm.asAdmin, atsCandidates(120));
    const ids = created.results.map((result) => localIdOf(result.candidate!.id, 'Candidate')!);
    const replica = new CandidateReplica(firm.asAdmin);

    // Three writers change random candidates in transactions that stamp updated_at, then take a
    // while to commit, so commits land out of the order of their stamps. The reader syncs while
    // they write; both go on until enough of each happened (counted, not timed, so a slow
    // machine does the same work), with a generous cap in case something hangs.
    const cap = Date.now() + 120_000;
    let writing = true;
    let writes = 0;
    const writer = async (number: number) => {
      const client = await connect();
      try {
        for (let round = 0; writing && Date.now() < cap && round < 400; round++) {
          const id = ids[Math.floor(Math.random() * ids.length)];
          await client.query('begin');
          await client.query(`update candidate set location = $1, updated_at = clock_timestamp() where id = $2`, [
            `writer ${number} round ${round}`,
            id,
          ]);
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 30));
          await client.query('commit');
          writes++;
        }
      } finally {
        await client.end();
      }
    };
    const writers = Promise.all([writer(1), writer(2), writer(3)]);
    let reads = 0;
    while ((reads < 10 || writes < 150) && Date.now() < cap) {
      await replica.syncOnce(5);
      reads++;
    }
    writing = false;
    await writers;
    // Everything has committed: one more sync from the kept cursor catches up (other test files
    // share the server, and a transaction of theirs may hold the horizon back for a moment).
    const stored = await storedLocations(firm.firm.id);
    for (let attempt = 0; attempt < 50; attempt++) {
      await replica.syncOnce(50);
      if (JSON.stringify([...replica.rows].sort()) === JSON.stringify([...stored].sort())) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(writes).toBeGreaterThan(100);
    expect(reads).toBeGreaterThan(5);
    expect(new Map([...replica.rows].sort())).toEqual(new Map([...stored].sort()));
    expect(replica.repeatsWithoutChange).toBe(0);
  });

  it('should refuse a forged cursor with BAD_USER_INPUT', async () => {
    for (const values of [
      ['1; drop table candidate', '6f1c2a56-2f0e-4c38-9c7e-3d0f1f6c9a11'],
      ['42', 'not-a-uuid'],
      [42, '6f1c2a56-2f0e-4c38-9c7e-3d0f1f6c9a11'],
    ]) {
      const response = await nordlys.asAdmin.request(SyncCandidatesDocument, {
        updatedSince: EVER,
        after: encodeCursor('candidatesBySync', values as string[]),
      });
      expect(response.data).toBeNull();
      expect(response.errors?.map((error) => [error.message, error.extensions])).toEqual([
        ['after is not a cursor of this list.', { code: 'BAD_USER_INPUT', argumentName: 'after' }],
      ]);
    }
  });
});

describe('mandateChanges and candidacyChanges', () => {
  let firm: TestFirm;
  let mandateId: string;
  let candidacyId: string;

  beforeAll(async () => {
    firm = await createTestFirm(app, 'pipeline');
    const pipeline = await insertCandidacy(app, firm, { stage: 'INTERVIEWING' as never });
    mandateId = toGlobalId('Mandate', pipeline.mandate.id);
    candidacyId = toGlobalId('Candidacy', pipeline.candidacy.id);
    await insertCandidacy(app, firm, { firstName: 'Other' });
  });

  // A page of changes as the tests read it: its ids, the cursor to go on from, its edges.
  function changes<Edge extends { node: { id: string } }>(
    connection: { edges: Edge[]; pageInfo: { endCursor?: string | null } },
    after: string | null,
  ) {
    return { ids: connection.edges.map((edge) => edge.node.id), cursor: connection.pageInfo.endCursor ?? after, nodes: connection.edges };
  }

  // The changes after `after`, once `expected` of them are past the horizon.
  async function mandateIds(after: string | null = null, expected = 0) {
    const read = () => firm.asAdmin.data(SyncMandatesDocument, { first: 100, after });
    const { mandateChanges } = await pastHorizon(`${expected} mandate changes`, read, (result) => result.mandateChanges.edges, expected);
    return changes(mandateChanges, after);
  }

  async function candidacyIds(after: string | null = null, expected = 0) {
    const read = () => firm.asAdmin.data(SyncCandidaciesDocument, { first: 100, after });
    const { candidacyChanges } = await pastHorizon(
      `${expected} candidacy changes`,
      read,
      (result) => result.candidacyChanges.edges,
      expected,
    );
    return changes(candidacyChanges, after);
  }

  it('should list a mandate again after it or its requirement profile changed, and nothing else', async () => {
    const start = await mandateIds(null, 2);
    expect(start.ids).toHaveLength(2);
    expect((await mandateIds(start.cursor)).ids).toEqual([]);

    const { updateMandate } = await firm.asAdmin.data(UpdateMandateDocument, { input: { mandateId, location: 'Tromsø' } });
    expect(updateMandate.userErrors).toEqual([]);
    const afterUpdate = await mandateIds(start.cursor, 1);
    expect(afterUpdate.ids).toEqual([mandateId]);

    const { setRequirementProfile } = await firm.asAdmin.data(SetRequirementProfileDocument, {
      input: { mandateId, requirements: [{ competencyKey: DEFAULT_COMPETENCY_KEYS[0], weight: 5, target: 4 }] },
    });
    expect(setRequirementProfile.userErrors).toEqual([]);
    const afterProfile = await mandateIds(afterUpdate.cursor, 1);
    expect(afterProfile.ids).toEqual([mandateId]);
    expect(afterProfile.nodes[0].node.requirementProfile).toEqual([
      { competencyKey: DEFAULT_COMPETENCY_KEYS[0], weight: 5, target: 4, minimum: null },
    ]);
  });

  it('should list a candidacy again after a move and after a submitted scorecard, with its new assessment', async () => {
    const start = await candidacyIds(null, 2);
    expect(start.ids).toHaveLength(2);

    const { moveCandidacy } = await firm.asRecruiter.data(MoveCandidacyDocument, { input: { candidacyId, stage: 'SHORTLISTED' } });
    expect(moveCandidacy.userErrors).toEqual([]);
    const afterMove = await candidacyIds(start.cursor, 1);
    expect(afterMove.nodes.map((edge) => [edge.node.id, edge.node.stage])).toEqual([[candidacyId, 'SHORTLISTED']]);

    const { scheduleInterview } = await firm.asRecruiter.data(ScheduleInterviewDocument, {
      input: {
        candidacyId,
        kind: 'COMPETENCY',
        scheduledAt: '2026-03-01T10:00:00Z',
        interviewerIds: [toGlobalId('User', firm.recruiter.id)],
      },
    });
    expect(scheduleInterview.userErrors).toEqual([]);
    // Scheduling adds no assessment: nothing to sync.
    expect((await candidacyIds(afterMove.cursor)).ids).toEqual([]);

    const { submitScorecard } = await firm.asRecruiter.data(SubmitScorecardDocument, {
      input: { interviewId: scheduleInterview.interview!.id, ratings: someRatings(1, 4), recommendation: 'YES' },
    });
    expect(submitScorecard.userErrors).toEqual([]);
    const afterScorecard = await candidacyIds(afterMove.cursor, 1);
    expect(afterScorecard.ids).toEqual([candidacyId]);
    expect(afterScorecard.nodes[0].node.assessment!.competencies[0]).toEqual({
      key: DEFAULT_COMPETENCY_KEYS[0],
      score: 4,
      ratingsCount: 1,
      spread: 0,
      disagreement: false,
    });
  });

  it('should filter by the time of the last change', async () => {
    const { candidacyChanges } = await firm.asAdmin.data(SyncCandidaciesDocument, { updatedSince: '2999-01-01T00:00:00Z' });
    expect(candidacyChanges.edges).toEqual([]);
    const { mandateChanges } = await pastHorizon(
      'both mandates',
      () => firm.asAdmin.data(SyncMandatesDocument, { updatedSince: EVER }),
      (result) => result.mandateChanges.edges,
      2,
    );
    expect(mandateChanges.edges).toHaveLength(2);
  });

  it.each([
    ['the admin', async () => firm.asAdmin],
    ['a recruiter', async () => firm.asRecruiter],
    ['an API key with mandates:read', async () => (await firm.apiKey([ApiKeyScope.MANDATES_READ])).client],
  ])('should let %s read the changes', async (_name, caller) => {
    const client = await caller();
    const { mandateChanges } = await pastHorizon(
      'both mandates',
      () => client.data(SyncMandatesDocument, {}),
      (result) => result.mandateChanges.edges,
      2,
    );
    expect(mandateChanges.edges).toHaveLength(2);
  });

  it.each([
    ['a client user', async () => firm.asClientUser],
    ['an API key with candidates:read', async () => (await firm.apiKey([ApiKeyScope.CANDIDATES_READ])).client],
  ])('should refuse %s with FORBIDDEN', async (_name, caller) => {
    const client = await caller();
    expect(errorCodes(await client.request(SyncMandatesDocument, {}))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await client.request(SyncCandidaciesDocument, {}))).toEqual(['FORBIDDEN']);
  });

  it("should show nothing of another firm's changes", async () => {
    const { mandateChanges } = await nordlys.asAdmin.data(SyncMandatesDocument, {});
    expect(mandateChanges.edges).toEqual([]);
  });
});

describe('sync reset: cursors a database cannot serve', () => {
  let firm: TestFirm;

  beforeAll(async () => {
    firm = await createTestFirm(app, 'reset');
    await upsert(firm.asAdmin, atsCandidates(3));
  });

  async function firstCursor(caller: GraphQLClient): Promise<string> {
    const { candidates } = await caller.data(SyncCandidatesDocument, { updatedSince: EVER, first: 1 });
    return candidates.pageInfo.endCursor!;
  }

  function cursorValues(cursor: string): [string, string, string, string] {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  }

  const EXPIRED = [
    'after is a cursor this database cannot serve (it comes from another database, or the database was restored): sync again from the start, without after.',
    { code: 'SYNC_CURSOR_EXPIRED', argumentName: 'after' },
  ];

  it('should refuse, on every sync list, a cursor issued by another database with SYNC_CURSOR_EXPIRED', async () => {
    // Another database of the same server, as a restore into a new database would give.
    const other = await startTestApp();
    try {
      const otherFirm = await createTestFirm(other, 'restored');
      await upsert(otherFirm.asAdmin, atsCandidates(2));
      await insertCandidacy(other, otherFirm);
      const foreign = await firstCursor(otherFirm.asAdmin);
      const { mandateChanges } = await otherFirm.asAdmin.data(SyncMandatesDocument, { first: 1 });
      const { candidacyChanges } = await otherFirm.asAdmin.data(SyncCandidaciesDocument, { first: 1 });
      // The foreign cursor's transaction id may well be below this database's: only the identity tells.
      for (const response of [
        await firm.asAdmin.request(SyncCandidatesDocument, { updatedSince: EVER, after: foreign }),
        await firm.asAdmin.request(SyncMandatesDocument, { after: mandateChanges.pageInfo.endCursor }),
        await firm.asAdmin.request(SyncCandidaciesDocument, { after: candidacyChanges.pageInfo.endCursor }),
      ]) {
        expect(response.data).toBeNull();
        expect(response.errors?.map((error) => [error.message, error.extensions])).toEqual([EXPIRED]);
      }
      // The database's own cursor is served as before.
      const own = await firstCursor(firm.asAdmin);
      const { candidates } = await firm.asAdmin.data(SyncCandidatesDocument, { updatedSince: EVER, after: own });
      expect(candidates.edges).toHaveLength(2);
    } finally {
      await other.close();
    }
  });

  it('should refuse a cursor whose transaction is not reached yet (the counter restarted) with SYNC_CURSOR_EXPIRED', async () => {
    const [list, identity, transactionId, entityId] = cursorValues(await firstCursor(firm.asAdmin));
    const ahead = String(BigInt(transactionId) + 1_000_000n);
    for (const values of [
      [identity, ahead, entityId],
      // A cursor of before the identity was added: the transaction id still tells.
      [ahead, entityId],
    ]) {
      const response = await firm.asAdmin.request(SyncCandidatesDocument, { updatedSince: EVER, after: encodeCursor(list, values) });
      expect(response.errors?.map((error) => [error.message, error.extensions])).toEqual([EXPIRED]);
    }
  });

  it('should keep serving a cursor issued before cursors carried the database identity', async () => {
    const [list, , transactionId, entityId] = cursorValues(await firstCursor(firm.asAdmin));
    const { candidates } = await firm.asAdmin.data(SyncCandidatesDocument, {
      updatedSince: EVER,
      after: encodeCursor(list, [transactionId, entityId]),
    });
    expect(candidates.edges).toHaveLength(2);
    // The next cursor carries the identity.
    expect(cursorValues(candidates.pageInfo.endCursor!)).toHaveLength(4);
  });

  it('should refuse a tampered identity with the bad-cursor error', async () => {
    const [list, , transactionId, entityId] = cursorValues(await firstCursor(firm.asAdmin));
    for (const identity of ['x', 42, '', "0123456789abcdef' or 1=1"]) {
      const response = await firm.asAdmin.request(SyncCandidatesDocument, {
        updatedSince: EVER,
        after: encodeCursor(list, [identity as string, transactionId, entityId]),
      });
      expect(response.errors?.map((error) => [error.message, error.extensions])).toEqual([
        ['after is not a cursor of this list.', { code: 'BAD_USER_INPUT', argumentName: 'after' }],
      ]);
    }
  });

  it("should read the database's identity as a user that is not a superuser", async () => {
    const role = `sync_reader_${Date.now()}`;
    const admin = await connect();
    const url = new URL(app.orm.config.get('clientUrl')!);
    try {
      await admin.query(`create role ${role} login password 'reader-password'`);
      url.username = role;
      url.password = 'reader-password';
      const reader = new pg.Client({ connectionString: url.toString() });
      await reader.connect();
      try {
        const { rows } = await reader.query(
          `select (select rolsuper from pg_roles where rolname = current_user) as superuser,
                  (select system_identifier::text from pg_control_system()) as identifier`,
        );
        expect(rows[0].superuser).toBe(false);
        expect(rows[0].identifier).toMatch(/^[0-9]+$/);
      } finally {
        await reader.end();
      }
    } finally {
      await admin.query(`drop role if exists ${role}`);
      await admin.end();
    }
  });
});
